#include "report/json_report.h"

#include "report/analysis_json.h"
#include "report/bootstrap_json.h"
#include "report/calibration_json.h"
#include "report/json_writer.h"
#include "report/runs_json.h"

#include <optional>

namespace focalscope {

namespace {

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
    bool partialRequested, const std::string& labelsPath, const RunsReport* runs)
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
    if (runs)
        writeRuns(json, *runs, partialRequested);
    json.key("warnings");
    json.beginArray();
    for (const ReadWarning& warning : input.warnings)
        json.value(warning.message);
    for (const std::string& warning : analysis.warnings)
        json.value(warning);
    if (runs)
        for (const std::string& warning : otherRunWarnings(*runs))
            json.value(warning);
    json.endArray();
    json.endObject();
    return json.text() + '\n';
}

} // namespace focalscope
