#pragma once

#include "plot/plot_spec.h"
#include "roc/score_histogram.h"

#include <QColor>
#include <QList>
#include <QPointF>
#include <QString>

namespace focalscope {

// PlotSeries::id values of the score histogram chart.
inline constexpr int kNegativeScoresSeriesId = 0;
inline constexpr int kPositiveScoresSeriesId = 1;
inline constexpr int kThresholdLineSeriesId = 2;
inline constexpr int kExpectedCostSeriesId = 3;

// One class's scores against the threshold: the negative rows' and the positive rows' counts in
// the histogram's shared bins, overlaid as translucent bars (negatives grey — blue when the
// class's own colour is grey —, positives in the class's colour, each bar's range and count on
// hover), and the threshold as a vertical line
// (rows at or right of it are predicted positive). logCounts: a log10 count axis (from 0.5), so
// that a few hard rows beside a large class stay visible. A threshold outside the bins (+inf:
// nothing predicted positive) draws no line and says so in the note.
// expectedCost (a cost rule's): the expected cost at thresholds across the range, drawn on the
// right axis against the threshold.
PlotSpec scoreHistogramPlot(const ScoreHistogram& histogram, double threshold,
    const QString& className, const QColor& classColor, bool logCounts = false,
    const QList<QPointF>& expectedCost = {});

} // namespace focalscope
