#include "roc/score_histogram.h"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace focalscope {

ScoreHistogram scoreHistogram(const ThresholdTable& table, std::size_t bins, double lo, double hi)
{
    if (bins == 0)
        throw std::invalid_argument("a histogram needs at least one bin");
    if (!(std::isfinite(lo) && std::isfinite(hi) && lo <= hi))
        throw std::invalid_argument("a histogram range needs finite lo <= hi");
    if (lo == hi) {
        lo -= 0.5;
        hi += 0.5;
    }
    ScoreHistogram histogram;
    // np.linspace: edge_k = k step + lo, step = (hi - lo) / bins, the last edge hi itself.
    const double step = (hi - lo) / static_cast<double>(bins);
    histogram.edges.resize(bins + 1);
    for (std::size_t k = 0; k < bins; ++k)
        histogram.edges[k] = static_cast<double>(k) * step + lo;
    histogram.edges[bins] = hi;
    // Rows with score >= edge, from the table; past the last edge: score > hi.
    std::vector<std::size_t> atOrAbove(bins + 1);
    for (std::size_t k = 0; k < bins; ++k)
        atOrAbove[k] = table.indexAt(histogram.edges[k]);
    atOrAbove[bins] = table.indexAt(std::nextafter(hi, std::numeric_limits<double>::infinity()));
    histogram.positives.resize(bins);
    histogram.negatives.resize(bins);
    for (std::size_t k = 0; k < bins; ++k) {
        histogram.positives[k] = table.tp(atOrAbove[k]) - table.tp(atOrAbove[k + 1]);
        histogram.negatives[k] = table.fp(atOrAbove[k]) - table.fp(atOrAbove[k + 1]);
    }
    return histogram;
}

ScoreHistogram scoreHistogram(const ThresholdTable& table, std::size_t bins)
{
    if (table.size() < 2) // numpy's range for no values
        return scoreHistogram(table, bins, 0.0, 1.0);
    return scoreHistogram(table, bins, table.lowestScore(), table.highestScore());
}

} // namespace focalscope
