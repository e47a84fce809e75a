#pragma once

#include "data/predictions.h"

#include <Eigen/Core>

#include <vector>

namespace focalscope {

enum class LossMode { Softmax, Sigmoid };
enum class Reduction { Mean, Sum, WeightedMean, None };

// The alpha of the seed's focal loss. A scalar a gives class weights [a, 1-a, 1-a, ...]
// (class 0 is the background and gets a: the opposite of the paper's binary convention);
// a list gives one weight per class; None gives all ones.
// In sigmoid mode a scalar a weights positives by a and negatives by 1 - a (torchvision);
// None is torchvision's alpha < 0; a list gives column c the alpha a_c.
struct Alpha {
    enum class Mode { Scalar, PerClass, None };
    Mode mode = Mode::Scalar;
    double scalar = 0.25;
    std::vector<double> perClass;

    static Alpha fromScalar(double a) { return {Mode::Scalar, a, {}}; }
    static Alpha fromList(std::vector<double> weights)
    {
        return {Mode::PerClass, 0.0, std::move(weights)};
    }
    static Alpha none() { return {Mode::None, 0.0, {}}; }
};

// The names the CLI, the JSON and the settings use: "softmax" / "sigmoid" and "mean", "sum",
// "weighted-mean", "none".
constexpr const char* lossModeName(LossMode mode)
{
    return mode == LossMode::Softmax ? "softmax" : "sigmoid";
}

constexpr const char* reductionName(Reduction reduction)
{
    switch (reduction) {
    case Reduction::Mean:
        return "mean";
    case Reduction::Sum:
        return "sum";
    case Reduction::WeightedMean:
        return "weighted-mean";
    case Reduction::None:
        return "none";
    }
    return "mean";
}

struct FocalParams {
    LossMode mode = LossMode::Softmax;
    Alpha alpha;
    double gamma = 2.0;
    Reduction reduction = Reduction::Mean;
};

// The weight alpha_t that a row of each target gets: softmax mode, one per class; sigmoid mode
// on one score column, [weight of label 0, weight of label 1]; sigmoid mode on C columns, the
// weight of a positive element of each column. Throws std::invalid_argument when a list's
// length does not match.
// `classes` is the number of score columns. Softmax mode on one score column treats it as the
// logit (or probability) of class 1 against class 0, so it gets two weights. In sigmoid mode on
// one column a list of one weight a means [1 - a, a] and a list of two is taken as it is.
Eigen::VectorXd effectiveAlpha(const Alpha& alpha, LossMode mode, Index classes);

// The table that PtCache::alphaIndex points into: effectiveAlpha(), except in sigmoid mode on
// C >= 2 columns, where entries C .. 2C-1 hold the weight of a negative element of each column
// (1 - a_c, or 1 without alpha).
Eigen::VectorXd alphaTable(const Alpha& alpha, LossMode mode, Index classes);

// The rows of each Figure 4 group (background = label 0, foreground = every other counted label)
// in decreasing p_t. For one alpha per group (scalar alpha or none: the usual case) a row's loss
// increases along this order for every gamma, so the concentration curves (focal_views.h) need
// no sort when gamma or alpha changes. Empty for sigmoid mode on several columns, whose row
// losses are sums and follow no single p_t.
struct ConcentrationOrder {
    std::vector<std::int32_t> background;
    std::vector<std::int32_t> foreground;
};

// The entries of one ConcentrationOrder group in that order, so that the curves are cumulated
// from contiguous arrays: log p_t, log(1 - p_t) and the alphaTable() index of each row.
struct OrderedEntries {
    Eigen::ArrayXd logPt;
    Eigen::ArrayXd log1mPt;
    Eigen::ArrayXi alphaIndex;
};

// Everything about each row that does not depend on alpha or gamma, computed once per
// dataset and mode, so that a change of alpha or gamma is one vectorised pass.
struct PtCache {
    LossMode mode = LossMode::Softmax;
    ScoreKind kind = ScoreKind::Logits;
    Index rows = 0;
    Index classes = 0;
    // Softmax: one entry per row. Sigmoid: one entry per element (row i, column c at c*rows+i).
    Eigen::ArrayXd logPt; // log p_t, <= 0
    // Per entry, log(1 - p_t) computed without cancellation (-inf when p_t == 1), so that
    // (1 - p_t)^gamma is one exp per entry when gamma changes.
    Eigen::ArrayXd log1mPt;
    // Each row's p_t (sigmoid: of its target column, of the row for one column); NaN if ignored.
    Eigen::ArrayXd rowPt;
    // For each entry, the index into alphaTable() that weights it; -1 for ignored rows.
    Eigen::ArrayXi alphaIndex;
    LabelVector labels; // copy of the labels (ignore index kept)
    std::int32_t ignoreIndex = kDefaultIgnoreIndex;
    Index counted = 0; // rows whose label is not the ignore index
    // Entries per alphaTable() index: the first targets are the rows of each target class.
    std::vector<Index> alphaIndexCounts;
    ConcentrationOrder order; // concentrationOrder() of this cache
    OrderedEntries orderedBackground; // the entries of order.background, in that order
    OrderedEntries orderedForeground;
};

// Throws std::invalid_argument when the labels do not fit the scores (validatePredictions).
// Blocks of rows on all cores; the same values for any number of cores. Besides the per-entry
// arrays it holds the concentration order and its ordered entries (24 bytes per counted row).
PtCache computePtCache(const Predictions& predictions, LossMode mode);

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

// dl_i/dx_ij of each row's own loss (the gradient of the sum), N x C, zero rows for ignored
// labels. Finite everywhere: the p_t -> 1 limit is 0 also for 0 < gamma < 1.
// For probability input log p is taken as the logits (softmax mode; clamped at 1e-12) and
// log(p / (1 - p)) of the clamped p (sigmoid mode, and softmax mode on one column).
Eigen::MatrixXd focalLossGradient(const Predictions& predictions, const FocalParams& params);

} // namespace focalscope
