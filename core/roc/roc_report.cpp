#include "roc/roc_report.h"

#include "parallel/parallel.h"
#include "roc/binary_problem.h"
#include "roc/curve_thinning.h"
#include "roc/ranked_scores.h"
#include "roc/ranking_view.h"
#include "roc/roc_statistics.h"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

namespace focalscope {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string quoted(const std::string& name)
{
    return "'" + name + "'";
}

std::string joinNames(const std::vector<std::string>& names)
{
    std::string out;
    for (const std::string& name : names)
        out += (out.empty() ? "" : ", ") + quoted(name);
    return out;
}

// Mean of the defined values, optionally weighted; NaN when none is defined.
double averageOfDefined(const std::vector<double>& values, const std::vector<double>& weights)
{
    double sum = 0.0;
    double weightSum = 0.0;
    for (std::size_t k = 0; k < values.size(); ++k) {
        if (std::isnan(values[k]))
            continue;
        sum += weights[k] * values[k];
        weightSum += weights[k];
    }
    return weightSum > 0.0 ? sum / weightSum : kNaN;
}

// The sorted (score in column c, label) keys of the counted rows. Throws on a label without a
// score column or a NaN score.
std::vector<KeyedLabel> sortedColumnKeys(const RankingView& scores, const Predictions& predictions,
    std::size_t counted, Index c, std::size_t& positives)
{
    const auto classes = static_cast<std::uint32_t>(scores.cols());
    std::vector<KeyedLabel> keys(counted);
    positives = 0;
    bool anyInvalid = false;
    std::size_t k = 0;
    for (Index i = 0; i < scores.rows() && k < counted; ++i) {
        const std::int32_t label = predictions.labels[i];
        if (label == predictions.ignoreIndex)
            continue;
        const double score = scores(i, c);
        anyInvalid |= static_cast<std::uint32_t>(label) >= classes || std::isnan(score);
        keys[k++] = KeyedLabel {static_cast<std::uint32_t>(label), scoreKey(score)};
        positives += label == c;
    }
    if (anyInvalid) {
        for (Index i = 0; i < scores.rows(); ++i) {
            const std::int32_t label = predictions.labels[i];
            if (label == predictions.ignoreIndex)
                continue;
            if (static_cast<std::uint32_t>(label) >= classes)
                throw std::invalid_argument("row " + std::to_string(i) + ": label "
                    + std::to_string(label) + " has no score column");
            if (std::isnan(scores(i, c)))
                throw std::invalid_argument("row " + std::to_string(i) + ", class "
                    + std::to_string(c) + ": the score is NaN");
        }
    }
    sortAscending(keys);
    return keys;
}

// The micro average's positives: the score each counted row gives its own class, sorted.
std::vector<ScoreKey> sortedTrueClassKeys(const RankingView& scores, const Predictions& predictions)
{
    std::vector<ScoreKey> keys;
    keys.reserve(static_cast<std::size_t>(predictions.countedRows()));
    for (Index i = 0; i < scores.rows(); ++i) {
        const std::int32_t label = predictions.labels[i];
        if (label != predictions.ignoreIndex)
            keys.push_back(scoreKey(scores(i, label)));
    }
    sortAscending(keys);
    return keys;
}

// The micro average's negatives straight from the matrix, sorted: every element of a counted
// row but its true class's (the positives are sortedTrueClassKeys). No flattened copy of the
// N x C scores in between (the window's memory budget).
std::vector<ScoreKey> sortedMicroNegatives(
    const RankingView& scores, const Predictions& predictions, std::size_t counted)
{
    std::vector<ScoreKey> negatives;
    negatives.reserve(counted * static_cast<std::size_t>(scores.cols() - 1));
    for (Index c = 0; c < scores.cols(); ++c) {
        for (Index i = 0; i < scores.rows(); ++i) {
            const std::int32_t label = predictions.labels[i];
            if (label != predictions.ignoreIndex && label != c)
                negatives.push_back(scoreKey(scores(i, c)));
        }
    }
    sortAscending(negatives);
    return negatives;
}

// The stored micro-average ROC curve. Computed before the classes, alone: its sort of
// N (C - 1) keys is the largest allocation of the report.
RocCurve microRocCurve(const RankingView& scores, const Predictions& predictions,
    const std::vector<ScoreKey>& microPositives, const RocOptions& options)
{
    std::vector<ScoreKey> negatives
        = sortedMicroNegatives(scores, predictions, microPositives.size());
    if (options.maxCurvePoints > 0)
        return thinRocCurveOf(microPositives, negatives, options.maxCurvePoints);
    RankedScores ranked;
    ranked.positives = microPositives;
    ranked.negatives = std::move(negatives);
    return rocCurveOf(ranked, options.dropIntermediate);
}

// Everything rocReport needs of class c against the rest, from one sort of its column's keys and
// one walk over them from the highest score down.
struct ClassSweep {
    RocStatistics statistics {0, 0};
    std::int64_t positives = 0;
    std::int64_t negatives = 0;
    // Hand & Till: twiceU[b] = 2 U(c | b), U(c | b) = sum over the rows of class b of
    // (#rows of class c scoring higher in column c + #tied / 2).
    std::vector<std::int64_t> twiceU;
    // The micro average's 2U restricted to this column's negative elements: per element
    // 2 (#micro positives scoring higher) + #tied.
    std::int64_t microTwiceU = 0;
    RankedScores ranked; // only when asked for (full curves and partial ranges need it)
    // Thinned curves (RocOptions::maxCurvePoints), built from the sorted keys when asked for.
    RocCurve roc;
    PrCurve pr;
};

// counted: the number of rows not ignored. microPositives: sortedTrueClassKeys, or nullptr when
// the micro average is not wanted.
ClassSweep sweepClass(const RankingView& scores, const Predictions& predictions,
    std::size_t counted, Index c, const std::vector<ScoreKey>* microPositives, bool keepRanked,
    std::size_t thinCurvesTo = 0)
{
    std::size_t positives = 0;
    const std::vector<KeyedLabel> keys
        = sortedColumnKeys(scores, predictions, counted, c, positives);
    const auto positiveLabel = static_cast<std::uint32_t>(c);

    ClassSweep sweep;
    sweep.positives = static_cast<std::int64_t>(positives);
    sweep.negatives = static_cast<std::int64_t>(keys.size() - positives);
    sweep.twiceU.assign(static_cast<std::size_t>(scores.cols()), 0);
    if (keepRanked) {
        sweep.ranked.positives.resize(positives);
        sweep.ranked.negatives.resize(keys.size() - positives);
    }
    // Locals, not members of sweep, so that the compiler keeps them in registers.
    RocStatistics statistics(sweep.positives, sweep.negatives);
    std::int64_t* twiceU = sweep.twiceU.data();
    std::int64_t microTwiceU = 0;
    std::size_t p = positives; // the ranked arrays are filled from their ends: both ascending
    std::size_t n = keys.size() - positives;
    std::size_t microAbove
        = microPositives ? microPositives->size() : 0; // [microAbove, end) > score
    std::int64_t above = 0;
    std::size_t end = keys.size();
    while (end > 0) {
        const ScoreKey score = keys[end - 1].key;
        // One pass over the tied group: its positives counted, its negatives credited with the
        // positives above; the tied positives are credited after, when there are any.
        std::int64_t tp = 0;
        std::size_t begin = end;
        for (; begin > 0 && keys[begin - 1].key == score; --begin) {
            const auto label = static_cast<std::uint32_t>(keys[begin - 1].label);
            if (label == positiveLabel)
                ++tp;
            else
                twiceU[label] += 2 * above;
        }
        const std::int64_t fp = static_cast<std::int64_t>(end - begin) - tp;
        if (tp > 0 && fp > 0)
            for (std::size_t k = begin; k < end; ++k)
                if (static_cast<std::uint32_t>(keys[k].label) != positiveLabel)
                    twiceU[keys[k].label] += tp;
        if (keepRanked) {
            for (std::int64_t k = 0; k < tp; ++k)
                sweep.ranked.positives[--p] = score;
            for (std::int64_t k = 0; k < fp; ++k)
                sweep.ranked.negatives[--n] = score;
        }
        if (microPositives && fp > 0) {
            const std::vector<ScoreKey>& all = *microPositives;
            while (microAbove > 0 && all[microAbove - 1] > score)
                --microAbove;
            std::size_t tiedFrom = microAbove;
            while (tiedFrom > 0 && all[tiedFrom - 1] == score)
                --tiedFrom;
            const auto higher = static_cast<std::int64_t>(all.size() - microAbove);
            const auto tied = static_cast<std::int64_t>(microAbove - tiedFrom);
            microTwiceU += fp * (2 * higher + tied);
            microAbove = tiedFrom;
        }
        statistics.addGroup(tp, fp);
        above += tp;
        end = begin;
    }
    sweep.statistics = statistics;
    if (thinCurvesTo > 0) {
        // The tied groups again, from the highest score down, for the thinned curves.
        auto walk = [&](auto&& visit) {
            std::size_t top = keys.size();
            while (top > 0) {
                const ScoreKey score = keys[top - 1].key;
                std::int64_t tp = 0;
                std::size_t bottom = top;
                for (; bottom > 0 && keys[bottom - 1].key == score; --bottom)
                    tp += static_cast<std::uint32_t>(keys[bottom - 1].label) == positiveLabel;
                visit(score, tp, static_cast<std::int64_t>(top - bottom) - tp);
                top = bottom;
            }
        };
        sweep.roc = thinRocCurve(walk, sweep.positives, sweep.negatives, thinCurvesTo);
        sweep.pr = thinPrCurve(walk, sweep.positives, thinCurvesTo);
    }
    sweep.microTwiceU = microTwiceU;
    return sweep;
}

// Hand & Till: mean over pairs a < b, both with rows, of (A(a | b) + A(b | a)) / 2, where
// A(a | b) = U(a | b) / (n_a n_b) ranks the rows of classes a and b by score column a.
double handTill(const std::vector<std::vector<std::int64_t>>& twiceU,
    const std::vector<std::int64_t>& rows, const Predictions& predictions,
    std::vector<std::string>* warnings)
{
    const std::size_t classes = rows.size();
    std::vector<std::string> empty;
    for (std::size_t a = 0; a < classes; ++a)
        if (rows[a] == 0)
            empty.push_back(className(predictions, static_cast<Index>(a)));
    if (!empty.empty() && warnings)
        warnings->push_back(
            "one-vs-one AUROC skips the pairs with the class(es) without rows " + joinNames(empty));
    double sum = 0.0;
    std::size_t pairs = 0;
    for (std::size_t a = 0; a < classes; ++a)
        for (std::size_t b = a + 1; b < classes; ++b) {
            if (rows[a] == 0 || rows[b] == 0)
                continue;
            const double both = 2.0 * static_cast<double>(rows[a]) * static_cast<double>(rows[b]);
            sum += (static_cast<double>(twiceU[a][b]) / both
                       + static_cast<double>(twiceU[b][a]) / both)
                / 2.0;
            ++pairs;
        }
    return pairs > 0 ? sum / static_cast<double>(pairs) : kNaN;
}

void fillClass(ClassRoc& entry, const RocStatistics& statistics, std::int64_t positives,
    std::int64_t negatives)
{
    entry.positives = positives;
    entry.negatives = negatives;
    entry.auroc = statistics.auroc();
    entry.ci = statistics.delong();
    entry.averagePrecision = statistics.averagePrecision();
}

void fillCurves(ClassRoc& entry, const RankedScores& ranked, const RocOptions& options)
{
    if (!options.withCurves)
        return;
    if (options.maxCurvePoints > 0) {
        entry.roc = thinRocCurveOf(ranked, options.maxCurvePoints);
        entry.pr = thinPrCurveOf(ranked, options.maxCurvePoints);
        return;
    }
    entry.roc = rocCurveOf(ranked, options.dropIntermediate);
    entry.pr = precisionRecallCurveOf(ranked);
}

// The stored curve is the one partialAuroc takes (drop_intermediate, not thinned).
bool storedCurveIsExact(const RocOptions& options)
{
    return options.withCurves && options.dropIntermediate && options.maxCurvePoints == 0;
}

// The area over options.fprRange; the curve's dropped points are collinear, so the stored
// curve gives the same area as the full one.
void fillPartialRange(ClassRoc& entry, const RankedScores& ranked, const RocOptions& options)
{
    entry.partialRange = {kNaN, kNaN};
    if (!options.fprRange)
        return;
    const FprRange range = *options.fprRange;
    // Every stored curve but a thinned one gives the exact area (dropped points are collinear).
    entry.partialRange = options.withCurves && options.maxCurvePoints == 0
        ? partialAurocRange(entry.roc, range.low, range.high)
        : partialAurocRange(rocCurveOf(ranked, true), range.low, range.high);
}

} // namespace

RocReport rocReport(const Predictions& predictions, const RocOptions& options)
{
    validatePredictions(predictions);
    if (!(options.maxFpr > 0.0 && options.maxFpr <= 1.0))
        throw std::invalid_argument(
            "max_fpr must be in (0, 1], got " + std::to_string(options.maxFpr));
    if (options.fprRange
        && !(options.fprRange->low >= 0.0 && options.fprRange->low < options.fprRange->high
            && options.fprRange->high <= 1.0))
        throw std::invalid_argument("the FPR range must satisfy 0 <= a < b <= 1, got ["
            + std::to_string(options.fprRange->low) + ", " + std::to_string(options.fprRange->high)
            + "]");
    // Thinned curves come straight from each class's sorted keys; full curves and partial
    // ranges need the ranked scores kept.
    const bool thinned = options.withCurves && options.maxCurvePoints > 0;
    const bool needRanked = (options.withCurves && !thinned) || options.fprRange.has_value();
    // Probabilities and a single logit column are ranked as given, without a copy.
    const bool softmax = predictions.kind == ScoreKind::Logits && predictions.classes() >= 2;
    const RankingView scores(predictions.scores, softmax, options.softmaxStorage);
    const Index classes = predictions.classes();

    RocReport report;
    report.binary = predictions.isBinary();
    report.classes.resize(static_cast<std::size_t>(classes));
    report.partial = kNaN;
    report.fprRange = options.fprRange;

    std::vector<std::vector<std::int64_t>> twiceU(static_cast<std::size_t>(classes));
    if (report.binary) {
        ClassRoc& entry = report.classes.front();
        entry.name = positiveClassName(predictions);
        const RankedScores ranked
            = rankColumn({predictions.scores.data(), static_cast<std::size_t>(scores.rows())},
                {predictions.labels.data(), static_cast<std::size_t>(predictions.labels.size())}, 1,
                predictions.ignoreIndex);
        fillClass(entry, rocStatisticsOf(ranked),
            static_cast<std::int64_t>(ranked.positives.size()),
            static_cast<std::int64_t>(ranked.negatives.size()));
        fillCurves(entry, ranked, options);
        fillPartialRange(entry, ranked, options);
        if (options.maxFpr == 1.0)
            report.partial = entry.auroc;
        else if (storedCurveIsExact(options))
            report.partial = partialAuroc(entry.roc, options.maxFpr);
        else
            report.partial = partialAuroc(rocCurveOf(ranked, true), options.maxFpr);
    } else {
        const std::vector<ScoreKey> microPositives = sortedTrueClassKeys(scores, predictions);
        std::vector<std::int64_t> microTwiceU(static_cast<std::size_t>(classes), 0);
        if (options.withCurves)
            report.microRoc = microRocCurve(scores, predictions, microPositives, options);
        // One task per class, all alike in size.
        parallel::forEach(static_cast<std::size_t>(classes), [&](std::size_t task) {
            const auto c = static_cast<Index>(task);
            ClassRoc& entry = report.classes[static_cast<std::size_t>(c)];
            entry.name = className(predictions, c);
            ClassSweep sweep = sweepClass(scores, predictions, microPositives.size(), c,
                &microPositives, needRanked, thinned ? options.maxCurvePoints : 0);
            fillClass(entry, sweep.statistics, sweep.positives, sweep.negatives);
            if (thinned) {
                entry.roc = std::move(sweep.roc);
                entry.pr = std::move(sweep.pr);
            } else {
                fillCurves(entry, sweep.ranked, options);
            }
            fillPartialRange(entry, sweep.ranked, options);
            twiceU[static_cast<std::size_t>(c)] = std::move(sweep.twiceU);
            microTwiceU[static_cast<std::size_t>(c)] = sweep.microTwiceU;
        });
        // micro = 2U / (2 m n) over the N x C elements: m = N positives, n = N (C - 1) negatives.
        const auto microPositiveCount = static_cast<double>(microPositives.size());
        const double microNegativeCount = microPositiveCount * static_cast<double>(classes - 1);
        std::int64_t microSum = 0;
        for (const std::int64_t part : microTwiceU)
            microSum += part;
        report.micro = microPositives.empty()
            ? kNaN
            : static_cast<double>(microSum) / (2.0 * microPositiveCount * microNegativeCount);
    }

    std::vector<double> aurocs;
    std::vector<double> aps;
    std::vector<double> ones;
    std::vector<double> positives;
    std::vector<std::string> undefinedAuroc;
    std::vector<std::string> undefinedAp;
    for (const ClassRoc& entry : report.classes) {
        aurocs.push_back(entry.auroc);
        aps.push_back(entry.averagePrecision);
        ones.push_back(1.0);
        positives.push_back(static_cast<double>(entry.positives));
        if (std::isnan(entry.auroc)) {
            undefinedAuroc.push_back(entry.name);
            report.warnings.push_back("class " + quoted(entry.name) + ": AUROC is undefined (no "
                + (entry.positives == 0 ? "positive" : "negative") + " rows)");
        } else if (std::isnan(entry.ci.se)) {
            report.warnings.push_back("class " + quoted(entry.name)
                + ": no DeLong interval (it needs at least 2 positive and 2 "
                  "negative rows)");
        }
        if (std::isnan(entry.averagePrecision))
            undefinedAp.push_back(entry.name);
    }
    report.macro = averageOfDefined(aurocs, ones);
    report.weighted = averageOfDefined(aurocs, positives);
    report.apMacro = averageOfDefined(aps, ones);
    if (!undefinedAuroc.empty() && !report.binary)
        report.warnings.push_back(
            "macro and weighted AUROC skip the undefined class(es) " + joinNames(undefinedAuroc));
    if (!undefinedAp.empty() && !report.binary)
        report.warnings.push_back("macro average precision skips the class(es) without positives "
            + joinNames(undefinedAp));

    if (report.binary) {
        report.micro = report.classes.front().auroc;
        // Hand & Till on two classes with scores s and 1 - s is the binary AUROC.
        report.ovo = report.classes.front().auroc;
    } else {
        std::vector<std::int64_t> rows;
        for (const ClassRoc& entry : report.classes)
            rows.push_back(entry.positives);
        report.ovo = handTill(twiceU, rows, predictions, &report.warnings);
    }
    return report;
}

double oneVsOneAuroc(
    const ScoreMatrix& scores, const Predictions& predictions, std::vector<std::string>* warnings)
{
    if (scores.rows() != predictions.labels.size())
        throw std::invalid_argument("scores and labels differ in length");
    if (predictions.isBinary()) {
        // Hand & Till on two classes with scores s and 1 - s is the binary AUROC.
        const BinaryProblem problem = oneVsRest(scores, predictions, 0);
        return auroc(problem.scores, problem.positive);
    }
    const auto classes = static_cast<std::size_t>(scores.cols());
    std::vector<std::vector<std::int64_t>> twiceU(classes);
    std::vector<std::int64_t> rows(classes);
    const auto counted = static_cast<std::size_t>(predictions.countedRows());
    const RankingView view(scores, false);
    parallel::forEach(classes, [&](std::size_t c) {
        ClassSweep sweep
            = sweepClass(view, predictions, counted, static_cast<Index>(c), nullptr, false);
        rows[c] = sweep.positives;
        twiceU[c] = std::move(sweep.twiceU);
    });
    return handTill(twiceU, rows, predictions, warnings);
}

} // namespace focalscope
