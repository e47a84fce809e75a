#include "loss/focal_loss.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>
#include <string>

namespace focalscope {

namespace {

constexpr double kProbabilityFloor = 1e-12;
constexpr Index kBlockRows = 4096;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kNegInf = -std::numeric_limits<double>::infinity();

// A one-column task is binary in either mode: its column is the score of class 1 against 0.
bool elementwise(LossMode mode, Index classes)
{
    return mode == LossMode::Sigmoid || classes == 1;
}

// log(1 - e^lp) for lp <= 0 without cancellation (Maechler's log1mexp); -inf when lp == 0.
double log1mExp(double lp)
{
    if (lp >= 0.0)
        return kNegInf;
    return lp > -std::numbers::ln2 ? std::log(-std::expm1(lp)) : std::log1p(-std::exp(lp));
}

// softplus(z) = log(1 + e^z) = max(z, 0) + log1p(e^-|z|)
double softplus(double z)
{
    return std::max(z, 0.0) + std::log1p(std::exp(-std::abs(z)));
}

double clampedProbability(double p)
{
    return std::clamp(p, kProbabilityFloor, 1.0 - kProbabilityFloor);
}

// log p_t of one element with hard target y: the negated binary cross-entropy.
// Logits: ce = max(x,0) - x y + log1p(exp(-|x|)) = softplus(y ? -x : x).
// Probabilities: ce = -(y log p + (1-y) log(1-p)) with p clamped to [1e-12, 1 - 1e-12].
double elementLogPt(double score, bool y, ScoreKind kind)
{
    if (kind == ScoreKind::Logits)
        return -softplus(y ? -score : score);
    const double p = clampedProbability(score);
    return y ? std::log(p) : std::log1p(-p);
}

// The logit that the gradient is taken with respect to, for one element.
double elementLogit(double score, ScoreKind kind)
{
    if (kind == ScoreKind::Logits)
        return score;
    const double p = clampedProbability(score);
    return std::log(p) - std::log1p(-p);
}

// Softmax log p_t of rows [begin, begin + n) of logits, C >= 2, into out (0 for ignored rows).
// log p_t = (x_t - m) - log(sum_j exp(x_j - m)) = (x_t - m) - log1p(r), where m is the row max and
// r the sum of the other terms, so that well-classified rows keep their precision.
void softmaxLogitsLogPt(const Predictions& predictions, Index begin, Index n, double* out)
{
    const Index classes = predictions.classes();
    Eigen::ArrayXd m = predictions.scores.col(0).segment(begin, n).cast<double>().array();
    for (Index c = 1; c < classes; ++c)
        m = m.max(predictions.scores.col(c).segment(begin, n).cast<double>().array());
    Eigen::ArrayXd r = Eigen::ArrayXd::Constant(n, -1.0);
    for (Index c = 0; c < classes; ++c) {
        const Eigen::ArrayXd d
            = predictions.scores.col(c).segment(begin, n).cast<double>().array() - m;
        // The max term (1, exactly) is counted apart, so r holds only the small ones.
        r += (d == 0.0).select(Eigen::ArrayXd::Ones(n), d.exp());
    }
    const Eigen::ArrayXd logSum = r.log1p();
    for (Index i = 0; i < n; ++i) {
        const std::int32_t label = predictions.labels[begin + i];
        if (label == predictions.ignoreIndex) {
            out[i] = 0.0;
            continue;
        }
        const double xt = predictions.scores(begin + i, label);
        out[i] = (xt - m[i]) - logSum[i];
    }
}

void checkGamma(double gamma)
{
    if (!(gamma >= 0.0) || !std::isfinite(gamma))
        throw std::invalid_argument(
            "gamma must be a finite number >= 0, got " + std::to_string(gamma));
}

// The index into alphaTable() of element (row label, column c).
int alphaIndexOf(LossMode mode, Index classes, std::int32_t label, Index c)
{
    if (mode == LossMode::Sigmoid && classes >= 2)
        return label == c ? static_cast<int>(c) : static_cast<int>(classes + c);
    return label;
}

} // namespace

Eigen::VectorXd effectiveAlpha(const Alpha& alpha, LossMode mode, Index classes)
{
    if (classes < 1)
        throw std::invalid_argument("focal loss needs at least one score column");
    const auto listOf = [&](Index expected) {
        if (static_cast<Index>(alpha.perClass.size()) != expected)
            throw std::invalid_argument("alpha lists " + std::to_string(alpha.perClass.size())
                + " weights but there are " + std::to_string(expected) + " classes");
        return Eigen::Map<const Eigen::VectorXd>(alpha.perClass.data(), expected).eval();
    };
    if (mode == LossMode::Softmax) {
        const Index targets = std::max<Index>(classes, 2);
        switch (alpha.mode) {
        case Alpha::Mode::Scalar: {
            Eigen::VectorXd w = Eigen::VectorXd::Constant(targets, 1.0 - alpha.scalar);
            w[0] = alpha.scalar;
            return w;
        }
        case Alpha::Mode::PerClass:
            return listOf(targets);
        case Alpha::Mode::None:
            return Eigen::VectorXd::Ones(targets);
        }
    }
    // Sigmoid: torchvision weights a positive by alpha and a negative by 1 - alpha; alpha < 0
    // turns the weighting off.
    const auto positiveWeight = [](double a) {
        return a >= 0.0 ? a : 1.0;
    };
    const auto negativeWeight = [](double a) {
        return a >= 0.0 ? 1.0 - a : 1.0;
    };
    if (classes == 1) {
        switch (alpha.mode) {
        case Alpha::Mode::Scalar:
            return Eigen::Vector2d(negativeWeight(alpha.scalar), positiveWeight(alpha.scalar));
        case Alpha::Mode::PerClass:
            if (alpha.perClass.size() == 1)
                return Eigen::Vector2d(
                    negativeWeight(alpha.perClass[0]), positiveWeight(alpha.perClass[0]));
            return listOf(2);
        case Alpha::Mode::None:
            return Eigen::VectorXd::Ones(2);
        }
    }
    switch (alpha.mode) {
    case Alpha::Mode::Scalar:
        return Eigen::VectorXd::Constant(classes, positiveWeight(alpha.scalar));
    case Alpha::Mode::PerClass:
        return listOf(classes).unaryExpr(positiveWeight);
    case Alpha::Mode::None:
        return Eigen::VectorXd::Ones(classes);
    }
    return {};
}

Eigen::VectorXd alphaTable(const Alpha& alpha, LossMode mode, Index classes)
{
    const Eigen::VectorXd positive = effectiveAlpha(alpha, mode, classes);
    if (mode == LossMode::Softmax || classes == 1)
        return positive;
    Eigen::VectorXd table(2 * classes);
    table.head(classes) = positive;
    for (Index c = 0; c < classes; ++c) {
        double a = 0.0;
        switch (alpha.mode) {
        case Alpha::Mode::Scalar:
            a = alpha.scalar;
            break;
        case Alpha::Mode::PerClass:
            a = alpha.perClass[static_cast<std::size_t>(c)];
            break;
        case Alpha::Mode::None:
            a = -1.0;
            break;
        }
        table[classes + c] = a >= 0.0 ? 1.0 - a : 1.0;
    }
    return table;
}

PtCache computePtCache(const Predictions& predictions, LossMode mode)
{
    validatePredictions(predictions);
    PtCache cache;
    cache.mode = mode;
    cache.kind = predictions.kind;
    cache.rows = predictions.rows();
    cache.classes = predictions.classes();
    cache.labels = predictions.labels;
    cache.ignoreIndex = predictions.ignoreIndex;
    cache.counted = predictions.countedRows();

    const Index rows = cache.rows;
    const Index classes = cache.classes;
    const bool perElement = mode == LossMode::Sigmoid && classes >= 2;
    const Index entries = perElement ? rows * classes : rows;
    cache.logPt.resize(entries);
    cache.log1mPt.resize(entries);
    cache.alphaIndex.resize(entries);
    cache.rowPt.resize(rows);

    if (elementwise(mode, classes)) {
        for (Index c = 0; c < classes; ++c)
            for (Index i = 0; i < rows; ++i) {
                const Index e = c * rows + i;
                const std::int32_t label = predictions.labels[i];
                if (label == predictions.ignoreIndex) {
                    cache.logPt[e] = 0.0;
                    cache.alphaIndex[e] = -1;
                    continue;
                }
                const bool y = classes == 1 ? label == 1 : label == c;
                cache.logPt[e] = elementLogPt(predictions.scores(i, c), y, predictions.kind);
                cache.alphaIndex[e] = alphaIndexOf(mode, classes, label, c);
            }
    } else if (predictions.kind == ScoreKind::Logits) {
        for (Index begin = 0; begin < rows; begin += kBlockRows)
            softmaxLogitsLogPt(
                predictions, begin, std::min(kBlockRows, rows - begin), cache.logPt.data() + begin);
        for (Index i = 0; i < rows; ++i)
            cache.alphaIndex[i] = predictions.isIgnored(i) ? -1 : predictions.labels[i];
    } else {
        // Probabilities: log p_t = log(p_t) with p_t clamped to [1e-12, 1].
        for (Index i = 0; i < rows; ++i) {
            const std::int32_t label = predictions.labels[i];
            if (label == predictions.ignoreIndex) {
                cache.logPt[i] = 0.0;
                cache.alphaIndex[i] = -1;
                continue;
            }
            const double pt
                = std::clamp<double>(predictions.scores(i, label), kProbabilityFloor, 1.0);
            cache.logPt[i] = std::log(pt);
            cache.alphaIndex[i] = label;
        }
    }

    for (Index e = 0; e < entries; ++e)
        cache.log1mPt[e] = cache.alphaIndex[e] < 0 ? kNegInf : log1mExp(cache.logPt[e]);
    for (Index i = 0; i < rows; ++i) {
        const std::int32_t label = predictions.labels[i];
        if (label == predictions.ignoreIndex) {
            cache.rowPt[i] = kNaN;
            continue;
        }
        const Index e = perElement ? label * rows + i : i;
        cache.rowPt[i] = std::exp(cache.logPt[e]);
    }
    return cache;
}

namespace {

// Each entry's loss l = -alpha_t (1 - p_t)^gamma log p_t, with (1 - p_t)^gamma taken as
// exp(gamma log(1 - p_t)) and 0^0 = 1; 0 for ignored entries. Also returns alpha_t per entry.
Eigen::ArrayXd entryLosses(const PtCache& cache, const FocalParams& params, Eigen::ArrayXd& alphaT)
{
    checkGamma(params.gamma);
    if (params.mode != cache.mode)
        throw std::invalid_argument(
            "the focal loss parameters ask for another mode than the cache");
    const Eigen::VectorXd table = alphaTable(params.alpha, cache.mode, cache.classes);
    Eigen::ArrayXd weights(table.size() + 1);
    weights[0] = 0.0; // ignored entries
    weights.tail(table.size()) = table.array();
    const Index entries = cache.logPt.size();
    alphaT.resize(entries);
    const int* index = cache.alphaIndex.data();
    for (Index e = 0; e < entries; ++e)
        alphaT[e] = weights[index[e] + 1];
    // + 0.0 turns the -0 of ignored entries into +0.
    if (params.gamma == 0.0)
        return alphaT * -cache.logPt + 0.0;
    return alphaT * (params.gamma * cache.log1mPt).exp() * -cache.logPt + 0.0;
}

} // namespace

FocalLossResult focalLoss(const PtCache& cache, const FocalParams& params)
{
    Eigen::ArrayXd alphaT;
    Eigen::ArrayXd losses = entryLosses(cache, params, alphaT);
    FocalLossResult result;
    result.counted = cache.counted;
    result.alphaSum = alphaT.sum();
    result.pt = cache.rowPt;
    const bool perElement = cache.mode == LossMode::Sigmoid && cache.classes >= 2;
    Index reducedEntries = cache.counted;
    if (perElement) {
        result.perRow = Eigen::Map<const Eigen::ArrayXXd>(losses.data(), cache.rows, cache.classes)
                            .rowwise()
                            .sum();
        reducedEntries = cache.counted * cache.classes;
    } else {
        result.perRow = std::move(losses);
    }
    const double sum = result.perRow.sum();
    const double mean = reducedEntries > 0 ? sum / static_cast<double>(reducedEntries) : kNaN;
    switch (params.reduction) {
    case Reduction::Mean:
    case Reduction::None:
        result.value = mean;
        break;
    case Reduction::Sum:
        result.value = sum;
        break;
    case Reduction::WeightedMean:
        result.value = sum / result.alphaSum;
        break;
    }
    return result;
}

FocalLossResult focalLoss(const Predictions& predictions, const FocalParams& params)
{
    return focalLoss(computePtCache(predictions, params.mode), params);
}

Eigen::ArrayXXd sigmoidFocalLossElements(const Predictions& predictions, const FocalParams& params)
{
    FocalParams sigmoid = params;
    sigmoid.mode = LossMode::Sigmoid;
    const PtCache cache = computePtCache(predictions, LossMode::Sigmoid);
    Eigen::ArrayXd alphaT;
    Eigen::ArrayXd losses = entryLosses(cache, sigmoid, alphaT);
    return Eigen::Map<const Eigen::ArrayXXd>(losses.data(), cache.rows, cache.classes);
}

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
