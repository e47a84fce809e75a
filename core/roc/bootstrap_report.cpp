#include "roc/bootstrap_report.h"

#include "roc/binary_problem.h"
#include "roc/ranked_scores.h"

namespace focalscope {

BootstrapReport bootstrapReport(const Predictions& predictions, const BootstrapOptions& options,
    const BootstrapProgress& progress)
{
    BootstrapReport report;
    report.options = options;
    report.binary = predictions.isBinary();
    const ScoreMatrix scores = rankingScores(predictions);
    const Index classes = predictions.classes();
    const std::span<const std::int32_t> labels(
        predictions.labels.data(), static_cast<std::size_t>(predictions.labels.size()));
    for (Index c = 0; c < classes; ++c) {
        const auto positiveLabel = report.binary ? 1 : static_cast<std::int32_t>(c);
        const RankedScores ranked
            = rankColumn({scores.col(c).data(), static_cast<std::size_t>(scores.rows())}, labels,
                positiveLabel, predictions.ignoreIndex);
        BootstrapProgress classProgress;
        if (progress)
            classProgress = [&](double fraction) {
                return progress((static_cast<double>(c) + fraction) / static_cast<double>(classes));
            };
        report.classes.push_back(
            bootstrapRanked(ranked, options, static_cast<std::uint64_t>(c), classProgress));
        if (report.classes.back().cancelled) {
            report.cancelled = true;
            break;
        }
    }
    return report;
}

} // namespace focalscope
