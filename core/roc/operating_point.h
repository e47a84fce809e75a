#pragma once

#include "roc/pr_curve.h"
#include "roc/roc_curve.h"

#include <cstddef>
#include <cstdint>
#include <optional>

namespace focalscope {

// The confusion matrix and rates of one point of a ROC curve: predicting positive when
// score >= threshold. Counts come from the curve's exact integers.
struct OperatingPoint {
    double threshold = 0.0;
    std::int64_t tp = 0;
    std::int64_t fp = 0;
    std::int64_t fn = 0;
    std::int64_t tn = 0;
    double tpr = 0.0; // = recall; NaN without positives
    double fpr = 0.0; // NaN without negatives
    double precision = 0.0; // NaN when nothing is predicted positive
    double recall = 0.0;
    double f1 = 0.0; // NaN when precision or recall is
    double mcc = 0.0; // NaN when a row or column of the matrix is empty (scikit-learn gives 0)
    double balancedAccuracy = 0.0; // (TPR + TNR) / 2; NaN without positives or negatives
    double specificity = 0.0; // TNR = TN / (TN + FP); NaN without negatives
    double npv = 0.0; // TN / (TN + FN); NaN when nothing is predicted negative
};

// The point with these exact counts at threshold (predicted positive: score >= threshold),
// every rate filled in.
OperatingPoint operatingPointFromCounts(double threshold, std::int64_t tp, std::int64_t fp,
    std::int64_t positives, std::int64_t negatives);

// Point `index` of the curve; throws std::out_of_range past its end.
OperatingPoint operatingPointAt(const RocCurve& curve, std::size_t index);

// Point `index` of a precision-recall curve (not its last point, which has no threshold), the
// counts recovered from the rates: tp = recall P, fp = tp (1 - precision) / precision. nullopt
// past the thresholds or where no predicted positive is a true one (tp = 0 leaves fp unknown).
std::optional<OperatingPoint> operatingPointFromPr(
    const PrCurve& curve, std::size_t index, std::int64_t positives, std::int64_t negatives);

} // namespace focalscope
