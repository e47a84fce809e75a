#pragma once

#include "compare/run_comparison.h"
#include "roc/roc_report.h"

#include <span>
#include <string>
#include <vector>

namespace focalscope {

// The unpaired comparisons of runs known only by their ROC reports (a binned summary has no
// rows to pair): every pair (i < j) x every report entry, D = (A_a - A_b) / sqrt(V_a + V_b) with
// each entry's DeLong variance, p from Student's t (unpairedDelongTest), Holm over all of them, in
// compareRuns' order. targetClass numbers the entry as compareRuns does (binary: 1). `reason` says
// why the comparison is unpaired. Throws std::invalid_argument when the reports' entries differ in
// number.
std::vector<RunComparison> compareReports(
    std::span<const RocReport* const> reports, const std::string& reason);

} // namespace focalscope
