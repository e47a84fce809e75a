#pragma once

#include "data/predictions.h"
#include "loss/focal_params.h"

#include <cmath>

namespace focalscope {

// Whether a task's probabilities are per element (sigmoid): one score column, or sigmoid mode.
inline bool elementwiseProbabilities(LossMode mode, Index classes)
{
    return mode == LossMode::Sigmoid || classes == 1;
}

// The probabilities calibration is measured on, one column per score column: probabilities as
// given; logits through the softmax of each row (rankingScores) for C >= 2 in softmax mode, else
// through the sigmoid of each element (one column, or sigmoid mode).
ScoreMatrix calibrationProbabilities(const Predictions& predictions, LossMode mode);

// sigma(x) = 1 / (1 + exp(-x)), as exp(x) / (1 + exp(x)) for x < 0 so that it never overflows.
inline double sigmoid(double x)
{
    if (x >= 0.0)
        return 1.0 / (1.0 + std::exp(-x));
    const double e = std::exp(x);
    return e / (1.0 + e);
}

} // namespace focalscope
