#pragma once

#include "data/predictions.h"
#include "loss/alpha_table.h"
#include "loss/focal_gradient.h"
#include "loss/focal_params.h"
#include "loss/pt_cache.h"

#include <Eigen/Core>

#include <vector>

namespace focalscope {

// What the views need of a pass (focal_views.h: lossPerClass, easyShare), summed on the way so
// that no per-row array is needed for them. Rows count by their label; in sigmoid mode a row's
// loss is the sum over its elements, as in FocalLossResult::perRow.
struct LossTotals {
    std::vector<Index> classSamples; // per target class (2 for a binary task)
    std::vector<double> classSums; // the loss of each target class's rows
    double total = 0.0; // the loss of every counted row
    double easy = 0.0; // the loss of rows with p_t > 0.5
};

struct FocalLossResult {
    // The loss reduced as asked; for Reduction::None, the mean (the per-row values are below).
    double value = 0.0;
    // Each row's loss (sigmoid: the sum over its elements); 0 for ignored rows.
    Eigen::ArrayXd perRow;
    // Each row's p_t (sigmoid: of its target column, of the row for one column); NaN if ignored.
    Eigen::ArrayXd pt;
    Index counted = 0; // rows in the reduction
    double alphaSum = 0.0; // sum of alpha_t over the reduced entries (weighted-mean divisor)
    LossTotals totals; // filled by every focalLoss()
};

// Whether focalLoss() keeps each row's loss and p_t (perRow and pt) or only what is reduced
// (value, counted, alphaSum, totals): then a pass over the scores holds no per-row array.
enum class RowValues { Keep, Drop };

// Throws std::invalid_argument when gamma is negative or not finite, when an alpha list does
// not fit, when params.mode differs from the cache's mode, or when the cache was not made by
// computePtCache() (its alphaIndexCounts do not fit).
// Both stream over blocks of rows on all cores and sum in a fixed order: the values do not depend
// on the number of cores or on timing. From the predictions, the log-softmax (or the sigmoid
// terms) is computed on the way, block by block, without a PtCache.
FocalLossResult focalLoss(const PtCache& cache, const FocalParams& params);
FocalLossResult focalLoss(const Predictions& predictions, const FocalParams& params);
FocalLossResult focalLoss(
    const Predictions& predictions, const FocalParams& params, RowValues rows);

// Sigmoid mode, reduction none, as torchvision returns it: N x C, zero rows for ignored labels.
Eigen::ArrayXXd sigmoidFocalLossElements(const Predictions& predictions, const FocalParams& params);

} // namespace focalscope
