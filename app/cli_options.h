#pragma once

#include "calibration/calibration_report.h"
#include "io/read_options.h"
#include "loss/focal_loss.h"
#include "plot/export_defaults.h"
#include "roc/bootstrap.h"
#include "roc/roc_report.h"
#include "roc/threshold_rules.h"

#include <optional>
#include <string>
#include <vector>

namespace focalscope {

// focalscope-cli's command line, parsed without Qt so that a plain run needs no GUI library
// initialised.
struct CliOptions {
    std::string predictions;
    std::string labels;
    ReadOptions read;
    std::optional<LossMode> lossMode; // unset: softmax for C >= 2, sigmoid for one column
    Alpha alpha;
    double gamma = 2.0;
    Reduction reduction = Reduction::Mean;
    double maxFpr = 1.0;
    bool maxFprGiven = false; // --max-fpr was given (1 gives the full AUROC as "partial")
    std::optional<FprRange> fprRange; // --fpr-range A,B
    bool json = false;
    std::optional<CalibrationOptions> calibration; // --calibration [--bins] [--calibration-...]
    std::optional<BootstrapOptions> bootstrap; // --bootstrap B [--seed S] (seed 0 by default)
    // --temperature T|fit: every number of the scores divided by T (temperatureScaled); fit:
    // the T temperature scaling fits on the data (fitTemperature).
    struct Temperature {
        bool fit = false;
        double value = 1.0;
    };
    std::optional<Temperature> temperature;
    std::string exportRoc;
    std::string exportPr;
    std::string exportLoss;
    std::string exportConcentration;
    std::string exportDet;
    // --export-reliability F: the reliability diagram of --calibration-class C (a class name or
    // score column index, or "top"; empty: the top label), with --bins / --calibration-strategy.
    std::string exportReliability;
    std::string calibrationClass;
    CalibrationOptions reliability;
    bool logFpr = false; // --log-fpr: the ROC plot's FPR axis logarithmic
    // --loss-curve-class C: the class (name or index) whose alpha weight the loss-vs-p_t plot is
    // drawn with; empty: class 1, the foreground (as the window's default).
    std::string lossCurveClass;
    int width = kDefaultExportWidth;
    int height = kDefaultExportHeight;
    int dpi = kDefaultExportDpi;
    std::string rocCsv;
    std::string prCsv;
    std::string detCsv;
    std::string perRow; // .csv or .npy
    std::vector<OperatingRule> operatingRules; // --operating-point, in order
    std::string errorsCsv; // the rows at the first operating point
    // --run FILE (repeatable): more runs, read like PREDICTIONS; one without labels of its own
    // shares LABELS. Compared pairwise (paired when on the same rows) unless --folds.
    std::vector<std::string> runs;
    bool unpaired = false; // --unpaired: every comparison unpaired
    bool folds = false; // --folds: the runs are folds / seeds of one model, summarised
    bool summarize = false; // focalscope-cli summarize ... -o OUTPUT: write a summary .npz
    std::string output; // summarize's -o

    // Whether any option was given that needs every row (per-row values, operating points and
    // their rows, calibration, bootstrap, partial AUROC, the loss-concentration plot, the DET
    // points as CSV): a summary cannot give them.
    bool wantsRows() const
    {
        return !exportConcentration.empty() || !exportReliability.empty() || !detCsv.empty()
            || !perRow.empty() || !operatingRules.empty() || !errorsCsv.empty() || calibration
            || bootstrap || maxFprGiven || fprRange || temperature;
    }

    // Whether curves (as CSV) or plots were asked for; a summary gives them from its binned
    // scores, except those of wantsRows().
    bool wantsCurves() const { return wantsPlots() || !rocCsv.empty() || !prCsv.empty(); }

    bool wantsPlots() const
    {
        return !exportRoc.empty() || !exportPr.empty() || !exportLoss.empty()
            || !exportConcentration.empty() || !exportDet.empty() || !exportReliability.empty();
    }
};

struct CliParse {
    enum class Outcome { Run, Help, Version, Error };
    Outcome outcome = Outcome::Run;
    CliOptions options;
    std::string error; // for Outcome::Error
};

CliParse parseCliArguments(const std::vector<std::string>& arguments);

const std::string& cliUsage();

} // namespace focalscope
