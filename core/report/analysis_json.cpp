#include "report/analysis_json.h"

#include "report/json_writer.h"

namespace focalscope {

namespace {

// The name of a loss target: a class name, or for a binary task the label ("0" / "1").
std::string targetName(const Predictions& predictions, Index target)
{
    return predictions.isBinary() ? std::to_string(target) : className(predictions, target);
}

void writeInterval(JsonWriter& json, const DelongInterval& ci)
{
    json.beginArray();
    json.value(ci.lower);
    json.value(ci.upper);
    json.endArray();
}

// {"range": [a, b], "raw", "mcclish"} of one class.
void writePartialRange(JsonWriter& json, const FprRange& range, const PartialAuroc& partial)
{
    json.beginObject();
    json.key("range");
    json.beginArray();
    json.value(range.low);
    json.value(range.high);
    json.endArray();
    json.key("raw");
    json.value(partial.raw);
    json.key("mcclish");
    json.value(partial.mcclish);
    json.endObject();
}

} // namespace

// "focal_loss": {"mode", "gamma", "alpha", "reduction", "value", "per_class", "easy_share"}.
void writeFocalLoss(JsonWriter& json, const Predictions& predictions, const LossAnalysis& loss)
{
    json.key("focal_loss");
    json.beginObject();
    json.key("mode");
    json.value(lossModeName(loss.params.mode));
    json.key("gamma");
    json.value(loss.params.gamma);
    json.key("alpha");
    json.beginArray();
    for (double a : loss.alpha)
        json.value(a);
    json.endArray();
    json.key("reduction");
    json.value(reductionName(loss.params.reduction));
    json.key("value");
    json.value(loss.loss.value);
    json.key("per_class");
    json.beginArray();
    for (std::size_t c = 0; c < loss.perClass.size(); ++c) {
        json.beginObject();
        json.key("class");
        json.value(targetName(predictions, static_cast<Index>(c)));
        json.key("samples");
        json.value(static_cast<long long>(loss.perClass[c].samples));
        json.key("mean");
        json.value(loss.perClass[c].mean);
        json.key("share");
        json.value(loss.perClass[c].share);
        json.endObject();
    }
    json.endArray();
    json.key("easy_share");
    json.value(loss.easyShare);
    json.endObject();
}

void writeAuroc(JsonWriter& json, const RocReport& roc, bool partialRequested)
{
    json.key("auroc");
    json.beginObject();
    if (roc.binary) {
        const ClassRoc& positive = roc.classes.front();
        json.key("value");
        json.value(positive.auroc);
        json.key("ci95");
        writeInterval(json, positive.ci);
        json.key("partial");
        if (partialRequested)
            json.value(roc.partial);
        else
            json.null();
        if (roc.fprRange) {
            json.key("partial_range");
            writePartialRange(json, *roc.fprRange, positive.partialRange);
        }
    } else {
        json.key("per_class");
        json.beginArray();
        for (const ClassRoc& c : roc.classes)
            json.value(c.auroc);
        json.endArray();
        json.key("ci95");
        json.beginArray();
        for (const ClassRoc& c : roc.classes)
            writeInterval(json, c.ci);
        json.endArray();
        json.key("macro");
        json.value(roc.macro);
        json.key("weighted");
        json.value(roc.weighted);
        json.key("micro");
        json.value(roc.micro);
        json.key("ovo");
        json.value(roc.ovo);
        json.key("partial");
        json.null();
        if (roc.fprRange) {
            json.key("partial_range");
            json.beginArray();
            for (const ClassRoc& c : roc.classes)
                writePartialRange(json, *roc.fprRange, c.partialRange);
            json.endArray();
        }
    }
    json.endObject();
}

void writeAveragePrecision(JsonWriter& json, const RocReport& roc)
{
    json.key("average_precision");
    json.beginObject();
    if (roc.binary) {
        json.key("value");
        json.value(roc.classes.front().averagePrecision);
    } else {
        json.key("per_class");
        json.beginArray();
        for (const ClassRoc& c : roc.classes)
            json.value(c.averagePrecision);
        json.endArray();
        json.key("macro");
        json.value(roc.apMacro);
    }
    json.endObject();
}

} // namespace focalscope
