#pragma once

#include "data/predictions.h"

#include <array>
#include <span>
#include <vector>

namespace focalscope {

// The betas of Cui et al. 2019 ("Class-Balanced Loss Based on Effective Number of Samples")
// offered as alpha suggestions.
inline constexpr std::array<double, 3> kEffectiveNumberBetas {0.99, 0.999, 0.9999};

// Rows per target class (targetClasses entries), ignored rows left out.
std::vector<Index> classCounts(
    const LabelVector& labels, Index targetClasses, std::int32_t ignoreIndex);

// Both suggestions are normalised to mean 1 over the classes that have rows; a class without
// rows gets 1 (its weight never multiplies a row). All ones when no class has rows.

// w_c = 1 / n_c, normalised to mean 1.
std::vector<double> inverseFrequencyWeights(std::span<const Index> counts);

// w_c = (1 - beta) / (1 - beta^n_c), the inverse of the effective number of samples,
// normalised to mean 1. beta in [0, 1).
std::vector<double> effectiveNumberWeights(std::span<const Index> counts, double beta);

} // namespace focalscope
