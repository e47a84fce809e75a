#include "loss/focal_blocks.h"

#include "loss/focal_kernels.h"

#include <algorithm>

namespace focalscope {

BlockBuffers& threadBlockBuffers()
{
    thread_local BlockBuffers buffers;
    return buffers;
}

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
            loss[i] = 0.0; // also when the row's (unvalidated) scores are not finite
        }
}

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

void rowPtOf(
    const double* logPt, const std::int32_t* labels, std::int32_t ignoreIndex, Index n, double* pt)
{
    std::copy_n(logPt, n, pt);
    expInPlace(pt, static_cast<std::size_t>(n));
    for (Index i = 0; i < n; ++i)
        if (labels[i] == ignoreIndex)
            pt[i] = kNaN;
}

} // namespace focalscope
