#pragma once

#include "cli_options.h"
#include "io/read_options.h"
#include "report/analysis.h"
#include "report/runs_report.h"

#include <deque>
#include <string>

namespace focalscope {

// focalscope-cli --run: the runs after run A, read with run A's reader options (and run A's
// labels file when a run holds no labels of its own), analysed like run A (without operating
// points, calibration or bootstrap; with curves only when plots are asked for), then compared
// (compareRuns) or, with --folds, summarised (foldSummary). report points into this object: keep it
// alive while reporting.
struct CliRuns {
    std::deque<ReadResult> inputs;
    std::deque<Analysis> analyses;
    RunsReport report;
};

// The outcome of loadRuns: status 0, or the exit status with the message for stderr.
struct CliRunsStatus {
    int status = 0;
    std::string message;
};

CliRunsStatus loadRuns(const CliOptions& options, const ReadOptions& read, const ReadResult& runA,
    const Analysis& analysisA, const AnalysisOptions& analysisOptions, CliRuns& runs);

} // namespace focalscope
