#pragma once

#include "data/predictions.h"

#include <cstdint>
#include <vector>

namespace focalscope {

// One score and one truth per sample: what every binary curve and AUROC is computed from.
struct BinaryProblem {
    std::vector<double> scores;
    std::vector<std::uint8_t> positive; // 1 for a positive sample, 0 for a negative one
};

// The scores ROC analysis ranks: probabilities as given; for logits with C >= 2, the softmax
// (as torchmetrics does); for one logit column, the logits (ranking is unchanged).
ScoreMatrix rankingScores(const Predictions& predictions);
// softmax of each row of x (softmaxRow's operations, ranking_view.h), on every core.
ScoreMatrix softmaxRows(const ScoreMatrix& x);

// Class c against the rest (score column c, positive = label == c); ignored rows dropped.
// For a binary task c must be 0: column 0 against label 1.
BinaryProblem oneVsRest(const ScoreMatrix& scores, const Predictions& predictions, Index c);
// Every (row, class) element against its one-hot target, ignored rows dropped.
BinaryProblem microAverage(const ScoreMatrix& scores, const Predictions& predictions);

} // namespace focalscope
