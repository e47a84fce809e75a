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
    // It takes about sqrt(max(a, b)) terms near x = (a + 1) / (a + b + 2): df up to 1e12.
    constexpr int kMaxIterations = 1000000;
    const auto guard = [](double v) {
        return std::abs(v) < kTiny ? kTiny : v;
    };
    double c = 1.0;
    double d = 1.0 / guard(1.0 - (a + b) * x / (a + 1.0));
    double h = d;
    for (int m = 1; m <= kMaxIterations; ++m) {
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

// log Gamma(x) - ((x - 1/2) log x - x + log(2 pi) / 2): Stirling's series, for x >= 10.
double stirlingTail(double x)
{
    const double x2 = x * x;
    return 1.0 / (12.0 * x) - 1.0 / (360.0 * x * x2) + 1.0 / (1260.0 * x * x2 * x2);
}

// log Gamma(a + b) - log Gamma(a) without the cancellation of two lgamma values when a is large
// (the t distribution's a = df / 2 reaches millions): with Stirling's series,
// (a - 1/2) log1p(b / a) + b log(a + b) - b + tail(a + b) - tail(a).
double logGammaRatio(double a, double b)
{
    if (a < 10.0)
        return std::lgamma(a + b) - std::lgamma(a);
    return (a - 0.5) * std::log1p(b / a) + b * std::log(a + b) - b + stirlingTail(a + b)
        - stirlingTail(a);
}

// log(x^a (1 - x)^b / B(a, b)), each logarithm from the smaller of x and 1 - x.
double logFront(double a, double b, double x, double oneMinusX)
{
    const double logX = x > 0.5 ? std::log1p(-oneMinusX) : std::log(x);
    const double logOneMinusX = oneMinusX > 0.5 ? std::log1p(-x) : std::log(oneMinusX);
    const double logBetaInverse
        = a >= b ? logGammaRatio(a, b) - std::lgamma(b) : logGammaRatio(b, a) - std::lgamma(a);
    return logBetaInverse + a * logX + b * logOneMinusX;
}

} // namespace

// I_x(a, b) = x^a (1 - x)^b / (a B(a, b)) * cf(a, b, x), or 1 - I_{1-x}(b, a) past the mean.
double regularizedIncompleteBeta(double a, double b, double x, double oneMinusX)
{
    if (!(x > 0.0))
        return 0.0;
    if (!(oneMinusX > 0.0))
        return 1.0;
    const double front = std::exp(logFront(a, b, x, oneMinusX));
    if (x < (a + 1.0) / (a + b + 2.0))
        return front * betaContinuedFraction(a, b, x) / a;
    return 1.0 - front * betaContinuedFraction(b, a, oneMinusX) / b;
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
