#pragma once

#include "plot/plot_spec.h"
#include "roc/roc_report.h"

#include <vector>

namespace focalscope {

// Precision-recall curves: one series per visible class (visible[c]; missing entries count as
// visible) named "name (AP 0.712)", id = class index, in classColor(c) (binary: classColor(1)),
// drawn as scikit-learn does (steps: precision P_n holds from R_{n+1} to R_n, so the area is
// the AP), sourceIndex into ClassRoc::pr (precision, recall, thresholds; the last point has no
// threshold). Each visible class's prevalence (prevalences[c], or positives / (positives +
// negatives) when missing) is a dotted horizontal baseline in its colour, id = class index,
// not pickable. Axes "Recall" / "Precision" 0..1. Classes without positives are named in the
// note.
PlotSpec prPlot(const RocReport& report, const std::vector<bool>& visible,
    const std::vector<double>& prevalences = {});

} // namespace focalscope
