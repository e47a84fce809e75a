#include "loss/focal_gradient.h"

#include "loss/alpha_table.h"
#include "loss/focal_blocks.h"

#include <algorithm>
#include <cmath>

namespace focalscope {

namespace {

// softplus(z) = log(1 + e^z) = max(z, 0) + log1p(e^-|z|)
double softplus(double z)
{
    return std::max(z, 0.0) + std::log1p(std::exp(-std::abs(z)));
}

double clampedProbability(double p)
{
    return std::clamp(p, kProbabilityFloor, 1.0 - kProbabilityFloor);
}

// The logit that the gradient is taken with respect to, for one element.
double elementLogit(double score, ScoreKind kind)
{
    if (kind == ScoreKind::Logits)
        return score;
    const double p = clampedProbability(score);
    return std::log(p) - std::log1p(-p);
}

} // namespace

Eigen::MatrixXd focalLossGradient(const Predictions& predictions, const FocalParams& params)
{
    validatePredictions(predictions);
    checkGamma(params.gamma);
    const Index rows = predictions.rows();
    const Index classes = predictions.classes();
    const double gamma = params.gamma;
    const Eigen::VectorXd table = alphaTable(params.alpha, params.mode, classes);
    Eigen::MatrixXd gradient = Eigen::MatrixXd::Zero(rows, classes);

    // (1 - p_t)^gamma with 0^0 = 1
    const auto focalWeight = [gamma](double q) {
        return gamma == 0.0 ? 1.0 : std::pow(q, gamma);
    };

    if (elementwise(params.mode, classes)) {
        // Hard y, s = 2y - 1: dl/dx = alpha_t s (1-p_t)^gamma (gamma p_t log p_t + p_t - 1).
        // (In softmax mode on one column this is the two-class softmax gradient too.)
        for (Index c = 0; c < classes; ++c)
            for (Index i = 0; i < rows; ++i) {
                const std::int32_t label = predictions.labels[i];
                if (label == predictions.ignoreIndex)
                    continue;
                const bool y = classes == 1 ? label == 1 : label == c;
                const double s = y ? 1.0 : -1.0;
                const double x = elementLogit(predictions.scores(i, c), predictions.kind);
                const double logPt = -softplus(-s * x);
                const double q = -std::expm1(logPt);
                const double pt = std::exp(logPt);
                const double alphaT = table[alphaIndexOf(params.mode, classes, label, c)];
                gradient(i, c) = alphaT * s * focalWeight(q) * (gamma * pt * logPt - q);
            }
        return gradient;
    }

    // Softmax: dl/dx_j = alpha_t [gamma (1-p_t)^(gamma-1) p_t log p_t - (1-p_t)^gamma] (delta_jt -
    // p_j), with (1-p_t)^(gamma-1) log p_t grouped as (1-p_t)^gamma (log p_t / (1-p_t)), whose
    // ratio tends to -1 as p_t -> 1: the gradient is finite, and 0 at p_t == 1 for every gamma.
    Eigen::VectorXd z(classes);
    for (Index i = 0; i < rows; ++i) {
        const std::int32_t t = predictions.labels[i];
        if (t == predictions.ignoreIndex)
            continue;
        for (Index j = 0; j < classes; ++j) {
            const double score = predictions.scores(i, j);
            z[j] = predictions.kind == ScoreKind::Logits
                ? score
                : std::log(std::max(score, kProbabilityFloor));
        }
        const double m = z.maxCoeff();
        double r = -1.0;
        for (Index j = 0; j < classes; ++j)
            r += z[j] == m ? 1.0 : std::exp(z[j] - m);
        const double logSum = std::log1p(r);
        const double logPt = (z[t] - m) - logSum;
        const double q = -std::expm1(logPt);
        const double pt = std::exp(logPt);
        const double ratio = q > 0.0 ? logPt / q : -1.0;
        const double weight = focalWeight(q);
        const double factor = table[t] * (gamma * pt * weight * ratio - weight);
        for (Index j = 0; j < classes; ++j)
            gradient(i, j) = factor * (j == t ? q : -std::exp((z[j] - m) - logSum));
    }
    return gradient;
}

} // namespace focalscope
