#pragma once

#include "loss/focal_views.h"
#include "plot/plot_spec.h"

#include <limits>

namespace focalscope {

// PlotSeries::id values of the concentration chart.
inline constexpr int kBackgroundSeriesId = 0;
inline constexpr int kForegroundSeriesId = 1;

// Figure 4 of Lin et al. 2017: the cumulative normalised loss against the fraction of rows
// (sorted by loss, ascending) for background rows (classColor(0), "background (N rows)") and
// foreground rows (classColor(1)), decimated, sourceIndex into the ConcentrationCurve; the
// diagonal (every row the same loss) dotted grey; square 0..1 axes. A group without rows is
// left out and named in the note; easyShare (when not NaN) is stated in the note as the share
// of the loss from well-classified rows (p_t > 0.5).
PlotSpec concentrationPlot(const LossConcentration& concentration,
    double easyShare = std::numeric_limits<double>::quiet_NaN());

} // namespace focalscope
