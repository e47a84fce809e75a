#include "loss/focal_views.h"

#include <hwy/contrib/sort/vqsort.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>

namespace focalscope {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void sortAscending(std::vector<double>& values)
{
    static thread_local const hwy::Sorter sorter;
    sorter(values.data(), values.size(), hwy::SortAscending());
}

// The losses of one group, sorted ascending, cumulated: point k is (k / n, sum of the k
// smallest / total).
ConcentrationCurve concentrationOf(const std::vector<double>& losses)
{
    ConcentrationCurve curve;
    const std::size_t n = losses.size();
    curve.rows = static_cast<Index>(n);
    double total = 0.0;
    for (double l : losses)
        total += l;
    curve.fraction.resize(n + 1);
    curve.cumulative.resize(n + 1);
    curve.fraction[0] = 0.0;
    curve.cumulative[0] = 0.0;
    // A group without loss has nothing to concentrate: its curve stays at 0.
    const double scale = total > 0.0 ? 1.0 / total : 0.0;
    const double step = n > 0 ? 1.0 / static_cast<double>(n) : 0.0;
    double running = 0.0;
    for (std::size_t k = 1; k <= n; ++k) {
        running += losses[k - 1];
        curve.fraction[k] = static_cast<double>(k) * step;
        curve.cumulative[k] = running * scale;
    }
    if (n > 0) {
        curve.fraction[n] = 1.0;
        if (total > 0.0)
            curve.cumulative[n] = 1.0;
    }
    return curve;
}

} // namespace

std::vector<double> ptSamples(int count)
{
    if (count < 2)
        throw std::invalid_argument("ptSamples needs at least 2 points");
    // A quarter of the points log-spaced over [1e-4, 0.05), the rest evenly over [0.05, 1].
    constexpr double low = 1e-4;
    constexpr double knee = 0.05;
    const int logCount = count / 4;
    const int linearCount = count - logCount;
    std::vector<double> pt;
    pt.reserve(static_cast<std::size_t>(count));
    const double logStep = std::log(knee / low) / std::max(logCount, 1);
    for (int k = 0; k < logCount; ++k)
        pt.push_back(low * std::exp(logStep * k));
    for (int k = 0; k < linearCount; ++k) {
        const double t = linearCount > 1 ? static_cast<double>(k) / (linearCount - 1) : 1.0;
        pt.push_back(knee + (1.0 - knee) * t);
    }
    pt.back() = 1.0;
    return pt;
}

double focalLossAt(double pt, double alpha, double gamma)
{
    // l = -alpha (1 - p_t)^gamma log p_t, 0^0 = 1
    const double weight = gamma == 0.0 ? 1.0 : std::pow(1.0 - pt, gamma);
    return -alpha * weight * std::log(pt);
}

double focalGradientAt(double pt, double alpha, double gamma)
{
    // alpha |gamma (1-p_t)^(gamma-1) p_t log p_t - (1-p_t)^gamma| (1 - p_t), grouped as
    // alpha |gamma (1-p_t)^gamma p_t log p_t - (1-p_t)^(gamma+1)| so that p_t -> 1 gives 0.
    const double q = 1.0 - pt;
    const double weight = gamma == 0.0 ? 1.0 : std::pow(q, gamma);
    return alpha * std::abs(gamma * weight * pt * std::log(pt) - weight * q);
}

Curve lossVsPt(double alpha, double gamma, int count)
{
    Curve curve;
    curve.x = ptSamples(count);
    curve.y.reserve(curve.x.size());
    for (double pt : curve.x)
        curve.y.push_back(focalLossAt(pt, alpha, gamma));
    return curve;
}

Curve gradientVsPt(double alpha, double gamma, int count)
{
    Curve curve;
    curve.x = ptSamples(count);
    curve.y.reserve(curve.x.size());
    for (double pt : curve.x)
        curve.y.push_back(focalGradientAt(pt, alpha, gamma));
    return curve;
}

LossConcentration lossConcentration(
    const FocalLossResult& loss, const LabelVector& labels, std::int32_t ignoreIndex)
{
    if (labels.size() != loss.perRow.size())
        throw std::invalid_argument("lossConcentration: labels and losses differ in length");
    std::vector<double> background;
    std::vector<double> foreground;
    for (Index i = 0; i < labels.size(); ++i) {
        if (labels[i] == ignoreIndex)
            continue;
        (labels[i] == 0 ? background : foreground).push_back(loss.perRow[i]);
    }
    sortAscending(background);
    sortAscending(foreground);
    return {concentrationOf(background), concentrationOf(foreground)};
}

ConcentrationOrder concentrationOrder(const PtCache& cache)
{
    ConcentrationOrder order;
    if (cache.mode == LossMode::Sigmoid && cache.classes >= 2)
        return order;
    // Sort key: -log p_t (>= 0, whose bits order as the numbers do), ascending = p_t descending.
    std::vector<hwy::K64V64> background;
    std::vector<hwy::K64V64> foreground;
    for (Index i = 0; i < cache.rows; ++i) {
        const std::int32_t label = cache.labels[i];
        if (label == cache.ignoreIndex)
            continue;
        hwy::K64V64 entry;
        entry.key = std::bit_cast<std::uint64_t>(0.0 - cache.logPt[i]);
        entry.value = static_cast<std::uint64_t>(i);
        (label == 0 ? background : foreground).push_back(entry);
    }
    static thread_local const hwy::Sorter sorter;
    const auto rowsOf = [&](std::vector<hwy::K64V64>& entries) {
        sorter(entries.data(), entries.size(), hwy::SortAscending());
        std::vector<std::int32_t> rows(entries.size());
        for (std::size_t k = 0; k < entries.size(); ++k)
            rows[k] = static_cast<std::int32_t>(entries[k].value);
        return rows;
    };
    order.background = rowsOf(background);
    order.foreground = rowsOf(foreground);
    return order;
}

LossConcentration lossConcentration(const FocalLossResult& loss, const LabelVector& labels,
    std::int32_t ignoreIndex, const ConcentrationOrder& order)
{
    if (order.background.empty() && order.foreground.empty())
        return lossConcentration(loss, labels, ignoreIndex);
    const auto inOrder = [&](const std::vector<std::int32_t>& rows) {
        std::vector<double> losses(rows.size());
        for (std::size_t k = 0; k < rows.size(); ++k)
            losses[k] = loss.perRow[rows[k]];
        // Alphas that differ within the group break the order: sort then.
        if (!std::is_sorted(losses.begin(), losses.end()))
            sortAscending(losses);
        return losses;
    };
    return {concentrationOf(inOrder(order.background)), concentrationOf(inOrder(order.foreground))};
}

std::vector<ClassLoss> lossPerClass(const FocalLossResult& loss, const LabelVector& labels,
    Index targetClasses, std::int32_t ignoreIndex)
{
    if (labels.size() != loss.perRow.size())
        throw std::invalid_argument("lossPerClass: labels and losses differ in length");
    std::vector<ClassLoss> classes(static_cast<std::size_t>(targetClasses));
    std::vector<double> sums(classes.size(), 0.0);
    double total = 0.0;
    for (Index i = 0; i < labels.size(); ++i) {
        const std::int32_t label = labels[i];
        if (label == ignoreIndex || label < 0 || label >= targetClasses)
            continue;
        const auto c = static_cast<std::size_t>(label);
        ++classes[c].samples;
        sums[c] += loss.perRow[i];
        total += loss.perRow[i];
    }
    for (std::size_t c = 0; c < classes.size(); ++c) {
        classes[c].mean
            = classes[c].samples > 0 ? sums[c] / static_cast<double>(classes[c].samples) : kNaN;
        classes[c].share = total > 0.0 ? sums[c] / total : kNaN;
    }
    return classes;
}

double easyShare(const FocalLossResult& loss)
{
    // Ignored rows have p_t NaN (never > 0.5) and loss 0.
    const double total = loss.perRow.sum();
    if (!(total > 0.0))
        return kNaN;
    const double easy = (loss.pt > 0.5).select(loss.perRow, 0.0).sum();
    return easy / total;
}

} // namespace focalscope
