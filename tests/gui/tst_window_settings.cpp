// What the window remembers, headless: parameters, docks, the chart tab, geometry and recent
// files across a restart, and the export dialog's size and DPI.

#include "dialogs/export_plot_dialog.h"
#include "docks/classes_dock.h"
#include "docks/parameters_dock.h"
#include "main_window_test.h"
#include "model/dataset_session.h"
#include "model/parameter_model.h"
#include "parallel/parallel.h"
#include "plot/plot_export.h"
#include "settings/recent_files.h"
#include "views/chart_tabs.h"

#include <QAction>
#include <QDoubleSpinBox>
#include <QMenu>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTest>

#include <cmath>

using namespace focalscope;
using namespace focalscope::testing;

class TestWindowSettings : public MainWindowTest {
    Q_OBJECT

private slots:
    void settingsRoundTrip();
    void exportDialogRemembersSizeAndDpi();
    void threadLimitAppliedAndRemembered();
    void relaunchReopensLastFile();
    void keyboardSwitchesCharts();
};

void TestWindowSettings::settingsRoundTrip()
{
    openAndWait(fixture("three_class.csv"));
    m_window->parametersDock()->gammaSlider()->setValue(310);
    m_window->parametersDock()->alphaSpin()->setValue(0.4);
    m_window->parameters().setMaxFpr(0.2);
    m_window->classesDock()->hide();
    m_window->chartTabs()->setCurrentIndex(ChartTabs::RocChart);
    m_window->resize(1234, 777);
    m_window->saveSettings();
    m_window.reset();

    MainWindow restored(*m_settings);
    restored.setMessagePresenter(std::make_unique<RecordingPresenter>());
    restored.show();
    QCOMPARE(restored.parameters().gamma(), 3.1);
    QCOMPARE(restored.parameters().alphaScalar(), 0.4);
    QCOMPARE(restored.parameters().maxFpr(), 0.2);
    QCOMPARE(restored.parametersDock()->gammaSpin()->value(), 3.1);
    QVERIFY(restored.classesDock()->isHidden());
    QVERIFY(!restored.parametersDock()->isHidden());
    QCOMPARE(restored.chartTabs()->currentIndex(), int(ChartTabs::RocChart));
    QCOMPARE(restored.size(), QSize(1234, 777));
    const QList<RecentEntry> recent = RecentFiles(*m_settings).entries();
    QCOMPARE(recent.size(), 1);
    QCOMPARE(recent.front().predictions, fixture("three_class.csv"));
}

// View > Threads sets core's thread limit at once and a restarted window applies it again.
void TestWindowSettings::threadLimitAppliedAndRemembered()
{
    const int all = parallel::maxThreads();
    auto threadAction = [](QWidget& window, int threads) -> QAction* {
        for (QMenu* menu : window.findChildren<QMenu*>())
            if (menu->title() == QStringLiteral("&Threads"))
                for (QAction* action : menu->actions())
                    if (action->data().toInt() == threads)
                        return action;
        return nullptr;
    };
    QAction* one = threadAction(*m_window, 1);
    QVERIFY(one);
    QVERIFY(threadAction(*m_window, 0)->isChecked());
    one->trigger();
    QCOMPARE(parallel::maxThreads(), 1);
    QCOMPARE(m_settings->value(QStringLiteral("performance/maxThreads")).toInt(), 1);
    openAndWait(fixture("three_class.csv")); // computes with one thread
    m_window.reset();
    parallel::setMaxThreads(0);

    MainWindow restored(*m_settings);
    QCOMPARE(parallel::maxThreads(), 1);
    QVERIFY(threadAction(restored, 1)->isChecked());
    threadAction(restored, 0)->trigger();
    QCOMPARE(parallel::maxThreads(), all);
}

// A launch without files reopens the most recent file that still exists, else the demo.
void TestWindowSettings::relaunchReopensLastFile()
{
    openAndWait(fixture("three_class.csv"));
    m_window->saveSettings();
    m_window.reset();

    MainWindow restored(*m_settings);
    restored.setMessagePresenter(std::make_unique<RecordingPresenter>());
    QSignalSpy loaded(&restored.session(), &DatasetSession::datasetChanged);
    QVERIFY(restored.openLastOrDemo());
    QVERIFY(loaded.wait(10000));
    QCOMPARE(restored.session().path(), fixture("three_class.csv"));
    QVERIFY(restored.windowTitle().startsWith(QStringLiteral("three_class.csv")));

    // The file is gone: the demo instead.
    RecentFiles(*m_settings).add({QStringLiteral("/no/such/file.csv"), {}});
    MainWindow fresh(*m_settings);
    fresh.setMessagePresenter(std::make_unique<RecordingPresenter>());
    QSignalSpy demo(&fresh.session(), &DatasetSession::datasetChanged);
    QVERIFY(fresh.openLastOrDemo());
    QVERIFY(demo.wait(10000));
    QVERIFY(fresh.session().path().endsWith(QStringLiteral("demo.npz")));
}

// Ctrl+Tab / Ctrl+PgDown go to the next chart, Ctrl+Shift+Tab / Ctrl+PgUp to the previous one.
void TestWindowSettings::keyboardSwitchesCharts()
{
    openAndWait(fixture("three_class.csv"));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    ChartTabs* tabs = m_window->chartTabs();
    tabs->setCurrentIndex(0);
    QTest::keyClick(m_window.get(), Qt::Key_Tab, Qt::ControlModifier);
    QCOMPARE(tabs->currentIndex(), 1);
    QTest::keyClick(m_window.get(), Qt::Key_PageDown, Qt::ControlModifier);
    QCOMPARE(tabs->currentIndex(), 2);
    QTest::keyClick(m_window.get(), Qt::Key_PageUp, Qt::ControlModifier);
    QCOMPARE(tabs->currentIndex(), 1);
    tabs->setCurrentIndex(0);
    QTest::keyClick(m_window.get(), Qt::Key_PageUp, Qt::ControlModifier);
    QCOMPARE(tabs->currentIndex(), tabs->count() - 1);
}

void TestWindowSettings::exportDialogRemembersSizeAndDpi()
{
    {
        ExportPlotDialog dialog(*m_settings, {QStringLiteral("Loss"), QStringLiteral("ROC")}, 1,
            m_dir->filePath(QStringLiteral("roc.svg")));
        QCOMPARE(dialog.chart(), 1);
        QCOMPARE(dialog.options().size, ExportOptions {}.size);
        QCOMPARE(dialog.options().dpi, ExportOptions {}.dpi);
        auto spins = dialog.findChildren<QSpinBox*>();
        QCOMPARE(spins.size(), 3);
        spins[0]->setValue(900);
        spins[1]->setValue(600);
        spins[2]->setValue(200);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.options().size, QSize(900, 600));
        QCOMPARE(dialog.options().dpi, 200);
        QCOMPARE(dialog.path(), m_dir->filePath(QStringLiteral("roc.svg")));
    }
    ExportPlotDialog again(*m_settings, {QStringLiteral("Loss")}, 0, QString());
    QCOMPARE(again.options().size, QSize(900, 600));
    QCOMPARE(again.options().dpi, 200);
}

QTEST_MAIN(TestWindowSettings)
#include "tst_window_settings.moc"
