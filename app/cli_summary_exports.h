#pragma once

#include "cli_options.h"
#include "loss/focal_params.h"
#include "summary/summary.h"

namespace focalscope {

// What a summary gives beyond its report, from its binned scores (summaryRocReport): --roc-csv
// and --pr-csv by the prediction path's CSV writers, --export-roc, --export-pr, --export-det and
// --export-loss by the same plot builders (ui/charts): the curves' plots are titled "..., binned",
// and every plot's note names the summary.
// Returns false (after printing why on stderr) when a file cannot be written or
// --loss-curve-class names no class.
bool writeSummaryOutputs(
    const CliOptions& options, const Summary& summary, const FocalParams& params);

} // namespace focalscope
