#pragma once

// Builds a summary chunk by chunk: the C++ twin of focalscope_summary.summarize (same bins, same
// ranked scores and p_t), so that focalscope-cli summarize needs memory for one chunk only.

#include "summary/summary.h"

#include <cstdint>
#include <span>
#include <string>

namespace focalscope {

class SummaryBuilder {
public:
    SummaryBuilder(ScoreKind kind, std::vector<std::string> classNames, std::int64_t ignoreIndex);

    // rows x C scores in row-major order and their labels; firstRow is the index of the first
    // row in the whole input, for messages. Throws std::invalid_argument naming the row for a
    // label outside [0, C) (or 0/1 for a binary task) or a non-finite score of a counted row.
    void add(std::span<const double> scores, std::span<const std::int64_t> labels,
        std::int64_t firstRow);
    const Summary& summary() const { return m_summary; }

private:
    Summary m_summary;
    std::vector<double> m_logit; // one row's ranked logits
};

// DESIGN.md's auto rule on one row: all in [0, 1] and (C == 1 or the row sums to 1 within 1e-3).
bool rowLooksLikeProbabilities(std::span<const double> row);

} // namespace focalscope
