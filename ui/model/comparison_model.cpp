#include "model/comparison_model.h"

#include "compare/bootstrap_delta.h"
#include "compare/report_comparison.h"
#include "model/dataset_session.h"
#include "model/recompute_scheduler.h"
#include "model/run_set.h"

#include <algorithm>
#include <stdexcept>

namespace focalscope {

namespace {

std::vector<const Predictions*> pointers(
    const std::vector<std::shared_ptr<const Predictions>>& runs)
{
    std::vector<const Predictions*> out;
    out.reserve(runs.size());
    for (const auto& run : runs)
        out.push_back(run.get());
    return out;
}

} // namespace

ComparisonModel::ComparisonModel(RunSet& runs, QObject* parent)
    : QObject(parent)
    , m_runs(runs)
{
    m_pipeline = new RecomputeScheduler(
        [this]() -> RecomputeScheduler::Task {
            Inputs inputs = currentInputs();
            if (m_hasComputed && inputs == m_computed)
                return {};
            m_computed = inputs;
            m_hasComputed = true;
            return [this, inputs = std::move(inputs)]() -> RecomputeScheduler::Apply {
                auto result = std::make_shared<ComparisonResult>();
                result->modelRuns = inputs.modelRuns;
                result->foldRuns = inputs.foldRuns;
                try {
                    if (!inputs.summaryName.isEmpty()) {
                        std::vector<const RocReport*> reports;
                        for (const auto& report : inputs.reports)
                            reports.push_back(report.get());
                        result->comparisons = compareReports(reports,
                            inputs.summaryName.toStdString()
                                + " is a binned summary: its rows cannot be paired");
                    } else if (inputs.models.size() >= 2) {
                        const std::vector<const Predictions*> models = pointers(inputs.models);
                        CompareOptions options;
                        options.unpaired = inputs.unpaired;
                        // As the window's ROC: two doubles per row, not a softmax matrix.
                        options.softmaxStorage = SoftmaxStorage::RowSums;
                        result->comparisons = compareRuns(models, options);
                        if (inputs.bootstrapReplicates > 0) {
                            BootstrapOptions bootstrap;
                            bootstrap.replicates = inputs.bootstrapReplicates;
                            bootstrap.seed = inputs.bootstrapSeed;
                            addBootstrapDeltas(result->comparisons, models, bootstrap);
                        }
                    }
                    if (inputs.folds.size() >= 2)
                        result->folds = foldSummary(pointers(inputs.folds));
                } catch (const std::invalid_argument& e) {
                    result->error = QString::fromStdString(e.what());
                }
                return [this, result = std::shared_ptr<const ComparisonResult>(result)] {
                    m_result = result;
                    emit resultChanged();
                };
            };
        },
        0, this);
    connect(&m_runs, &RunSet::runsChanged, this, &ComparisonModel::request);
    connect(&m_runs, &RunSet::runChanged, this, &ComparisonModel::request);
    connect(&m_runs, &RunSet::resultsChanged, this, &ComparisonModel::request);
}

ComparisonModel::Inputs ComparisonModel::currentInputs() const
{
    Inputs inputs;
    inputs.unpaired = m_unpaired;
    inputs.bootstrapReplicates = m_bootstrapReplicates;
    inputs.bootstrapSeed = m_bootstrapSeed;
    for (const int run : m_runs.visibleRuns()) {
        const auto predictions = m_runs.session(run).sharedPredictions();
        if (!predictions)
            continue;
        const DatasetSession& session = m_runs.session(run);
        if (m_runs.run(run).role == RunRole::Model || session.isSummary()) {
            inputs.modelRuns.append(run);
            inputs.models.push_back(predictions);
            inputs.reports.push_back(session.roc());
            if (session.isSummary() && inputs.summaryName.isEmpty())
                inputs.summaryName = m_runs.run(run).name;
        } else {
            inputs.foldRuns.append(run);
            inputs.folds.push_back(predictions);
        }
    }
    // Summaries are compared from the reports: wait for every one of them.
    if (!inputs.summaryName.isEmpty()
        && std::any_of(inputs.reports.begin(), inputs.reports.end(),
            [](const auto& report) { return !report; })) {
        inputs.summaryName.clear();
        inputs.models.clear();
    }
    if (inputs.summaryName.isEmpty())
        inputs.reports.clear();
    return inputs;
}

void ComparisonModel::request()
{
    // A run's loss results do not change its AUROC: only new inputs start a computation.
    if (m_hasComputed && currentInputs() == m_computed)
        return;
    m_pipeline->requestNow();
}

void ComparisonModel::setUnpaired(bool unpaired)
{
    if (unpaired == m_unpaired)
        return;
    m_unpaired = unpaired;
    request();
}

void ComparisonModel::setBootstrap(int replicates, std::uint64_t seed)
{
    if (replicates == m_bootstrapReplicates && seed == m_bootstrapSeed)
        return;
    m_bootstrapReplicates = replicates;
    m_bootstrapSeed = seed;
    request();
}

bool ComparisonModel::isBusy() const
{
    return m_pipeline->isBusy();
}

} // namespace focalscope
