#pragma once

#include "report/runs_report.h"

namespace focalscope {

class JsonWriter;

// "runs": [{"name", "path", "focal_loss", "auroc", "average_precision"}] (the objects of the
// top level, analysis_json.h), then either
// "comparisons": [{"a", "b", "class", "paired", "auroc_a", "auroc_b", "delta", "ci95", "z",
// "p", "p_holm"[, "df"][, "reason"]}] (a, b index "runs"; "df" for an unpaired test, whose p is
// Student's t; "reason" when unpaired because the rows differ), or with folds
// "folds": [{"class", "aurocs", "auroc_mean", "auroc_sd", "pooled_auroc",
// "vertical": {"fpr", "tpr_mean", "tpr_sd", "tpr_lo", "tpr_hi"}}] per class.
void writeRuns(JsonWriter& json, const RunsReport& report, bool partialRequested);

} // namespace focalscope
