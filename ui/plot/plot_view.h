#pragma once

// A chart view showing a PlotSpec, drawn by the same buildChart() as the exports, that reports
// the drawn point under the mouse. Generic: what a point means (a threshold, a bin) is the
// caller's business, through PlotSeries::sourceIndex and PlotSeries::id.

#include "plot/plot_spec.h"

#include <QChartView>
#include <QPointF>

class QGraphicsEllipseItem;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;

namespace focalscope {

class PlotChart;

class PlotView : public QChartView {
    Q_OBJECT
public:
    explicit PlotView(QWidget* parent = nullptr);
    ~PlotView() override;

    // Shows `spec`: updates the current chart's series in place (replace(), no rebuild) when
    // the structure is the same, else builds a new chart. The marker is kept if its series
    // still exists; the hover text is hidden.
    void setSpec(const PlotSpec& spec);
    const PlotSpec& spec() const;
    PlotChart* plotChart() const { return m_chart; }

    // A pick is reported when the nearest drawn point of a pickable series lies within this
    // many pixels of the mouse.
    void setPickRadius(double pixels) { m_pickRadius = pixels; }
    double pickRadius() const { return m_pickRadius; }

    // The nearest drawn point of a pickable series within pickRadius() of `viewPos` (viewport
    // coordinates): the series index and the index of the drawn point; {-1, -1} if none.
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

protected:
    void resizeEvent(QResizeEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    void installChart(PlotChart* chart);
    void placeOverlays();

    PlotChart* m_chart = nullptr;
    double m_pickRadius = 6.0;
    Pick m_hovered;

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
