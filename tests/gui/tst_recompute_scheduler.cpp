// The coalescing background scheduler behind every recomputation of the window.

#include "model/recompute_scheduler.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <stdexcept>

using namespace focalscope;

class TestRecomputeScheduler : public QObject {
    Q_OBJECT

private slots:
    void burstOfRequestsRunsOnce_data();
    void burstOfRequestsRunsOnce();
    void requestWhileRunningRunsOnceMore();
    void invalidatedResultIsDropped();
    void failureIsReported();
    void emptyTaskMeansNothingToDo();
};

void TestRecomputeScheduler::burstOfRequestsRunsOnce_data()
{
    QTest::addColumn<int>("requests");
    QTest::addColumn<int>("delayMs");
    QTest::newRow("1 request") << 1 << 30;
    QTest::newRow("50 requests, 30 ms") << 50 << 30;
    QTest::newRow("200 requests, 0 ms") << 200 << 0;
}

void TestRecomputeScheduler::burstOfRequestsRunsOnce()
{
    QFETCH(int, requests);
    QFETCH(int, delayMs);
    auto runs = std::make_shared<std::atomic<int>>(0);
    QThread* guiThread = QThread::currentThread();
    auto taskThread = std::make_shared<std::atomic<QThread*>>(nullptr);
    int applied = 0;
    int snapshots = 0;
    QThread* applyThread = nullptr;
    RecomputeScheduler scheduler(
        [&]() -> RecomputeScheduler::Task {
            ++snapshots;
            return [&, runs, taskThread] {
                ++*runs;
                taskThread->store(QThread::currentThread());
                return [&] {
                    ++applied;
                    applyThread = QThread::currentThread();
                };
            };
        },
        delayMs);
    QSignalSpy idle(&scheduler, &RecomputeScheduler::idle);
    for (int i = 0; i < requests; ++i)
        scheduler.request();
    QVERIFY(scheduler.isBusy());
    QVERIFY(idle.wait(5000));
    QVERIFY(!scheduler.isBusy());
    QCOMPARE(snapshots, 1);
    QCOMPARE(runs->load(), 1);
    QCOMPARE(applied, 1);
    QCOMPARE(applyThread, guiThread);
    QVERIFY(taskThread->load() != guiThread);
}

void TestRecomputeScheduler::requestWhileRunningRunsOnceMore()
{
    auto gate = std::make_shared<QSemaphore>(0);
    auto runs = std::make_shared<std::atomic<int>>(0);
    int applied = 0;
    RecomputeScheduler scheduler(
        [&]() -> RecomputeScheduler::Task {
            return [&, gate, runs] {
                if (++*runs == 1)
                    gate->acquire();
                return [&] {
                    ++applied;
                };
            };
        },
        0);
    QSignalSpy idle(&scheduler, &RecomputeScheduler::idle);
    scheduler.requestNow();
    QTRY_COMPARE(runs->load(), 1);
    for (int i = 0; i < 20; ++i)
        scheduler.request();
    gate->release();
    QVERIFY(idle.wait(5000));
    QCOMPARE(runs->load(), 2);
    QCOMPARE(applied, 2);
}

void TestRecomputeScheduler::invalidatedResultIsDropped()
{
    auto gate = std::make_shared<QSemaphore>(0);
    auto started = std::make_shared<std::atomic<bool>>(false);
    int applied = 0;
    RecomputeScheduler scheduler(
        [&]() -> RecomputeScheduler::Task {
            return [&, gate, started] {
                started->store(true);
                gate->acquire();
                return [&] {
                    ++applied;
                };
            };
        },
        0);
    QSignalSpy idle(&scheduler, &RecomputeScheduler::idle);
    QSignalSpy appliedSpy(&scheduler, &RecomputeScheduler::applied);
    scheduler.requestNow();
    QTRY_VERIFY(started->load());
    scheduler.invalidate();
    gate->release();
    QVERIFY(idle.wait(5000));
    QCOMPARE(applied, 0);
    QCOMPARE(appliedSpy.count(), 0);
}

void TestRecomputeScheduler::failureIsReported()
{
    RecomputeScheduler scheduler(
        []() -> RecomputeScheduler::Task {
            return []() -> RecomputeScheduler::Apply {
                throw std::invalid_argument("alpha list has 2 weights, expected 3");
            };
        },
        0);
    QSignalSpy failed(&scheduler, &RecomputeScheduler::failed);
    scheduler.requestNow();
    QVERIFY(failed.wait(5000));
    QCOMPARE(
        failed.front().front().toString(), QStringLiteral("alpha list has 2 weights, expected 3"));
}

void TestRecomputeScheduler::emptyTaskMeansNothingToDo()
{
    RecomputeScheduler scheduler([]() -> RecomputeScheduler::Task { return {}; }, 0);
    QSignalSpy idle(&scheduler, &RecomputeScheduler::idle);
    QSignalSpy applied(&scheduler, &RecomputeScheduler::applied);
    scheduler.request();
    QVERIFY(idle.wait(5000));
    QCOMPARE(applied.count(), 0);
    QVERIFY(!scheduler.isBusy());
}

QTEST_GUILESS_MAIN(TestRecomputeScheduler)
#include "tst_recompute_scheduler.moc"
