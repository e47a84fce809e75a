#pragma once

// The per-block passes that computePtCache() and focalLoss() share: log p_t, log(1 - p_t) and p_t
// of kBlockRows rows at a time, in buffers of the thread's own.

#include "data/predictions.h"
#include "loss/focal_params.h"

#include <Eigen/Core>

#include <limits>

namespace focalscope {

inline constexpr double kProbabilityFloor = 1e-12;
inline constexpr Index kBlockRows = 2048;
inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
inline constexpr double kNegInf = -std::numeric_limits<double>::infinity();

// A one-column task is binary in either mode: its column is the score of class 1 against 0.
inline bool elementwise(LossMode mode, Index classes)
{
    return mode == LossMode::Sigmoid || classes == 1;
}

// One thread's buffers for a block of at most kBlockRows rows.
struct BlockBuffers {
    BlockBuffers()
        : m(kBlockRows)
        , r(kBlockRows)
        , x(kBlockRows)
        , a(kBlockRows)
        , b(kBlockRows)
        , logPt(kBlockRows)
        , log1mPt(kBlockRows)
        , alphaT(kBlockRows)
        , loss(kBlockRows)
        , rowLoss(kBlockRows)
        , rowPt(kBlockRows)
    {
    }
    Eigen::ArrayXd m, r, x, a, b, logPt, log1mPt, alphaT, loss, rowLoss, rowPt;
};

// The calling thread's BlockBuffers, kept for the thread's life (no allocation per call). A part
// of forEachPart uses it from start to end without running other parts in between (parts start
// no parallel work), so parts running at once never share it.
BlockBuffers& threadBlockBuffers();

// Softmax rows [begin, begin + n) over C >= 2 columns: log p_t, log(1 - p_t), p_t and, with
// their alpha_t, the losses; ignored rows get 0, -inf, NaN and loss 0 (alpha_t 0). log(1 - p_t)
// may be left out (withLog1mPt false) for logits, whose losses do not need it for whole gammas.
// Logits: log p_t = (x_t - m) - log1p(r), m the row max and r the sum of the other terms exp(x_j -
// m), so that well-classified rows keep their precision. Probabilities: p_t clamped to [1e-12, 1],
// log(1 - p_t) = log1p(-p_t).
void softmaxRows(const Predictions& predictions, Index begin, Index n, const double* alphaT,
    double gamma, bool withLog1mPt, BlockBuffers& buffers, double* logPt, double* log1mPt,
    double* loss, double* pt);

// log p_t and log(1 - p_t) of column c's elements in rows [begin, begin + n), elementwise (the
// sigmoid form, and softmax on one column). log p_t = -ce with torchvision's
// ce = max(x,0) - x y + log1p(exp(-|x|)) for hard y, i.e. -softplus(-x) for y = 1 and
// -softplus(x) for y = 0; log(1 - p_t) is the other one. Probabilities: the clamped BCE,
// p in [1e-12, 1 - 1e-12]. Ignored rows get 0 and -inf.
void elementLogs(const Predictions& predictions, Index c, Index begin, Index n,
    BlockBuffers& buffers, double* logPt, double* log1mPt);

// p_t = exp(log p_t) of a block's rows, NaN for ignored ones.
void rowPtOf(
    const double* logPt, const std::int32_t* labels, std::int32_t ignoreIndex, Index n, double* pt);

} // namespace focalscope
