#pragma once

// ROC, PR, AUROC (with its exact interval), AP and DeLong of one class's binned scores: the
// rows of a bin are tied at one score. O(bins) each, whatever the number of rows.

#include "summary/summary.h"

#include <cstdint>
#include <span>
#include <vector>

namespace focalscope {

// The AUROC of the binned scores (Mann-Whitney, ties counted 1/2) and the half-width
// w = sum_b pos_b neg_b / (2 P N) of the interval [value - w, value + w] that holds the AUROC of
// the unbinned scores: binning only ties rows, and a tied pair counts 1/2 where the true
// order counts 0 or 1. NaN without positives or negatives.
struct BinnedAuroc {
    double value = 0.0;
    double halfWidth = 0.0;
    double lower() const { return value - halfWidth; }
    double upper() const { return value + halfWidth; }
};
BinnedAuroc binnedAuroc(std::span<const std::int64_t> pos, std::span<const std::int64_t> neg);

// One point per occupied bin, scores descending, from (0, 0); thresholds are the bins' lower
// logit edges (the first is +inf), as scikit-learn's roc_curve without drop_intermediate.
struct BinnedCurve {
    std::vector<double> fpr, tpr, precision, recall;
    std::vector<std::int64_t> bin; // the bin whose rows the point has just included
};
BinnedCurve binnedCurve(std::span<const std::int64_t> pos, std::span<const std::int64_t> neg);

// scikit-learn's average_precision_score on the binned scores.
double binnedAveragePrecision(std::span<const std::int64_t> pos, std::span<const std::int64_t> neg);

// DeLong's 95% interval of the binned AUROC: the placement values V10 (per positive) and V01
// (per negative) are equal within a bin, so the variance is a weighted sum over bins.
// NaN with fewer than 2 positives or 2 negatives.
struct BinnedDelong {
    double se = 0.0, lower = 0.0, upper = 0.0;
};
BinnedDelong binnedDelong(std::span<const std::int64_t> pos, std::span<const std::int64_t> neg);

// Class c's counts, and the micro-average's (the counts of every class added: all classes
// share one grid of the same ranked probability).
std::span<const std::int64_t> classCounts(
    const std::vector<std::int64_t>& counts, const Summary& s, int c);
std::vector<std::int64_t> microCounts(const std::vector<std::int64_t>& counts, const Summary& s);

} // namespace focalscope
