#include "data/predictions.h"

#include <stdexcept>

namespace focalscope {

Index Predictions::countedRows() const
{
    return (labels.array() != ignoreIndex).count();
}

std::string className(const Predictions& predictions, Index c)
{
    if (c >= 0 && c < static_cast<Index>(predictions.classNames.size()))
        return predictions.classNames[static_cast<std::size_t>(c)];
    return std::to_string(c);
}

std::vector<std::string> defaultClassNames(Index classes)
{
    std::vector<std::string> names;
    names.reserve(static_cast<std::size_t>(classes));
    for (Index c = 0; c < classes; ++c)
        names.push_back(std::to_string(c));
    return names;
}

void validatePredictions(const Predictions& predictions)
{
    if (predictions.labels.size() != predictions.rows())
        throw std::invalid_argument("scores have " + std::to_string(predictions.rows())
            + " rows but there are " + std::to_string(predictions.labels.size()) + " labels");
    if (predictions.classes() < 1)
        throw std::invalid_argument("scores have no class column");
    const Index targets = predictions.targetClasses();
    for (Index i = 0; i < predictions.labels.size(); ++i) {
        const std::int32_t label = predictions.labels[i];
        if (label == predictions.ignoreIndex)
            continue;
        if (label < 0 || label >= targets)
            throw std::invalid_argument("row " + std::to_string(i) + ": label "
                + std::to_string(label) + " is outside [0, " + std::to_string(targets)
                + ") and is not the ignore index " + std::to_string(predictions.ignoreIndex));
    }
}

void dropRows(ScoreMatrix& scores, LabelVector& labels, const std::vector<Index>& rows)
{
    if (rows.empty())
        return;
    const Index n = scores.rows();
    const Index kept = n - static_cast<Index>(rows.size());
    const bool withLabels = labels.size() > 0;
    ScoreMatrix keptScores(kept, scores.cols());
    LabelVector keptLabels(withLabels ? kept : 0);
    Index out = 0;
    std::size_t next = 0;
    for (Index r = 0; r < n; ++r) {
        if (next < rows.size() && rows[next] == r) {
            ++next;
            continue;
        }
        keptScores.row(out) = scores.row(r);
        if (withLabels)
            keptLabels[out] = labels[r];
        ++out;
    }
    scores = std::move(keptScores);
    labels = std::move(keptLabels);
}

} // namespace focalscope
