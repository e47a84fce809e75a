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
        {
            const BinaryProblem problem = oneVsRest(scores, predictions, c);
            ranked = rankScores(problem.scores, problem.positive);
        }
        entry.positives = static_cast<std::int64_t>(ranked.positives.size());
        entry.negatives = static_cast<std::int64_t>(ranked.negatives.size());
        entry.auroc = aurocOf(ranked);
        entry.ci = delongIntervalOf(ranked);
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
        report.ovo = oneVsOneAuroc(scores, predictions, &report.warnings);
    }
    return report;
}

// Hand & Till: mean over pairs a < b of (A(a | b) + A(b | a)) / 2, where A(a | b) ranks the rows
// of classes a and b by score column a with class a positive.
double oneVsOneAuroc(
    const ScoreMatrix& scores, const Predictions& predictions, std::vector<std::string>* warnings)
{
    if (scores.rows() != predictions.labels.size())
        throw std::invalid_argument("scores and labels differ in length");
    if (predictions.isBinary()) {
        const BinaryProblem problem = oneVsRest(scores, predictions, 0);
        return auroc(problem.scores, problem.positive);
    }
    const Index classes = scores.cols();
    std::vector<std::vector<Index>> rowsOf(static_cast<std::size_t>(classes));
    for (Index i = 0; i < predictions.labels.size(); ++i) {
        const std::int32_t label = predictions.labels[i];
        if (label != predictions.ignoreIndex && label >= 0 && label < classes)
            rowsOf[static_cast<std::size_t>(label)].push_back(i);
    }
    std::vector<std::pair<Index, Index>> pairs;
    std::vector<std::string> empty;
    for (Index a = 0; a < classes; ++a) {
        if (rowsOf[static_cast<std::size_t>(a)].empty()) {
            empty.push_back(className(predictions, a));
            continue;
        }
        for (Index b = a + 1; b < classes; ++b)
            if (!rowsOf[static_cast<std::size_t>(b)].empty())
                pairs.emplace_back(a, b);
    }
    if (!empty.empty() && warnings)
        warnings->push_back(
            "one-vs-one AUROC skips the pairs with the class(es) without rows " + joinNames(empty));
    if (pairs.empty())
        return kNaN;

    std::vector<double> pairValues(pairs.size());
    parallelFor(pairs.size(), [&](std::size_t k) {
        const auto [a, b] = pairs[k];
        const std::vector<Index>& rowsA = rowsOf[static_cast<std::size_t>(a)];
        const std::vector<Index>& rowsB = rowsOf[static_cast<std::size_t>(b)];
        std::vector<float> scoreA;
        std::vector<float> scoreB;
        std::vector<std::uint8_t> isA;
        scoreA.reserve(rowsA.size() + rowsB.size());
        scoreB.reserve(rowsA.size() + rowsB.size());
        isA.reserve(rowsA.size() + rowsB.size());
        for (const Index i : rowsA) {
            scoreA.push_back(scores(i, a));
            scoreB.push_back(scores(i, b));
            isA.push_back(1);
        }
        for (const Index i : rowsB) {
            scoreA.push_back(scores(i, a));
            scoreB.push_back(scores(i, b));
            isA.push_back(0);
        }
        const double aGivenB = auroc(scoreA, isA);
        for (std::uint8_t& flag : isA)
            flag = !flag;
        const double bGivenA = auroc(scoreB, isA);
        pairValues[k] = (aGivenB + bGivenA) / 2.0;
    });
    double sum = 0.0;
    for (const double value : pairValues)
        sum += value;
    return sum / static_cast<double>(pairs.size());
}

} // namespace focalscope
