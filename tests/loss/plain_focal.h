#pragma once

// The plain reference path for the fast focal loss kernels: random predictions (with ignored
// rows, ties and single-class labels on request) and the focal loss of each row by the
// textbook formulas, one row at a time in long double, with no blocks, threads or SIMD.

#include "data/predictions.h"
#include "loss/focal_loss.h"
#include "test_rng.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace focalscope::testing {

enum class PlainLabels { Random, OnlyBackground, OnlyForeground };

struct PlainCase {
    LossMode mode = LossMode::Softmax;
    ScoreKind kind = ScoreKind::Logits;
    Index classes = 5;
    Index rows = 1000;
    PlainLabels labels = PlainLabels::Random;
    int ignoreStride = 0; // every ignoreStride-th row has the ignore index (0: none)
    bool ties = false; // scores on a coarse grid: equal maxima, equal p_t
    std::uint64_t seed = 1;
};

inline Predictions plainCasePredictions(const PlainCase& c)
{
    const Index targets = c.classes == 1 ? 2 : c.classes;
    std::vector<std::int32_t> labels = randomLabels(c.seed, c.rows, targets);
    for (std::int32_t& label : labels) {
        if (c.labels == PlainLabels::OnlyBackground)
            label = 0;
        else if (c.labels == PlainLabels::OnlyForeground)
            label = static_cast<std::int32_t>(targets - 1);
    }
    const std::vector<std::int32_t> signalAt
        = c.classes == 1 ? std::vector<std::int32_t>(static_cast<std::size_t>(c.rows), -1) : labels;
    const std::vector<float> x = randomLogits(c.seed, c.rows, c.classes, signalAt, 2.0);
    Predictions p;
    p.kind = c.kind;
    p.scores.resize(c.rows, c.classes);
    for (Index i = 0; i < c.rows; ++i) {
        // Logits: one class's signal, or for one column the label's sign.
        double sum = 0.0;
        std::vector<double> row(static_cast<std::size_t>(c.classes));
        for (Index k = 0; k < c.classes; ++k) {
            double v = x[static_cast<std::size_t>(i * c.classes + k)];
            if (c.classes == 1)
                v += labels[static_cast<std::size_t>(i)] == 1 ? 1.5 : -0.5;
            if (c.ties)
                v = std::round(v * 2.0) / 2.0;
            row[static_cast<std::size_t>(k)] = v;
        }
        if (c.kind == ScoreKind::Probabilities) {
            // Softmax of the row (sigmoid of each element in sigmoid mode or for one column),
            // on a grid of 1/8 with ties: p = 0 and p = 1 occur.
            const bool bySigmoid = c.mode == LossMode::Sigmoid || c.classes == 1;
            const double m = *std::max_element(row.begin(), row.end());
            for (double& v : row) {
                v = bySigmoid ? 1.0 / (1.0 + std::exp(-v)) : std::exp(v - m);
                sum += v;
            }
            for (double& v : row) {
                if (!bySigmoid)
                    v /= sum;
                if (c.ties)
                    v = std::round(v * 8.0) / 8.0;
            }
        }
        for (Index k = 0; k < c.classes; ++k)
            p.scores(i, k) = static_cast<float>(row[static_cast<std::size_t>(k)]);
    }
    p.labels.resize(c.rows);
    for (Index i = 0; i < c.rows; ++i)
        p.labels[i] = c.ignoreStride > 0 && i % c.ignoreStride == c.ignoreStride - 1
            ? kDefaultIgnoreIndex
            : labels[static_cast<std::size_t>(i)];
    p.classNames = defaultClassNames(c.classes);
    return p;
}

struct PlainLoss {
    std::vector<double> perRow; // 0 for ignored rows
    std::vector<double> pt; // NaN for ignored rows
    double sum = 0.0;
    double alphaSum = 0.0;
    Index counted = 0;
    double value(Reduction reduction, Index entriesPerRow) const
    {
        switch (reduction) {
        case Reduction::Sum:
            return sum;
        case Reduction::WeightedMean:
            return sum / alphaSum;
        case Reduction::Mean:
        case Reduction::None:
            break;
        }
        return counted > 0 ? sum / static_cast<double>(counted * entriesPerRow) : std::nan("");
    }
};

// log p_t, through log1p(-(1 - p_t)) near 1 where log would lose the relative precision
inline long double plainLog(long double pt)
{
    return pt > 0.5L ? std::log1p(-(1.0L - pt)) : std::log(pt);
}

// l = -alpha_t (1 - p_t)^gamma log p_t, 0^0 = 1, from p_t and 1 - p_t
inline long double plainTerm(long double logPt, long double q, double alpha, double gamma)
{
    const long double weight = gamma == 0.0 ? 1.0L : std::pow(std::max(q, 0.0L), gamma);
    return -static_cast<long double>(alpha) * weight * logPt;
}

inline PlainLoss plainFocalLoss(const Predictions& p, const FocalParams& params)
{
    // The clamp bounds as doubles, as the spec states them for float64 (1 - 1e-12 rounded).
    constexpr double floor = 1e-12;
    const Index classes = p.classes();
    const Eigen::VectorXd table = alphaTable(params.alpha, params.mode, classes);
    const bool elementwise = params.mode == LossMode::Sigmoid || classes == 1;
    const bool logits = p.kind == ScoreKind::Logits;
    PlainLoss out;
    out.perRow.assign(static_cast<std::size_t>(p.rows()), 0.0);
    out.pt.assign(static_cast<std::size_t>(p.rows()), std::nan(""));
    for (Index i = 0; i < p.rows(); ++i) {
        const std::int32_t t = p.labels[i];
        if (t == p.ignoreIndex)
            continue;
        ++out.counted;
        long double rowLoss = 0.0L;
        long double rowPt = 0.0L;
        if (!elementwise) {
            // log_softmax, then gather
            long double m = p.scores(i, 0);
            for (Index k = 1; k < classes; ++k)
                m = std::max<long double>(m, p.scores(i, k));
            long double s = 0.0L;
            for (Index k = 0; k < classes; ++k)
                s += std::exp(static_cast<long double>(p.scores(i, k)) - m);
            long double logPt = 0.0L;
            long double pt = 0.0L;
            if (logits) {
                logPt = (static_cast<long double>(p.scores(i, t)) - m) - std::log(s);
                pt = std::exp(logPt);
            } else {
                pt = std::clamp<double>(p.scores(i, t), floor, 1.0);
                logPt = plainLog(pt);
            }
            rowLoss = plainTerm(logPt, 1.0L - pt, table[t], params.gamma);
            rowPt = pt;
            out.alphaSum += table[t];
        } else {
            for (Index k = 0; k < classes; ++k) {
                const bool y = classes == 1 ? t == 1 : t == k;
                const long double x = p.scores(i, k);
                // p and 1 - p each computed directly, so that neither is a difference near 0.
                const long double prob = logits
                    ? 1.0L / (1.0L + std::exp(-x))
                    : std::clamp<double>(p.scores(i, k), floor, 1.0 - floor);
                const long double other = logits ? 1.0L / (1.0L + std::exp(x)) : 1.0L - prob;
                const long double pt = y ? prob : other;
                const long double q = y ? other : prob;
                const long double logPt = pt > 0.5L ? std::log1p(-q) : std::log(pt);
                const int index = params.mode == LossMode::Sigmoid && classes >= 2
                    ? (y ? static_cast<int>(k) : static_cast<int>(classes + k))
                    : t;
                rowLoss += plainTerm(logPt, q, table[index], params.gamma);
                out.alphaSum += table[index];
                if (classes == 1 || t == k)
                    rowPt = pt;
            }
        }
        out.perRow[static_cast<std::size_t>(i)] = static_cast<double>(rowLoss);
        out.pt[static_cast<std::size_t>(i)] = static_cast<double>(rowPt);
        out.sum += static_cast<double>(rowLoss);
    }
    return out;
}

// Within `relative` of the reference (1e-300 absolute for zeros); both NaN passes.
inline bool closeTo(double actual, double expected, double relative)
{
    if (std::isnan(expected) || std::isnan(actual))
        return std::isnan(expected) && std::isnan(actual);
    return std::abs(actual - expected) <= relative * std::abs(expected) + 1e-300;
}

} // namespace focalscope::testing
