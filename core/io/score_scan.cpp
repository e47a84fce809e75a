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
        const float* column = scores.col(c).data();
        for (Index begin = 0; begin < n; begin += kBlock) {
            const Index end = std::min(n, begin + kBlock);
            unsigned found = 0;
            for (Index r = begin; r < end; ++r)
                found |= test(std::bit_cast<std::uint32_t>(column[r])) ? 1u : 0u;
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
    return !anyBits(scores, [](std::uint32_t b) { return (b & 0x7f800000u) == 0x7f800000u; });
}

bool allInUnitInterval(const ScoreMatrix& scores)
{
    // Non-negative floats order like their bits; 1.0f is 0x3f800000; -0.0f is 0x80000000.
    return !anyBits(scores, [](std::uint32_t b) { return b > 0x3f800000u && b != 0x80000000u; });
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
            const float* column = scores.col(c).data() + begin;
            for (Index i = 0; i < count; ++i)
                sums[std::size_t(i)] += static_cast<double>(column[i]);
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

} // namespace focalscope
