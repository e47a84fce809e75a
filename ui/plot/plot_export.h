#pragma once

// Export of a PlotSpec to PNG, SVG or PDF through the same buildChart() the window shows.
//
// Needs a QApplication (Qt Charts items are widgets of a graphics scene); with no display,
// create it on the offscreen platform first, e.g. qputenv("QT_QPA_PLATFORM", "offscreen")
// before constructing the QApplication (focalscope-cli does so), or run with
// QT_QPA_PLATFORM=offscreen. Call it from the thread of the QApplication (the chart is a
// graphics widget). Fonts come from fontconfig (DejaVu Sans).

#include "plot/export_defaults.h"
#include "plot/plot_spec.h"

#include <QImage>
#include <QSize>
#include <QString>

#include <optional>

namespace focalscope {

enum class ExportFormat { Png, Svg, Pdf };

struct ExportOptions {
    // The output's size in pixels (PNG pixels; the SVG view box; the PDF page at `dpi`).
    QSize size {kDefaultExportWidth, kDefaultExportHeight};
    // Dots per inch: the PNG's resolution, the SVG's and the PDF's. Like a figure's dpi, it sets
    // the physical size (size / dpi inches) and therefore how large the text is relative to the
    // picture: the chart is laid out at size * 96 / dpi logical pixels and scaled to `size`.
    int dpi = kDefaultExportDpi;
};

// The format for a file name's extension (.png, .svg, .pdf, any case), or nullopt.
std::optional<ExportFormat> exportFormatFor(const QString& path);

// The chart of `spec` rendered into an ARGB32 image of options.size on white, with the DPI set
// as the image's dots per meter. A null image when the options are invalid.
QImage renderPlot(const PlotSpec& spec, const ExportOptions& options = {});

// Writes the chart of `spec` to `path` in the format of its extension. Atomic: the file is
// written to a temporary beside it and renamed only when complete (QSaveFile), so a failure
// leaves no partial file and an existing file untouched. Returns false with a message in
// *error (when given) naming the path and the reason.
bool exportPlot(const PlotSpec& spec, const QString& path, const ExportOptions& options = {},
    QString* error = nullptr);

} // namespace focalscope
