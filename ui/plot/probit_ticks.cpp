#include "plot/probit_ticks.h"

#include "roc/det_curve.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace focalscope {

namespace {

// Candidate rates up to 50%, in the order they are tried; each is used with its complement.
// scikit-learn's labels first (0.1%, 1%, 5%, 20%, 50% and complements), then the other
// decades, then 2 and 5 times a decade and the tens of percent.
std::vector<double> candidateRates()
{
    std::vector<double> rates {0.5, 1e-3, 1e-2, 0.05, 0.2, 0.1};
    for (int decade = -4; decade >= -12; --decade)
        rates.push_back(std::pow(10.0, decade));
    for (int decade = -1; decade >= -12; --decade) {
        rates.push_back(2.0 * std::pow(10.0, decade));
        rates.push_back(5.0 * std::pow(10.0, decade));
    }
    for (double rate : {0.3, 0.4, 0.02, 0.25, 0.15, 0.35, 0.45})
        rates.push_back(rate);
    return rates;
}

// A rate rounded to the significant digits a label shows, so 1 - 0.001 reads 99.9%.
double roundedRate(double rate, int digits)
{
    if (!(rate > 0.0))
        return rate;
    const double scale = std::pow(10.0, digits - 1 - std::floor(std::log10(rate)));
    return std::round(rate * scale) / scale;
}

} // namespace

QString percentLabel(double rate)
{
    return QString::number(100.0 * rate, 'g', 10) + QLatin1Char('%');
}

QList<AxisTick> probitTicks(double min, double max, int maxTicks)
{
    QList<AxisTick> ticks;
    if (!(max > min) || !std::isfinite(min) || !std::isfinite(max))
        return ticks;
    const double spacing = (max - min) / std::max(maxTicks, 2);
    auto tryAdd = [&](double rate) {
        const double position = probit(rate);
        if (!(position >= min && position <= max))
            return;
        for (const AxisTick& tick : ticks)
            if (std::abs(tick.position - position) < spacing)
                return;
        ticks.append({position, percentLabel(rate)});
    };
    for (double rate : candidateRates()) {
        tryAdd(rate);
        if (rate != 0.5)
            tryAdd(1.0 - rate);
    }
    if (ticks.size() < 3) {
        // Zoomed in between the candidates: about five evenly spaced rates (a nice step),
        // labelled with the digits the step needs.
        ticks.clear();
        const double lo = normalCdf(min);
        const double hi = normalCdf(max);
        const double raw = (hi - lo) / 5.0;
        if (!(raw > 0.0))
            return ticks;
        const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
        const double f = raw / magnitude;
        const double step = (f < 1.5 ? 1.0 : f < 3.0 ? 2.0 : f < 7.0 ? 5.0 : 10.0) * magnitude;
        const int digits = static_cast<int>(std::ceil(std::log10(std::max(hi, 1e-300) / step))) + 1;
        for (double k = std::ceil(lo / step); k * step <= hi; k += 1.0) {
            const double rate = roundedRate(k * step, std::clamp(digits, 1, 15));
            const double position = probit(rate);
            if (position >= min && position <= max)
                ticks.append({position, percentLabel(rate)});
        }
    }
    std::sort(ticks.begin(), ticks.end(),
        [](const AxisTick& a, const AxisTick& b) { return a.position < b.position; });
    return ticks;
}

} // namespace focalscope
