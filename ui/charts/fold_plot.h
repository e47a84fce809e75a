#pragma once

#include "compare/fold_summary.h"
#include "plot/plot_spec.h"

#include <QColor>

#include <functional>
#include <vector>

namespace focalscope {

// How the band around the folds' average ROC is drawn: +- 1 sd of the folds' TPRs, or their
// 2.5-97.5% range.
enum class FoldBand { StandardDeviation, Range };

// Adds runs marked as folds to a ROC chart (DESIGN.md, Runs and comparison): per class that
// `visible` accepts (by target class), the vertical average (the mean TPR of the folds at 201
// FPRs) as a thick line named "class: mean of K folds (AUROC m ± sd)" and the band as two thin
// dashed lines in the class's colour, plus one grey legend entry naming the band; the threshold
// average (the folds' mean point at each threshold) dash-dotted; the pooled curve (every fold's
// rows together) dotted. Not pickable. On a log FPR axis the points at FPR 0
// are left out.
void appendFoldAverages(PlotSpec& roc, const std::vector<FoldClassSummary>& folds,
    const std::function<QColor(int)>& colorOf, const std::function<bool(int)>& visible,
    FoldBand band);

} // namespace focalscope
