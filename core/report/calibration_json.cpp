#include "report/calibration_json.h"

namespace focalscope {

namespace {

void writeBins(JsonWriter& json, const ReliabilityCurve& curve)
{
    json.key("bins");
    json.beginArray();
    for (const ReliabilityBin& bin : curve.bins) {
        json.beginObject();
        json.key("lo");
        json.value(bin.lo);
        json.key("hi");
        json.value(bin.hi);
        json.key("count");
        json.value(static_cast<long long>(bin.count));
        json.key("mean_predicted");
        json.value(bin.meanPredicted);
        json.key("fraction_positive");
        json.value(bin.fractionPositive);
        json.endObject();
    }
    json.endArray();
    json.key("ece");
    json.value(curve.ece);
    json.key("mce");
    json.value(curve.mce);
}

void writeTemperature(JsonWriter& json, const CalibrationReport& report)
{
    json.key("temperature");
    if (!report.hasTemperature) {
        json.null();
        return;
    }
    const TemperatureSummary& t = report.temperature;
    json.beginObject();
    json.key("value");
    json.value(t.fit.temperature);
    json.key("nll_before");
    json.value(t.fit.nllBefore);
    json.key("nll_after");
    json.value(t.fit.nllAfter);
    json.key("ece_before");
    json.value(t.eceBefore);
    json.key("ece_after");
    json.value(t.eceAfter);
    json.key("focal_loss_before");
    json.value(t.focalLossBefore);
    json.key("focal_loss_after");
    json.value(t.focalLossAfter);
    json.key("at_bound");
    json.value(t.fit.atBound);
    json.endObject();
}

} // namespace

void writeCalibration(JsonWriter& json, const CalibrationReport& report)
{
    json.key("calibration");
    json.beginObject();
    json.key("strategy");
    json.value(binStrategyName(report.strategy));
    json.key("bins");
    json.value(static_cast<long long>(report.bins));
    json.key("probabilities");
    json.value(lossModeName(report.mode));
    json.key("per_class");
    json.beginArray();
    for (const ClassCalibration& c : report.perClass) {
        json.beginObject();
        json.key("class");
        json.value(c.name);
        writeBins(json, c.curve);
        json.key("brier");
        json.value(c.brier);
        json.endObject();
    }
    json.endArray();
    json.key("top_label");
    json.beginObject();
    writeBins(json, report.topLabel);
    json.endObject();
    json.key("brier");
    json.value(report.brier);
    json.key("nll");
    json.value(report.nll);
    writeTemperature(json, report);
    json.endObject();
}

} // namespace focalscope
