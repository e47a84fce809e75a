#pragma once

#include "roc/roc_curve.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace focalscope {

// scikit-learn's det_curve (detection error tradeoff): the false positive and false negative
// rates at each distinct score, from the last threshold with the top score's false positives
// (FPR as low as it gets) to the first with no false negatives (FNR 0), in scikit-learn's
// order: FPR decreasing, thresholds increasing. Empty without positives or negatives
// (scikit-learn raises there).
struct DetCurve {
    std::vector<double> fpr;
    std::vector<double> fnr;
    std::vector<double> thresholds;
    // rocIndex[i]: the index of point i in the RocCurve it was taken from (its thresholds,
    // counts and operating point).
    std::vector<std::size_t> rocIndex;
};

// The DET points of a ROC curve (its first point, threshold +inf, is not a DET point). From a
// curve without drop_intermediate this is scikit-learn's det_curve; from one with it, the
// subset of those points that the ROC curve kept (both ends included).
DetCurve detCurve(const RocCurve& roc);

// scikit-learn's det_curve of one score column against its truths.
DetCurve detCurve(std::span<const double> scores, std::span<const std::uint8_t> positive);

// The probit (quantile of the standard normal, the inverse of Phi): -inf at 0, +inf at 1, NaN
// outside [0, 1]. Acklam's rational approximation refined by one Halley step on erfc, accurate
// to a few ulps (relative 1e-15) over (0, 1).
double probit(double p);

// Phi(x) = erfc(-x / sqrt 2) / 2, the inverse of probit.
double normalCdf(double x);

} // namespace focalscope
