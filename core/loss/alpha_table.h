#pragma once

#include "data/predictions.h"
#include "loss/focal_params.h"

#include <Eigen/Core>

#include <cstdint>

namespace focalscope {

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

// The index into alphaTable() of element (row label, column c).
inline int alphaIndexOf(LossMode mode, Index classes, std::int32_t label, Index c)
{
    if (mode == LossMode::Sigmoid && classes >= 2)
        return label == c ? static_cast<int>(c) : static_cast<int>(classes + c);
    return label;
}

} // namespace focalscope
