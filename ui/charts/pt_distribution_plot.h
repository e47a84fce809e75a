#pragma once

#include "data/predictions.h"
#include "loss/focal_loss.h"
#include "plot/plot_spec.h"
#include "summary/summary.h"

#include <cstdint>
#include <string>
#include <vector>

namespace focalscope {

enum class PtGrouping { PerClass, BackgroundForeground };

// PlotSeries::id of the focal weight overlay; the histograms' id is their group (the class
// index, or 0 = background, 1 = foreground).
inline constexpr int kFocalWeightSeriesId = -4;

struct PtHistogram {
    std::vector<std::int64_t> counts; // per bin
    std::int64_t rows = 0; // rows of the group (non-ignored, finite p_t)
};

// Histograms of p_t on [0, 1] in `bins` equal bins (p_t = 1 in the last), per group: a target
// class (labels 0 .. targetClasses-1) or class 0 (label 0) / the rest (any other counted label,
// the detection convention's background / foreground). Rows with the ignore index or a NaN p_t are
// left out.
std::vector<PtHistogram> ptHistograms(const FocalLossResult& loss, const LabelVector& labels,
    std::int32_t ignoreIndex, Index targetClasses, PtGrouping grouping, int bins = 50);

// The same from a summary's p_t bins (O(bins)): each bin's rows counted at the p_t of its
// centre (the under- and overflow bins at their target's exact extreme p_t).
std::vector<PtHistogram> summaryPtHistograms(
    const Summary& summary, PtGrouping grouping, int bins = 50);

// The p_t distribution: per visible group with rows (visible[g]; missing entries count as
// visible) a translucent step histogram of the fraction of the group's rows in each bin, named
// "name (N rows)" (names[c] or the class index; grouped, charts::groupName: class 0's name and
// the rest's), in classColor of the class (grouped: classColor(0) and classColor(1)),
// sourceIndex = bin index, a hover text per bin (its p_t range, its rows and their share of
// the group); over it, on the right axis 0..1, the focal weight (1 - p_t)^gamma (0^0 = 1)
// dashed black.
// The note gives the share of rows with p_t > 0.5 (well classified).
PlotSpec ptDistributionPlot(const FocalLossResult& loss, const LabelVector& labels,
    std::int32_t ignoreIndex, Index targetClasses, double gamma, PtGrouping grouping,
    const std::vector<std::string>& names, const std::vector<bool>& visible = {}, int bins = 50);
// The same of histograms already counted (equal bins on [0, 1], as ptHistograms gives them).
PlotSpec ptDistributionPlot(const std::vector<PtHistogram>& histograms, double gamma,
    PtGrouping grouping, const std::vector<std::string>& names,
    const std::vector<bool>& visible = {});

} // namespace focalscope
