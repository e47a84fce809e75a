#include "cli_summary_exports.h"

#include "charts/det_plot.h"
#include "charts/loss_plot.h"
#include "charts/pr_plot.h"
#include "charts/roc_plot.h"
#include "cli_exports.h"
#include "plot/plot_export.h"
#include "report/curve_csv.h"
#include "summary/summary_roc_report.h"

#include <QApplication>

#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <utility>

namespace focalscope {

namespace {

// The summary's target classes as targetClassNames gives a prediction file's.
std::vector<std::string> targetNames(const Summary& summary)
{
    if (summary.binary)
        return {"negative", summary.classNames.front()};
    return summary.classNames;
}

// ", binned" in the title of a curve's plot and the summary's rows in the note, so that no plot
// of a summary passes for one of the rows. The loss plot draws the formula: only the note.
PlotSpec fromSummary(PlotSpec spec, const Summary& summary, bool curves)
{
    if (curves)
        spec.title += QStringLiteral(", binned");
    const QString note = curves
        ? QStringLiteral("from a summary of %1 rows: the binned scores (%2 bins)")
              .arg(summary.counted())
              .arg(summary.bins())
        : QStringLiteral("a summary of %1 rows: the loss formula, weighted as its classes")
              .arg(summary.counted());
    spec.note = spec.note.isEmpty() ? note : note + QStringLiteral("; ") + spec.note;
    return spec;
}

bool writePlots(const CliOptions& options, const Summary& summary, const RocReport& report,
    const FocalParams& params)
{
    const std::unique_ptr<QApplication> application = offscreenApplication();

    const ExportOptions exportOptions {QSize(options.width, options.height), options.dpi};
    const std::vector<bool> allVisible(report.classes.size(), true);
    RocPlotOptions rocOptions;
    rocOptions.logFpr = options.logFpr;
    const std::vector<std::string> names = targetNames(summary);
    const std::optional<std::size_t> lossClass = lossCurveClassIndex(options.lossCurveClass, names);
    const std::pair<const std::string*, std::function<PlotSpec()>> plots[] = {
        {&options.exportRoc,
            [&] {
                return rocPlot(report, allVisible, rocOptions);
            }},
        {&options.exportPr,
            [&] {
                return prPlot(report, allVisible);
            }},
        {&options.exportDet,
            [&] {
                return detPlot(report, allVisible);
            }},
        {&options.exportLoss,
            [&] {
                LossPlotOptions lossOptions;
                lossOptions.className = QString::fromStdString(names[*lossClass]);
                return lossPlot(
                    lossCurveAlpha(params, summary.classes(), static_cast<Index>(*lossClass)),
                    params.gamma, lossOptions);
            }},
    };
    bool ok = true;
    for (const auto& [path, build] : plots) {
        const bool curves = path != &options.exportLoss;
        ok = writePlotFile(
                 *path, [&] { return fromSummary(build(), summary, curves); }, exportOptions)
            && ok;
    }
    return ok;
}

} // namespace

bool writeSummaryOutputs(
    const CliOptions& options, const Summary& summary, const FocalParams& params)
{
    if (!options.exportLoss.empty()
        && !lossCurveClassIndex(options.lossCurveClass, targetNames(summary))) {
        std::cerr << "focalscope-cli: --loss-curve-class: no class '" << options.lossCurveClass
                  << "' in " << options.predictions << '\n';
        return false;
    }
    Analysis analysis;
    analysis.roc = summaryRocReport(summary);
    bool ok = true;
    const auto write = [&](const std::string& path, const std::function<std::string()>& text) {
        ok = writeOutputFile(path, text) && ok;
    };
    write(options.rocCsv, [&] { return rocCsv(analysis); });
    write(options.prCsv, [&] { return prCsv(analysis); });
    if (!options.exportRoc.empty() || !options.exportPr.empty() || !options.exportDet.empty()
        || !options.exportLoss.empty())
        ok = writePlots(options, summary, analysis.roc, params) && ok;
    return ok;
}

} // namespace focalscope
