#include "loss/focal_loss.h"

#include "loss/focal_blocks.h"
#include "loss/focal_kernels.h"
#include "loss/parallel_parts.h"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace focalscope {

namespace {

// The target classes of a task: two for one score column, else one per column.
Index targetCount(Index classes)
{
    return classes == 1 ? 2 : classes;
}

// alpha_t of column c's entries (elementwise) or of the rows (softmax) of a block; 0 if ignored.
// Returns their sum.
double alphaOfBlock(const Eigen::VectorXd& table, LossMode mode, Index classes,
    const std::int32_t* labels, std::int32_t ignoreIndex, Index n, Index c, double* alphaT)
{
    double sum = 0.0;
    for (Index i = 0; i < n; ++i) {
        const std::int32_t label = labels[i];
        const bool ignored = label == ignoreIndex;
        const double a = table[alphaIndexOf(mode, classes, ignored ? 0 : label, c)];
        alphaT[i] = ignored ? 0.0 : a;
        sum += alphaT[i];
    }
    return sum;
}

// What one part of the rows sums.
struct PartSums {
    static constexpr std::size_t kLanes = 4;
    explicit PartSums(Index targets)
        : classSums(kLanes * static_cast<std::size_t>(targets + 1), 0.0)
        , classSamples(kLanes * static_cast<std::size_t>(targets + 1), 0)
    {
    }
    double alphaSum = 0.0;
    bool labelsFit = true;
    std::array<double, kLanes> easy {};
    // Per lane: per target class, then the rows of no target.
    std::vector<double> classSums;
    std::vector<Index> classSamples;
};

// Whether every label of a block is a target class or the ignore index (no branch per row).
bool labelsFit(const std::int32_t* labels, Index n, std::int32_t ignoreIndex, Index targets)
{
    bool fit = true;
    for (Index i = 0; i < n; ++i)
        fit &= labels[i] == ignoreIndex || (labels[i] >= 0 && labels[i] < targets);
    return fit;
}

// Up to this many target classes, a block's per-class sums are masked vector sums (one pass
// per class); beyond, addRows() adds each row to its class.
constexpr Index kMaxMaskedClasses = 32;

// Adds a block's rows to the sums; kCount: their number too.
template<bool kCount>
void addRows(const std::int32_t* labels, std::int32_t ignoreIndex, Index n, const double* rowLoss,
    const double* rowPt, PartSums& sums)
{
    // Slot `targets` collects ignored rows (and labels outside the targets), dropped afterwards;
    // no branch depends on the data. Row i goes to lane i % kLanes, so that consecutive rows of
    // one class do not wait for each other's sums.
    const std::size_t slots = sums.classSums.size() / PartSums::kLanes;
    const auto targets = static_cast<std::int32_t>(slots) - 1;
    double* classSums = sums.classSums.data();
    Index* classSamples = sums.classSamples.data();
    for (Index i = 0; i < n; ++i) {
        const std::int32_t label = labels[i];
        const bool counted = label != ignoreIndex && label >= 0 && label < targets;
        const double l = rowLoss[i];
        const std::size_t lane = static_cast<std::size_t>(i) % PartSums::kLanes;
        const std::size_t slot = lane * slots + static_cast<std::size_t>(counted ? label : targets);
        classSums[slot] += l;
        if constexpr (kCount)
            ++classSamples[slot];
        sums.easy[lane] += counted && rowPt[i] > 0.5 ? l : 0.0;
    }
}

// The loss of a block: blockLoss(begin, n, buffers, rowLoss, rowPt) writes the n rows' losses
// to rowLoss and returns {the rows' p_t (in rowPt or elsewhere), the sum of their alpha_t}.
struct BlockResult {
    const double* rowPt;
    double alphaSum;
};

// Runs blockLoss over the rows in blocks, parts on all cores, keeps the rows' values when asked
// and reduces in part order. `columns` scores are read per row; a row has entriesPerRow terms
// in the mean (sigmoid mode on C >= 2 columns: C, else 1).
template<typename BlockLoss>
FocalLossResult streamLoss(const LabelVector& labels, std::int32_t ignoreIndex, Index columns,
    Index entriesPerRow, Index targets, RowValues values, const FocalParams& params,
    const Index* knownSamples, const Predictions* unchecked, const BlockLoss& blockLoss)
{
    const Index rows = labels.size();
    const bool keep = values == RowValues::Keep;
    FocalLossResult result;
    if (keep) {
        result.perRow.resize(rows);
        result.pt.resize(rows);
    }
    const int parts = parallel::partCount(rows);
    std::vector<PartSums> sums(static_cast<std::size_t>(parts), PartSums(targets));
    parallel::forEachPart(rows, columns, parts, [&](int p, Index begin, Index end) {
        BlockBuffers& own = threadBlockBuffers();
        PartSums& part = sums[static_cast<std::size_t>(p)];
        for (Index b = begin; b < end; b += kBlockRows) {
            const Index n = std::min(kBlockRows, end - b);
            if (unchecked && !labelsFit(labels.data() + b, n, ignoreIndex, targets)) {
                part.labelsFit = false;
                return;
            }
            double* rowLoss = keep ? result.perRow.data() + b : own.rowLoss.data();
            double* rowPt = keep ? result.pt.data() + b : own.rowPt.data();
            const BlockResult block = blockLoss(b, n, own, rowLoss, rowPt);
            if (keep && block.rowPt != rowPt)
                std::copy_n(block.rowPt, n, rowPt);
            part.alphaSum += block.alphaSum;
            if (targets <= kMaxMaskedClasses)
                classSums(labels.data() + b, ignoreIndex, rowLoss, block.rowPt,
                    static_cast<std::size_t>(n), static_cast<int>(targets), part.classSums.data(),
                    knownSamples ? nullptr : part.classSamples.data(), part.easy.data());
            else if (knownSamples)
                addRows<false>(labels.data() + b, ignoreIndex, n, rowLoss, block.rowPt, part);
            else
                addRows<true>(labels.data() + b, ignoreIndex, n, rowLoss, block.rowPt, part);
        }
    });

    for (const PartSums& part : sums)
        if (!part.labelsFit)
            validatePredictions(*unchecked); // throws the precise error
    LossTotals& totals = result.totals;
    totals.classSums.assign(static_cast<std::size_t>(targets), 0.0);
    totals.classSamples.assign(static_cast<std::size_t>(targets), 0);
    const std::size_t slots = static_cast<std::size_t>(targets) + 1;
    if (knownSamples)
        for (std::size_t c = 0; c < totals.classSamples.size(); ++c) {
            totals.classSamples[c] = knownSamples[c];
            result.counted += knownSamples[c];
        }
    for (const PartSums& part : sums) {
        result.alphaSum += part.alphaSum;
        for (std::size_t lane = 0; lane < PartSums::kLanes; ++lane) {
            totals.easy += part.easy[lane];
            for (std::size_t c = 0; c < totals.classSums.size(); ++c) {
                totals.total += part.classSums[lane * slots + c];
                totals.classSums[c] += part.classSums[lane * slots + c];
                totals.classSamples[c] += part.classSamples[lane * slots + c];
                result.counted += part.classSamples[lane * slots + c];
            }
        }
    }
    const double sum = totals.total;
    const Index reducedEntries = result.counted * entriesPerRow;
    const double mean = reducedEntries > 0 ? sum / static_cast<double>(reducedEntries) : kNaN;
    switch (params.reduction) {
    case Reduction::Mean:
    case Reduction::None:
        result.value = mean;
        break;
    case Reduction::Sum:
        result.value = sum;
        break;
    case Reduction::WeightedMean:
        result.value = sum / result.alphaSum;
        break;
    }
    return result;
}

void checkMode(const PtCache& cache, const FocalParams& params)
{
    if (params.mode != cache.mode)
        throw std::invalid_argument(
            "the focal loss parameters ask for another mode than the cache");
}

} // namespace

FocalLossResult focalLoss(const PtCache& cache, const FocalParams& params)
{
    checkGamma(params.gamma);
    checkMode(cache, params);
    const Eigen::VectorXd table = alphaTable(params.alpha, cache.mode, cache.classes);
    const Index targets = targetCount(cache.classes);
    if (static_cast<Index>(cache.alphaIndexCounts.size()) != table.size())
        throw std::invalid_argument("the cache was not made by computePtCache()");
    // weights[alphaIndex + 1]: 0 for ignored rows (index -1), else alphaTable()'s entry.
    Eigen::ArrayXd weights(table.size() + 1);
    weights[0] = 0.0;
    weights.tail(table.size()) = table.array();
    const bool perElement = cache.mode == LossMode::Sigmoid && cache.classes >= 2;
    const Index columns = perElement ? cache.classes : 1;
    const Index rows = cache.rows;
    const double gamma = params.gamma;
    FocalLossResult result = streamLoss(cache.labels, cache.ignoreIndex, columns, columns, targets,
        RowValues::Keep, params, cache.alphaIndexCounts.data(), nullptr,
        [&](Index begin, Index n, BlockBuffers& buffers, double* rowLoss, double*) {
            for (Index c = 0; c < columns; ++c) {
                const Index offset = c * rows + begin;
                double* loss = c == 0 ? rowLoss : buffers.loss.data();
                focalEntryLossIndexed(cache.logPt.data() + offset, cache.log1mPt.data() + offset,
                    cache.alphaIndex.data() + offset, weights.data(), static_cast<std::size_t>(n),
                    gamma, loss);
                if (c > 0)
                    for (Index k = 0; k < n; ++k)
                        rowLoss[k] += loss[k];
            }
            return BlockResult {cache.rowPt.data() + begin, 0.0};
        });
    // The sum of alpha_t over the entries, from the number of entries of each weight.
    double alphaSum = 0.0;
    for (Index k = 0; k < table.size(); ++k)
        alphaSum
            += static_cast<double>(cache.alphaIndexCounts[static_cast<std::size_t>(k)]) * table[k];
    result.alphaSum = alphaSum;
    if (params.reduction == Reduction::WeightedMean)
        result.value = result.totals.total / alphaSum;
    return result;
}

FocalLossResult focalLoss(const Predictions& predictions, const FocalParams& params)
{
    return focalLoss(predictions, params, RowValues::Keep);
}

FocalLossResult focalLoss(const Predictions& predictions, const FocalParams& params, RowValues rows)
{
    // The shapes here; the labels block by block in the pass, before their rows are read.
    if (predictions.labels.size() != predictions.rows() || predictions.classes() < 1)
        validatePredictions(predictions);
    checkGamma(params.gamma);
    const Index classes = predictions.classes();
    const Eigen::VectorXd table = alphaTable(params.alpha, params.mode, classes);
    const LossMode mode = params.mode;
    const bool byElement = elementwise(mode, classes);
    const std::int32_t ignoreIndex = predictions.ignoreIndex;
    const double gamma = params.gamma;
    const Index entriesPerRow = mode == LossMode::Sigmoid ? classes : 1;
    // Where an entry's alpha index is its label (softmax, one column), alpha_t is gathered from
    // weights[label + 1] and the alpha sum comes from the class counts.
    const bool byLabel = !(mode == LossMode::Sigmoid && classes >= 2);
    Eigen::ArrayXd weights(table.size() + 1);
    weights[0] = 0.0;
    weights.tail(table.size()) = table.array();
    FocalLossResult result = streamLoss(predictions.labels, ignoreIndex, classes, entriesPerRow,
        targetCount(classes), rows, params, nullptr, &predictions,
        [&](Index begin, Index n, BlockBuffers& buffers, double* rowLoss, double* rowPt) {
            const std::int32_t* labels = predictions.labels.data() + begin;
            const auto count = static_cast<std::size_t>(n);
            double* logPt = buffers.logPt.data();
            double* log1mPt = buffers.log1mPt.data();
            double* alphaT = buffers.alphaT.data();
            double alphaSum = 0.0;
            if (byLabel)
                gatherAlpha(labels, ignoreIndex, weights.data(), count, alphaT);
            if (!byElement) {
                softmaxRows(predictions, begin, n, alphaT, gamma, false, buffers, logPt, log1mPt,
                    rowLoss, rowPt);
                return BlockResult {rowPt, alphaSum};
            }
            // A row's loss is the sum over its elements; its p_t is that of its target column.
            double* targetLogPt = buffers.m.data();
            for (Index c = 0; c < classes; ++c) {
                elementLogs(predictions, c, begin, n, buffers, logPt, log1mPt);
                if (!byLabel)
                    alphaSum
                        += alphaOfBlock(table, mode, classes, labels, ignoreIndex, n, c, alphaT);
                double* loss = c == 0 ? rowLoss : buffers.loss.data();
                focalEntryLoss(logPt, log1mPt, alphaT, count, gamma, loss);
                if (c > 0)
                    for (Index i = 0; i < n; ++i)
                        rowLoss[i] += loss[i];
                for (Index i = 0; i < n; ++i)
                    if (classes == 1 || labels[i] == c)
                        targetLogPt[i] = logPt[i];
            }
            rowPtOf(targetLogPt, labels, ignoreIndex, n, rowPt);
            return BlockResult {rowPt, alphaSum};
        });
    if (byLabel) {
        result.alphaSum = 0.0;
        for (std::size_t c = 0; c < result.totals.classSamples.size(); ++c)
            result.alphaSum += static_cast<double>(result.totals.classSamples[c])
                * table[static_cast<Index>(c)];
        if (params.reduction == Reduction::WeightedMean)
            result.value = result.totals.total / result.alphaSum;
    }
    return result;
}

Eigen::ArrayXXd sigmoidFocalLossElements(const Predictions& predictions, const FocalParams& params)
{
    FocalParams sigmoid = params;
    sigmoid.mode = LossMode::Sigmoid;
    checkGamma(params.gamma);
    const PtCache cache = computePtCache(predictions, LossMode::Sigmoid);
    const Eigen::VectorXd table = alphaTable(sigmoid.alpha, LossMode::Sigmoid, cache.classes);
    Eigen::ArrayXXd elements(cache.rows, cache.classes);
    const Index entries = cache.rows * cache.classes;
    Eigen::ArrayXd alphaT(kBlockRows);
    for (Index begin = 0; begin < entries; begin += kBlockRows) {
        const Index n = std::min(kBlockRows, entries - begin);
        for (Index k = 0; k < n; ++k) {
            const int index = cache.alphaIndex[begin + k];
            alphaT[k] = index < 0 ? 0.0 : table[index];
        }
        focalEntryLoss(cache.logPt.data() + begin, cache.log1mPt.data() + begin, alphaT.data(),
            static_cast<std::size_t>(n), params.gamma, elements.data() + begin);
    }
    return elements;
}

} // namespace focalscope
