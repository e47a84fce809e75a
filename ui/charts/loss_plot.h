#pragma once

#include "loss/focal_loss.h"
#include "plot/plot_spec.h"

namespace focalscope {

// PlotSeries::id values of the loss-vs-p_t chart.
inline constexpr int kCurrentLossSeriesId = 0;
inline constexpr int kGradientSeriesId = 1;
inline constexpr int kReferenceGammaSeriesId = 10; // + index into kReferenceGammas

// Figure 1 of Lin et al. 2017: the loss l(p_t) = -alpha (1 - p_t)^gamma log p_t for the
// current (alpha, gamma) (thick, named "current: α = 0.25, γ = 2", or with the class whose
// weight alpha is, "current: α = 0.75 (class dog), γ = 2") and, thin, the reference gammas
// 0, 0.5, 1, 2, 5 with the same alpha (named "γ = 0", ...), on x = p_t 0..1 (core's ptSamples,
// log-spaced near 0). y runs over the paper's 0..5 whatever alpha (the curves leave the top,
// -log p_t -> inf at 0), or with scaleToAlpha from 0 to 5 alpha rounded up to 1, 2, 2.5 or 5
// times a power of ten. With showGradient, |dl/dx_t| of the current curve on the right axis.
struct LossPlotOptions {
    bool showGradient = false;
    QString className; // whose weight alpha is; empty: not said
    bool scaleToAlpha = false;
};
PlotSpec lossPlot(double alpha, double gamma, const LossPlotOptions& options = {});

// The alpha_t the loss-vs-p_t curve is drawn with, the same in the window and the CLI: the
// weight of a row of target class `target` (by default class 1, label 1 of a binary task: the
// foreground rows focal loss is tuned for) — with the seed's scalar alpha a that is a for
// class 0 and 1 - a for every other class, with torchvision's sigmoid a. 1 when alpha is none;
// class 0's weight for a one-class softmax.
double lossCurveAlpha(const FocalParams& params, Index classes, Index target = 1);

} // namespace focalscope
