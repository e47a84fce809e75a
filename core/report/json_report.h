#pragma once

#include "io/read_options.h"
#include "report/analysis.h"
#include "report/runs_report.h"

#include <string>

namespace focalscope {

// The CLI's JSON, schema 1 (DESIGN.md): null for undefined numbers, numbers in the shortest
// form that reads back to the same double, always valid UTF-8. "partial" is null unless a max
// FPR was asked for (binary tasks; 1 gives the full AUROC); "partial_range" is there when the
// ROC analysis had an FPR range.
// "operating_points" is there when rules were asked for (AnalysisOptions::operatingRules);
// a multiclass task always has "confusion_matrix".
// input.labels_path is the labels file (null when the labels came with the predictions);
// input.temperature is there when the scores were divided by a temperature (Analysis).
// With runs (run A = the top level), "runs" and "comparisons" or "folds" follow (runs_json.h),
// and the other runs' warnings are in "warnings", each prefixed with "run NAME: ".
std::string jsonReport(const std::string& path, const ReadResult& input, const Analysis& analysis,
    bool partialRequested, const std::string& labelsPath = {}, const RunsReport* runs = nullptr);

} // namespace focalscope
