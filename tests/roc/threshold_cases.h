#pragma once

// The cases of tests/reference/gen_thresholds.py (fixtures/thresholds/cases.json): inputs, and
// per class the rules' points, probe thresholds, histograms and error rows scikit-learn / NumPy
// give. +-inf are written "inf" / "-inf", NaN null.

#include "data/predictions.h"
#include "fixture.h"
#include "roc/threshold_table.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <limits>

namespace focalscope::testing {

inline QJsonObject thresholdFixture()
{
    return loadJson(QStringLiteral("reference/fixtures/thresholds/cases.json")).object();
}

// A fixture number: null -> NaN, "inf" / "-inf" -> +-infinity.
inline double fixtureNumber(const QJsonValue& value)
{
    if (value.isString())
        return value.toString().startsWith(QLatin1Char('-'))
            ? -std::numeric_limits<double>::infinity()
            : std::numeric_limits<double>::infinity();
    return toDouble(value);
}

// The case's predictions: probabilities, one column for a binary case.
inline Predictions thresholdCasePredictions(const QJsonObject& c)
{
    const QJsonArray scores = c[QStringLiteral("scores")].toArray();
    const QJsonArray labels = c[QStringLiteral("labels")].toArray();
    const bool binary = c[QStringLiteral("task")].toString() == QLatin1String("binary");
    const Index rows = scores.size();
    const Index classes = binary ? 1 : scores.first().toArray().size();
    Predictions p;
    p.kind = ScoreKind::Probabilities;
    p.scores.resize(rows, classes);
    p.labels.resize(rows);
    for (Index i = 0; i < rows; ++i) {
        for (Index k = 0; k < classes; ++k)
            p.scores(i, k) = binary ? scores[i].toDouble() : scores[i].toArray()[k].toDouble();
        p.labels[i] = labels[i].toInt();
    }
    for (Index k = 0; k < classes; ++k)
        p.classNames.push_back("class_" + std::to_string(k));
    return p;
}

// One _data() row per (case, class): columns "predictions", "targetClass" and "expected" (the
// class's object of the fixture).
inline void addThresholdClassRows()
{
    QTest::addColumn<QJsonObject>("testCase");
    QTest::addColumn<int>("targetClass");
    for (const QJsonValue& c : thresholdFixture()[QStringLiteral("cases")].toArray()) {
        const QJsonArray classes = c[QStringLiteral("classes")].toArray();
        for (int k = 0; k < classes.size(); ++k)
            QTest::addRow("%s/class%d", qPrintable(c[QStringLiteral("name")].toString()), k)
                << c.toObject() << k;
    }
}

inline ThresholdTable thresholdCaseTable(const QJsonObject& c, int targetClass)
{
    const Predictions p = thresholdCasePredictions(c);
    return thresholdTable(p.scores, p, targetClass);
}

} // namespace focalscope::testing
