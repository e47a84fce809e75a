#pragma once

#include "data/predictions.h"

#include <cstdint>
#include <vector>

namespace focalscope {

// C x C counts of a multiclass task's argmax predictions: rows the true class, columns the
// predicted one (scikit-learn's confusion_matrix).
struct ConfusionMatrix {
    Index classes = 0;
    std::vector<std::int64_t> counts; // row-major: counts[t * classes + p]

    std::int64_t at(Index trueClass, Index predicted) const
    {
        return counts[static_cast<std::size_t>(trueClass * classes + predicted)];
    }
    // The rows whose label is trueClass.
    std::int64_t rowTotal(Index trueClass) const;
    // at(t, p) / rowTotal(t): the share of class t's rows predicted as p (scikit-learn's
    // normalize="true"); NaN for a class without rows (scikit-learn writes 0).
    double rowNormalised(Index trueClass, Index predicted) const;
};

// The argmax of each counted row's scores as the file holds them (softmax keeps the order of
// logits), the first of equal maxima as numpy.argmax; rows with the ignore index are left out.
// Throws std::invalid_argument for a binary task (one score column: its confusion matrix is an
// operating point's) or a label without a score column.
ConfusionMatrix argmaxConfusionMatrix(const Predictions& predictions);

} // namespace focalscope
