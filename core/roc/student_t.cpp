#include "roc/student_t.h"

#include <cmath>
#include <limits>

namespace focalscope {

namespace {

// The continued fraction of I_x(a, b) (converges fast for x < (a + 1) / (a + b + 2)).
double betaContinuedFraction(double a, double b, double x)
{
    constexpr double kTiny = 1e-300;
    constexpr double kEpsilon = 1e-16;
    const auto guard = [](double v) {
        return std::abs(v) < kTiny ? kTiny : v;
    };
    double c = 1.0;
    double d = 1.0 / guard(1.0 - (a + b) * x / (a + 1.0));
    double h = d;
    for (int m = 1; m <= 10000; ++m) {
        const double twoM = 2.0 * m;
        double term = m * (b - m) * x / ((a - 1.0 + twoM) * (a + twoM));
        d = 1.0 / guard(1.0 + term * d);
        c = guard(1.0 + term / c);
        h *= d * c;
        term = -(a + m) * (a + b + m) * x / ((a + twoM) * (a + 1.0 + twoM));
        d = 1.0 / guard(1.0 + term * d);
        c = guard(1.0 + term / c);
        const double step = d * c;
        h *= step;
        if (std::abs(step - 1.0) < kEpsilon)
            break;
    }
    return h;
}

} // namespace

// I_x(a, b) = x^a (1 - x)^b / (a B(a, b)) * cf(a, b, x), or 1 - I_{1-x}(b, a) past the mean.
double regularizedIncompleteBeta(double a, double b, double x, double oneMinusX)
{
    if (!(x > 0.0))
        return 0.0;
    if (!(oneMinusX > 0.0))
        return 1.0;
    const double logFront = std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x)
        + b * std::log(oneMinusX);
    if (x < (a + 1.0) / (a + b + 2.0))
        return std::exp(logFront) * betaContinuedFraction(a, b, x) / a;
    return 1.0 - std::exp(logFront) * betaContinuedFraction(b, a, oneMinusX) / b;
}

double studentTwoSidedP(double t, double df)
{
    if (std::isnan(t) || !(df > 0.0))
        return std::numeric_limits<double>::quiet_NaN();
    if (std::isinf(t))
        return 0.0;
    const double t2 = t * t;
    return regularizedIncompleteBeta(df / 2.0, 0.5, df / (df + t2), t2 / (df + t2));
}

} // namespace focalscope
