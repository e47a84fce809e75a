#include "cli_exports.h"

#include "charts/concentration_plot.h"
#include "charts/det_plot.h"
#include "charts/loss_plot.h"
#include "charts/pr_plot.h"
#include "charts/reliability_plot.h"
#include "charts/roc_plot.h"
#include "charts/run_overlay.h"
#include "plot/plot_export.h"

#include <QApplication>
#include <QByteArray>
#include <QSaveFile>
#include <QStringList>

#include <charconv>
#include <functional>
#include <iostream>
#include <optional>

namespace focalscope {

namespace {

std::vector<double> prevalences(const RocReport& report)
{
    std::vector<double> out;
    for (const ClassRoc& c : report.classes) {
        const auto total = c.positives + c.negatives;
        out.push_back(
            total > 0 ? static_cast<double>(c.positives) / static_cast<double>(total) : 0.0);
    }
    return out;
}

std::string joinedNames(const std::vector<std::string>& names)
{
    std::string joined;
    for (const std::string& name : names)
        joined += (joined.empty() ? "" : ", ") + name;
    return joined;
}

} // namespace

std::optional<std::size_t> lossCurveClassIndex(
    const std::string& value, const std::vector<std::string>& names)
{
    if (value.empty())
        return names.size() > 1 ? 1 : 0;
    for (std::size_t c = 0; c < names.size(); ++c)
        if (names[c] == value)
            return c;
    std::size_t index = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), index);
    if (error == std::errc() && end == value.data() + value.size() && index < names.size())
        return index;
    return std::nullopt;
}

std::optional<int> reliabilityColumn(const std::string& value, const Predictions& predictions)
{
    if (value.empty() || value == "top")
        return kReliabilityTopLabel;
    if (predictions.isBinary()) {
        if (value == "1" || value == positiveClassName(predictions))
            return 0;
        return std::nullopt;
    }
    for (Index c = 0; c < predictions.classes(); ++c)
        if (className(predictions, c) == value)
            return static_cast<int>(c);
    int index = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), index);
    if (error == std::errc() && end == value.data() + value.size() && index >= 0
        && index < predictions.classes())
        return index;
    return std::nullopt;
}

bool writeFileAtomically(const std::string& path, const std::string& text, std::string& error)
{
    QSaveFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly)
        || file.write(text.data(), static_cast<qint64>(text.size()))
            != static_cast<qint64>(text.size())
        || !file.commit()) {
        error = path + ": " + file.errorString().toStdString();
        return false;
    }
    return true;
}

std::unique_ptr<QApplication> offscreenApplication()
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "focalscope-cli";
    static char* argv[] = {name, nullptr};
    return std::make_unique<QApplication>(argc, argv);
}

bool writePlotFile(
    const std::string& path, const std::function<PlotSpec()>& build, const ExportOptions& options)
{
    if (path.empty())
        return true;
    QString error;
    if (exportPlot(build(), QString::fromStdString(path), options, &error))
        return true;
    std::cerr << "focalscope-cli: " << error.toStdString() << '\n';
    return false;
}

bool writeOutputFile(const std::string& path, const std::function<std::string()>& text)
{
    if (path.empty())
        return true;
    std::string error;
    if (writeFileAtomically(path, text(), error))
        return true;
    std::cerr << "focalscope-cli: " << error << '\n';
    return false;
}

bool writePlots(const CliOptions& options, const ReadResult& input, const Analysis& analysis,
    const RunsReport* runs)
{
    const std::unique_ptr<QApplication> application = offscreenApplication();

    const ExportOptions exportOptions {QSize(options.width, options.height), options.dpi};
    const std::optional<std::size_t> lossClass
        = lossCurveClassIndex(options.lossCurveClass, targetClassNames(input.predictions));
    if (!lossClass) {
        std::cerr << "focalscope-cli: --loss-curve-class: no class '" << options.lossCurveClass
                  << "' (the classes are " << joinedNames(targetClassNames(input.predictions))
                  << ")\n";
        return false;
    }
    const std::optional<int> reliability
        = reliabilityColumn(options.calibrationClass, input.predictions);
    if (!reliability) {
        std::cerr << "focalscope-cli: --calibration-class: no class '" << options.calibrationClass
                  << "' (top, or one of " << joinedNames(targetClassNames(input.predictions))
                  << ")\n";
        return false;
    }
    const std::vector<bool> allVisible(analysis.roc.classes.size(), true);
    RocPlotOptions rocOptions;
    rocOptions.maxFpr = options.maxFpr;
    rocOptions.logFpr = options.logFpr;

    // Every run's chart over run A's, as the window draws them.
    const auto withRuns = [&](PlotSpec base,
                              const std::function<PlotSpec(const Analysis&)>& chart) {
        if (!runs || runs->runs.size() < 2)
            return base;
        std::vector<RunChart> others;
        for (std::size_t r = 1; r < runs->runs.size(); ++r) {
            const ReportedRun& run = runs->runs[r];
            const int index = static_cast<int>(r);
            others.push_back({chart(*run.analysis),
                RunStyle {QString::fromStdString(run.name), runColor(index), runLineStyle(index)}});
        }
        const RunStyle first {
            QString::fromStdString(runs->runs.front().name), runColor(0), runLineStyle(0)};
        return overlayRuns(std::move(base), first, true, std::move(others), true, [&](int entry) {
            return entry >= 0 && entry < static_cast<int>(analysis.roc.classes.size())
                ? QString::fromStdString(analysis.roc.classes[static_cast<std::size_t>(entry)].name)
                : QString::number(entry);
        });
    };

    const std::pair<const std::string*, std::function<PlotSpec()>> plots[] = {
        {&options.exportRoc,
            [&] {
                const auto roc = [&](const Analysis& a) {
                    return rocPlot(a.roc, allVisible, rocOptions);
                };
                PlotSpec spec = withRuns(roc(analysis), roc);
                // --bootstrap: run A's band over every run's curves, as the window draws the
                // picked run's (small multiples leave it out).
                if (analysis.bootstrap && spec.panels.empty()) {
                    const bool runsShown = runs && runs->runs.size() > 1;
                    appendRocBands(spec,
                        bootstrapBands(*analysis.bootstrap,
                            runsShown ? QString::fromStdString(runs->runs.front().name)
                                      : QString()),
                        allVisible);
                }
                return spec;
            }},
        {&options.exportPr,
            [&] {
                const auto pr = [&](const Analysis& a) {
                    return prPlot(a.roc, allVisible, prevalences(a.roc));
                };
                return withRuns(pr(analysis), pr);
            }},
        {&options.exportLoss,
            [&] {
                const std::vector<std::string> names = targetClassNames(input.predictions);
                LossPlotOptions lossOptions;
                lossOptions.className = QString::fromStdString(names[*lossClass]);
                return lossPlot(lossCurveAlpha(analysis.loss.params, input.predictions.classes(),
                                    static_cast<Index>(*lossClass)),
                    analysis.loss.params.gamma, lossOptions);
            }},
        {&options.exportConcentration,
            [&] {
                return concentrationPlot(analysis.loss.concentration, analysis.loss.easyShare,
                    targetClassNames(input.predictions));
            }},
        {&options.exportDet,
            [&] {
                const auto det = [&](const Analysis& a) {
                    return detPlot(a.roc, allVisible);
                };
                return withRuns(det(analysis), det);
            }},
        {&options.exportReliability,
            [&] {
                // The window's diagram: --calibration's report, else one without the fit;
                // with runs, every run's curve over run A's bins.
                const auto reportOf = [&](const ReadResult& in, const Analysis& a) {
                    return a.calibration
                        ? *a.calibration
                        : calibrationReport(in.predictions, options.reliability, a.loss.params);
                };
                QStringList names;
                for (const std::string& name : targetClassNames(input.predictions))
                    names << QString::fromStdString(name);
                if (!runs || runs->runs.size() < 2)
                    return reliabilityPlot(
                        reportOf(input, analysis), *reliability, names, analysis.temperature);
                std::vector<CalibrationReport> reports;
                reports.reserve(runs->runs.size());
                for (const ReportedRun& run : runs->runs)
                    reports.push_back(reportOf(*run.input, *run.analysis));
                std::vector<ReliabilityRun> shown;
                for (std::size_t r = 0; r < reports.size(); ++r) {
                    const int index = static_cast<int>(r);
                    shown.push_back({&reports[r],
                        RunStyle {QString::fromStdString(runs->runs[r].name), runColor(index),
                            runLineStyle(index)},
                        runs->runs[r].analysis->temperature});
                }
                return reliabilityRunsPlot(shown, *reliability, names);
            }},
    };
    bool ok = true;
    for (const auto& [path, build] : plots)
        ok = writePlotFile(*path, build, exportOptions) && ok;
    return ok;
}

} // namespace focalscope
