#include "plot/plot_zoom.h"

#include <algorithm>
#include <cmath>

namespace focalscope {

namespace {

constexpr double kMinimumSpan = 1e-9; // of the full span

double toUnits(double value, const PlotAxis& axis)
{
    return axis.logarithmic ? std::log10(value) : value;
}

double fromUnits(double units, const PlotAxis& axis)
{
    return axis.logarithmic ? std::pow(10.0, units) : units;
}

// [lo, hi] in axis units, moved inside [fullLo, fullHi] and no shorter than the minimum;
// unchanged when it already is.
void clampInterval(double& lo, double& hi, double fullLo, double fullHi)
{
    const double full = fullHi - fullLo;
    if (!(hi > lo) || !std::isfinite(lo) || !std::isfinite(hi)) {
        lo = fullLo;
        hi = fullHi;
        return;
    }
    const double span = std::clamp(hi - lo, kMinimumSpan * full, full);
    if (span != hi - lo) {
        const double center = 0.5 * (lo + hi);
        lo = center - span / 2;
        hi = center + span / 2;
    }
    if (lo < fullLo) {
        lo = fullLo;
        hi = fullLo + span;
    }
    if (hi > fullHi) {
        hi = fullHi;
        lo = fullHi - span;
    }
}

void clampAxis(double& min, double& max, const PlotAxis& axis)
{
    double lo = toUnits(min, axis);
    double hi = toUnits(max, axis);
    clampInterval(lo, hi, toUnits(axis.min, axis), toUnits(axis.max, axis));
    min = fromUnits(lo, axis);
    max = fromUnits(hi, axis);
    // Exact ends when a side sits on the full range (no log10/pow round trip).
    if (lo == toUnits(axis.min, axis))
        min = axis.min;
    if (hi == toUnits(axis.max, axis))
        max = axis.max;
}

bool sameKind(const PlotAxis& a, const PlotAxis& b)
{
    return a.title == b.title && a.logarithmic == b.logarithmic && a.probit == b.probit;
}

} // namespace

PlotRange fullRange(const PlotSpec& spec)
{
    return {spec.x.min, spec.x.max, spec.y.min, spec.y.max};
}

PlotSpec withRange(const PlotSpec& spec, const PlotRange& range)
{
    PlotSpec shown = spec;
    shown.x.min = range.xMin;
    shown.x.max = range.xMax;
    shown.y.min = range.yMin;
    shown.y.max = range.yMax;
    if (spec.hasSecondaryAxis()) {
        const double lo = toUnits(spec.y.min, spec.y);
        const double span = toUnits(spec.y.max, spec.y) - lo;
        const double from = (toUnits(range.yMin, spec.y) - lo) / span;
        const double to = (toUnits(range.yMax, spec.y) - lo) / span;
        const PlotAxis& right = spec.yRight;
        const double rightLo = toUnits(right.min, right);
        const double rightSpan = toUnits(right.max, right) - rightLo;
        shown.yRight.min = fromUnits(rightLo + from * rightSpan, right);
        shown.yRight.max = fromUnits(rightLo + to * rightSpan, right);
    }
    return shown;
}

PlotRange clampedRange(const PlotSpec& spec, PlotRange range)
{
    clampAxis(range.xMin, range.xMax, spec.x);
    clampAxis(range.yMin, range.yMax, spec.y);
    return range;
}

bool isFullRange(const PlotSpec& spec, const PlotRange& range)
{
    auto full = [](double min, double max, const PlotAxis& axis) {
        const double lo = toUnits(axis.min, axis);
        const double hi = toUnits(axis.max, axis);
        const double tolerance = kMinimumSpan * (hi - lo);
        return std::abs(toUnits(min, axis) - lo) <= tolerance
            && std::abs(toUnits(max, axis) - hi) <= tolerance;
    };
    return full(range.xMin, range.xMax, spec.x) && full(range.yMin, range.yMax, spec.y);
}

PlotRange zoomedAround(const PlotSpec& spec, const PlotRange& range, QPointF center, double factor)
{
    auto scale = [factor](double& min, double& max, double at, const PlotAxis& axis) {
        const double c = toUnits(at, axis);
        min = fromUnits(c + (toUnits(min, axis) - c) * factor, axis);
        max = fromUnits(c + (toUnits(max, axis) - c) * factor, axis);
    };
    PlotRange zoomed = range;
    scale(zoomed.xMin, zoomed.xMax, center.x(), spec.x);
    scale(zoomed.yMin, zoomed.yMax, center.y(), spec.y);
    return clampedRange(spec, zoomed);
}

PlotRange pannedBy(const PlotSpec& spec, const PlotRange& range, double dx, double dy)
{
    auto shift = [](double& min, double& max, double fraction, const PlotAxis& axis) {
        const double lo = toUnits(min, axis);
        const double hi = toUnits(max, axis);
        const double by = fraction * (hi - lo);
        const double fullLo = toUnits(axis.min, axis);
        const double fullHi = toUnits(axis.max, axis);
        // A pan never changes the span: it stops at the edges.
        const double moved = std::clamp(by, fullLo - lo, fullHi - hi);
        min = fromUnits(lo + moved, axis);
        max = fromUnits(hi + moved, axis);
    };
    PlotRange panned = range;
    shift(panned.xMin, panned.xMax, dx, spec.x);
    shift(panned.yMin, panned.yMax, dy, spec.y);
    return clampedRange(spec, panned);
}

PlotRange squaredRange(const PlotSpec& spec, const PlotRange& range)
{
    if (!spec.squareAspect || spec.x.logarithmic || spec.y.logarithmic)
        return clampedRange(spec, range);
    PlotRange square = range;
    const double width = range.xMax - range.xMin;
    const double height = range.yMax - range.yMin;
    if (width < height) {
        const double c = 0.5 * (range.xMin + range.xMax);
        square.xMin = c - height / 2;
        square.xMax = c + height / 2;
    } else {
        const double c = 0.5 * (range.yMin + range.yMax);
        square.yMin = c - width / 2;
        square.yMax = c + width / 2;
    }
    return clampedRange(spec, square);
}

bool keepsZoom(const PlotSpec& current, const PlotSpec& next)
{
    return sameKind(current.x, next.x) && sameKind(current.y, next.y)
        && current.hasSecondaryAxis() == next.hasSecondaryAxis();
}

} // namespace focalscope
