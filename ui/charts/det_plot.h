#pragma once

#include "plot/plot_spec.h"
#include "roc/roc_report.h"

#include <QPointF>

#include <vector>

namespace focalscope {

struct DetPlotOptions {
    bool microAverage = true; // multiclass: the micro-average curve (dashed)
};

// DET curves (detection error tradeoff, scikit-learn's det_curve and DetCurveDisplay): per
// visible class (visible[c]; missing entries count as visible) the false negative rate against
// the false positive rate, both on probit axes (PlotAxis::probit: the points are
// (probit(FPR), probit(FNR)), labelled in percent), named "name (AUROC 0.873)", id = class
// index, in classColor(c) (binary: classColor(1)); the micro average of a multiclass task
// dashed, id kMicroAverageSeriesId; the chance line FNR = 1 - FPR dotted grey.
// The points are those of the report's ROC curves (detCurve(ClassRoc::roc)): sourceIndex is an
// index into ClassRoc::roc (or RocReport::microRoc), so hover texts and operating points work
// as on the ROC chart. Points at FPR 0 or FNR 0 lie at -infinity on a probit axis and are left
// out; a class with no other point, and classes with an undefined AUROC, are named in the
// note. Both axes span the same range, from 0.05% (or half the smallest positive rate drawn)
// to its complement, with a square plot area.
PlotSpec detPlot(
    const RocReport& report, const std::vector<bool>& visible, const DetPlotOptions& options = {});

// Where a ROC point (FPR, TPR) lies on the DET chart: (probit(FPR), probit(1 - TPR)); e.g. for
// PlotView::setMarker. Not finite at FPR 0 or TPR 1 (the view then hides the marker).
QPointF detPosition(double fpr, double tpr);

} // namespace focalscope
