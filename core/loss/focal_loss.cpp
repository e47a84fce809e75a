#include "loss/focal_loss.h"

#include "loss/focal_kernels.h"
#include "loss/focal_views.h"
#include "loss/parallel_parts.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace focalscope {

namespace {

constexpr double kProbabilityFloor = 1e-12;
constexpr Index kBlockRows = 2048;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kNegInf = -std::numeric_limits<double>::infinity();

// A one-column task is binary in either mode: its column is the score of class 1 against 0.
bool elementwise(LossMode mode, Index classes)
{
    return mode == LossMode::Sigmoid || classes == 1;
}

// softplus(z) = log(1 + e^z) = max(z, 0) + log1p(e^-|z|)
double softplus(double z)
{
    return std::max(z, 0.0) + std::log1p(std::exp(-std::abs(z)));
}

double clampedProbability(double p)
{
    return std::clamp(p, kProbabilityFloor, 1.0 - kProbabilityFloor);
}

// The logit that the gradient is taken with respect to, for one element.
double elementLogit(double score, ScoreKind kind)
{
    if (kind == ScoreKind::Logits)
        return score;
    const double p = clampedProbability(score);
    return std::log(p) - std::log1p(-p);
}

void checkGamma(double gamma)
{
    if (!(gamma >= 0.0) || !std::isfinite(gamma))
        throw std::invalid_argument(
            "gamma must be a finite number >= 0, got " + std::to_string(gamma));
}

// The index into alphaTable() of element (row label, column c).
int alphaIndexOf(LossMode mode, Index classes, std::int32_t label, Index c)
{
    if (mode == LossMode::Sigmoid && classes >= 2)
        return label == c ? static_cast<int>(c) : static_cast<int>(classes + c);
    return label;
}

} // namespace

Eigen::VectorXd effectiveAlpha(const Alpha& alpha, LossMode mode, Index classes)
{
    if (classes < 1)
        throw std::invalid_argument("focal loss needs at least one score column");
    const auto listOf = [&](Index expected) {
        if (static_cast<Index>(alpha.perClass.size()) != expected)
            throw std::invalid_argument("alpha lists " + std::to_string(alpha.perClass.size())
                + " weights but there are " + std::to_string(expected) + " classes");
        return Eigen::Map<const Eigen::VectorXd>(alpha.perClass.data(), expected).eval();
    };
    if (mode == LossMode::Softmax) {
        const Index targets = std::max<Index>(classes, 2);
        switch (alpha.mode) {
        case Alpha::Mode::Scalar: {
            Eigen::VectorXd w = Eigen::VectorXd::Constant(targets, 1.0 - alpha.scalar);
            w[0] = alpha.scalar;
            return w;
        }
        case Alpha::Mode::PerClass:
            return listOf(targets);
        case Alpha::Mode::None:
            return Eigen::VectorXd::Ones(targets);
        }
    }
    // Sigmoid: torchvision weights a positive by alpha and a negative by 1 - alpha; alpha < 0
    // turns the weighting off.
    const auto positiveWeight = [](double a) {
        return a >= 0.0 ? a : 1.0;
    };
    const auto negativeWeight = [](double a) {
        return a >= 0.0 ? 1.0 - a : 1.0;
    };
    if (classes == 1) {
        switch (alpha.mode) {
        case Alpha::Mode::Scalar:
            return Eigen::Vector2d(negativeWeight(alpha.scalar), positiveWeight(alpha.scalar));
        case Alpha::Mode::PerClass:
            if (alpha.perClass.size() == 1)
                return Eigen::Vector2d(
                    negativeWeight(alpha.perClass[0]), positiveWeight(alpha.perClass[0]));
            return listOf(2);
        case Alpha::Mode::None:
            return Eigen::VectorXd::Ones(2);
        }
    }
    switch (alpha.mode) {
    case Alpha::Mode::Scalar:
        return Eigen::VectorXd::Constant(classes, positiveWeight(alpha.scalar));
    case Alpha::Mode::PerClass:
        return listOf(classes).unaryExpr(positiveWeight);
    case Alpha::Mode::None:
        return Eigen::VectorXd::Ones(classes);
    }
    return {};
}

Eigen::VectorXd alphaTable(const Alpha& alpha, LossMode mode, Index classes)
{
    const Eigen::VectorXd positive = effectiveAlpha(alpha, mode, classes);
    if (mode == LossMode::Softmax || classes == 1)
        return positive;
    Eigen::VectorXd table(2 * classes);
    table.head(classes) = positive;
    for (Index c = 0; c < classes; ++c) {
        double a = 0.0;
        switch (alpha.mode) {
        case Alpha::Mode::Scalar:
            a = alpha.scalar;
            break;
        case Alpha::Mode::PerClass:
            a = alpha.perClass[static_cast<std::size_t>(c)];
            break;
        case Alpha::Mode::None:
            a = -1.0;
            break;
        }
        table[classes + c] = a >= 0.0 ? 1.0 - a : 1.0;
    }
    return table;
}

namespace {

// The target classes of a task: two for one score column, else one per column.
Index targetCount(Index classes)
{
    return classes == 1 ? 2 : classes;
}

// One thread's buffers for a block of at most kBlockRows rows.
struct BlockBuffers {
    BlockBuffers()
        : m(kBlockRows)
        , r(kBlockRows)
        , x(kBlockRows)
        , a(kBlockRows)
        , b(kBlockRows)
        , logPt(kBlockRows)
        , log1mPt(kBlockRows)
        , alphaT(kBlockRows)
        , loss(kBlockRows)
        , rowLoss(kBlockRows)
        , rowPt(kBlockRows)
    {
    }
    Eigen::ArrayXd m, r, x, a, b, logPt, log1mPt, alphaT, loss, rowLoss, rowPt;
};

// Softmax rows [begin, begin + n) over C >= 2 columns: log p_t, log(1 - p_t), p_t and, with
// their alpha_t, the losses; ignored rows get 0, -inf, NaN and loss 0 (alpha_t 0). log(1 - p_t)
// may be left out (withLog1mPt false) for logits, whose losses do not need it for whole gammas.
// Logits: log p_t = (x_t - m) - log1p(r), m the row max and r the sum of the other terms exp(x_j -
// m), so that well-classified rows keep their precision. Probabilities: p_t clamped to [1e-12, 1],
// log(1 - p_t) = log1p(-p_t).
void softmaxRows(const Predictions& predictions, Index begin, Index n, const double* alphaT,
    double gamma, bool withLog1mPt, BlockBuffers& buffers, double* logPt, double* log1mPt,
    double* loss, double* pt)
{
    const Index rows = predictions.rows();
    const Index classes = predictions.classes();
    const double* scores = predictions.scores.data();
    const std::int32_t* labels = predictions.labels.data() + begin;
    const std::int32_t ignoreIndex = predictions.ignoreIndex;
    const auto count = static_cast<std::size_t>(n);
    if (predictions.kind == ScoreKind::Logits) {
        double* m = buffers.m.data();
        double* r = buffers.r.data();
        softmaxSums(scores + begin, static_cast<std::size_t>(rows),
            static_cast<std::size_t>(classes), count, m, r);
        double* xtMinusM = buffers.x.data();
        for (Index i = 0; i < n; ++i) {
            const std::int32_t label = labels[i];
            xtMinusM[i] = label == ignoreIndex
                ? 0.0
                : static_cast<double>(scores[label * rows + begin + i]) - m[i];
        }
        softmaxRowLoss(xtMinusM, r, alphaT, count, gamma, withLog1mPt, logPt, log1mPt, loss, pt);
    } else {
        for (Index i = 0; i < n; ++i) {
            const std::int32_t label = labels[i];
            pt[i] = label == ignoreIndex ? 1.0 : scores[label * rows + begin + i];
        }
        probabilityLogs(pt, count, kProbabilityFloor, 1.0, logPt, log1mPt);
        focalEntryLoss(logPt, log1mPt, alphaT, count, gamma, loss);
        std::copy_n(logPt, n, pt);
        expInPlace(pt, count);
    }
    for (Index i = 0; i < n; ++i)
        if (labels[i] == ignoreIndex) {
            logPt[i] = 0.0;
            log1mPt[i] = kNegInf;
            pt[i] = kNaN;
        }
}

// log p_t and log(1 - p_t) of column c's elements in rows [begin, begin + n), elementwise (the
// sigmoid form, and softmax on one column). log p_t = -ce with torchvision's
// ce = max(x,0) - x y + log1p(exp(-|x|)) for hard y, i.e. -softplus(-x) for y = 1 and
// -softplus(x) for y = 0; log(1 - p_t) is the other one. Probabilities: the clamped BCE,
// p in [1e-12, 1 - 1e-12]. Ignored rows get 0 and -inf.
void elementLogs(const Predictions& predictions, Index c, Index begin, Index n,
    BlockBuffers& buffers, double* logPt, double* log1mPt)
{
    const Index rows = predictions.rows();
    const double* x = predictions.scores.data() + c * rows + begin;
    const std::int32_t* labels = predictions.labels.data() + begin;
    const std::int32_t ignoreIndex = predictions.ignoreIndex;
    const auto count = static_cast<std::size_t>(n);
    double* xd = buffers.x.data();
    std::copy_n(x, n, xd);
    // a = log p, b = log(1 - p) of the element's positive side.
    double* a = buffers.a.data();
    double* b = buffers.b.data();
    if (predictions.kind == ScoreKind::Logits)
        sigmoidLogs(xd, count, a, b);
    else
        probabilityLogs(xd, count, kProbabilityFloor, 1.0 - kProbabilityFloor, a, b);
    const std::int32_t positive = predictions.classes() == 1 ? 1 : static_cast<std::int32_t>(c);
    for (Index i = 0; i < n; ++i) {
        const std::int32_t label = labels[i];
        const bool ignored = label == ignoreIndex;
        const bool y = label == positive;
        logPt[i] = ignored ? 0.0 : (y ? a[i] : b[i]);
        log1mPt[i] = ignored ? kNegInf : (y ? b[i] : a[i]);
    }
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

// p_t = exp(log p_t) of a block's rows, NaN for ignored ones.
void rowPtOf(
    const double* logPt, const std::int32_t* labels, std::int32_t ignoreIndex, Index n, double* pt)
{
    std::copy_n(logPt, n, pt);
    expInPlace(pt, static_cast<std::size_t>(n));
    for (Index i = 0; i < n; ++i)
        if (labels[i] == ignoreIndex)
            pt[i] = kNaN;
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
    std::vector<BlockBuffers> buffers(
        static_cast<std::size_t>(parallel::threadCount(rows, columns, parts)));
    parallel::forEachPart(rows, columns, parts, [&](int t, int p, Index begin, Index end) {
        BlockBuffers& own = buffers[static_cast<std::size_t>(t)];
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

PtCache computePtCache(const Predictions& predictions, LossMode mode)
{
    validatePredictions(predictions);
    PtCache cache;
    cache.mode = mode;
    cache.kind = predictions.kind;
    cache.rows = predictions.rows();
    cache.classes = predictions.classes();
    cache.labels = predictions.labels;
    cache.ignoreIndex = predictions.ignoreIndex;
    cache.counted = predictions.countedRows();

    const Index rows = cache.rows;
    const Index classes = cache.classes;
    const bool perElement = mode == LossMode::Sigmoid && classes >= 2;
    const Index entries = perElement ? rows * classes : rows;
    cache.logPt.resize(entries);
    cache.log1mPt.resize(entries);
    cache.alphaIndex.resize(entries);
    cache.rowPt.resize(rows);
    const std::int32_t ignoreIndex = predictions.ignoreIndex;

    const int parts = parallel::partCount(rows);
    std::vector<BlockBuffers> buffers(
        static_cast<std::size_t>(parallel::threadCount(rows, classes, parts)));
    parallel::forEachPart(rows, classes, parts, [&](int t, int, Index begin, Index end) {
        BlockBuffers& own = buffers[static_cast<std::size_t>(t)];
        for (Index b = begin; b < end; b += kBlockRows) {
            const Index n = std::min(kBlockRows, end - b);
            const std::int32_t* labels = predictions.labels.data() + b;
            if (!elementwise(mode, classes)) {
                // Only the logs are kept: alpha_t 0 for every row.
                own.alphaT.setZero();
                softmaxRows(predictions, b, n, own.alphaT.data(), 0.0, true, own,
                    cache.logPt.data() + b, cache.log1mPt.data() + b, own.loss.data(),
                    cache.rowPt.data() + b);
                for (Index i = 0; i < n; ++i)
                    cache.alphaIndex[b + i] = labels[i] == ignoreIndex ? -1 : labels[i];
                continue;
            }
            // A row's p_t is that of its target column (of its one column for a binary task).
            double* targetLogPt = own.logPt.data();
            for (Index c = 0; c < classes; ++c) {
                const Index offset = perElement ? c * rows + b : b;
                elementLogs(predictions, c, b, n, own, cache.logPt.data() + offset,
                    cache.log1mPt.data() + offset);
                for (Index i = 0; i < n; ++i) {
                    const std::int32_t label = labels[i];
                    cache.alphaIndex[offset + i]
                        = label == ignoreIndex ? -1 : alphaIndexOf(mode, classes, label, c);
                    if (classes == 1 || label == c)
                        targetLogPt[i] = cache.logPt[offset + i];
                }
            }
            rowPtOf(targetLogPt, labels, ignoreIndex, n, cache.rowPt.data() + b);
        }
    });
    cache.alphaIndexCounts.assign(
        static_cast<std::size_t>(alphaTable(Alpha::none(), mode, classes).size()), 0);
    for (Index k = 0; k < entries; ++k)
        if (cache.alphaIndex[k] >= 0)
            ++cache.alphaIndexCounts[static_cast<std::size_t>(cache.alphaIndex[k])];
    cache.order = concentrationOrder(cache);
    const auto entriesOf = [&](const std::vector<std::int32_t>& order) {
        OrderedEntries entries;
        const auto n = static_cast<Index>(order.size());
        entries.logPt.resize(n);
        entries.log1mPt.resize(n);
        entries.alphaIndex.resize(n);
        for (Index k = 0; k < n; ++k) {
            const std::int32_t row = order[static_cast<std::size_t>(k)];
            entries.logPt[k] = cache.logPt[row];
            entries.log1mPt[k] = cache.log1mPt[row];
            entries.alphaIndex[k] = cache.alphaIndex[row];
        }
        return entries;
    };
    cache.orderedBackground = entriesOf(cache.order.background);
    cache.orderedForeground = entriesOf(cache.order.foreground);
    return cache;
}

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

Eigen::MatrixXd focalLossGradient(const Predictions& predictions, const FocalParams& params)
{
    validatePredictions(predictions);
    checkGamma(params.gamma);
    const Index rows = predictions.rows();
    const Index classes = predictions.classes();
    const double gamma = params.gamma;
    const Eigen::VectorXd table = alphaTable(params.alpha, params.mode, classes);
    Eigen::MatrixXd gradient = Eigen::MatrixXd::Zero(rows, classes);

    // (1 - p_t)^gamma with 0^0 = 1
    const auto focalWeight = [gamma](double q) {
        return gamma == 0.0 ? 1.0 : std::pow(q, gamma);
    };

    if (elementwise(params.mode, classes)) {
        // Hard y, s = 2y - 1: dl/dx = alpha_t s (1-p_t)^gamma (gamma p_t log p_t + p_t - 1).
        // (In softmax mode on one column this is the two-class softmax gradient too.)
        for (Index c = 0; c < classes; ++c)
            for (Index i = 0; i < rows; ++i) {
                const std::int32_t label = predictions.labels[i];
                if (label == predictions.ignoreIndex)
                    continue;
                const bool y = classes == 1 ? label == 1 : label == c;
                const double s = y ? 1.0 : -1.0;
                const double x = elementLogit(predictions.scores(i, c), predictions.kind);
                const double logPt = -softplus(-s * x);
                const double q = -std::expm1(logPt);
                const double pt = std::exp(logPt);
                const double alphaT = table[alphaIndexOf(params.mode, classes, label, c)];
                gradient(i, c) = alphaT * s * focalWeight(q) * (gamma * pt * logPt - q);
            }
        return gradient;
    }

    // Softmax: dl/dx_j = alpha_t [gamma (1-p_t)^(gamma-1) p_t log p_t - (1-p_t)^gamma] (delta_jt -
    // p_j), with (1-p_t)^(gamma-1) log p_t grouped as (1-p_t)^gamma (log p_t / (1-p_t)), whose
    // ratio tends to -1 as p_t -> 1: the gradient is finite, and 0 at p_t == 1 for every gamma.
    Eigen::VectorXd z(classes);
    for (Index i = 0; i < rows; ++i) {
        const std::int32_t t = predictions.labels[i];
        if (t == predictions.ignoreIndex)
            continue;
        for (Index j = 0; j < classes; ++j) {
            const double score = predictions.scores(i, j);
            z[j] = predictions.kind == ScoreKind::Logits
                ? score
                : std::log(std::max(score, kProbabilityFloor));
        }
        const double m = z.maxCoeff();
        double r = -1.0;
        for (Index j = 0; j < classes; ++j)
            r += z[j] == m ? 1.0 : std::exp(z[j] - m);
        const double logSum = std::log1p(r);
        const double logPt = (z[t] - m) - logSum;
        const double q = -std::expm1(logPt);
        const double pt = std::exp(logPt);
        const double ratio = q > 0.0 ? logPt / q : -1.0;
        const double weight = focalWeight(q);
        const double factor = table[t] * (gamma * pt * weight * ratio - weight);
        for (Index j = 0; j < classes; ++j)
            gradient(i, j) = factor * (j == t ? q : -std::exp((z[j] - m) - logSum));
    }
    return gradient;
}

} // namespace focalscope
