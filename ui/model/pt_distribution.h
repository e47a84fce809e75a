#pragma once

#include "data/predictions.h"

#include <Eigen/Core>

#include <vector>

namespace focalscope {

// Histogram of p_t per target class: which rows are easy (p_t near 1) and which are hard.
// p_t does not depend on alpha or gamma, so it is computed once per p_t cache.
struct PtDistribution {
    int bins = 0;                               // equal bins over [0, 1]
    std::vector<std::vector<Index>> counts;     // [class][bin]
    std::vector<Index> rows;                    // rows per class
    std::vector<std::vector<double>> fraction;  // counts / rows (0 without rows)

    double binWidth() const { return bins > 0 ? 1.0 / bins : 0.0; }
    double binCentre(int bin) const { return (bin + 0.5) * binWidth(); }
};

// pt: one value per row, NaN for ignored rows (FocalLossResult::pt).
PtDistribution ptDistribution(const Eigen::ArrayXd& pt, const LabelVector& labels,
                              Index targetClasses, std::int32_t ignoreIndex, int bins = 40);

}  // namespace focalscope
