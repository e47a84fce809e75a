#include "roc/delong.h"

#include "roc/ranked_scores.h"
#include "roc/roc_statistics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

namespace focalscope {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// DeLong's structural components (Sun & Xu's midrank form) of every sample, in input order:
// V10(x_i) = (#negatives below x_i + #tied / 2) / n for a positive x_i,
// V01(y_j) = (#positives above y_j + #tied / 2) / m for a negative y_j.
struct Components {
    double auc = kNaN;
    std::vector<double> v10; // one per positive, in input order
    std::vector<double> v01; // one per negative, in input order
};

Components components(std::span<const double> scores, std::span<const std::uint8_t> positive)
{
    const RankedScores ranked = rankScores(scores, positive);
    Components out;
    out.auc = aurocOf(ranked);
    const auto m = static_cast<double>(ranked.positives.size());
    const auto n = static_cast<double>(ranked.negatives.size());
    out.v10.reserve(ranked.positives.size());
    out.v01.reserve(ranked.negatives.size());
    for (std::size_t k = 0; k < scores.size(); ++k) {
        const ScoreKey key = scoreKey(scores[k]);
        if (positive[k]) {
            const auto [lo, hi]
                = std::equal_range(ranked.negatives.begin(), ranked.negatives.end(), key);
            const auto below = static_cast<double>(lo - ranked.negatives.begin());
            out.v10.push_back((below + 0.5 * static_cast<double>(hi - lo)) / n);
        } else {
            const auto [lo, hi]
                = std::equal_range(ranked.positives.begin(), ranked.positives.end(), key);
            const auto above = static_cast<double>(ranked.positives.end() - hi);
            out.v01.push_back((above + 0.5 * static_cast<double>(hi - lo)) / m);
        }
    }
    return out;
}

// Sample covariance (ddof 1) of two equally long sequences with known means.
double covariance(
    const std::vector<double>& a, double meanA, const std::vector<double>& b, double meanB)
{
    double sum = 0.0;
    for (std::size_t k = 0; k < a.size(); ++k)
        sum += (a[k] - meanA) * (b[k] - meanB);
    return sum / static_cast<double>(a.size() - 1);
}

} // namespace

// Var(AUC) = S10 / m + S01 / n (see RocStatistics::delong).
DelongInterval delongIntervalOf(const RankedScores& ranked)
{
    return rocStatisticsOf(ranked).delong();
}

DelongInterval delongInterval(
    std::span<const double> scores, std::span<const std::uint8_t> positive)
{
    return delongIntervalOf(rankScores(scores, positive));
}

// z = (A1 - A2) / sqrt(Var A1 + Var A2 - 2 Cov(A1, A2)), p = erfc(|z| / sqrt 2).
DelongTest delongTest(std::span<const double> scores1, std::span<const double> scores2,
    std::span<const std::uint8_t> positive)
{
    if (scores1.size() != scores2.size())
        throw std::invalid_argument("the two score columns differ in length");
    const Components c1 = components(scores1, positive);
    const Components c2 = components(scores2, positive);
    DelongTest test {c1.auc, c2.auc, kNaN, kNaN};
    const std::size_t m = c1.v10.size();
    const std::size_t n = c1.v01.size();
    if (m < 2 || n < 2)
        return test;
    const double s10 = covariance(c1.v10, c1.auc, c1.v10, c1.auc)
        + covariance(c2.v10, c2.auc, c2.v10, c2.auc)
        - 2.0 * covariance(c1.v10, c1.auc, c2.v10, c2.auc);
    const double s01 = covariance(c1.v01, c1.auc, c1.v01, c1.auc)
        + covariance(c2.v01, c2.auc, c2.v01, c2.auc)
        - 2.0 * covariance(c1.v01, c1.auc, c2.v01, c2.auc);
    const double variance = s10 / static_cast<double>(m) + s01 / static_cast<double>(n);
    const double difference = c1.auc - c2.auc;
    if (!(variance > 0.0)) {
        // Identical rankings: no evidence of a difference.
        test.z = difference == 0.0
            ? 0.0
            : std::copysign(std::numeric_limits<double>::infinity(), difference);
        test.p = difference == 0.0 ? 1.0 : 0.0;
        return test;
    }
    test.z = difference / std::sqrt(variance);
    test.p = std::erfc(std::abs(test.z) / std::sqrt(2.0));
    return test;
}

} // namespace focalscope
