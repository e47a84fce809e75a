#include "summary/summary_loss.h"

#include "loss/alpha_table.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace focalscope {

namespace {

constexpr double kFloor = 1e-12;

// softplus(z) = log(1 + e^z) = max(z, 0) + log1p(exp(-|z|))
double softplus(double z)
{
    return std::max(z, 0.0) + std::log1p(std::exp(-std::abs(z)));
}

} // namespace

double focalTermAtLogit(double z, double gamma, ScoreKind kind, bool binary)
{
    if (kind == ScoreKind::Probabilities) {
        const double low = std::log(kFloor) - std::log1p(-kFloor);
        z = std::clamp(z, low, binary ? -low : std::numeric_limits<double>::infinity());
    }
    const double minusLogP = softplus(-z);
    if (gamma == 0.0)
        return minusLogP;
    return std::exp(-gamma * softplus(z)) * minusLogP;
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
            const double zLow = k == 0 ? zMin : std::max(s.edge(k), zMin);
            const double zHigh = k == bins - 1 ? zMax : std::min(s.edge(k + 1), zMax);
            const double count = static_cast<double>(counts[k]);
            lo += count * focalTermAtLogit(zHigh, params.gamma, s.kind, s.binary);
            hi += count * focalTermAtLogit(zLow, params.gamma, s.kind, s.binary);
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
