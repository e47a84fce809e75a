#pragma once

#include "io/read_options.h"
#include "report/analysis.h"

#include <string>

namespace focalscope {

// The CLI's JSON, schema 1 (DESIGN.md): null for undefined numbers, 17 significant digits.
std::string jsonReport(const std::string& path, const ReadResult& input, const Analysis& analysis);

// CSV of every curve point: class,threshold,fpr,tpr.
std::string rocCsv(const Analysis& analysis);

}  // namespace focalscope
