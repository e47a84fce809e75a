#include "compare/holm.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace focalscope {

// adj_(i) = max_{j <= i} min(1, (m - j) p_(j)) over the defined p sorted ascending (0-based j).
std::vector<double> holmAdjust(std::span<const double> p)
{
    std::vector<double> adjusted(p.size(), std::numeric_limits<double>::quiet_NaN());
    std::vector<std::size_t> order;
    for (std::size_t k = 0; k < p.size(); ++k)
        if (!std::isnan(p[k]))
            order.push_back(k);
    // Stable, so that ties keep their input order (the adjusted values of ties are equal anyway).
    std::stable_sort(
        order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return p[x] < p[y]; });
    const std::size_t m = order.size();
    double running = 0.0;
    for (std::size_t j = 0; j < m; ++j) {
        running = std::max(running, std::min(1.0, static_cast<double>(m - j) * p[order[j]]));
        adjusted[order[j]] = running;
    }
    return adjusted;
}

} // namespace focalscope
