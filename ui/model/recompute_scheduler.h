#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

#include <functional>

namespace focalscope {

// Runs one background computation at a time and coalesces requests: request() (re)starts a
// single-shot timer; when it fires the snapshot function takes the current inputs on the GUI
// thread and returns the task, which QtConcurrent runs on the thread pool. The task returns what
// to apply on the GUI thread. A request while a task runs is remembered and started when it
// ends. A result older than invalidate() is dropped.
class RecomputeScheduler : public QObject {
    Q_OBJECT

public:
    using Apply = std::function<void()>;
    using Task = std::function<Apply()>;
    using Snapshot = std::function<Task()>; // an empty Task means nothing to do

    RecomputeScheduler(Snapshot snapshot, int delayMs, QObject* parent = nullptr);

    void setDelay(int milliseconds) { m_delay = milliseconds; }

    void request(); // after the coalescing delay
    void requestNow(); // at the next return to the event loop
    // Drops the result of a running task (its inputs are out of date) and forgets requests.
    void invalidate();

    // A request is waiting or a task runs.
    bool isBusy() const;

signals:
    // A result was applied; milliseconds is the task's own duration.
    void applied(double milliseconds);
    // The task threw; message is what() of the exception.
    void failed(const QString& message);
    // Nothing waits and nothing runs any more.
    void idle();

private:
    struct Outcome {
        Apply apply;
        QString error;
        double milliseconds = 0.0;
        quint64 generation = 0;
    };

    void start();
    void finish();

    Snapshot m_snapshot;
    QTimer m_timer;
    int m_delay = 0;
    QFutureWatcher<Outcome> m_watcher;
    quint64 m_generation = 0;
    bool m_running = false;
    bool m_pending = false;
};

} // namespace focalscope
