#pragma once

// The runs of tests/reference/gen_runs.py's fixture (fixtures/runs/runs.json) as Predictions,
// and a closeness check for its float64 references.

#include "data/predictions.h"
#include "fixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <vector>

namespace focalscope::testing {

inline const QJsonObject& runsFixture()
{
    static const QJsonObject fixture
        = loadJson(QStringLiteral("reference/fixtures/runs/runs.json")).object();
    return fixture;
}

// {"kind", "scores": [[row], ...], "labels": [...]}; the ignore index is the default -100.
inline Predictions predictionsOf(const QJsonObject& run)
{
    const QJsonArray rows = run[QStringLiteral("scores")].toArray();
    const QJsonArray labels = run[QStringLiteral("labels")].toArray();
    Predictions p;
    const auto n = static_cast<Index>(rows.size());
    const auto c = static_cast<Index>(rows.first().toArray().size());
    p.scores.resize(n, c);
    p.labels.resize(n);
    for (Index i = 0; i < n; ++i) {
        const QJsonArray row = rows[i].toArray();
        for (Index k = 0; k < c; ++k)
            p.scores(i, k) = row[k].toDouble();
        p.labels[i] = labels[i].toInt();
    }
    p.kind = run[QStringLiteral("kind")].toString() == QLatin1String("logits")
        ? ScoreKind::Logits
        : ScoreKind::Probabilities;
    p.classNames = defaultClassNames(c);
    validatePredictions(p);
    return p;
}

inline std::vector<Predictions> predictionsOf(const QJsonArray& runs)
{
    std::vector<Predictions> out;
    for (const QJsonValue& run : runs)
        out.push_back(predictionsOf(run.toObject()));
    return out;
}

inline std::vector<const Predictions*> pointersTo(const std::vector<Predictions>& runs)
{
    std::vector<const Predictions*> out;
    for (const Predictions& run : runs)
        out.push_back(&run);
    return out;
}

// Absolute below 1, relative above; NaN (null) only matches NaN.
inline bool closeTo(double actual, double expected, double tolerance)
{
    if (std::isnan(expected) || std::isnan(actual))
        return std::isnan(expected) && std::isnan(actual);
    return std::abs(actual - expected) <= tolerance * std::max(1.0, std::abs(expected));
}

inline QString mismatch(const QString& what, double actual, double expected)
{
    return QStringLiteral("%1: got %2, expected %3")
        .arg(what)
        .arg(actual, 0, 'g', 17)
        .arg(expected, 0, 'g', 17);
}

} // namespace focalscope::testing

#define COMPARE_CLOSE(actual, expected, tolerance, what)                                           \
    do {                                                                                           \
        const double a_ = (actual);                                                                \
        const double e_ = (expected);                                                              \
        QVERIFY2(focalscope::testing::closeTo(a_, e_, tolerance),                                  \
            qPrintable(focalscope::testing::mismatch(what, a_, e_)));                              \
    } while (false)
