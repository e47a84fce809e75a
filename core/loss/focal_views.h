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
struct ConcentrationCurve {
    std::vector<double> fraction; // 0 .. 1, first point 0
    std::vector<double> cumulative; // 0 .. 1, first point 0
    Index rows = 0;
};
struct LossConcentration {
    ConcentrationCurve background;
    ConcentrationCurve foreground;
};
// A group whose total loss is 0 has a curve that stays at 0; a group without rows has the
// single point (0, 0).
LossConcentration lossConcentration(
    const FocalLossResult& loss, const LabelVector& labels, std::int32_t ignoreIndex);

// The rows of each Figure 4 group in decreasing p_t, computed once per cache. For one alpha
// per group (scalar alpha or none: the usual case) a row's loss increases along this order for
// every gamma, so the curve needs no sort when gamma or alpha changes. Empty for sigmoid mode
// on several columns, whose row losses are sums and follow no single p_t.
struct ConcentrationOrder {
    std::vector<std::int32_t> background;
    std::vector<std::int32_t> foreground;
};
ConcentrationOrder concentrationOrder(const PtCache& cache);
// The same curves as above, from the losses of the cache the order was made from: taken in
// the order when they are sorted there, else sorted.
LossConcentration lossConcentration(const FocalLossResult& loss, const LabelVector& labels,
    std::int32_t ignoreIndex, const ConcentrationOrder& order);

struct ClassLoss {
    Index samples = 0;
    double mean = 0.0; // NaN without samples
    double share = 0.0; // of the total loss; NaN when the total is 0
};
// One entry per target class (2 for a binary task).
std::vector<ClassLoss> lossPerClass(const FocalLossResult& loss, const LabelVector& labels,
    Index targetClasses, std::int32_t ignoreIndex);

// The share of the total loss that comes from well-classified rows (p_t > 0.5).
double easyShare(const FocalLossResult& loss);

} // namespace focalscope
