#pragma once

#include "data/predictions.h"
#include "loss/focal_params.h"

#include <Eigen/Core>

namespace focalscope {

// dl_i/dx_ij of each row's own loss (the gradient of the sum), N x C, zero rows for ignored
// labels. Finite everywhere: the p_t -> 1 limit is 0 also for 0 < gamma < 1.
// For probability input log p is taken as the logits (softmax mode; clamped at 1e-12) and
// log(p / (1 - p)) of the clamped p (sigmoid mode, and softmax mode on one column).
Eigen::MatrixXd focalLossGradient(const Predictions& predictions, const FocalParams& params);

} // namespace focalscope
