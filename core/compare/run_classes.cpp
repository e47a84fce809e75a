#include "compare/run_classes.h"

#include <stdexcept>

namespace focalscope {

namespace {

std::string runName(std::span<const std::string> names, std::size_t k)
{
    return k < names.size() ? names[k] : "run " + std::to_string(k + 1);
}

std::string columnCount(Index columns)
{
    return std::to_string(columns) + (columns == 1 ? " score column" : " score columns");
}

std::string joined(const std::vector<std::string>& names)
{
    std::string out;
    for (const std::string& name : names)
        out += (out.empty() ? "" : ", ") + name;
    return out;
}

} // namespace

void checkSameClasses(std::span<const Predictions* const> runs, std::span<const std::string> names)
{
    if (runs.empty())
        return;
    const Predictions& first = *runs[0];
    for (std::size_t k = 1; k < runs.size(); ++k) {
        const Predictions& run = *runs[k];
        if (run.classes() != first.classes())
            throw std::invalid_argument(runName(names, k) + " has " + columnCount(run.classes())
                + ", " + runName(names, 0) + " " + columnCount(first.classes())
                + ": runs must have the same classes");
        if (first.isBinary())
            continue;
        const std::vector<std::string> expected = targetClassNames(first);
        const std::vector<std::string> actual = targetClassNames(run);
        if (actual != expected)
            throw std::invalid_argument(runName(names, k) + " has the classes " + joined(actual)
                + ", " + runName(names, 0) + " " + joined(expected)
                + ": runs must have the same classes in the same order");
    }
}

std::vector<TargetClass> comparedClasses(const Predictions& predictions)
{
    if (predictions.isBinary())
        return {TargetClass {1, 0, positiveClassName(predictions)}};
    std::vector<TargetClass> classes;
    for (Index c = 0; c < predictions.classes(); ++c)
        classes.push_back(TargetClass {static_cast<int>(c), c, className(predictions, c)});
    return classes;
}

bool ranksSoftmax(const Predictions& predictions)
{
    return predictions.kind == ScoreKind::Logits && predictions.classes() >= 2;
}

ClassColumn classColumn(
    const Predictions& predictions, const RankingView& ranking, const TargetClass& target)
{
    const Index counted = predictions.countedRows();
    ClassColumn out;
    out.scores.reserve(static_cast<std::size_t>(counted));
    out.positive.reserve(static_cast<std::size_t>(counted));
    for (Index i = 0; i < predictions.rows(); ++i) {
        const std::int32_t label = predictions.labels[i];
        if (label == predictions.ignoreIndex)
            continue;
        out.scores.push_back(ranking(i, target.column));
        out.positive.push_back(label == target.index ? 1 : 0);
    }
    return out;
}

} // namespace focalscope
