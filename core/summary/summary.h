#pragma once

// A summary of predictions (DESIGN.md, Summaries: past one machine; format version 1, written
// by python/focalscope_summary.py and focalscope-cli summarize): per class, counts of positive
// and negative rows in fixed, order-preserving bins of the ranked score, and per target counts
// of rows in the same bins of p_t. Every bin is a bin of a logit z: width h = 2^-scaleBits on
// [-range, range], with an underflow bin 0 (z < -range) and an overflow bin B - 1 (z >= range).

#include "data/predictions.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace focalscope {

inline constexpr std::int64_t kSummaryFormatVersion = 1;

struct Summary {
    ScoreKind kind = ScoreKind::Logits;
    bool binary = false; // one score column (the positive class's); two p_t targets
    std::vector<std::string> classNames; // C
    int scaleBits = 11;
    int range = 16;
    std::int64_t ignoreIndex = kDefaultIgnoreIndex;
    // C x B, row-major: counts[c * B + b].
    std::vector<std::int64_t> posCounts, negCounts;
    // T x B (T = C, or 2 for a binary task: negatives, positives).
    std::vector<std::int64_t> ptCounts;
    std::int64_t samples = 0; // every row summarised
    std::int64_t ignored = 0; // rows with the ignore index
    std::vector<double> scoreMin, scoreMax; // C: exact extreme ranked scores (NaN: no rows)
    std::vector<double> ptLogitMin, ptLogitMax; // T: exact extreme logit(p_t)

    int classes() const { return static_cast<int>(classNames.size()); }
    int targets() const { return binary ? 2 : classes(); }
    // B: interior bins plus the under- and overflow bins.
    std::int64_t bins() const { return (std::int64_t {2} * range << scaleBits) + 2; }
    // The logit edge between bin k - 1 and bin k, for 1 <= k <= B - 1 (exact: k scaled by 2^-bits).
    double edge(std::int64_t k) const
    {
        return std::ldexp(
            static_cast<double>(k - 1 - (std::int64_t {range} << scaleBits)), -scaleBits);
    }
    // The bin of a logit z; the same arithmetic as focalscope_summary.bin_index.
    std::int64_t binOf(double z) const
    {
        const double clipped = std::fmin(std::fmax(z, -range - 1.0), range + 1.0);
        const double k = std::floor(std::ldexp(clipped, scaleBits))
            + static_cast<double>(std::int64_t {range} << scaleBits) + 1;
        return std::clamp(static_cast<std::int64_t>(k), std::int64_t {0}, bins() - 1);
    }
    std::int64_t counted() const { return samples - ignored; }
};

} // namespace focalscope
