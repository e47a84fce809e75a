#pragma once

// The one place where a PlotSpec becomes a Qt Charts chart. The window's PlotView and every
// export (plot_export.h) draw what buildChart() returns, so the screen and the files agree.

#include "plot/plot_spec.h"

#include <QChart>

class QAbstractAxis;
class QAbstractSeries;
class QGraphicsSceneResizeEvent;

namespace focalscope {

// Sizes of the chart's text in pixels (device independent: exports scale the whole chart).
struct PlotFonts {
    static constexpr int title = 16;
    static constexpr int note = 12;
    static constexpr int axisTitle = 13;
    static constexpr int axisLabels = 12;
    static constexpr int legend = 12;
};

class PlotChart : public QChart {
    Q_OBJECT
public:
    explicit PlotChart(const PlotSpec& spec, QGraphicsItem* parent = nullptr);

    const PlotSpec& spec() const { return m_spec; }

    // Replaces points, names, colours, axis ranges and titles in place when `spec` has the same
    // structure as the current one (series count, each series' style and axis, axis kinds) and
    // returns true; otherwise changes nothing and returns false (build a new chart then).
    bool updateSpec(const PlotSpec& spec);
    static bool sameStructure(const PlotSpec& a, const PlotSpec& b);

    // Shows the axis ranges of `shown` (x, y, yRight; the series are kept): what a zoom or a
    // pan changes. spec() then holds these ranges.
    void setRanges(const PlotSpec& shown);

    // The Qt series drawing spec().series[index] (a QAreaSeries for Bars).
    QAbstractSeries* chartSeries(int index) const { return m_series.value(index); }

    // Chart (item) coordinates of a data value on the axes of spec().series[index].
    QPointF mapToPixel(QPointF value, int index) const;
    // The data value (x, y on the primary axes) at chart (item) coordinates.
    QPointF mapToValue(QPointF position) const;

    // Lays the chart out for its current size: the legend under the plot when its entries fit
    // in one row, else to its right; with squareAspect, the plot area shrunk to a centred
    // square. The view calls it on resize, exports after setting the chart's geometry.
    void fitPlotArea();

private:
    void createAxes();
    void createSeries();
    void applyAxis(QAbstractAxis* axis, const PlotAxis& spec) const;
    void applySeries(int index);
    void applyTitle();
    void hideUnnamedLegendMarkers();
    void relayout();
    // Probit axes: as many labelled ticks as fit the plot area (see fitPlotArea).
    void fitProbitTicks();

    PlotSpec m_spec;
    QAbstractAxis* m_x = nullptr;
    QAbstractAxis* m_y = nullptr;
    QAbstractAxis* m_yRight = nullptr;
    QList<QAbstractSeries*> m_series;
    int m_probitTicksX = 12;
    int m_probitTicksY = 12;
};

// The chart for `spec`, owned by the caller (or by the QChartView / scene it is given to).
PlotChart* buildChart(const PlotSpec& spec);

} // namespace focalscope
