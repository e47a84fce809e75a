#include "views/operating_point.h"

#include <limits>
#include <stdexcept>

namespace focalscope {

OperatingPoint operatingPointAt(const RocCurve& curve, std::size_t index)
{
    if (index >= curve.thresholds.size() || index >= curve.tps.size() || index >= curve.fps.size())
        throw std::out_of_range("operating point index past the curve's end");
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    OperatingPoint p;
    p.threshold = curve.thresholds[index];
    p.tp = curve.tps[index];
    p.fp = curve.fps[index];
    p.fn = curve.positives - p.tp;
    p.tn = curve.negatives - p.fp;
    p.tpr = curve.positives > 0 ? static_cast<double>(p.tp) / static_cast<double>(curve.positives)
                                : nan;
    p.fpr = curve.negatives > 0 ? static_cast<double>(p.fp) / static_cast<double>(curve.negatives)
                                : nan;
    p.recall = p.tpr;
    const std::int64_t predictedPositive = p.tp + p.fp;
    p.precision = predictedPositive > 0
        ? static_cast<double>(p.tp) / static_cast<double>(predictedPositive)
        : nan;
    // F1 = 2 P R / (P + R) = 2 TP / (2 TP + FP + FN).
    const std::int64_t f1Denominator = 2 * p.tp + p.fp + p.fn;
    p.f1 = (predictedPositive > 0 && curve.positives > 0 && f1Denominator > 0)
        ? 2.0 * static_cast<double>(p.tp) / static_cast<double>(f1Denominator)
        : nan;
    return p;
}

} // namespace focalscope
