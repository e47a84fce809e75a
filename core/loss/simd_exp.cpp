// Dispatched at run time over the SIMD targets Highway compiles this file for.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "loss/simd_exp.cpp"
// foreach_target.h must come first: it includes this file once per SIMD target.
// clang-format off
#include <hwy/foreach_target.h>  // IWYU pragma: keep
#include <hwy/highway.h>
#include <hwy/contrib/math/math-inl.h>
// clang-format on

#include <algorithm>

HWY_BEFORE_NAMESPACE();
namespace focalscope {
namespace HWY_NAMESPACE {

namespace hn = hwy::HWY_NAMESPACE;

void ExpInPlace(double* HWY_RESTRICT values, std::size_t n)
{
    const hn::ScalableTag<double> d;
    const std::size_t lanes = hn::Lanes(d);
    std::size_t i = 0;
    for (; i + lanes <= n; i += lanes)
        hn::StoreU(hn::Exp(d, hn::LoadU(d, values + i)), d, values + i);
    if (i < n) {
        HWY_ALIGN double tail[HWY_MAX_BYTES / sizeof(double)] = {};
        std::copy(values + i, values + n, tail);
        hn::Store(hn::Exp(d, hn::Load(d, tail)), d, tail);
        std::copy(tail, tail + (n - i), values + i);
    }
}

// small += d < 0 ? exp(d) : 0 and ties += d == 0 ? 1 : 0, for d <= 0.
void AccumulateSoftmaxTerms(const double* HWY_RESTRICT d, std::size_t n, double* HWY_RESTRICT small,
    double* HWY_RESTRICT ties)
{
    const hn::ScalableTag<double> dd;
    const std::size_t lanes = hn::Lanes(dd);
    const auto zero = hn::Zero(dd);
    const auto one = hn::Set(dd, 1.0);
    const auto step = [&](const double* in, double* s, double* t) {
        const auto v = hn::LoadU(dd, in);
        const auto isMax = hn::Eq(v, zero);
        hn::StoreU(hn::Add(hn::LoadU(dd, s), hn::IfThenZeroElse(isMax, hn::Exp(dd, v))), dd, s);
        hn::StoreU(hn::Add(hn::LoadU(dd, t), hn::IfThenElseZero(isMax, one)), dd, t);
    };
    std::size_t i = 0;
    for (; i + lanes <= n; i += lanes)
        step(d + i, small + i, ties + i);
    if (i < n) {
        constexpr std::size_t kMax = HWY_MAX_BYTES / sizeof(double);
        HWY_ALIGN double bufD[kMax];
        HWY_ALIGN double bufS[kMax] = {};
        HWY_ALIGN double bufT[kMax] = {};
        std::fill(bufD, bufD + kMax, -1.0);
        std::copy(d + i, d + n, bufD);
        std::copy(small + i, small + n, bufS);
        std::copy(ties + i, ties + n, bufT);
        step(bufD, bufS, bufT);
        std::copy(bufS, bufS + (n - i), small + i);
        std::copy(bufT, bufT + (n - i), ties + i);
    }
}

} // namespace HWY_NAMESPACE
} // namespace focalscope
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include "loss/simd_exp.h"

namespace focalscope {

HWY_EXPORT(ExpInPlace);

void expInPlace(double* values, std::size_t n)
{
    HWY_DYNAMIC_DISPATCH(ExpInPlace)(values, n);
}

HWY_EXPORT(AccumulateSoftmaxTerms);

void accumulateSoftmaxTerms(const double* d, std::size_t n, double* small, double* ties)
{
    HWY_DYNAMIC_DISPATCH(AccumulateSoftmaxTerms)(d, n, small, ties);
}

} // namespace focalscope
#endif
