#pragma once

#include "compare/fold_summary.h"
#include "compare/run_comparison.h"
#include "io/read_options.h"
#include "report/analysis.h"

#include <string>
#include <vector>

namespace focalscope {

// One run as the reports show it. Run A (the first) is the top-level input.
struct ReportedRun {
    std::string name; // unique among the runs (uniqueRunNames)
    std::string path;
    const ReadResult* input = nullptr;
    const Analysis* analysis = nullptr;
};

// What the CLI reports about several runs: each run's numbers, and either the comparisons of
// every pair (compareRuns) or, for folds of one model, the fold summary (foldSummary).
struct RunsReport {
    std::vector<ReportedRun> runs;
    std::vector<RunComparison> comparisons; // empty with folds
    bool folds = false;
    std::vector<FoldClassSummary> foldSummaries;
};

// Each path's file stem ("runs/model.csv" -> "model"), made unique by "-2", "-3", ... after
// the first of a name, in order.
std::vector<std::string> uniqueRunNames(const std::vector<std::string>& paths);

// The warnings of the runs after run A (reading and analysis), each prefixed with
// "run NAME: ".
std::vector<std::string> otherRunWarnings(const RunsReport& runs);

} // namespace focalscope
