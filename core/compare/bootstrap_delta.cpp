#include "compare/bootstrap_delta.h"

#include "compare/run_classes.h"
#include "roc/ranking_view.h"

#include <memory>

namespace focalscope {

void addBootstrapDeltas(std::vector<RunComparison>& comparisons,
    std::span<const Predictions* const> runs, const BootstrapOptions& options)
{
    if (runs.empty())
        return;
    std::vector<std::unique_ptr<RankingView>> rankings(runs.size());
    const auto ranking = [&](int run) -> const RankingView& {
        auto& view = rankings[static_cast<std::size_t>(run)];
        if (!view) {
            const Predictions& p = *runs[static_cast<std::size_t>(run)];
            view = std::make_unique<RankingView>(p.scores, ranksSoftmax(p));
        }
        return *view;
    };
    const std::vector<TargetClass> classes = comparedClasses(*runs.front());
    for (RunComparison& c : comparisons) {
        if (!c.paired)
            continue;
        const TargetClass* target = nullptr;
        for (const TargetClass& t : classes)
            if (t.index == c.targetClass)
                target = &t;
        if (!target)
            continue;
        const ClassColumn a
            = classColumn(*runs[static_cast<std::size_t>(c.a)], ranking(c.a), *target);
        const ClassColumn b
            = classColumn(*runs[static_cast<std::size_t>(c.b)], ranking(c.b), *target);
        const PairedBootstrap delta = bootstrapPairedDelta(a.scores, b.scores, a.positive, options);
        c.bootstrapLower = delta.ci.lower;
        c.bootstrapUpper = delta.ci.upper;
        c.bootstrapReplicates = options.replicates;
        c.bootstrapSeed = options.seed;
    }
}

} // namespace focalscope
