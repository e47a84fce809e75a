#pragma once

#include "cli_options.h"
#include "io/read_options.h"
#include "plot/plot_export.h"
#include "report/analysis.h"
#include "report/runs_report.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class QApplication;

namespace focalscope {

// Draws the plots asked for with --export-* through the ui's plot-render path (offscreen).
// With runs (--run), ROC, PR and DET draw every run as the window does (overlayRuns: each run
// in its line style, small multiples when crowded). Returns false and prints the reason on
// stderr when a file cannot be written.
bool writePlots(const CliOptions& options, const ReadResult& input, const Analysis& analysis,
    const RunsReport* runs = nullptr);

// The target class a --loss-curve-class value names among the task's target classes: a class
// name, else an index; class 1 (the foreground) when empty. nullopt when it names none.
std::optional<std::size_t> lossCurveClassIndex(
    const std::string& value, const std::vector<std::string>& names);

// The diagram a --calibration-class value names (reliabilityPlot's column): "top" or empty for
// the top label; else a class name or score column index (a binary task's positive class: its
// name or 1). nullopt when it names none.
std::optional<int> reliabilityColumn(const std::string& value, const Predictions& predictions);

// Writes text to path atomically (the old file stays until the new one is complete).
bool writeFileAtomically(const std::string& path, const std::string& text, std::string& error);

// The QApplication Qt Charts needs to draw (its items are widgets of a graphics scene), on the
// offscreen platform unless QT_QPA_PLATFORM says otherwise: no display is needed.
std::unique_ptr<QApplication> offscreenApplication();

// Draws a plot asked for by an option: nothing when path is empty; else build() exported to
// path, false with the reason on stderr when it cannot be.
bool writePlotFile(
    const std::string& path, const std::function<PlotSpec()>& build, const ExportOptions& options);

// An output file asked for by an option: nothing when path is empty; else text() written
// atomically, false with the reason on stderr when it cannot be.
bool writeOutputFile(const std::string& path, const std::function<std::string()>& text);

} // namespace focalscope
