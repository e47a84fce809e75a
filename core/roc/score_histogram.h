#pragma once

#include "roc/threshold_table.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace focalscope {

// The scores of one binary problem's positive and negative rows counted in shared bins, for the
// histograms a threshold line is drawn over.
struct ScoreHistogram {
    std::vector<double> edges; // bins + 1, ascending
    std::vector<std::int64_t> positives; // per bin
    std::vector<std::int64_t> negatives;
};

// numpy.histogram's bins: edges np.linspace(lo, hi, bins + 1) (lo - 0.5 and hi + 0.5 when
// lo == hi), each bin [edge_k, edge_k+1) but the last, which holds hi too; scores outside
// [lo, hi] are not counted. From the table's cumulative counts: O(bins log n), no pass over the
// rows. Throws std::invalid_argument for bins == 0 or a range that is not finite with lo <= hi.
ScoreHistogram scoreHistogram(const ThresholdTable& table, std::size_t bins, double lo, double hi);
// Over the table's own range, lowestScore() to highestScore() (no bins without rows).
ScoreHistogram scoreHistogram(const ThresholdTable& table, std::size_t bins);

} // namespace focalscope
