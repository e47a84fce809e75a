#include "report/runs_json.h"

#include "report/analysis_json.h"
#include "report/bootstrap_json.h"
#include "report/calibration_json.h"
#include "report/json_writer.h"

namespace focalscope {

namespace {

void writeRun(JsonWriter& json, const ReportedRun& run, bool partialRequested)
{
    json.beginObject();
    json.key("name");
    json.value(run.name);
    json.key("path");
    json.value(run.path);
    writeFocalLoss(json, run.input->predictions, run.analysis->loss);
    writeAuroc(json, run.analysis->roc, partialRequested);
    writeAveragePrecision(json, run.analysis->roc);
    // --calibration and --bootstrap B: each run's own, as run A's at the top level.
    if (run.analysis->calibration)
        writeCalibration(json, *run.analysis->calibration);
    if (run.analysis->bootstrap)
        writeBootstrap(json, *run.analysis->bootstrap);
    json.endObject();
}

void writeComparison(JsonWriter& json, const RunComparison& c)
{
    json.beginObject();
    json.key("a");
    json.value(static_cast<long long>(c.a));
    json.key("b");
    json.value(static_cast<long long>(c.b));
    json.key("class");
    json.value(c.className);
    json.key("paired");
    json.value(c.paired);
    json.key("auroc_a");
    json.value(c.aucA);
    json.key("auroc_b");
    json.value(c.aucB);
    json.key("delta");
    json.value(c.delta);
    json.key("ci95");
    json.beginArray();
    json.value(c.ciLower);
    json.value(c.ciUpper);
    json.endArray();
    json.key("z");
    json.value(c.z);
    json.key("p");
    json.value(c.p);
    json.key("p_holm");
    json.value(c.pHolm);
    if (!c.paired) {
        json.key("df");
        json.value(c.df);
    }
    if (!c.reason.empty()) {
        json.key("reason");
        json.value(c.reason);
    }
    if (c.bootstrapReplicates > 0) {
        json.key("bootstrap");
        json.beginObject();
        json.key("method");
        json.value(std::string("stratified percentile (paired: the same rows resampled for both "
                               "runs)"));
        json.key("replicates");
        json.value(static_cast<long long>(c.bootstrapReplicates));
        json.key("seed");
        json.value(static_cast<long long>(c.bootstrapSeed));
        json.key("ci95");
        json.beginArray();
        json.value(c.bootstrapLower);
        json.value(c.bootstrapUpper);
        json.endArray();
        json.endObject();
    }
    json.endObject();
}

void writeFold(JsonWriter& json, const FoldClassSummary& s)
{
    json.beginObject();
    json.key("class");
    json.value(s.className);
    writeNumbers(json, "aurocs", s.aurocs);
    json.key("auroc_mean");
    json.value(s.aurocMean);
    json.key("auroc_sd");
    json.value(s.aurocSd);
    json.key("pooled_auroc");
    json.value(s.pooledAuroc);
    json.key("vertical");
    json.beginObject();
    writeNumbers(json, "fpr", s.vertical.fpr);
    writeNumbers(json, "tpr_mean", s.vertical.tprMean);
    writeNumbers(json, "tpr_sd", s.vertical.tprSd);
    writeNumbers(json, "tpr_lo", s.vertical.tprLo);
    writeNumbers(json, "tpr_hi", s.vertical.tprHi);
    json.endObject();
    json.endObject();
}

} // namespace

void writeRuns(JsonWriter& json, const RunsReport& report, bool partialRequested)
{
    json.key("runs");
    json.beginArray();
    for (const ReportedRun& run : report.runs)
        writeRun(json, run, partialRequested);
    json.endArray();
    if (report.folds) {
        json.key("folds");
        json.beginArray();
        for (const FoldClassSummary& s : report.foldSummaries)
            writeFold(json, s);
        json.endArray();
        return;
    }
    json.key("comparisons");
    json.beginArray();
    for (const RunComparison& c : report.comparisons)
        writeComparison(json, c);
    json.endArray();
}

} // namespace focalscope
