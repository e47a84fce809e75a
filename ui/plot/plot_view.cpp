#include "plot/plot_view.h"

#include "plot/chart_builder.h"

#include <QBrush>
#include <QGraphicsEllipseItem>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QMouseEvent>
#include <QPen>

#include <limits>

namespace focalscope {

namespace {

constexpr double kMarkerRadius = 6.0;
constexpr qreal kOverlayZ = 1000.0;

QFont overlayFont()
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(PlotFonts::legend);
    return font;
}

} // namespace

PlotView::PlotView(QWidget* parent)
    : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setRenderHint(QPainter::TextAntialiasing);
    setMouseTracking(true);
    viewport()->setMouseTracking(true);

    m_marker = new QGraphicsEllipseItem(
        -kMarkerRadius, -kMarkerRadius, 2 * kMarkerRadius, 2 * kMarkerRadius);
    m_marker->setPen(QPen(Qt::black, 2.0));
    m_marker->setBrush(QColor(255, 255, 255, 160));
    m_markerLabel = new QGraphicsSimpleTextItem;
    m_markerLabel->setFont(overlayFont());
    m_hoverBox = new QGraphicsRectItem;
    m_hoverBox->setPen(QPen(QColor(0x88, 0x88, 0x88), 1.0));
    m_hoverBox->setBrush(QColor(255, 255, 240, 235));
    m_hoverLabel = new QGraphicsSimpleTextItem(m_hoverBox);
    m_hoverLabel->setFont(overlayFont());
    for (QGraphicsItem* item : {static_cast<QGraphicsItem*>(m_marker),
             static_cast<QGraphicsItem*>(m_markerLabel), static_cast<QGraphicsItem*>(m_hoverBox)}) {
        item->setZValue(kOverlayZ);
        item->setVisible(false);
        item->setAcceptedMouseButtons(Qt::NoButton);
        scene()->addItem(item);
    }
    installChart(buildChart(PlotSpec {}));
}

PlotView::~PlotView() = default;

const PlotSpec& PlotView::spec() const
{
    return m_chart->spec();
}

void PlotView::installChart(PlotChart* chart)
{
    // The view's current chart: QChartView's own default one at first, then ours. setChart()
    // releases it without deleting it.
    QChart* old = this->chart();
    m_chart = chart;
    setChart(chart);
    delete old;
    connect(chart, &QChart::plotAreaChanged, this, [this] { placeOverlays(); });
    chart->fitPlotArea();
    placeOverlays();
}

void PlotView::setSpec(const PlotSpec& spec)
{
    if (!m_chart->updateSpec(spec))
        installChart(buildChart(spec));
    m_hovered = {};
    hideHoverText();
    if (m_markerSeries >= spec.series.size())
        clearMarker();
    placeOverlays();
}

QPointF PlotView::mapToView(QPointF value, int series) const
{
    const QPointF inChart = m_chart->mapToPixel(value, series);
    return mapFromScene(m_chart->mapToScene(inChart));
}

PlotView::Pick PlotView::pickAt(QPointF viewPos) const
{
    const QPointF position = m_chart->mapFromScene(mapToScene(viewPos.toPoint()));
    const QRectF area
        = m_chart->plotArea().adjusted(-m_pickRadius, -m_pickRadius, m_pickRadius, m_pickRadius);
    if (!area.contains(position))
        return {};
    Pick best;
    double bestDistance = m_pickRadius * m_pickRadius;
    const PlotSpec& spec = m_chart->spec();
    for (int s = 0; s < spec.series.size(); ++s) {
        const PlotSeries& series = spec.series[s];
        if (!series.pickable)
            continue;
        for (qsizetype i = 0; i < series.points.size(); ++i) {
            const QPointF p = m_chart->mapToPixel(series.points[i], s);
            if (!area.contains(p))
                continue;
            const double dx = p.x() - position.x();
            const double dy = p.y() - position.y();
            const double d = dx * dx + dy * dy;
            if (d <= bestDistance) {
                bestDistance = d;
                best = {s, i};
            }
        }
    }
    return best;
}

void PlotView::setMarker(int series, QPointF value, const QString& label)
{
    m_markerSeries = series;
    m_markerValue = value;
    m_markerLabel->setText(label);
    placeOverlays();
}

void PlotView::clearMarker()
{
    m_markerSeries = -1;
    m_marker->setVisible(false);
    m_markerLabel->setVisible(false);
}

void PlotView::showHoverText(int series, QPointF value, const QString& text)
{
    m_hoverSeries = series;
    m_hoverValue = value;
    m_hoverLabel->setText(text);
    placeOverlays();
}

void PlotView::hideHoverText()
{
    m_hoverSeries = -1;
    m_hoverBox->setVisible(false);
}

QString PlotView::hoverText() const
{
    return m_hoverSeries >= 0 ? m_hoverLabel->text() : QString();
}

void PlotView::placeOverlays()
{
    if (!m_chart)
        return;
    const QRectF bounds = m_chart->mapRectToScene(m_chart->rect());
    const int count = static_cast<int>(m_chart->spec().series.size());
    const bool marker = m_markerSeries >= 0 && m_markerSeries < count;
    m_marker->setVisible(marker);
    m_markerLabel->setVisible(marker && !m_markerLabel->text().isEmpty());
    if (marker) {
        const QPointF at = m_chart->mapToScene(m_chart->mapToPixel(m_markerValue, m_markerSeries));
        m_marker->setPos(at);
        QPointF labelAt = at + QPointF(kMarkerRadius + 4, 2);
        const QRectF labelRect = m_markerLabel->boundingRect();
        if (labelAt.x() + labelRect.width() > bounds.right())
            labelAt.setX(at.x() - kMarkerRadius - 4 - labelRect.width());
        m_markerLabel->setPos(labelAt);
    }
    const bool hover = m_hoverSeries >= 0 && m_hoverSeries < count;
    m_hoverBox->setVisible(hover);
    if (hover) {
        const QPointF at = m_chart->mapToScene(m_chart->mapToPixel(m_hoverValue, m_hoverSeries));
        const QRectF text = m_hoverLabel->boundingRect();
        const QRectF box(0, 0, text.width() + 10, text.height() + 8);
        m_hoverBox->setRect(box);
        m_hoverLabel->setPos(5, 4);
        QPointF topLeft = at + QPointF(10, -box.height() - 10);
        if (topLeft.x() + box.width() > bounds.right())
            topLeft.setX(at.x() - 10 - box.width());
        if (topLeft.y() < bounds.top())
            topLeft.setY(at.y() + 10);
        m_hoverBox->setPos(topLeft);
    }
}

void PlotView::resizeEvent(QResizeEvent* event)
{
    QChartView::resizeEvent(event);
    m_chart->fitPlotArea();
    placeOverlays();
}

void PlotView::mouseMoveEvent(QMouseEvent* event)
{
    QChartView::mouseMoveEvent(event);
    const Pick pick = pickAt(event->position());
    if (pick.series == m_hovered.series && pick.drawn == m_hovered.drawn)
        return;
    m_hovered = pick;
    if (pick.series < 0) {
        emit hoverLeft();
        return;
    }
    const PlotSeries& series = spec().series[pick.series];
    emit pointHovered(pick.series, series.sourceIndexAt(pick.drawn), series.points[pick.drawn]);
}

void PlotView::mousePressEvent(QMouseEvent* event)
{
    QChartView::mousePressEvent(event);
    if (event->button() != Qt::LeftButton)
        return;
    const Pick pick = pickAt(event->position());
    if (pick.series < 0)
        return;
    const PlotSeries& series = spec().series[pick.series];
    emit pointClicked(pick.series, series.sourceIndexAt(pick.drawn), series.points[pick.drawn]);
}

void PlotView::leaveEvent(QEvent* event)
{
    QChartView::leaveEvent(event);
    if (m_hovered.series >= 0) {
        m_hovered = {};
        emit hoverLeft();
    }
}

} // namespace focalscope
