// Dispatched at run time over the SIMD targets Highway compiles this file for.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "loss/focal_kernels.cpp"
// foreach_target.h must come first: it includes this file once per SIMD target.
// clang-format off
#include <hwy/foreach_target.h>  // IWYU pragma: keep
#include <hwy/highway.h>
#include <hwy/contrib/math/math-inl.h>
// clang-format on

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>

HWY_BEFORE_NAMESPACE();
namespace focalscope {
namespace HWY_NAMESPACE {

namespace hn = hwy::HWY_NAMESPACE;
using D = hn::ScalableTag<double>;

// Calls step(in, out) with the pointers moved to each full vector of [0, n); the last partial
// vector goes through zero-padded copies, whose extra lanes are computed and dropped.
template<typename T, std::size_t kIn, std::size_t kOut, typename Step>
HWY_INLINE void ForEachVector(std::size_t n, const std::array<const T*, kIn>& in,
    const std::array<double*, kOut>& out, const Step& step)
{
    const std::size_t lanes = hn::Lanes(D());
    std::array<const T*, kIn> a;
    std::array<double*, kOut> b;
    std::size_t i = 0;
    for (; i + lanes <= n; i += lanes) {
        for (std::size_t k = 0; k < kIn; ++k)
            a[k] = in[k] + i;
        for (std::size_t k = 0; k < kOut; ++k)
            b[k] = out[k] + i;
        step(a, b);
    }
    if (i == n)
        return;
    constexpr std::size_t kMax = HWY_MAX_BYTES / sizeof(double);
    HWY_ALIGN T bufIn[kIn][kMax] = {};
    HWY_ALIGN double bufOut[kOut][kMax] = {};
    for (std::size_t k = 0; k < kIn; ++k) {
        std::copy(in[k] + i, in[k] + n, bufIn[k]);
        a[k] = bufIn[k];
    }
    for (std::size_t k = 0; k < kOut; ++k) {
        std::copy(out[k] + i, out[k] + n, bufOut[k]);
        b[k] = bufOut[k];
    }
    step(a, b);
    for (std::size_t k = 0; k < kOut; ++k)
        std::copy(bufOut[k], bufOut[k] + (n - i), out[k] + i);
}

// e^f - 1 for |f| <= ln 2 / 2, to within 1 ulp of e^f once 1 is added:
// e^f - 1 = f + f^2 P(f), P(f) = sum_i c_i f^i, the Taylor series (1 / (i + 2)!) with its
// coefficients refitted (minimax) for this interval by SLEEF (xexp, Sleef_exp_u10, 1.0 ulp); the
// same coefficients as Highway's hn::Exp. P by Estrin's scheme: its products are independent,
// so that the vector units overlap them.
template<class V> HWY_INLINE V ExpMinus1Reduced(D d, V f)
{
    const auto c = [d](double value) {
        return hn::Set(d, value);
    };
    const auto f2 = hn::Mul(f, f);
    const auto f4 = hn::Mul(f2, f2);
    const auto f8 = hn::Mul(f4, f4);
    const auto p = hn::MulAdd(f8,
        hn::MulAdd(f2, c(2.08860621107283687536341e-9),
            hn::MulAdd(c(2.51112930892876518610661e-8), f, c(2.75573911234900471893338e-7))),
        hn::MulAdd(f4,
            hn::MulAdd(f2,
                hn::MulAdd(c(2.75572362911928827629423e-6), f, c(2.4801587159235472998791e-5)),
                hn::MulAdd(c(0.000198412698960509205564975), f, c(0.00138888888889774492207962))),
            hn::MulAdd(f2,
                hn::MulAdd(c(0.00833333333331652721664984), f, c(0.0416666666666665047591422)),
                hn::MulAdd(c(0.166666666666666851703837), f, c(0.5)))));
    return hn::MulAdd(p, f2, f);
}

// e^x for x <= 0 (every exp of the focal loss), cheaper than hn::Exp's full range:
// e^x = 2^k e^f, k = round(x / ln 2) by the 1.5 * 2^52 shift, f = x - k ln 2 in two parts (|f| <=
// ln 2 / 2), e^f by ExpMinus1Reduced, 2^k written into the exponent bits (one scale, as
// k >= -1022 here); x < -708, -inf included, gives 0 (e^x < 3e-308).
template<class V> HWY_INLINE V ExpNonPositive(D d, V x)
{
    const hn::RebindToSigned<D> di;
    const auto shift = hn::Set(d, 6755399441055744.0); // 1.5 * 2^52
    const auto t = hn::MulAdd(x, hn::Set(d, 1.4426950408889634074), shift);
    const auto k = hn::Sub(t, shift);
    auto f = hn::MulAdd(k, hn::Set(d, -0.6931471805596629565116018), x);
    f = hn::MulAdd(k, hn::Set(d, -0.28235290563031577122588448175e-12), f);
    // The low bits of t hold k: bits(t) - bits(shift) + 1023 is the biased exponent of 2^k.
    const auto exponent = hn::Sub(
        hn::BitCast(di, t), hn::Set(di, static_cast<std::int64_t>(0x4338000000000000ULL) - 1023));
    const auto scale = hn::BitCast(d, hn::ShiftLeft<52>(exponent));
    // e^x = 2^k (1 + (e^f - 1)), the polynomial giving e^f - 1
    const auto y = hn::MulAdd(ExpMinus1Reduced(d, f), scale, scale);
    return hn::IfThenElseZero(hn::Ge(x, hn::Set(d, -708.0)), y);
}

void ExpInPlace(double* HWY_RESTRICT values, std::size_t n)
{
    const D d;
    ForEachVector<double, 1, 1>(n, {values}, {values}, [&](const auto& in, const auto& out) {
        hn::StoreU(ExpNonPositive(d, hn::LoadU(d, in[0])), d, out[0]);
    });
}

// m = max_j x_j; r = sum_j exp(x_j - m) - 1, with the terms at the max (exactly 1 each) counted
// apart so that r keeps its precision when it is small. Column j of the rows is x + j * stride.
void SoftmaxSums(const double* HWY_RESTRICT x, std::size_t stride, std::size_t columns,
    std::size_t n, double* HWY_RESTRICT m, double* HWY_RESTRICT r)
{
    const D d;
    const std::size_t lanes = hn::Lanes(d);
    const auto one = hn::Set(d, 1.0);
    const auto rows = [&](const auto& column, double* mOut, double* rOut) {
        auto max = column(0);
        for (std::size_t j = 1; j < columns; ++j)
            max = hn::Max(max, column(j));
        auto small = hn::Zero(d);
        auto ties = hn::Zero(d);
        for (std::size_t j = 0; j < columns; ++j) {
            const auto v = hn::Sub(column(j), max);
            const auto isMax = hn::Eq(v, hn::Zero(d));
            small = hn::Add(small, hn::IfThenZeroElse(isMax, ExpNonPositive(d, v)));
            ties = hn::Add(ties, hn::IfThenElseZero(isMax, one));
        }
        hn::StoreU(max, d, mOut);
        hn::StoreU(hn::Add(small, hn::Sub(ties, one)), d, rOut);
    };
    std::size_t i = 0;
    for (; i + lanes <= n; i += lanes)
        rows([&](std::size_t j) { return hn::LoadU(d, x + j * stride + i); }, m + i, r + i);
    if (i < n) {
        constexpr std::size_t kMax = HWY_MAX_BYTES / sizeof(double);
        HWY_ALIGN double column[kMax] = {};
        HWY_ALIGN double mOut[kMax];
        HWY_ALIGN double rOut[kMax];
        rows(
            [&](std::size_t j) {
                std::copy(x + j * stride + i, x + j * stride + n, column);
                return hn::Load(d, column);
            },
            mOut, rOut);
        std::copy(mOut, mOut + (n - i), m + i);
        std::copy(rOut, rOut + (n - i), r + i);
    }
}

// log p_t = (x_t - m) - log1p(r), p_t = exp(log p_t); 1 - p_t = r / (1 + r) if x_t is the max,
// else 1 - p_t (then p_t <= 1/2);
// l = -alpha_t (1 - p_t)^gamma log p_t, 0^0 = 1, by multiplication for whole gammas up to 8,
// else exp(gamma log(1 - p_t)); log1mPt gets log(1 - p_t), -inf where p_t == 1.
void SoftmaxRowLoss(const double* HWY_RESTRICT xtMinusM, const double* HWY_RESTRICT r,
    const double* HWY_RESTRICT alphaT, std::size_t n, double gamma, bool withLog1mPt,
    double* HWY_RESTRICT logPt, double* HWY_RESTRICT log1mPt, double* HWY_RESTRICT loss,
    double* HWY_RESTRICT pt)
{
    const D d;
    const auto zero = hn::Zero(d);
    const auto negInf = hn::Set(d, -std::numeric_limits<double>::infinity());
    const bool whole = gamma == std::floor(gamma) && gamma <= 8.0;
    const int power = whole ? static_cast<int>(gamma) : 0;
    const bool needLog = withLog1mPt || !whole;
    const auto g = hn::Set(d, gamma);
    ForEachVector<double, 3, 4>(
        n, {xtMinusM, r, alphaT}, {logPt, log1mPt, loss, pt}, [&](const auto& in, const auto& out) {
            const auto xtMinusMax = hn::LoadU(d, in[0]);
            const auto rest = hn::LoadU(d, in[1]);
            const auto lp = hn::Sub(xtMinusMax, hn::Log1p(d, rest));
            const auto p = ExpNonPositive(d, lp);
            // 1 - p_t = r / (1 + r) when x_t is the max; else p_t <= 1/2 and 1 - p_t is exact.
            const auto q = hn::IfThenElse(hn::Eq(xtMinusMax, zero),
                hn::Div(rest, hn::Add(hn::Set(d, 1.0), rest)), hn::Sub(hn::Set(d, 1.0), p));
            auto logQ = negInf;
            if (needLog) {
                const auto positive = hn::Gt(q, zero);
                logQ = hn::IfThenElse(
                    positive, hn::Log(d, hn::IfThenElse(positive, q, hn::Set(d, 1.0))), negInf);
                hn::StoreU(logQ, d, out[1]);
            }
            auto weight = hn::Set(d, 1.0);
            if (whole) {
                for (int k = 0; k < power; ++k)
                    weight = hn::Mul(weight, q);
            } else {
                weight = ExpNonPositive(d, hn::Mul(g, logQ));
            }
            hn::StoreU(lp, d, out[0]);
            const auto l = hn::Mul(hn::Mul(hn::LoadU(d, in[2]), weight), hn::Neg(lp));
            hn::StoreU(hn::Add(l, zero), d, out[2]);
            hn::StoreU(p, d, out[3]);
        });
}

// log(1 - p) = log(-expm1(log p)), -inf where 1 - p == 0
void Log1mFromLog(const double* logP, std::size_t n, double* log1mP)
{
    const D d;
    const auto negInf = hn::Set(d, -std::numeric_limits<double>::infinity());
    ForEachVector<double, 1, 1>(n, {logP}, {log1mP}, [&](const auto& in, const auto& out) {
        const auto q = hn::Neg(hn::Expm1(d, hn::LoadU(d, in[0])));
        const auto positive = hn::Gt(q, hn::Zero(d));
        hn::StoreU(hn::IfThenElse(positive, hn::Log(d, q), negInf), d, out[0]);
    });
}

// log p = -(max(-x, 0) + log1p(exp(-|x|))), log(1 - p) = -(max(x, 0) + log1p(exp(-|x|)))
void SigmoidLogs(const double* HWY_RESTRICT x, std::size_t n, double* HWY_RESTRICT logP,
    double* HWY_RESTRICT log1mP)
{
    const D d;
    const auto zero = hn::Zero(d);
    ForEachVector<double, 1, 2>(n, {x}, {logP, log1mP}, [&](const auto& in, const auto& out) {
        const auto v = hn::LoadU(d, in[0]);
        const auto tail = hn::Log1p(d, ExpNonPositive(d, hn::Neg(hn::Abs(v))));
        hn::StoreU(hn::Neg(hn::Add(hn::Max(hn::Neg(v), zero), tail)), d, out[0]);
        hn::StoreU(hn::Neg(hn::Add(hn::Max(v, zero), tail)), d, out[1]);
    });
}

// log p and log(1 - p) of p clamped to [low, high]; the one of the larger side through log1p of
// the exact difference (p - 1 and -p are exact here), so that both keep full precision:
// log p = log1p(p - 1) for p > 1/2, log(1 - p) = log1p(-p) for p <= 1/2; -inf where 1 - p == 0.
void ProbabilityLogs(const double* HWY_RESTRICT p, std::size_t n, double low, double high,
    double* HWY_RESTRICT logP, double* HWY_RESTRICT log1mP)
{
    const D d;
    const auto one = hn::Set(d, 1.0);
    const auto half = hn::Set(d, 0.5);
    const auto negInf = hn::Set(d, -std::numeric_limits<double>::infinity());
    ForEachVector<double, 1, 2>(n, {p}, {logP, log1mP}, [&](const auto& in, const auto& out) {
        const auto v = hn::Min(hn::Max(hn::LoadU(d, in[0]), hn::Set(d, low)), hn::Set(d, high));
        const auto q = hn::Sub(one, v);
        const auto large = hn::Gt(v, half);
        // Log1p is Goldberg's log(1 + x) x / ((1 + x) - 1): accurate for x in (-1, 0] too.
        const auto safeQ = hn::IfThenElse(hn::Gt(q, hn::Zero(d)), q, one);
        hn::StoreU(hn::IfThenElse(large, hn::Log1p(d, hn::Neg(q)), hn::Log(d, v)), d, out[0]);
        const auto logQ = hn::IfThenElse(large, hn::Log(d, safeQ), hn::Log1p(d, hn::Neg(v)));
        hn::StoreU(hn::IfThenElse(hn::Eq(q, hn::Zero(d)), negInf, logQ), d, out[1]);
    });
}

// l = -alpha_t exp(gamma log(1 - p_t)) log p_t, 0^0 = 1; + 0 turns -0 into +0
void FocalEntryLoss(const double* HWY_RESTRICT logPt, const double* HWY_RESTRICT log1mPt,
    const double* HWY_RESTRICT alphaT, std::size_t n, double gamma, double* HWY_RESTRICT loss)
{
    const D d;
    const auto zero = hn::Zero(d);
    const auto g = hn::Set(d, gamma);
    if (gamma == 0.0) {
        ForEachVector<double, 2, 1>(
            n, {logPt, alphaT}, {loss}, [&](const auto& in, const auto& out) {
                const auto l = hn::Mul(hn::LoadU(d, in[1]), hn::Neg(hn::LoadU(d, in[0])));
                hn::StoreU(hn::Add(l, zero), d, out[0]);
            });
        return;
    }
    ForEachVector<double, 3, 1>(
        n, {logPt, log1mPt, alphaT}, {loss}, [&](const auto& in, const auto& out) {
            const auto weight = ExpNonPositive(d, hn::Mul(g, hn::LoadU(d, in[1])));
            const auto l
                = hn::Mul(hn::Mul(hn::LoadU(d, in[2]), weight), hn::Neg(hn::LoadU(d, in[0])));
            hn::StoreU(hn::Add(l, zero), d, out[0]);
        });
}

// The same with alpha_t = weights[alphaIndex + 1] gathered on the way (weights[0] = 0).
void FocalEntryLossIndexed(const double* HWY_RESTRICT logPt, const double* HWY_RESTRICT log1mPt,
    const int* HWY_RESTRICT alphaIndex, const double* HWY_RESTRICT weights, std::size_t n,
    double gamma, double* HWY_RESTRICT loss)
{
    const D d;
    const hn::RebindToSigned<D> di;
    const hn::Rebind<std::int32_t, D> di32;
    const std::size_t lanes = hn::Lanes(d);
    const auto zero = hn::Zero(d);
    const auto g = hn::Set(d, gamma);
    const auto one = hn::Set(di, 1);
    const auto step = [&](const double* lp, const double* l1m, const int* index, double* out) {
        const auto alpha
            = hn::GatherIndex(d, weights, hn::Add(hn::PromoteTo(di, hn::LoadU(di32, index)), one));
        const auto weight
            = gamma == 0.0 ? hn::Set(d, 1.0) : ExpNonPositive(d, hn::Mul(g, hn::LoadU(d, l1m)));
        const auto l = hn::Mul(hn::Mul(alpha, weight), hn::Neg(hn::LoadU(d, lp)));
        hn::StoreU(hn::Add(l, zero), d, out);
    };
    std::size_t i = 0;
    for (; i + lanes <= n; i += lanes)
        step(logPt + i, log1mPt + i, alphaIndex + i, loss + i);
    if (i < n) {
        constexpr std::size_t kMax = HWY_MAX_BYTES / sizeof(double);
        HWY_ALIGN double bufLp[kMax] = {};
        HWY_ALIGN double bufL1m[kMax] = {};
        HWY_ALIGN std::int32_t bufIndex[kMax];
        HWY_ALIGN double bufOut[kMax];
        std::fill(bufIndex, bufIndex + kMax, -1);
        std::copy(logPt + i, logPt + n, bufLp);
        std::copy(log1mPt + i, log1mPt + n, bufL1m);
        std::copy(alphaIndex + i, alphaIndex + n, bufIndex);
        step(bufLp, bufL1m, bufIndex, bufOut);
        std::copy(bufOut, bufOut + (n - i), loss + i);
    }
}

// sums[c] += sum of loss over the rows of label c (c < targets, label != ignoreIndex);
// easy += the same over rows of any target with pt > 1/2. One pass over the block per class,
// each a masked vector sum.
void ClassSums(const std::int32_t* HWY_RESTRICT labels, std::int32_t ignoreIndex,
    const double* HWY_RESTRICT loss, const double* HWY_RESTRICT pt, std::size_t n, int targets,
    double* HWY_RESTRICT sums, std::int64_t* HWY_RESTRICT counts, double* HWY_RESTRICT easy)
{
    const D d;
    const hn::RebindToSigned<D> di;
    const hn::Rebind<std::int32_t, D> di32;
    const std::size_t lanes = hn::Lanes(d);
    const std::size_t full = n - n % lanes;
    constexpr std::size_t kMax = HWY_MAX_BYTES / sizeof(double);
    // The last partial vector, padded with a label of no class.
    HWY_ALIGN std::int32_t tailLabels[kMax];
    HWY_ALIGN double tailLoss[kMax] = {};
    HWY_ALIGN double tailPt[kMax] = {};
    std::fill(tailLabels, tailLabels + kMax, -1);
    std::copy(labels + full, labels + n, tailLabels);
    std::copy(loss + full, loss + n, tailLoss);
    std::copy(pt + full, pt + n, tailPt);
    const auto labelAt = [&](std::size_t i) {
        return hn::PromoteTo(di, hn::LoadU(di32, i < full ? labels + i : tailLabels));
    };
    const auto lossAt = [&](std::size_t i) {
        return hn::LoadU(d, i < full ? loss + i : tailLoss);
    };
    for (int c = 0; c < targets; ++c) {
        const auto label = hn::Set(di, c);
        auto sum = hn::Zero(d);
        std::size_t count = 0;
        if (c != ignoreIndex)
            for (std::size_t i = 0; i < n; i += lanes) {
                const auto isClass = hn::RebindMask(d, hn::Eq(labelAt(i), label));
                sum = hn::Add(sum, hn::IfThenElseZero(isClass, lossAt(i)));
                if (counts)
                    count += hn::CountTrue(d, isClass);
            }
        sums[c] += hn::GetLane(hn::SumOfLanes(d, sum));
        if (counts)
            counts[c] += static_cast<std::int64_t>(count);
    }
    const auto none = hn::Set(di, ignoreIndex);
    const auto count = hn::Set(di, targets);
    const auto half = hn::Set(d, 0.5);
    auto sum = hn::Zero(d);
    for (std::size_t i = 0; i < n; i += lanes) {
        const auto label = labelAt(i);
        const auto target = hn::And(hn::And(hn::Gt(label, hn::Set(di, -1)), hn::Lt(label, count)),
            hn::Not(hn::Eq(label, none)));
        const auto wellClassified = hn::Gt(hn::LoadU(d, i < full ? pt + i : tailPt), half);
        sum = hn::Add(
            sum, hn::IfThenElseZero(hn::And(hn::RebindMask(d, target), wellClassified), lossAt(i)));
    }
    *easy += hn::GetLane(hn::SumOfLanes(d, sum));
}

// alphaT = weights[label + 1], weights[0] (0) for the ignore index
void GatherAlpha(const std::int32_t* HWY_RESTRICT labels, std::int32_t ignoreIndex,
    const double* HWY_RESTRICT weights, std::size_t n, double* HWY_RESTRICT alphaT)
{
    const D d;
    const hn::RebindToSigned<D> di;
    const hn::Rebind<std::int32_t, D> di32;
    const std::size_t lanes = hn::Lanes(d);
    const auto ignored = hn::Set(di, ignoreIndex);
    const auto one = hn::Set(di, 1);
    const auto step = [&](const std::int32_t* in, double* out) {
        const auto label = hn::PromoteTo(di, hn::LoadU(di32, in));
        const auto index = hn::IfThenZeroElse(hn::Eq(label, ignored), hn::Add(label, one));
        hn::StoreU(hn::GatherIndex(d, weights, index), d, out);
    };
    std::size_t i = 0;
    for (; i + lanes <= n; i += lanes)
        step(labels + i, alphaT + i);
    if (i < n) {
        constexpr std::size_t kMax = HWY_MAX_BYTES / sizeof(double);
        HWY_ALIGN std::int32_t bufLabels[kMax];
        HWY_ALIGN double bufOut[kMax];
        std::fill(bufLabels, bufLabels + kMax, ignoreIndex);
        std::copy(labels + i, labels + n, bufLabels);
        step(bufLabels, bufOut);
        std::copy(bufOut, bufOut + (n - i), alphaT + i);
    }
}

} // namespace HWY_NAMESPACE
} // namespace focalscope
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include "loss/focal_kernels.h"

namespace focalscope {

HWY_EXPORT(ExpInPlace);
HWY_EXPORT(SoftmaxSums);
HWY_EXPORT(SoftmaxRowLoss);
HWY_EXPORT(Log1mFromLog);
HWY_EXPORT(SigmoidLogs);
HWY_EXPORT(ProbabilityLogs);
HWY_EXPORT(FocalEntryLoss);
HWY_EXPORT(FocalEntryLossIndexed);
HWY_EXPORT(ClassSums);
HWY_EXPORT(GatherAlpha);

void expInPlace(double* values, std::size_t n)
{
    HWY_DYNAMIC_DISPATCH(ExpInPlace)(values, n);
}

void softmaxSums(
    const double* x, std::size_t stride, std::size_t columns, std::size_t n, double* m, double* r)
{
    HWY_DYNAMIC_DISPATCH(SoftmaxSums)(x, stride, columns, n, m, r);
}

void softmaxRowLoss(const double* xtMinusM, const double* r, const double* alphaT, std::size_t n,
    double gamma, bool withLog1mPt, double* logPt, double* log1mPt, double* loss, double* pt)
{
    HWY_DYNAMIC_DISPATCH(SoftmaxRowLoss)
    (xtMinusM, r, alphaT, n, gamma, withLog1mPt, logPt, log1mPt, loss, pt);
}

void log1mFromLog(const double* logP, std::size_t n, double* log1mP)
{
    HWY_DYNAMIC_DISPATCH(Log1mFromLog)(logP, n, log1mP);
}

void sigmoidLogs(const double* x, std::size_t n, double* logP, double* log1mP)
{
    HWY_DYNAMIC_DISPATCH(SigmoidLogs)(x, n, logP, log1mP);
}

void probabilityLogs(
    const double* p, std::size_t n, double low, double high, double* logP, double* log1mP)
{
    HWY_DYNAMIC_DISPATCH(ProbabilityLogs)(p, n, low, high, logP, log1mP);
}

void focalEntryLoss(const double* logPt, const double* log1mPt, const double* alphaT, std::size_t n,
    double gamma, double* loss)
{
    HWY_DYNAMIC_DISPATCH(FocalEntryLoss)(logPt, log1mPt, alphaT, n, gamma, loss);
}

void focalEntryLossIndexed(const double* logPt, const double* log1mPt, const int* alphaIndex,
    const double* weights, std::size_t n, double gamma, double* loss)
{
    HWY_DYNAMIC_DISPATCH(FocalEntryLossIndexed)
    (logPt, log1mPt, alphaIndex, weights, n, gamma, loss);
}

void classSums(const std::int32_t* labels, std::int32_t ignoreIndex, const double* loss,
    const double* pt, std::size_t n, int targets, double* sums, std::int64_t* counts, double* easy)
{
    HWY_DYNAMIC_DISPATCH(ClassSums)(labels, ignoreIndex, loss, pt, n, targets, sums, counts, easy);
}

void gatherAlpha(const std::int32_t* labels, std::int32_t ignoreIndex, const double* weights,
    std::size_t n, double* alphaT)
{
    HWY_DYNAMIC_DISPATCH(GatherAlpha)(labels, ignoreIndex, weights, n, alphaT);
}

} // namespace focalscope
#endif
