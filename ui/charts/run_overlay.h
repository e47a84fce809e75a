#pragma once

// Several runs in one chart (DESIGN.md, Runs and comparison): each run's curves in the run's
// line style; a class keeps its colour, except where a chart holds one class, where the run's
// colour tells the runs apart.

#include "plot/plot_spec.h"

#include <QColor>
#include <QString>

#include <functional>
#include <vector>

namespace focalscope {

struct RunStyle {
    QString name;
    QColor color;
    PlotSeries::Style line = PlotSeries::Style::Line;
};

// The line style of run `run` (0 is run A): solid, dashed, dotted, dash-dot, dash-dot-dot, and
// round again.
PlotSeries::Style runLineStyle(int run);
// The default colour of run `run`: a palette apart from the classes' (used where the chart holds
// one class).
QColor runColor(int run);

// Restyles the per-class series (id >= 0) of one run's chart: the run's line style, names
// prefixed with the run's name ("B · cat (AUROC 0.91)"), the run's colour when byRunColor. Bars
// become a line along the bars' tops so that several runs' histograms stay readable; series with
// id < 0 (reference lines, averages) are left out unless keepReferences.
void styleAsRun(PlotSpec& spec, const RunStyle& run, bool byRunColor, bool keepReferences);

// Appends another run's chart to `base`: its per-class series styled by styleAsRun, not
// pickable (points are picked on run A's curves only).
void appendRunSeries(PlotSpec& base, PlotSpec other, const RunStyle& run, bool byRunColor);

// More curves than this in one chart (of two or more classes) crowd it: overlayRuns draws
// small multiples instead when allowed.
inline constexpr int kCrowdedCurves = 8;

// One run's chart, already as shown (its hidden classes left out, the classes' colours set).
struct RunChart {
    PlotSpec spec;
    RunStyle style;
};

// Several runs in one chart, the same in the window and in focalscope-cli's exports. `base` is
// run A's chart: its reference lines stay; its class series (id >= 0) are drawn in run A's style
// when baseShown, else left out. Each of `others` is drawn over it (appendRunSeries). A chart
// holding one class colours the runs by their colours. With panels allowed and more than
// kCrowdedCurves curves of two or more classes, the result is small multiples instead: one
// panel per class of `base` (titled classTitle(id)), each with the reference lines and that
// class's curve of every run, coloured by run and named by run ("B (AUROC 0.91)").
PlotSpec overlayRuns(PlotSpec base, const RunStyle& baseStyle, bool baseShown,
    std::vector<RunChart> others, bool panels, const std::function<QString(int)>& classTitle);

} // namespace focalscope
