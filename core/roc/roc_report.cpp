#include "roc/roc_report.h"

#include "roc/binary_problem.h"
#include "roc/ranked_scores.h"

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

// The positive class of a binary task is named by the second of two names, else the column's.
std::string positiveClassName(const Predictions& predictions)
{
    if (predictions.classNames.size() == 2)
        return predictions.classNames[1];
    return className(predictions, 0);
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

// Class c against the rest from one sort of (score in column c, label) keys: the ranked scores
// of the one-vs-rest problem and, for Hand & Till, twiceU[b] = 2 U(c | b) for every class b,
// U(c | b) = sum over the rows of class b of (#rows of class c scoring higher + #tied / 2).
struct ClassSweep {
    RankedScores ranked;
    std::vector<std::int64_t> twiceU;
};

ClassSweep sweepClass(const ScoreMatrix& scores, const Predictions& predictions, Index c)
{
    const auto classes = static_cast<std::uint32_t>(scores.cols());
    const auto positiveLabel = static_cast<std::uint32_t>(c);
    std::vector<std::uint64_t> keys;
    keys.reserve(static_cast<std::size_t>(scores.rows()));
    const float* column = scores.col(c).data();
    std::size_t positives = 0;
    for (Index i = 0; i < scores.rows(); ++i) {
        const std::int32_t label = predictions.labels[i];
        if (label == predictions.ignoreIndex)
            continue;
        if (label < 0 || static_cast<std::uint32_t>(label) >= classes)
            throw std::invalid_argument("row " + std::to_string(i) + ": label "
                + std::to_string(label) + " has no score column");
        keys.push_back(
            std::uint64_t {scoreKey(column[i])} << 32 | static_cast<std::uint32_t>(label));
        positives += static_cast<std::uint32_t>(label) == positiveLabel;
    }
    sortAscending(keys);

    ClassSweep sweep;
    sweep.ranked.positives.resize(positives);
    sweep.ranked.negatives.resize(keys.size() - positives);
    // From the highest score down: the split into positives and negatives (filled from their
    // ends, so both stay ascending) and, per group of tied scores, 2 U(c | b).
    std::size_t p = positives;
    std::size_t n = keys.size() - positives;
    sweep.twiceU.assign(classes, 0);
    std::int64_t above = 0;
    std::size_t end = keys.size();
    while (end > 0) {
        const std::uint64_t score = keys[end - 1] >> 32;
        std::size_t begin = end - 1;
        while (begin > 0 && keys[begin - 1] >> 32 == score)
            --begin;
        std::int64_t tied = 0;
        for (std::size_t k = begin; k < end; ++k)
            tied += static_cast<std::uint32_t>(keys[k]) == positiveLabel;
        for (std::size_t k = begin; k < end; ++k) {
            const auto label = static_cast<std::uint32_t>(keys[k]);
            if (label == positiveLabel) {
                sweep.ranked.positives[--p] = static_cast<std::uint32_t>(score);
            } else {
                sweep.ranked.negatives[--n] = static_cast<std::uint32_t>(score);
                sweep.twiceU[label] += 2 * above + tied;
            }
        }
        above += tied;
        end = begin;
    }
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

} // namespace

RocReport rocReport(const Predictions& predictions, const RocOptions& options)
{
    validatePredictions(predictions);
    if (!(options.maxFpr > 0.0 && options.maxFpr <= 1.0))
        throw std::invalid_argument(
            "max_fpr must be in (0, 1], got " + std::to_string(options.maxFpr));
    const ScoreMatrix scores = rankingScores(predictions);
    const Index classes = predictions.classes();

    RocReport report;
    report.binary = predictions.isBinary();
    report.classes.resize(static_cast<std::size_t>(classes));
    report.partial = kNaN;

    std::vector<std::vector<std::int64_t>> twiceU(static_cast<std::size_t>(classes));
    // Task 0 of a multiclass task is the micro average (the largest sort), then one per class.
    const std::size_t firstClassTask = report.binary ? 0 : 1;
    parallelFor(firstClassTask + static_cast<std::size_t>(classes), [&](std::size_t task) {
        if (task < firstClassTask) {
            const BinaryProblem micro = microAverage(scores, predictions);
            const RankedScores ranked = rankScores(micro.scores, micro.positive);
            report.micro = aurocOf(ranked);
            if (options.withCurves)
                report.microRoc = rocCurveOf(ranked, options.dropIntermediate);
            return;
        }
        const auto c = static_cast<Index>(task - firstClassTask);
        ClassRoc& entry = report.classes[static_cast<std::size_t>(c)];
        entry.name = report.binary ? positiveClassName(predictions) : className(predictions, c);
        RankedScores ranked;
        if (report.binary) {
            const BinaryProblem problem = oneVsRest(scores, predictions, c);
            ranked = rankScores(problem.scores, problem.positive);
        } else {
            ClassSweep sweep = sweepClass(scores, predictions, c);
            ranked = std::move(sweep.ranked);
            twiceU[static_cast<std::size_t>(c)] = std::move(sweep.twiceU);
        }
        entry.positives = static_cast<std::int64_t>(ranked.positives.size());
        entry.negatives = static_cast<std::int64_t>(ranked.negatives.size());
        entry.ci = delongIntervalOf(ranked);
        entry.auroc = std::isnan(entry.ci.auc) ? aurocOf(ranked) : entry.ci.auc;
        entry.averagePrecision = averagePrecisionOf(ranked);
        if (options.withCurves) {
            entry.roc = rocCurveOf(ranked, options.dropIntermediate);
            entry.pr = precisionRecallCurveOf(ranked);
        }
        if (report.binary) {
            if (options.maxFpr == 1.0)
                report.partial = entry.auroc;
            else if (options.withCurves && options.dropIntermediate)
                report.partial = partialAuroc(entry.roc, options.maxFpr);
            else
                report.partial = partialAuroc(rocCurveOf(ranked, true), options.maxFpr);
        }
    });

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
    parallelFor(classes, [&](std::size_t c) {
        ClassSweep sweep = sweepClass(scores, predictions, static_cast<Index>(c));
        rows[c] = static_cast<std::int64_t>(sweep.ranked.positives.size());
        twiceU[c] = std::move(sweep.twiceU);
    });
    return handTill(twiceU, rows, predictions, warnings);
}

} // namespace focalscope
