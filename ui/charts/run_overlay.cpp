#include "charts/run_overlay.h"

#include <array>

namespace focalscope {

namespace {

// The line along the tops of equal-width bars (x: bin centres), from the first bar's left edge
// to the last one's right edge.
QList<QPointF> barTops(const PlotSeries& bars)
{
    QList<QPointF> line;
    if (bars.points.isEmpty())
        return line;
    double width = bars.barWidth;
    if (!(width > 0.0))
        width = bars.points.size() > 1 ? bars.points[1].x() - bars.points[0].x() : 1.0;
    line.reserve(2 * bars.points.size());
    for (const QPointF& p : bars.points) {
        line.append(QPointF(p.x() - width / 2, p.y()));
        line.append(QPointF(p.x() + width / 2, p.y()));
    }
    return line;
}

} // namespace

PlotSeries::Style runLineStyle(int run)
{
    static constexpr std::array styles {PlotSeries::Style::Line, PlotSeries::Style::Dashed,
        PlotSeries::Style::Dotted, PlotSeries::Style::DashDot, PlotSeries::Style::DashDotDot};
    return styles[static_cast<std::size_t>(run < 0 ? 0 : run) % styles.size()];
}

QColor runColor(int run)
{
    // Dark, saturated hues unlike the classes' palette (ColorBrewer Dark2).
    static constexpr std::array<QRgb, 8> colors {
        0x1b9e77, 0xd95f02, 0x7570b3, 0xe7298a, 0x66a61e, 0xe6ab02, 0xa6761d, 0x666666};
    return QColor::fromRgb(colors[static_cast<std::size_t>(run < 0 ? 0 : run) % colors.size()]);
}

void styleAsRun(PlotSpec& spec, const RunStyle& run, bool byRunColor, bool keepReferences)
{
    if (!keepReferences)
        spec.series.removeIf([](const PlotSeries& s) { return s.id < 0; });
    for (PlotSeries& s : spec.series) {
        if (s.id < 0)
            continue;
        if (s.style == PlotSeries::Style::Bars) {
            s.points = barTops(s);
            s.sourceIndex.clear();
            s.hoverText.clear();
            s.width = 1.5;
        }
        s.style = run.line;
        if (byRunColor)
            s.color = run.color;
        if (!s.name.isEmpty())
            s.name = s.name.startsWith(u'(') ? run.name + u' ' + s.name
                                             : run.name + QStringLiteral(" · ") + s.name;
    }
}

void appendRunSeries(PlotSpec& base, PlotSpec other, const RunStyle& run, bool byRunColor)
{
    styleAsRun(other, run, byRunColor, false);
    for (PlotSeries& s : other.series) {
        s.pickable = false;
        base.series.append(std::move(s));
    }
}

} // namespace focalscope
