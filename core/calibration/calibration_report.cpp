#include "calibration/calibration_report.h"

#include "calibration/probabilities.h"
#include "calibration/proper_scores.h"
#include "loss/focal_loss.h"

#include <cstdint>

namespace focalscope {

namespace {

// Column c's predictions and one-vs-rest outcomes over the counted rows.
void classColumn(const ScoreMatrix& probabilities, const Predictions& predictions, Index c,
    std::vector<double>& predicted, std::vector<std::uint8_t>& outcome)
{
    const std::int32_t positive = predictions.isBinary() ? 1 : static_cast<std::int32_t>(c);
    predicted.clear();
    outcome.clear();
    for (Index i = 0; i < probabilities.rows(); ++i) {
        const std::int32_t label = predictions.labels[i];
        if (label == predictions.ignoreIndex)
            continue;
        predicted.push_back(probabilities(i, c));
        outcome.push_back(label == positive);
    }
}

} // namespace

ReliabilityCurve topLabelCurve(const ScoreMatrix& probabilities, const Predictions& predictions,
    int bins, BinStrategy strategy)
{
    std::vector<double> confidence;
    std::vector<std::uint8_t> correct;
    for (Index i = 0; i < probabilities.rows(); ++i) {
        const std::int32_t label = predictions.labels[i];
        if (label == predictions.ignoreIndex)
            continue;
        // argmax, the first column at the max (np.argmax); one column: [1 - p, p].
        Index best = 0;
        double top = 0.0;
        if (predictions.isBinary()) {
            const double p = probabilities(i, 0);
            best = p > 1.0 - p ? 1 : 0;
            top = best == 1 ? p : 1.0 - p;
        } else {
            top = probabilities(i, 0);
            for (Index c = 1; c < probabilities.cols(); ++c)
                if (probabilities(i, c) > top) {
                    top = probabilities(i, c);
                    best = c;
                }
        }
        confidence.push_back(top);
        correct.push_back(best == label);
    }
    return reliabilityCurve(confidence, correct, bins, strategy);
}

CalibrationReport calibrationReport(
    const Predictions& predictions, const CalibrationOptions& options, const FocalParams& focal)
{
    CalibrationReport report;
    report.mode = focal.mode;
    report.strategy = options.strategy;
    report.bins = options.bins;
    const bool elementwise = elementwiseProbabilities(focal.mode, predictions.classes());
    const ScoreMatrix p = calibrationProbabilities(predictions, focal.mode);
    std::vector<double> predicted;
    std::vector<std::uint8_t> outcome;
    for (Index c = 0; c < predictions.classes(); ++c) {
        classColumn(p, predictions, c, predicted, outcome);
        report.perClass.push_back(
            {predictions.isBinary() ? std::string("1") : className(predictions, c),
                reliabilityCurve(predicted, outcome, options.bins, options.strategy),
                classBrierScore(p, predictions, c)});
    }
    report.topLabel = topLabelCurve(p, predictions, options.bins, options.strategy);
    report.brier = brierScore(p, predictions);
    report.nll = negativeLogLikelihood(p, predictions, elementwise);
    if (!options.fitTemperature)
        return report;
    report.hasTemperature = true;
    TemperatureSummary& t = report.temperature;
    t.fit = fitTemperature(predictions, focal.mode);
    t.eceBefore = report.topLabel.ece;
    FocalParams reduced = focal;
    if (reduced.reduction == Reduction::None)
        reduced.reduction = Reduction::Mean;
    t.focalLossBefore = focalLoss(predictions, reduced, RowValues::Drop).value;
    if (!std::isfinite(t.fit.temperature)) {
        t.eceAfter = t.focalLossAfter = t.fit.temperature;
        return report;
    }
    const Predictions scaled = temperatureScaled(predictions, focal.mode, t.fit.temperature);
    t.eceAfter = topLabelCurve(
        calibrationProbabilities(scaled, focal.mode), predictions, options.bins, options.strategy)
                     .ece;
    t.focalLossAfter = focalLoss(scaled, reduced, RowValues::Drop).value;
    return report;
}

} // namespace focalscope
