// focalscope-window-memory: the window's memory budget (DESIGN.md, Performance budgets). Opens
// the real MainWindow (offscreen), loads PREDICTIONS [LABELS], waits until every number and chart
// is computed, records the peak RSS; then opens the bundled demo instead, waits again and records
// the RSS it is left with. Prints one JSON object; bench/compare reads it.
//
//   focalscope-window-memory PREDICTIONS [LABELS]

#include "model/dataset_session.h"
#include "model/threshold_model.h"
#include "platform/large_arrays.h"
#include "window/demo_dataset.h"
#include "window/main_window.h"
#include "window/message_presenter.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace {

// A field of /proc/self/status in kB ("VmHWM", "VmRSS"), or -1.
long long statusKilobytes(const char* field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

class StderrPresenter : public focalscope::MessagePresenter {
public:
    void showError(QWidget*, const QString&, const QString& message) override
    {
        std::fprintf(stderr, "focalscope-window-memory: %s\n", qPrintable(message));
        failed = true;
    }
    bool failed = false;
};

// Runs the event loop until `path` is open and every pipeline is idle with all results in.
bool waitUntilComputed(focalscope::MainWindow& window, const QString& path, int timeoutMs)
{
    QEventLoop loop;
    const focalscope::DatasetSession& session = window.session();
    const focalscope::ThresholdModel& thresholds = window.thresholds();
    // Every number and chart, and the threshold panel's first class's counts.
    auto done = [&session, &thresholds, &path] {
        return session.path() == path && session.loss() && session.lossCharts() && session.roc()
            && !session.isBusy() && thresholds.hasTable() && !thresholds.isBuilding();
    };
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    poll.start(20);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return done();
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    focalscope::returnLargeArraysToTheSystem();
    QApplication app(argc, argv);
    const QStringList arguments = QApplication::arguments().mid(1);
    if (arguments.isEmpty() || arguments.size() > 2) {
        std::fprintf(stderr, "usage: focalscope-window-memory PREDICTIONS [LABELS]\n");
        return 2;
    }
    QTemporaryDir settingsDir;
    QSettings settings(settingsDir.filePath(QStringLiteral("bench.ini")), QSettings::IniFormat);
    focalscope::MainWindow window(settings);
    auto presenter = std::make_unique<StderrPresenter>();
    StderrPresenter* errors = presenter.get();
    window.setMessagePresenter(std::move(presenter));
    window.resize(1500, 950);
    window.show();
    const long long before = statusKilobytes("VmRSS");

    QElapsedTimer clock;
    clock.start();
    const QString path = arguments.value(0);
    window.openFile(path, arguments.value(1));
    if (!waitUntilComputed(window, path, 600000) || errors->failed) {
        std::fprintf(stderr, "focalscope-window-memory: %s did not open\n", qPrintable(path));
        return 3;
    }
    const double openSeconds = clock.elapsed() / 1000.0;
    const long long peak = statusKilobytes("VmHWM");
    const long long afterFile = statusKilobytes("VmRSS");

    const QString demo = focalscope::demoDatasetPath();
    window.openFile(demo);
    if (!waitUntilComputed(window, demo, 600000) || errors->failed) {
        std::fprintf(stderr, "focalscope-window-memory: the demo did not open\n");
        return 3;
    }
    // The window gives freed memory back a moment after the results are in.
    QEventLoop settle;
    QTimer::singleShot(1000, &settle, &QEventLoop::quit);
    settle.exec();
    const long long afterDemo = statusKilobytes("VmRSS");
    // The peak over the whole run (the demo's is far smaller; a late task would show here).
    const long long peakOverall = statusKilobytes("VmHWM");
    std::printf("{\"rss_start_kb\": %lld, \"peak_kb\": %lld, \"rss_after_file_kb\": %lld, "
                "\"rss_after_demo_kb\": %lld, \"peak_overall_kb\": %lld, "
                "\"open_seconds\": %.3f}\n",
        before, peak, afterFile, afterDemo, peakOverall, openSeconds);
    return 0;
}
