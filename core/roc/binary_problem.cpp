#include "roc/binary_problem.h"

#include "parallel/parallel.h"
#include "roc/ranked_scores.h"
#include "roc/ranking_view.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

namespace focalscope {

// p_c = exp(x_c - max x) / sum_k exp(x_k - max x), per row in double.
ScoreMatrix rankingScores(const Predictions& predictions)
{
    const ScoreMatrix& x = predictions.scores;
    if (predictions.kind == ScoreKind::Probabilities || x.cols() < 2)
        return x;
    return softmaxRows(x);
}

ScoreMatrix softmaxRows(const ScoreMatrix& x)
{
    const Index rows = x.rows();
    const Index classes = x.cols();
    ScoreMatrix p(rows, classes);
    // Rows are independent: blocks of rows on every core.
    constexpr Index kBlock = 16384;
    parallel::forEach(
        static_cast<std::size_t>((rows + kBlock - 1) / kBlock), [&](std::size_t block) {
            const Index end = std::min(rows, static_cast<Index>(block + 1) * kBlock);
            for (Index i = static_cast<Index>(block) * kBlock; i < end; ++i) {
                const SoftmaxRow row = softmaxRow(x, i);
                for (Index c = 0; c < classes; ++c)
                    p(i, c) = std::exp(x(i, c) - row.max) / row.sum;
            }
        });
    return p;
}

BinaryProblem oneVsRest(const ScoreMatrix& scores, const Predictions& predictions, Index c)
{
    if (c < 0 || c >= scores.cols() || (predictions.isBinary() && c != 0))
        throw std::out_of_range("class " + std::to_string(c) + " has no score column");
    if (scores.rows() != predictions.labels.size())
        throw std::invalid_argument("scores and labels differ in length");
    const std::int32_t positiveLabel = predictions.isBinary() ? 1 : static_cast<std::int32_t>(c);
    const Index counted = predictions.countedRows();
    BinaryProblem problem;
    problem.scores.resize(static_cast<std::size_t>(counted));
    problem.positive.resize(static_cast<std::size_t>(counted));
    const double* column = scores.col(c).data();
    std::size_t k = 0;
    for (Index i = 0; i < scores.rows(); ++i) {
        const std::int32_t label = predictions.labels[i];
        if (label == predictions.ignoreIndex)
            continue;
        problem.scores[k] = column[i];
        problem.positive[k] = label == positiveLabel;
        ++k;
    }
    return problem;
}

BinaryProblem microAverage(const ScoreMatrix& scores, const Predictions& predictions)
{
    if (predictions.isBinary())
        return oneVsRest(scores, predictions, 0);
    if (scores.rows() != predictions.labels.size())
        throw std::invalid_argument("scores and labels differ in length");
    const Index counted = predictions.countedRows();
    const std::size_t total = static_cast<std::size_t>(counted * scores.cols());
    BinaryProblem problem;
    problem.scores.resize(total);
    problem.positive.resize(total);
    std::size_t k = 0;
    for (Index c = 0; c < scores.cols(); ++c) {
        const double* column = scores.col(c).data();
        for (Index i = 0; i < scores.rows(); ++i) {
            const std::int32_t label = predictions.labels[i];
            if (label == predictions.ignoreIndex)
                continue;
            problem.scores[k] = column[i];
            problem.positive[k] = label == c;
            ++k;
        }
    }
    return problem;
}

} // namespace focalscope
