// The window's calibration dock, headless: its numbers are core's calibrationReport of the open
// file, recomputed for new bins, strategy and loss parameters; temperature scaling's T is core's
// fitTemperature, and its preview gives every view core's numbers of temperatureScaled scores
// until it is turned off; the bootstrap gives core's bootstrapReport intervals and ROC bands,
// cancels, and is cleared by a new file; bins, strategy, B and seed are remembered; the diagram
// reaches Export Plot.

#include "calibration/calibration_report.h"
#include "calibration/temperature_scaling.h"
#include "charts/chart_helpers.h"
#include "charts/reliability_plot.h"
#include "main_window_test.h"
#include "model/bootstrap_model.h"
#include "model/calibration_model.h"
#include "model/dataset_session.h"
#include "model/parameter_model.h"
#include "model/run_set.h"
#include "plot/plot_export.h"
#include "plot/plot_view.h"
#include "roc/bootstrap_report.h"
#include "views/calibration_dock.h"
#include "views/chart_tabs.h"
#include "views/metrics_view.h"
#include "views/number_format.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>

#include <cmath>

using namespace focalscope;
using namespace focalscope::testing;

class TestWindowCalibration : public MainWindowTest {
    Q_OBJECT

private slots:
    void dockIsShownAndInTheViewMenu();
    void numbersAreCores_data();
    void numbersAreCores();
    void changingBinsAndStrategyRecomputes();
    void temperatureIsCoresFit();
    void lossParametersRecompute();
    void bootstrapIsCores();
    void cancelStopsTheBootstrap();
    void newFileClearsTheBootstrap();
    void previewAppliesTemperatureToEveryView_data();
    void previewAppliesTemperatureToEveryView();
    void newFileTurnsThePreviewOff();
    void settingsRoundTrip();
    void reliabilityReachesExportPlot();
    void calibrationPerRun();
    void bootstrapAndPreviewOfAnotherRun();
    void hiddenDockCalibratesNoRun();
    void newFileResetsTheDiagramsClass();

private:
    // Opens run A, adds run B and waits for both runs' calibrations.
    void openTwoRuns(const QString& a, const QString& b)
    {
        openAndWait(a);
        RunSet& runs = m_window->runs();
        QVERIFY(m_window->addRuns({b}));
        QTRY_VERIFY_WITH_TIMEOUT(!runs.isLoading() && runs.count() == 2, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(runs.session(1).loss() && !runs.session(1).isBusy(), 30000);
        for (int r = 0; r < 2; ++r) {
            CalibrationModel* model = dock()->calibration(r);
            QVERIFY(model);
            QTRY_VERIFY_WITH_TIMEOUT(!model->isBusy() && model->results(), 30000);
        }
    }
    // The dock, brought to the front of its tab group: it calibrates only while shown.
    CalibrationDock* dock() const
    {
        auto* d = m_window->findChild<CalibrationDock*>(QStringLiteral("calibrationDock"));
        // A tabified dock behind another keeps isVisible() but is told it is hidden
        // (visibilityChanged): raise it whatever isVisible() says.
        if (d) {
            d->raise();
            QCoreApplication::processEvents();
        }
        return d;
    }
    // Waits until the dock's results are of the current inputs.
    void waitForCalibration()
    {
        CalibrationModel& model = dock()->calibration();
        QTRY_VERIFY_WITH_TIMEOUT(!model.isBusy() && model.results(), 30000);
    }
    // Core's bootstrap of a file as the dock runs it (95%, a band of kDefaultBandPoints).
    BootstrapReport coreBootstrap(const QString& path, int replicates, std::uint64_t seed) const
    {
        BootstrapOptions options;
        options.replicates = replicates;
        options.seed = seed;
        options.bandPoints = kDefaultBandPoints;
        return bootstrapReport(corePredictions(path), options);
    }
    CalibrationReport coreReport(const QString& path, const CalibrationOptions& options = {}) const
    {
        return calibrationReport(
            corePredictions(path), options, m_window->parameters().focalParams());
    }
    // The shown diagram's curve markers.
    QList<QPointF> shownBins() const
    {
        for (const PlotSeries& s : dock()->plotView()->spec().series)
            if (s.id == kReliabilityPointsSeriesId)
                return s.points;
        return {};
    }
    qsizetype shownCountBars() const
    {
        for (const PlotSeries& s : dock()->plotView()->spec().series)
            if (s.id == kReliabilityCountsSeriesId && s.onSecondaryAxis)
                return s.points.size();
        return -1;
    }
};

void TestWindowCalibration::dockIsShownAndInTheViewMenu()
{
    auto* behind = m_window->findChild<CalibrationDock*>(QStringLiteral("calibrationDock"));
    QVERIFY(behind);
    // Behind the threshold panel, nothing is computed; shown, it calibrates.
    openAndWait(fixture("three_class.csv"));
    if (!behind->isVisible())
        QVERIFY(!behind->calibration().isBusy() && !behind->calibration().results());
    CalibrationDock* d = dock();
    QVERIFY(d);
    QTRY_VERIFY(d->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(d->calibration().results(), 10000);
    QVERIFY(!d->toggleViewAction()->associatedObjects().isEmpty());
    QCOMPARE(d->binsSpin()->value(), 15);
    QCOMPARE(d->replicatesSpin()->value(), 2000);
    QCOMPARE(d->seedSpin()->value(), 0);
}

void TestWindowCalibration::numbersAreCores_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("three classes") << fixture("three_class.csv");
    QTest::newRow("binary") << fixture("binary.csv");
}

void TestWindowCalibration::numbersAreCores()
{
    QFETCH(QString, file);
    openAndWait(file);
    waitForCalibration();
    const CalibrationReport core = coreReport(file);
    const CalibrationReport& shown = dock()->calibration().results()->report;
    QCOMPARE(shown.perClass.size(), core.perClass.size());
    QVERIFY(close(shown.nll, core.nll));
    QVERIFY(close(shown.brier, core.brier));
    QVERIFY(close(shown.topLabel.ece, core.topLabel.ece));
    QVERIFY(close(shown.topLabel.mce, core.topLabel.mce));

    // Each class one-vs-rest, then the top label: the numbers and the diagram's points.
    QComboBox* classes = dock()->classBox();
    QCOMPARE(classes->count(), static_cast<int>(core.perClass.size()) + 1);
    for (int entry = 0; entry < classes->count(); ++entry) {
        classes->setCurrentIndex(entry);
        const bool topLabel = entry == classes->count() - 1;
        const ReliabilityCurve& curve
            = topLabel ? core.topLabel : core.perClass[static_cast<std::size_t>(entry)].curve;
        const double brier
            = topLabel ? core.brier : core.perClass[static_cast<std::size_t>(entry)].brier;
        QCOMPARE(dock()->shownClass(), topLabel ? -1 : entry);
        QCOMPARE(dock()->eceLabel()->text(), formatNumber(curve.ece));
        QCOMPARE(dock()->mceLabel()->text(), formatNumber(curve.mce));
        QCOMPARE(dock()->brierLabel()->text(), formatNumber(brier));
        QCOMPARE(dock()->nllLabel()->text(), formatNumber(core.nll));
        const QList<QPointF> bins = shownBins();
        QCOMPARE(bins.size(), static_cast<qsizetype>(curve.bins.size()));
        for (std::size_t b = 0; b < curve.bins.size(); ++b) {
            QVERIFY(close(bins[qsizetype(b)].x(), curve.bins[b].meanPredicted));
            QVERIFY(close(bins[qsizetype(b)].y(), curve.bins[b].fractionPositive));
        }
        QCOMPARE(shownCountBars(), qsizetype(15));
    }
}

void TestWindowCalibration::changingBinsAndStrategyRecomputes()
{
    const QString file = fixture("three_class.csv");
    openAndWait(file);
    waitForCalibration();
    CalibrationOptions five;
    five.bins = 5;
    const CalibrationReport core15 = coreReport(file);
    const CalibrationReport core5 = coreReport(file, five);
    QVERIFY(core15.topLabel.ece != core5.topLabel.ece); // else the test could not tell
    QCOMPARE(dock()->eceLabel()->text(), formatNumber(core15.topLabel.ece));

    dock()->binsSpin()->setValue(5);
    QTRY_VERIFY_WITH_TIMEOUT(dock()->calibration().results()->report.bins == 5, 30000);
    waitForCalibration();
    QVERIFY(close(dock()->calibration().results()->report.topLabel.ece, core5.topLabel.ece));
    QCOMPARE(dock()->eceLabel()->text(), formatNumber(core5.topLabel.ece));
    QCOMPARE(shownCountBars(), qsizetype(5));
    QCOMPARE(shownBins().size(), static_cast<qsizetype>(core5.topLabel.bins.size()));

    CalibrationOptions quantile = five;
    quantile.strategy = BinStrategy::Quantile;
    const CalibrationReport coreQuantile = coreReport(file, quantile);
    dock()->strategyBox()->setCurrentIndex(1);
    QTRY_VERIFY_WITH_TIMEOUT(
        dock()->calibration().results()->report.strategy == BinStrategy::Quantile, 30000);
    waitForCalibration();
    QCOMPARE(dock()->eceLabel()->text(), formatNumber(coreQuantile.topLabel.ece));
    QVERIFY(close(dock()->calibration().results()->report.topLabel.ece, coreQuantile.topLabel.ece));
}

void TestWindowCalibration::temperatureIsCoresFit()
{
    const QString file = fixture("three_class.csv");
    openAndWait(file);
    waitForCalibration();
    const LossMode mode = m_window->parameters().lossMode();
    const TemperatureFit fit = fitTemperature(corePredictions(file), mode);
    const CalibrationReport& shown = dock()->calibration().results()->report;
    QVERIFY(shown.hasTemperature);
    QVERIFY(close(shown.temperature.fit.temperature, fit.temperature));
    QVERIFY(fit.temperature != 1.0);
    QCOMPARE(dock()->temperatureLabel()->text(),
        QStringLiteral("T = %1").arg(formatNumber(fit.temperature, 6)));
    const CalibrationReport core = coreReport(file);
    const double expected[3][2]
        = {{fit.nllBefore, fit.nllAfter}, {core.temperature.eceBefore, core.temperature.eceAfter},
            {core.temperature.focalLossBefore, core.temperature.focalLossAfter}};
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 2; ++c)
            QCOMPARE(dock()->temperatureCell(r, c)->text(), formatNumber(expected[r][c]));
    QVERIFY(fit.nllAfter <= fit.nllBefore);
}

void TestWindowCalibration::lossParametersRecompute()
{
    const QString file = fixture("three_class.csv");
    openAndWait(file);
    waitForCalibration();
    const double before = dock()->calibration().results()->report.temperature.focalLossBefore;
    m_window->parameters().setGamma(0.5);
    QTRY_VERIFY_WITH_TIMEOUT(
        dock()->calibration().results() && dock()->calibration().results()->focal.gamma == 0.5,
        30000);
    waitForCalibration();
    const CalibrationReport core = coreReport(file);
    const double after = dock()->calibration().results()->report.temperature.focalLossBefore;
    QVERIFY(after != before);
    QVERIFY(close(after, core.temperature.focalLossBefore));
    QCOMPARE(dock()->temperatureCell(2, 0)->text(), formatNumber(core.temperature.focalLossBefore));
}

void TestWindowCalibration::bootstrapIsCores()
{
    const QString file = fixture("three_class.csv");
    openAndWait(file);
    std::shared_ptr<const RocBands> band;
    int bands = 0;
    QObject receiver; // the connection ends with the test function, early returns too
    connect(dock(), &CalibrationDock::bootstrapBandReady, &receiver,
        [&](std::shared_ptr<const RocBands> b) {
            band = std::move(b);
            ++bands;
        });
    dock()->replicatesSpin()->setValue(200);
    dock()->seedSpin()->setValue(1);
    QVERIFY(dock()->progressBar()->isHidden());
    QVERIFY(dock()->runButton()->isEnabled());
    dock()->runButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(dock()->bootstrap().results(), 30000);
    QVERIFY(!dock()->bootstrap().isRunning());
    QVERIFY(dock()->progressBar()->isHidden());

    const BootstrapReport core = coreBootstrap(file, 200, 1);
    const BootstrapReport& shown = dock()->bootstrap().results()->report;
    QCOMPARE(shown.classes.size(), core.classes.size());
    QTableWidget* table = dock()->bootstrapTable();
    QCOMPARE(table->rowCount(), static_cast<int>(core.classes.size()));
    for (std::size_t c = 0; c < core.classes.size(); ++c) {
        const BootstrapResult& a = shown.classes[c];
        const BootstrapResult& b = core.classes[c];
        QCOMPARE(a.aurocCi.lower, b.aurocCi.lower);
        QCOMPARE(a.aurocCi.upper, b.aurocCi.upper);
        QCOMPARE(a.averagePrecisionCi.lower, b.averagePrecisionCi.lower);
        QCOMPARE(a.averagePrecisionCi.upper, b.averagePrecisionCi.upper);
        QVERIFY(b.aurocCi.lower < b.aurocCi.upper);
        const int row = static_cast<int>(c);
        QCOMPARE(table->item(row, 1)->text(), formatNumber(b.auroc));
        QCOMPARE(table->item(row, 2)->text(),
            QStringLiteral("[%1, %2]")
                .arg(formatNumber(b.aurocCi.lower), formatNumber(b.aurocCi.upper)));
        QCOMPARE(table->item(row, 4)->text(),
            QStringLiteral("[%1, %2]")
                .arg(formatNumber(b.averagePrecisionCi.lower),
                    formatNumber(b.averagePrecisionCi.upper)));
    }
    QCOMPARE(table->item(0, 0)->text(), m_window->session().targetNames().front());
    QVERIFY2(dock()->methodLabel()->text().startsWith(
                 QStringLiteral("stratified percentile, B = 200, seed 1")),
        qPrintable(dock()->methodLabel()->text()));

    // The band for the ROC chart: core's, labelled with the method and B.
    QCOMPARE(bands, 1);
    QVERIFY(band);
    QCOMPARE(band->label, QStringLiteral("95% band (stratified percentile bootstrap, B = 200)"));
    QCOMPARE(band->classes.size(), core.classes.size());
    for (std::size_t c = 0; c < core.classes.size(); ++c) {
        QCOMPARE(band->classes[c].fpr.size(), std::size_t(kDefaultBandPoints));
        QVERIFY(band->classes[c].tprLower == core.classes[c].band.tprLower);
        QVERIFY(band->classes[c].tprUpper == core.classes[c].band.tprUpper);
    }
    // ...drawn on the ROC chart, named with the method and B.
    auto bandSeries = [this] {
        int count = 0;
        for (const PlotSeries& s : m_window->chartTabs()->spec(ChartTabs::RocChart).series)
            count += s.name.contains(QStringLiteral("bootstrap")) ? 1 : 0;
        return count;
    };
    QVERIFY(bandSeries() >= 1);
    openAndWait(fixture("binary.csv"));
    QCOMPARE(bandSeries(), 0); // a new file clears it
}

void TestWindowCalibration::cancelStopsTheBootstrap()
{
    // 6000 binary rows: B = 100000 takes seconds, a batch (1% of it) milliseconds.
    const QString path = m_dir->filePath(QStringLiteral("big.csv"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray text = "y_true,score\n";
        for (int i = 0; i < 6000; ++i) {
            const int label = i % 3 == 0 ? 1 : 0;
            const double score = label + 1.5 * std::sin(0.7 * i * i + 1.3 * i);
            text += QByteArray::number(label) + ',' + QByteArray::number(score, 'g', 9) + '\n';
        }
        QVERIFY(file.write(text) == text.size());
    }
    openAndWait(path);
    int bands = 0;
    QObject receiver; // the connection ends with the test function, early returns too
    connect(dock(), &CalibrationDock::bootstrapBandReady, &receiver, [&] { ++bands; });
    dock()->replicatesSpin()->setValue(CalibrationDock::kMaxReplicates);
    dock()->runButton()->click();
    QVERIFY(dock()->bootstrap().isRunning());
    QVERIFY(!dock()->progressBar()->isHidden());
    QVERIFY(!dock()->runButton()->isEnabled());
    QVERIFY(dock()->cancelButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(dock()->progressBar()->value() >= 1, 30000);
    dock()->cancelButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(!dock()->bootstrap().isRunning(), 10000);
    QVERIFY(dock()->bootstrap().lastRunCancelled()); // core stopped early, at our word
    QVERIFY(!dock()->bootstrap().results());
    QVERIFY(dock()->progressBar()->isHidden());
    QVERIFY(dock()->runButton()->isEnabled());
    QCOMPARE(dock()->bootstrapTable()->rowCount(), 0);
    QCOMPARE(bands, 0);
    QVERIFY(dock()->methodLabel()->text().startsWith(QStringLiteral("Cancelled")));
}

void TestWindowCalibration::newFileClearsTheBootstrap()
{
    openAndWait(fixture("three_class.csv"));
    std::shared_ptr<const RocBands> band;
    int bands = 0;
    QObject receiver; // the connection ends with the test function, early returns too
    connect(dock(), &CalibrationDock::bootstrapBandReady, &receiver,
        [&](std::shared_ptr<const RocBands> b) {
            band = std::move(b);
            ++bands;
        });
    dock()->replicatesSpin()->setValue(200);
    dock()->runButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(dock()->bootstrap().results(), 30000);
    QVERIFY(band);
    QCOMPARE(dock()->bootstrapTable()->rowCount(), 3);

    openAndWait(fixture("binary.csv"));
    QVERIFY(!dock()->bootstrap().results());
    QCOMPARE(dock()->bootstrapTable()->rowCount(), 0);
    QCOMPARE(bands, 2);
    QVERIFY(!band); // cleared on the ROC chart too
    QVERIFY(!dock()->methodLabel()->text().contains(QStringLiteral("B = 200")));
    // The new file's calibration replaces the old one's.
    waitForCalibration();
    QCOMPARE(dock()->calibration().results()->report.perClass.size(), std::size_t(1));
}

void TestWindowCalibration::previewAppliesTemperatureToEveryView_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("three classes") << fixture("three_class.csv");
    QTest::newRow("binary") << fixture("binary.csv");
}

void TestWindowCalibration::previewAppliesTemperatureToEveryView()
{
    QFETCH(QString, file);
    openAndWait(file);
    waitForCalibration();
    DatasetSession& session = m_window->session();
    const FocalParams params = m_window->parameters().focalParams();
    const Predictions original = corePredictions(file);
    const TemperatureFit fit = fitTemperature(original, params.mode);
    QVERIFY(std::abs(fit.temperature - 1.0) > 1e-3); // else the test could not tell
    const Analysis before = coreAnalysis(file);
    QCOMPARE(session.loss()->analysis.loss.value, before.loss.loss.value);
    const double eceBefore = dock()->calibration().results()->report.topLabel.ece;
    QCheckBox* preview = dock()->previewCheck();
    QVERIFY(preview->isEnabled());
    QVERIFY(!preview->isChecked());
    QVERIFY(!session.appliedTemperature());

    preview->click();
    QTRY_VERIFY_WITH_TIMEOUT(session.appliedTemperature().has_value(), 30000);
    waitUntilComputed();
    QTRY_VERIFY_WITH_TIMEOUT(dock()->calibration().results()->previewTemperature.has_value()
            && !dock()->calibration().isBusy(),
        30000);
    const double t = *session.appliedTemperature();
    QVERIFY(close(t, fit.temperature));

    // Every number is core's on the scaled scores; the file's are different.
    AnalysisOptions options;
    options.loss = params;
    options.roc.maxFpr = m_window->parameters().maxFpr();
    const Predictions scaled = temperatureScaled(original, params.mode, t);
    const Analysis after = analyze(scaled, options);
    QVERIFY(std::abs(after.loss.loss.value - before.loss.loss.value) > 1e-6);
    QVERIFY(close(session.loss()->analysis.loss.value, after.loss.loss.value));
    for (std::size_t c = 0; c < after.loss.perClass.size(); ++c)
        QVERIFY(close(session.loss()->analysis.perClass[c].mean, after.loss.perClass[c].mean));
    QCOMPARE(session.roc()->classes.size(), after.roc.classes.size());
    for (std::size_t c = 0; c < after.roc.classes.size(); ++c)
        QVERIFY(close(session.roc()->classes[c].auroc, after.roc.classes[c].auroc));
    QCOMPARE(session.predictions()->scores, scaled.scores);
    QCOMPARE(session.unscaledPredictions()->scores, original.scores);

    // The dock: the fit stays the file's, the diagram is the preview's, so its ECE is "after".
    const CalibrationReport& shown = dock()->calibration().results()->report;
    QVERIFY(close(shown.temperature.fit.temperature, fit.temperature));
    QVERIFY(close(shown.topLabel.ece, shown.temperature.eceAfter));
    QVERIFY(std::abs(shown.topLabel.ece - eceBefore) > 1e-9);
    dock()->classBox()->setCurrentIndex(dock()->classBox()->count() - 1);
    QCOMPARE(dock()->eceLabel()->text(), formatNumber(shown.temperature.eceAfter));
    QVERIFY(dock()->plotView()->spec().title.contains(QStringLiteral(" at T = ")));
    QVERIFY(dock()->previewNote()->isVisible());
    QVERIFY(dock()->previewNote()->text().contains(formatNumber(t, 6)));

    // The window says so: the metrics line, the status bar and the JSON export.
    const QString note = QStringLiteral("T = %1 applied (preview)").arg(formatNumber(t, 6));
    QVERIFY2(m_window->metricsView()->summary()->text().contains(note),
        qPrintable(m_window->metricsView()->summary()->text()));
    QVERIFY2(m_window->statusText().contains(QStringLiteral("applied (preview)")),
        qPrintable(m_window->statusText()));
    const QString json = m_dir->filePath(QStringLiteral("metrics.json"));
    QVERIFY(m_window->exportMetrics(json));
    QFile exported(json);
    QVERIFY(exported.open(QIODevice::ReadOnly));
    QVERIFY(exported.readAll().contains("\"temperature\":"));

    // Off: the file's numbers again, exactly.
    preview->click();
    QTRY_VERIFY_WITH_TIMEOUT(!session.appliedTemperature(), 30000);
    waitUntilComputed();
    QTRY_VERIFY_WITH_TIMEOUT(dock()->calibration().results()
            && !dock()->calibration().results()->previewTemperature
            && !dock()->calibration().isBusy(),
        30000);
    QCOMPARE(session.loss()->analysis.loss.value, before.loss.loss.value);
    for (std::size_t c = 0; c < before.roc.classes.size(); ++c)
        QCOMPARE(session.roc()->classes[c].auroc, before.roc.classes[c].auroc);
    QCOMPARE(dock()->calibration().results()->report.topLabel.ece, eceBefore);
    QVERIFY(!dock()->previewNote()->isVisible());
    QVERIFY(!m_window->metricsView()->summary()->text().contains(QStringLiteral("preview")));
    QVERIFY(!m_window->statusText().contains(QStringLiteral("preview")));
}

void TestWindowCalibration::newFileTurnsThePreviewOff()
{
    openAndWait(fixture("three_class.csv"));
    waitForCalibration();
    dock()->previewCheck()->click();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->session().appliedTemperature().has_value(), 30000);
    waitUntilComputed();

    const QString file = fixture("binary.csv");
    openAndWait(file);
    QVERIFY(!m_window->session().temperaturePreview());
    QVERIFY(!m_window->session().appliedTemperature());
    QVERIFY(!dock()->previewCheck()->isChecked());
    QCOMPARE(m_window->session().loss()->analysis.loss.value, coreAnalysis(file).loss.loss.value);
    waitForCalibration();
    QVERIFY(!dock()->calibration().results()->previewTemperature);
}

void TestWindowCalibration::settingsRoundTrip()
{
    dock()->binsSpin()->setValue(7);
    dock()->strategyBox()->setCurrentIndex(1);
    dock()->replicatesSpin()->setValue(500);
    dock()->seedSpin()->setValue(42);
    m_window->saveSettings();
    m_window.reset();

    MainWindow restored(*m_settings);
    auto* d = restored.calibrationDock();
    QCOMPARE(d->binsSpin()->value(), 7);
    QCOMPARE(d->strategyBox()->currentIndex(), 1);
    QCOMPARE(d->calibration().bins(), 7);
    QCOMPARE(d->calibration().strategy(), BinStrategy::Quantile);
    QCOMPARE(d->replicatesSpin()->value(), 500);
    QCOMPARE(d->seedSpin()->value(), 42);
}

void TestWindowCalibration::reliabilityReachesExportPlot()
{
    openAndWait(fixture("three_class.csv"));
    waitForCalibration();
    const QStringList plots = m_window->plotNames();
    QCOMPARE(plots.size(), int(ChartTabs::ChartCount) + 1);
    QVERIFY(plots.back().contains(QStringLiteral("Reliability")));
    dock()->classBox()->setCurrentIndex(1);
    // What the dock shows is what is exported: the same spec (one render path).
    const PlotSpec shown = m_window->shownPlot(ChartTabs::ChartCount);
    QCOMPARE(shown.title, dock()->plotView()->spec().title);
    QVERIFY(shown.title.startsWith(
        QStringLiteral("%1 vs rest").arg(m_window->session().targetNames().value(1))));
    QCOMPARE(shown.series.size(), dock()->plotView()->spec().series.size());
    const QString path = m_dir->filePath(QStringLiteral("reliability.svg"));
    QString error;
    QVERIFY2(exportPlot(shown, path, {}, &error), qPrintable(error));
    QFile svg(path);
    QVERIFY(svg.open(QIODevice::ReadOnly));
    QVERIFY(svg.readAll().contains("ECE"));
}

void TestWindowCalibration::calibrationPerRun()
{
    const QString a = fixture("asah_wfns.csv");
    const QString b = fixture("asah_s100b.csv");
    QVERIFY(dock()->runBox()->isHidden() || !dock()->runBox()->isVisibleTo(dock()));
    QVERIFY(dock()->runsTable()->isHidden());
    openTwoRuns(a, b);
    const CalibrationReport coreA = coreReport(a);
    const CalibrationReport coreB = coreReport(b);
    QVERIFY(coreA.perClass.front().curve.ece != coreB.perClass.front().curve.ece);

    // The picker and the table of every run.
    QVERIFY(dock()->runBox()->isVisibleTo(dock()));
    QCOMPARE(dock()->runBox()->count(), 2);
    QCOMPARE(dock()->runBox()->itemText(1), QStringLiteral("asah_s100b"));
    QTableWidget* table = dock()->runsTable();
    QVERIFY(table->isVisibleTo(dock()));
    QCOMPARE(table->rowCount(), 2);
    const CalibrationReport* core[] = {&coreA, &coreB};
    for (int r = 0; r < 2; ++r) {
        const CalibrationReport& c = *core[r];
        QCOMPARE(table->item(r, 1)->text(), formatNumber(c.perClass.front().curve.ece));
        QCOMPARE(table->item(r, 2)->text(), formatNumber(c.perClass.front().curve.mce));
        QCOMPARE(table->item(r, 3)->text(), formatNumber(c.perClass.front().brier));
        QCOMPARE(table->item(r, 4)->text(), formatNumber(c.nll));
        QCOMPARE(table->item(r, 5)->text(), formatNumber(c.temperature.fit.temperature, 6));
    }

    // The diagram: run A's bins, and each run's curve in its colour, named with its ECE.
    auto curves = [this] {
        QStringList names;
        for (const PlotSeries& s : dock()->plotView()->spec().series)
            if (s.id == kReliabilityCurveSeriesId)
                names << s.name;
        return names;
    };
    QCOMPARE(curves(),
        QStringList({QStringLiteral("asah_wfns: ECE %1")
                         .arg(charts::formatMetric(coreA.perClass.front().curve.ece)),
            QStringLiteral("asah_s100b: ECE %1")
                .arg(charts::formatMetric(coreB.perClass.front().curve.ece))}));
    QCOMPARE(shownBins().size(), static_cast<qsizetype>(coreA.perClass.front().curve.bins.size()));
    QCOMPARE(dock()->eceLabel()->text(), formatNumber(coreA.perClass.front().curve.ece));

    // Picking run B: its numbers and fit; its curve first, its bins drawn.
    dock()->runBox()->setCurrentIndex(1);
    QCOMPARE(dock()->shownRun(), 1);
    QCOMPARE(&dock()->calibration(), dock()->calibration(1));
    QCOMPARE(dock()->eceLabel()->text(), formatNumber(coreB.perClass.front().curve.ece));
    QCOMPARE(dock()->nllLabel()->text(), formatNumber(coreB.nll));
    QVERIFY(dock()->temperatureLabel()->text().contains(
        formatNumber(coreB.temperature.fit.temperature, 6)));
    QVERIFY(curves().front().startsWith(QStringLiteral("asah_s100b")));
    QCOMPARE(shownBins().size(), static_cast<qsizetype>(coreB.perClass.front().curve.bins.size()));

    // A hidden run leaves the diagram, not the table.
    m_window->runs().setVisible(0, false);
    QCOMPARE(curves().size(), 1);
    QCOMPARE(table->rowCount(), 2);
    m_window->runs().setVisible(0, true);
    QCOMPARE(curves().size(), 2);

    // New bins recompute every run.
    dock()->binsSpin()->setValue(5);
    for (int r = 0; r < 2; ++r)
        QTRY_VERIFY_WITH_TIMEOUT(dock()->calibration(r)->results()
                && dock()->calibration(r)->results()->report.bins == 5
                && !dock()->calibration(r)->isBusy(),
            30000);
    CalibrationOptions five;
    five.bins = 5;
    QCOMPARE(
        table->item(0, 1)->text(), formatNumber(coreReport(a, five).perClass.front().curve.ece));
    QCOMPARE(
        table->item(1, 1)->text(), formatNumber(coreReport(b, five).perClass.front().curve.ece));

    // The run removed: run A again, one run, no table.
    m_window->runs().removeRun(1);
    QCOMPARE(dock()->shownRun(), 0);
    QCOMPARE(&dock()->calibration(), dock()->calibration(0));
    QVERIFY(!dock()->calibration(1));
    QVERIFY(table->isHidden());
    QCOMPARE(curves().size(), 1);
}

void TestWindowCalibration::bootstrapAndPreviewOfAnotherRun()
{
    const QString a = fixture("asah_wfns.csv");
    const QString b = fixture("asah_s100b.csv");
    openTwoRuns(a, b);
    std::shared_ptr<const RocBands> band;
    QObject receiver;
    connect(dock(), &CalibrationDock::bootstrapBandReady, &receiver,
        [&](std::shared_ptr<const RocBands> bands) { band = std::move(bands); });
    dock()->runBox()->setCurrentIndex(1);

    // The bootstrap of run B: core's intervals of its rows, its band named after it.
    dock()->replicatesSpin()->setValue(200);
    dock()->seedSpin()->setValue(3);
    dock()->runButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(dock()->bootstrap().results(), 30000);
    const BootstrapReport core = coreBootstrap(b, 200, 3);
    const BootstrapReport& shown = dock()->bootstrap().results()->report;
    QCOMPARE(shown.classes.front().aurocCi.lower, core.classes.front().aurocCi.lower);
    QCOMPARE(shown.classes.front().aurocCi.upper, core.classes.front().aurocCi.upper);
    QVERIFY(band);
    QVERIFY2(
        band->label.startsWith(QStringLiteral("asah_s100b: 95% band")), qPrintable(band->label));
    QVERIFY(band->classes.front().tprLower == core.classes.front().band.tprLower);
    int drawn = 0;
    for (const PlotSeries& s : m_window->chartTabs()->spec(ChartTabs::RocChart).series)
        drawn += s.name.startsWith(QStringLiteral("asah_s100b: 95% band")) ? 1 : 0;
    QCOMPARE(drawn, 1);
    // Run A has no bootstrap: its band is cleared while it is picked, B's comes back with B.
    dock()->runBox()->setCurrentIndex(0);
    QVERIFY(!band);
    QVERIFY(!dock()->bootstrap().results());
    dock()->runBox()->setCurrentIndex(1);
    QVERIFY(band && dock()->bootstrap().results());

    // The preview of run B's fit applies to run B's session only.
    QTRY_VERIFY(dock()->previewCheck()->isEnabled());
    dock()->previewCheck()->setChecked(true);
    const double t = coreReport(b).temperature.fit.temperature;
    QCOMPARE(m_window->runs().session(1).temperaturePreview(), std::optional<double>(t));
    QVERIFY(!m_window->runs().session(0).temperaturePreview());
    QTRY_VERIFY_WITH_TIMEOUT(m_window->runs().session(1).appliedTemperature() == t, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(
        dock()->runsTable()->item(1, 0)->text().contains(QStringLiteral("applied")), 30000);
    // Back on run A, its own toggle is off.
    dock()->runBox()->setCurrentIndex(0);
    QVERIFY(!dock()->previewCheck()->isChecked());

    // Run B removed while it is picked, its band on the ROC chart: run A is shown, the band goes.
    // (The preview gave run B other scores: its bootstrap was cleared; run it again.)
    dock()->runBox()->setCurrentIndex(1);
    QVERIFY(!band);
    dock()->runButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(dock()->bootstrap().results() && band, 30000);
    m_window->runs().removeRun(1);
    QCOMPARE(dock()->shownRun(), 0);
    QCOMPARE(dock()->runBox()->count(), 1);
    QVERIFY(!band);
    QVERIFY(dock()->bootstrapTable()->rowCount() == 0);
    for (const PlotSeries& s : m_window->chartTabs()->spec(ChartTabs::RocChart).series)
        QVERIFY(!s.name.contains(QStringLiteral("band")));
}

void TestWindowCalibration::hiddenDockCalibratesNoRun()
{
    // Behind another dock of its tab group (the comparison), an added run is not calibrated;
    // shown, it is.
    openAndWait(fixture("asah_wfns.csv"));
    CalibrationDock* calibration = dock(); // in front
    auto* other = m_window->findChild<QDockWidget*>(QStringLiteral("comparisonDock"));
    QVERIFY(other);
    other->raise();
    QTRY_VERIFY(!calibration->calibration(0)->isActive());
    RunSet& runs = m_window->runs();
    QVERIFY(m_window->addRuns({fixture("asah_s100b.csv")}));
    QTRY_VERIFY_WITH_TIMEOUT(!runs.isLoading() && runs.count() == 2, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(runs.session(1).loss() && !runs.session(1).isBusy(), 30000);
    QTest::qWait(3 * CalibrationModel::kCoalescingMs);
    QVERIFY(!calibration->calibration(1)->isActive());
    QVERIFY(!calibration->calibration(1)->isBusy());
    QVERIFY(!calibration->calibration(1)->results());
    dock(); // raised
    QTRY_VERIFY_WITH_TIMEOUT(calibration->calibration(1)->results(), 30000);
}

void TestWindowCalibration::newFileResetsTheDiagramsClass()
{
    // One run: a new file, even with the same classes, shows its default diagram again.
    openAndWait(fixture("three_class.csv"));
    const int topLabel = dock()->classBox()->count() - 1;
    QCOMPARE(dock()->classBox()->currentIndex(), topLabel);
    dock()->classBox()->setCurrentIndex(0);
    openAndWait(fixture("three_class_b.csv"));
    QCOMPARE(dock()->classBox()->currentIndex(), topLabel);
}

QTEST_MAIN(TestWindowCalibration)
#include "tst_window_calibration.moc"
