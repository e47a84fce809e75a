#pragma once

#include <span>
#include <vector>

namespace focalscope {

// Holm's step-down adjusted p-values, statsmodels' multipletests(method='holm'): with the m
// defined p sorted ascending, adj_(i) = max_{j <= i} min(1, (m - j) p_(j)) (0-based j), returned
// in input order. NaN p-values stay NaN and are left out of m.
std::vector<double> holmAdjust(std::span<const double> p);

} // namespace focalscope
