#pragma once

// The CLI's report of a summary: the schema-1 JSON of a prediction file with "binned": true
// and, beside each AUROC and focal-loss "value", its "bounds": [lo, hi] (the exact interval of
// the unbinned value; DESIGN.md, Summaries), and the text report's lines.

#include "loss/focal_params.h"
#include "summary/summary.h"

#include <string>

namespace focalscope {

// Throws std::invalid_argument as summaryFocalLoss does (sigmoid loss of a multiclass summary).
std::string summaryJson(const std::string& path, const Summary& summary, const FocalParams& params);
std::string summaryText(const std::string& path, const Summary& summary, const FocalParams& params);

} // namespace focalscope
