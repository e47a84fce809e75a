#pragma once

#include "loss/focal_views.h"
#include "plot/plot_spec.h"

#include <limits>
#include <string>
#include <vector>

namespace focalscope {

// PlotSeries::id values of the concentration chart.
inline constexpr int kBackgroundSeriesId = 0;
inline constexpr int kForegroundSeriesId = 1;

// Figure 4 of Lin et al. 2017: the cumulative normalised loss against the fraction of rows
// (sorted by loss, ascending) for the rows of class 0 (the paper's background; classColor(0))
// and of the other classes (classColor(1)), named by the data (charts::groupName of the target
// classes' names: "zero (N rows)", "other classes (N rows)"), decimated, sourceIndex into the
// ConcentrationCurve; the diagonal (every row the same loss) dotted grey; square 0..1 axes. A
// group without rows is left out and named in the note; easyShare (when not NaN) is stated in
// the note as the share of the loss from well-classified rows (p_t > 0.5).
PlotSpec concentrationPlot(const LossConcentration& concentration,
    double easyShare = std::numeric_limits<double>::quiet_NaN(),
    const std::vector<std::string>& names = {});

} // namespace focalscope
