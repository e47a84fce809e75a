#pragma once

#include "io/read_options.h"
#include "report/analysis.h"

#include <string>

namespace focalscope {

// The CLI's human-readable summary: input, focal loss, and a per-class table of support,
// AUROC with its DeLong interval, average precision, mean loss and loss share.
std::string textReport(const std::string& path, const ReadResult& input, const Analysis& analysis,
    bool partialRequested);

} // namespace focalscope
