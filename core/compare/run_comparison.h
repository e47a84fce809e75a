#pragma once

#include "data/predictions.h"
#include "roc/ranking_view.h"

#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace focalscope {

// One comparison of two runs on one target class: the paired DeLong test (pROC's roc.test,
// method "delong", paired) when the runs hold the same rows, else the unpaired one,
// D = (A_a - A_b) / sqrt(V_a + V_b) with each run's DeLong variance (unpairedDelongTest).
struct RunComparison {
    static constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
    int a = 0, b = 0; // indices into the runs
    int targetClass = 0; // target class index (binary: 1, the positive class)
    std::string className; // targetClassNames()/positiveClassName() as the ROC report names it
    bool paired = false;
    double aucA = NaN, aucB = NaN, delta = NaN; // delta = aucA - aucB
    // 95% CI of delta (paired: pROC's, delta -+ z975 SE(delta) with the DeLong covariance;
    // unpaired: delta -+ z975 sqrt(Va + Vb)); not clipped.
    double ciLower = NaN, ciUpper = NaN;
    // Paired: z and p two-sided from the normal distribution. Unpaired: z is pROC's D and p
    // two-sided from Student's t with df degrees of freedom (Welch-Satterthwaite, as pROC).
    double z = NaN, p = NaN, pHolm = NaN;
    double df = NaN; // unpaired only
    // Why an unpaired comparison is unpaired when the runs' rows differ (RunPairing::reason,
    // runs named by their index as "run A", "run B", ...: runLetterName); empty when paired or
    // when CompareOptions::unpaired asked for it.
    std::string reason;
    // The bootstrap percentile interval of delta (addBootstrapDeltas; paired only), else NaN.
    double bootstrapLower = NaN, bootstrapUpper = NaN;
    int bootstrapReplicates = 0;
    std::uint64_t bootstrapSeed = 0;
};

struct CompareOptions {
    bool unpaired = false; // force unpaired
    // Softmax scores of logits kept as a matrix per run (fastest) or as each row's max and sum
    // (16 bytes per row: the window's choice). Values never depend on it.
    SoftmaxStorage softmaxStorage = SoftmaxStorage::Matrix;
};

// Every pair (i < j) x every target class (binary: the positive class only), in that order
// (pair-major), Holm over all of them (holmAdjust; undefined p left out). Undefined numbers
// (a run with fewer than 2 positives or 2 negatives of a class) are NaN.
// Throws std::invalid_argument with a clear message if the runs' classes differ (count or
// names; checkSameClasses).
// Scores are ranked exactly as rocReport ranks them (softmax of the logits of each row for a
// multiclass task).
std::vector<RunComparison> compareRuns(
    std::span<const Predictions* const> runs, const CompareOptions& options);

// Sets every comparison's pHolm: holmAdjust over all of their p.
void applyHolm(std::vector<RunComparison>& comparisons);

} // namespace focalscope
