#include "report/bootstrap_json.h"

namespace focalscope {

namespace {

void writeInterval(JsonWriter& json, const PercentileInterval& ci)
{
    json.beginArray();
    json.value(ci.lower);
    json.value(ci.upper);
    json.endArray();
}

// One interval per class ([lo, hi] alone for a binary task).
template<typename IntervalOf>
void writeIntervals(JsonWriter& json, const BootstrapReport& report, IntervalOf intervalOf)
{
    if (report.binary && !report.classes.empty()) {
        writeInterval(json, intervalOf(report.classes.front()));
        return;
    }
    json.beginArray();
    for (const BootstrapResult& c : report.classes)
        writeInterval(json, intervalOf(c));
    json.endArray();
}

// null for a class without a band (no positives or no negatives: no ROC curve).
void writeBand(JsonWriter& json, const RocBand& band)
{
    if (band.fpr.empty()) {
        json.null();
        return;
    }
    json.beginObject();
    writeNumbers(json, "fpr", band.fpr);
    writeNumbers(json, "tpr", band.tpr);
    writeNumbers(json, "tpr_lo", band.tprLower);
    writeNumbers(json, "tpr_hi", band.tprUpper);
    json.endObject();
}

} // namespace

void writeBootstrap(JsonWriter& json, const BootstrapReport& report)
{
    json.key("bootstrap");
    json.beginObject();
    json.key("method");
    json.value(report.method);
    json.key("replicates");
    json.value(static_cast<long long>(report.options.replicates));
    json.key("seed");
    json.value(static_cast<long long>(report.options.seed));
    json.key("level");
    json.value(report.options.level);
    json.key("ci95");
    writeIntervals(json, report, [](const BootstrapResult& c) { return c.aurocCi; });
    json.key("average_precision_ci95");
    writeIntervals(json, report, [](const BootstrapResult& c) { return c.averagePrecisionCi; });
    if (report.options.bandPoints > 0 && !report.classes.empty()) {
        json.key("band");
        if (report.binary) {
            writeBand(json, report.classes.front().band);
        } else {
            json.beginArray();
            for (const BootstrapResult& c : report.classes)
                writeBand(json, c.band);
            json.endArray();
        }
    }
    if (report.cancelled) {
        json.key("cancelled");
        json.value(true);
    }
    json.endObject();
}

} // namespace focalscope
