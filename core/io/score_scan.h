#pragma once

#include "data/predictions.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace focalscope {

// One-pass scans of a score matrix, written so that the compiler vectorises them (integer
// tests on the double bits; no early exit inside a block).

// Whether every score is finite (no NaN, no infinity).
bool allFinite(const ScoreMatrix& scores);

// Whether every score is in [0, 1] (-0 included). NaN is not.
bool allInUnitInterval(const ScoreMatrix& scores);

// max over rows of |sum_c scores(r, c) - 1| (summed in double) and the first row reaching it.
double largestRowSumDeviation(const ScoreMatrix& scores, Index& worstRow);

// Everything kind detection and the finiteness check need of a score matrix. The readers
// gather it on the way, while they write the matrix, so that no second pass reads it again.
struct ScoreSummary {
    static constexpr std::uint64_t kExponent = 0x7ff0000000000000u;
    static constexpr std::uint64_t kOne = 0x3ff0000000000000u;
    static constexpr std::uint64_t kNegativeZero = 0x8000000000000000u;

    bool allFinite = true;
    bool allInUnitInterval = true;
    double largestRowSumDeviation = -1.0; // max over rows of |sum_c x(r, c) - 1|, -1 for none
    Index worstRow = 0; // the first row reaching it

    // Adds one value's tests (rows are added with addRowSum).
    void addBits(std::uint64_t bits)
    {
        // Exponent all ones: infinity or NaN. Non-negative doubles order like their bits; 1.0 is
        // 0x3ff0000000000000; -0.0 is 0x8000000000000000.
        allFinite &= (bits & kExponent) != kExponent;
        allInUnitInterval &= bits <= kOne || bits == kNegativeZero;
    }
    void addRowSum(Index row, double sum)
    {
        const double deviation = std::abs(sum - 1.0);
        if (deviation > largestRowSumDeviation) {
            largestRowSumDeviation = deviation;
            worstRow = row;
        }
    }
    // Merges the summary of other rows (in any order: the first worst row wins).
    void merge(const ScoreSummary& other);
    // The deviation as largestRowSumDeviation() reports it (0 when there is no row).
    double rowSumDeviation() const { return std::max(largestRowSumDeviation, 0.0); }
};

// The plain path: the scans above, one after the other.
ScoreSummary summarizeScores(const ScoreMatrix& scores);

// The summary of the rows whose label is not ignoreIndex (rows in no metric are not validated
// nor seen by kind detection).
ScoreSummary summarizeScores(
    const ScoreMatrix& scores, const LabelVector& labels, std::int32_t ignoreIndex);

} // namespace focalscope
