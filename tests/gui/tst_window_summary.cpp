// A summary .npz opened in the window, headless (DESIGN.md, Summaries: past one machine): it
// opens like a prediction file (File > Open, a drop, the command line); the metrics table shows
// core's binned AUROC and focal loss with their exact bounds and says "binned"; the bounds hold
// the exact values of the same data opened as predictions; an alpha or gamma change recomputes
// from the bins; the docks that need rows say so; the JSON export is the CLI's.

#include "calibration/calibration_report.h"
#include "loading/prediction_loader.h"
#include "main_window_test.h"
#include "model/bootstrap_model.h"
#include "model/calibration_model.h"
#include "model/dataset_session.h"
#include "model/parameter_model.h"
#include "model/threshold_model.h"
#include "plot/plot_view.h"
#include "summary/summary_analysis.h"
#include "summary/summary_file.h"
#include "summary/summary_loss.h"
#include "summary/summary_reader.h"
#include "summary/summary_report.h"
#include "summary/summary_writer.h"
#include "views/calibration_dock.h"
#include "views/chart_tabs.h"
#include "views/metrics_view.h"
#include "views/threshold_panel.h"

#include <QCoreApplication>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

#include <cmath>

using namespace focalscope;
using namespace focalscope::testing;

class TestWindowSummary : public MainWindowTest {
    Q_OBJECT

private slots:
    void showsCoresBinnedNumbers_data();
    void showsCoresBinnedNumbers();
    void boundsHoldTheExactValues_data();
    void boundsHoldTheExactValues();
    void sliderRecomputesFromTheBins();
    void docksThatNeedRowsSaySo();
    void opensThroughFileOpenAndBack();
    void exportsTheClisJson();
    void sigmoidOfMulticlassSaysWhy();

private:
    // The summary of a fixture, written beside the test's settings.
    QString summaryOf(const char* name)
    {
        const QString path = m_dir->filePath(QLatin1String(name) + QStringLiteral(".npz"));
        writeSummary(
            summarizeFile(fixture(name).toStdString(), {}, ReadOptions {}), path.toStdString());
        return path;
    }
    Summary coreSummary(const QString& path) const { return readSummary(path.toStdString()); }
    // The metrics table's row of a name.
    int row(const QString& name) const
    {
        const QTableWidget* table = m_window->metricsView()->table();
        for (int r = 0; r < table->rowCount(); ++r)
            if (table->item(r, 0)->text() == name)
                return r;
        return -1;
    }
    QVariantList bounds(int r, int column) const
    {
        return m_window->metricsView()
            ->table()
            ->item(r, column)
            ->data(MetricsView::kBoundsRole)
            .toList();
    }
};

void TestWindowSummary::showsCoresBinnedNumbers_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("three classes") << QStringLiteral("three_class.csv");
    QTest::newRow("binary") << QStringLiteral("binary.csv");
}

void TestWindowSummary::showsCoresBinnedNumbers()
{
    QFETCH(QString, file);
    const QString path = summaryOf(qPrintable(file));
    openAndWait(path);
    QVERIFY(m_presenter->errors.isEmpty());
    DatasetSession& session = m_window->session();
    QVERIFY(session.isSummary());
    const Summary summary = coreSummary(path);
    const SummaryRoc core = summaryRoc(summary);
    const SummaryLoss loss = summaryFocalLoss(summary, m_window->parameters().focalParams());

    // The numbers are core's; the table shows each AUROC with its bounds.
    const QStringList names = session.targetNames();
    const bool binary = summary.binary;
    QCOMPARE(session.roc()->classes.size(), core.perClass.size());
    for (std::size_t c = 0; c < core.perClass.size(); ++c) {
        const SummaryClassRoc& k = core.perClass[c];
        QCOMPARE(session.roc()->classes[c].auroc, k.auroc.value);
        QCOMPARE(session.roc()->classes[c].ci.lower, k.delong.lower);
        QCOMPARE(session.roc()->classes[c].averagePrecision, k.averagePrecision);
        const int r = row(names.value(binary ? 1 : static_cast<int>(c)));
        QVERIFY(r >= 0);
        QCOMPARE(m_window->metricsView()
                     ->table()
                     ->item(r, MetricsView::AurocColumn)
                     ->data(MetricsView::kValueRole)
                     .toDouble(),
            k.auroc.value);
        const QVariantList shown = bounds(r, MetricsView::AurocColumn);
        QCOMPARE(shown.size(), 2);
        QCOMPARE(shown[0].toDouble(), k.auroc.lower());
        QCOMPARE(shown[1].toDouble(), k.auroc.upper());
        QVERIFY(shown[0].toDouble() <= k.auroc.value && k.auroc.value <= shown[1].toDouble());
    }
    if (!binary) {
        const QVariantList macro = bounds(row(QStringLiteral("macro")), MetricsView::AurocColumn);
        QCOMPARE(macro[0].toDouble(), core.macro.lower());
        QCOMPARE(macro[1].toDouble(), core.macro.upper());
        QCOMPARE(row(QStringLiteral("one-vs-one")), -1); // it needs the rows
    }
    QCOMPARE(session.loss()->bracket->value.lower, loss.value.lower);
    QCOMPARE(session.loss()->bracket->value.upper, loss.value.upper);
    QCOMPARE(session.loss()->analysis.loss.value, loss.value.mid());
    for (std::size_t t = 0; t < loss.classMean.size(); ++t) {
        const QVariantList mean
            = bounds(row(names[static_cast<int>(t)]), MetricsView::MeanLossColumn);
        QCOMPARE(mean[0].toDouble(), loss.classMean[t].lower);
        QCOMPARE(mean[1].toDouble(), loss.classMean[t].upper);
    }

    // It says "binned": the badge, the loss line, the status bar, the ROC chart.
    QLabel* badge = m_window->metricsView()->binnedBadge();
    QVERIFY(badge->isVisible());
    QVERIFY2(badge->text().startsWith(
                 QStringLiteral("Binned summary: %L1 bins per class").arg(summary.bins())),
        qPrintable(badge->text()));
    QVERIFY(m_window->metricsView()->summary()->text().contains(QStringLiteral("binned")));
    QVERIFY(m_window->statusText().contains(QStringLiteral("binned summary")));
    QVERIFY(m_window->chartTabs()
                ->spec(ChartTabs::RocChart)
                .note.contains(QStringLiteral("binned summary")));
    // The curves are drawn; the loss-vs-p_t curve as always; p_t from the p_t bins.
    QVERIFY(!m_window->chartTabs()->spec(ChartTabs::RocChart).series.isEmpty());
    QVERIFY(!session.roc()->classes.front().roc.fpr.empty());
    QVERIFY(session.lossCurve() && !session.lossCurve()->series.isEmpty());
    qint64 ptRows = 0;
    for (const PlotSeries& s : session.lossCharts()->ptDistributionPlot.series)
        if (s.id >= 0)
            ++ptRows;
    QCOMPARE(ptRows, static_cast<qint64>(summary.targets()));
    QVERIFY(
        session.lossCharts()->concentrationPlot.note.contains(QStringLiteral("needs the rows")));
}

void TestWindowSummary::boundsHoldTheExactValues_data()
{
    showsCoresBinnedNumbers_data();
}

// The same data as predictions: its exact AUROC and focal loss lie in the shown bounds.
void TestWindowSummary::boundsHoldTheExactValues()
{
    QFETCH(QString, file);
    const QString path = summaryOf(qPrintable(file));
    openAndWait(path);
    // With the window's parameters for this task (its default loss mode).
    const Analysis exact = coreAnalysis(fixture(qPrintable(file)));
    const SummaryLoss& bracket = *m_window->session().loss()->bracket;
    QVERIFY2(bracket.value.lower <= exact.loss.loss.value
            && exact.loss.loss.value <= bracket.value.upper,
        qPrintable(QStringLiteral("%1 not in [%2, %3]")
                       .arg(exact.loss.loss.value, 0, 'g', 17)
                       .arg(bracket.value.lower, 0, 'g', 17)
                       .arg(bracket.value.upper, 0, 'g', 17)));
    const auto binned = m_window->session().rocResults()->binned;
    QCOMPARE(binned->perClass.size(), exact.roc.classes.size());
    for (std::size_t c = 0; c < exact.roc.classes.size(); ++c) {
        const double auroc = exact.roc.classes[c].auroc;
        QVERIFY(binned->perClass[c].auroc.lower() <= auroc);
        QVERIFY(auroc <= binned->perClass[c].auroc.upper());
    }
}

void TestWindowSummary::sliderRecomputesFromTheBins()
{
    const QString path = summaryOf("three_class.csv");
    openAndWait(path);
    DatasetSession& session = m_window->session();
    const double before = session.loss()->analysis.loss.value;
    const double aurocBefore = session.roc()->classes.front().auroc;
    m_window->parameters().setGamma(0.5);
    QTRY_VERIFY_WITH_TIMEOUT(session.loss()->analysis.params.gamma == 0.5, 10000);
    waitUntilComputed();
    const FocalParams params = m_window->parameters().focalParams();
    const SummaryLoss core = summaryFocalLoss(coreSummary(path), params);
    QVERIFY(session.loss()->analysis.loss.value != before);
    QCOMPARE(session.loss()->bracket->value.lower, core.value.lower);
    QCOMPARE(session.loss()->bracket->value.upper, core.value.upper);
    // The exact loss at the new gamma is inside too.
    const Analysis exact = coreAnalysis(fixture("three_class.csv"));
    QVERIFY(core.value.lower <= exact.loss.loss.value && exact.loss.loss.value <= core.value.upper);
    QCOMPARE(session.roc()->classes.front().auroc, aurocBefore);
    qInfo("summary loss recompute: %.3f ms", session.lastLossMilliseconds());
}

void TestWindowSummary::docksThatNeedRowsSaySo()
{
    openAndWait(summaryOf("three_class.csv"));
    ThresholdPanel* panel = m_window->thresholdPanel();
    QVERIFY(!panel->needsRowsNote()->isHidden());
    QVERIFY(panel->needsRowsNote()->text().contains(QStringLiteral("need the rows")));
    QVERIFY(!m_window->thresholds().hasTable());

    auto* dock = m_window->calibrationDock();
    dock->raise();
    QCoreApplication::processEvents();
    QTRY_VERIFY(dock->isVisible());
    QTest::qWait(100);
    QVERIFY(!dock->calibration().isBusy());
    QVERIFY(!dock->calibration().results());
    const auto state = dock->findChild<QLabel*>(QStringLiteral("calibrationState"));
    QVERIFY(state && state->text().contains(QStringLiteral("needs the rows")));
    QVERIFY(!dock->runButton()->isEnabled());
    QVERIFY(dock->methodLabel()->text().contains(QStringLiteral("needs the rows")));
    dock->bootstrap().run(100, 0);
    QVERIFY(!dock->bootstrap().isRunning());
    QVERIFY(m_presenter->errors.isEmpty());
}

void TestWindowSummary::opensThroughFileOpenAndBack()
{
    const QString path = summaryOf("three_class.csv");
    int finished = 0;
    QObject receiver;
    connect(&m_window->loader(), &PredictionLoader::summaryLoaded, &receiver, [&] { ++finished; });
    QVERIFY(m_window->openChosenFiles({path}));
    QTRY_VERIFY_WITH_TIMEOUT(finished == 1, 10000);
    waitUntilComputed();
    QVERIFY(m_window->session().isSummary());
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("binned summary")));

    // Predictions again: every dock is back.
    openAndWait(fixture("three_class.csv"));
    QVERIFY(!m_window->session().isSummary());
    QVERIFY(m_window->thresholdPanel()->needsRowsNote()->isHidden());
    QVERIFY(!m_window->metricsView()->binnedBadge()->isVisible());
    QVERIFY(!m_window->session().rocResults()->binned);
    QVERIFY(!m_window->session().loss()->bracket);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->thresholds().hasTable(), 10000);

    // A labels file with a summary: a clear error, the open data kept.
    openAndWait(path, fixture("three_class.csv"));
    QCOMPARE(m_presenter->errors.size(), 1);
    QVERIFY2(m_presenter->errors.front().contains(QStringLiteral("is a summary")),
        qPrintable(m_presenter->errors.front()));
    QVERIFY(!m_window->session().isSummary());
}

void TestWindowSummary::exportsTheClisJson()
{
    const QString path = summaryOf("three_class.csv");
    openAndWait(path);
    const QString json = m_dir->filePath(QStringLiteral("metrics.json"));
    QString error;
    QVERIFY2(m_window->exportMetrics(json, &error), qPrintable(error));
    QFile file(json);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().toStdString(),
        summaryJson(path.toStdString(), coreSummary(path), m_window->parameters().focalParams()));
}

void TestWindowSummary::sigmoidOfMulticlassSaysWhy()
{
    openAndWait(summaryOf("three_class.csv"));
    QString message;
    QObject receiver;
    connect(&m_window->session(), &DatasetSession::computationFailed, &receiver,
        [&](const QString& m) { message = m; });
    m_window->parameters().setLossMode(LossMode::Sigmoid);
    QTRY_VERIFY_WITH_TIMEOUT(!message.isEmpty(), 10000);
    QVERIFY2(message.contains(QStringLiteral("sigmoid focal loss of a multiclass summary")),
        qPrintable(message));
    m_window->parameters().setLossMode(LossMode::Softmax);
    waitUntilComputed();
    QCOMPARE(m_window->session().loss()->analysis.params.mode, LossMode::Softmax);
}

QTEST_MAIN(TestWindowSummary)
#include "tst_window_summary.moc"
