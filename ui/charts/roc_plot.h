#pragma once

#include "plot/plot_spec.h"
#include "roc/bootstrap.h"
#include "roc/bootstrap_report.h"
#include "roc/roc_report.h"

#include <QList>
#include <QPointF>
#include <QString>

#include <memory>
#include <vector>

namespace focalscope {

// PlotSeries::id values of the series that are not one class.
inline constexpr int kReferenceSeriesId = -1; // chance diagonal, baselines, limits
inline constexpr int kMicroAverageSeriesId = -2; // sourceIndex into RocReport::microRoc
inline constexpr int kMacroAverageSeriesId = -3; // no core curve: sourceIndex is -1

// Pointwise (vertical) bootstrap bands of the ROC curves: per entry of RocReport::classes, the
// TPR interval at each of the band's FPRs (an empty band draws nothing).
struct RocBands {
    std::vector<RocBand> classes;
    QString label; // the legend's, e.g. "95% band (stratified percentile bootstrap, B = 2000)"
};

struct RocPlotOptions {
    bool microAverage = true; // multiclass: the micro-average curve (dashed)
    bool macroAverage = true; // multiclass: the macro-average curve (dash, its own colour)
    double maxFpr = 1.0; // < 1: a dotted vertical line at the partial-AUROC limit (binary only)
    // A log10 FPR axis from rocLogFprFloor() to 1, for low-FPR work. Points at FPR 0 cannot be
    // drawn there and are left out (each curve starts at its first positive FPR; sourceIndex
    // still names points of the full curve); the chance diagonal is drawn sampled.
    bool logFpr = false;
    std::shared_ptr<const RocBands> bands; // drawn with appendRocBands when set
};

// ROC curves: one series per visible class (visible[c]; missing entries count as visible)
// named "name (AUROC 0.873)", id = class index, in classColor(c) (a binary task's single
// positive class in classColor(1)), sourceIndex into ClassRoc::roc (thresholds, counts);
// the micro and macro averages of a multiclass task; the chance diagonal dotted grey; axes
// "False positive rate" / "True positive rate" 0..1 with a square plot area. Curves are
// decimated to kMaxPointsPerSeries (after core's drop_intermediate). Classes whose AUROC is
// undefined have no curve and are named in the note.
PlotSpec rocPlot(
    const RocReport& report, const std::vector<bool>& visible, const RocPlotOptions& options = {});

// Adds bootstrap bands to a ROC chart (rocPlot's, or one built before): per visible class with a
// band, its lower and upper TPR as thin dashed lines in the class's colour, id = the class's
// entry, not pickable, unnamed; and one legend entry, a grey dashed line named bands.label. On a
// log FPR axis (spec.x.logarithmic) the points at FPR 0 are left out.
void appendRocBands(PlotSpec& spec, const RocBands& bands, const std::vector<bool>& visible = {});

// The bands of a bootstrap report (its classes' bands, RocReport::classes order), labelled with
// the level, the method and B: "95% band (stratified percentile bootstrap, B = 2000)", prefixed
// "run: " when run is given (several runs on one chart). The window's and focalscope-cli's.
RocBands bootstrapBands(const BootstrapReport& report, const QString& run = {});

// The left end of a log FPR axis: the smallest positive FPR of the report's curves (classes
// and micro average) rounded down to a power of ten, at most 0.1; 0.001 without one.
double rocLogFprFloor(const RocReport& report);

// The macro-average ROC curve over the classes with a defined AUROC: the mean TPR of their
// curves at every FPR where one of them bends (both sides of a vertical step), so its area is
// the mean of their areas (the macro AUROC). Empty with no defined class.
QList<QPointF> macroAverageRoc(const RocReport& report);

} // namespace focalscope
