#pragma once

#include "io/read_options.h"
#include "report/analysis.h"
#include "report/runs_report.h"

#include <string>

namespace focalscope {

// The CLI's human-readable summary: input, focal loss, and a per-class table of support,
// AUROC with its DeLong interval, average precision, mean loss and loss share. With runs (run A
// = this input), the runs and their comparison table or fold summary (runs_text.h) follow.
std::string textReport(const std::string& path, const ReadResult& input, const Analysis& analysis,
    bool partialRequested, const RunsReport* runs = nullptr);

} // namespace focalscope
