#include "roc/bootstrap.h"

#include "parallel/parallel.h"
#include "roc/resampling.h"
#include "roc/weighted_ranking.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

namespace focalscope {

namespace {

// One thread's cumulative weights, kept for the thread's life (no allocation per replicate).
struct Scratch {
    std::vector<std::uint32_t> rows[2]; // positives, negatives: the draws
    std::vector<std::uint32_t> ranks[2]; // the same in another column's rank order (paired)
};
thread_local Scratch t_scratch;

void checkOptions(const BootstrapOptions& options)
{
    if (options.replicates < 1)
        throw std::invalid_argument(
            "the bootstrap needs >= 1 replicate, got " + std::to_string(options.replicates));
    if (!(options.level > 0.0 && options.level < 1.0))
        throw std::invalid_argument(
            "the interval level must be in (0, 1), got " + std::to_string(options.level));
    if (options.bandPoints == 1 || options.bandPoints < 0)
        throw std::invalid_argument(
            "a ROC band needs 0 or >= 2 points, got " + std::to_string(options.bandPoints));
}

// task(r) for every replicate, in batches between which progress is told (and may cancel).
// Returns false when cancelled.
bool forEachReplicate(
    int replicates, const BootstrapProgress& progress, const std::function<void(std::size_t)>& task)
{
    const auto total = static_cast<std::size_t>(replicates);
    if (!progress) {
        parallel::forEach(total, task);
        return true;
    }
    const std::size_t batch = std::max<std::size_t>(1, (total + 99) / 100);
    for (std::size_t begin = 0; begin < total; begin += batch) {
        if (!progress(static_cast<double>(begin) / static_cast<double>(total)))
            return false;
        const std::size_t count = std::min(batch, total - begin);
        parallel::forEach(count, [&](std::size_t k) { task(begin + k); });
    }
    return progress(1.0);
}

// cumulative[k] = k: every row once, the full sample.
std::vector<std::uint32_t> identityWeights(std::size_t n)
{
    std::vector<std::uint32_t> cumulative(n + 1);
    std::iota(cumulative.begin(), cumulative.end(), 0U);
    return cumulative;
}

// Ranks of one column's positives or negatives: ascending keys and the row (index among the
// positives or negatives) at each rank.
void rankRows(std::span<const double> scores, std::span<const std::uint8_t> positive,
    bool positives, std::vector<ScoreKey>& keys, std::vector<std::uint32_t>& rowAt)
{
    std::vector<KeyedLabel> keyed;
    std::uint32_t row = 0;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        if ((positive[i] != 0) != positives)
            continue;
        if (std::isnan(scores[i]))
            throw std::invalid_argument("score " + std::to_string(i) + " is NaN");
        keyed.push_back({row++, scoreKey(scores[i])});
    }
    sortAscending(keyed);
    keys.resize(keyed.size());
    rowAt.resize(keyed.size());
    for (std::size_t k = 0; k < keyed.size(); ++k) {
        keys[k] = keyed[k].key;
        rowAt[k] = static_cast<std::uint32_t>(keyed[k].label);
    }
}

// Cumulative weights in rank order from cumulative weights in row order.
void toRankOrder(const std::vector<std::uint32_t>& byRow, const std::vector<std::uint32_t>& rowAt,
    std::vector<std::uint32_t>& byRank)
{
    byRank.resize(byRow.size());
    byRank[0] = 0;
    for (std::size_t k = 0; k < rowAt.size(); ++k)
        byRank[k + 1] = byRank[k] + (byRow[rowAt[k] + 1] - byRow[rowAt[k]]);
}

} // namespace

PercentileInterval percentileInterval(std::vector<double> values, double level)
{
    PercentileInterval interval;
    if (values.empty())
        return interval;
    std::sort(values.begin(), values.end());
    // NumPy's linear quantile: index (n - 1) q, lerp a + (b - a) t (b - (b - a)(1 - t), t >= 0.5).
    const auto quantile = [&](double q) {
        const double index = (static_cast<double>(values.size()) - 1.0) * q;
        const double below = std::floor(index);
        const auto k = static_cast<std::size_t>(below);
        if (k + 1 >= values.size())
            return values.back();
        const double t = index - below;
        const double a = values[k];
        const double b = values[k + 1];
        return t >= 0.5 ? b - (b - a) * (1.0 - t) : a + (b - a) * t;
    };
    interval.lower = quantile((1.0 - level) / 2.0);
    interval.upper = quantile((1.0 + level) / 2.0);
    return interval;
}

BootstrapResult bootstrapRanked(const RankedScores& ranked, const BootstrapOptions& options,
    std::uint64_t stream, const BootstrapProgress& progress)
{
    checkOptions(options);
    BootstrapResult result;
    result.replicates = options.replicates;
    result.seed = options.seed;
    result.level = options.level;
    result.auroc = aurocOf(ranked);
    result.averagePrecision = averagePrecisionOf(ranked);
    const std::size_t p = ranked.positives.size();
    const std::size_t n = ranked.negatives.size();
    if (p == 0 || n == 0)
        return result;
    const WeightedRanking ranking(ranked);
    const auto replicates = static_cast<std::size_t>(options.replicates);
    const auto points = static_cast<std::size_t>(options.bandPoints);
    std::vector<double> grid(points);
    for (std::size_t k = 0; k < points; ++k)
        grid[k] = static_cast<double>(k) / static_cast<double>(points - 1);
    result.aurocReplicates.resize(replicates);
    result.averagePrecisionReplicates.resize(replicates);
    std::vector<double> tprs(replicates * points);
    const bool done = forEachReplicate(options.replicates, progress, [&](std::size_t r) {
        SplitMix64 generator = replicateGenerator(options.seed, stream, r);
        Scratch& s = t_scratch;
        drawCumulativeCounts(generator, p, s.rows[0]);
        drawCumulativeCounts(generator, n, s.rows[1]);
        const WeightedRanking::Statistics statistics = ranking.statistics(s.rows[0], s.rows[1]);
        result.aurocReplicates[r] = statistics.auroc;
        result.averagePrecisionReplicates[r] = statistics.averagePrecision;
        if (points > 0)
            ranking.tprAt(
                grid, s.rows[0], s.rows[1], std::span<double>(tprs).subspan(r * points, points));
    });
    if (!done) {
        result.cancelled = true;
        result.aurocReplicates.clear();
        result.averagePrecisionReplicates.clear();
        return result;
    }
    result.aurocCi = percentileInterval(result.aurocReplicates, options.level);
    result.averagePrecisionCi
        = percentileInterval(result.averagePrecisionReplicates, options.level);
    if (points == 0)
        return result;
    RocBand& band = result.band;
    band.fpr = grid;
    band.tpr.resize(points);
    ranking.tprAt(grid, identityWeights(p), identityWeights(n), band.tpr);
    std::vector<double> column(replicates);
    for (std::size_t k = 0; k < points; ++k) {
        for (std::size_t r = 0; r < replicates; ++r)
            column[r] = tprs[r * points + k];
        const PercentileInterval interval = percentileInterval(column, options.level);
        band.tprLower.push_back(interval.lower);
        band.tprUpper.push_back(interval.upper);
    }
    return result;
}

BootstrapResult bootstrapAuroc(std::span<const double> scores,
    std::span<const std::uint8_t> positive, const BootstrapOptions& options,
    const BootstrapProgress& progress)
{
    return bootstrapRanked(rankScores(scores, positive), options, 0, progress);
}

PairedBootstrap bootstrapPairedDelta(std::span<const double> scores1,
    std::span<const double> scores2, std::span<const std::uint8_t> positive,
    const BootstrapOptions& options, const BootstrapProgress& progress)
{
    checkOptions(options);
    if (scores1.size() != positive.size() || scores2.size() != positive.size())
        throw std::invalid_argument("the score columns and the truths differ in length");
    PairedBootstrap result;
    RankedScores ranked[2];
    std::vector<std::uint32_t> rowAt[2][2]; // [column][positives, negatives]
    for (int column = 0; column < 2; ++column) {
        const std::span<const double> scores = column == 0 ? scores1 : scores2;
        rankRows(scores, positive, true, ranked[column].positives, rowAt[column][0]);
        rankRows(scores, positive, false, ranked[column].negatives, rowAt[column][1]);
    }
    result.delta = aurocOf(ranked[0]) - aurocOf(ranked[1]);
    const std::size_t p = ranked[0].positives.size();
    const std::size_t n = ranked[0].negatives.size();
    if (p == 0 || n == 0)
        return result;
    const WeightedRanking ranking[2] = {WeightedRanking(ranked[0]), WeightedRanking(ranked[1])};
    result.deltas.resize(static_cast<std::size_t>(options.replicates));
    const bool done = forEachReplicate(options.replicates, progress, [&](std::size_t r) {
        SplitMix64 generator = replicateGenerator(options.seed, 0, r);
        Scratch& s = t_scratch;
        drawCumulativeCounts(generator, p, s.rows[0]);
        drawCumulativeCounts(generator, n, s.rows[1]);
        double auroc[2];
        for (int column = 0; column < 2; ++column) {
            toRankOrder(s.rows[0], rowAt[column][0], s.ranks[0]);
            toRankOrder(s.rows[1], rowAt[column][1], s.ranks[1]);
            auroc[column] = ranking[column].statistics(s.ranks[0], s.ranks[1]).auroc;
        }
        result.deltas[r] = auroc[0] - auroc[1];
    });
    if (!done) {
        result.cancelled = true;
        result.deltas.clear();
        return result;
    }
    result.ci = percentileInterval(result.deltas, options.level);
    return result;
}

} // namespace focalscope
