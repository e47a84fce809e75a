#include "calibration/proper_scores.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace focalscope {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The target of column c in a row of the given label: y == 1 for one column, else y == c.
double target(const Predictions& predictions, std::int32_t label, Index c)
{
    return label == (predictions.isBinary() ? 1 : static_cast<std::int32_t>(c)) ? 1.0 : 0.0;
}

double clipped(double p)
{
    return std::clamp(p, kLogLossEps, 1.0 - kLogLossEps);
}

} // namespace

// mean over rows of sum_c (p_c - y_c)^2
double brierScore(const ScoreMatrix& probabilities, const Predictions& predictions)
{
    double total = 0.0;
    Index counted = 0;
    for (Index i = 0; i < probabilities.rows(); ++i) {
        const std::int32_t label = predictions.labels[i];
        if (label == predictions.ignoreIndex)
            continue;
        double row = 0.0;
        for (Index c = 0; c < probabilities.cols(); ++c) {
            const double d = probabilities(i, c) - target(predictions, label, c);
            row += d * d;
        }
        total += row;
        ++counted;
    }
    return counted == 0 ? kNaN : total / static_cast<double>(counted);
}

// mean (p_c - y_c)^2
double classBrierScore(const ScoreMatrix& probabilities, const Predictions& predictions, Index c)
{
    double total = 0.0;
    Index counted = 0;
    for (Index i = 0; i < probabilities.rows(); ++i) {
        const std::int32_t label = predictions.labels[i];
        if (label == predictions.ignoreIndex)
            continue;
        const double d = probabilities(i, c) - target(predictions, label, c);
        total += d * d;
        ++counted;
    }
    return counted == 0 ? kNaN : total / static_cast<double>(counted);
}

// -log(p_y / sum_c p_c) of the clipped p
double negativeLogLikelihood(
    const ScoreMatrix& probabilities, const Predictions& predictions, bool elementwise)
{
    double total = 0.0;
    Index terms = 0;
    for (Index i = 0; i < probabilities.rows(); ++i) {
        const std::int32_t label = predictions.labels[i];
        if (label == predictions.ignoreIndex)
            continue;
        if (elementwise) {
            for (Index c = 0; c < probabilities.cols(); ++c) {
                const double p = clipped(probabilities(i, c));
                const double q = 1.0 - p;
                total -= std::log((target(predictions, label, c) == 1.0 ? p : q) / (q + p));
                ++terms;
            }
            continue;
        }
        double sum = 0.0;
        for (Index c = 0; c < probabilities.cols(); ++c)
            sum += clipped(probabilities(i, c));
        total -= std::log(clipped(probabilities(i, label)) / sum);
        ++terms;
    }
    return terms == 0 ? kNaN : total / static_cast<double>(terms);
}

} // namespace focalscope
