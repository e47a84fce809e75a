#pragma once

// The labelled ticks of a probit axis (PlotAxis::probit): rates in percent at their probit
// positions, as scikit-learn's DetCurveDisplay labels its axes (0.1%, 1%, 5%, 20%, 50%, 80%,
// 95%, 99%, 99.9%), denser when zoomed in.

#include <QList>
#include <QString>

namespace focalscope {

struct AxisTick {
    double position = 0.0; // probit(rate)
    QString label; // the rate in percent, e.g. "0.1%"
};

// Ticks within [min, max] (probit units), ascending, at least (max - min) / maxTicks apart,
// chosen from scikit-learn's (0.1%, 1%, 5%, 20%, 50% and their complements), then the other
// decades, then 2 and 5 times a decade and the tens of percent; inside a range that holds fewer
// than three of those, evenly spaced rates.
QList<AxisTick> probitTicks(double min, double max, int maxTicks = 12);

// "0.1%", "5%", "99.9%", "0.0005%": a rate in percent, as short as it allows.
QString percentLabel(double rate);

} // namespace focalscope
