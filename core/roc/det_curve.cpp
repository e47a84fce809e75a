#include "roc/det_curve.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace focalscope {

DetCurve detCurve(const RocCurve& roc)
{
    DetCurve det;
    const std::size_t n = roc.fps.size();
    if (roc.positives == 0 || roc.negatives == 0 || n < 2)
        return det;
    // Points 1 .. n-1 are scikit-learn's _binary_clf_curve (point 0 is the +inf threshold).
    // first: the last point with the top score's false positives; last: the first point with
    // every positive found (false negatives 0).
    std::size_t first = 1;
    while (first + 1 < n && roc.fps[first + 1] == roc.fps[1])
        ++first;
    std::size_t last = 1;
    while (last + 1 < n && roc.tps[last] != roc.positives)
        ++last;
    if (last < first)
        return det;
    const auto negatives = static_cast<double>(roc.negatives);
    const auto positives = static_cast<double>(roc.positives);
    const std::size_t count = last - first + 1;
    det.fpr.reserve(count);
    det.fnr.reserve(count);
    det.thresholds.reserve(count);
    det.rocIndex.reserve(count);
    // Reversed, as scikit-learn returns them: FPR decreasing.
    for (std::size_t k = last + 1; k-- > first;) {
        det.fpr.push_back(static_cast<double>(roc.fps[k]) / negatives);
        det.fnr.push_back(static_cast<double>(roc.positives - roc.tps[k]) / positives);
        det.thresholds.push_back(roc.thresholds[k]);
        det.rocIndex.push_back(k);
    }
    return det;
}

DetCurve detCurve(std::span<const double> scores, std::span<const std::uint8_t> positive)
{
    return detCurve(rocCurve(scores, positive, false));
}

double normalCdf(double x)
{
    return 0.5 * std::erfc(-x / std::numbers::sqrt2);
}

double probit(double p)
{
    if (std::isnan(p) || p < 0.0 || p > 1.0)
        return std::numeric_limits<double>::quiet_NaN();
    if (p == 0.0)
        return -std::numeric_limits<double>::infinity();
    if (p == 1.0)
        return std::numeric_limits<double>::infinity();

    // Acklam's rational approximation (relative error 1.15e-9).
    static constexpr double a[]
        = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
        -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01};
    static constexpr double c[]
        = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    static constexpr double d[] = {
        7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
    constexpr double low = 0.02425;

    auto tail = [&](double q) { // q = sqrt(-2 log(tail probability))
        return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
            / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
    };
    double x = 0.0;
    if (p < low) {
        x = tail(std::sqrt(-2.0 * std::log(p)));
    } else if (p <= 1.0 - low) {
        const double q = p - 0.5;
        const double r = q * q;
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0);
    } else {
        x = -tail(std::sqrt(-2.0 * std::log1p(-p)));
    }

    // One Halley step on Phi(x) - p, with Phi from erfc (accurate in both tails):
    // e = Phi(x) - p, u = e sqrt(2 pi) exp(x^2 / 2), x <- x - u / (1 + x u / 2).
    // In the upper half e = (1 - p) - Phi(-x): 1 - p is exact there and Phi(-x) is small.
    const double e = x <= 0.0 ? 0.5 * std::erfc(-x / std::numbers::sqrt2) - p
                              : (1.0 - p) - 0.5 * std::erfc(x / std::numbers::sqrt2);
    const double u = e * std::sqrt(2.0 * std::numbers::pi) * std::exp(0.5 * x * x);
    return x - u / (1.0 + 0.5 * x * u);
}

} // namespace focalscope
