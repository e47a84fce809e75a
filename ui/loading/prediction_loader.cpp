#include "loading/prediction_loader.h"

#include "io/prediction_reader.h"
#include "summary/summary_reader.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <exception>
#include <stdexcept>

namespace focalscope {

PredictionLoader::PredictionLoader(QObject* parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::progressValueChanged, this,
        &PredictionLoader::progressChanged);
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &PredictionLoader::finish);
}

PredictionLoader::~PredictionLoader()
{
    if (m_loading) {
        m_watcher.disconnect(this);
        m_watcher.cancel();
        m_watcher.waitForFinished();
    }
}

void PredictionLoader::load(const QString& path, const QString& labelsPath, ReadOptions options)
{
    if (m_loading) {
        // The old job's finished() must not report for the new one.
        m_watcher.disconnect(this);
        m_watcher.cancel();
        m_watcher.waitForFinished();
        connect(&m_watcher, &QFutureWatcher<Outcome>::progressValueChanged, this,
            &PredictionLoader::progressChanged);
        connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &PredictionLoader::finish);
        emit cancelled(m_path);
    }
    m_path = path;
    m_labelsPath = labelsPath;
    m_loading = true;
    m_cancelRequested = false;
    emit started(path);

    const std::filesystem::path file = path.toStdU16String();
    const std::filesystem::path labels = labelsPath.toStdU16String();
    m_watcher.setFuture(QtConcurrent::run([file, labels, options = std::move(options)](
                                              QPromise<Outcome>& promise) mutable {
        promise.setProgressRange(0, kProgressMaximum);
        options.progress = [&promise](double fraction) {
            const int value = static_cast<int>(std::clamp(fraction, 0.0, 1.0) * kProgressMaximum);
            promise.setProgressValue(value);
            return !promise.isCanceled();
        };
        Outcome outcome;
        try {
            if (isSummaryFile(file)) {
                if (!labels.empty())
                    throw std::invalid_argument(file.string()
                        + " is a summary: its labels are in it; open it without a labels file");
                promise.setProgressValue(kProgressMaximum / 2);
                outcome.summary = std::make_shared<const Summary>(readSummary(file));
            } else {
                outcome.result
                    = std::make_shared<const ReadResult>(readPredictions(file, labels, options));
            }
        } catch (const ReadCancelled&) {
            outcome.cancelled = true;
        } catch (const std::exception& e) {
            outcome.error = QString::fromStdString(e.what());
        }
        promise.addResult(std::move(outcome));
    }));
}

void PredictionLoader::cancel()
{
    if (!m_loading)
        return;
    m_cancelRequested = true;
    m_watcher.cancel();
}

void PredictionLoader::finish()
{
    m_loading = false;
    const QString path = m_path;
    // A cancelled future holds no result: the reader may even have finished.
    if (m_cancelRequested || m_watcher.isCanceled() || m_watcher.future().resultCount() == 0) {
        emit cancelled(path);
        return;
    }
    Outcome outcome = m_watcher.result();
    if (outcome.cancelled)
        emit cancelled(path);
    else if (!outcome.error.isEmpty())
        emit failed(path, outcome.error);
    else if (outcome.summary)
        emit summaryLoaded(outcome.summary, path);
    else
        emit loaded(outcome.result, path, m_labelsPath);
}

} // namespace focalscope
