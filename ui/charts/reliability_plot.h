#pragma once

#include "calibration/calibration_report.h"
#include "calibration/reliability.h"
#include "charts/run_overlay.h"
#include "plot/plot_spec.h"

#include <QColor>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace focalscope {

// PlotSeries::id values of a reliability diagram's series.
inline constexpr int kReliabilityCountsSeriesId = -10; // rows per bin, on the right axis
inline constexpr int kReliabilityDiagonalSeriesId = -11; // perfect calibration
inline constexpr int kReliabilityCurveSeriesId = -12; // the line through the bins
inline constexpr int kReliabilityPointsSeriesId = -13; // one marker per non-empty bin

struct ReliabilityPlotOptions {
    QString subject; // what the diagram is of, e.g. "cat vs rest" or "top-label"
    bool topLabel = false; // axes "Confidence" / "Accuracy" instead of predicted / positive
    QColor color = QColor(0x1f, 0x4e, 0x79);
};

// A reliability diagram (scikit-learn's calibration_curve drawn): in this order
// Axes: "Mean predicted" / "Fraction positive", or "Confidence" / "Accuracy" for the top label.
// - the rows per bin on the right axis (0 to a nice ceiling of 3x the largest count, so the
//   bars stay under the curve), every bin of curve.edges, empty ones at 0: Bars of equal width
//   for uniform bins; for unequal (quantile) bins the histogram's outline as a line;
// - the diagonal (perfect calibration, "ideal") dotted grey, not pickable;
// - the curve, named the subject: fraction positive against mean predicted of each non-empty
//   bin, as a line and, on the same points, markers with a hover text per bin (edges, rows,
//   both means).
// Both axes 0..1 with a square plot area; the title is "subject: ECE 0.042". Names are short so
// that the legend fits under a chart as narrow as a dock.
// Without samples: the diagonal only, and a note says so.
PlotSpec reliabilityPlot(const ReliabilityCurve& curve, const ReliabilityPlotOptions& options = {});

// The column of a report's top-label diagram.
inline constexpr int kReliabilityTopLabel = -1;

// One diagram of a calibration report, as the window's calibration dock shows it and
// focalscope-cli --export-reliability draws it: score column `column` one-vs-rest (a binary
// task's one column: its positive class), or the top label for kReliabilityTopLabel. Named after
// targetNames (the task's target classes; "negative" and the positive class for a binary task),
// "cat vs rest", coloured with classColor; " at T = 1.73" follows the subject when the scores were
// divided by a temperature (the preview). Throws std::out_of_range for another column.
PlotSpec reliabilityPlot(const CalibrationReport& report, int column,
    const QStringList& targetNames, std::optional<double> temperature = std::nullopt);

// One run's report for reliabilityRunsPlot.
struct ReliabilityRun {
    const CalibrationReport* report = nullptr;
    RunStyle style; // its name, colour and line
    std::optional<double> temperature; // its scores were divided by T (the preview)
};

// Several runs' diagrams of one score column (or kReliabilityTopLabel) in one, as the window's
// calibration dock shows them and focalscope-cli --run ... --export-reliability draws them: the
// first run's rows per bin and the diagonal, then each run's curve in the run's colour and line
// style, named "B: ECE 0.042" (" (T = 1.7)" when previewed), hover texts prefixed with the run.
// The title is "subject: ECE by run". One run: reliabilityPlot of its report.
PlotSpec reliabilityRunsPlot(
    const std::vector<ReliabilityRun>& runs, int column, const QStringList& targetNames);

} // namespace focalscope
