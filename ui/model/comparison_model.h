#pragma once

#include "compare/fold_summary.h"
#include "compare/run_comparison.h"

#include <QList>
#include <QObject>
#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

namespace focalscope {

class RecomputeScheduler;
class RunSet;
struct Predictions;
struct RocReport;

// What the comparison of the open runs found: the DeLong comparisons of every pair of visible
// model runs on every class (RunComparison::a and b are indices into modelRuns), and the fold
// summary of the visible fold runs.
struct ComparisonResult {
    QList<int> modelRuns; // run indices, in the order compareRuns took them
    std::vector<RunComparison> comparisons; // empty with fewer than two model runs
    QList<int> foldRuns;
    std::vector<FoldClassSummary> folds; // empty with fewer than two fold runs
    QString error; // the runs could not be compared (e.g. their classes differ)
};

// Compares the visible runs off the GUI thread (DESIGN.md, Runs and comparison): paired DeLong
// when two runs hold the same rows, unpaired otherwise or when asked (always when a run is a
// binned summary: from the runs' ROC reports); the folds' averages. The
// AUROC depends on neither alpha nor gamma, so slider moves do not recompute it: only a change
// of the runs, their roles or visibility, their scores' kind or the pairing does.
class ComparisonModel : public QObject {
    Q_OBJECT

public:
    explicit ComparisonModel(RunSet& runs, QObject* parent = nullptr);

    // Compare every pair as unpaired (runs on different test sets), even when the rows agree.
    void setUnpaired(bool unpaired);
    bool unpaired() const { return m_unpaired; }
    // The bootstrap interval of every paired delta (addBootstrapDeltas) with `replicates`
    // replicates and `seed`; 0 replicates: none.
    void setBootstrap(int replicates, std::uint64_t seed);

    std::shared_ptr<const ComparisonResult> result() const { return m_result; }
    bool isBusy() const;

signals:
    void resultChanged();

private:
    // The inputs of the last computation: recomputed only when they differ.
    struct Inputs {
        QList<int> modelRuns;
        QList<int> foldRuns;
        std::vector<std::shared_ptr<const Predictions>> models;
        std::vector<std::shared_ptr<const Predictions>> folds;
        // A binned summary among the models: they are compared unpaired from their ROC reports
        // (null until computed), `summaryName` naming the first summary.
        QString summaryName;
        std::vector<std::shared_ptr<const RocReport>> reports;
        bool unpaired = false;
        int bootstrapReplicates = 0;
        std::uint64_t bootstrapSeed = 0;
        bool operator==(const Inputs&) const = default;
    };
    Inputs currentInputs() const;
    void request();

    RunSet& m_runs;
    bool m_unpaired = false;
    int m_bootstrapReplicates = 0;
    std::uint64_t m_bootstrapSeed = 0;
    Inputs m_computed;
    bool m_hasComputed = false;
    std::shared_ptr<const ComparisonResult> m_result;
    RecomputeScheduler* m_pipeline = nullptr;
};

} // namespace focalscope
