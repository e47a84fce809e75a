#pragma once

#include <cstddef>

namespace focalscope {

// values[i] = exp(values[i]) for i < n, with the widest SIMD the CPU offers (Highway's Exp,
// within 1 ulp; arguments below -1000, -inf included, give 0).
void expInPlace(double* values, std::size_t n);

// The softmax sum of a block of rows, kept apart: for d = x - max(row) <= 0 of one column,
// small[i] += exp(d[i]) where d[i] < 0 and ties[i] += 1 where d[i] == 0.
void accumulateSoftmaxTerms(const double* d, std::size_t n, double* small, double* ties);

} // namespace focalscope
