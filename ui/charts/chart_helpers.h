#pragma once

// Small helpers shared by the chart builders of this folder (not a public interface).

#include <QList>
#include <QPointF>
#include <QString>

#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

namespace focalscope::charts {

// Pairs of x[i], y[i] as points (the shorter length wins).
inline QList<QPointF> toPoints(const std::vector<double>& x, const std::vector<double>& y)
{
    const std::size_t n = std::min(x.size(), y.size());
    QList<QPointF> points;
    points.reserve(static_cast<qsizetype>(n));
    for (std::size_t i = 0; i < n; ++i)
        points.append(QPointF(x[i], y[i]));
    return points;
}

// "0.873", or "undefined" for NaN.
inline QString formatMetric(double value)
{
    return std::isnan(value) ? QStringLiteral("undefined") : QString::number(value, 'f', 3);
}

// 0, 0.5, 2, 0.25: as short as the value allows.
inline QString formatParameter(double value)
{
    return QString::number(value, 'g', 4);
}

// The smallest of 1, 2, 2.5, 5 times a power of ten that is >= value (value > 0).
inline double niceCeiling(double value)
{
    if (!(value > 0.0) || !std::isfinite(value))
        return 1.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (double step : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (step * magnitude >= value * (1 - 1e-12))
            return step * magnitude;
    return 10.0 * magnitude;
}

inline bool isVisible(const std::vector<bool>& visible, std::size_t c)
{
    return c >= visible.size() || visible[c];
}

inline QString nameOf(const std::vector<std::string>& names, std::size_t c)
{
    return c < names.size() ? QString::fromStdString(names[c]) : QString::number(c);
}

// The two groups of the loss concentration and the grouped p_t distribution: the rows of class
// 0 and the rest, each named by the data: "negative" / "positive" for a binary task, "zero" /
// "other classes" for digits; "background" / "foreground" only where class 0 is named so.
// names: the target classes' names (may be empty: "label 0" / "other labels").
inline QString groupName(const std::vector<std::string>& names, int group)
{
    if (names.empty())
        return group == 0 ? QStringLiteral("label 0") : QStringLiteral("other labels");
    const QString first = QString::fromStdString(names.front());
    if (group == 0)
        return first;
    if (first.compare(QLatin1String("background"), Qt::CaseInsensitive) == 0
        || first.compare(QLatin1String("bg"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("foreground");
    return names.size() == 2 ? nameOf(names, 1) : QStringLiteral("other classes");
}

} // namespace focalscope::charts
