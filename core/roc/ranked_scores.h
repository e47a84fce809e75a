#pragma once

#include <cstdint>
#include <cstring>
#include <span>
#include <utility>
#include <vector>

namespace focalscope {

// The one sort every ROC statistic is computed from: the scores of the positives and of the
// negatives, each sorted ascending as order-preserving 64-bit keys of the float64 scores
// (-0 counts as +0). Keys are exact: two scores tie only when their doubles are equal.
using ScoreKey = std::uint64_t;
struct RankedScores {
    std::vector<ScoreKey> positives;
    std::vector<ScoreKey> negatives;
};

// A score key with a 64-bit payload (a label), sorted by the key only.
struct alignas(16) KeyedLabel {
    std::uint64_t label;
    ScoreKey key;
};

// Highway's vqsort.
void sortAscending(std::vector<std::uint64_t>& keys);
void sortAscending(std::vector<KeyedLabel>& keys);

// Throws std::invalid_argument on a NaN score or when the lengths differ.
RankedScores rankScores(std::span<const double> scores, std::span<const std::uint8_t> positive);

// The same for one score column against label == positiveLabel, rows labelled ignoreIndex left
// out, straight from the column (no BinaryProblem copy in between).
RankedScores rankColumn(std::span<const double> column, std::span<const std::int32_t> labels,
    std::int32_t positiveLabel, std::int32_t ignoreIndex);

// Sign-magnitude double bits mapped to an unsigned key with the same order.
inline ScoreKey scoreKey(double score)
{
    if (score == 0.0)
        score = 0.0;
    std::uint64_t bits;
    std::memcpy(&bits, &score, sizeof bits);
    constexpr std::uint64_t kSign = std::uint64_t {1} << 63;
    return (bits & kSign) ? ~bits : (bits | kSign);
}

inline double keyScore(ScoreKey key)
{
    constexpr std::uint64_t kSign = std::uint64_t {1} << 63;
    const std::uint64_t bits = (key & kSign) ? (key & ~kSign) : ~key;
    double score;
    std::memcpy(&score, &bits, sizeof score);
    return score;
}

// Visits each distinct score from the highest to the lowest as
// visit(key, positives at that score, negatives at that score); positives and negatives are
// ascending keys.
template<class Visit>
void forEachScoreDescending(
    std::span<const ScoreKey> positives, std::span<const ScoreKey> negatives, Visit&& visit)
{
    std::size_t i = positives.size();
    std::size_t j = negatives.size();
    while (i > 0 || j > 0) {
        ScoreKey key = 0;
        if (i > 0)
            key = positives[i - 1];
        if (j > 0 && (i == 0 || negatives[j - 1] > key))
            key = negatives[j - 1];
        std::int64_t tp = 0;
        std::int64_t fp = 0;
        while (i > 0 && positives[i - 1] == key) {
            --i;
            ++tp;
        }
        while (j > 0 && negatives[j - 1] == key) {
            --j;
            ++fp;
        }
        visit(key, tp, fp);
    }
}

template<class Visit> void forEachScoreDescending(const RankedScores& ranked, Visit&& visit)
{
    forEachScoreDescending(std::span<const ScoreKey>(ranked.positives),
        std::span<const ScoreKey>(ranked.negatives), std::forward<Visit>(visit));
}

// The statistics of rocCurve, auroc, precisionRecallCurve, averagePrecision and
// delongInterval on already ranked scores (rocReport sorts each class once).
double aurocOf(const RankedScores& ranked);
struct RocCurve;
RocCurve rocCurveOf(const RankedScores& ranked, bool dropIntermediate);
struct PrCurve;
PrCurve precisionRecallCurveOf(const RankedScores& ranked);
double averagePrecisionOf(const RankedScores& ranked);
struct DelongInterval;
DelongInterval delongIntervalOf(const RankedScores& ranked);

} // namespace focalscope
