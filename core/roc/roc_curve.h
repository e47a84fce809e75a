#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace focalscope {

// scikit-learn's roc_curve: one point per distinct score, descending; the first point is
// (0, 0) at threshold +inf; counts are exact.
struct RocCurve {
    std::vector<double> thresholds;
    std::vector<std::int64_t> fps;
    std::vector<std::int64_t> tps;
    std::vector<double> fpr;
    std::vector<double> tpr;
    std::int64_t positives = 0;
    std::int64_t negatives = 0;
};

// fpr = fps / negatives and tpr = tps / positives at every point (NaN without negatives or
// positives), from the curve's counts.
void fillRates(RocCurve& curve);

// dropIntermediate removes collinear points by scikit-learn's second-difference rule.
// Without positives (or negatives) tpr (or fpr) is NaN, as in scikit-learn.
RocCurve rocCurve(std::span<const double> scores, std::span<const std::uint8_t> positive,
    bool dropIntermediate = true);

// The trapezoid area = the Mann-Whitney statistic with ties counted 1/2. NaN when there are
// no positives or no negatives.
double auroc(std::span<const double> scores, std::span<const std::uint8_t> positive);
double aurocFromCurve(const RocCurve& curve);

// Partial AUROC up to maxFpr in (0, 1], McClish-standardised
// 0.5 (1 + (A - m^2/2) / (m - m^2/2)); maxFpr == 1 gives the plain AUROC (scikit-learn).
double partialAuroc(const RocCurve& curve, double maxFpr);

// The area under the curve between FPR a and b (pROC's partial.auc over specificity 1 - a ..
// 1 - b), TPR interpolated linearly at both ends, and its McClish standardisation
// 0.5 (1 + (A - min) / (max - min)), min = (b^2 - a^2) / 2 (the diagonal), max = b - a.
// NaN without positives or negatives; throws std::invalid_argument unless 0 <= a < b <= 1.
struct PartialAuroc {
    double raw = 0.0;
    double mcclish = 0.0;
};
PartialAuroc partialAurocRange(const RocCurve& curve, double fprLow, double fprHigh);

} // namespace focalscope
