#pragma once

// The generated cases of tests/reference/gen_calibration.py: inputs from tests/data/calibration/
// (read as the CLI reads them) and the references from fixtures/calibration/.

#include "fixture.h"
#include "io/prediction_reader.h"
#include "loss/focal_params.h"

#include <QJsonObject>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace focalscope::testing {

inline QStringList calibrationCases()
{
    return {QStringLiteral("binary_probabilities"), QStringLiteral("binary_logits"),
        QStringLiteral("multiclass_probabilities"), QStringLiteral("multiclass_logits")};
}

inline Predictions calibrationInput(const QString& name)
{
    return readPredictions(
        (testsDir() + QStringLiteral("/data/calibration/") + name + QStringLiteral(".csv"))
            .toStdString())
        .predictions;
}

inline QJsonObject calibrationReference(const QString& name)
{
    return loadJson(
        QStringLiteral("reference/fixtures/calibration/") + name + QStringLiteral(".json"))
        .object();
}

// The CLI's defaults: sigmoid for one column, softmax otherwise; alpha 0.25, gamma 2, mean.
inline FocalParams defaultFocal(const Predictions& predictions)
{
    FocalParams params;
    params.mode = predictions.isBinary() ? LossMode::Sigmoid : LossMode::Softmax;
    return params;
}

// |actual - expected| <= tolerance |expected| (NaN only matches NaN).
inline bool relativelyClose(double actual, double expected, double tolerance)
{
    if (std::isnan(expected) || std::isnan(actual))
        return std::isnan(expected) && std::isnan(actual);
    return std::abs(actual - expected) <= tolerance * std::abs(expected) || actual == expected;
}

} // namespace focalscope::testing
