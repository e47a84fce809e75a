#pragma once

// The plot layer's own small interface: a chart is described as data (PlotSpec) and built by
// one function for the screen and for every export format, so the charting backend (Qt Charts
// today) can change without touching the rest of the program.

#include <QColor>
#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <vector>

namespace focalscope {

struct PlotAxis {
    QString title; // may hold simple rich text, e.g. "p<sub>t</sub>"
    double min = 0.0;
    double max = 1.0;
    bool logarithmic = false; // base 10; min must be > 0
    // The values (and min, max) are probit(p), the normal quantile of a rate p; the labels
    // show p in percent at probit positions (DET curves).
    bool probit = false;
};

struct PlotSeries {
    enum class Style { Line, Dashed, Dotted, DashDot, DashDotDot, Bars, Scatter };
    QString name; // legend entry; empty hides it from the legend
    QColor color;
    Style style = Style::Line;
    double width = 2.0; // pen width in pixels; Scatter: marker size
    // What is drawn. Bars: one point per bin, (bin centre, height), bins of equal width.
    QList<QPointF> points;
    // For each drawn point, its index in the full curve it was taken from (thresholds and exact
    // values stay in core). Empty means the identity: point i is source index i.
    QList<qsizetype> sourceIndex;
    bool onSecondaryAxis = false; // drawn against yRight (e.g. the focal weight overlay)
    double barWidth = 0.0; // Bars: bin width; 0 takes the spacing of the first two bins
    bool pickable = true; // reported by PlotView hover / click (false: reference lines)
    int id = -1; // the caller's identifier, e.g. the class index
    // Empty, or one text per drawn point that PlotView shows when the point is hovered (e.g. a
    // histogram bin's range and count).
    QStringList hoverText;

    qsizetype sourceIndexAt(qsizetype drawn) const
    {
        return sourceIndex.isEmpty() ? drawn : sourceIndex.value(drawn, -1);
    }
};

struct PlotSpec {
    QString title;
    PlotAxis x;
    PlotAxis y;
    PlotAxis yRight; // used only when a series is onSecondaryAxis
    QList<PlotSeries> series;
    bool squareAspect = false; // ROC: equal scales on both axes, the plot area kept square
    QString note; // a line shown under the title (e.g. a warning)
    // Small multiples: when not empty, the plot is these charts in a grid of panelColumns
    // columns (0: about square), and its own series are not drawn.
    std::vector<PlotSpec> panels;
    int panelColumns = 0;

    // The grid of panels: columns and rows.
    int gridColumns() const
    {
        if (panelColumns > 0)
            return panelColumns;
        int columns = 1;
        while (columns * columns < static_cast<int>(panels.size()))
            ++columns;
        return columns;
    }
    int gridRows() const
    {
        const int columns = gridColumns();
        return (static_cast<int>(panels.size()) + columns - 1) / columns;
    }

    bool hasSecondaryAxis() const
    {
        for (const PlotSeries& s : series)
            if (s.onSecondaryAxis)
                return true;
        return false;
    }
};

} // namespace focalscope
