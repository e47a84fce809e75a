// core/parallel: every task runs once, the lowest failing task's exception wins whatever the
// timing, nested calls share the pool, and the thread limit holds.

#include "parallel/parallel.h"

#include <QTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace focalscope;

class TestParallel : public QObject {
    Q_OBJECT

private slots:
    void cleanup() { parallel::setMaxThreads(0); }

    void everyTaskOnce_data()
    {
        QTest::addColumn<int>("count");
        for (const int count : {0, 1, 2, 7, 1000})
            QTest::addRow("%d", count) << count;
    }
    void everyTaskOnce()
    {
        QFETCH(int, count);
        std::vector<std::atomic<int>> runs(static_cast<std::size_t>(count));
        parallel::forEach(static_cast<std::size_t>(count), [&](std::size_t k) { ++runs[k]; });
        for (const std::atomic<int>& r : runs)
            QCOMPARE(r.load(), 1);
    }

    // Tasks 3 and 40 throw; task 3 sleeps first so that 40 usually throws earlier in time: the
    // exception of index 3 is the one rethrown, every time.
    void lowestIndexExceptionWins()
    {
        for (int round = 0; round < 20; ++round) {
            try {
                parallel::forEach(64, [](std::size_t k) {
                    if (k == 3) {
                        std::this_thread::sleep_for(std::chrono::milliseconds(2));
                        throw std::runtime_error("task 3");
                    }
                    if (k == 40)
                        throw std::runtime_error("task 40");
                });
                QFAIL("no exception");
            } catch (const std::runtime_error& error) {
                QCOMPARE(std::string(error.what()), std::string("task 3"));
            }
        }
    }

    // A call from inside a task runs to completion (no deadlock, every inner task once).
    void nestedCalls()
    {
        std::atomic<int> inner {0};
        parallel::forEach(
            8, [&](std::size_t) { parallel::forEach(16, [&](std::size_t) { ++inner; }); });
        QCOMPARE(inner.load(), 8 * 16);
    }

    // Under a limit of 2, at most 2 tasks run at once (the window's View > Threads).
    void limitBoundsConcurrency()
    {
        parallel::setMaxThreads(2);
        std::atomic<int> running {0};
        std::atomic<int> most {0};
        parallel::forEach(64, [&](std::size_t) {
            const int now = ++running;
            int seen = most.load();
            while (now > seen && !most.compare_exchange_weak(seen, now)) { }
            std::this_thread::sleep_for(std::chrono::microseconds(500));
            --running;
        });
        QVERIFY(most.load() <= 2);
        QVERIFY(most.load() >= 1);
    }

    // The limit the window sets: 1 runs everything on the calling thread.
    void limitOfOneIsSerial()
    {
        const int all = parallel::maxThreads();
        parallel::setMaxThreads(1);
        QCOMPARE(parallel::maxThreads(), 1);
        const std::thread::id caller = std::this_thread::get_id();
        std::atomic<bool> elsewhere {false};
        parallel::forEach(100,
            [&](std::size_t) { elsewhere = elsewhere || std::this_thread::get_id() != caller; });
        QVERIFY(!elsewhere);
        parallel::setMaxThreads(0);
        QCOMPARE(parallel::maxThreads(), all);
    }
};

QTEST_GUILESS_MAIN(TestParallel)
#include "tst_parallel.moc"
