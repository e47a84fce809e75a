#pragma once

// Reading the committed reference fixtures (JSON written by tests/reference/*.py; NaN is
// written as null).

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

namespace focalscope::testing {

inline QString testsDir()
{
    return QStringLiteral(FOCALSCOPE_TESTS_DIR);
}

inline QJsonDocument loadJson(const QString& relativePath)
{
    QFile file(testsDir() + QLatin1Char('/') + relativePath);
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot open fixture " + relativePath.toStdString());
    QJsonParseError error;
    QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (doc.isNull())
        throw std::runtime_error(
            "bad fixture " + relativePath.toStdString() + ": " + error.errorString().toStdString());
    return doc;
}

inline double toDouble(const QJsonValue& value)
{
    return value.isNull() ? std::numeric_limits<double>::quiet_NaN() : value.toDouble();
}

inline std::vector<double> toDoubles(const QJsonValue& value)
{
    std::vector<double> out;
    for (const QJsonValue& v : value.toArray())
        out.push_back(toDouble(v));
    return out;
}

inline bool sameOrBothNaN(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

} // namespace focalscope::testing
