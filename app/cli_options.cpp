#include "cli_options.h"

#include <charconv>
#include <cmath>
#include <stdexcept>

namespace focalscope {

namespace {

// Thrown for any bad argument; becomes CliParse::error.
struct ArgumentError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

double parseNumber(const std::string& option, const std::string& text)
{
    double value = 0.0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(value))
        throw ArgumentError(option + ": expected a number, got '" + text + "'");
    return value;
}

int parseInteger(const std::string& option, const std::string& text)
{
    int value = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || ptr != end)
        throw ArgumentError(option + ": expected an integer, got '" + text + "'");
    return value;
}

constexpr long long kMaxSeed = (1LL << 53) - 1; // exact in every JSON reader's double

// An integer in [low, high].
long long parseCount(
    const std::string& option, const std::string& text, long long high, long long low = 1)
{
    long long value = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || ptr != end || value < low || value > high)
        throw ArgumentError(option + ": expected an integer in " + std::to_string(low) + ".."
            + std::to_string(high) + ", got '" + text + "'");
    return value;
}

Alpha parseAlpha(const std::string& text)
{
    if (text == "none")
        return Alpha::none();
    if (text.find(',') == std::string::npos) {
        const double a = parseNumber("--alpha", text);
        if (a < 0.0) // torchvision: alpha < 0 disables the weighting
            return Alpha::none();
        if (a > 1.0)
            throw ArgumentError("--alpha: a scalar alpha must be in [0, 1], got " + text);
        return Alpha::fromScalar(a);
    }
    std::vector<double> weights;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const double w = parseNumber("--alpha", text.substr(start, comma - start));
        if (w < 0.0)
            throw ArgumentError("--alpha: per-class weights must be >= 0, got " + text);
        weights.push_back(w);
        start = comma + 1;
    }
    return Alpha::fromList(std::move(weights));
}

void parseSize(const std::string& text, CliOptions& options)
{
    const std::size_t x = text.find('x');
    if (x == std::string::npos)
        throw ArgumentError("--size: expected WxH, e.g. 1200x900, got '" + text + "'");
    options.width = parseInteger("--size", text.substr(0, x));
    options.height = parseInteger("--size", text.substr(x + 1));
    if (options.width < 16 || options.height < 16 || options.width > 20000
        || options.height > 20000)
        throw ArgumentError("--size: width and height must be in 16..20000, got '" + text + "'");
}

// A,B with 0 <= A < B <= 1.
FprRange parseFprRange(const std::string& text)
{
    const std::size_t comma = text.find(',');
    if (comma == std::string::npos)
        throw ArgumentError("--fpr-range: expected A,B, e.g. 0,0.1, got '" + text + "'");
    const FprRange range {parseNumber("--fpr-range", text.substr(0, comma)),
        parseNumber("--fpr-range", text.substr(comma + 1))};
    if (!(range.low >= 0.0 && range.low < range.high && range.high <= 1.0))
        throw ArgumentError("--fpr-range: expected 0 <= A < B <= 1, got '" + text + "'");
    return range;
}

// One of the values, by the name core gives it (nameOf: lossModeName, reductionName, ...).
template<typename Enum, typename NameOf>
Enum parseChoice(const std::string& option, const std::string& text,
    std::initializer_list<Enum> values, NameOf nameOf)
{
    std::string names;
    for (const Enum value : values) {
        if (text == nameOf(value))
            return value;
        names += names.empty() ? nameOf(value) : std::string("|") + nameOf(value);
    }
    throw ArgumentError(option + ": expected " + names + ", got '" + text + "'");
}

void parseInto(const std::vector<std::string>& arguments, CliParse& parse)
{
    CliOptions& o = parse.options;
    std::vector<std::string> positional;
    CalibrationOptions calibration; // applied when --calibration is given, wherever --bins is
    BootstrapOptions bootstrap;
    bool calibrationAsked = false;
    bool binsGiven = false; // --bins or --calibration-strategy
    bool bootstrapAsked = false;
    bool seedGiven = false;
    o.summarize = !arguments.empty() && arguments.front() == "summarize";
    for (std::size_t i = o.summarize ? 1 : 0; i < arguments.size(); ++i) {
        std::string arg = arguments[i];
        std::string inlineValue;
        bool hasInline = false;
        if (arg.rfind("--", 0) == 0) {
            if (const std::size_t eq = arg.find('='); eq != std::string::npos) {
                inlineValue = arg.substr(eq + 1);
                arg = arg.substr(0, eq);
                hasInline = true;
            }
        }
        auto next = [&]() -> std::string {
            if (hasInline)
                return inlineValue;
            if (i + 1 >= arguments.size())
                throw ArgumentError(arg + ": missing value");
            return arguments[++i];
        };

        if (arg == "-h" || arg == "--help") {
            parse.outcome = CliParse::Outcome::Help;
            return;
        }
        if (arg == "--version") {
            parse.outcome = CliParse::Outcome::Version;
            return;
        }
        if (arg == "--kind")
            o.read.kind = parseChoice(arg, next(),
                {KindRequest::Auto, KindRequest::Logits, KindRequest::Probabilities},
                kindRequestName);
        else if (arg == "--loss")
            o.lossMode
                = parseChoice(arg, next(), {LossMode::Softmax, LossMode::Sigmoid}, lossModeName);
        else if (arg == "--alpha")
            o.alpha = parseAlpha(next());
        else if (arg == "--gamma") {
            o.gamma = parseNumber(arg, next());
            if (o.gamma < 0.0)
                throw ArgumentError("--gamma: must be >= 0");
        } else if (arg == "--reduction")
            o.reduction = parseChoice(arg, next(),
                {Reduction::Mean, Reduction::Sum, Reduction::WeightedMean}, reductionName);
        else if (arg == "--ignore-index")
            o.read.ignoreIndex = parseInteger(arg, next());
        else if (arg == "--max-fpr") {
            o.maxFpr = parseNumber(arg, next());
            if (!(o.maxFpr > 0.0 && o.maxFpr <= 1.0))
                throw ArgumentError("--max-fpr: must be in (0, 1]");
            o.maxFprGiven = true;
        } else if (arg == "--fpr-range")
            o.fprRange = parseFprRange(next());
        else if (arg == "--scores-key")
            o.read.scoresKey = next();
        else if (arg == "--labels-key")
            o.read.labelsKey = next();
        else if (arg == "--skip-invalid")
            o.read.skipInvalid = true;
        else if (arg == "--calibration")
            calibrationAsked = true;
        else if (arg == "--bins") {
            calibration.bins = static_cast<int>(parseCount(arg, next(), 1000));
            binsGiven = true;
        } else if (arg == "--calibration-strategy") {
            calibration.strategy = parseChoice(
                arg, next(), {BinStrategy::Uniform, BinStrategy::Quantile}, binStrategyName);
            binsGiven = true;
        } else if (arg == "--bootstrap") {
            bootstrapAsked = true;
            bootstrap.replicates = static_cast<int>(parseCount(arg, next(), 1000000));
        } else if (arg == "--temperature") {
            const std::string value = next();
            CliOptions::Temperature temperature;
            temperature.fit = value == "fit";
            if (!temperature.fit) {
                temperature.value = parseNumber(arg, value);
                if (!(temperature.value > 0.0))
                    throw ArgumentError(
                        "--temperature: expected T > 0 or fit, got '" + value + "'");
            }
            o.temperature = temperature;
        } else if (arg == "--seed") {
            bootstrap.seed = static_cast<std::uint64_t>(parseCount(arg, next(), kMaxSeed, 0));
            seedGiven = true;
        } else if (arg == "--json")
            o.json = true;
        else if (arg == "--export-roc")
            o.exportRoc = next();
        else if (arg == "--export-pr")
            o.exportPr = next();
        else if (arg == "--export-loss")
            o.exportLoss = next();
        else if (arg == "--export-concentration")
            o.exportConcentration = next();
        else if (arg == "--export-det")
            o.exportDet = next();
        else if (arg == "--export-reliability")
            o.exportReliability = next();
        else if (arg == "--calibration-class")
            o.calibrationClass = next();
        else if (arg == "--log-fpr")
            o.logFpr = true;
        else if (arg == "--loss-curve-class")
            o.lossCurveClass = next();
        else if (arg == "--size")
            parseSize(next(), o);
        else if (arg == "--dpi") {
            o.dpi = parseInteger(arg, next());
            if (o.dpi < 10 || o.dpi > 2400)
                throw ArgumentError("--dpi: must be in 10..2400");
        } else if (arg == "--roc-csv")
            o.rocCsv = next();
        else if (arg == "--pr-csv")
            o.prCsv = next();
        else if (arg == "--det-csv")
            o.detCsv = next();
        else if (arg == "--per-row")
            o.perRow = next();
        else if (arg == "--operating-point") {
            try {
                o.operatingRules.push_back(parseOperatingRule(next()));
            } catch (const std::invalid_argument& error) {
                throw ArgumentError(arg + ": " + error.what());
            }
        } else if (arg == "--errors-csv")
            o.errorsCsv = next();
        else if (arg == "--run")
            o.runs.push_back(next());
        else if (arg == "--unpaired")
            o.unpaired = true;
        else if (arg == "--folds")
            o.folds = true;
        else if (o.summarize && (arg == "-o" || arg == "--output"))
            o.output = next();
        else if (arg == "--") {
            positional.insert(
                positional.end(), arguments.begin() + static_cast<long>(i) + 1, arguments.end());
            break;
        } else if (arg.size() > 1 && arg[0] == '-')
            throw ArgumentError("unknown option " + arg);
        else
            positional.push_back(arg);
    }
    if (binsGiven && !calibrationAsked && o.exportReliability.empty())
        throw ArgumentError(
            "--bins and --calibration-strategy go with --calibration or --export-reliability");
    if (!o.calibrationClass.empty() && o.exportReliability.empty())
        throw ArgumentError("--calibration-class goes with --export-reliability");
    o.reliability = calibration;
    o.reliability.fitTemperature = false;
    if (seedGiven && !bootstrapAsked)
        throw ArgumentError("--seed goes with --bootstrap");
    if (calibrationAsked)
        o.calibration = calibration;
    if (bootstrapAsked) {
        // The pointwise ROC band too: in JSON, and on --export-roc as the window draws it.
        bootstrap.bandPoints = kDefaultBandPoints;
        o.bootstrap = bootstrap;
    }
    if (positional.empty())
        throw ArgumentError("missing PREDICTIONS file");
    if (positional.size() > 2)
        throw ArgumentError("too many files: expected PREDICTIONS [LABELS]");
    o.predictions = positional[0];
    if (positional.size() == 2)
        o.labels = positional[1];
    for (const std::string* path : {&o.exportRoc, &o.exportPr, &o.exportLoss,
             &o.exportConcentration, &o.exportDet, &o.exportReliability}) {
        if (path->empty())
            continue;
        const std::size_t dot = path->rfind('.');
        const std::string ext = dot == std::string::npos ? "" : path->substr(dot);
        if (ext != ".png" && ext != ".svg" && ext != ".pdf")
            throw ArgumentError("export file " + *path + ": expected a .png, .svg or .pdf name");
    }
    if (!o.errorsCsv.empty() && o.operatingRules.empty())
        throw ArgumentError("--errors-csv: needs an --operating-point (its rows are the first "
                            "rule's false positives and false negatives)");
    if (!o.perRow.empty() && !o.perRow.ends_with(".csv") && !o.perRow.ends_with(".npy"))
        throw ArgumentError("--per-row " + o.perRow + ": expected a .csv or .npy name");
    if (o.summarize && o.output.empty())
        throw ArgumentError("summarize: missing -o SUMMARY.npz");
    if ((o.unpaired || o.folds) && o.runs.empty())
        throw ArgumentError(std::string(o.unpaired ? "--unpaired" : "--folds")
            + " goes with --run FILE (the runs to compare with PREDICTIONS)");
    if (o.unpaired && o.folds)
        throw ArgumentError("--unpaired compares runs, --folds summarises them as folds of one "
                            "model: give one of them");
    if (o.summarize
        && (o.wantsRows() || o.wantsCurves() || o.json || !o.errorsCsv.empty() || !o.runs.empty()))
        throw ArgumentError("summarize: only --kind, --ignore-index, --scores-key, --labels-key, "
                            "--skip-invalid and -o apply");
}

// text with {width}, {height} and {dpi} replaced by the plot library's export defaults.
std::string withExportDefaults(std::string text)
{
    for (const auto& [field, value] :
        {std::pair {"{width}", kDefaultExportWidth}, std::pair {"{height}", kDefaultExportHeight},
            std::pair {"{dpi}", kDefaultExportDpi}}) {
        const std::string key(field);
        text.replace(text.find(key), key.size(), std::to_string(value));
    }
    return text;
}

} // namespace

CliParse parseCliArguments(const std::vector<std::string>& arguments)
{
    CliParse parse;
    try {
        parseInto(arguments, parse);
    } catch (const ArgumentError& error) {
        parse.outcome = CliParse::Outcome::Error;
        parse.error = error.what();
    }
    return parse;
}

const std::string& cliUsage()
{
    static const std::string usage
        = withExportDefaults(R"(Usage: focalscope-cli [options] PREDICTIONS [LABELS]

Focal loss and ROC / AUROC of a classifier's predictions (.csv, .tsv, .npy, .npz).

  --kind auto|logits|probabilities   how to read the scores (default auto)
  --loss softmax|sigmoid             focal loss form (default softmax, sigmoid for one column)
  --alpha A | a0,a1,... | none       scalar (class 0 gets A, the others 1-A), one weight per
                                     class, or no weighting (default 0.25)
  --gamma G                          focusing parameter >= 0 (default 2)
  --reduction mean|sum|weighted-mean (default mean)
  --ignore-index K                   label of rows left out of every metric (default -100)
  --max-fpr F                        partial AUROC up to F, McClish-standardised (binary;
                                     1 gives the full AUROC, as scikit-learn)
  --fpr-range A,B                    partial AUROC over FPR A..B per class: raw area and
                                     McClish-standardised (pROC's partial.auc)
  --calibration                      reliability per class and top-label, ECE, MCE, Brier,
                                     NLL, and temperature scaling (T, before -> after)
  --bins N                           calibration bins (default 15)
  --calibration-strategy uniform|quantile
                                     bins uniform on [0, 1] or of equal mass (default uniform)
  --bootstrap B                      stratified bootstrap, B replicates (2000 is usual): 95%
                                     percentile intervals of AUROC and AP per class
  --seed S                           the bootstrap's seed (default 0; same result on any
                                     number of threads)
  --temperature T|fit                divide the scores by T before every number (logits x/T;
                                     probabilities softmax(log p / T), one column
                                     sigmoid(logit(p) / T)); fit: the T of temperature
                                     scaling on the data. JSON: input.temperature
  --scores-key K  --labels-key K     .npz entries to read
  --skip-invalid                     drop and count rows with non-finite scores
  --json                             all results as JSON on stdout (schema 1)
  --export-roc F  --export-pr F  --export-loss F  --export-concentration F
  --export-det F                     draw a plot into F (.png, .svg or .pdf); DET: probit
                                     FPR vs probit FNR per class (det_curve)
  --export-reliability F             draw the reliability diagram into F (.png, .svg, .pdf),
                                     with --bins and --calibration-strategy
  --calibration-class C              its class: a name or score column index, or top (the
                                     top label, the default)
  --log-fpr                          the ROC plot's FPR axis in log scale
  --loss-curve-class C               the loss plot uses class C's alpha weight (name or
                                     index; default 1, the foreground)
  --size WxH                         plot size in pixels (default {width}x{height})
  --dpi N                            plot resolution (default {dpi})
  --roc-csv F                        every ROC point as class,threshold,fpr,tpr
  --pr-csv F                         every precision-recall point as
                                     class,threshold,precision,recall (precision_recall_curve)
  --det-csv F                        every DET point as class,threshold,fpr,fnr (det_curve)
  --per-row F                        each row's row,label,p_t,loss (the reduction none), as
                                     .csv or .npy (float64, N x 4)
  --operating-point RULE             youden | f1 | fpr=X | tpr=X | cost=CFP,CFN[,PI]: the
                                     threshold the rule picks for every class (binary: the
                                     positive class), with its counts and rates; repeatable.
                                     Predicted positive: score >= threshold. youden: max
                                     TPR-FPR; f1: max F1; fpr=X: highest TPR with FPR <= X;
                                     tpr=X: lowest FPR with TPR >= X; cost: min expected cost
                                     CFN PI (1-TPR) + CFP (1-PI) FPR, PI the data's prevalence
                                     unless given. Ties: the highest threshold (tpr=X: of equal
                                     FPR, the highest TPR)
  --errors-csv F                     the rows the first --operating-point gets wrong, per
                                     class: class,error,row,label,score,p_t,loss, false
                                     positives highest score first, then false negatives
                                     lowest score first
  --run FILE                         another run (model, epoch, fold) to compare with
                                     PREDICTIONS, read the same way; repeatable. A run
                                     without labels of its own uses LABELS. Per class and
                                     pair of runs: delta AUROC, its 95% CI, z, p and the
                                     Holm-adjusted p (DeLong: paired when the runs hold the
                                     same rows and labels, else unpaired)
  --unpaired                         compare every pair unpaired (pROC's D, Student's t)
  --folds                            the runs are folds / seeds of one model: mean AUROC and
                                     sd, pooled AUROC, vertical average (JSON "folds")
  --help  --version

focalscope-cli summarize [--kind K] [--ignore-index K] [--skip-invalid] PREDICTIONS [LABELS]
                         -o SUMMARY.npz
  writes a mergeable summary (binned counts; see README, Summaries), streamed in chunks (memory
  independent of the rows): a CSV / TSV file (with its label column, or a .npy of labels) or
  C-ordered .npy files of scores and labels. An .npz, a Fortran-ordered .npy and labels in a
  CSV are not streamed: an error says so. A summary given as PREDICTIONS is opened like
  predictions: AUROC, AP, DeLong and focal loss of the binned scores, with "bounds" that hold
  the exact values; --roc-csv, --pr-csv and the ROC, PR, DET and loss plots are drawn from the
  binned scores ("binned" in each title).

Exit status: 0 success, 2 bad arguments, 3 unreadable or invalid input.
)");
    return usage;
}

} // namespace focalscope
