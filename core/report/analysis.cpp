#include "report/analysis.h"

#include <cmath>
#include <sstream>
#include <stdexcept>

namespace focalscope {

namespace {

void validateParameters(const Predictions& predictions, const AnalysisOptions& options)
{
    const FocalParams& loss = options.loss;
    if (!std::isfinite(loss.gamma) || loss.gamma < 0.0)
        throw std::invalid_argument(
            "gamma must be a finite number >= 0, got " + std::to_string(loss.gamma));
    if (loss.alpha.mode == Alpha::Mode::Scalar
        && !(loss.alpha.scalar >= 0.0 && loss.alpha.scalar <= 1.0))
        throw std::invalid_argument(
            "a scalar alpha must be in [0, 1], got " + std::to_string(loss.alpha.scalar));
    if (loss.alpha.mode == Alpha::Mode::PerClass) {
        for (double a : loss.alpha.perClass)
            if (!std::isfinite(a) || a < 0.0)
                throw std::invalid_argument("per-class alpha weights must be finite and >= 0");
    }
    // Throws for a list whose length does not fit.
    effectiveAlpha(loss.alpha, loss.mode, predictions.classes());
    if (!(options.roc.maxFpr > 0.0 && options.roc.maxFpr <= 1.0))
        throw std::invalid_argument(
            "max FPR must be in (0, 1], got " + std::to_string(options.roc.maxFpr));
}

} // namespace

LossMode defaultLossMode(const Predictions& predictions)
{
    return predictions.isBinary() ? LossMode::Sigmoid : LossMode::Softmax;
}

LossAnalysis analyzeLoss(const PtCache& cache, const FocalParams& params, Index targetClasses)
{
    LossAnalysis analysis;
    analysis.params = params;
    analysis.alpha = effectiveAlpha(params.alpha, params.mode, cache.classes);
    analysis.loss = focalLoss(cache, params);
    const LossTotals& totals = analysis.loss.totals;
    analysis.perClass = static_cast<Index>(totals.classSums.size()) == targetClasses
        ? lossPerClass(totals)
        : lossPerClass(analysis.loss, cache.labels, targetClasses, cache.ignoreIndex);
    analysis.concentration = lossConcentration(cache, params, analysis.loss);
    analysis.easyShare = easyShare(totals);
    return analysis;
}

LossAnalysis summarizeLoss(const Predictions& predictions, const FocalParams& params)
{
    LossAnalysis analysis;
    analysis.params = params;
    analysis.alpha = effectiveAlpha(params.alpha, params.mode, predictions.classes());
    analysis.loss = focalLoss(predictions, params, RowValues::Drop);
    const LossTotals& totals = analysis.loss.totals;
    analysis.perClass = lossPerClass(totals);
    analysis.easyShare = easyShare(totals);
    Index foreground = 0;
    for (std::size_t c = 1; c < totals.classSamples.size(); ++c)
        foreground += totals.classSamples[c];
    analysis.concentration.background.rows
        = totals.classSamples.empty() ? 0 : totals.classSamples[0];
    analysis.concentration.foreground.rows = foreground;
    return analysis;
}

Analysis analyze(const Predictions& predictions, const AnalysisOptions& options)
{
    validateParameters(predictions, options);
    Analysis analysis;
    if (options.perRowViews) {
        const PtCache cache = computePtCache(predictions, options.loss.mode);
        analysis.loss = analyzeLoss(cache, options.loss, predictions.targetClasses());
    } else {
        analysis.loss = summarizeLoss(predictions, options.loss);
    }
    analysis.roc = rocReport(predictions, options.roc);
    analysis.warnings = analysis.roc.warnings;
    for (std::string& note : parameterNotes(predictions, options.loss))
        analysis.warnings.push_back(std::move(note));
    if (!options.operatingRules.empty()) {
        std::vector<std::string> names;
        for (const ClassRoc& c : analysis.roc.classes)
            names.push_back(c.name);
        analysis.operatingPoints
            = classOperatingPoints(predictions, names, options.operatingRules, analysis.warnings);
    }
    if (!predictions.isBinary())
        analysis.confusionMatrix = argmaxConfusionMatrix(predictions);
    return analysis;
}

std::vector<std::string> parameterNotes(const Predictions& predictions, const FocalParams& params)
{
    std::vector<std::string> notes;
    if (params.mode == LossMode::Softmax && params.alpha.mode == Alpha::Mode::Scalar
        && predictions.classes() > 2) {
        std::ostringstream note;
        note << "scalar alpha " << params.alpha.scalar << " weights class 0 ("
             << className(predictions, 0) << ") by " << params.alpha.scalar
             << " and every other class by " << 1.0 - params.alpha.scalar
             << "; give one weight per class to weight the " << predictions.classes()
             << " classes individually";
        notes.push_back(note.str());
    }
    return notes;
}

} // namespace focalscope
