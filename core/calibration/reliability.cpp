#include "calibration/reliability.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace focalscope {

namespace {

// NumPy's _lerp: a + (b - a) t, or b - (b - a) (1 - t) for t >= 0.5.
double lerp(double a, double b, double t)
{
    const double diff = b - a;
    return t >= 0.5 ? b - diff * (1.0 - t) : a + diff * t;
}

// np.percentile(sorted, percent), method linear: virtual index (n - 1) q with q = percent / 100.
double percentileOfSorted(const std::vector<double>& sorted, double percent)
{
    const double n = static_cast<double>(sorted.size());
    const double q = percent / 100.0;
    const double index = (n - 1.0) * q;
    if (index >= n - 1.0)
        return sorted.back();
    const double previous = std::floor(index);
    const auto k = static_cast<std::size_t>(previous);
    return lerp(sorted[k], sorted[k + 1], index - previous);
}

void checkBins(int bins)
{
    if (bins < 1)
        throw std::invalid_argument("the number of bins must be >= 1, got " + std::to_string(bins));
}

} // namespace

std::vector<double> binEdges(std::span<const double> predicted, int bins, BinStrategy strategy)
{
    checkBins(bins);
    std::vector<double> edges(static_cast<std::size_t>(bins) + 1);
    // np.linspace(0, 1, bins + 1): k * step + 0, the last edge exactly 1.
    const double step = 1.0 / static_cast<double>(bins);
    for (int k = 0; k < bins; ++k)
        edges[static_cast<std::size_t>(k)] = static_cast<double>(k) * step + 0.0;
    edges.back() = 1.0;
    if (strategy == BinStrategy::Uniform)
        return edges;
    if (predicted.empty())
        throw std::invalid_argument("quantile bins need at least one prediction");
    std::vector<double> sorted(predicted.begin(), predicted.end());
    std::sort(sorted.begin(), sorted.end());
    for (double& edge : edges)
        edge = percentileOfSorted(sorted, edge * 100.0);
    return edges;
}

int binOf(std::span<const double> edges, double predicted)
{
    const auto inner = edges.subspan(1, edges.size() - 2);
    return static_cast<int>(
        std::lower_bound(inner.begin(), inner.end(), predicted) - inner.begin());
}

ReliabilityCurve reliabilityCurve(std::span<const double> predicted,
    std::span<const std::uint8_t> outcome, int bins, BinStrategy strategy)
{
    checkBins(bins);
    if (predicted.size() != outcome.size())
        throw std::invalid_argument("predictions and outcomes differ in length");
    for (std::size_t i = 0; i < predicted.size(); ++i)
        if (!(predicted[i] >= 0.0 && predicted[i] <= 1.0))
            throw std::invalid_argument("prediction " + std::to_string(i) + " ("
                + std::to_string(predicted[i]) + ") is outside [0, 1]");
    ReliabilityCurve curve;
    curve.samples = static_cast<std::int64_t>(predicted.size());
    if (predicted.empty()) {
        curve.edges = binEdges(predicted, bins, BinStrategy::Uniform);
        curve.ece = curve.mce = std::numeric_limits<double>::quiet_NaN();
        return curve;
    }
    curve.edges = binEdges(predicted, bins, strategy);
    // np.bincount sums in input order.
    std::vector<double> sums(static_cast<std::size_t>(bins), 0.0);
    std::vector<double> positives(static_cast<std::size_t>(bins), 0.0);
    std::vector<std::int64_t> counts(static_cast<std::size_t>(bins), 0);
    for (std::size_t i = 0; i < predicted.size(); ++i) {
        const auto b = static_cast<std::size_t>(binOf(curve.edges, predicted[i]));
        sums[b] += predicted[i];
        positives[b] += outcome[i] != 0 ? 1.0 : 0.0;
        ++counts[b];
    }
    const auto n = static_cast<double>(curve.samples);
    for (std::size_t b = 0; b < counts.size(); ++b) {
        if (counts[b] == 0)
            continue;
        const auto count = static_cast<double>(counts[b]);
        ReliabilityBin bin {
            curve.edges[b], curve.edges[b + 1], counts[b], sums[b] / count, positives[b] / count};
        // ECE += count / N |acc - conf|; MCE = max |acc - conf|
        const double gap = std::abs(bin.fractionPositive - bin.meanPredicted);
        curve.ece += count / n * gap;
        curve.mce = std::max(curve.mce, gap);
        curve.bins.push_back(bin);
    }
    return curve;
}

} // namespace focalscope
