#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace focalscope {

// scikit-learn's precision_recall_curve: thresholds ascending; precision and recall have one
// more entry, ending at (precision 1, recall 0).
struct PrCurve {
    std::vector<double> precision;
    std::vector<double> recall;
    std::vector<double> thresholds;
};
PrCurve precisionRecallCurve(
    std::span<const double> scores, std::span<const std::uint8_t> positive);

// AP = sum_n (R_n - R_{n-1}) P_n. NaN without positives.
double averagePrecision(std::span<const double> scores, std::span<const std::uint8_t> positive);

} // namespace focalscope
