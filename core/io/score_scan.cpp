#include "io/score_scan.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>

namespace focalscope {

namespace {

constexpr Index kBlock = 4096;

// Calls test(bits) on every score, a block at a time; stops after the first block where
// one returned true. Returns whether any did.
template<typename Test> bool anyBits(const ScoreMatrix& scores, Test test)
{
    const Index n = scores.rows();
    for (Index c = 0; c < scores.cols(); ++c) {
        const double* column = scores.col(c).data();
        for (Index begin = 0; begin < n; begin += kBlock) {
            const Index end = std::min(n, begin + kBlock);
            unsigned found = 0;
            for (Index r = begin; r < end; ++r)
                found |= test(std::bit_cast<std::uint64_t>(column[r])) ? 1u : 0u;
            if (found)
                return true;
        }
    }
    return false;
}

} // namespace

bool allFinite(const ScoreMatrix& scores)
{
    // Exponent all ones: infinity or NaN.
    return !anyBits(scores,
        [](std::uint64_t b) { return (b & ScoreSummary::kExponent) == ScoreSummary::kExponent; });
}

bool allInUnitInterval(const ScoreMatrix& scores)
{
    // Non-negative doubles order like their bits.
    return !anyBits(scores,
        [](std::uint64_t b) { return b > ScoreSummary::kOne && b != ScoreSummary::kNegativeZero; });
}

double largestRowSumDeviation(const ScoreMatrix& scores, Index& worstRow)
{
    const Index n = scores.rows();
    worstRow = 0;
    double worst = -1.0;
    std::array<double, kBlock> sums {};
    for (Index begin = 0; begin < n; begin += kBlock) {
        const Index count = std::min(kBlock, n - begin);
        std::fill_n(sums.begin(), count, 0.0);
        for (Index c = 0; c < scores.cols(); ++c) {
            const double* column = scores.col(c).data() + begin;
            for (Index i = 0; i < count; ++i)
                sums[std::size_t(i)] += column[i];
        }
        for (Index i = 0; i < count; ++i) {
            const double deviation = std::abs(sums[std::size_t(i)] - 1.0);
            if (deviation > worst) {
                worst = deviation;
                worstRow = begin + i;
            }
        }
    }
    return std::max(worst, 0.0);
}

void ScoreSummary::merge(const ScoreSummary& other)
{
    allFinite &= other.allFinite;
    allInUnitInterval &= other.allInUnitInterval;
    if (other.largestRowSumDeviation > largestRowSumDeviation
        || (other.largestRowSumDeviation == largestRowSumDeviation && other.worstRow < worstRow
            && other.largestRowSumDeviation >= 0.0)) {
        largestRowSumDeviation = other.largestRowSumDeviation;
        worstRow = other.worstRow;
    }
}

ScoreSummary summarizeScores(const ScoreMatrix& scores)
{
    ScoreSummary summary;
    summary.allFinite = allFinite(scores);
    summary.allInUnitInterval = allInUnitInterval(scores);
    Index worstRow = 0;
    summary.largestRowSumDeviation = largestRowSumDeviation(scores, worstRow);
    summary.worstRow = worstRow;
    if (scores.rows() == 0)
        summary.largestRowSumDeviation = -1.0;
    return summary;
}

ScoreSummary summarizeScores(
    const ScoreMatrix& scores, const LabelVector& labels, std::int32_t ignoreIndex)
{
    if (labels.size() != scores.rows() || (labels.array() != ignoreIndex).all())
        return summarizeScores(scores);
    ScoreSummary summary;
    for (Index r = 0; r < scores.rows(); ++r) {
        if (labels[r] == ignoreIndex)
            continue;
        double sum = 0.0;
        for (Index c = 0; c < scores.cols(); ++c) {
            summary.addBits(std::bit_cast<std::uint64_t>(scores(r, c)));
            sum += scores(r, c);
        }
        summary.addRowSum(r, sum);
    }
    return summary;
}

} // namespace focalscope
