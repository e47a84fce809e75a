#pragma once

// The SIMD kernels of the focal loss (Highway, dispatched at run time to the widest vectors the
// CPU offers). Each works on n contiguous doubles; outputs may not alias inputs unless said.

#include <cstddef>
#include <cstdint>

namespace focalscope {

// values[i] = exp(values[i]) for values <= 0 (within 1 ulp; below -708, -inf included, 0).
void expInPlace(double* values, std::size_t n);

// The softmax sums of n rows whose columns are x + j * stride (j < columns): m = the row max,
// r = sum_j exp(x_j - m) - 1 >= 0, with the terms at the max counted apart so that r keeps its
// precision when the row is well classified.
void softmaxSums(
    const double* x, std::size_t stride, std::size_t columns, std::size_t n, double* m, double* r);

// Softmax rows from their sums: log p_t = (x_t - m) - log1p(r), 1 - p_t = r / (1 + r) when x_t
// is the max (x_t - m == 0), else 1 - p_t (p_t <= 1/2 then),
// l = -alpha_t (1 - p_t)^gamma log p_t (0^0 = 1; whole gammas up to 8 by multiplication),
// p_t = exp(log p_t). With withLog1mPt, log1mPt gets log(1 - p_t), -inf where p_t == 1; else it
// is scratch.
void softmaxRowLoss(const double* xtMinusM, const double* r, const double* alphaT, std::size_t n,
    double gamma, bool withLog1mPt, double* logPt, double* log1mPt, double* loss, double* pt);

// log(1 - p) = log(-expm1(log p)) from log p <= 0; -inf where p == 1. In place is allowed.
void log1mFromLog(const double* logP, std::size_t n, double* log1mP);

// Sigmoid of logits x: log p = -softplus(-x), log(1 - p) = -softplus(x), with
// softplus(z) = max(z, 0) + log1p(exp(-|z|)).
void sigmoidLogs(const double* x, std::size_t n, double* logP, double* log1mP);

// log p and log1p(-p) of p clamped to [low, high] (log(1 - p) = -inf where the clamped p is 1).
void probabilityLogs(
    const double* p, std::size_t n, double low, double high, double* logP, double* log1mP);

// l = -alpha_t (1 - p_t)^gamma log p_t, (1 - p_t)^gamma = exp(gamma log(1 - p_t)), 0^0 = 1;
// entries with alpha_t = 0 give +0.
void focalEntryLoss(const double* logPt, const double* log1mPt, const double* alphaT, std::size_t n,
    double gamma, double* loss);

// The same with alpha_t = weights[alphaIndex + 1] gathered on the way (weights[0] = 0 for the
// index -1 of ignored rows).
void focalEntryLossIndexed(const double* logPt, const double* log1mPt, const int* alphaIndex,
    const double* weights, std::size_t n, double gamma, double* loss);

// alpha_t of rows weighted by their label: alphaT[i] = weights[labels[i] + 1], weights[0] (0)
// for the ignore index. Labels must be the ignore index or < the table's length - 1.
void gatherAlpha(const std::int32_t* labels, std::int32_t ignoreIndex, const double* weights,
    std::size_t n, double* alphaT);

// The per-class sums of a block of rows: sums[c] += the loss of the rows of label c for
// c < targets (rows of the ignore index left out), counts[c] (unless null) += their number;
// easy += the loss of those rows with pt > 1/2.
void classSums(const std::int32_t* labels, std::int32_t ignoreIndex, const double* loss,
    const double* pt, std::size_t n, int targets, double* sums, std::int64_t* counts, double* easy);

} // namespace focalscope
