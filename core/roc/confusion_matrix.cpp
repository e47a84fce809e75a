#include "roc/confusion_matrix.h"

#include <limits>
#include <stdexcept>
#include <string>

namespace focalscope {

std::int64_t ConfusionMatrix::rowTotal(Index trueClass) const
{
    std::int64_t total = 0;
    for (Index p = 0; p < classes; ++p)
        total += at(trueClass, p);
    return total;
}

double ConfusionMatrix::rowNormalised(Index trueClass, Index predicted) const
{
    const std::int64_t total = rowTotal(trueClass);
    return total > 0 ? static_cast<double>(at(trueClass, predicted)) / static_cast<double>(total)
                     : std::numeric_limits<double>::quiet_NaN();
}

ConfusionMatrix argmaxConfusionMatrix(const Predictions& predictions)
{
    const ScoreMatrix& x = predictions.scores;
    const Index classes = x.cols();
    if (predictions.isBinary() || classes < 2)
        throw std::invalid_argument("an argmax confusion matrix needs two or more score columns");
    if (x.rows() != predictions.labels.size())
        throw std::invalid_argument("scores and labels differ in length");
    ConfusionMatrix matrix;
    matrix.classes = classes;
    matrix.counts.assign(static_cast<std::size_t>(classes * classes), 0);
    for (Index i = 0; i < x.rows(); ++i) {
        const std::int32_t label = predictions.labels[i];
        if (label == predictions.ignoreIndex)
            continue;
        if (label < 0 || label >= classes)
            throw std::invalid_argument("row " + std::to_string(i) + ": label "
                + std::to_string(label) + " has no score column");
        Index predicted = 0;
        double best = x(i, 0);
        for (Index c = 1; c < classes; ++c)
            if (x(i, c) > best) { // strictly greater: the first maximum wins
                best = x(i, c);
                predicted = c;
            }
        ++matrix.counts[static_cast<std::size_t>(label * classes + predicted)];
    }
    return matrix;
}

} // namespace focalscope
