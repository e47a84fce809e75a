#pragma once

// The generated focal loss cases of tests/reference/gen_focal.py: the inputs rebuilt from the
// shared RNG exactly as the generator builds them (see its docstring), the parameters read from
// the fixture, and the tolerances of the proof.

#include "data/predictions.h"
#include "fixture.h"
#include "loss/focal_loss.h"
#include "test_rng.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <cmath>
#include <cstdint>

namespace focalscope::testing {

inline QJsonArray loadFocalCases(const char* name)
{
    return loadJson(QStringLiteral("reference/fixtures/focal/%1.json").arg(QLatin1String(name)))
        .array();
}

inline std::uint64_t caseSeed(const QJsonObject& c)
{
    // The generator keeps seeds below 2^53, so they survive a JSON double exactly.
    return static_cast<std::uint64_t>(c.value(QStringLiteral("seed")).toInteger());
}

inline Predictions makeCasePredictions(const QJsonObject& c)
{
    const std::uint64_t seed = caseSeed(c);
    const std::int64_t n = c.value(QStringLiteral("n")).toInteger();
    const std::int64_t classes = c.value(QStringLiteral("classes")).toInteger();
    const std::int64_t targets = classes == 1 ? 2 : classes;
    const bool logits = c.value(QStringLiteral("kind")).toString() == QLatin1String("logits");
    std::vector<std::int32_t> labels = randomLabels(seed, n, targets);

    Predictions p;
    p.scores.resize(n, classes);
    p.kind = logits ? ScoreKind::Logits : ScoreKind::Probabilities;
    if (logits) {
        const double signal = c.value(QStringLiteral("signal")).toDouble();
        if (classes == 1) {
            const std::vector<std::int32_t> none(static_cast<std::size_t>(n), -1);
            const std::vector<float> x = randomLogits(seed, n, 1, none, 0.0);
            for (std::int64_t i = 0; i < n; ++i)
                p.scores(i, 0) = x[static_cast<std::size_t>(i)]
                    + (labels[static_cast<std::size_t>(i)] == 1 ? static_cast<float>(signal)
                                                                : 0.0f);
        } else {
            const std::vector<float> x = randomLogits(seed, n, classes, labels, signal);
            for (std::int64_t i = 0; i < n; ++i)
                for (std::int64_t k = 0; k < classes; ++k)
                    p.scores(i, k) = x[static_cast<std::size_t>(i * classes + k)];
        }
    } else {
        const int bits = c.value(QStringLiteral("bits")).toInt();
        const std::vector<float> s = randomUnitScores(seed, n * classes, bits);
        for (std::int64_t i = 0; i < n; ++i)
            for (std::int64_t k = 0; k < classes; ++k)
                p.scores(i, k) = s[static_cast<std::size_t>(i * classes + k)];
    }
    const std::int64_t stride = c.value(QStringLiteral("ignore_stride")).toInteger();
    p.labels.resize(n);
    for (std::int64_t i = 0; i < n; ++i)
        p.labels[i] = stride > 0 && i % stride == stride - 1 ? kDefaultIgnoreIndex
                                                             : labels[static_cast<std::size_t>(i)];
    p.classNames = defaultClassNames(classes);
    return p;
}

inline Alpha caseAlpha(const QJsonObject& c)
{
    const QJsonObject a = c.value(QStringLiteral("alpha")).toObject();
    const QString mode = a.value(QStringLiteral("mode")).toString();
    if (mode == QLatin1String("scalar"))
        return Alpha::fromScalar(a.value(QStringLiteral("scalar")).toDouble());
    if (mode == QLatin1String("list"))
        return Alpha::fromList(toDoubles(a.value(QStringLiteral("list"))));
    return Alpha::none();
}

inline FocalParams caseParams(const QJsonObject& c, Reduction reduction = Reduction::Mean)
{
    FocalParams params;
    params.mode = c.value(QStringLiteral("mode")).toString() == QLatin1String("sigmoid")
        ? LossMode::Sigmoid
        : LossMode::Softmax;
    params.alpha = caseAlpha(c);
    params.gamma = c.value(QStringLiteral("gamma")).toDouble();
    params.reduction = reduction;
    return params;
}

inline QString caseName(const QJsonObject& c, int index)
{
    return QStringLiteral("%1 #%2 n=%3 C=%4 %5 gamma=%6 alpha=%7")
        .arg(c.value(QStringLiteral("mode")).toString())
        .arg(index)
        .arg(c.value(QStringLiteral("n")).toInteger())
        .arg(c.value(QStringLiteral("classes")).toInteger())
        .arg(c.value(QStringLiteral("kind")).toString())
        .arg(c.value(QStringLiteral("gamma")).toDouble())
        .arg(c.value(QStringLiteral("alpha")).toObject().value(QStringLiteral("mode")).toString());
}

// Reduced losses: within 1e-6 relative (both NaN passes).
inline bool closeReduced(double actual, double expected)
{
    if (std::isnan(expected) || std::isnan(actual))
        return std::isnan(expected) && std::isnan(actual);
    return std::abs(actual - expected) <= 1e-6 * std::abs(expected);
}

// Per-row losses and gradients: within 1e-5 relative or 1e-8 absolute (both NaN passes).
inline bool closeElement(double actual, double expected)
{
    if (std::isnan(expected) || std::isnan(actual))
        return std::isnan(expected) && std::isnan(actual);
    const double diff = std::abs(actual - expected);
    return diff <= 1e-8 || diff <= 1e-5 * std::abs(expected);
}

} // namespace focalscope::testing
