#pragma once

// The scores the ROC ranks, element by element, without a copy of the matrix: the scores as
// given, or for logits of C >= 2 classes their softmax probabilities, computed exactly as
// rankingScores() (binary_problem.h) computes them, bit for bit, from each row's maximum and
// sum of exponentials (two doubles per row instead of C).

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

class RankingView {
public:
    // softmax: rank softmax(x) of each row instead of x.
    RankingView(const ScoreMatrix& scores, bool softmax);

    Index rows() const { return m_scores.rows(); }
    Index cols() const { return m_scores.cols(); }
    // p_ic = exp(x_ic - max_i) / sum_c' exp(x_ic' - max_i), or x_ic.
    double operator()(Index i, Index c) const
    {
        if (!m_softmax)
            return m_scores(i, c);
        const auto r = static_cast<std::size_t>(i);
        return std::exp(m_scores(i, c) - m_rowMax[r]) / m_rowSum[r];
    }

private:
    const ScoreMatrix& m_scores;
    bool m_softmax;
    std::vector<double> m_rowMax;
    std::vector<double> m_rowSum;
};

} // namespace focalscope
