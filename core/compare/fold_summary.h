#pragma once

#include "data/predictions.h"

#include <limits>
#include <span>
#include <string>
#include <vector>

namespace focalscope {

// Runs marked as folds (or seeds) of one model, each on its own rows, summarised per target
// class (binary: the positive class; multiclass: every class, one-vs-rest, scores ranked as
// rocReport ranks them).

// The vertical average (Fawcett 2006) at 201 FPR points 0, 0.005, ..., 1. Each fold's TPR at
// FPR x is read off its full ROC curve (scikit-learn's roc_curve, drop_intermediate=False) by
// linear interpolation between its points, taking the highest TPR where the curve is vertical
// at x: exactly NumPy's np.interp(x, fpr, tpr) on that curve. tprSd uses n - 1 (NaN for one
// fold); tprLo / tprHi are the 2.5 / 97.5 percentiles across folds with NumPy's default
// (linear) interpolation.
struct VerticalAverage {
    std::vector<double> fpr, tprMean, tprSd, tprLo, tprHi;
};

// Threshold averaging (Fawcett 2006, algorithm 5): at each threshold t every fold's point
// (FPR, TPR) of "score >= t", averaged. The thresholds are +inf (the point (0, 0)) followed by
// up to 200 of the distinct pooled scores, descending, evenly spaced by rank:
// the distinct scores s_0 > ... > s_{K-1} give s_round(k (K - 1) / 199), k = 0..199, duplicates
// dropped. Sd with n - 1.
struct ThresholdAverage {
    std::vector<double> threshold, fprMean, tprMean, fprSd, tprSd;
};

struct FoldClassSummary {
    static constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
    int targetClass = 0; // binary: 1
    std::string className;
    std::vector<double> aurocs; // per fold, NaN where a fold lacks positives or negatives
    double aurocMean = NaN, aurocSd = NaN; // over the defined folds, sd with n - 1
    // Every fold's rows pooled into one problem: its AUROC and its curve (drop_intermediate).
    double pooledAuroc = NaN;
    std::vector<double> pooledFpr, pooledTpr;
    VerticalAverage vertical; // folds with an undefined AUROC left out
    ThresholdAverage thresholdAveraged;
};

// Throws std::invalid_argument when the folds' classes differ (checkSameClasses) or there
// are none.
std::vector<FoldClassSummary> foldSummary(std::span<const Predictions* const> folds);

} // namespace focalscope
