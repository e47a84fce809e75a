#include "compare/fold_summary.h"

#include "compare/run_classes.h"
#include "parallel/parallel.h"
#include "roc/ranked_scores.h"
#include "roc/roc_curve.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>

namespace focalscope {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kVerticalPoints = 201;
constexpr std::int64_t kRankedThresholds = 200;

struct MeanSd {
    double mean = kNaN;
    double sd = kNaN;
};

// Mean and sample sd (n - 1) of the values.
MeanSd meanSd(const std::vector<double>& values)
{
    MeanSd out;
    if (values.empty())
        return out;
    double sum = 0.0;
    for (const double v : values)
        sum += v;
    out.mean = sum / static_cast<double>(values.size());
    if (values.size() < 2)
        return out;
    double squares = 0.0;
    for (const double v : values)
        squares += (v - out.mean) * (v - out.mean);
    out.sd = std::sqrt(squares / static_cast<double>(values.size() - 1));
    return out;
}

// NumPy's percentile (method "linear") of q in [0, 100].
double percentile(std::vector<double> values, double q)
{
    if (values.empty())
        return kNaN;
    std::sort(values.begin(), values.end());
    const double h = static_cast<double>(values.size() - 1) * q / 100.0;
    const auto low = static_cast<std::size_t>(std::floor(h));
    if (low + 1 >= values.size())
        return values.back();
    const double t = h - static_cast<double>(low);
    return values[low] + t * (values[low + 1] - values[low]);
}

// np.interp(x, fpr, tpr): with k the last point whose FPR <= x, TPR at k plus the slope to the
// next point times (x - FPR_k); past the last point, the last TPR. Where the curve is vertical
// at x this is its highest TPR there.
double tprAt(const RocCurve& curve, double x)
{
    const auto next = std::upper_bound(curve.fpr.begin(), curve.fpr.end(), x);
    if (next == curve.fpr.begin())
        return curve.tpr.front();
    const auto k = static_cast<std::size_t>(next - curve.fpr.begin()) - 1;
    if (k + 1 >= curve.fpr.size())
        return curve.tpr.back();
    const double slope = (curve.tpr[k + 1] - curve.tpr[k]) / (curve.fpr[k + 1] - curve.fpr[k]);
    return slope * (x - curve.fpr[k]) + curve.tpr[k];
}

// The number of keys >= key in ascending keys.
std::int64_t countAtLeast(const std::vector<ScoreKey>& keys, ScoreKey key)
{
    return static_cast<std::int64_t>(keys.end() - std::lower_bound(keys.begin(), keys.end(), key));
}

// +inf, then up to kRankedThresholds distinct pooled scores evenly spaced by rank, descending.
std::vector<double> averagingThresholds(const RankedScores& pooled)
{
    std::vector<ScoreKey> distinct;
    forEachScoreDescending(
        pooled, [&](ScoreKey key, std::int64_t, std::int64_t) { distinct.push_back(key); });
    std::vector<double> thresholds {std::numeric_limits<double>::infinity()};
    const auto count = static_cast<std::int64_t>(distinct.size());
    std::int64_t previous = -1;
    for (std::int64_t k = 0; k < kRankedThresholds && count > 0; ++k) {
        // round(k (K - 1) / 199), halves up
        const std::int64_t index
            = (2 * k * (count - 1) + (kRankedThresholds - 1)) / (2 * (kRankedThresholds - 1));
        if (index == previous)
            continue;
        thresholds.push_back(keyScore(distinct[static_cast<std::size_t>(index)]));
        previous = index;
    }
    return thresholds;
}

struct FoldClass {
    RankedScores ranked;
    double auroc = kNaN;
    bool defined = false;
};

FoldClassSummary summarizeClass(std::span<const Predictions* const> folds,
    const std::vector<std::unique_ptr<RankingView>>& rankings, const TargetClass& target)
{
    FoldClassSummary out;
    out.targetClass = target.index;
    out.className = target.name;
    std::vector<FoldClass> perFold(folds.size());
    ClassColumn pooled;
    for (std::size_t f = 0; f < folds.size(); ++f) {
        ClassColumn column = classColumn(*folds[f], *rankings[f], target);
        pooled.scores.insert(pooled.scores.end(), column.scores.begin(), column.scores.end());
        pooled.positive.insert(
            pooled.positive.end(), column.positive.begin(), column.positive.end());
        FoldClass& fold = perFold[f];
        fold.ranked = rankScores(column.scores, column.positive);
        fold.auroc = aurocOf(fold.ranked);
        fold.defined = !std::isnan(fold.auroc);
        out.aurocs.push_back(fold.auroc);
    }
    std::vector<double> defined;
    for (const FoldClass& fold : perFold)
        if (fold.defined)
            defined.push_back(fold.auroc);
    const MeanSd auroc = meanSd(defined);
    out.aurocMean = auroc.mean;
    out.aurocSd = auroc.sd;

    const RankedScores pooledRanked = rankScores(pooled.scores, pooled.positive);
    out.pooledAuroc = aurocOf(pooledRanked);
    const RocCurve pooledCurve = rocCurveOf(pooledRanked, true);
    out.pooledFpr = pooledCurve.fpr;
    out.pooledTpr = pooledCurve.tpr;

    std::vector<RocCurve> curves;
    for (const FoldClass& fold : perFold)
        if (fold.defined)
            curves.push_back(rocCurveOf(fold.ranked, false));
    VerticalAverage& vertical = out.vertical;
    std::vector<double> at(curves.size());
    for (int k = 0; k < kVerticalPoints; ++k) {
        const double x = static_cast<double>(k) / (kVerticalPoints - 1);
        for (std::size_t f = 0; f < curves.size(); ++f)
            at[f] = tprAt(curves[f], x);
        const MeanSd tpr = meanSd(at);
        vertical.fpr.push_back(x);
        vertical.tprMean.push_back(tpr.mean);
        vertical.tprSd.push_back(tpr.sd);
        vertical.tprLo.push_back(percentile(at, 2.5));
        vertical.tprHi.push_back(percentile(at, 97.5));
    }

    ThresholdAverage& averaged = out.thresholdAveraged;
    std::vector<double> fprs;
    std::vector<double> tprs;
    for (const double threshold : averagingThresholds(pooledRanked)) {
        fprs.clear();
        tprs.clear();
        for (const FoldClass& fold : perFold) {
            if (!fold.defined)
                continue;
            const bool top = std::isinf(threshold);
            const ScoreKey key = scoreKey(threshold);
            const auto tp = top ? 0 : countAtLeast(fold.ranked.positives, key);
            const auto fp = top ? 0 : countAtLeast(fold.ranked.negatives, key);
            fprs.push_back(
                static_cast<double>(fp) / static_cast<double>(fold.ranked.negatives.size()));
            tprs.push_back(
                static_cast<double>(tp) / static_cast<double>(fold.ranked.positives.size()));
        }
        const MeanSd fpr = meanSd(fprs);
        const MeanSd tpr = meanSd(tprs);
        averaged.threshold.push_back(threshold);
        averaged.fprMean.push_back(fpr.mean);
        averaged.tprMean.push_back(tpr.mean);
        averaged.fprSd.push_back(fpr.sd);
        averaged.tprSd.push_back(tpr.sd);
    }
    return out;
}

} // namespace

std::vector<FoldClassSummary> foldSummary(std::span<const Predictions* const> folds)
{
    if (folds.empty())
        throw std::invalid_argument("no folds to summarise");
    checkSameClasses(folds);
    std::vector<std::unique_ptr<RankingView>> rankings;
    for (const Predictions* fold : folds)
        rankings.push_back(std::make_unique<RankingView>(
            fold->scores, ranksSoftmax(*fold), SoftmaxStorage::RowSums));
    const std::vector<TargetClass> classes = comparedClasses(*folds[0]);
    std::vector<FoldClassSummary> out(classes.size());
    parallel::forEach(classes.size(),
        [&](std::size_t c) { out[c] = summarizeClass(folds, rankings, classes[c]); });
    return out;
}

} // namespace focalscope
