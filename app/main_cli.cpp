// focalscope-cli: the same numbers as the window, as text or JSON, and the same plots as files.

#include "calibration/temperature_scaling.h"
#include "cli_exports.h"
#include "cli_options.h"
#include "cli_runs.h"
#include "cli_summary_exports.h"
#include "io/prediction_reader.h"
#include "report/curve_csv.h"
#include "report/det_csv.h"
#include "report/error_rows.h"
#include "report/json_report.h"
#include "report/per_row.h"
#include "report/text_report.h"
#include "summary/summary_file.h"
#include "summary/summary_reader.h"
#include "summary/summary_report.h"
#include "summary/summary_writer.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <iostream>
#include <optional>
#include <unistd.h>

using namespace focalscope;

namespace {

enum ExitCode { Success = 0, OutputFailed = 1, BadArguments = 2, BadInput = 3 };

// A "reading file: 42%" line on stderr, only when stderr is a terminal and the load is slow.
std::function<bool(double)> terminalProgress(const std::string& path)
{
    if (!isatty(STDERR_FILENO))
        return {};
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    return [path, start, last = -1](double fraction) mutable {
        const int percent = static_cast<int>(fraction * 100.0);
        if (percent != last && Clock::now() - start > std::chrono::milliseconds(300)) {
            std::fprintf(
                stderr, "\rreading %s: %3d%%%s", path.c_str(), percent, percent >= 100 ? "\n" : "");
            last = percent;
        }
        return true;
    };
}

// focalscope-cli summarize: the file's summary written to -o.
int writeSummaryOf(const CliOptions& options, const ReadOptions& read)
{
    Summary summary;
    try {
        summary = summarizeFile(options.predictions, options.labels, read);
    } catch (const ReadError& error) {
        std::cerr << "focalscope-cli: " << error.what() << '\n';
        return BadInput;
    }
    try {
        writeSummary(summary, options.output);
    } catch (const std::runtime_error& error) {
        std::cerr << "focalscope-cli: " << error.what() << '\n';
        return OutputFailed;
    }
    return Success;
}

// A summary opened like predictions: the binned numbers with their bounds.
int reportSummary(const CliOptions& options)
{
    if (!options.labels.empty() || options.wantsRows() || !options.runs.empty()) {
        std::cerr << "focalscope-cli: " << options.predictions
                  << " is a summary: it takes no labels file, and per-row values, operating "
                     "points, calibration, bootstrap, partial AUROC, --temperature, runs, the "
                     "loss-concentration and reliability plots and DET points as CSV need the "
                     "rows (its ROC and PR curves, their plots and the loss plot are drawn from "
                     "the binned scores)\n";
        return BadArguments;
    }
    Summary summary;
    try {
        summary = readSummary(options.predictions);
    } catch (const ReadError& error) {
        std::cerr << "focalscope-cli: " << error.what() << '\n';
        return BadInput;
    }
    FocalParams params;
    params.mode = options.lossMode.value_or(summary.binary ? LossMode::Sigmoid : LossMode::Softmax);
    params.alpha = options.alpha;
    params.gamma = options.gamma;
    params.reduction = options.reduction;
    try {
        std::cout << (options.json ? summaryJson(options.predictions, summary, params)
                                   : summaryText(options.predictions, summary, params));
    } catch (const std::invalid_argument& error) {
        std::cerr << "focalscope-cli: " << error.what() << '\n';
        return BadArguments;
    }
    std::cout.flush();
    if (options.wantsCurves() && !writeSummaryOutputs(options, summary, params))
        return OutputFailed;
    return Success;
}

// --temperature: the scores divided by T (or the fitted T) before every number, as the window's
// preview does; the T applied, or nullopt (with the reason on stderr) when none can be fitted.
std::optional<double> applyTemperature(
    const CliOptions::Temperature& option, LossMode mode, ReadResult& input)
{
    double t = option.value;
    if (option.fit) {
        const TemperatureFit fit = fitTemperature(input.predictions, mode);
        if (!std::isfinite(fit.temperature)) {
            std::cerr << "focalscope-cli: --temperature fit: no counted rows to fit T on\n";
            return std::nullopt;
        }
        t = fit.temperature;
    }
    input.predictions = temperatureScaled(input.predictions, mode, t);
    return t;
}

} // namespace

int main(int argc, char** argv)
{
    const CliParse parse = parseCliArguments(std::vector<std::string>(argv + 1, argv + argc));
    switch (parse.outcome) {
    case CliParse::Outcome::Help:
        std::cout << cliUsage();
        return Success;
    case CliParse::Outcome::Version:
        std::cout << "focalscope-cli " FOCALSCOPE_VERSION "\n";
        return Success;
    case CliParse::Outcome::Error:
        std::cerr << "focalscope-cli: " << parse.error << "\nTry 'focalscope-cli --help'.\n";
        return BadArguments;
    case CliParse::Outcome::Run:
        break;
    }
    const CliOptions& options = parse.options;

    ReadOptions read = options.read;
    read.progress = terminalProgress(options.predictions);
    if (options.summarize)
        return writeSummaryOf(options, read);
    if (isSummaryFile(options.predictions))
        return reportSummary(options);
    ReadResult input;
    try {
        input = readPredictions(options.predictions, options.labels, read);
    } catch (const ReadError& error) {
        std::cerr << "focalscope-cli: " << error.what() << '\n';
        return BadInput;
    }

    AnalysisOptions analysisOptions;
    analysisOptions.loss.mode = options.lossMode.value_or(defaultLossMode(input.predictions));
    analysisOptions.loss.alpha = options.alpha;
    analysisOptions.loss.gamma = options.gamma;
    analysisOptions.loss.reduction = options.reduction;
    analysisOptions.roc.maxFpr = options.maxFpr;
    analysisOptions.roc.fprRange = options.fprRange;
    analysisOptions.roc.withCurves
        = options.wantsPlots() || !options.rocCsv.empty() || !options.prCsv.empty();
    // Only the concentration plot, --per-row and --errors-csv need the rows' losses; the reports
    // need sums.
    analysisOptions.perRowViews = !options.exportConcentration.empty() || !options.perRow.empty()
        || !options.errorsCsv.empty();
    analysisOptions.operatingRules = options.operatingRules;
    analysisOptions.calibration = options.calibration;
    analysisOptions.bootstrap = options.bootstrap;
    if (!reliabilityColumn(options.calibrationClass, input.predictions)) {
        std::cerr << "focalscope-cli: --calibration-class: no class '" << options.calibrationClass
                  << "' in " << options.predictions << '\n';
        return BadArguments;
    }
    std::optional<double> temperature;
    if (options.temperature) {
        temperature = applyTemperature(*options.temperature, analysisOptions.loss.mode, input);
        if (!temperature)
            return BadInput;
    }
    if (!lossCurveClassIndex(options.lossCurveClass, targetClassNames(input.predictions))) {
        std::cerr << "focalscope-cli: --loss-curve-class: no class '" << options.lossCurveClass
                  << "' in " << options.predictions << '\n';
        return BadArguments;
    }
    Analysis analysis;
    try {
        analysis = analyze(input.predictions, analysisOptions);
    } catch (const std::invalid_argument& error) {
        std::cerr << "focalscope-cli: " << error.what() << '\n';
        return BadArguments;
    }

    analysis.temperature = temperature;
    CliRuns runs;
    if (!options.runs.empty()) {
        const CliRunsStatus loaded
            = loadRuns(options, read, input, analysis, analysisOptions, runs);
        if (loaded.status != Success) {
            std::cerr << "focalscope-cli: " << loaded.message << '\n';
            return loaded.status;
        }
    }
    const RunsReport* runsReport = options.runs.empty() ? nullptr : &runs.report;

    const bool partialRequested = options.maxFprGiven;
    if (options.json)
        std::cout << jsonReport(
            options.predictions, input, analysis, partialRequested, options.labels, runsReport);
    else
        std::cout << textReport(options.predictions, input, analysis, partialRequested, runsReport);
    std::cout.flush();

    int status = Success;
    const auto write = [&](const std::string& path, const std::function<std::string()>& text) {
        if (!writeOutputFile(path, text))
            status = OutputFailed;
    };
    write(options.rocCsv, [&] { return rocCsv(analysis); });
    write(options.prCsv, [&] { return prCsv(analysis); });
    write(options.detCsv, [&] { return detCsv(input.predictions, analysis.roc); });
    write(options.perRow, [&] {
        return options.perRow.ends_with(".npy") ? perRowNpy(input.predictions, analysis)
                                                : perRowCsv(input.predictions, analysis);
    });
    write(options.errorsCsv, [&] { return operatingPointErrorsCsv(input.predictions, analysis); });
    if (options.wantsPlots() && !writePlots(options, input, analysis, runsReport))
        status = OutputFailed;
    return status;
}
