#pragma once

#include "data/predictions.h"
#include "loss/focal_params.h"

#include <Eigen/Core>

#include <cstdint>
#include <vector>

namespace focalscope {

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

} // namespace focalscope
