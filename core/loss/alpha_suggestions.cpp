#include "loss/alpha_suggestions.h"

#include <cmath>
#include <stdexcept>

namespace focalscope {

namespace {

// Scales the weights of classes with rows to mean 1 and gives the others 1.
std::vector<double> normalisedToMeanOne(std::span<const Index> counts, std::vector<double> raw)
{
    double sum = 0.0;
    Index present = 0;
    for (std::size_t c = 0; c < counts.size(); ++c) {
        if (counts[c] > 0) {
            sum += raw[c];
            ++present;
        }
    }
    for (std::size_t c = 0; c < counts.size(); ++c)
        raw[c] = counts[c] > 0 ? raw[c] * static_cast<double>(present) / sum : 1.0;
    return raw;
}

} // namespace

std::vector<Index> classCounts(
    const LabelVector& labels, Index targetClasses, std::int32_t ignoreIndex)
{
    std::vector<Index> counts(static_cast<std::size_t>(targetClasses), 0);
    for (Index i = 0; i < labels.size(); ++i) {
        const std::int32_t label = labels[i];
        if (label != ignoreIndex && label >= 0 && label < targetClasses)
            ++counts[static_cast<std::size_t>(label)];
    }
    return counts;
}

std::vector<double> inverseFrequencyWeights(std::span<const Index> counts)
{
    std::vector<double> raw(counts.size(), 0.0);
    for (std::size_t c = 0; c < counts.size(); ++c)
        raw[c] = counts[c] > 0 ? 1.0 / static_cast<double>(counts[c]) : 0.0;
    return normalisedToMeanOne(counts, std::move(raw));
}

std::vector<double> effectiveNumberWeights(std::span<const Index> counts, double beta)
{
    if (!(beta >= 0.0 && beta < 1.0))
        throw std::invalid_argument("beta must be in [0, 1)");
    std::vector<double> raw(counts.size(), 0.0);
    for (std::size_t c = 0; c < counts.size(); ++c) {
        if (counts[c] == 0)
            continue;
        // 1 - beta^n = -expm1(n log beta), exact also for beta close to 1.
        const double n = static_cast<double>(counts[c]);
        const double oneMinusBetaN = beta == 0.0 ? 1.0 : -std::expm1(n * std::log(beta));
        raw[c] = (1.0 - beta) / oneMinusBetaN;
    }
    return normalisedToMeanOne(counts, std::move(raw));
}

} // namespace focalscope
