#include "roc/operating_point.h"

#include "platform/uint128.h"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace focalscope {

namespace {

// Fills the rates of a point whose four counts are set.
void completeRates(OperatingPoint& p)
{
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    const std::int64_t positives = p.tp + p.fn;
    const std::int64_t negatives = p.fp + p.tn;
    p.tpr = positives > 0 ? static_cast<double>(p.tp) / static_cast<double>(positives) : nan;
    p.fpr = negatives > 0 ? static_cast<double>(p.fp) / static_cast<double>(negatives) : nan;
    p.recall = p.tpr;
    const std::int64_t predictedPositive = p.tp + p.fp;
    p.precision = predictedPositive > 0
        ? static_cast<double>(p.tp) / static_cast<double>(predictedPositive)
        : nan;
    // F1 = 2 P R / (P + R) = 2 TP / (2 TP + FP + FN).
    const std::int64_t f1Denominator = 2 * p.tp + p.fp + p.fn;
    p.f1 = (predictedPositive > 0 && positives > 0 && f1Denominator > 0)
        ? 2.0 * static_cast<double>(p.tp) / static_cast<double>(f1Denominator)
        : nan;
    p.specificity
        = negatives > 0 ? static_cast<double>(p.tn) / static_cast<double>(negatives) : nan;
    p.balancedAccuracy = (p.tpr + p.specificity) / 2.0;
    const std::int64_t predictedNegative = p.tn + p.fn;
    p.npv = predictedNegative > 0
        ? static_cast<double>(p.tn) / static_cast<double>(predictedNegative)
        : nan;
    // MCC = (TP TN - FP FN) / sqrt((TP + FP) (TP + FN) (TN + FP) (TN + FN)), the numerator exact.
    const Int128 numerator = static_cast<Int128>(p.tp) * p.tn - static_cast<Int128>(p.fp) * p.fn;
    const double denominator
        = std::sqrt(static_cast<double>(predictedPositive) * static_cast<double>(positives))
        * std::sqrt(static_cast<double>(negatives) * static_cast<double>(predictedNegative));
    p.mcc = denominator > 0.0 ? static_cast<double>(numerator) / denominator : nan;
}

} // namespace

std::optional<OperatingPoint> operatingPointFromPr(
    const PrCurve& curve, std::size_t index, std::int64_t positives, std::int64_t negatives)
{
    if (index >= curve.thresholds.size() || index >= curve.precision.size()
        || index >= curve.recall.size() || positives <= 0)
        return std::nullopt;
    const double precision = curve.precision[index];
    const auto tp = static_cast<std::int64_t>(std::llround(curve.recall[index] * positives));
    if (tp <= 0 || !(precision > 0.0))
        return std::nullopt;
    const auto fp = static_cast<std::int64_t>(
        std::llround(static_cast<double>(tp) * (1.0 - precision) / precision));
    OperatingPoint p;
    p.threshold = curve.thresholds[index];
    p.tp = tp;
    p.fp = fp;
    p.fn = positives - tp;
    p.tn = negatives - fp;
    completeRates(p);
    return p;
}

OperatingPoint operatingPointFromCounts(double threshold, std::int64_t tp, std::int64_t fp,
    std::int64_t positives, std::int64_t negatives)
{
    OperatingPoint p;
    p.threshold = threshold;
    p.tp = tp;
    p.fp = fp;
    p.fn = positives - tp;
    p.tn = negatives - fp;
    completeRates(p);
    return p;
}

OperatingPoint operatingPointAt(const RocCurve& curve, std::size_t index)
{
    if (index >= curve.thresholds.size() || index >= curve.tps.size() || index >= curve.fps.size())
        throw std::out_of_range("operating point index past the curve's end");
    OperatingPoint p;
    p.threshold = curve.thresholds[index];
    p.tp = curve.tps[index];
    p.fp = curve.fps[index];
    p.fn = curve.positives - p.tp;
    p.tn = curve.negatives - p.fp;
    completeRates(p);
    return p;
}

} // namespace focalscope
