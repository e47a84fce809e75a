#pragma once

#include "compare/run_comparison.h"
#include "roc/bootstrap.h"

#include <span>
#include <vector>

namespace focalscope {

// The bootstrap interval of each paired comparison's delta AUROC (DESIGN.md, Calibration and
// bootstrap: "percentile 95% intervals for ... the delta of two runs"): bootstrapPairedDelta,
// stratified, each replicate resampling the rows once and weighing both runs with it, seeded,
// so the same for a seed whatever the thread count. Sets RunComparison::bootstrapLower / Upper,
// bootstrapReplicates and bootstrapSeed; unpaired comparisons (no shared rows) keep NaN.
// `runs` are compareRuns' runs, in its order.
void addBootstrapDeltas(std::vector<RunComparison>& comparisons,
    std::span<const Predictions* const> runs, const BootstrapOptions& options);

} // namespace focalscope
