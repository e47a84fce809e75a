#pragma once

#include "data/predictions.h"

namespace focalscope {

// scikit-learn's log_loss clip: probabilities into [eps, 1 - eps], eps = np.finfo(float64).eps.
inline constexpr double kLogLossEps = 2.220446049250313e-16;

// Brier score of probabilities (calibrationProbabilities) against the labels, ignored rows left
// out: one column, mean (p - y)^2 (brier_score_loss); C >= 2, mean over rows of
// sum_c (p_c - y_c)^2. NaN without counted rows.
double brierScore(const ScoreMatrix& probabilities, const Predictions& predictions);

// One-vs-rest Brier score of column c: mean (p_c - [y == c])^2 (column 0 of one: y == 1).
double classBrierScore(const ScoreMatrix& probabilities, const Predictions& predictions, Index c);

// Negative log-likelihood as scikit-learn's log_loss: p clipped to [eps, 1 - eps], each row
// renormalised to sum 1, -log p_y averaged over counted rows. With elementwise probabilities
// (one column, or sigmoid mode) every element is a binary problem [1 - p, p] against
// [y == c] and the mean is over all N x C elements. NaN without counted rows.
double negativeLogLikelihood(
    const ScoreMatrix& probabilities, const Predictions& predictions, bool elementwise);

} // namespace focalscope
