#include "loss/focal_views.h"

#include "loss/focal_kernels.h"
#include "parallel/parallel.h"

#include <hwy/contrib/sort/vqsort.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <utility>

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

// The sum of n values, in four running sums (so that the adds need not wait for each other).
double sumOf(const double* values, std::size_t n)
{
    double lanes[4] = {0.0, 0.0, 0.0, 0.0};
    std::size_t i = 0;
    for (; i + 4 <= n; i += 4)
        for (std::size_t j = 0; j < 4; ++j)
            lanes[j] += values[i + j];
    for (; i < n; ++i)
        lanes[0] += values[i];
    return (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);
}

// Point k of the curve: (k / n, sum of the k smallest / total), from the losses in ascending
// order, given block by block: nextBlock(k) returns {a pointer to losses k, k + 1, ..., how
// many, >= 1}. Returns false, with an unfinished curve, when strict is set and a loss lies more
// than 1e-12 relative below the one before (the order does not sort them).
template<typename NextBlock>
bool cumulate(std::size_t n, std::size_t maxPoints, bool strict, const NextBlock& nextBlock,
    ConcentrationCurve& curve)
{
    curve.rows = static_cast<Index>(n);
    const std::size_t points = pointCount(n, maxPoints);
    curve.fraction.assign(points, 0.0);
    curve.cumulative.assign(points, 0.0);
    if (n == 0)
        return true;
    const auto sampleAt = [&](std::size_t j) {
        return points == n + 1 ? j : j * n / (points - 1);
    };
    const double step = 1.0 / static_cast<double>(n);
    double running = 0.0;
    double previous = 0.0;
    std::size_t j = 1;
    std::size_t next = sampleAt(1);
    for (std::size_t k = 0; k < n;) {
        const auto [losses, m] = nextBlock(k);
        if (strict) {
            bool sorted = true;
            for (std::size_t i = 0; i < m; ++i) {
                sorted &= losses[i] >= previous - 1e-12 * previous;
                previous = losses[i];
            }
            if (!sorted)
                return false;
        }
        // Segments of the block between sample points.
        for (std::size_t i = 0; i < m;) {
            const std::size_t end = std::min(m, next - k);
            running += sumOf(losses + i, end - i);
            i = end;
            if (k + i == next) {
                curve.fraction[j] = static_cast<double>(next) * step;
                curve.cumulative[j] = running;
                if (++j < points)
                    next = sampleAt(j);
            }
        }
        k += m;
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

constexpr std::size_t kBlock = 2048;

// The curve of one group's losses in any order.
ConcentrationCurve concentrationOf(std::vector<double> losses, std::size_t maxPoints)
{
    sortAscending(losses);
    ConcentrationCurve curve;
    const auto rest = [&](std::size_t k) {
        return std::pair<const double*, std::size_t>(losses.data() + k, losses.size() - k);
    };
    cumulate(losses.size(), maxPoints, false, rest, curve);
    return curve;
}

// The curve of the rows in `rows`, whose losses increase along it (else they are sorted).
ConcentrationCurve concentrationInOrder(
    const Eigen::ArrayXd& perRow, const std::vector<std::int32_t>& rows, std::size_t maxPoints)
{
    ConcentrationCurve curve;
    std::array<double, kBlock> block;
    const auto gathered = [&](std::size_t k) {
        const std::size_t m = std::min(kBlock, rows.size() - k);
        for (std::size_t i = 0; i < m; ++i)
            block[i] = perRow[rows[k + i]];
        return std::pair<const double*, std::size_t>(block.data(), m);
    };
    if (cumulate(rows.size(), maxPoints, true, gathered, curve))
        return curve;
    // Alphas that differ within the group break the order.
    std::vector<double> losses(rows.size());
    for (std::size_t k = 0; k < rows.size(); ++k)
        losses[k] = perRow[rows[k]];
    return concentrationOf(std::move(losses), maxPoints);
}

// The curve of a group from its ordered entries: losses recomputed block by block in order.
ConcentrationCurve orderedConcentration(const OrderedEntries& entries,
    const std::vector<std::int32_t>& rows, const Eigen::VectorXd& table, double gamma,
    const Eigen::ArrayXd& perRow, std::size_t maxPoints)
{
    Eigen::ArrayXd weights(table.size() + 1);
    weights[0] = 0.0;
    weights.tail(table.size()) = table.array();
    std::array<double, kBlock> block;
    // l = -alpha_t (1 - p_t)^gamma log p_t of entries k .. k + m - 1, as focalLoss() computes it
    const auto computed = [&](std::size_t k) {
        const std::size_t m = std::min(kBlock, rows.size() - k);
        focalEntryLossIndexed(entries.logPt.data() + k, entries.log1mPt.data() + k,
            entries.alphaIndex.data() + k, weights.data(), m, gamma, block.data());
        return std::pair<const double*, std::size_t>(block.data(), m);
    };
    ConcentrationCurve curve;
    if (cumulate(rows.size(), maxPoints, true, computed, curve))
        return curve;
    // Alphas that differ within the group break the order.
    std::vector<double> losses(rows.size());
    for (std::size_t k = 0; k < rows.size(); ++k)
        losses[k] = perRow[rows[k]];
    return concentrationOf(std::move(losses), maxPoints);
}

// Runs background() here and foreground() on a second core when there is enough work.
template<typename Background, typename Foreground>
void bothGroups(
    std::size_t foregroundRows, const Background& background, const Foreground& foreground)
{
    if (foregroundRows < (std::size_t {1} << 15)) {
        foreground();
        background();
        return;
    }
    parallel::forEach(2, [&](std::size_t k) {
        if (k == 0)
            foreground();
        else
            background();
    });
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

namespace {

// f(p_t, alpha, gamma) at ptSamples(count).
Curve sampledOverPt(double (*f)(double, double, double), double alpha, double gamma, int count)
{
    Curve curve;
    curve.x = ptSamples(count);
    curve.y.reserve(curve.x.size());
    for (double pt : curve.x)
        curve.y.push_back(f(pt, alpha, gamma));
    return curve;
}

} // namespace

Curve lossVsPt(double alpha, double gamma, int count)
{
    return sampledOverPt(focalLossAt, alpha, gamma, count);
}

Curve gradientVsPt(double alpha, double gamma, int count)
{
    return sampledOverPt(focalGradientAt, alpha, gamma, count);
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
    bothGroups(
        order.foreground.size(),
        [&] {
            concentration.background
                = concentrationInOrder(loss.perRow, order.background, maxPoints);
        },
        [&] {
            concentration.foreground
                = concentrationInOrder(loss.perRow, order.foreground, maxPoints);
        });
    return concentration;
}

LossConcentration lossConcentration(const PtCache& cache, const FocalParams& params,
    const FocalLossResult& loss, std::size_t maxPoints)
{
    const ConcentrationOrder& order = cache.order;
    if (order.background.empty() && order.foreground.empty())
        return lossConcentration(loss, cache.labels, cache.ignoreIndex, maxPoints);
    if (cache.labels.size() != loss.perRow.size())
        throw std::invalid_argument("lossConcentration: the loss is not of this cache");
    const Eigen::VectorXd table = alphaTable(params.alpha, cache.mode, cache.classes);
    LossConcentration concentration;
    bothGroups(
        order.foreground.size(),
        [&] {
            concentration.background = orderedConcentration(cache.orderedBackground,
                order.background, table, params.gamma, loss.perRow, maxPoints);
        },
        [&] {
            concentration.foreground = orderedConcentration(cache.orderedForeground,
                order.foreground, table, params.gamma, loss.perRow, maxPoints);
        });
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
