#include "plot/chart_builder.h"

#include "plot/probit_ticks.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace focalscope {

namespace {

QFont pixelFont(int pixels, bool bold = false)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(pixels);
    font.setBold(bold);
    return font;
}

// A "nice" tick step (1, 2 or 5 times a power of ten) giving about five intervals.
double niceStep(double range)
{
    if (!(range > 0.0) || !std::isfinite(range))
        return 1.0;
    const double raw = range / 5.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double f = raw / magnitude;
    const double step = f < 1.5 ? 1.0 : f < 3.0 ? 2.0 : f < 7.0 ? 5.0 : 10.0;
    return step * magnitude;
}

int decimalsFor(double step)
{
    return std::clamp(static_cast<int>(-std::floor(std::log10(step) + 1e-9)), 0, 8);
}

bool isBars(const PlotSeries& s)
{
    return s.style == PlotSeries::Style::Bars;
}

// The outline of a histogram drawn as steps from the bin centres.
QList<QPointF> barOutline(const PlotSeries& s, double base)
{
    QList<QPointF> outline;
    if (s.points.isEmpty())
        return outline;
    double width = s.barWidth;
    if (!(width > 0.0))
        width = s.points.size() > 1 ? s.points[1].x() - s.points[0].x() : 1.0;
    outline.reserve(2 * s.points.size() + 2);
    outline.append(QPointF(s.points.front().x() - width / 2, base));
    for (const QPointF& p : s.points) {
        outline.append(QPointF(p.x() - width / 2, p.y()));
        outline.append(QPointF(p.x() + width / 2, p.y()));
    }
    outline.append(QPointF(s.points.back().x() + width / 2, base));
    return outline;
}

Qt::PenStyle penStyle(PlotSeries::Style style)
{
    switch (style) {
    case PlotSeries::Style::Dashed:
        return Qt::DashLine;
    case PlotSeries::Style::Dotted:
        return Qt::DotLine;
    case PlotSeries::Style::DashDot:
        return Qt::DashDotLine;
    case PlotSeries::Style::DashDotDot:
        return Qt::DashDotDotLine;
    default:
        return Qt::SolidLine;
    }
}

double axisPosition(double value, const PlotAxis& axis)
{
    if (axis.logarithmic) {
        const double lo = std::log10(axis.min);
        const double hi = std::log10(axis.max);
        return (std::log10(value) - lo) / (hi - lo);
    }
    return (value - axis.min) / (axis.max - axis.min);
}

} // namespace

PlotChart::PlotChart(const PlotSpec& spec, QGraphicsItem* parent)
    : QChart(parent)
    , m_spec(spec)
{
    setAnimationOptions(QChart::NoAnimation);
    setBackgroundRoundness(0);
    setDropShadowEnabled(false);
    setBackgroundBrush(Qt::white);
    setMargins(QMargins(6, 6, 12, 6));
    setTitleFont(pixelFont(PlotFonts::title, true));

    legend()->setAlignment(Qt::AlignBottom);
    legend()->setFont(pixelFont(PlotFonts::legend));
    legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
    legend()->setShowToolTips(true);

    createAxes();
    createSeries();
    applyTitle();
}

void PlotChart::createAxes()
{
    auto makeAxis = [this](const PlotAxis& spec, Qt::Alignment alignment) -> QAbstractAxis* {
        QAbstractAxis* axis = nullptr;
        if (spec.probit) {
            auto* category = new QCategoryAxis;
            category->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
            axis = category;
        } else if (spec.logarithmic) {
            axis = new QLogValueAxis;
        } else {
            axis = new QValueAxis;
        }
        axis->setTitleFont(pixelFont(PlotFonts::axisTitle));
        axis->setLabelsFont(pixelFont(PlotFonts::axisLabels));
        axis->setGridLineColor(QColor(0xdd, 0xdd, 0xdd));
        axis->setMinorGridLineColor(QColor(0xee, 0xee, 0xee));
        addAxis(axis, alignment);
        applyAxis(axis, spec);
        return axis;
    };
    m_x = makeAxis(m_spec.x, Qt::AlignBottom);
    m_y = makeAxis(m_spec.y, Qt::AlignLeft);
    if (m_spec.hasSecondaryAxis()) {
        m_yRight = makeAxis(m_spec.yRight, Qt::AlignRight);
        m_yRight->setGridLineVisible(false);
    }
}

void PlotChart::applyAxis(QAbstractAxis* axis, const PlotAxis& spec) const
{
    axis->setTitleText(spec.title);
    axis->setTitleVisible(!spec.title.isEmpty());
    if (auto* category = qobject_cast<QCategoryAxis*>(axis)) {
        // Probit: percent labels at the probit positions of their rates, a grid line at each.
        for (const QString& label : category->categoriesLabels())
            category->remove(label);
        category->setRange(spec.min, spec.max);
        category->setStartValue(spec.min);
        const bool horizontal = axis == m_x;
        for (const AxisTick& tick :
            probitTicks(spec.min, spec.max, horizontal ? m_probitTicksX : m_probitTicksY))
            category->append(tick.label, tick.position);
    } else if (auto* log = qobject_cast<QLogValueAxis*>(axis)) {
        // Qt Charts labels the powers of the base: 10 over wide ranges; over a decade or two
        // (a zoomed view) 10^(1/n), so that there are still ticks: 1, 1.6, 2.5, 4, 6.3 (n = 5)
        // or 1, 1.3, 1.6, 2, 2.5, ... (n = 10), with two significant digits.
        const double decades = std::log10(spec.max / spec.min);
        const int n = decades >= 2.0 ? 1 : decades >= 1.2 ? 2 : decades >= 0.6 ? 5 : 10;
        log->setBase(std::pow(10.0, 1.0 / n));
        log->setMinorTickCount(n == 1 ? 8 : 0);
        // Widened by 1e-13 (4e-14 of a decade): Qt Charts ticks from ceil(log(min) / log(base)),
        // which rounds 0.001 up to 0.01 and loses its label.
        log->setRange(spec.min * (1.0 - 1e-13), spec.max * (1.0 + 1e-13));
        log->setLabelFormat(n == 1 ? QStringLiteral("%g") : QStringLiteral("%.2g"));
    } else if (auto* value = qobject_cast<QValueAxis*>(axis)) {
        value->setRange(spec.min, spec.max);
        const double step = niceStep(spec.max - spec.min);
        value->setTickType(QValueAxis::TicksDynamic);
        value->setTickAnchor(0.0);
        value->setTickInterval(step);
        value->setLabelFormat(QStringLiteral("%.%1f").arg(decimalsFor(step)));
    }
}

void PlotChart::createSeries()
{
    for (int i = 0; i < m_spec.series.size(); ++i) {
        const PlotSeries& s = m_spec.series[i];
        QAbstractSeries* series = nullptr;
        if (isBars(s)) {
            // QAreaSeries does not own its boundary lines: parent them to it.
            auto* area = new QAreaSeries;
            area->setUpperSeries(new QLineSeries(area));
            area->setLowerSeries(new QLineSeries(area));
            series = area;
        } else if (s.style == PlotSeries::Style::Scatter) {
            auto* scatter = new QScatterSeries;
            scatter->setMarkerShape(QScatterSeries::MarkerShapeCircle);
            series = scatter;
        } else {
            series = new QLineSeries;
        }
        series->setName(s.name); // before addSeries, so the legend sizes its entry for it
        addSeries(series);
        series->attachAxis(m_x);
        series->attachAxis(s.onSecondaryAxis && m_yRight ? m_yRight : m_y);
        m_series.append(series);
        applySeries(i);
    }
    hideUnnamedLegendMarkers();
}

void PlotChart::applySeries(int index)
{
    const PlotSeries& s = m_spec.series[index];
    QAbstractSeries* series = m_series[index];
    series->setName(s.name);
    if (auto* area = qobject_cast<QAreaSeries*>(series)) {
        const PlotAxis& yAxis = s.onSecondaryAxis ? m_spec.yRight : m_spec.y;
        const double base = yAxis.logarithmic ? yAxis.min : 0.0;
        const QList<QPointF> outline = barOutline(s, base);
        area->upperSeries()->replace(outline);
        QList<QPointF> lower;
        if (!outline.isEmpty())
            lower = {QPointF(outline.front().x(), base), QPointF(outline.back().x(), base)};
        area->lowerSeries()->replace(lower);
        // Overlapping histograms stay readable: the more of them, the lighter each fill.
        const auto bars = std::count_if(m_spec.series.begin(), m_spec.series.end(), isBars);
        QColor fill = s.color;
        fill.setAlpha(bars > 2 ? 25 : 45);
        area->setBrush(fill);
        QPen pen(s.color, std::max(1.0, s.width * 0.75));
        pen.setJoinStyle(Qt::MiterJoin);
        area->setPen(pen);
    } else if (auto* scatter = qobject_cast<QScatterSeries*>(series)) {
        scatter->replace(s.points);
        scatter->setMarkerSize(std::max(4.0, s.width));
        scatter->setColor(s.color);
        scatter->setBorderColor(s.color.darker(130));
    } else if (auto* line = qobject_cast<QLineSeries*>(series)) {
        line->replace(s.points);
        QPen pen(s.color, s.width, penStyle(s.style));
        pen.setCapStyle(s.style == PlotSeries::Style::Line ? Qt::RoundCap : Qt::FlatCap);
        pen.setJoinStyle(Qt::RoundJoin);
        line->setPen(pen);
    }
}

void PlotChart::hideUnnamedLegendMarkers()
{
    for (int i = 0; i < m_series.size(); ++i) {
        const auto markers = legend()->markers(m_series[i]);
        for (QLegendMarker* marker : markers) {
            marker->setVisible(!m_spec.series[i].name.isEmpty());
            // Qt 6.4 truncates an area series' label when its shape comes "from series". A
            // histogram's fill is faint (overlapping bars stay readable): its swatch is solid.
            if (marker->type() == QLegendMarker::LegendMarkerTypeArea) {
                marker->setShape(QLegend::MarkerShapeRectangle);
                marker->setBrush(m_spec.series[i].color);
                marker->setPen(QPen(m_spec.series[i].color.darker(120), 1.0));
            }
        }
    }
}

void PlotChart::applyTitle()
{
    // The title item renders rich text: the note goes on a second, smaller line, both centred.
    if (m_spec.note.isEmpty()) {
        setTitle(m_spec.title.toHtmlEscaped());
        return;
    }
    setTitle(QStringLiteral("<center>%1<br><span style=\"font-size:%2px; font-weight:normal; "
                            "color:#8a3b12;\">%3</span></center>")
                 .arg(m_spec.title.toHtmlEscaped())
                 .arg(PlotFonts::note)
                 .arg(m_spec.note.toHtmlEscaped()));
}

bool PlotChart::sameStructure(const PlotSpec& a, const PlotSpec& b)
{
    if (a.series.size() != b.series.size() || a.x.logarithmic != b.x.logarithmic
        || a.y.logarithmic != b.y.logarithmic || a.x.probit != b.x.probit
        || a.y.probit != b.y.probit || a.hasSecondaryAxis() != b.hasSecondaryAxis()
        || (a.hasSecondaryAxis() && a.yRight.logarithmic != b.yRight.logarithmic))
        return false;
    for (qsizetype i = 0; i < a.series.size(); ++i) {
        const PlotSeries& s = a.series[i];
        const PlotSeries& t = b.series[i];
        const int sKind = isBars(s) ? 1 : s.style == PlotSeries::Style::Scatter ? 2 : 0;
        const int tKind = isBars(t) ? 1 : t.style == PlotSeries::Style::Scatter ? 2 : 0;
        if (sKind != tKind || s.onSecondaryAxis != t.onSecondaryAxis)
            return false;
    }
    return true;
}

bool PlotChart::updateSpec(const PlotSpec& spec)
{
    if (!sameStructure(m_spec, spec))
        return false;
    m_spec = spec;
    applyAxis(m_x, m_spec.x);
    applyAxis(m_y, m_spec.y);
    if (m_yRight)
        applyAxis(m_yRight, m_spec.yRight);
    for (int i = 0; i < m_series.size(); ++i)
        applySeries(i);
    hideUnnamedLegendMarkers();
    applyTitle();
    fitPlotArea();
    return true;
}

void PlotChart::setRanges(const PlotSpec& shown)
{
    m_spec.x = shown.x;
    m_spec.y = shown.y;
    m_spec.yRight = shown.yRight;
    applyAxis(m_x, m_spec.x);
    applyAxis(m_y, m_spec.y);
    if (m_yRight)
        applyAxis(m_yRight, m_spec.yRight);
    // A histogram on a log axis stands on the axis' minimum.
    for (int i = 0; i < m_series.size(); ++i)
        if (isBars(m_spec.series[i]) && m_spec.y.logarithmic)
            applySeries(i);
    fitPlotArea();
}

QPointF PlotChart::mapToValue(QPointF position) const
{
    const QRectF area = plotArea();
    auto value = [](double fraction, const PlotAxis& axis) {
        if (axis.logarithmic) {
            const double lo = std::log10(axis.min);
            const double hi = std::log10(axis.max);
            return std::pow(10.0, lo + fraction * (hi - lo));
        }
        return axis.min + fraction * (axis.max - axis.min);
    };
    return {value((position.x() - area.left()) / area.width(), m_spec.x),
        value((area.bottom() - position.y()) / area.height(), m_spec.y)};
}

QPointF PlotChart::mapToPixel(QPointF value, int index) const
{
    const bool secondary = m_spec.series.value(index).onSecondaryAxis && m_yRight;
    const PlotAxis& yAxis = secondary ? m_spec.yRight : m_spec.y;
    const QRectF area = plotArea();
    return {area.left() + axisPosition(value.x(), m_spec.x) * area.width(),
        area.bottom() - axisPosition(value.y(), yAxis) * area.height()};
}

void PlotChart::fitPlotArea()
{
    // A legend that does not fit in one row under the chart goes to its right (Qt Charts
    // truncates labels rather than wrapping them).
    const QFontMetricsF metrics(legend()->font());
    double legendWidth = 0.0;
    for (const PlotSeries& s : m_spec.series)
        if (!s.name.isEmpty())
            legendWidth += metrics.horizontalAdvance(s.name) + 40.0;
    const Qt::Alignment alignment
        = legendWidth > 0.92 * size().width() ? Qt::AlignRight : Qt::AlignBottom;
    if (legend()->alignment() != alignment)
        legend()->setAlignment(alignment);

    if (!m_spec.squareAspect) {
        relayout();
        fitProbitTicks();
        return;
    }
    // Let Qt Charts lay out axes, title and legend, then keep a centred square of that area.
    setPlotArea(QRectF());
    relayout();
    const QRectF automatic = plotArea();
    if (automatic.width() <= 0 || automatic.height() <= 0)
        return;
    const double side = std::min(automatic.width(), automatic.height());
    QRectF square(0, 0, side, side);
    square.moveCenter(automatic.center());
    setPlotArea(square);
    relayout();
    fitProbitTicks();
}

void PlotChart::fitProbitTicks()
{
    // Qt Charts truncates a category label to the axis width over the number of categories
    // (+ 1) less padding: across, the most ticks whose widest label fits that share; up the
    // side, a tick per 28 px.
    const QRectF area = plotArea();
    int across = 3;
    if (m_spec.x.probit) {
        const QFontMetricsF metrics(m_x->labelsFont());
        for (int count = 12; count >= 3; --count) {
            double widest = 0.0;
            const QList<AxisTick> ticks = probitTicks(m_spec.x.min, m_spec.x.max, count);
            for (const AxisTick& tick : ticks)
                widest = std::max(widest, metrics.horizontalAdvance(tick.label));
            if (area.width() / static_cast<double>(ticks.size() + 1) - 12.0 >= widest) {
                across = count;
                break;
            }
        }
    }
    const int high = std::clamp(static_cast<int>(area.height() / 28.0), 3, 12);
    bool changed = false;
    if (m_spec.x.probit && across != m_probitTicksX) {
        m_probitTicksX = across;
        applyAxis(m_x, m_spec.x);
        changed = true;
    }
    if (m_spec.y.probit && high != m_probitTicksY) {
        m_probitTicksY = high;
        applyAxis(m_y, m_spec.y);
        changed = true;
    }
    if (changed)
        relayout();
}

void PlotChart::relayout()
{
    if (layout()) {
        layout()->invalidate();
        layout()->activate();
    }
}

PlotChart* buildChart(const PlotSpec& spec)
{
    return new PlotChart(spec);
}

} // namespace focalscope
