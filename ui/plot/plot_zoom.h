#pragma once

// Zoom and pan as arithmetic on a PlotSpec's axes, apart from the mouse handling of PlotView:
// a PlotRange is what the x and y axes show; the spec's own ranges are the full view. Work is
// done in axis units (log10 of the value on a logarithmic axis), so zooming a log axis keeps
// its decades evenly spaced.

#include "plot/plot_spec.h"

#include <QPointF>

namespace focalscope {

struct PlotRange {
    double xMin = 0.0;
    double xMax = 1.0;
    double yMin = 0.0;
    double yMax = 1.0;

    friend bool operator==(const PlotRange&, const PlotRange&) = default;
};

// The spec's own x and y ranges.
PlotRange fullRange(const PlotSpec& spec);

// `spec` showing `range`: x and y take it, and the right axis (if any) shows the same part of
// its range as y does of its own, so the series on it stay where they were drawn.
PlotSpec withRange(const PlotSpec& spec, const PlotRange& range);

// `range` moved and cut to lie within the spec's full ranges, each side at least 1e-9 of the
// full span (axis units).
PlotRange clampedRange(const PlotSpec& spec, PlotRange range);

// True when `range` is the full range (within 1e-9 of its span on every side).
bool isFullRange(const PlotSpec& spec, const PlotRange& range);

// `range` scaled by `factor` (< 1 zooms in) around the data value `center`, which stays
// where it is on screen; clamped.
PlotRange zoomedAround(const PlotSpec& spec, const PlotRange& range, QPointF center, double factor);

// `range` shifted by the fractions of its own span dx, dy (positive: towards larger values);
// clamped.
PlotRange pannedBy(const PlotSpec& spec, const PlotRange& range, double dx, double dy);

// For a spec with squareAspect and two linear axes: `range` widened on its shorter side
// (around its centre) to equal spans, so a zoomed ROC curve keeps equal scales; other specs
// unchanged. Clamped.
PlotRange squaredRange(const PlotSpec& spec, const PlotRange& range);

// Whether a PlotView may keep the user's zoom when `next` replaces `current`: the same axis
// titles and kinds (linear, log, probit) and the same use of a right axis. Series may differ
// (a slider move, a class hidden); a log axis toggled or another kind of chart resets it.
bool keepsZoom(const PlotSpec& current, const PlotSpec& next);

} // namespace focalscope
