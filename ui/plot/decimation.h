#pragma once

// Keeps curves light on screen: at most about kMaxPointsPerSeries points per series, chosen so
// that the drawn polyline keeps the curve's shape. Exact values stay in core; each kept point
// remembers its index in the full curve.

#include "plot/plot_spec.h"

#include <QList>
#include <QPointF>

namespace focalscope {

inline constexpr qsizetype kMaxPointsPerSeries = 2000;

struct Decimated {
    QList<QPointF> points;
    QList<qsizetype> sourceIndex; // index of each kept point in the input, increasing
};

// Ramer-Douglas-Peucker ranking: every point gets the distance at which RDP would keep it
// (perpendicular distance to the chord of its enclosing segment, in coordinates normalised to
// the curve's bounding box, log10 on a logarithmic axis, capped by its parent's), and the `cap`
// best ranked points are kept: the result equals RDP at the tightest tolerance that fits the
// cap (fewer when the rest lie on the polyline within 1e-12). The first and last points are always
// kept; an input of at most `cap` points is returned unchanged. Points with a non-finite coordinate
// (or <= 0 on a log axis) are dropped. O(n log n) for the curves plotted here (balanced splits).
Decimated decimate(const QList<QPointF>& points, qsizetype cap = kMaxPointsPerSeries,
    bool logX = false, bool logY = false);

// Decimates series.points in place and composes series.sourceIndex with the kept indices.
void decimateSeries(
    PlotSeries& series, qsizetype cap = kMaxPointsPerSeries, bool logX = false, bool logY = false);

} // namespace focalscope
