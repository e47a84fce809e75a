#pragma once

#include "data/predictions.h"
#include "loss/focal_params.h"

namespace focalscope {

// The range T is searched in (log T in [log 0.01, log 100]).
inline constexpr double kMinTemperature = 0.01;
inline constexpr double kMaxTemperature = 100.0;

// Temperature scaling (Guo et al. 2017): the T > 0 that minimises the NLL of the scores divided
// by T. Logits: softmax(x / T) for C >= 2 in softmax mode, else sigmoid(x / T) per element.
// Probabilities (clipped to [eps, 1 - eps] as log_loss does): softmax(log p / T), or
// sigmoid(logit(p) / T) per element. The NLL is that of negativeLogLikelihood() (the mean over
// N x C elements when elementwise); ignored rows are left out.
struct TemperatureFit {
    double temperature = 1.0;
    double nllBefore = 0.0; // at T = 1
    double nllAfter = 0.0; // at the fitted T
    int evaluations = 0; // passes over the scores
    bool atBound = false; // T is kMinTemperature or kMaxTemperature (the optimum may be beyond)
};

// The objective: the NLL at temperature T, computed stably (log-sum-exp, softplus).
double temperatureNll(const Predictions& predictions, LossMode mode, double temperature);

// 1-D minimisation on log T: golden section on [log 0.01, log 100] to a bracket of width 0.05,
// then safeguarded Newton (bisection when a step leaves the bracket) until the Newton decrement
// F'^2 / 2F'' is <= 1e-12 (the NLL within ~1e-12 of its minimum; tolerance 1e-10) and the
// Newton step on log T is <= 1e-10.
// Each pass runs on all cores and sums in a fixed order: the same T whatever the thread count.
// NaN fields without counted rows.
TemperatureFit fitTemperature(const Predictions& predictions, LossMode mode);

// The predictions the fitted T gives, same rows, labels and names: logits divided by T (kind
// logits), or the scaled probabilities (kind probabilities). The file is never changed; this is
// the preview the window applies to every view.
Predictions temperatureScaled(const Predictions& predictions, LossMode mode, double temperature);

} // namespace focalscope
