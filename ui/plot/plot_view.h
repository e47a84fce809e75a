#pragma once

// A chart view showing a PlotSpec, drawn by the same buildChart() as the exports, that reports
// the drawn point under the mouse. Generic: what a point means (a threshold, a bin) is the
// caller's business, through PlotSeries::sourceIndex and PlotSeries::id.
//
// Zoom and pan (interactionHelp() says the same to the user):
// - drag with the left button from a place that is not a point: zoom to the rectangle
//   (a chart with squareAspect and linear axes widens it to a square, keeping equal scales);
// - mouse wheel: zoom in or out around the cursor; + and - keys: around the centre;
// - drag with the middle button, or Shift + left button: pan;
// - double-click or the Home key: back to the spec's ranges.
// A press and release without movement on a point is a click (pointClicked); any click hides
// the hover text. Zoom never leaves the spec's ranges.

#include "plot/plot_spec.h"
#include "plot/plot_zoom.h"

#include <QChartView>
#include <QPoint>
#include <QPointF>

class QGraphicsEllipseItem;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;
class QRubberBand;

namespace focalscope {

class PlotChart;

class PlotView : public QChartView {
    Q_OBJECT
public:
    explicit PlotView(QWidget* parent = nullptr);
    ~PlotView() override;

    // Shows `spec`: updates the current chart's series in place (replace(), no rebuild) when
    // the structure is the same, else builds a new chart. The marker is kept if its series
    // still exists; the hover text is hidden. The user's zoom is kept (cut to the new ranges)
    // when the new spec has the same axis titles and kinds (keepsZoom(): a slider move, a
    // class hidden); otherwise (a log axis toggled) the view shows the new ranges. A new
    // dataset usually has the same axes: call resetZoom() for it.
    void setSpec(const PlotSpec& spec);
    // The spec as given to setSpec (its own, full ranges).
    const PlotSpec& spec() const { return m_spec; }
    // spec() with the axes' current ranges: what the view shows, for exports.
    PlotSpec shownSpec() const;
    PlotChart* plotChart() const { return m_chart; }

    // Shows x in [xmin, xmax] and y in [ymin, ymax] (cut to the spec's ranges; the right axis
    // follows y). The full ranges reset the zoom.
    void zoomTo(double xmin, double xmax, double ymin, double ymax);
    void resetZoom();
    bool isZoomed() const { return m_zoomed; }
    // The x and y ranges shown.
    PlotRange shownRange() const;
    // The mouse and keys that zoom and pan, as a sentence for a tooltip or a help text (the
    // view's What's This; not a status tip, which would wipe the window's status messages).
    static QString interactionHelp();

    // A pick is reported when the nearest drawn point of a pickable series lies within this
    // many pixels of the mouse.
    void setPickRadius(double pixels) { m_pickRadius = pixels; }
    double pickRadius() const { return m_pickRadius; }

    // The nearest drawn point of a pickable series within pickRadius() of `viewPos` (viewport
    // coordinates) and inside the plot area; else the histogram bar (Bars series) under it,
    // as (series, bin); {-1, -1} if none.
    struct Pick {
        int series = -1;
        qsizetype drawn = -1;
    };
    Pick pickAt(QPointF viewPos) const;
    // Viewport coordinates of a value on the axes of spec().series[series].
    QPointF mapToView(QPointF value, int series) const;

    // A ring drawn at `value` on the axes of series `series` (e.g. the picked operating
    // point), with an optional label beside it.
    void setMarker(int series, QPointF value, const QString& label = {});
    void clearMarker();
    bool hasMarker() const { return m_markerSeries >= 0; }
    // Whether the marker is drawn: set, and its point inside the shown ranges (zoomed out of
    // view, or at FPR 0 on a log axis, it is not).
    bool isMarkerShown() const;

    // A small box of text next to `value` (set by the caller in answer to pointHovered).
    void showHoverText(int series, QPointF value, const QString& text);
    void hideHoverText();
    QString hoverText() const;

signals:
    // series: index into spec().series; sourceIndex: PlotSeries::sourceIndexAt(drawn point);
    // value: the drawn point's coordinates.
    void pointHovered(int series, qsizetype sourceIndex, QPointF value);
    void hoverLeft(); // the mouse moved away from every point (or left the view)
    void pointClicked(int series, qsizetype sourceIndex, QPointF value);
    // The shown ranges changed (zoom, pan or reset; not when a new spec keeps the zoom).
    void zoomChanged();

protected:
    void resizeEvent(QResizeEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    enum class Drag { None, Zoom, Pan };

    void installChart(PlotChart* chart);
    void placeOverlays();
    void showRange(const PlotRange& range);
    void updateHover(QPointF viewPos);
    // The plot area in viewport coordinates.
    QRectF plotAreaInView() const;
    // The data value (primary axes) at a viewport position.
    QPointF valueAt(QPointF viewPos) const;
    bool isDrawn(QPointF value, int series) const;
    // The histogram bar under `position` (chart coordinates), or {-1, -1}.
    Pick barAt(QPointF position) const;

    PlotSpec m_spec;
    PlotChart* m_chart = nullptr;
    bool m_zoomed = false;
    double m_pickRadius = 6.0;
    Pick m_hovered;

    Drag m_drag = Drag::None;
    QPoint m_dragOrigin;
    QPoint m_dragLast;
    bool m_dragMoved = false;
    QRubberBand* m_rubberBand = nullptr;

    int m_markerSeries = -1;
    QPointF m_markerValue;
    QGraphicsEllipseItem* m_marker = nullptr;
    QGraphicsSimpleTextItem* m_markerLabel = nullptr;

    int m_hoverSeries = -1;
    QPointF m_hoverValue;
    QGraphicsRectItem* m_hoverBox = nullptr;
    QGraphicsSimpleTextItem* m_hoverLabel = nullptr;
};

} // namespace focalscope
