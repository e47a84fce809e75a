#include "summary/summary_loss.h"

#include "loss/alpha_table.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <vector>

namespace focalscope {

namespace {

constexpr double kFloor = 1e-12;

// z as focalTermAtLogit clamps it for probabilities ([1e-12, 1] softmax, [1e-12, 1 - 1e-12]
// binary).
double clampedLogit(double z, ScoreKind kind, bool binary)
{
    if (kind != ScoreKind::Probabilities)
        return z;
    const double low = std::log(kFloor) - std::log1p(-kFloor);
    return std::clamp(z, low, binary ? -low : std::numeric_limits<double>::infinity());
}

// softplus(z) and softplus(-z) at every edge k of a grid (index k, 1 <= k < B): they do not
// depend on gamma, so a recompute costs one exp per edge. Built once per grid for the process.
struct EdgeSoftplus {
    std::vector<double> plus, minus;
};

const EdgeSoftplus& edgeSoftplus(const Summary& s)
{
    static std::mutex mutex;
    static std::map<std::pair<int, int>, std::unique_ptr<const EdgeSoftplus>> grids;
    const std::lock_guard lock(mutex);
    std::unique_ptr<const EdgeSoftplus>& grid = grids[{s.scaleBits, s.range}];
    if (!grid) {
        auto table = std::make_unique<EdgeSoftplus>();
        const auto bins = static_cast<std::size_t>(s.bins());
        table->plus.assign(bins, 0.0);
        table->minus.assign(bins, 0.0);
        for (std::size_t k = 1; k < bins; ++k) {
            const double z = s.edge(static_cast<std::int64_t>(k));
            const double tail = std::log1p(std::exp(-std::abs(z)));
            table->plus[k] = std::max(z, 0.0) + tail;
            table->minus[k] = std::max(-z, 0.0) + tail;
        }
        grid = std::move(table);
    }
    return *grid;
}

} // namespace

double focalTermAtLogit(double z, double gamma, ScoreKind kind, bool binary)
{
    z = clampedLogit(z, kind, binary);
    // softplus(+-z) = log(1 + e^(+-z)) = max(+-z, 0) + log1p(exp(-|z|)): -log p = softplus(-z),
    // -log(1 - p) = softplus(z)
    const double tail = std::log1p(std::exp(-std::abs(z)));
    const double minusLogP = std::max(-z, 0.0) + tail;
    if (gamma == 0.0)
        return minusLogP;
    return std::exp(-gamma * (std::max(z, 0.0) + tail)) * minusLogP;
}

SummaryLoss summaryFocalLoss(const Summary& s, const FocalParams& params)
{
    if (params.mode == LossMode::Sigmoid && !s.binary)
        throw std::invalid_argument("sigmoid focal loss of a multiclass summary is not available: "
                                    "its p_t bins hold the softmax p_t");
    if (params.reduction == Reduction::None)
        throw std::invalid_argument("a summary has no rows: reduction none is not available");
    const Eigen::VectorXd alpha = effectiveAlpha(params.alpha, params.mode, s.classes());
    const int targets = s.targets();
    SummaryLoss out;
    out.alpha.assign(alpha.data(), alpha.data() + alpha.size());
    const std::int64_t bins = s.bins();
    // The term at each edge k (between bins k - 1 and k) that bounds an occupied bin: computed
    // once, for both neighbouring bins and every target (O(bins) whatever the rows).
    std::vector<double> atEdge(static_cast<std::size_t>(bins), 0.0);
    std::vector<char> needed(static_cast<std::size_t>(bins), 0);
    for (int t = 0; t < targets; ++t) {
        const std::int64_t* counts = s.ptCounts.data() + static_cast<std::size_t>(t) * bins;
        for (std::int64_t k = 0; k < bins; ++k)
            if (counts[k] != 0) {
                needed[static_cast<std::size_t>(k)] = 1;
                if (k + 1 < bins)
                    needed[static_cast<std::size_t>(k + 1)] = 1;
            }
    }
    const EdgeSoftplus& softplus = edgeSoftplus(s);
    for (std::int64_t k = 1; k < bins; ++k) {
        const auto e = static_cast<std::size_t>(k);
        if (!needed[e])
            continue;
        const double z = s.edge(k);
        // (1 - p)^gamma (-log p) = exp(-gamma softplus(z)) softplus(-z), as focalTermAtLogit
        if (clampedLogit(z, s.kind, s.binary) != z)
            atEdge[e] = focalTermAtLogit(z, params.gamma, s.kind, s.binary);
        else
            atEdge[e] = params.gamma == 0.0
                ? softplus.minus[e]
                : std::exp(-params.gamma * softplus.plus[e]) * softplus.minus[e];
    }
    // The term at the bin's edge, or at the exact extreme when it lies inside the bin.
    const auto term = [&](std::int64_t edge, double z, bool atExtreme) {
        return atExtreme ? focalTermAtLogit(z, params.gamma, s.kind, s.binary)
                         : atEdge[static_cast<std::size_t>(edge)];
    };
    double lower = 0.0, upper = 0.0, weight = 0.0;
    std::int64_t rows = 0;
    for (int t = 0; t < targets; ++t) {
        const std::int64_t* counts = s.ptCounts.data() + static_cast<std::size_t>(t) * bins;
        const double zMin = s.ptLogitMin[static_cast<std::size_t>(t)];
        const double zMax = s.ptLogitMax[static_cast<std::size_t>(t)];
        double lo = 0.0, hi = 0.0;
        std::int64_t n = 0;
        for (std::int64_t k = 0; k < bins; ++k) {
            if (counts[k] == 0)
                continue;
            const bool minInside = k == 0 || zMin > s.edge(k);
            const bool maxInside = k == bins - 1 || zMax < s.edge(k + 1);
            const double count = static_cast<double>(counts[k]);
            lo += count * term(k + 1, zMax, maxInside);
            hi += count * term(k, zMin, minInside);
            n += counts[k];
        }
        const double a = alpha[t];
        out.rows.push_back(n);
        const double nan = std::numeric_limits<double>::quiet_NaN();
        out.classMean.push_back(n ? LossBracket {a * lo / n, a * hi / n} : LossBracket {nan, nan});
        lower += a * lo;
        upper += a * hi;
        weight += a * static_cast<double>(n);
        rows += n;
    }
    double divisor = 1.0;
    if (params.reduction == Reduction::Mean)
        divisor = static_cast<double>(rows);
    else if (params.reduction == Reduction::WeightedMean)
        divisor = weight;
    out.value = {lower / divisor, upper / divisor};
    return out;
}

} // namespace focalscope
