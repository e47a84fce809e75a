#include "roc/roc_statistics.h"

#include "roc/ranked_scores.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace focalscope {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// The 0.975 quantile of the standard normal (pROC's qnorm(0.975)).
constexpr double kZ95 = 1.959963984540054;

} // namespace

RocStatistics::RocStatistics(std::int64_t positives, std::int64_t negatives)
    : m_positives(positives)
    , m_negatives(negatives)
{
}

// AUROC = 2U / (2 m n)
double RocStatistics::auroc() const
{
    if (m_positives == 0 || m_negatives == 0)
        return kNaN;
    return static_cast<double>(m_twiceU)
        / (2.0 * static_cast<double>(m_positives) * static_cast<double>(m_negatives));
}

// Var(AUC) = S10 / m + S01 / n, the sample variances of the structural components
// V10 = a / 2n (one per positive) and V01 = b / 2m (one per negative), whose means are the AUC:
// (m - 1) S10 = sum (a / 2n)^2 - m AUC^2 = (m sum a^2 - (2U)^2) / (4 n^2 m), and alike for S01.
// The numerators are exact integers, so no cancellation can creep in.
DelongInterval RocStatistics::delong() const
{
    if (m_positives < 2 || m_negatives < 2)
        return {kNaN, kNaN, kNaN, kNaN};
    const auto m = static_cast<double>(m_positives);
    const auto n = static_cast<double>(m_negatives);
    const UInt128 twiceU2 = static_cast<UInt128>(m_twiceU) * static_cast<UInt128>(m_twiceU);
    const auto spread10
        = static_cast<double>(static_cast<UInt128>(m_positives) * m_sumA2.value() - twiceU2);
    const auto spread01
        = static_cast<double>(static_cast<UInt128>(m_negatives) * m_sumB2.value() - twiceU2);
    const double s10 = spread10 / (4.0 * n * n * m * (m - 1.0));
    const double s01 = spread01 / (4.0 * m * m * n * (n - 1.0));
    const double auc = auroc();
    const double se = std::sqrt(s10 / m + s01 / n);
    return {auc, se, std::clamp(auc - kZ95 * se, 0.0, 1.0), std::clamp(auc + kZ95 * se, 0.0, 1.0)};
}

double RocStatistics::averagePrecision() const
{
    return m_positives == 0 ? kNaN : m_ap;
}

RocStatistics rocStatisticsOf(const RankedScores& ranked)
{
    RocStatistics statistics(static_cast<std::int64_t>(ranked.positives.size()),
        static_cast<std::int64_t>(ranked.negatives.size()));
    forEachScoreDescending(
        ranked, [&](ScoreKey, std::int64_t tp, std::int64_t fp) { statistics.addGroup(tp, fp); });
    return statistics;
}

} // namespace focalscope
