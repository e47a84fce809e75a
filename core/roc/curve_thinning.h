#pragma once

// Curves for display: at most about maxPoints points of the full ROC or precision-recall curve,
// each an exact point of it (threshold and counts), spread evenly along the curve. A window
// holding millions of rows draws a few thousand points anyway; keeping only those keeps its
// memory near the size of the data (DESIGN.md's window budget). Exact numbers (AUROC, AP,
// partial areas, DeLong) never come from a thinned curve.

#include "roc/pr_curve.h"
#include "roc/ranked_scores.h"
#include "roc/roc_curve.h"

#include <cstddef>

namespace focalscope {

// The points of rocCurveOf(ranked, false) (the first (0, 0) at +inf and the last always kept)
// whose L1 distance in (FPR, TPR) from the last kept point reaches 2 / maxPoints (the curve's
// length in L1 is 2): at most maxPoints + 2 points.
RocCurve thinRocCurveOf(const RankedScores& ranked, std::size_t maxPoints);

// The points of precisionRecallCurveOf(ranked) (its highest and lowest thresholds and the
// closing (recall 0, precision 1) always kept) whose L1 distance in (recall, precision) from
// the last kept point reaches the curve's L1 length / maxPoints: at most maxPoints + 3 points.
PrCurve thinPrCurveOf(const RankedScores& ranked, std::size_t maxPoints);

} // namespace focalscope
