#pragma once

#include "loss/focal_loss.h"

#include <array>
#include <vector>

namespace focalscope {

// The gammas of Figure 1 of Lin et al. 2017, drawn beside the current curve.
inline constexpr std::array<double, 5> kReferenceGammas {0.0, 0.5, 1.0, 2.0, 5.0};

struct Curve {
    std::vector<double> x;
    std::vector<double> y;
};

// p_t values in (0, 1]: log-spaced near 0, then evenly spaced, increasing, ending at 1.
std::vector<double> ptSamples(int count = 400);

// l(p_t) = -alpha (1 - p_t)^gamma log p_t, with 0^0 = 1.
double focalLossAt(double pt, double alpha, double gamma);
// |dl/dx_t| of the softmax form at p_t: alpha |gamma (1-p_t)^(gamma-1) p_t log p_t - (1-p_t)^gamma|
// (1 - p_t).
double focalGradientAt(double pt, double alpha, double gamma);

Curve lossVsPt(double alpha, double gamma, int count = 400);
Curve gradientVsPt(double alpha, double gamma, int count = 400);

// Figure 4: rows' losses sorted ascending and normalised to sum 1, cumulated against the
// fraction of rows. Background = label 0, foreground = every other non-ignored label.
// In sigmoid mode a row's loss is the sum over its elements and its p_t is that of its target
// column (of its one column for a binary task), as in FocalLossResult; the same holds for
// lossPerClass() and easyShare().
// A curve of n rows has the n + 1 points k = 0 .. n (fraction k / n, the sum of the k smallest
// losses over the total) when n + 1 <= maxPoints; else it keeps maxPoints of them, evenly spaced
// in k (k_j = floor(j n / (maxPoints - 1))), always the first and the last, each exact. The
// curve is monotone and convex, so these points draw it faithfully: a chart needs no more.
struct ConcentrationCurve {
    std::vector<double> fraction; // 0 .. 1, first point 0
    std::vector<double> cumulative; // 0 .. 1, first point 0
    Index rows = 0;
};
struct LossConcentration {
    ConcentrationCurve background;
    ConcentrationCurve foreground;
};
// The points a curve keeps by default; 0 as maxPoints keeps all n + 1.
inline constexpr std::size_t kConcentrationPoints = 2049;
// A group whose total loss is 0 has a curve that stays at 0; a group without rows has the
// single point (0, 0).
LossConcentration lossConcentration(const FocalLossResult& loss, const LabelVector& labels,
    std::int32_t ignoreIndex, std::size_t maxPoints = kConcentrationPoints);

// The rows of each group in decreasing p_t (ConcentrationOrder, focal_loss.h); computePtCache()
// stores it in the cache, so this is only needed for a cache built otherwise.
ConcentrationOrder concentrationOrder(const PtCache& cache);
// The same curves as above, from the losses of the cache the order was made from: taken in
// the order when they increase along it (to rounding: at most 1e-12 relative below the one
// before), else sorted. The two groups are cumulated on two cores.
LossConcentration lossConcentration(const FocalLossResult& loss, const LabelVector& labels,
    std::int32_t ignoreIndex, const ConcentrationOrder& order,
    std::size_t maxPoints = kConcentrationPoints);

// The curves analyzeLoss() shows, from a cache made by computePtCache() and the loss of `params`
// on it: the losses of the cache's OrderedEntries are recomputed group by group in order (the
// same values as loss.perRow), contiguous, without a gather or a sort when the order sorts them
// (one alpha per group); else loss.perRow is sorted. The two groups run on two cores.
LossConcentration lossConcentration(const PtCache& cache, const FocalParams& params,
    const FocalLossResult& loss, std::size_t maxPoints = kConcentrationPoints);

struct ClassLoss {
    Index samples = 0;
    double mean = 0.0; // NaN without samples
    double share = 0.0; // of the total loss; NaN when the total is 0
};
// One entry per target class (2 for a binary task).
std::vector<ClassLoss> lossPerClass(const FocalLossResult& loss, const LabelVector& labels,
    Index targetClasses, std::int32_t ignoreIndex);

// The same from the totals of a pass (FocalLossResult::totals), without per-row values.
std::vector<ClassLoss> lossPerClass(const LossTotals& totals);

// The share of the total loss that comes from well-classified rows (p_t > 0.5).
double easyShare(const FocalLossResult& loss);
double easyShare(const LossTotals& totals);

} // namespace focalscope
