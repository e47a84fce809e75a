#include "model/bootstrap_model.h"

#include "model/dataset_session.h"

#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace focalscope {

BootstrapModel::BootstrapModel(DatasetSession& session, QObject* parent)
    : QObject(parent)
    , m_session(session)
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &BootstrapModel::onFinished);
    connect(&m_session, &DatasetSession::datasetChanged, this, &BootstrapModel::clear);
    connect(&m_session, &DatasetSession::kindChanged, this, &BootstrapModel::clear);
}

BootstrapModel::~BootstrapModel()
{
    // The task posts its progress to this object: it must end before this does.
    if (m_cancel)
        m_cancel->store(true);
    m_watcher.waitForFinished();
}

void BootstrapModel::run(int replicates, std::uint64_t seed)
{
    const auto predictions = m_session.sharedPredictions();
    if (m_running || !predictions || m_session.isSummary())
        return;
    BootstrapOptions options;
    options.replicates = replicates;
    options.seed = seed;
    options.bandPoints = kDefaultBandPoints;

    // The report's classes: a binary task's positive class, else every class one-vs-rest.
    const QStringList names = m_session.targetNames();
    m_runNames = predictions->isBinary() ? names.mid(1, 1) : names;

    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const quint64 generation = ++m_generation;
    m_running = true;
    m_lastCancelled = false;
    m_progress = 0.0;
    m_lastError.clear();
    emit runningChanged(true);
    emit progressChanged(0.0);
    m_watcher.setFuture(
        QtConcurrent::run([this, predictions, options, cancel = m_cancel, generation] {
            Outcome outcome;
            outcome.generation = generation;
            const BootstrapProgress progress = [this, cancel, generation](double fraction) {
                if (cancel->load())
                    return false;
                QMetaObject::invokeMethod(
                    this,
                    [this, generation, fraction] {
                        if (generation != m_generation || !m_running)
                            return;
                        m_progress = fraction;
                        emit progressChanged(fraction);
                    },
                    Qt::QueuedConnection);
                return true;
            };
            try {
                outcome.report = bootstrapReport(*predictions, options, progress);
            } catch (const std::exception& e) {
                outcome.error = QString::fromUtf8(e.what());
            }
            return outcome;
        }));
}

void BootstrapModel::cancel()
{
    if (!m_running)
        return;
    m_cancel->store(true);
    ++m_generation; // whatever it returns is dropped
}

void BootstrapModel::clear()
{
    cancel();
    if (!m_running)
        m_lastCancelled = false;
    if (!m_results)
        return;
    m_results.reset();
    emit resultsChanged();
    emit bandsChanged(nullptr);
}

void BootstrapModel::onFinished()
{
    Outcome outcome = m_watcher.result();
    m_running = false;
    m_lastCancelled = outcome.report.cancelled;
    const bool current = outcome.generation == m_generation;
    if (current && !outcome.error.isEmpty()) {
        m_lastError = outcome.error;
        emit failed(outcome.error);
    } else if (current && !outcome.report.cancelled) {
        auto results = std::make_shared<BootstrapResults>();
        auto bands = std::make_shared<RocBands>(bootstrapBands(outcome.report));
        results->report = std::move(outcome.report);
        results->classNames = m_runNames;
        results->bands = std::move(bands);
        m_progress = 1.0;
        m_results = std::move(results);
        emit resultsChanged();
        emit bandsChanged(m_results->bands);
    }
    emit runningChanged(false);
}

} // namespace focalscope
