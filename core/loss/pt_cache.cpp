#include "loss/pt_cache.h"

#include "loss/alpha_table.h"
#include "loss/focal_blocks.h"
#include "loss/focal_views.h"
#include "loss/parallel_parts.h"

#include <algorithm>

namespace focalscope {

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
    parallel::forEachPart(rows, classes, parts, [&](int, Index begin, Index end) {
        BlockBuffers& own = threadBlockBuffers();
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

} // namespace focalscope
