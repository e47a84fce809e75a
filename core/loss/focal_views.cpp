#include "loss/focal_views.h"

#include <hwy/contrib/sort/vqsort.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <thread>

namespace focalscope {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void sortAscending(std::vector<double>& values)
{
    static thread_local const hwy::Sorter sorter;
    sorter(values.data(), values.size(), hwy::SortAscending());
}

// The points a curve of n rows keeps: k_j = floor(j n / (points - 1)), or every k.
std::size_t pointCount(std::size_t n, std::size_t maxPoints)
{
    return maxPoints == 0 || n + 1 <= maxPoints ? n + 1 : std::max<std::size_t>(maxPoints, 2);
}

// Point k of the curve: (k / n, sum of the k smallest / total), from the losses in ascending
// order, lossAt(k) the k-th. Returns false, with an unfinished curve, when strict is set and a
// loss lies more than 1e-12 relative below the one before (the order does not sort them).
template<typename LossAt>
bool cumulate(std::size_t n, std::size_t maxPoints, bool strict, const LossAt& lossAt,
    ConcentrationCurve& curve)
{
    curve.rows = static_cast<Index>(n);
    const std::size_t points = pointCount(n, maxPoints);
    curve.fraction.assign(points, 0.0);
    curve.cumulative.assign(points, 0.0);
    if (n == 0)
        return true;
    const double step = 1.0 / static_cast<double>(n);
    double running = 0.0;
    double previous = 0.0;
    std::size_t k = 0;
    for (std::size_t j = 1; j < points; ++j) {
        const std::size_t next = points == n + 1 ? j : j * n / (points - 1);
        for (; k < next; ++k) {
            const double l = lossAt(k);
            if (strict && l < previous - 1e-12 * previous)
                return false;
            previous = l;
            running += l;
        }
        curve.fraction[j] = static_cast<double>(next) * step;
        curve.cumulative[j] = running;
    }
    // A group without loss has nothing to concentrate: its curve stays at 0.
    const double scale = running > 0.0 ? 1.0 / running : 0.0;
    for (double& c : curve.cumulative)
        c *= scale;
    curve.fraction.back() = 1.0;
    if (running > 0.0)
        curve.cumulative.back() = 1.0;
    return true;
}

// The curve of one group's losses in any order.
ConcentrationCurve concentrationOf(std::vector<double> losses, std::size_t maxPoints)
{
    sortAscending(losses);
    ConcentrationCurve curve;
    cumulate(
        losses.size(), maxPoints, false, [&](std::size_t k) { return losses[k]; }, curve);
    return curve;
}

// The curve of the rows in `rows`, whose losses increase along it (else they are sorted).
ConcentrationCurve concentrationInOrder(
    const Eigen::ArrayXd& perRow, const std::vector<std::int32_t>& rows, std::size_t maxPoints)
{
    ConcentrationCurve curve;
    const auto lossAt = [&](std::size_t k) {
        return perRow[rows[k]];
    };
    if (cumulate(rows.size(), maxPoints, true, lossAt, curve))
        return curve;
    // Alphas that differ within the group break the order.
    std::vector<double> losses(rows.size());
    for (std::size_t k = 0; k < rows.size(); ++k)
        losses[k] = lossAt(k);
    return concentrationOf(std::move(losses), maxPoints);
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

LossConcentration lossConcentration(const FocalLossResult& loss, const LabelVector& labels,
    std::int32_t ignoreIndex, std::size_t maxPoints)
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
    return {concentrationOf(std::move(background), maxPoints),
        concentrationOf(std::move(foreground), maxPoints)};
}

ConcentrationOrder concentrationOrder(const PtCache& cache)
{
    ConcentrationOrder order;
    if (cache.mode == LossMode::Sigmoid && cache.classes >= 2)
        return order;
    // Sort key: -log p_t (>= 0, whose bits order as the numbers do), ascending = p_t descending;
    // then the row, so that rows of equal p_t come in one order every time.
    std::vector<hwy::uint128_t> background;
    std::vector<hwy::uint128_t> foreground;
    for (Index i = 0; i < cache.rows; ++i) {
        const std::int32_t label = cache.labels[i];
        if (label == cache.ignoreIndex)
            continue;
        hwy::uint128_t entry;
        entry.hi = std::bit_cast<std::uint64_t>(0.0 - cache.logPt[i]);
        entry.lo = static_cast<std::uint64_t>(i);
        (label == 0 ? background : foreground).push_back(entry);
    }
    static thread_local const hwy::Sorter sorter;
    const auto rowsOf = [&](std::vector<hwy::uint128_t>& entries) {
        sorter(entries.data(), entries.size(), hwy::SortAscending());
        std::vector<std::int32_t> rows(entries.size());
        for (std::size_t k = 0; k < entries.size(); ++k)
            rows[k] = static_cast<std::int32_t>(entries[k].lo);
        return rows;
    };
    order.background = rowsOf(background);
    order.foreground = rowsOf(foreground);
    return order;
}

LossConcentration lossConcentration(const FocalLossResult& loss, const LabelVector& labels,
    std::int32_t ignoreIndex, const ConcentrationOrder& order, std::size_t maxPoints)
{
    if (order.background.empty() && order.foreground.empty())
        return lossConcentration(loss, labels, ignoreIndex, maxPoints);
    if (labels.size() != loss.perRow.size())
        throw std::invalid_argument("lossConcentration: labels and losses differ in length");
    LossConcentration concentration;
    // The groups on two cores when they are large.
    const auto foreground = [&] {
        concentration.foreground = concentrationInOrder(loss.perRow, order.foreground, maxPoints);
    };
    std::thread thread;
    if (order.foreground.size() >= (std::size_t {1} << 15)
        && std::thread::hardware_concurrency() > 1)
        thread = std::thread(foreground);
    else
        foreground();
    concentration.background = concentrationInOrder(loss.perRow, order.background, maxPoints);
    if (thread.joinable())
        thread.join();
    return concentration;
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

std::vector<ClassLoss> lossPerClass(const LossTotals& totals)
{
    std::vector<ClassLoss> classes(totals.classSums.size());
    for (std::size_t c = 0; c < classes.size(); ++c) {
        const Index samples = totals.classSamples[c];
        classes[c].samples = samples;
        classes[c].mean = samples > 0 ? totals.classSums[c] / static_cast<double>(samples) : kNaN;
        classes[c].share = totals.total > 0.0 ? totals.classSums[c] / totals.total : kNaN;
    }
    return classes;
}

double easyShare(const LossTotals& totals)
{
    return totals.total > 0.0 ? totals.easy / totals.total : kNaN;
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
