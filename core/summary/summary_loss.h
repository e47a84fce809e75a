#pragma once

// Focal loss from a summary's p_t bins: (1 - p)^gamma (-log p) decreases in p, so each bin
// evaluated at its upper edge gives a lower bound and at its lower edge an upper bound for
// every row in it; the under- and overflow bins use the exact extreme logit(p_t) of their
// target. The bracket holds the loss of the unbinned rows for any alpha and gamma, O(bins).

#include "loss/focal_params.h"
#include "summary/summary.h"

#include <vector>

namespace focalscope {

struct LossBracket {
    double lower = 0.0, upper = 0.0;
    double mid() const { return 0.5 * (lower + upper); }
};

struct SummaryLoss {
    LossBracket value; // the reduction of params over counted rows
    std::vector<double> alpha; // the effective weight of each target
    std::vector<std::int64_t> rows; // per target
    std::vector<LossBracket> classMean; // per target: mean loss of its rows (NaN: none)
};

// (1 - p)^gamma (-log p) at p = sigmoid(z), 0^0 = 1, computed in the logit: -log p =
// softplus(-z), log(1 - p) = -softplus(z). For probabilities, z is first clamped as core
// clamps p: [1e-12, 1] (softmax), [1e-12, 1 - 1e-12] (binary).
double focalTermAtLogit(double z, double gamma, ScoreKind kind, bool binary);

// Throws std::invalid_argument for sigmoid mode on a multiclass summary (its p_t bins are the
// softmax p_t), for reduction none, or an alpha list of the wrong length.
SummaryLoss summaryFocalLoss(const Summary& summary, const FocalParams& params);

} // namespace focalscope
