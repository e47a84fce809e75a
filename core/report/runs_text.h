#pragma once

#include "report/runs_report.h"

#include <string>

namespace focalscope {

// The text report's runs section: a line per run (rows, focal loss, AUROC, AP), then the
// comparison table (per pair and class: delta AUROC with its 95% CI, z, p, Holm p, paired or
// not) or, with folds, each class's mean AUROC +- sd and the pooled AUROC.
std::string runsText(const RunsReport& report);

} // namespace focalscope
