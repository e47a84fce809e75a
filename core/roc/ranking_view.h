#pragma once

// The scores the ROC ranks, element by element, without a copy of the matrix: the scores as
// given, or for logits of C >= 2 classes their softmax probabilities, computed exactly as
// rankingScores() (binary_problem.h) computes them, bit for bit, from each row's maximum and
// sum of exponentials (two doubles per row instead of C).

#include "data/predictions.h"

#include <cmath>
#include <vector>

namespace focalscope {

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
