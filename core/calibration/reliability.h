#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace focalscope {

// Uniform bins on [0, 1], or equal-mass bins at the quantiles of the predictions.
enum class BinStrategy { Uniform, Quantile };

// "uniform" / "quantile", as the CLI and the JSON name them.
constexpr const char* binStrategyName(BinStrategy strategy)
{
    return strategy == BinStrategy::Uniform ? "uniform" : "quantile";
}

inline constexpr int kDefaultCalibrationBins = 15;

// The bins + 1 edges of scikit-learn's calibration_curve: uniform, k * (1 / bins) as
// np.linspace(0, 1, bins + 1) computes them; quantile, np.percentile(predicted, 100 k / bins)
// (linear interpolation between order statistics, NumPy's arithmetic step for step).
// Throws std::invalid_argument when bins < 1, or for quantile bins of no predictions.
std::vector<double> binEdges(std::span<const double> predicted, int bins, BinStrategy strategy);

// The bin of a prediction: the number of inner edges strictly below it (np.searchsorted(
// edges[1:-1], p), side left), so a value on an edge belongs to the bin below it.
int binOf(std::span<const double> edges, double predicted);

struct ReliabilityBin {
    double lo = 0.0; // the bin's edges
    double hi = 0.0;
    std::int64_t count = 0;
    double meanPredicted = 0.0; // sum of the predictions / count
    double fractionPositive = 0.0; // positives / count (top-label: the accuracy)
};

// A reliability diagram: calibration_curve's bins (prob_true = fractionPositive, prob_pred =
// meanPredicted), empty bins left out as it does.
struct ReliabilityCurve {
    std::vector<double> edges; // every edge, empty bins' too
    std::vector<ReliabilityBin> bins; // the non-empty bins, ascending
    std::int64_t samples = 0;
    // ECE = sum over bins of count / N |fraction positive - mean predicted|; MCE = the largest
    // |fraction positive - mean predicted|. NaN without samples.
    double ece = 0.0;
    double mce = 0.0;
};

// The diagram of predictions against outcomes (1 positive / correct, 0 not). Throws
// std::invalid_argument when the lengths differ, bins < 1 or a prediction is outside [0, 1].
ReliabilityCurve reliabilityCurve(std::span<const double> predicted,
    std::span<const std::uint8_t> outcome, int bins, BinStrategy strategy);

} // namespace focalscope
