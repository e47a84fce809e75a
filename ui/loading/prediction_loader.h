#pragma once

#include "io/read_options.h"
#include "summary/summary.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <memory>

namespace focalscope {

// Reads a predictions file (and its labels) on the thread pool with progress and cancel; a
// summary .npz (isSummaryFile) is read as a summary instead (summaryLoaded).
// It never opens a dialog: the window shows progress and errors from its signals.
class PredictionLoader : public QObject {
    Q_OBJECT

public:
    static constexpr int kProgressMaximum = 1000;

    explicit PredictionLoader(QObject* parent = nullptr);
    ~PredictionLoader() override;

    // Starts reading; a load still running is cancelled first (its result is dropped).
    // options.progress is set by the loader.
    void load(const QString& path, const QString& labelsPath, ReadOptions options);
    // Stops the running load; cancelled() follows.
    void cancel();
    bool isLoading() const { return m_loading; }

signals:
    void started(const QString& path);
    void progressChanged(int value); // 0 .. kProgressMaximum
    void loaded(
        std::shared_ptr<const ReadResult> result, const QString& path, const QString& labelsPath);
    void summaryLoaded(std::shared_ptr<const Summary> summary, const QString& path);
    // message is the reader's precise message.
    void failed(const QString& path, const QString& message);
    void cancelled(const QString& path);

private:
    struct Outcome {
        std::shared_ptr<const ReadResult> result;
        std::shared_ptr<const Summary> summary;
        QString error;
        bool cancelled = false;
    };

    void finish();

    QFutureWatcher<Outcome> m_watcher;
    QString m_path;
    QString m_labelsPath;
    bool m_loading = false;
    bool m_cancelRequested = false;
};

} // namespace focalscope
