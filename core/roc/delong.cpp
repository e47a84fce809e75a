#include "roc/delong.h"

#include "parallel/parallel.h"
#include "roc/ranked_scores.h"
#include "roc/roc_statistics.h"
#include "roc/student_t.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace focalscope {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// The 0.975 quantile of the standard normal (pROC's qnorm(0.975)).
constexpr double kZ95 = 1.959963984540054;
constexpr std::uint64_t kPositiveBit = std::uint64_t {1} << 63;

// z, p and the CI of delta = auc1 - auc2 from its variance.
void finishTest(DelongTest& test, double variance)
{
    const double delta = test.auc1 - test.auc2;
    test.se = std::sqrt(std::max(variance, 0.0));
    test.lower = delta - kZ95 * test.se;
    test.upper = delta + kZ95 * test.se;
    if (!(variance > 0.0)) {
        // Identical rankings: no evidence of a difference.
        test.z = delta == 0.0 ? 0.0 : std::copysign(std::numeric_limits<double>::infinity(), delta);
        test.p = delta == 0.0 ? 1.0 : 0.0;
        return;
    }
    test.z = delta / test.se;
    test.p = std::erfc(std::abs(test.z) / std::sqrt(2.0));
}

} // namespace

// One sort of (score, index) pairs, then one walk over the groups of tied scores from the lowest.
DelongPlacements delongPlacements(
    std::span<const double> scores, std::span<const std::uint8_t> positive)
{
    if (scores.size() != positive.size())
        throw std::invalid_argument("scores and truths differ in length");
    std::vector<KeyedLabel> keys(scores.size());
    DelongPlacements out;
    bool anyNaN = false;
    for (std::size_t k = 0; k < scores.size(); ++k) {
        anyNaN |= std::isnan(scores[k]);
        const bool isPositive = positive[k] != 0;
        keys[k] = KeyedLabel {k | (isPositive ? kPositiveBit : 0), scoreKey(scores[k])};
        out.positives += isPositive;
    }
    if (anyNaN)
        for (std::size_t k = 0; k < scores.size(); ++k)
            if (std::isnan(scores[k]))
                throw std::invalid_argument("score " + std::to_string(k) + " is NaN");
    out.negatives = static_cast<std::int64_t>(scores.size()) - out.positives;
    sortAscending(keys);
    out.v.resize(scores.size());
    const double twoN = 2.0 * static_cast<double>(out.negatives);
    const double twoM = 2.0 * static_cast<double>(out.positives);
    std::int64_t negativesBelow = 0;
    std::int64_t positivesBelow = 0;
    std::int64_t twiceU = 0;
    for (std::size_t g = 0; g < keys.size();) {
        std::size_t end = g;
        std::int64_t tp = 0;
        while (end < keys.size() && keys[end].key == keys[g].key)
            tp += (keys[end++].label & kPositiveBit) != 0;
        const std::int64_t fp = static_cast<std::int64_t>(end - g) - tp;
        // a = 2 n V10 of a positive here, b = 2 m V01 of a negative here.
        const std::int64_t a = 2 * negativesBelow + fp;
        const std::int64_t b = 2 * (out.positives - positivesBelow - tp) + tp;
        const double v10 = static_cast<double>(a) / twoN;
        const double v01 = static_cast<double>(b) / twoM;
        for (std::size_t k = g; k < end; ++k) {
            const bool isPositive = (keys[k].label & kPositiveBit) != 0;
            out.v[keys[k].label & ~kPositiveBit] = isPositive ? v10 : v01;
        }
        twiceU += tp * a;
        negativesBelow += fp;
        positivesBelow += tp;
        g = end;
    }
    if (out.positives > 0 && out.negatives > 0)
        out.auc = static_cast<double>(twiceU) / (twoM * static_cast<double>(out.negatives));
    return out;
}

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

// Var(A_r) = S10_rr / m + S01_rr / n and Cov(A_1, A_2) = S10_12 / m + S01_12 / n, with S10_rs
// the sample covariance (n - 1) over the positives of V10 under scores r and s (alike S01 over
// the negatives); z = (A1 - A2) / sqrt(Var A1 + Var A2 - 2 Cov(A1, A2)), p = erfc(|z| / sqrt 2).
DelongTest delongTest(std::span<const double> scores1, std::span<const double> scores2,
    std::span<const std::uint8_t> positive)
{
    if (scores1.size() != scores2.size())
        throw std::invalid_argument("the two score columns differ in length");
    DelongPlacements p[2];
    parallel::forEach(
        2, [&](std::size_t r) { p[r] = delongPlacements(r == 0 ? scores1 : scores2, positive); });
    return delongTest(p[0], p[1], positive);
}

DelongTest delongTest(const DelongPlacements& first, const DelongPlacements& second,
    std::span<const std::uint8_t> positive)
{
    if (first.v.size() != positive.size() || second.v.size() != positive.size())
        throw std::invalid_argument("the two score columns and the labels differ in length");
    DelongTest test;
    test.auc1 = first.auc;
    test.auc2 = second.auc;
    const std::int64_t m = first.positives;
    const std::int64_t n = first.negatives;
    if (m < 2 || n < 2)
        return test;
    // Sums of products of deviations from the means (the AUCs) over positives (10) and
    // negatives (01): [0] = 1 x 1, [1] = 2 x 2, [2] = 1 x 2.
    double s10[3] = {0.0, 0.0, 0.0};
    double s01[3] = {0.0, 0.0, 0.0};
    for (std::size_t k = 0; k < positive.size(); ++k) {
        const double d1 = first.v[k] - test.auc1;
        const double d2 = second.v[k] - test.auc2;
        double* s = positive[k] ? s10 : s01;
        s[0] += d1 * d1;
        s[1] += d2 * d2;
        s[2] += d1 * d2;
    }
    const auto md = static_cast<double>(m);
    const auto nd = static_cast<double>(n);
    const auto component = [&](int r) {
        return s10[r] / ((md - 1.0) * md) + s01[r] / ((nd - 1.0) * nd);
    };
    test.var1 = component(0);
    test.var2 = component(1);
    test.covariance = component(2);
    finishTest(test, test.var1 + test.var2 - 2.0 * test.covariance);
    return test;
}

// D = (A1 - A2) / sqrt(V1 + V2), df = (V1 + V2)^2 / (V1^2 / (N1 - 1) + V2^2 / (N2 - 1)).
DelongTest unpairedDelongTest(const DelongInterval& first, std::int64_t samples1,
    const DelongInterval& second, std::int64_t samples2)
{
    DelongTest test;
    test.auc1 = first.auc;
    test.auc2 = second.auc;
    if (std::isnan(first.se) || std::isnan(second.se))
        return test;
    test.var1 = first.se * first.se;
    test.var2 = second.se * second.se;
    test.covariance = 0.0;
    const double variance = test.var1 + test.var2;
    finishTest(test, variance);
    test.df = variance * variance
        / (test.var1 * test.var1 / static_cast<double>(samples1 - 1)
            + test.var2 * test.var2 / static_cast<double>(samples2 - 1));
    if (variance > 0.0)
        test.p = studentTwoSidedP(test.z, test.df);
    return test;
}

} // namespace focalscope
