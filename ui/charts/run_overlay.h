#pragma once

// Several runs in one chart (DESIGN.md, Runs and comparison): each run's curves in the run's
// line style; a class keeps its colour, except where a chart holds one class, where the run's
// colour tells the runs apart.

#include "plot/plot_spec.h"

#include <QColor>
#include <QString>

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

} // namespace focalscope
