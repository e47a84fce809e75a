#pragma once

#include "io/read_options.h"
#include "report/analysis.h"

#include <string>

namespace focalscope {

// The CLI's JSON, schema 1 (DESIGN.md): null for undefined numbers, 17 significant digits.
// "partial" is null unless a max FPR below 1 was asked for (binary tasks).
std::string jsonReport(const std::string& path, const ReadResult& input, const Analysis& analysis,
    bool partialRequested);

// CSV of every stored curve point: class,threshold,fpr,tpr (the micro average as class
// "micro"); the threshold of the first point is inf.
std::string rocCsv(const Analysis& analysis);

} // namespace focalscope
