// focalscope-bench: times one item of DESIGN.md's performance budgets on a given input file and
// prints the times as JSON. bench/compare runs it beside the Python peers on the same files.
//
//   focalscope-bench --item ITEM --scores FILE [--labels FILE] [--run FILE ...] [--repeat N]
//
// Only the computation is timed: the input is read before the first run (except by the load
// items, which time the read itself), and what the timed call returns is released after the
// clock stops. One untimed warm-up run comes first; each result is folded into a checksum that
// is printed, so no run can be optimised away.

#include "charts/concentration_plot.h"
#include "charts/loss_plot.h"
#include "charts/pt_distribution_plot.h"
#include "compare/run_comparison.h"
#include "io/prediction_reader.h"
#include "loss/focal_loss.h"
#include "report/analysis.h"
#include "report/error_rows.h"
#include "roc/bootstrap.h"
#include "roc/roc_curve.h"
#include "roc/roc_report.h"
#include "roc/threshold_table.h"
#include "summary/summary_loss.h"
#include "summary/summary_reader.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

using namespace focalscope;

namespace {

constexpr int kBadArguments = 2;
constexpr int kFailed = 1;

struct BenchOptions {
    std::string item;
    std::filesystem::path scores;
    std::filesystem::path labels;
    std::vector<std::filesystem::path> runs; // more runs' scores, sharing --labels
    int repeat = 7;
    int replicates = kDefaultBootstrapReplicates; // the bootstrap item's B
};

// What one run leaves behind: named numbers (the last run's are printed as "result") and what
// the timed call returned, which is released only after the clock has stopped.
struct RunResult {
    using Values = std::vector<std::pair<std::string, double>>;
    Values values;
    std::shared_ptr<const void> output;
    Values partsMs; // the durations of the run's named parts, when an item has parts
};
// One run of an item; `run` is the repeat's index (-1 for the warm-up).
using RunFunction = std::function<RunResult(int run)>;

struct Item {
    const char* name;
    const char* what;
};

constexpr Item kItems[] = {
    {"binary-auroc", "auroc(scores, positive) of a binary file (roc/roc_curve.h)"},
    {"ovr-auroc",
        "rocReport(predictions, {.withCurves = false}): per class, macro, weighted, "
        "micro, ovo (roc/roc_report.h)"},
    {"focal-loss",
        "focalLoss(predictions, FocalParams{}, RowValues::Drop): softmax, mean, from the "
        "scores, the reduced value only as the peer returns (loss/focal_loss.h)"},
    {"recompute",
        "the window's work after a gamma change: analyzeLoss(cache, params, classes) "
        "(report/analysis.h), then the specs of the loss, concentration and p_t distribution "
        "charts (ui/charts); the PtCache built once, a new gamma each run"},
    {"threshold-point",
        "ThresholdTable::pointAt(t) of class 1 (a binary file: its positive class): the "
        "operating point of a threshold by binary search on the class's table, built once "
        "(roc/threshold_table.h); t moves every run and is 0.5 in the last"},
    {"threshold-move",
        "what the threshold panel recomputes when the threshold moves: pointAt(t) as "
        "threshold-point, then errorRows(..., limit 100), the rows table's false positives "
        "and false negatives, hardest first (report/error_rows.h)"},
    {"csv-load", "readPredictions(file) of a CSV file (io/prediction_reader.h)"},
    {"npy-load", "readPredictions(scores, labels) of .npy files (io/prediction_reader.h)"},
    {"bootstrap",
        "bootstrapAuroc(scores, positive, {replicates}) of a binary file: one sort, then B "
        "stratified replicates of AUROC and AP as weights on the ranks (roc/bootstrap.h)"},
    {"paired-delong",
        "compareRuns({scores, run}, {}) (compare/run_comparison.h): the paired DeLong test of "
        "two runs on the same labels for every class (--run FILE: the second run's scores)"},
    {"runs-recompute",
        "the window's loss work after a gamma change with several runs (--run FILE, "
        "repeatable): analyzeLoss(cache, params, classes) of each run (report/analysis.h); each "
        "run's PtCache built once, a new gamma each run"},
    {"summary-read", "readSummary(file) of a summary .npz (summary/summary_reader.h)"},
    {"summary-recompute",
        "summaryFocalLoss(summary, params) of a summary .npz, a new gamma each run: the "
        "focal-loss bracket from the p_t bins, O(bins) whatever the rows "
        "(summary/summary_loss.h)"},
};

void printUsage(std::FILE* out)
{
    std::fprintf(out,
        "usage: focalscope-bench --item ITEM --scores FILE [--labels FILE] [--repeat N]\n"
        "                        [--replicates B] [--run FILE ...]\n"
        "Times ITEM on the file(s) (one warm-up run, then N timed runs, default 7) and\n"
        "prints JSON: median_ms, min_ms, times_ms and the last run's result.\n"
        "Items:\n");
    for (const Item& item : kItems)
        std::fprintf(out, "  %-13s %s\n", item.name, item.what);
}

const Item* findItem(const std::string& name)
{
    for (const Item& item : kItems)
        if (name == item.name)
            return &item;
    return nullptr;
}

// Returns false (after printing why) when the arguments are not usable.
bool parseArguments(int argc, char** argv, BenchOptions& options)
{
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            printUsage(stdout);
            std::exit(0);
        }
        if (i + 1 >= argc) {
            std::fprintf(stderr, "focalscope-bench: %s needs a value\n", arg.c_str());
            return false;
        }
        const std::string value = argv[++i];
        if (arg == "--item") {
            options.item = value;
        } else if (arg == "--scores" || arg == "--input") {
            options.scores = value;
        } else if (arg == "--labels") {
            options.labels = value;
        } else if (arg == "--run") {
            options.runs.push_back(value);
        } else if (arg == "--replicates") {
            char* end = nullptr;
            const long replicates = std::strtol(value.c_str(), &end, 10);
            if (*end != '\0' || replicates < 1 || replicates > 1000000) {
                std::fprintf(stderr, "focalscope-bench: --replicates needs a count >= 1, got %s\n",
                    value.c_str());
                return false;
            }
            options.replicates = static_cast<int>(replicates);
        } else if (arg == "--repeat") {
            char* end = nullptr;
            const long repeat = std::strtol(value.c_str(), &end, 10);
            if (*end != '\0' || repeat < 1 || repeat > 100000) {
                std::fprintf(stderr, "focalscope-bench: --repeat needs a count >= 1, got %s\n",
                    value.c_str());
                return false;
            }
            options.repeat = static_cast<int>(repeat);
        } else {
            std::fprintf(stderr, "focalscope-bench: unknown option %s\n", arg.c_str());
            return false;
        }
    }
    if (!findItem(options.item)) {
        std::fprintf(stderr, "focalscope-bench: --item must name one of the items\n");
        printUsage(stderr);
        return false;
    }
    if (options.scores.empty()) {
        std::fprintf(stderr, "focalscope-bench: --scores FILE is required\n");
        return false;
    }
    return true;
}

// Keeps the compiler from dropping a computation whose result is otherwise unused.
template<typename T> void keepAlive(const T& value)
{
    asm volatile("" : : "r"(&value) : "memory");
}

double sumOf(const RunResult& result)
{
    double sum = 0.0;
    for (const auto& [name, value] : result.values)
        sum += value;
    return sum;
}

template<typename T> RunResult resultOf(T&& output, RunResult::Values values)
{
    return {
        std::move(values), std::make_shared<const std::decay_t<T>>(std::forward<T>(output)), {}};
}

struct Timing {
    std::vector<double> ms;
    std::vector<std::pair<std::string, std::vector<double>>> partsMs;
    RunResult::Values last;
    double checksum = 0.0;
};

Timing timeRuns(int repeat, const RunFunction& run)
{
    using Clock = std::chrono::steady_clock;
    Timing timing;
    timing.checksum += sumOf(run(-1));
    for (int i = 0; i < repeat; ++i) {
        const auto start = Clock::now();
        RunResult result = run(i);
        const auto stop = Clock::now();
        keepAlive(result);
        timing.ms.push_back(std::chrono::duration<double, std::milli>(stop - start).count());
        timing.checksum += sumOf(result);
        for (std::size_t p = 0; p < result.partsMs.size(); ++p) {
            if (timing.partsMs.size() <= p)
                timing.partsMs.push_back({result.partsMs[p].first, {}});
            timing.partsMs[p].second.push_back(result.partsMs[p].second);
        }
        timing.last = std::move(result.values);
    }
    return timing;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 == 1 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

void printNumber(double value)
{
    if (std::isfinite(value))
        std::printf("%.17g", value);
    else
        std::printf("null");
}

void printJson(const BenchOptions& options, Index rows, Index classes, const Timing& timing)
{
    std::printf("{\"item\": \"%s\", \"rows\": %lld, \"classes\": %lld, \"repeat\": %d, ",
        options.item.c_str(), static_cast<long long>(rows), static_cast<long long>(classes),
        options.repeat);
    std::printf("\"median_ms\": ");
    printNumber(median(timing.ms));
    std::printf(", \"min_ms\": ");
    printNumber(*std::min_element(timing.ms.begin(), timing.ms.end()));
    std::printf(", \"times_ms\": [");
    for (std::size_t i = 0; i < timing.ms.size(); ++i) {
        std::printf(i == 0 ? "" : ", ");
        printNumber(timing.ms[i]);
    }
    std::printf("], \"result\": {");
    for (std::size_t i = 0; i < timing.last.size(); ++i) {
        std::printf("%s\"%s\": ", i == 0 ? "" : ", ", timing.last[i].first.c_str());
        printNumber(timing.last[i].second);
    }
    std::printf("}, \"parts_median_ms\": {");
    for (std::size_t i = 0; i < timing.partsMs.size(); ++i) {
        std::printf("%s\"%s\": ", i == 0 ? "" : ", ", timing.partsMs[i].first.c_str());
        printNumber(median(timing.partsMs[i].second));
    }
    std::printf("}, \"checksum\": ");
    printNumber(timing.checksum);
    std::printf("}\n");
}

ReadResult readInput(const BenchOptions& options)
{
    return readPredictions(options.scores, options.labels);
}

// The binary problem auroc() takes: the score column and label == 1, ignored rows left out.
struct BinaryInput {
    std::vector<double> scores;
    std::vector<std::uint8_t> positive;
};

BinaryInput binaryInput(const Predictions& predictions)
{
    if (!predictions.isBinary())
        throw std::invalid_argument("a binary item needs one score column, the file has "
            + std::to_string(predictions.classes()));
    BinaryInput input;
    input.scores.reserve(static_cast<std::size_t>(predictions.rows()));
    input.positive.reserve(static_cast<std::size_t>(predictions.rows()));
    for (Index i = 0; i < predictions.rows(); ++i) {
        if (predictions.isIgnored(i))
            continue;
        input.scores.push_back(predictions.scores(i, 0));
        input.positive.push_back(predictions.labels[i] == 1 ? 1 : 0);
    }
    return input;
}

// What the window recomputes after a gamma or alpha change: the loss analysis and the specs of
// the charts that depend on it (DatasetSession's loss and loss-chart pipelines on the thread
// pool, ChartTabs::updateLossCharts on the GUI thread).
struct WindowRecompute {
    LossAnalysis analysis;
    PlotSpec lossPlot;
    PlotSpec concentrationPlot;
    PlotSpec ptDistributionPlot;
};

// Gammas that differ from one run to the next (and from the warm-up's 2), as a slider gives.
double recomputeGamma(int run)
{
    return run < 0 ? 2.0 : 0.5 + 0.25 * (run % 17);
}

int runBench(const BenchOptions& options)
{
    const std::string& item = options.item;
    if (item == "csv-load" || item == "npy-load") {
        Index rows = 0;
        Index classes = 0;
        const Timing timing = timeRuns(options.repeat, [&](int) {
            ReadResult read = readInput(options);
            const Predictions& p = read.predictions;
            rows = p.rows();
            classes = p.classes();
            const double firstScore = p.scores(0, 0);
            const double lastLabel = p.labels[rows - 1];
            const double samples = static_cast<double>(read.samples);
            return resultOf(std::move(read),
                {{"samples", samples}, {"first_score", firstScore}, {"last_label", lastLabel}});
        });
        printJson(options, rows, classes, timing);
        return 0;
    }

    if (item == "summary-read" || item == "summary-recompute") {
        const Summary summary = readSummary(options.scores);
        FocalParams defaults;
        defaults.mode = summary.binary ? LossMode::Sigmoid : LossMode::Softmax;
        const Timing timing = timeRuns(options.repeat, [&](int run) {
            if (item == "summary-read") {
                Summary read = readSummary(options.scores);
                const auto samples = static_cast<double>(read.samples);
                return resultOf(std::move(read), {{"samples", samples}});
            }
            FocalParams params = defaults;
            params.gamma = recomputeGamma(run);
            SummaryLoss loss = summaryFocalLoss(summary, params);
            const RunResult::Values values {{"gamma", params.gamma},
                {"loss_lower", loss.value.lower}, {"loss_upper", loss.value.upper}};
            return resultOf(std::move(loss), values);
        });
        printJson(options, summary.samples, summary.classes(), timing);
        return 0;
    }

    const Predictions input = readInput(options).predictions;
    // The other runs, read like the first (sharing its labels file).
    std::vector<Predictions> otherRuns;
    for (const std::filesystem::path& run : options.runs)
        otherRuns.push_back(readPredictions(run, options.labels).predictions);
    std::vector<const Predictions*> runs {&input};
    for (const Predictions& run : otherRuns)
        runs.push_back(&run);
    Timing timing;
    if (item == "binary-auroc") {
        const BinaryInput binary = binaryInput(input);
        timing = timeRuns(options.repeat, [&](int) {
            return RunResult {{{"auroc", auroc(binary.scores, binary.positive)}}, {}, {}};
        });
    } else if (item == "bootstrap") {
        const BinaryInput binary = binaryInput(input);
        BootstrapOptions bootstrap;
        bootstrap.replicates = options.replicates;
        timing = timeRuns(options.repeat, [&](int) {
            BootstrapResult result = bootstrapAuroc(binary.scores, binary.positive, bootstrap);
            const RunResult::Values values {{"auroc", result.auroc},
                {"ci_lower", result.aurocCi.lower}, {"ci_upper", result.aurocCi.upper},
                {"replicates", static_cast<double>(result.aurocReplicates.size())}};
            return resultOf(std::move(result), values);
        });
    } else if (item == "ovr-auroc") {
        RocOptions rocOptions;
        rocOptions.withCurves = false;
        timing = timeRuns(options.repeat, [&](int) {
            RocReport report = rocReport(input, rocOptions);
            const RunResult::Values values {{"macro", report.macro}, {"weighted", report.weighted},
                {"micro", report.micro}, {"ovo", report.ovo}};
            return resultOf(std::move(report), values);
        });
    } else if (item == "focal-loss") {
        const FocalParams params;
        timing = timeRuns(options.repeat, [&](int) {
            FocalLossResult loss = focalLoss(input, params, RowValues::Drop);
            const double value = loss.value;
            return resultOf(std::move(loss), {{"loss", value}});
        });
    } else if (item == "threshold-point" || item == "threshold-move") {
        const Index c = input.isBinary() ? 0 : 1;
        const ThresholdTable table = thresholdTable(input.scores, input, c);
        const bool withRows = item == "threshold-move";
        // A slider's positions: a new threshold each run, 0.5 in the warm-up and the last run
        // (the peer's).
        const auto threshold = [&](int run) {
            return run < 0 || run == options.repeat - 1 ? 0.5
                                                        : 0.05 + 0.9 * ((run * 7) % 17) / 16.0;
        };
        timing = timeRuns(options.repeat, [&](int run) {
            using Clock = std::chrono::steady_clock;
            const auto start = Clock::now();
            const double t = threshold(run);
            const OperatingPoint point = table.pointAt(t);
            const auto pointed = Clock::now();
            RunResult result {{{"threshold", t}, {"tp", static_cast<double>(point.tp)},
                                  {"fp", static_cast<double>(point.fp)}},
                {}, {}};
            if (withRows) {
                auto rows = std::make_shared<ErrorRows>(
                    errorRows(input, input.scores, c, t, FocalLossResult {}, 100));
                result.values.push_back(
                    {"false_positives", static_cast<double>(rows->falsePositiveCount)});
                result.output = rows;
                result.partsMs = {
                    {"operating_point",
                        std::chrono::duration<double, std::milli>(pointed - start).count()},
                    {"error_rows",
                        std::chrono::duration<double, std::milli>(Clock::now() - pointed).count()}};
            }
            return result;
        });
    } else if (item == "paired-delong") {
        if (runs.size() != 2)
            throw std::invalid_argument("paired-delong needs one --run FILE (the second run)");
        timing = timeRuns(options.repeat, [&](int) {
            std::vector<RunComparison> comparisons = compareRuns(runs, {});
            RunResult::Values values {{"comparisons", static_cast<double>(comparisons.size())}};
            for (const RunComparison& c : comparisons)
                if (c.targetClass == 1) {
                    values.push_back({"z_class1", c.z});
                    values.push_back({"auc_a_class1", c.aucA});
                    values.push_back({"auc_b_class1", c.aucB});
                }
            double sumZ = 0.0;
            for (const RunComparison& c : comparisons)
                sumZ += c.z;
            values.push_back({"sum_z", sumZ});
            if (!std::all_of(comparisons.begin(), comparisons.end(),
                    [](const RunComparison& c) { return c.paired; }))
                throw std::invalid_argument("the runs are not on the same rows");
            return resultOf(std::move(comparisons), values);
        });
    } else if (item == "runs-recompute") {
        std::vector<PtCache> caches;
        FocalParams defaults;
        defaults.mode = defaultLossMode(input);
        for (const Predictions* run : runs)
            caches.push_back(computePtCache(*run, defaults.mode));
        timing = timeRuns(options.repeat, [&](int run) {
            using Clock = std::chrono::steady_clock;
            FocalParams params = defaults;
            params.gamma = recomputeGamma(run);
            auto analyses = std::make_shared<std::vector<LossAnalysis>>();
            RunResult result {{{"gamma", params.gamma}, {"runs", static_cast<double>(runs.size())}},
                analyses, {}};
            for (std::size_t r = 0; r < runs.size(); ++r) {
                const auto start = Clock::now();
                analyses->push_back(analyzeLoss(caches[r], params, runs[r]->targetClasses()));
                result.values.push_back(
                    {"loss_" + std::to_string(r + 1), analyses->back().loss.value});
                result.partsMs.push_back({"run_" + std::to_string(r + 1),
                    std::chrono::duration<double, std::milli>(Clock::now() - start).count()});
            }
            return result;
        });
    } else if (item == "recompute") {
        FocalParams defaults;
        defaults.mode = defaultLossMode(input);
        const PtCache cache = computePtCache(input, defaults.mode);
        // DatasetSession::targetNames().
        std::vector<std::string> names;
        if (input.isBinary()) {
            names = {"negative", input.classNames.empty() ? "positive" : input.classNames.front()};
        } else {
            for (Index c = 0; c < input.classes(); ++c)
                names.push_back(className(input, c));
        }
        timing = timeRuns(options.repeat, [&](int run) {
            using Clock = std::chrono::steady_clock;
            const auto start = Clock::now();
            FocalParams params = defaults;
            params.gamma = recomputeGamma(run);
            auto window = std::make_shared<WindowRecompute>();
            window->analysis = analyzeLoss(cache, params, input.targetClasses());
            const auto analysed = Clock::now();
            const LossAnalysis& analysis = window->analysis;
            window->lossPlot = lossPlot(lossCurveAlpha(params, input.classes()), params.gamma);
            window->concentrationPlot
                = concentrationPlot(analysis.concentration, analysis.easyShare);
            window->ptDistributionPlot
                = ptDistributionPlot(analysis.loss, input.labels, input.ignoreIndex,
                    input.targetClasses(), params.gamma, PtGrouping::PerClass, names);
            const auto charted = Clock::now();
            RunResult result {{{"gamma", params.gamma}, {"loss", analysis.loss.value},
                                  {"easy_share", analysis.easyShare},
                                  {"chart_series",
                                      static_cast<double>(window->lossPlot.series.size()
                                          + window->concentrationPlot.series.size()
                                          + window->ptDistributionPlot.series.size())}},
                window,
                {{"analyze_loss",
                     std::chrono::duration<double, std::milli>(analysed - start).count()},
                    {"chart_specs",
                        std::chrono::duration<double, std::milli>(charted - analysed).count()}}};
            return result;
        });
    }
    printJson(options, input.rows(), input.classes(), timing);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    BenchOptions options;
    if (!parseArguments(argc, argv, options))
        return kBadArguments;
    try {
        return runBench(options);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "focalscope-bench: %s: %s\n", options.item.c_str(), error.what());
        return kFailed;
    }
}
