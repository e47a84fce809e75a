#include "report/json_report.h"

#include "report/bootstrap_json.h"
#include "report/calibration_json.h"
#include "report/json_writer.h"

#include <optional>

namespace focalscope {

namespace {

// The name of a loss target: a class name, or for a binary task the label ("0" / "1").
std::string targetName(const Predictions& predictions, Index target)
{
    return predictions.isBinary() ? std::to_string(target) : className(predictions, target);
}

void writeInput(JsonWriter& json, const std::string& path, const std::string& labelsPath,
    const ReadResult& input, std::optional<double> temperature)
{
    const Predictions& p = input.predictions;
    json.key("input");
    json.beginObject();
    json.key("path");
    json.value(path);
    json.key("labels_path");
    if (labelsPath.empty())
        json.null();
    else
        json.value(labelsPath);
    json.key("format");
    json.value(fileFormat(input.format).name);
    json.key("task");
    json.value(p.isBinary() ? "binary" : "multiclass");
    json.key("kind");
    json.value(scoreKindName(p.kind));
    json.key("samples");
    json.value(static_cast<long long>(input.samples));
    json.key("ignored");
    json.value(static_cast<long long>(input.ignored));
    json.key("skipped");
    json.value(static_cast<long long>(input.skipped));
    json.key("classes");
    json.value(static_cast<long long>(p.classes()));
    json.key("class_names");
    json.beginArray();
    for (Index c = 0; c < p.classes(); ++c)
        json.value(className(p, c));
    json.endArray();
    if (temperature) {
        json.key("temperature");
        json.value(*temperature);
    }
    json.endObject();
}

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

// {"class", "rule", "threshold", counts and rates[, cost fields]} per class and rule that has a
// point (those without one are named in the warnings). A +inf threshold (nothing predicted
// positive) is written as null, as every non-finite number.
void writeOperatingPoints(JsonWriter& json, const std::vector<ClassOperatingPoint>& points)
{
    json.key("operating_points");
    json.beginArray();
    for (const ClassOperatingPoint& entry : points) {
        if (!entry.chosen.point)
            continue;
        const OperatingPoint& p = *entry.chosen.point;
        json.beginObject();
        json.key("class");
        json.value(entry.className);
        json.key("rule");
        json.value(entry.rule.text);
        json.key("threshold");
        json.value(p.threshold);
        for (const auto& [name, count] : {std::pair {"tp", p.tp}, std::pair {"fp", p.fp},
                 std::pair {"tn", p.tn}, std::pair {"fn", p.fn}}) {
            json.key(name);
            json.value(static_cast<long long>(count));
        }
        for (const auto& [name, number] : {std::pair {"tpr", p.tpr}, std::pair {"fpr", p.fpr},
                 std::pair {"precision", p.precision}, std::pair {"recall", p.recall},
                 std::pair {"f1", p.f1}, std::pair {"mcc", p.mcc},
                 std::pair {"balanced_accuracy", p.balancedAccuracy},
                 std::pair {"specificity", p.specificity}, std::pair {"npv", p.npv}}) {
            json.key(name);
            json.value(number);
        }
        if (entry.rule.kind == OperatingRule::Kind::Cost) {
            json.key("prevalence");
            json.value(entry.chosen.prevalence);
            json.key("expected_cost");
            json.value(entry.chosen.expectedCost);
            json.key("iso_cost_slope");
            json.value(entry.chosen.isoCostSlope);
        }
        json.endObject();
    }
    json.endArray();
}

// Rows the true class, columns the argmax prediction.
void writeConfusionMatrix(JsonWriter& json, const ConfusionMatrix& matrix)
{
    json.key("confusion_matrix");
    json.beginArray();
    for (Index t = 0; t < matrix.classes; ++t) {
        json.beginArray();
        for (Index p = 0; p < matrix.classes; ++p)
            json.value(static_cast<long long>(matrix.at(t, p)));
        json.endArray();
    }
    json.endArray();
}

} // namespace

std::string jsonReport(const std::string& path, const ReadResult& input, const Analysis& analysis,
    bool partialRequested, const std::string& labelsPath)
{
    JsonWriter json;
    json.beginObject();
    json.key("schema");
    json.value(1LL);
    writeInput(json, path, labelsPath, input, analysis.temperature);
    writeFocalLoss(json, input.predictions, analysis.loss);
    writeAuroc(json, analysis.roc, partialRequested);
    writeAveragePrecision(json, analysis.roc);
    if (!analysis.operatingPoints.empty())
        writeOperatingPoints(json, analysis.operatingPoints);
    // Always there for a multiclass task, also when the analysis was put together without
    // analyze() (the window's export).
    if (analysis.confusionMatrix)
        writeConfusionMatrix(json, *analysis.confusionMatrix);
    else if (!input.predictions.isBinary())
        writeConfusionMatrix(json, argmaxConfusionMatrix(input.predictions));
    if (analysis.calibration)
        writeCalibration(json, *analysis.calibration);
    if (analysis.bootstrap)
        writeBootstrap(json, *analysis.bootstrap);
    json.key("warnings");
    json.beginArray();
    for (const ReadWarning& warning : input.warnings)
        json.value(warning.message);
    for (const std::string& warning : analysis.warnings)
        json.value(warning);
    json.endArray();
    json.endObject();
    return json.text() + '\n';
}

} // namespace focalscope
