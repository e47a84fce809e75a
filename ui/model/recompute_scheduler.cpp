#include "model/recompute_scheduler.h"

#include <QElapsedTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace focalscope {

RecomputeScheduler::RecomputeScheduler(Snapshot snapshot, int delayMs, QObject* parent)
    : QObject(parent)
    , m_snapshot(std::move(snapshot))
{
    m_timer.setSingleShot(true);
    m_delay = delayMs;
    connect(&m_timer, &QTimer::timeout, this, &RecomputeScheduler::start);
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &RecomputeScheduler::finish);
}

void RecomputeScheduler::request()
{
    if (m_running)
        m_pending = true;
    else
        m_timer.start(m_delay);
}

void RecomputeScheduler::requestNow()
{
    if (m_running)
        m_pending = true;
    else
        m_timer.start(0);
}

void RecomputeScheduler::invalidate()
{
    ++m_generation;
    m_timer.stop();
    m_pending = false;
}

bool RecomputeScheduler::isBusy() const
{
    return m_running || m_pending || m_timer.isActive();
}

void RecomputeScheduler::start()
{
    m_timer.stop();
    if (m_running) {
        m_pending = true;
        return;
    }
    Task task = m_snapshot();
    if (!task) {
        emit idle();
        return;
    }
    m_running = true;
    m_pending = false;
    const quint64 generation = ++m_generation;
    m_watcher.setFuture(QtConcurrent::run([task = std::move(task), generation] {
        Outcome outcome;
        outcome.generation = generation;
        QElapsedTimer clock;
        clock.start();
        try {
            outcome.apply = task();
        } catch (const std::exception& e) {
            outcome.error = QString::fromStdString(e.what());
        }
        outcome.milliseconds = static_cast<double>(clock.nsecsElapsed()) / 1e6;
        return outcome;
    }));
}

void RecomputeScheduler::finish()
{
    m_running = false;
    const Outcome outcome = m_watcher.result();
    if (outcome.generation == m_generation) {
        if (!outcome.error.isEmpty()) {
            emit failed(outcome.error);
        } else {
            if (outcome.apply)
                outcome.apply();
            emit applied(outcome.milliseconds);
        }
    }
    if (m_pending) {
        m_pending = false;
        m_timer.start(0);
    } else if (!m_timer.isActive()) {
        emit idle();
    }
}

} // namespace focalscope
