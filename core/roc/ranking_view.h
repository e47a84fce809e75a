#pragma once

// The scores the ROC ranks, element by element: the scores as given, or for logits of C >= 2
// classes their softmax probabilities, computed exactly as rankingScores() (binary_problem.h)
// computes them, bit for bit: kept as a matrix, or without one from each row's maximum and sum
// of exponentials (two doubles per row instead of C).

#include "data/predictions.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace focalscope {

// Row i's maximum and sum_c exp(x_ic - max): the softmax the ROC ranks is
// exp(x_ic - max) / sum. The one place its operations and their order are written, so that
// rankingScores(), rankingColumn() and RankingView give the same doubles.
struct SoftmaxRow {
    double max;
    double sum;
};
inline SoftmaxRow softmaxRow(const ScoreMatrix& x, Index i)
{
    double rowMax = -std::numeric_limits<double>::infinity();
    for (Index c = 0; c < x.cols(); ++c)
        rowMax = std::max(rowMax, x(i, c));
    double sum = 0.0;
    for (Index c = 0; c < x.cols(); ++c)
        sum += std::exp(x(i, c) - rowMax);
    return {rowMax, sum};
}

// How softmax scores are kept: a matrix of them (fastest: one exp per element, read by every
// class's sort), or each row's max and sum (two doubles per row, one more exp per element and
// sort: what a window holding millions of rows can afford).
enum class SoftmaxStorage { Matrix, RowSums };

class RankingView {
public:
    // softmax: rank softmax(x) of each row instead of x.
    RankingView(
        const ScoreMatrix& scores, bool softmax, SoftmaxStorage storage = SoftmaxStorage::Matrix);

    Index rows() const { return m_scores.rows(); }
    Index cols() const { return m_scores.cols(); }
    // p_ic = exp(x_ic - max_i) / sum_c' exp(x_ic' - max_i), or x_ic.
    double operator()(Index i, Index c) const
    {
        if (!m_softmax)
            return m_scores(i, c);
        if (m_probabilities.size() > 0)
            return m_probabilities(i, c);
        const auto r = static_cast<std::size_t>(i);
        return std::exp(m_scores(i, c) - m_rowMax[r]) / m_rowSum[r];
    }

private:
    const ScoreMatrix& m_scores;
    bool m_softmax;
    ScoreMatrix m_probabilities; // SoftmaxStorage::Matrix
    std::vector<double> m_rowMax; // SoftmaxStorage::RowSums
    std::vector<double> m_rowSum;
};

} // namespace focalscope
