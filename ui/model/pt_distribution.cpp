#include "model/pt_distribution.h"

#include <algorithm>
#include <cmath>

namespace focalscope {

PtDistribution ptDistribution(const Eigen::ArrayXd& pt, const LabelVector& labels,
                              Index targetClasses, std::int32_t ignoreIndex, int bins)
{
    PtDistribution d;
    d.bins = bins;
    const auto classes = static_cast<std::size_t>(targetClasses);
    d.counts.assign(classes, std::vector<Index>(static_cast<std::size_t>(bins), 0));
    d.rows.assign(classes, 0);
    const Index n = std::min<Index>(pt.size(), labels.size());
    for (Index i = 0; i < n; ++i) {
        const std::int32_t label = labels[i];
        const double value = pt[i];
        if (label == ignoreIndex || label < 0 || label >= targetClasses || !std::isfinite(value))
            continue;
        const int bin = std::clamp(static_cast<int>(value * bins), 0, bins - 1);
        ++d.counts[static_cast<std::size_t>(label)][static_cast<std::size_t>(bin)];
        ++d.rows[static_cast<std::size_t>(label)];
    }
    d.fraction.resize(classes);
    for (std::size_t c = 0; c < classes; ++c) {
        d.fraction[c].assign(static_cast<std::size_t>(bins), 0.0);
        if (d.rows[c] == 0)
            continue;
        for (std::size_t b = 0; b < static_cast<std::size_t>(bins); ++b)
            d.fraction[c][b] = static_cast<double>(d.counts[c][b]) / static_cast<double>(d.rows[c]);
    }
    return d;
}

}  // namespace focalscope
