#include "data/predictions.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <stdexcept>
#include <string_view>

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

std::string positiveClassName(const Predictions& predictions)
{
    static constexpr std::array<std::string_view, 23> kGeneric {"score", "scores", "prob", "probs",
        "proba", "probability", "probabilities", "pred", "preds", "prediction", "predictions",
        "y_score", "y_scores", "y_pred", "y_prob", "y_proba", "logit", "logits", "output",
        "outputs", "p", "0", "1"};
    if (predictions.classNames.empty())
        return "positive";
    // Two names (an .npz's class_names of a binary task): negative, positive.
    const std::string& name = predictions.classNames.size() == 2 ? predictions.classNames[1]
                                                                 : predictions.classNames.front();
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(),
        [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower.empty() || std::find(kGeneric.begin(), kGeneric.end(), lower) != kGeneric.end())
        return "positive";
    return name;
}

std::vector<std::string> targetClassNames(const Predictions& predictions)
{
    if (predictions.isBinary())
        return {"negative", positiveClassName(predictions)};
    std::vector<std::string> names;
    for (Index c = 0; c < predictions.classes(); ++c)
        names.push_back(className(predictions, c));
    return names;
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
