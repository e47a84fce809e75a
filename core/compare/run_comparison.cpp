#include "compare/run_comparison.h"

#include "compare/holm.h"
#include "compare/run_classes.h"
#include "compare/run_pairing.h"
#include "parallel/parallel.h"
#include "roc/delong.h"
#include "roc/ranking_view.h"

#include <memory>
#include <optional>

namespace focalscope {

namespace {

struct RunPair {
    int a = 0;
    int b = 0;
    bool paired = false;
    std::string reason; // why not paired when the rows differ
};

std::vector<RunPair> runPairs(std::span<const Predictions* const> runs, bool forceUnpaired)
{
    std::vector<RunPair> pairs;
    const int count = static_cast<int>(runs.size());
    for (int a = 0; a < count; ++a) {
        for (int b = a + 1; b < count; ++b) {
            const RunPairing pairing
                = checkPairing(*runs[a], *runs[b], runLetterName(static_cast<std::size_t>(a)),
                    runLetterName(static_cast<std::size_t>(b)));
            pairs.push_back(RunPair {
                a, b, pairing.paired && !forceUnpaired, forceUnpaired ? "" : pairing.reason});
        }
    }
    return pairs;
}

// What one class needs of each run: its placements when a paired comparison uses the run, its
// DeLong interval when an unpaired one does.
struct RunClassStatistics {
    ClassColumn column;
    std::optional<DelongPlacements> placements;
    std::optional<DelongInterval> interval;
};

RunComparison compareOnClass(const RunPair& pair, const TargetClass& target,
    const std::vector<RunClassStatistics>& statistics)
{
    const RunClassStatistics& a = statistics[static_cast<std::size_t>(pair.a)];
    const RunClassStatistics& b = statistics[static_cast<std::size_t>(pair.b)];
    const DelongTest test = pair.paired
        ? delongTest(*a.placements, *b.placements, a.column.positive)
        : unpairedDelongTest(*a.interval, static_cast<std::int64_t>(a.column.positive.size()),
            *b.interval, static_cast<std::int64_t>(b.column.positive.size()));
    RunComparison out;
    out.a = pair.a;
    out.b = pair.b;
    out.targetClass = target.index;
    out.className = target.name;
    out.paired = pair.paired;
    out.aucA = test.auc1;
    out.aucB = test.auc2;
    out.delta = test.auc1 - test.auc2;
    out.ciLower = test.lower;
    out.ciUpper = test.upper;
    out.z = test.z;
    out.p = test.p;
    out.df = test.df;
    out.reason = pair.reason;
    return out;
}

} // namespace

std::vector<RunComparison> compareRuns(
    std::span<const Predictions* const> runs, const CompareOptions& options)
{
    checkSameClasses(runs);
    if (runs.size() < 2)
        return {};
    const std::vector<RunPair> pairs = runPairs(runs, options.unpaired);
    std::vector<bool> needPlacements(runs.size(), false);
    std::vector<bool> needInterval(runs.size(), false);
    for (const RunPair& pair : pairs) {
        std::vector<bool>& need = pair.paired ? needPlacements : needInterval;
        need[static_cast<std::size_t>(pair.a)] = true;
        need[static_cast<std::size_t>(pair.b)] = true;
    }
    std::vector<std::unique_ptr<RankingView>> rankings;
    for (const Predictions* run : runs)
        rankings.push_back(
            std::make_unique<RankingView>(run->scores, ranksSoftmax(*run), options.softmaxStorage));

    const std::vector<TargetClass> classes = comparedClasses(*runs[0]);
    std::vector<RunComparison> comparisons(pairs.size() * classes.size());
    // Classes on every core; within a class, each run's statistics on every core too.
    parallel::forEach(classes.size(), [&](std::size_t c) {
        std::vector<RunClassStatistics> statistics(runs.size());
        parallel::forEach(runs.size(), [&](std::size_t r) {
            if (!needPlacements[r] && !needInterval[r])
                return;
            RunClassStatistics& s = statistics[r];
            s.column = classColumn(*runs[r], *rankings[r], classes[c]);
            if (needPlacements[r])
                s.placements = delongPlacements(s.column.scores, s.column.positive);
            if (needInterval[r])
                s.interval = delongInterval(s.column.scores, s.column.positive);
            s.column.scores = {};
        });
        for (std::size_t k = 0; k < pairs.size(); ++k)
            comparisons[k * classes.size() + c] = compareOnClass(pairs[k], classes[c], statistics);
    });

    applyHolm(comparisons);
    return comparisons;
}

void applyHolm(std::vector<RunComparison>& comparisons)
{
    std::vector<double> p;
    p.reserve(comparisons.size());
    for (const RunComparison& comparison : comparisons)
        p.push_back(comparison.p);
    const std::vector<double> adjusted = holmAdjust(p);
    for (std::size_t k = 0; k < comparisons.size(); ++k)
        comparisons[k].pHolm = adjusted[k];
}

} // namespace focalscope
