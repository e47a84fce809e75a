#include "plot/plot_view.h"

#include "plot/chart_builder.h"

#include <QBrush>
#include <QGraphicsEllipseItem>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPen>
#include <QRubberBand>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace focalscope {

namespace {

constexpr double kMarkerRadius = 6.0;
constexpr qreal kOverlayZ = 1000.0;
constexpr int kDragThreshold = 4; // pixels a press must move to start a rubber band
constexpr int kSmallestBand = 5; // pixels: a smaller rubber band zooms nothing
constexpr double kWheelStep = 0.8; // range factor per wheel notch (120 eighths of a degree)

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
    setFocusPolicy(Qt::StrongFocus);
    setWhatsThis(interactionHelp());
    m_rubberBand = new QRubberBand(QRubberBand::Rectangle, viewport());
    m_rubberBand->hide();

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

QString PlotView::interactionHelp()
{
    return tr("Drag a rectangle or turn the mouse wheel to zoom; drag with the middle button or "
              "Shift + left button to pan; double-click or press Home to see everything.");
}

PlotSpec PlotView::shownSpec() const
{
    return m_zoomed ? withRange(m_spec, shownRange()) : m_spec;
}

PlotRange PlotView::shownRange() const
{
    return fullRange(m_chart->spec());
}

void PlotView::zoomTo(double xmin, double xmax, double ymin, double ymax)
{
    const auto [x0, x1] = std::minmax(xmin, xmax);
    const auto [y0, y1] = std::minmax(ymin, ymax);
    showRange({x0, x1, y0, y1});
}

void PlotView::resetZoom()
{
    showRange(fullRange(m_spec));
}

void PlotView::showRange(const PlotRange& range)
{
    const PlotRange clamped = clampedRange(m_spec, range);
    const bool zoomed = !isFullRange(m_spec, clamped);
    const PlotRange target = zoomed ? clamped : fullRange(m_spec);
    if (zoomed == m_zoomed && target == shownRange())
        return;
    m_zoomed = zoomed;
    m_chart->setRanges(withRange(m_spec, target));
    placeOverlays();
    emit zoomChanged();
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
    const bool wasZoomed = m_zoomed;
    const bool keep = m_zoomed && keepsZoom(m_spec, spec);
    const PlotRange range = keep ? clampedRange(spec, shownRange()) : fullRange(spec);
    m_spec = spec;
    m_zoomed = keep && !isFullRange(spec, range);
    const PlotSpec shown = m_zoomed ? withRange(spec, range) : spec;
    if (!m_chart->updateSpec(shown))
        installChart(buildChart(shown));
    m_hovered = {};
    hideHoverText();
    if (m_markerSeries >= spec.series.size())
        clearMarker();
    placeOverlays();
    if (wasZoomed && !m_zoomed)
        emit zoomChanged();
}

QRectF PlotView::plotAreaInView() const
{
    const QRectF area = m_chart->plotArea();
    const QPointF topLeft = mapFromScene(m_chart->mapToScene(area.topLeft()));
    const QPointF bottomRight = mapFromScene(m_chart->mapToScene(area.bottomRight()));
    return QRectF(topLeft, bottomRight).normalized();
}

QPointF PlotView::valueAt(QPointF viewPos) const
{
    return m_chart->mapToValue(m_chart->mapFromScene(mapToScene(viewPos.toPoint())));
}

bool PlotView::isDrawn(QPointF value, int series) const
{
    const QPointF at = m_chart->mapToPixel(value, series);
    return std::isfinite(at.x()) && std::isfinite(at.y())
        && m_chart->plotArea().adjusted(-1, -1, 1, 1).contains(at);
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
    const QRectF drawn = m_chart->plotArea().adjusted(-1, -1, 1, 1);
    for (int s = 0; s < spec.series.size(); ++s) {
        const PlotSeries& series = spec.series[s];
        if (!series.pickable || series.style == PlotSeries::Style::Bars)
            continue;
        for (qsizetype i = 0; i < series.points.size(); ++i) {
            const QPointF p = m_chart->mapToPixel(series.points[i], s);
            if (!drawn.contains(p))
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
    return best.series >= 0 ? best : barAt(position);
}

PlotView::Pick PlotView::barAt(QPointF position) const
{
    // The bar under the mouse (or within the pick radius above its top); of overlapping
    // histograms, the one whose top is nearest.
    Pick best;
    double bestDistance = std::numeric_limits<double>::infinity();
    const PlotSpec& spec = m_chart->spec();
    const QRectF area = m_chart->plotArea();
    if (!area.contains(position))
        return best;
    for (int s = 0; s < spec.series.size(); ++s) {
        const PlotSeries& series = spec.series[s];
        if (!series.pickable || series.style != PlotSeries::Style::Bars || series.points.isEmpty())
            continue;
        double width = series.barWidth;
        if (!(width > 0.0))
            width = series.points.size() > 1 ? series.points[1].x() - series.points[0].x() : 1.0;
        for (qsizetype i = 0; i < series.points.size(); ++i) {
            const QPointF p = series.points[i];
            const double left = m_chart->mapToPixel({p.x() - width / 2, p.y()}, s).x();
            const double right = m_chart->mapToPixel({p.x() + width / 2, p.y()}, s).x();
            if (position.x() < left || position.x() >= right)
                continue;
            const double top = m_chart->mapToPixel(p, s).y();
            if (position.y() < top - m_pickRadius)
                continue;
            const double distance = std::abs(position.y() - top);
            if (distance < bestDistance) {
                bestDistance = distance;
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

bool PlotView::isMarkerShown() const
{
    return m_marker->isVisible();
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
    const bool marker
        = m_markerSeries >= 0 && m_markerSeries < count && isDrawn(m_markerValue, m_markerSeries);
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
    const bool hover
        = m_hoverSeries >= 0 && m_hoverSeries < count && isDrawn(m_hoverValue, m_hoverSeries);
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

void PlotView::updateHover(QPointF viewPos)
{
    const Pick pick = pickAt(viewPos);
    if (pick.series == m_hovered.series && pick.drawn == m_hovered.drawn)
        return;
    m_hovered = pick;
    if (pick.series < 0) {
        emit hoverLeft();
        return;
    }
    const PlotSeries& series = m_spec.series[pick.series];
    const QPointF value = series.points[pick.drawn];
    emit pointHovered(pick.series, series.sourceIndexAt(pick.drawn), value);
    // The spec's own text for the point, if it has one, wins over the caller's.
    if (pick.drawn < series.hoverText.size() && !series.hoverText[pick.drawn].isEmpty())
        showHoverText(pick.series, value, series.hoverText[pick.drawn]);
}

void PlotView::mouseMoveEvent(QMouseEvent* event)
{
    QChartView::mouseMoveEvent(event);
    const QPoint pos = event->position().toPoint();
    if (m_drag == Drag::Zoom) {
        if ((pos - m_dragOrigin).manhattanLength() >= kDragThreshold)
            m_dragMoved = true;
        if (m_dragMoved) {
            const QRect band
                = QRect(m_dragOrigin, pos).normalized() & plotAreaInView().toAlignedRect();
            m_rubberBand->setGeometry(band);
            m_rubberBand->show();
        }
        return;
    }
    if (m_drag == Drag::Pan) {
        const QPoint delta = pos - m_dragLast;
        m_dragLast = pos;
        const QRectF area = plotAreaInView();
        if (delta.isNull() || area.isEmpty())
            return;
        m_dragMoved = true;
        // The data follows the mouse: dragging right shows smaller x.
        showRange(
            pannedBy(m_spec, shownRange(), -delta.x() / area.width(), delta.y() / area.height()));
        return;
    }
    updateHover(event->position());
}

void PlotView::mousePressEvent(QMouseEvent* event)
{
    QChartView::mousePressEvent(event);
    const QPoint pos = event->position().toPoint();
    const bool inPlot = plotAreaInView().contains(pos);
    const bool pan = event->button() == Qt::MiddleButton
        || (event->button() == Qt::LeftButton && event->modifiers().testFlag(Qt::ShiftModifier));
    m_drag = Drag::None;
    m_dragOrigin = m_dragLast = pos;
    m_dragMoved = false;
    if (pan) {
        if (inPlot) {
            m_drag = Drag::Pan;
            viewport()->setCursor(Qt::ClosedHandCursor);
            event->accept(); // the view gets the moves and the release
        }
        return;
    }
    if (event->button() != Qt::LeftButton)
        return;
    hideHoverText();
    const Pick pick = pickAt(event->position());
    if (pick.series >= 0) {
        const PlotSeries& series = m_spec.series[pick.series];
        emit pointClicked(pick.series, series.sourceIndexAt(pick.drawn), series.points[pick.drawn]);
        event->accept();
        return;
    }
    if (inPlot) {
        m_drag = Drag::Zoom;
        event->accept();
    }
}

void PlotView::mouseReleaseEvent(QMouseEvent* event)
{
    QChartView::mouseReleaseEvent(event);
    const Drag drag = std::exchange(m_drag, Drag::None);
    m_rubberBand->hide();
    if (drag == Drag::Pan)
        viewport()->unsetCursor();
    if (drag != Drag::Zoom || !m_dragMoved)
        return;
    const QRectF band = QRectF(m_dragOrigin, event->position()).normalized() & plotAreaInView();
    if (band.width() < kSmallestBand || band.height() < kSmallestBand)
        return;
    const QPointF low = valueAt(band.bottomLeft());
    const QPointF high = valueAt(band.topRight());
    showRange(squaredRange(m_spec, {low.x(), high.x(), low.y(), high.y()}));
}

void PlotView::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QChartView::mouseDoubleClickEvent(event);
        return;
    }
    m_drag = Drag::None;
    m_rubberBand->hide();
    resetZoom();
    event->accept();
}

void PlotView::wheelEvent(QWheelEvent* event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0 || !plotAreaInView().contains(event->position())) {
        event->ignore();
        return;
    }
    showRange(zoomedAround(
        m_spec, shownRange(), valueAt(event->position()), std::pow(kWheelStep, delta / 120.0)));
    event->accept();
}

void PlotView::keyPressEvent(QKeyEvent* event)
{
    const QPointF centre = valueAt(plotAreaInView().center());
    switch (event->key()) {
    case Qt::Key_Home:
        resetZoom();
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        showRange(zoomedAround(m_spec, shownRange(), centre, kWheelStep));
        break;
    case Qt::Key_Minus:
        showRange(zoomedAround(m_spec, shownRange(), centre, 1.0 / kWheelStep));
        break;
    default:
        QChartView::keyPressEvent(event);
        return;
    }
    event->accept();
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
