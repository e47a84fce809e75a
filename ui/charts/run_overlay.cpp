#include "charts/run_overlay.h"

#include "charts/roc_plot.h"

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
            s.name = s.name.front().isDigit() ? run.name + u' ' + s.name
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

namespace {

// One class's panel: the reference lines of `base` and curve `id` of each run.
PlotSpec classPanel(const PlotSpec& base,
    const std::vector<std::pair<const PlotSpec*, RunStyle>>& runs, int id, const QString& title)
{
    PlotSpec panel = base;
    panel.title = title;
    panel.note.clear();
    panel.series.removeIf([](const PlotSeries& s) { return s.id != kReferenceSeriesId; });
    const QString classPrefix = title + u' ';
    for (std::size_t r = 0; r < runs.size(); ++r) {
        PlotSpec one = *runs[r].first;
        one.series.removeIf([id](const PlotSeries& s) { return s.id != id; });
        // The panel names the class and the metric ("cat — AUROC"): the legend names the run
        // and its value ("B 0.912").
        for (PlotSeries& s : one.series) {
            if (!s.name.startsWith(classPrefix))
                continue;
            QString value = s.name.mid(classPrefix.size());
            if (value.startsWith(u'(') && value.endsWith(u')')) {
                value = value.mid(1, value.size() - 2);
                const qsizetype space = value.lastIndexOf(u' ');
                if (space > 0) {
                    panel.title = title + QStringLiteral(" — ") + value.left(space);
                    value = value.mid(space + 1);
                }
            }
            s.name = value;
        }
        if (r == 0) {
            styleAsRun(one, runs[r].second, true, false);
            panel.series.append(one.series);
        } else {
            appendRunSeries(panel, std::move(one), runs[r].second, true);
        }
    }
    return panel;
}

} // namespace

PlotSpec overlayRuns(PlotSpec base, const RunStyle& baseStyle, bool baseShown,
    std::vector<RunChart> others, bool panels, const std::function<QString(int)>& classTitle)
{
    int classSeries = 0;
    for (const PlotSeries& s : base.series)
        classSeries += s.id >= 0 && !s.name.isEmpty() ? 1 : 0;
    const int runs = static_cast<int>(others.size()) + (baseShown ? 1 : 0);
    if (panels && classSeries > 1 && classSeries * runs > kCrowdedCurves) {
        std::vector<std::pair<const PlotSpec*, RunStyle>> shown;
        if (baseShown)
            shown.emplace_back(&base, baseStyle);
        for (const RunChart& other : others)
            shown.emplace_back(&other.spec, other.style);
        PlotSpec grid;
        grid.title = base.title;
        for (const PlotSeries& s : base.series)
            if (s.id >= 0 && !s.name.isEmpty())
                grid.panels.push_back(classPanel(base, shown, s.id, classTitle(s.id)));
        return grid;
    }
    // One class per chart: runs are told apart by colour as well as by line.
    const bool byRunColor = classSeries <= 1;
    if (baseShown)
        styleAsRun(base, baseStyle, byRunColor, true);
    else
        base.series.removeIf([](const PlotSeries& s) { return s.id >= 0; });
    for (RunChart& other : others)
        appendRunSeries(base, std::move(other.spec), other.style, byRunColor);
    return base;
}

} // namespace focalscope
