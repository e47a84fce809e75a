#include "summary/summary_roc.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace focalscope {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kZ95 = 1.959963984540054;

struct Totals {
    double p = 0.0, n = 0.0;
};

Totals totals(std::span<const std::int64_t> pos, std::span<const std::int64_t> neg)
{
    Totals t;
    for (std::size_t b = 0; b < pos.size(); ++b) {
        t.p += static_cast<double>(pos[b]);
        t.n += static_cast<double>(neg[b]);
    }
    return t;
}

} // namespace

BinnedAuroc binnedAuroc(std::span<const std::int64_t> pos, std::span<const std::int64_t> neg)
{
    const Totals t = totals(pos, neg);
    if (t.p == 0.0 || t.n == 0.0)
        return {kNaN, kNaN};
    // A = sum_b pos_b (neg below b + neg_b / 2) / (P N); w = sum_b pos_b neg_b / (2 P N)
    double below = 0.0, area = 0.0, tied = 0.0;
    for (std::size_t b = 0; b < pos.size(); ++b) {
        const double pb = static_cast<double>(pos[b]), nb = static_cast<double>(neg[b]);
        area += pb * (below + 0.5 * nb);
        tied += pb * nb;
        below += nb;
    }
    const double pairs = t.p * t.n;
    return {area / pairs, tied / (2.0 * pairs)};
}

BinnedCurve binnedCurve(std::span<const std::int64_t> pos, std::span<const std::int64_t> neg)
{
    const Totals t = totals(pos, neg);
    BinnedCurve curve;
    curve.fpr.push_back(0.0);
    curve.tpr.push_back(0.0);
    curve.bin.push_back(static_cast<std::int64_t>(pos.size()));
    double tp = 0.0, fp = 0.0;
    for (std::size_t b = pos.size(); b-- > 0;) {
        if (pos[b] == 0 && neg[b] == 0)
            continue;
        tp += static_cast<double>(pos[b]);
        fp += static_cast<double>(neg[b]);
        curve.fpr.push_back(t.n > 0 ? fp / t.n : kNaN);
        curve.tpr.push_back(t.p > 0 ? tp / t.p : kNaN);
        curve.precision.push_back(tp / (tp + fp));
        curve.recall.push_back(t.p > 0 ? tp / t.p : kNaN);
        curve.bin.push_back(static_cast<std::int64_t>(b));
    }
    return curve;
}

double binnedAveragePrecision(std::span<const std::int64_t> pos, std::span<const std::int64_t> neg)
{
    const Totals t = totals(pos, neg);
    if (t.p == 0.0)
        return kNaN;
    // AP = sum_n (R_n - R_{n-1}) P_n over thresholds descending
    double tp = 0.0, fp = 0.0, ap = 0.0;
    for (std::size_t b = pos.size(); b-- > 0;) {
        if (pos[b] == 0 && neg[b] == 0)
            continue;
        const double pb = static_cast<double>(pos[b]);
        tp += pb;
        fp += static_cast<double>(neg[b]);
        ap += (pb / t.p) * (tp / (tp + fp));
    }
    return ap;
}

BinnedDelong binnedDelong(std::span<const std::int64_t> pos, std::span<const std::int64_t> neg)
{
    const Totals t = totals(pos, neg);
    if (t.p < 2.0 || t.n < 2.0)
        return {kNaN, kNaN, kNaN};
    const double auc = binnedAuroc(pos, neg).value;
    // V10 = (neg below + neg_b / 2) / N per positive of bin b; V01 = (pos above + pos_b / 2) / P
    double negBelow = 0.0, s10 = 0.0;
    for (std::size_t b = 0; b < pos.size(); ++b) {
        const double nb = static_cast<double>(neg[b]);
        const double v10 = (negBelow + 0.5 * nb) / t.n - auc;
        s10 += static_cast<double>(pos[b]) * v10 * v10;
        negBelow += nb;
    }
    double posAbove = 0.0, s01 = 0.0;
    for (std::size_t b = pos.size(); b-- > 0;) {
        const double pb = static_cast<double>(pos[b]);
        const double v01 = (posAbove + 0.5 * pb) / t.p - auc;
        s01 += static_cast<double>(neg[b]) * v01 * v01;
        posAbove += pb;
    }
    const double variance = s10 / (t.p - 1.0) / t.p + s01 / (t.n - 1.0) / t.n;
    const double se = std::sqrt(variance);
    return {se, std::clamp(auc - kZ95 * se, 0.0, 1.0), std::clamp(auc + kZ95 * se, 0.0, 1.0)};
}

std::span<const std::int64_t> classCounts(
    const std::vector<std::int64_t>& counts, const Summary& s, int c)
{
    const auto b = static_cast<std::size_t>(s.bins());
    return std::span<const std::int64_t>(counts).subspan(static_cast<std::size_t>(c) * b, b);
}

std::vector<std::int64_t> microCounts(const std::vector<std::int64_t>& counts, const Summary& s)
{
    std::vector<std::int64_t> out(static_cast<std::size_t>(s.bins()), 0);
    for (int c = 0; c < s.classes(); ++c) {
        const auto mine = classCounts(counts, s, c);
        for (std::size_t b = 0; b < out.size(); ++b)
            out[b] += mine[b];
    }
    return out;
}

} // namespace focalscope
