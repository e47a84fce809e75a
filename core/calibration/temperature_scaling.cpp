#include "calibration/temperature_scaling.h"

#include "calibration/probabilities.h"
#include "calibration/proper_scores.h"
#include "parallel/parallel.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace focalscope {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr Index kBlockRows = 8192;

// The scores as logits x, so that the model at temperature T is softmax(x / T) or sigmoid(x / T):
// logits as given; probabilities as log p (softmax) or logit p = log p - log1p(-p) (elementwise),
// p clipped to [eps, 1 - eps].
ScoreMatrix baseLogits(const Predictions& predictions, bool elementwise)
{
    if (predictions.kind == ScoreKind::Logits)
        return predictions.scores;
    return predictions.scores.unaryExpr([elementwise](double p) {
        const double q = std::clamp(p, kLogLossEps, 1.0 - kLogLossEps);
        return elementwise ? std::log(q) - std::log1p(-q) : std::log(q);
    });
}

// The mean NLL f(s) at s = 1 / T and its derivatives f'(s), f''(s).
struct Objective {
    double f = 0.0;
    double df = 0.0;
    double d2f = 0.0;
};

class TemperatureObjective {
public:
    TemperatureObjective(const Predictions& predictions, LossMode mode)
        : m_predictions(predictions)
        , m_elementwise(elementwiseProbabilities(mode, predictions.classes()))
        , m_x(baseLogits(predictions, m_elementwise))
    {
        m_terms = predictions.countedRows() * (m_elementwise ? predictions.classes() : 1);
    }

    Index terms() const { return m_terms; }

    Objective at(double s)
    {
        ++m_evaluations;
        const Index rows = m_x.rows();
        const auto blocks = static_cast<std::size_t>((rows + kBlockRows - 1) / kBlockRows);
        std::vector<Objective> sums(blocks);
        parallel::forEach(blocks, [&](std::size_t block) {
            const Index begin = static_cast<Index>(block) * kBlockRows;
            const Index end = std::min(rows, begin + kBlockRows);
            sums[block] = m_elementwise ? elementSums(s, begin, end) : softmaxSums(s, begin, end);
        });
        Objective total;
        for (const Objective& part : sums) {
            total.f += part.f;
            total.df += part.df;
            total.d2f += part.d2f;
        }
        const auto n = static_cast<double>(m_terms);
        return {total.f / n, total.df / n, total.d2f / n};
    }

    int evaluations() const { return m_evaluations; }

private:
    // Per row, z = s x: nll = logsumexp(z) - z_y; d/ds = E_p[x] - x_y; d2/ds2 = Var_p[x].
    Objective softmaxSums(double s, Index begin, Index end) const
    {
        Objective sum;
        const Index classes = m_x.cols();
        for (Index i = begin; i < end; ++i) {
            const std::int32_t label = m_predictions.labels[i];
            if (label == m_predictions.ignoreIndex)
                continue;
            double m = -std::numeric_limits<double>::infinity();
            for (Index c = 0; c < classes; ++c)
                m = std::max(m, s * m_x(i, c));
            double total = 0.0;
            double mean = 0.0;
            double square = 0.0;
            for (Index c = 0; c < classes; ++c) {
                const double x = m_x(i, c);
                const double e = std::exp(s * x - m);
                total += e;
                mean += e * x;
                square += e * x * x;
            }
            mean /= total;
            square /= total;
            const double xy = m_x(i, label);
            sum.f += m + std::log(total) - s * xy;
            sum.df += mean - xy;
            sum.d2f += std::max(square - mean * mean, 0.0);
        }
        return sum;
    }

    // Per element, z = s x: nll = softplus(z) - y z; d/ds = (sigma(z) - y) x;
    // d2/ds2 = sigma(z) (1 - sigma(z)) x^2.
    Objective elementSums(double s, Index begin, Index end) const
    {
        Objective sum;
        const bool binary = m_predictions.isBinary();
        for (Index i = begin; i < end; ++i) {
            const std::int32_t label = m_predictions.labels[i];
            if (label == m_predictions.ignoreIndex)
                continue;
            for (Index c = 0; c < m_x.cols(); ++c) {
                const double x = m_x(i, c);
                const double y = label == (binary ? 1 : static_cast<std::int32_t>(c)) ? 1.0 : 0.0;
                const double z = s * x;
                const double p = sigmoid(z);
                sum.f += std::max(z, 0.0) - y * z + std::log1p(std::exp(-std::abs(z)));
                sum.df += (p - y) * x;
                sum.d2f += p * (1.0 - p) * x * x;
            }
        }
        return sum;
    }

    const Predictions& m_predictions;
    bool m_elementwise;
    ScoreMatrix m_x;
    Index m_terms = 0;
    int m_evaluations = 0;
};

// F(u) = f(e^-u), u = log T: F' = -s f'(s), F'' = s^2 f''(s) + s f'(s).
struct LogObjective {
    double value = 0.0;
    double slope = 0.0;
    double curvature = 0.0;
};

LogObjective inLogT(TemperatureObjective& objective, double u)
{
    const double s = std::exp(-u);
    const Objective o = objective.at(s);
    return {o.f, -s * o.df, s * s * o.d2f + s * o.df};
}

} // namespace

double temperatureNll(const Predictions& predictions, LossMode mode, double temperature)
{
    TemperatureObjective objective(predictions, mode);
    return objective.terms() == 0 ? kNaN : objective.at(1.0 / temperature).f;
}

TemperatureFit fitTemperature(const Predictions& predictions, LossMode mode)
{
    TemperatureObjective objective(predictions, mode);
    TemperatureFit fit;
    if (objective.terms() == 0) {
        fit.temperature = fit.nllBefore = fit.nllAfter = kNaN;
        return fit;
    }
    fit.nllBefore = objective.at(1.0).f;
    double lo = std::log(kMinTemperature);
    double hi = std::log(kMaxTemperature);
    const LogObjective atLo = inLogT(objective, lo);
    const LogObjective atHi = inLogT(objective, hi);
    // F is unimodal in u (f is convex in s = 1 / T): a one-sided slope puts the optimum beyond.
    if (atLo.slope >= 0.0 || atHi.slope <= 0.0) {
        const bool low = atLo.slope >= 0.0;
        fit.temperature = low ? kMinTemperature : kMaxTemperature;
        fit.nllAfter = low ? atLo.value : atHi.value;
        fit.atBound = true;
        fit.evaluations = objective.evaluations();
        return fit;
    }
    // Golden section: keeps the minimum of a unimodal F inside [lo, hi].
    const double ratio = (std::sqrt(5.0) - 1.0) / 2.0;
    double a = hi - ratio * (hi - lo);
    double b = lo + ratio * (hi - lo);
    double fa = inLogT(objective, a).value;
    double fb = inLogT(objective, b).value;
    while (hi - lo > 0.05) {
        if (fa <= fb) {
            hi = b;
            b = a;
            fb = fa;
            a = hi - ratio * (hi - lo);
            fa = inLogT(objective, a).value;
        } else {
            lo = a;
            a = b;
            fa = fb;
            b = lo + ratio * (hi - lo);
            fb = inLogT(objective, b).value;
        }
    }
    // Safeguarded Newton on F'(u) = 0 inside [lo, hi]: bisection when a step would leave it.
    double u = fa <= fb ? a : b;
    LogObjective at = inLogT(objective, u);
    for (int iteration = 0; iteration < 100; ++iteration) {
        if (at.slope < 0.0)
            lo = u;
        else
            hi = u;
        const bool newton = at.curvature > 0.0;
        // Converged: the NLL within 1e-12 of its minimum (Newton decrement) and log T within
        // 1e-10 (the NLL is flat at its minimum, so its tolerance alone leaves T loose).
        if (newton && at.slope * at.slope / (2.0 * at.curvature) <= 1e-12
            && std::abs(at.slope / at.curvature) <= 1e-10)
            break;
        double next = newton ? u - at.slope / at.curvature : 0.5 * (lo + hi);
        if (!(next > lo && next < hi))
            next = 0.5 * (lo + hi);
        if (next == u || hi - lo <= 4.0 * std::numeric_limits<double>::epsilon())
            break;
        u = next;
        at = inLogT(objective, u);
    }
    fit.temperature = std::exp(u);
    fit.nllAfter = at.value;
    fit.evaluations = objective.evaluations();
    return fit;
}

Predictions temperatureScaled(const Predictions& predictions, LossMode mode, double temperature)
{
    Predictions scaled = predictions;
    const double s = 1.0 / temperature;
    if (predictions.kind == ScoreKind::Logits) {
        scaled.scores *= s;
        return scaled;
    }
    const bool elementwise = elementwiseProbabilities(mode, predictions.classes());
    Predictions logits = predictions;
    logits.kind = ScoreKind::Logits;
    logits.scores = baseLogits(predictions, elementwise) * s;
    scaled.scores = calibrationProbabilities(logits, mode);
    return scaled;
}

} // namespace focalscope
