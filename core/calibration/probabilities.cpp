#include "calibration/probabilities.h"

#include "roc/binary_problem.h"

namespace focalscope {

ScoreMatrix calibrationProbabilities(const Predictions& predictions, LossMode mode)
{
    if (predictions.kind == ScoreKind::Probabilities)
        return predictions.scores;
    if (!elementwiseProbabilities(mode, predictions.classes()))
        return rankingScores(predictions);
    return predictions.scores.unaryExpr([](double x) { return sigmoid(x); });
}

} // namespace focalscope
