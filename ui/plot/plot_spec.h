#pragma once

// The plot layer's own small interface: a chart is described as data (PlotSpec) and built by
// one function for the screen and for every export format, so the charting backend (Qt Charts
// today) can change without touching the rest of the program.

#include <QColor>
#include <QList>
#include <QPointF>
#include <QString>

namespace focalscope {

struct PlotAxis {
    QString title;
    double min = 0.0;
    double max = 1.0;
    bool logarithmic = false;
};

struct PlotSeries {
    enum class Style { Line, Dashed, Dotted, Bars, Scatter };
    QString name;  // legend entry; empty hides it from the legend
    QColor color;
    Style style = Style::Line;
    double width = 2.0;
    QList<QPointF> points;
    bool onSecondaryAxis = false;  // drawn against yRight (e.g. the focal weight overlay)
};

struct PlotSpec {
    QString title;
    PlotAxis x;
    PlotAxis y;
    PlotAxis yRight;  // used only when a series is onSecondaryAxis
    QList<PlotSeries> series;
    bool squareAspect = false;  // ROC: equal scales on both axes
    QString note;               // a line shown under the title (e.g. a warning)
};

// Colours for class index c, distinguishable and readable on white; class 0 (background) grey.
QColor classColor(int c);

}  // namespace focalscope
