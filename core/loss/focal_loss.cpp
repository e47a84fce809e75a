#include "loss/focal_loss.h"

#include "loss/simd_exp.h"

#include <algorithm>
#include <cmath>
#include <limits>
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

// log1p(v) of each element, vectorised (Eigen 3.4 evaluates log1p and select one scalar at a
// time): log(u) v / (u - 1) with u = 1 + v (Goldberg's correction), v itself where u == 1.
Eigen::ArrayXd log1pArray(const Eigen::ArrayXd& v)
{
    const Eigen::ArrayXd u = 1.0 + v;
    Eigen::ArrayXd out = u.log() * (v / (u - 1.0));
    for (Index i = 0; i < v.size(); ++i)
        if (u[i] == 1.0)
            out[i] = v[i];
    return out;
}

// Softmax log p_t and log(1 - p_t) of rows [begin, begin + n) of logits, C >= 2.
// log p_t = (x_t - m) - log(sum_j exp(x_j - m)) = (x_t - m) - log1p(r), where m is the row max and
// r the sum of the other terms, so that well-classified rows keep their precision. When x_t is
// the max, 1 - p_t = r / (1 + r) exactly; otherwise p_t <= 1/2 and log1p(-p_t) is accurate.
void softmaxLogitsBlock(
    const Predictions& predictions, Index begin, Index n, double* logPt, double* log1mPt)
{
    const Index classes = predictions.classes();
    const auto column = [&](Index c) {
        return predictions.scores.col(c).segment(begin, n).cast<double>().array();
    };
    Eigen::ArrayXd m = column(0);
    for (Index c = 1; c < classes; ++c)
        m = m.max(column(c));
    // The max terms (1, exactly) are counted apart, so r holds only the small ones.
    Eigen::ArrayXd small = Eigen::ArrayXd::Zero(n);
    Eigen::ArrayXd ties = Eigen::ArrayXd::Zero(n);
    Eigen::ArrayXd d(n);
    for (Index c = 0; c < classes; ++c) {
        d = column(c) - m;
        accumulateSoftmaxTerms(d.data(), static_cast<std::size_t>(n), small.data(), ties.data());
    }
    const Eigen::ArrayXd r = small + (ties - 1.0);
    const Eigen::ArrayXd logSum = log1pArray(r);
    Eigen::ArrayXd xt(n);
    for (Index i = 0; i < n; ++i) {
        const std::int32_t label = predictions.labels[begin + i];
        xt[i] = label == predictions.ignoreIndex ? m[i] : predictions.scores(begin + i, label);
    }
    Eigen::Map<Eigen::ArrayXd> lp(logPt, n);
    lp = (xt - m) - logSum;
    const Eigen::ArrayXd logR = r.log();
    Eigen::ArrayXd pt = lp;
    expInPlace(pt.data(), static_cast<std::size_t>(n));
    const Eigen::ArrayXd log1mPtOther = log1pArray(-pt);
    for (Index i = 0; i < n; ++i)
        log1mPt[i] = xt[i] == m[i] ? logR[i] - logSum[i] : log1mPtOther[i];
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
    const Eigen::Array<bool, Eigen::Dynamic, 1> ignored
        = predictions.labels.array() == predictions.ignoreIndex;

    if (elementwise(mode, classes)) {
        const bool logits = predictions.kind == ScoreKind::Logits;
        for (Index c = 0; c < classes; ++c) {
            const Eigen::ArrayXd x = predictions.scores.col(c).cast<double>().array();
            // log p_t = -ce with torchvision's ce = max(x,0) - x y + log1p(exp(-|x|)) for hard y,
            // i.e. -softplus(-x) for y = 1 and -softplus(x) for y = 0; log(1 - p_t) is the other
            // one. Probabilities: the clamped BCE, p in [1e-12, 1 - 1e-12].
            // a = log p, b = log(1 - p) of the element's positive side.
            Eigen::ArrayXd a(rows);
            Eigen::ArrayXd b(rows);
            if (logits) {
                const Eigen::ArrayXd tail = log1pArray((-x.abs()).exp());
                a = -((-x).max(0.0) + tail);
                b = -(x.max(0.0) + tail);
            } else {
                const Eigen::ArrayXd p = x.max(kProbabilityFloor).min(1.0 - kProbabilityFloor);
                a = p.log();
                b = log1pArray(-p);
            }
            const Eigen::Array<bool, Eigen::Dynamic, 1> y = classes == 1
                ? (predictions.labels.array() == 1).eval()
                : (predictions.labels.array() == static_cast<std::int32_t>(c)).eval();
            auto logPt = cache.logPt.segment(c * rows, rows);
            auto log1mPt = cache.log1mPt.segment(c * rows, rows);
            logPt = ignored.select(0.0, y.select(a, b));
            log1mPt = ignored.select(kNegInf, y.select(b, a));
            for (Index i = 0; i < rows; ++i)
                cache.alphaIndex[c * rows + i]
                    = ignored[i] ? -1 : alphaIndexOf(mode, classes, predictions.labels[i], c);
        }
    } else {
        for (Index i = 0; i < rows; ++i)
            cache.alphaIndex[i] = ignored[i] ? -1 : predictions.labels[i];
        if (predictions.kind == ScoreKind::Logits) {
            for (Index begin = 0; begin < rows; begin += kBlockRows)
                softmaxLogitsBlock(predictions, begin, std::min(kBlockRows, rows - begin),
                    cache.logPt.data() + begin, cache.log1mPt.data() + begin);
        } else {
            // Probabilities: log p_t = log(p_t) with p_t clamped to [1e-12, 1].
            Eigen::ArrayXd pt(rows);
            for (Index i = 0; i < rows; ++i)
                pt[i] = ignored[i] ? 1.0 : predictions.scores(i, predictions.labels[i]);
            pt = pt.max(kProbabilityFloor).min(1.0);
            cache.logPt = pt.log();
            cache.log1mPt = log1pArray(-pt);
        }
        cache.logPt = ignored.select(0.0, cache.logPt);
        cache.log1mPt = ignored.select(kNegInf, cache.log1mPt);
    }

    if (perElement) {
        Eigen::ArrayXd targetLogPt(rows);
        for (Index i = 0; i < rows; ++i)
            targetLogPt[i] = ignored[i] ? 0.0 : cache.logPt[predictions.labels[i] * rows + i];
        cache.rowPt = targetLogPt.exp();
    } else {
        cache.rowPt = cache.logPt.head(rows).exp();
    }
    cache.rowPt = ignored.select(kNaN, cache.rowPt);
    return cache;
}

namespace {

// The focal loss of the cache's entries for one (alpha, gamma), block by block so that the
// temporaries stay in cache and no full-size array is allocated besides the outputs.
class EntryLossKernel {
public:
    EntryLossKernel(const PtCache& cache, const FocalParams& params)
        : m_cache(cache)
        , m_gamma(params.gamma)
    {
        checkGamma(params.gamma);
        if (params.mode != cache.mode)
            throw std::invalid_argument(
                "the focal loss parameters ask for another mode than the cache");
        const Eigen::VectorXd table = alphaTable(params.alpha, cache.mode, cache.classes);
        m_weights.resize(table.size() + 1);
        m_weights[0] = 0.0; // ignored entries
        m_weights.tail(table.size()) = table.array();
        m_alphaT.resize(kBlockRows);
    }

    // Writes the losses of entries [begin, begin + n), n <= kBlockRows, to out and returns
    // the sum of their alpha_t.
    // l = -alpha_t (1 - p_t)^gamma log p_t, (1 - p_t)^gamma = exp(gamma log(1 - p_t)), 0^0 = 1
    double operator()(Index begin, Index n, double* out)
    {
        const int* index = m_cache.alphaIndex.data() + begin;
        for (Index k = 0; k < n; ++k)
            m_alphaT[k] = m_weights[index[k] + 1];
        const auto alphaT = m_alphaT.head(n);
        const auto logPt = m_cache.logPt.segment(begin, n);
        Eigen::Map<Eigen::ArrayXd> loss(out, n);
        // + 0.0 turns the -0 of ignored entries into +0.
        if (m_gamma == 0.0) {
            loss = alphaT * -logPt + 0.0;
        } else {
            // The focal weight (1 - p_t)^gamma goes through `loss` first (exp(-inf) = 0).
            loss = m_gamma * m_cache.log1mPt.segment(begin, n);
            expInPlace(out, static_cast<std::size_t>(n));
            loss = alphaT * loss * -logPt + 0.0;
        }
        return alphaT.sum();
    }

private:
    const PtCache& m_cache;
    double m_gamma;
    Eigen::ArrayXd m_weights;
    Eigen::ArrayXd m_alphaT;
};

} // namespace

FocalLossResult focalLoss(const PtCache& cache, const FocalParams& params)
{
    EntryLossKernel kernel(cache, params);
    FocalLossResult result;
    result.counted = cache.counted;
    result.pt = cache.rowPt;
    result.perRow.resize(cache.rows);
    const bool perElement = cache.mode == LossMode::Sigmoid && cache.classes >= 2;
    Index reducedEntries = cache.counted;
    double alphaSum = 0.0;
    if (perElement) {
        // A row's loss is the sum over its elements; entry (i, c) is at c * rows + i.
        result.perRow.setZero();
        Eigen::ArrayXd block(kBlockRows);
        for (Index c = 0; c < cache.classes; ++c)
            for (Index begin = 0; begin < cache.rows; begin += kBlockRows) {
                const Index n = std::min(kBlockRows, cache.rows - begin);
                alphaSum += kernel(c * cache.rows + begin, n, block.data());
                result.perRow.segment(begin, n) += block.head(n);
            }
        reducedEntries = cache.counted * cache.classes;
    } else {
        for (Index begin = 0; begin < cache.rows; begin += kBlockRows) {
            const Index n = std::min(kBlockRows, cache.rows - begin);
            alphaSum += kernel(begin, n, result.perRow.data() + begin);
        }
    }
    result.alphaSum = alphaSum;
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
        result.value = sum / alphaSum;
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
    EntryLossKernel kernel(cache, sigmoid);
    Eigen::ArrayXXd elements(cache.rows, cache.classes);
    const Index entries = cache.rows * cache.classes;
    for (Index begin = 0; begin < entries; begin += kBlockRows)
        kernel(begin, std::min(kBlockRows, entries - begin), elements.data() + begin);
    return elements;
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
