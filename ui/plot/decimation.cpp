#include "plot/decimation.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace focalscope {

namespace {

struct Segment {
    qsizetype lo;
    qsizetype hi;
    double parentImportance;
    int depth;
};

} // namespace

Decimated decimate(const QList<QPointF>& points, qsizetype cap, bool logX, bool logY)
{
    // Transformed, finite points and where they came from.
    std::vector<double> xs;
    std::vector<double> ys;
    std::vector<qsizetype> origin;
    xs.reserve(points.size());
    ys.reserve(points.size());
    origin.reserve(points.size());
    for (qsizetype i = 0; i < points.size(); ++i) {
        double x = points[i].x();
        double y = points[i].y();
        if (logX)
            x = x > 0.0 ? std::log10(x) : std::numeric_limits<double>::quiet_NaN();
        if (logY)
            y = y > 0.0 ? std::log10(y) : std::numeric_limits<double>::quiet_NaN();
        if (!std::isfinite(x) || !std::isfinite(y))
            continue;
        xs.push_back(x);
        ys.push_back(y);
        origin.push_back(i);
    }
    const auto n = static_cast<qsizetype>(xs.size());
    cap = std::max<qsizetype>(cap, 2);

    Decimated result;
    auto keep = [&](qsizetype k) {
        result.points.append(points[origin[k]]);
        result.sourceIndex.append(origin[k]);
    };
    if (n <= cap) {
        result.points.reserve(n);
        result.sourceIndex.reserve(n);
        for (qsizetype k = 0; k < n; ++k)
            keep(k);
        return result;
    }

    // Normalise to the bounding box so that both axes weigh alike, as on screen.
    const auto [xMin, xMax] = std::minmax_element(xs.begin(), xs.end());
    const auto [yMin, yMax] = std::minmax_element(ys.begin(), ys.end());
    const double x0 = *xMin;
    const double y0 = *yMin;
    const double xScale = *xMax > x0 ? 1.0 / (*xMax - x0) : 1.0;
    const double yScale = *yMax > y0 ? 1.0 / (*yMax - y0) : 1.0;
    for (qsizetype k = 0; k < n; ++k) {
        xs[k] = (xs[k] - x0) * xScale;
        ys[k] = (ys[k] - y0) * yScale;
    }

    // Long curves are first thinned in one pass: of each of 4 cap runs of consecutive points
    // keep the first, the last and those with the extreme x and y, so spikes and corners
    // survive and RDP below sees at most 24 cap points. This adds at most one run's extent to
    // the error.
    const qsizetype buckets = 4 * cap;
    if (n > 8 * buckets) {
        std::vector<qsizetype> candidates;
        candidates.reserve(static_cast<std::size_t>(6 * buckets));
        for (qsizetype b = 0; b < buckets; ++b) {
            const qsizetype lo = b * n / buckets;
            const qsizetype hi = (b + 1) * n / buckets; // exclusive
            qsizetype extremes[6] = {lo, hi - 1, lo, lo, lo, lo};
            for (qsizetype k = lo; k < hi; ++k) {
                if (xs[k] < xs[extremes[2]])
                    extremes[2] = k;
                if (xs[k] > xs[extremes[3]])
                    extremes[3] = k;
                if (ys[k] < ys[extremes[4]])
                    extremes[4] = k;
                if (ys[k] > ys[extremes[5]])
                    extremes[5] = k;
            }
            std::sort(std::begin(extremes), std::end(extremes));
            for (qsizetype i = 0; i < 6; ++i)
                if (i == 0 || extremes[i] != extremes[i - 1])
                    candidates.push_back(extremes[i]);
        }
        std::vector<double> thinX, thinY;
        std::vector<qsizetype> thinOrigin;
        thinX.reserve(candidates.size());
        thinY.reserve(candidates.size());
        thinOrigin.reserve(candidates.size());
        for (qsizetype k : candidates) {
            thinX.push_back(xs[k]);
            thinY.push_back(ys[k]);
            thinOrigin.push_back(origin[k]);
        }
        xs = std::move(thinX);
        ys = std::move(thinY);
        origin = std::move(thinOrigin);
    }
    const auto m = static_cast<qsizetype>(xs.size());

    // RDP to the end: importance[k] = min(distance when k splits its segment, its parent's).
    constexpr double infinity = std::numeric_limits<double>::infinity();
    std::vector<double> importance(m, 0.0);
    std::vector<int> depth(m, 0);
    importance.front() = importance.back() = infinity;
    std::vector<Segment> stack {{0, m - 1, infinity, 1}};
    while (!stack.empty()) {
        const Segment s = stack.back();
        stack.pop_back();
        if (s.hi - s.lo < 2)
            continue;
        const double ax = xs[s.lo], ay = ys[s.lo];
        const double dx = xs[s.hi] - ax, dy = ys[s.hi] - ay;
        const double length = std::hypot(dx, dy);
        qsizetype best = s.lo + 1;
        double bestDistance = -1.0;
        for (qsizetype k = s.lo + 1; k < s.hi; ++k) {
            const double px = xs[k] - ax, py = ys[k] - ay;
            // Distance to the chord (to its first end when the chord is a point).
            const double d
                = length > 0.0 ? std::abs(dx * py - dy * px) / length : std::hypot(px, py);
            if (d > bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        importance[best] = std::min(bestDistance, s.parentImportance);
        depth[best] = s.depth;
        stack.push_back({s.lo, best, importance[best], s.depth + 1});
        stack.push_back({best, s.hi, importance[best], s.depth + 1});
    }

    // The `cap` most important points; among equals, shallower first so a parent precedes
    // its children.
    std::vector<qsizetype> order(m);
    for (qsizetype k = 0; k < m; ++k)
        order[k] = k;
    auto moreImportant = [&](qsizetype a, qsizetype b) {
        if (importance[a] != importance[b])
            return importance[a] > importance[b];
        return depth[a] < depth[b];
    };
    std::nth_element(order.begin(), order.begin() + (cap - 1), order.end(), moreImportant);
    order.resize(cap);
    // Points on the polyline already (within rounding) add nothing: drop them.
    constexpr double negligible = 1e-12;
    std::erase_if(order, [&](qsizetype k) { return importance[k] <= negligible; });
    std::sort(order.begin(), order.end());
    result.points.reserve(cap);
    result.sourceIndex.reserve(cap);
    for (qsizetype k : order)
        keep(k);
    return result;
}

void decimateSeries(PlotSeries& series, qsizetype cap, bool logX, bool logY)
{
    Decimated kept = decimate(series.points, cap, logX, logY);
    if (!series.sourceIndex.isEmpty()) {
        for (qsizetype& index : kept.sourceIndex)
            index = series.sourceIndex.value(index, -1);
    }
    series.points = std::move(kept.points);
    series.sourceIndex = std::move(kept.sourceIndex);
}

} // namespace focalscope
