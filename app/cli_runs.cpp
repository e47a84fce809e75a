#include "cli_runs.h"

#include "compare/bootstrap_delta.h"
#include "compare/run_classes.h"
#include "io/prediction_reader.h"

#include <stdexcept>

namespace focalscope {

namespace {

constexpr int kBadArguments = 2;
constexpr int kBadInput = 3;

// What a run after run A needs: its loss and ROC numbers, its calibration and bootstrap when
// asked for (each run's own), no per-row views or operating points.
AnalysisOptions runAnalysisOptions(AnalysisOptions options)
{
    options.roc.withCurves = false;
    options.perRowViews = false;
    options.operatingRules.clear();
    return options;
}

} // namespace

CliRunsStatus loadRuns(const CliOptions& options, const ReadOptions& read, const ReadResult& runA,
    const Analysis& analysisA, const AnalysisOptions& analysisOptions, CliRuns& runs)
{
    std::vector<std::string> paths {options.predictions};
    std::vector<const Predictions*> predictions {&runA.predictions};
    for (const std::string& path : options.runs) {
        const std::string labels
            = !options.labels.empty() && !holdsOwnLabels(path, read) ? options.labels : "";
        try {
            runs.inputs.push_back(readPredictions(path, labels, read));
        } catch (const ReadError& error) {
            return {kBadInput, error.what()};
        }
        paths.push_back(path);
        predictions.push_back(&runs.inputs.back().predictions);
    }
    try {
        checkSameClasses(predictions, paths);
    } catch (const std::invalid_argument& error) {
        return {kBadInput, error.what()};
    }

    AnalysisOptions runOptions = runAnalysisOptions(analysisOptions);
    // The ROC, PR and DET plots draw every run.
    runOptions.roc.withCurves = options.wantsPlots();
    const std::vector<std::string> names = uniqueRunNames(paths);
    RunsReport& report = runs.report;
    report.runs.push_back({names[0], paths[0], &runA, &analysisA});
    for (std::size_t k = 0; k < runs.inputs.size(); ++k) {
        try {
            runs.analyses.push_back(analyze(runs.inputs[k].predictions, runOptions));
        } catch (const std::invalid_argument& error) {
            return {kBadArguments, paths[k + 1] + ": " + error.what()};
        }
        report.runs.push_back({names[k + 1], paths[k + 1], &runs.inputs[k], &runs.analyses[k]});
    }
    try {
        report.folds = options.folds;
        if (options.folds)
            report.foldSummaries = foldSummary(predictions);
        else
            report.comparisons = compareRuns(predictions, CompareOptions {options.unpaired});
        // --bootstrap B: the delta of every paired comparison gets its percentile interval too.
        if (options.bootstrap && !options.folds)
            addBootstrapDeltas(report.comparisons, predictions, *options.bootstrap);
    } catch (const std::invalid_argument& error) {
        return {kBadInput, error.what()};
    }
    return {};
}

} // namespace focalscope
