#pragma once

#include "roc/ranked_scores.h"

#include <cstdint>
#include <functional>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace focalscope {

inline constexpr int kDefaultBootstrapReplicates = 2000;
inline constexpr std::uint64_t kDefaultBootstrapSeed = 0;
inline constexpr int kDefaultBandPoints = 101;

// Stratified bootstrap (pROC's default): each replicate draws P of the P positives and N of the N
// negatives with replacement. Replicate r of stream s draws from replicateGenerator(seed, s, r)
// and the replicates run on core's pool: the same results for a seed whatever the thread count.
struct BootstrapOptions {
    int replicates = kDefaultBootstrapReplicates;
    std::uint64_t seed = kDefaultBootstrapSeed;
    double level = 0.95; // of the percentile intervals
    // A pointwise ROC band: TPR quantiles at bandPoints FPRs evenly spaced on [0, 1] (0 for none).
    int bandPoints = 0;
};

// The method as it is printed on plots and in JSON.
inline constexpr const char* kBootstrapMethod = "stratified percentile";

// Called between batches of replicates with the fraction done; returning false cancels.
using BootstrapProgress = std::function<bool(double)>;

struct PercentileInterval {
    double lower = std::numeric_limits<double>::quiet_NaN();
    double upper = std::numeric_limits<double>::quiet_NaN();
};

// The (1 - level) / 2 and (1 + level) / 2 quantiles, linear between order statistics (R's type 7,
// NumPy's default, as pROC's quantile()). NaN for no values.
PercentileInterval percentileInterval(std::vector<double> values, double level);

// Pointwise (vertical) band: at each fpr, the interval of the replicates' TPR there, and the TPR
// of the full sample.
struct RocBand {
    std::vector<double> fpr;
    std::vector<double> tpr;
    std::vector<double> tprLower;
    std::vector<double> tprUpper;
};

struct BootstrapResult {
    int replicates = 0;
    std::uint64_t seed = 0;
    double level = 0.95;
    bool cancelled = false; // the progress callback said stop: no intervals
    double auroc = 0.0; // of the full sample
    double averagePrecision = 0.0;
    PercentileInterval aurocCi;
    PercentileInterval averagePrecisionCi;
    std::vector<double> aurocReplicates; // in replicate order
    std::vector<double> averagePrecisionReplicates;
    RocBand band; // empty unless options.bandPoints > 0
};

// The bootstrap of one binary problem's ranked scores, without a sort per replicate: O(P + N) per
// replicate (multinomial weights, then WeightedRanking). Undefined (NaN intervals, no
// replicates) without positives or negatives. Throws std::invalid_argument for replicates < 1 or
// a level outside (0, 1).
BootstrapResult bootstrapRanked(const RankedScores& ranked, const BootstrapOptions& options,
    std::uint64_t stream = 0, const BootstrapProgress& progress = {});

// The same from scores and truths (ranked once).
BootstrapResult bootstrapAuroc(std::span<const double> scores,
    std::span<const std::uint8_t> positive, const BootstrapOptions& options,
    const BootstrapProgress& progress = {});

// The paired delta AUROC(scores1) - AUROC(scores2) of two score columns on the same rows: each
// replicate resamples rows (stratified) once and weighs both columns with it.
struct PairedBootstrap {
    double delta = 0.0;
    PercentileInterval ci;
    std::vector<double> deltas; // per replicate
    bool cancelled = false;
};
PairedBootstrap bootstrapPairedDelta(std::span<const double> scores1,
    std::span<const double> scores2, std::span<const std::uint8_t> positive,
    const BootstrapOptions& options, const BootstrapProgress& progress = {});

} // namespace focalscope
