#pragma once

// What the window's tests share: a MainWindow, shown headless, on a temporary settings file
// with a presenter that records errors instead of opening message boxes; opening a fixture
// and waiting until every number is computed; core's analysis of the same file with the
// window's parameters, to compare with. Each tst_window_* derives its test class from it.

#include "data/predictions.h"
#include "report/analysis.h"
#include "window/main_window.h"
#include "window/message_presenter.h"

#include <QObject>
#include <QSettings>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace focalscope::testing {

class RecordingPresenter : public MessagePresenter {
public:
    void showError(QWidget*, const QString&, const QString& message) override { errors << message; }
    QStringList errors;
};

// A file of tests/gui/data.
QString fixture(const char* name);

// a == b within a relative tolerance; NaN equals NaN.
bool close(double a, double b, double tolerance = 1e-12);

class MainWindowTest : public QObject {
    Q_OBJECT

private slots:
    // A new window (and settings file) for every test function.
    void init();
    void cleanup();

protected:
    // Opens a file (predictions or a summary) and waits until it is loaded (or failed) and every
    // number is computed.
    void openAndWait(const QString& path, const QString& labels = {});
    void waitUntilComputed();
    // Reads the file with core and analyses it with the window's parameters.
    Analysis coreAnalysis(const QString& path) const;
    Predictions corePredictions(const QString& path) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    RecordingPresenter* m_presenter = nullptr;
};

} // namespace focalscope::testing
