#pragma once

#include "data/predictions.h"
#include "roc/ranking_view.h"

#include <span>
#include <string>
#include <vector>

namespace focalscope {

// Throws std::invalid_argument unless every run has run 0's classes: the same number of score
// columns and, for a multiclass task, the same class names in the same order. Binary runs
// only need to be binary: their single column's header names a score as often as a class.
// names (optional) names each run in the message, else "run 1", "run 2", ...
void checkSameClasses(
    std::span<const Predictions* const> runs, std::span<const std::string> names = {});

// The target classes runs are compared on: binary, the positive class (index 1) only;
// multiclass, every class.
struct TargetClass {
    int index = 0; // target class index (binary: 1)
    Index column = 0; // its score column (binary: 0)
    std::string name; // positiveClassName() / className(), as the ROC report names it
};
std::vector<TargetClass> comparedClasses(const Predictions& predictions);

// Whether rocReport ranks the softmax of each row rather than the scores as given: logits of
// C >= 2 classes.
bool ranksSoftmax(const Predictions& predictions);

// Class `target`'s ranking scores (`ranking` is RankingView(predictions.scores,
// ranksSoftmax(predictions), ...)) and positives (label == target.index, or 1 for a binary
// task) of the rows not ignored, in row order.
struct ClassColumn {
    std::vector<double> scores;
    std::vector<std::uint8_t> positive;
};
ClassColumn classColumn(
    const Predictions& predictions, const RankingView& ranking, const TargetClass& target);

} // namespace focalscope
