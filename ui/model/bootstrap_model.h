#pragma once

#include "charts/roc_plot.h"
#include "roc/bootstrap_report.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <memory>

namespace focalscope {

class DatasetSession;

// A finished bootstrap of the open data.
struct BootstrapResults {
    BootstrapReport report;
    QStringList classNames; // per report class (RocReport::classes order)
    std::shared_ptr<const RocBands> bands; // the pointwise ROC bands, labelled
};

// The stratified percentile bootstrap of every ROC class (bootstrapReport), run on demand off the
// GUI thread with progress and cancel. A new dataset or kind cancels a run and clears the results
// (and the bands).
class BootstrapModel : public QObject {
    Q_OBJECT

public:
    explicit BootstrapModel(DatasetSession& session, QObject* parent = nullptr);
    ~BootstrapModel() override;

    // Starts a run of B = replicates with `seed` (95% intervals, a band of kDefaultBandPoints
    // FPRs); does nothing while one runs or without data.
    void run(int replicates, std::uint64_t seed);
    // Stops the run at its next batch of replicates; its results are dropped.
    void cancel();
    bool isRunning() const { return m_running; }
    // The fraction of the running (or last) run done.
    double progress() const { return m_progress; }
    // Whether the last run ended early because it was cancelled.
    bool lastRunCancelled() const { return m_lastCancelled; }

    std::shared_ptr<const BootstrapResults> results() const { return m_results; }
    QString lastError() const { return m_lastError; }

signals:
    void runningChanged(bool running);
    void progressChanged(double fraction);
    void resultsChanged(); // new results, or cleared
    // The bands of new results, or null when they are cleared.
    void bandsChanged(std::shared_ptr<const RocBands> bands);
    void failed(const QString& message);

private:
    struct Outcome {
        BootstrapReport report;
        QString error;
        quint64 generation = 0;
    };

    void clear();
    void onFinished();

    DatasetSession& m_session;
    QFutureWatcher<Outcome> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QStringList m_runNames;
    quint64 m_generation = 0;
    bool m_running = false;
    bool m_lastCancelled = false;
    double m_progress = 0.0;
    std::shared_ptr<const BootstrapResults> m_results;
    QString m_lastError;
};

} // namespace focalscope
