#include "summary/summary_builder.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace focalscope {

namespace {

// logit(p) = log p - log1p(-p), p clipped to [0, 1]
double logit(double p)
{
    p = std::clamp(p, 0.0, 1.0);
    return std::log(p) - std::log1p(-p);
}

void keepExtremes(double value, double& low, double& high)
{
    if (std::isnan(low) || value < low)
        low = value;
    if (std::isnan(high) || value > high)
        high = value;
}

} // namespace

bool rowLooksLikeProbabilities(std::span<const double> row)
{
    double sum = 0.0;
    for (double v : row) {
        if (!(v >= 0.0 && v <= 1.0))
            return false;
        sum += v;
    }
    return row.size() == 1 || std::abs(sum - 1.0) <= 1e-3;
}

SummaryBuilder::SummaryBuilder(
    ScoreKind kind, std::vector<std::string> classNames, std::int64_t ignoreIndex)
{
    Summary& s = m_summary;
    s.kind = kind;
    s.binary = classNames.size() == 1;
    s.classNames = std::move(classNames);
    s.ignoreIndex = ignoreIndex;
    const auto c = static_cast<std::size_t>(s.classes());
    const auto t = static_cast<std::size_t>(s.targets());
    const auto b = static_cast<std::size_t>(s.bins());
    s.posCounts.assign(c * b, 0);
    s.negCounts.assign(c * b, 0);
    s.ptCounts.assign(t * b, 0);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    s.scoreMin.assign(c, nan);
    s.scoreMax.assign(c, nan);
    s.ptLogitMin.assign(t, nan);
    s.ptLogitMax.assign(t, nan);
    m_logit.resize(c);
}

void SummaryBuilder::add(
    std::span<const double> scores, std::span<const std::int64_t> labels, std::int64_t firstRow)
{
    Summary& s = m_summary;
    const auto c = static_cast<std::size_t>(s.classes());
    const auto b = static_cast<std::size_t>(s.bins());
    const std::int64_t classes = s.binary ? 2 : s.classes();
    const bool softmax = s.kind == ScoreKind::Logits && !s.binary;
    for (std::size_t r = 0; r < labels.size(); ++r) {
        const std::int64_t y = labels[r];
        ++s.samples;
        if (y == s.ignoreIndex) {
            ++s.ignored;
            continue;
        }
        const std::string row = "row " + std::to_string(firstRow + static_cast<std::int64_t>(r));
        if (y < 0 || y >= classes)
            throw std::invalid_argument(row + ": label " + std::to_string(y) + " outside [0, "
                + std::to_string(classes) + ")");
        const double* x = scores.data() + r * c;
        double max = -std::numeric_limits<double>::infinity();
        for (std::size_t j = 0; j < c; ++j) {
            if (!std::isfinite(x[j]))
                throw std::invalid_argument(row + ", column " + std::to_string(j)
                    + ": expected a finite score, found " + std::to_string(x[j]));
            max = std::max(max, x[j]);
        }
        // Ranked score: p_c = exp(x_c - max) / sum exp(x - max) for logits of C >= 2 classes
        double sum = 0.0;
        if (softmax)
            for (std::size_t j = 0; j < c; ++j)
                sum += std::exp(x[j] - max);
        for (std::size_t j = 0; j < c; ++j) {
            const double ranked = softmax ? std::exp(x[j] - max) / sum : x[j];
            const bool rawLogit = s.kind == ScoreKind::Logits && s.binary;
            m_logit[j] = rawLogit ? ranked : logit(ranked);
            keepExtremes(ranked, s.scoreMin[j], s.scoreMax[j]);
            const bool positive = s.binary ? y == 1 : y == static_cast<std::int64_t>(j);
            auto& counts = positive ? s.posCounts : s.negCounts;
            ++counts[j * b + static_cast<std::size_t>(s.binOf(m_logit[j]))];
        }
        // logit(p_t): x_t - logsumexp_{c != t} x_c (logits), logit(p_t) (probabilities),
        // +-x or +-logit(p) (binary)
        double zt = 0.0;
        if (s.binary) {
            zt = y == 1 ? m_logit[0] : -m_logit[0];
        } else if (s.kind == ScoreKind::Probabilities) {
            zt = m_logit[static_cast<std::size_t>(y)];
        } else {
            double m = -std::numeric_limits<double>::infinity();
            for (std::size_t j = 0; j < c; ++j)
                if (j != static_cast<std::size_t>(y))
                    m = std::max(m, x[j]);
            double others = 0.0;
            for (std::size_t j = 0; j < c; ++j)
                if (j != static_cast<std::size_t>(y))
                    others += std::exp(x[j] - m);
            zt = x[y] - (m + std::log(others));
        }
        const auto t = static_cast<std::size_t>(y);
        ++s.ptCounts[t * b + static_cast<std::size_t>(s.binOf(zt))];
        keepExtremes(zt, s.ptLogitMin[t], s.ptLogitMax[t]);
    }
}

} // namespace focalscope
