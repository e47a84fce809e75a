// The window end to end, headless: loading, live parameter changes, errors, cancel, exports,
// the operating point panel and settings. Every number is compared with what core computes.

#include "charts/loss_plot.h"
#include "charts/pt_distribution_plot.h"
#include "dialogs/export_plot_dialog.h"
#include "docks/classes_dock.h"
#include "docks/parameters_dock.h"
#include "io/prediction_reader.h"
#include "loading/load_progress_dialog.h"
#include "loading/prediction_loader.h"
#include "loss/alpha_suggestions.h"
#include "loss/focal_views.h"
#include "model/alpha_weight_model.h"
#include "model/dataset_session.h"
#include "model/parameter_model.h"
#include "plot/plot_export.h"
#include "plot/plot_view.h"
#include "report/analysis.h"
#include "settings/recent_files.h"
#include "views/chart_tabs.h"
#include "views/metrics_view.h"
#include "views/number_format.h"
#include "views/operating_point_panel.h"
#include "window/main_window.h"
#include "window/message_presenter.h"

#include <QClipboard>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QXmlStreamReader>

#include <cmath>
#include <memory>

using namespace focalscope;

namespace {

class RecordingPresenter : public MessagePresenter {
public:
    void showError(QWidget*, const QString&, const QString& message) override { errors << message; }
    QStringList errors;
};

QString fixture(const char* name)
{
    return QStringLiteral(FOCALSCOPE_TESTS_DIR "/gui/data/") + QLatin1String(name);
}

// The thick "current" curve of the loss-vs-p_t chart.
const PlotSeries* currentLossSeries(const PlotSpec& spec)
{
    for (const PlotSeries& s : spec.series) {
        if (s.id == kCurrentLossSeriesId)
            return &s;
    }
    return nullptr;
}

double weightAt(const AlphaWeightModel* weights, int row)
{
    return weights->index(row, AlphaWeightModel::WeightColumn)
        .data(AlphaWeightModel::kWeightRole)
        .toDouble();
}

bool close(double a, double b, double tolerance = 1e-12)
{
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b);
    return std::abs(a - b) <= tolerance * std::max(1.0, std::abs(b));
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void loadingAFixtureFillsSeriesAndTable();
    void loadingAnotherFileReplacesSeriesAndTable();
    void parameterChangesMatchCore_data();
    void parameterChangesMatchCore();
    void sliderBurstIsCoalesced();
    void hiddenTabCatchesUpWhenShown();
    void alphaSuggestionFillsWeights();
    void scalarAlphaNoteOnlyWithMoreThanTwoClasses();
    void badFileShowsErrorAndKeepsData_data();
    void badFileShowsErrorAndKeepsData();
    void cancelledLoadKeepsData();
    void exportWritesValidFiles_data();
    void exportWritesValidFiles();
    void exportMetrics_data();
    void exportMetrics();
    void operatingPointConfusionMatrix_data();
    void operatingPointConfusionMatrix();
    void hiddenClassLeavesCharts();
    void precisionRecallClickPicksOperatingPoint();
    void kindAndModeOverridesMatchCore_data();
    void kindAndModeOverridesMatchCore();
    void hoveringRocShowsThresholdAndRates();
    void exportDialogRemembersSizeAndDpi();
    void ptDistributionByBackgroundAndForeground();
    void copyPutsTsvOnClipboard();
    void droppedFileIsOpened();
    void settingsRoundTrip();
    void openRecentReopensAFile();
    void resetRestoresDefaults();

private:
    // Opens a file and waits until it is loaded (or failed) and every number is computed.
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

void TestMainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(
        m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    m_window = std::make_unique<MainWindow>(*m_settings);
    auto presenter = std::make_unique<RecordingPresenter>();
    m_presenter = presenter.get();
    m_window->setMessagePresenter(std::move(presenter));
    m_window->show();
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestMainWindow::openAndWait(const QString& path, const QString& labels)
{
    int finished = 0;
    PredictionLoader& loader = m_window->loader();
    const auto a = connect(&loader, &PredictionLoader::loaded, this, [&] { ++finished; });
    const auto b = connect(&loader, &PredictionLoader::failed, this, [&] { ++finished; });
    const auto c = connect(&loader, &PredictionLoader::cancelled, this, [&] { ++finished; });
    m_window->openFile(path, labels);
    QTRY_VERIFY_WITH_TIMEOUT(finished > 0, 30000);
    disconnect(a);
    disconnect(b);
    disconnect(c);
    waitUntilComputed();
}

void TestMainWindow::waitUntilComputed()
{
    DatasetSession& session = m_window->session();
    QTRY_VERIFY_WITH_TIMEOUT(!session.hasData()
            || (!session.isBusy() && session.loss() && session.lossCharts() && session.roc()),
        30000);
}

Predictions TestMainWindow::corePredictions(const QString& path) const
{
    return readPredictions(path.toStdString()).predictions;
}

Analysis TestMainWindow::coreAnalysis(const QString& path) const
{
    AnalysisOptions options;
    options.loss = m_window->parameters().focalParams();
    options.roc.maxFpr = m_window->parameters().maxFpr();
    return analyze(corePredictions(path), options);
}

void TestMainWindow::loadingAFixtureFillsSeriesAndTable()
{
    openAndWait(fixture("three_class.csv"));
    QVERIFY(m_presenter->errors.isEmpty());
    const Analysis expected = coreAnalysis(fixture("three_class.csv"));

    QTableWidget* table = m_window->metricsView()->table();
    QCOMPARE(table->rowCount(), 3 + 4); // classes, then macro / weighted / micro / one-vs-one
    const QStringList names {QStringLiteral("cat"), QStringLiteral("dog"), QStringLiteral("bird")};
    for (int c = 0; c < 3; ++c) {
        QCOMPARE(table->item(c, MetricsView::ClassColumn)->text(), names[c]);
        const ClassRoc& roc = expected.roc.classes[static_cast<std::size_t>(c)];
        QVERIFY(close(
            table->item(c, MetricsView::AurocColumn)->data(MetricsView::kValueRole).toDouble(),
            roc.auroc));
        QVERIFY(
            close(table->item(c, MetricsView::ApColumn)->data(MetricsView::kValueRole).toDouble(),
                roc.averagePrecision));
        const ClassLoss& loss = expected.loss.perClass[static_cast<std::size_t>(c)];
        QCOMPARE(
            table->item(c, MetricsView::SupportColumn)->data(MetricsView::kValueRole).toDouble(),
            double(loss.samples));
        QVERIFY(close(
            table->item(c, MetricsView::MeanLossColumn)->data(MetricsView::kValueRole).toDouble(),
            loss.mean));
    }
    QVERIFY(
        close(table->item(3, MetricsView::AurocColumn)->data(MetricsView::kValueRole).toDouble(),
            expected.roc.macro));
    QVERIFY(
        close(table->item(4, MetricsView::AurocColumn)->data(MetricsView::kValueRole).toDouble(),
            expected.roc.weighted));
    QVERIFY(
        close(table->item(5, MetricsView::AurocColumn)->data(MetricsView::kValueRole).toDouble(),
            expected.roc.micro));
    QVERIFY(
        close(table->item(6, MetricsView::AurocColumn)->data(MetricsView::kValueRole).toDouble(),
            expected.roc.ovo));

    // Every class has its ROC and PR series; the classes dock lists them.
    for (ChartTabs::Chart chart : {ChartTabs::RocChart, ChartTabs::PrChart}) {
        const PlotSpec& spec = m_window->chartTabs()->spec(chart);
        for (int c = 0; c < 3; ++c) {
            const bool found = std::any_of(spec.series.begin(), spec.series.end(),
                [c](const PlotSeries& s) { return s.id == c && !s.points.isEmpty(); });
            QVERIFY2(
                found, qPrintable(QStringLiteral("chart %1 lacks class %2").arg(chart).arg(c)));
        }
    }
    QCOMPARE(m_window->classesDock()->table()->rowCount(), 3);
    QVERIFY(m_window->statusText().contains(QStringLiteral("60 rows")));
    QVERIFY(m_window->statusText().contains(QStringLiteral("3 classes")));
    QVERIFY(m_window->statusText().contains(QStringLiteral("probabilities")));
    QVERIFY(m_window->statusText().contains(QStringLiteral(" ms")));
}

void TestMainWindow::loadingAnotherFileReplacesSeriesAndTable()
{
    openAndWait(fixture("three_class.csv"));
    const QString before = m_window->metricsView()->toDelimited(u'\t', true);
    openAndWait(fixture("binary.csv"));
    QVERIFY(m_presenter->errors.isEmpty());
    QCOMPARE(m_window->session().path(), fixture("binary.csv"));
    const Analysis expected = coreAnalysis(fixture("binary.csv"));
    QTableWidget* table = m_window->metricsView()->table();
    QVERIFY(m_window->metricsView()->toDelimited(u'\t', true) != before);
    // A binary task: the negative and the positive row, then the partial AUROC row.
    QCOMPARE(table->item(0, MetricsView::ClassColumn)->text(), QStringLiteral("negative"));
    QVERIFY(
        close(table->item(1, MetricsView::AurocColumn)->data(MetricsView::kValueRole).toDouble(),
            expected.roc.classes.front().auroc));
    for (int r = 0; r < table->rowCount(); ++r)
        QVERIFY(!table->item(r, MetricsView::ClassColumn)->text().contains(QStringLiteral("cat")));
    const PlotSpec& roc = m_window->chartTabs()->spec(ChartTabs::RocChart);
    for (const PlotSeries& s : roc.series)
        QVERIFY2(
            !s.name.contains(QStringLiteral("cat")) && !s.name.contains(QStringLiteral("bird")),
            qPrintable(s.name));
    QCOMPARE(m_window->classesDock()->table()->rowCount(), 2);
    QCOMPARE(m_window->parameters().lossMode(), LossMode::Sigmoid);
    QVERIFY(m_window->statusText().contains(QStringLiteral("binary")));
}

void TestMainWindow::parameterChangesMatchCore_data()
{
    QTest::addColumn<int>("gammaSteps"); // slider position: gamma = steps / kGammaSteps
    QTest::addColumn<double>("alpha"); // set through the spin box
    QTest::newRow("gamma 0 (cross-entropy), alpha 0.25") << 0 << 0.25;
    QTest::newRow("gamma 0.5, alpha 0.5") << 50 << 0.5;
    QTest::newRow("gamma 1.5, alpha 0.6") << 150 << 0.6;
    QTest::newRow("gamma 5, alpha 0.9") << 500 << 0.9;
}

void TestMainWindow::parameterChangesMatchCore()
{
    QFETCH(int, gammaSteps);
    QFETCH(double, alpha);
    openAndWait(fixture("three_class.csv"));
    const PlotSpec lossBefore = m_window->chartTabs()->spec(ChartTabs::LossChart);
    ParametersDock* dock = m_window->parametersDock();
    dock->gammaSlider()->setValue(gammaSteps);
    dock->alphaSpin()->setValue(alpha);
    const double gamma = double(gammaSteps) / ParametersDock::kGammaSteps;
    QCOMPARE(m_window->parameters().gamma(), gamma);
    QCOMPARE(m_window->parameters().alphaScalar(), alpha);
    QCOMPARE(dock->gammaSpin()->value(), gamma);
    QCOMPARE(dock->alphaSlider()->value(), int(std::lround(alpha * ParametersDock::kAlphaSteps)));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->session().loss()->analysis.params.gamma == gamma
            && m_window->session().loss()->analysis.params.alpha.scalar == alpha,
        10000);
    waitUntilComputed();

    const Analysis expected = coreAnalysis(fixture("three_class.csv"));
    QTableWidget* table = m_window->metricsView()->table();
    for (int c = 0; c < 3; ++c) {
        const ClassLoss& loss = expected.loss.perClass[static_cast<std::size_t>(c)];
        QVERIFY(close(
            table->item(c, MetricsView::MeanLossColumn)->data(MetricsView::kValueRole).toDouble(),
            loss.mean));
        QVERIFY(close(
            table->item(c, MetricsView::ShareColumn)->data(MetricsView::kValueRole).toDouble(),
            loss.share));
    }
    QVERIFY(close(m_window->session().loss()->analysis.loss.value, expected.loss.loss.value));
    QVERIFY(m_window->metricsView()->summary()->text().contains(
        formatNumber(expected.loss.loss.value, 6)));

    // The effective weights the dock shows: [a, 1 - a, 1 - a].
    AlphaWeightModel* weights = dock->weightModel();
    QCOMPARE(weights->rowCount(), 3);
    QVERIFY(close(weightAt(weights, 0), alpha));
    QVERIFY(close(weightAt(weights, 2), 1.0 - alpha));

    // The loss chart shows the current curve for a foreground row (class 1 weighs 1 - a):
    // every drawn point lies on core's l(p_t).
    const PlotSpec& lossSpec = m_window->chartTabs()->spec(ChartTabs::LossChart);
    const PlotSeries* current = currentLossSeries(lossSpec);
    QVERIFY(current);
    QVERIFY(!current->points.isEmpty());
    for (const QPointF& p : current->points)
        QVERIFY2(close(p.y(), focalLossAt(p.x(), 1.0 - alpha, gamma), 1e-9),
            qPrintable(QStringLiteral("p_t %1: %2").arg(p.x()).arg(p.y())));
    if (gamma != 2.0 || alpha != 0.25)
        QVERIFY(currentLossSeries(lossBefore)->points != current->points);
}

void TestMainWindow::sliderBurstIsCoalesced()
{
    openAndWait(fixture("three_class.csv"));
    int lossUpdates = 0;
    connect(&m_window->session(), &DatasetSession::lossChanged, this, [&] { ++lossUpdates; });
    QSlider* slider = m_window->parametersDock()->gammaSlider();
    for (int v = 10; v <= 300; v += 10)
        slider->setValue(v); // 30 moves within one event-loop turn
    waitUntilComputed();
    QCOMPARE(m_window->session().loss()->analysis.params.gamma, 3.0);
    QVERIFY2(lossUpdates >= 1 && lossUpdates <= 2, qPrintable(QString::number(lossUpdates)));
}

void TestMainWindow::hiddenTabCatchesUpWhenShown()
{
    openAndWait(fixture("three_class.csv"));
    ChartTabs* tabs = m_window->chartTabs();
    tabs->setCurrentIndex(ChartTabs::LossChart);
    m_window->parametersDock()->gammaSlider()->setValue(50);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->session().loss()->analysis.params.gamma == 0.5, 10000);
    waitUntilComputed();
    // The focal weight overlay (1 - p_t)^gamma of the p_t tab follows gamma once shown.
    auto overlay = [](const PlotSpec& spec) {
        for (const PlotSeries& s : spec.series) {
            if (s.id == kFocalWeightSeriesId)
                return s.points;
        }
        return QList<QPointF>();
    };
    const QList<QPointF> latest = overlay(tabs->spec(ChartTabs::PtDistributionChart));
    QVERIFY(!latest.isEmpty());
    for (const QPointF& p : latest)
        QVERIFY(close(p.y(), std::pow(1.0 - p.x(), 0.5), 1e-9));
    tabs->setCurrentIndex(ChartTabs::PtDistributionChart);
    QCOMPARE(overlay(tabs->view(ChartTabs::PtDistributionChart)->spec()), latest);
}

void TestMainWindow::alphaSuggestionFillsWeights()
{
    openAndWait(fixture("three_class.csv"));
    const Predictions predictions = corePredictions(fixture("three_class.csv"));
    const std::vector<Index> counts = classCounts(predictions.labels, 3, predictions.ignoreIndex);
    for (int suggestion = 0; suggestion <= int(kEffectiveNumberBetas.size()); ++suggestion) {
        m_window->parametersDock()->applySuggestion(suggestion);
        const std::vector<double> expected = suggestion == 0
            ? inverseFrequencyWeights(counts)
            : effectiveNumberWeights(counts, kEffectiveNumberBetas[std::size_t(suggestion - 1)]);
        QCOMPARE(m_window->parameters().alphaMode(), Alpha::Mode::PerClass);
        QCOMPARE(m_window->parameters().alphaPerClass(), expected);
        AlphaWeightModel* weights = m_window->parametersDock()->weightModel();
        for (int c = 0; c < 3; ++c)
            QCOMPARE(weightAt(weights, c), expected[std::size_t(c)]);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->session().loss()->analysis.params.alpha.perClass == expected, 10000);
        waitUntilComputed();
        const Analysis core = coreAnalysis(fixture("three_class.csv"));
        QVERIFY(close(m_window->session().loss()->analysis.loss.value, core.loss.loss.value));
    }
    // Editing one weight in the table keeps the others.
    AlphaWeightModel* weights = m_window->parametersDock()->weightModel();
    const std::vector<double> before = m_window->parameters().alphaPerClass();
    QVERIFY(weights->setData(
        weights->index(1, AlphaWeightModel::WeightColumn), QStringLiteral("2.5"), Qt::EditRole));
    QCOMPARE(
        m_window->parameters().alphaPerClass(), (std::vector<double> {before[0], 2.5, before[2]}));
}

void TestMainWindow::scalarAlphaNoteOnlyWithMoreThanTwoClasses()
{
    QLabel* note = m_window->parametersDock()->scalarAlphaNote();
    openAndWait(fixture("three_class.csv"));
    QVERIFY(note->isVisibleTo(m_window->parametersDock()));
    QVERIFY2(note->text().contains(QStringLiteral("class 0 (cat)")), qPrintable(note->text()));
    m_window->parameters().setAlphaMode(Alpha::Mode::None);
    QVERIFY(!note->isVisibleTo(m_window->parametersDock()));
    m_window->parameters().setAlphaMode(Alpha::Mode::Scalar);
    QVERIFY(note->isVisibleTo(m_window->parametersDock()));
    openAndWait(fixture("binary.csv"));
    QVERIFY(!note->isVisibleTo(m_window->parametersDock()));
}

void TestMainWindow::badFileShowsErrorAndKeepsData_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected"); // part of the reader's message
    QTest::newRow("a field too few") << fixture("bad.csv") << QStringLiteral("bad.csv:3");
    QTest::newRow("missing file") << fixture("no_such_file.csv")
                                  << QStringLiteral("no_such_file.csv");
}

void TestMainWindow::badFileShowsErrorAndKeepsData()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    openAndWait(fixture("three_class.csv"));
    m_window->parametersDock()->gammaSlider()->setValue(120);
    waitUntilComputed();
    const QString table = m_window->metricsView()->toDelimited(u'\t', true);
    const QList<QPointF> roc
        = m_window->chartTabs()->spec(ChartTabs::RocChart).series.front().points;

    openAndWait(path);
    QCOMPARE(m_presenter->errors.size(), 1);
    QVERIFY2(
        m_presenter->errors.front().contains(expected), qPrintable(m_presenter->errors.front()));
    QCOMPARE(m_window->lastError(), m_presenter->errors.front());
    // The data, the parameters and what is shown are the ones open before.
    QCOMPARE(m_window->session().path(), fixture("three_class.csv"));
    QCOMPARE(m_window->parameters().gamma(), 1.2);
    QCOMPARE(m_window->metricsView()->toDelimited(u'\t', true), table);
    QCOMPARE(m_window->chartTabs()->spec(ChartTabs::RocChart).series.front().points, roc);
}

void TestMainWindow::cancelledLoadKeepsData()
{
    openAndWait(fixture("three_class.csv"));
    const QString table = m_window->metricsView()->toDelimited(u'\t', true);

    // A file large enough that the read is still running when Cancel is pressed.
    const QString big = m_dir->filePath(QStringLiteral("big.csv"));
    {
        QFile file(big);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray text = "label,a,b,c,d\n";
        for (int i = 0; i < 400000; ++i)
            text += QByteArray::number(i % 4) + ",0.1,0.2,0.3,0.4\n";
        file.write(text);
    }
    int cancelled = 0;
    connect(&m_window->loader(), &PredictionLoader::cancelled, this, [&] { ++cancelled; });
    m_window->openFile(big);
    QVERIFY(m_window->loader().isLoading());
    // Press Cancel on the progress dialog.
    auto* progress = m_window->findChild<LoadProgressDialog*>();
    QVERIFY(progress);
    auto* cancel = progress->findChild<QPushButton*>();
    QVERIFY(cancel);
    cancel->click();
    QTRY_COMPARE_WITH_TIMEOUT(cancelled, 1, 30000);
    QVERIFY(!m_window->loader().isLoading());
    QVERIFY(m_presenter->errors.isEmpty());
    QCOMPARE(m_window->session().path(), fixture("three_class.csv"));
    QCOMPARE(m_window->metricsView()->toDelimited(u'\t', true), table);
}

void TestMainWindow::exportWritesValidFiles_data()
{
    QTest::addColumn<int>("chart");
    QTest::addColumn<QString>("extension");
    for (int c = 0; c < ChartTabs::ChartCount; ++c) {
        for (const char* ext : {"png", "svg", "pdf"}) {
            const QString name
                = ChartTabs::chartFileName(ChartTabs::Chart(c)) + u'.' + QLatin1String(ext);
            QTest::newRow(qPrintable(name)) << c << QString::fromLatin1(ext);
        }
    }
}

void TestMainWindow::exportWritesValidFiles()
{
    QFETCH(int, chart);
    QFETCH(QString, extension);
    openAndWait(fixture("three_class.csv"));
    const QString path = m_dir->filePath(QStringLiteral("plot.") + extension);
    ExportOptions options;
    options.size = QSize(640, 480);
    options.dpi = 120;
    QString error;
    QVERIFY2(
        exportPlot(m_window->chartTabs()->spec(ChartTabs::Chart(chart)), path, options, &error),
        qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    if (extension == QStringLiteral("png")) {
        QImage image;
        QVERIFY(image.loadFromData(bytes, "PNG"));
        QCOMPARE(image.size(), QSize(640, 480));
    } else if (extension == QStringLiteral("svg")) {
        QXmlStreamReader xml(bytes);
        int paths = 0;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement
                && (xml.name() == QStringLiteral("path")
                    || xml.name() == QStringLiteral("polyline")))
                ++paths;
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(paths > 0);
    } else {
        QVERIFY(bytes.startsWith("%PDF"));
        QVERIFY(bytes.contains("/Page"));
    }
}

void TestMainWindow::exportMetrics_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("csv") << QStringLiteral("metrics.csv");
    QTest::newRow("json") << QStringLiteral("metrics.json");
}

void TestMainWindow::exportMetrics()
{
    QFETCH(QString, name);
    openAndWait(fixture("three_class.csv"));
    const QString path = m_dir->filePath(name);
    QString error;
    QVERIFY2(m_window->exportMetrics(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    const Analysis expected = coreAnalysis(fixture("three_class.csv"));
    if (name.endsWith(QStringLiteral(".json"))) {
        QJsonParseError parseError;
        const QJsonObject json = QJsonDocument::fromJson(bytes, &parseError).object();
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        QCOMPARE(json.value(QStringLiteral("schema")).toInt(), 1);
        const QJsonObject loss = json.value(QStringLiteral("focal_loss")).toObject();
        QCOMPARE(loss.value(QStringLiteral("value")).toDouble(), expected.loss.loss.value);
        const QJsonObject auroc = json.value(QStringLiteral("auroc")).toObject();
        QCOMPARE(auroc.value(QStringLiteral("macro")).toDouble(), expected.roc.macro);
        QCOMPARE(
            json.value(QStringLiteral("input")).toObject().value(QStringLiteral("samples")).toInt(),
            60);
    } else {
        const QList<QByteArray> lines = bytes.trimmed().split('\n');
        QCOMPARE(lines.size(), 1 + 3 + 4);
        QVERIFY(
            lines[0].startsWith("Class,Support,AUROC,CI95 low,CI95 high,AP,Mean loss,Loss share"));
        const QList<QByteArray> dog = lines[2].split(',');
        QCOMPARE(dog[0], QByteArray("dog"));
        QCOMPARE(dog[2].toDouble(), expected.roc.classes[1].auroc);
        QCOMPARE(dog[6].toDouble(), expected.loss.perClass[1].mean);
    }
}

void TestMainWindow::operatingPointConfusionMatrix_data()
{
    QTest::addColumn<int>("targetClass");
    QTest::addColumn<double>("curvePosition"); // fraction along the stored curve
    QTest::newRow("cat, first point (+inf)") << 0 << 0.0;
    QTest::newRow("dog, middle") << 1 << 0.5;
    QTest::newRow("bird, a quarter") << 2 << 0.25;
    QTest::newRow("bird, last point") << 2 << 1.0;
}

void TestMainWindow::operatingPointConfusionMatrix()
{
    QFETCH(int, targetClass);
    QFETCH(double, curvePosition);
    openAndWait(fixture("three_class.csv"));
    const RocCurve& curve = m_window->session().roc()->classes[std::size_t(targetClass)].roc;
    const auto index
        = static_cast<qsizetype>(std::lround(curvePosition * double(curve.thresholds.size() - 1)));

    // Click the curve: the view reports the class's series and the point's index in the curve.
    m_window->chartTabs()->setCurrentIndex(ChartTabs::RocChart);
    PlotView* view = m_window->chartTabs()->view(ChartTabs::RocChart);
    const PlotSpec& spec = view->spec();
    int series = -1;
    for (int s = 0; s < spec.series.size(); ++s) {
        if (spec.series[s].id == targetClass && spec.series[s].pickable)
            series = s;
    }
    QVERIFY(series >= 0);
    emit view->pointClicked(
        series, index, QPointF(curve.fpr[std::size_t(index)], curve.tpr[std::size_t(index)]));

    OperatingPointPanel* panel = m_window->operatingPointPanel();
    QVERIFY(panel->point().has_value());
    const double threshold = panel->point()->threshold;
    QCOMPARE(threshold, curve.thresholds[std::size_t(index)]);

    // The confusion matrix counted directly from the file: positive when score >= threshold.
    const Predictions predictions = corePredictions(fixture("three_class.csv"));
    qint64 tp = 0, fp = 0, fn = 0, tn = 0;
    for (Index i = 0; i < predictions.rows(); ++i) {
        const bool positive = predictions.labels[i] == targetClass;
        const bool predicted = double(predictions.scores(i, targetClass)) >= threshold;
        tp += positive && predicted;
        fn += positive && !predicted;
        fp += !positive && predicted;
        tn += !positive && !predicted;
    }
    QTableWidget* matrix = panel->confusionTable();
    QCOMPARE(matrix->item(0, 0)->text(), QString::number(tp));
    QCOMPARE(matrix->item(0, 1)->text(), QString::number(fn));
    QCOMPARE(matrix->item(1, 0)->text(), QString::number(fp));
    QCOMPARE(matrix->item(1, 1)->text(), QString::number(tn));
    QCOMPARE(panel->point()->precision == panel->point()->precision, tp + fp > 0);
    if (tp + fp > 0)
        QCOMPARE(panel->point()->precision, double(tp) / double(tp + fp));
    QCOMPARE(panel->className(), QStringLiteral("cat,dog,bird").split(u',')[targetClass]);
}

void TestMainWindow::precisionRecallClickPicksOperatingPoint()
{
    openAndWait(fixture("three_class.csv"));
    const int targetClass = 1;
    const PrCurve& curve = m_window->session().roc()->classes[std::size_t(targetClass)].pr;
    m_window->chartTabs()->setCurrentIndex(ChartTabs::PrChart);
    PlotView* view = m_window->chartTabs()->view(ChartTabs::PrChart);
    int series = -1;
    for (int s = 0; s < view->spec().series.size(); ++s) {
        if (view->spec().series[s].id == targetClass && view->spec().series[s].pickable)
            series = s;
    }
    QVERIFY(series >= 0);
    const Predictions predictions = corePredictions(fixture("three_class.csv"));
    for (std::size_t index :
        {std::size_t(0), curve.thresholds.size() / 3, curve.thresholds.size() - 1}) {
        emit view->pointClicked(
            series, qsizetype(index), QPointF(curve.recall[index], curve.precision[index]));
        OperatingPointPanel* panel = m_window->operatingPointPanel();
        QVERIFY(panel->point().has_value());
        const double threshold = curve.thresholds[index];
        QCOMPARE(panel->point()->threshold, threshold);
        qint64 tp = 0, fp = 0;
        for (Index i = 0; i < predictions.rows(); ++i) {
            if (double(predictions.scores(i, targetClass)) >= threshold)
                (predictions.labels[i] == targetClass ? tp : fp) += 1;
        }
        QCOMPARE(panel->point()->tp, tp);
        QCOMPARE(panel->point()->fp, fp);
        QCOMPARE(panel->confusionTable()->item(0, 0)->text(), QString::number(tp));
        QCOMPARE(panel->confusionTable()->item(1, 0)->text(), QString::number(fp));
        QVERIFY(view->hasMarker());
    }
}

void TestMainWindow::hiddenClassLeavesCharts()
{
    openAndWait(fixture("three_class.csv"));
    m_window->classesDock()->setClassVisible(1, false);
    for (ChartTabs::Chart chart :
        {ChartTabs::RocChart, ChartTabs::PrChart, ChartTabs::PtDistributionChart}) {
        const PlotSpec& spec = m_window->chartTabs()->spec(chart);
        bool hasZero = false;
        for (const PlotSeries& s : spec.series) {
            QVERIFY2(s.id != 1, qPrintable(s.name));
            hasZero = hasZero || s.id == 0;
        }
        QVERIFY(hasZero);
    }
    m_window->classesDock()->setClassVisible(1, true);
    const PlotSpec& roc = m_window->chartTabs()->spec(ChartTabs::RocChart);
    QVERIFY(std::any_of(
        roc.series.begin(), roc.series.end(), [](const PlotSeries& s) { return s.id == 1; }));
}

void TestMainWindow::droppedFileIsOpened()
{
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(fixture("binary.csv"))});
    int loaded = 0;
    connect(&m_window->loader(), &PredictionLoader::loaded, this, [&] { ++loaded; });
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &drop);
    QTRY_COMPARE_WITH_TIMEOUT(loaded, 1, 30000);
    waitUntilComputed();
    QCOMPARE(m_window->session().path(), fixture("binary.csv"));
}

void TestMainWindow::settingsRoundTrip()
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

void TestMainWindow::kindAndModeOverridesMatchCore_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("mode");
    QTest::newRow("probabilities read as logits, softmax")
        << int(KindRequest::Logits) << int(LossMode::Softmax);
    QTest::newRow("probabilities, sigmoid")
        << int(KindRequest::Probabilities) << int(LossMode::Sigmoid);
    QTest::newRow("logits, sigmoid") << int(KindRequest::Logits) << int(LossMode::Sigmoid);
}

void TestMainWindow::kindAndModeOverridesMatchCore()
{
    QFETCH(int, kind);
    QFETCH(int, mode);
    openAndWait(fixture("three_class.csv"));
    auto* kindBox = m_window->parametersDock()->findChild<QComboBox*>(QStringLiteral("inputKind"));
    auto* modeBox = m_window->parametersDock()->findChild<QComboBox*>(QStringLiteral("lossMode"));
    QVERIFY(kindBox && modeBox);
    kindBox->setCurrentIndex(kindBox->findData(kind));
    modeBox->setCurrentIndex(modeBox->findData(mode));
    QCOMPARE(int(m_window->parameters().kindRequest()), kind);
    QCOMPARE(int(m_window->parameters().lossMode()), mode);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->session().loss() && int(m_window->session().loss()->analysis.params.mode) == mode,
        10000);
    waitUntilComputed();

    Predictions predictions = corePredictions(fixture("three_class.csv"));
    predictions.kind
        = KindRequest(kind) == KindRequest::Logits ? ScoreKind::Logits : ScoreKind::Probabilities;
    QCOMPARE(m_window->session().predictions()->kind, predictions.kind);
    AnalysisOptions options;
    options.loss = m_window->parameters().focalParams();
    const Analysis expected = analyze(predictions, options);
    QVERIFY(close(m_window->session().loss()->analysis.loss.value, expected.loss.loss.value));
    QTableWidget* table = m_window->metricsView()->table();
    for (int c = 0; c < 3; ++c) {
        QVERIFY(close(
            table->item(c, MetricsView::MeanLossColumn)->data(MetricsView::kValueRole).toDouble(),
            expected.loss.perClass[std::size_t(c)].mean));
        QVERIFY(close(
            table->item(c, MetricsView::AurocColumn)->data(MetricsView::kValueRole).toDouble(),
            expected.roc.classes[std::size_t(c)].auroc));
    }
    const QString kindText = predictions.kind == ScoreKind::Logits
        ? QStringLiteral("logits")
        : QStringLiteral("probabilities");
    QVERIFY2(m_window->statusText().contains(kindText), qPrintable(m_window->statusText()));
}

void TestMainWindow::hoveringRocShowsThresholdAndRates()
{
    openAndWait(fixture("three_class.csv"));
    m_window->chartTabs()->setCurrentIndex(ChartTabs::RocChart);
    PlotView* view = m_window->chartTabs()->view(ChartTabs::RocChart);
    const PlotSpec& spec = view->spec();
    int series = -1;
    for (int s = 0; s < spec.series.size(); ++s) {
        if (spec.series[s].id == 2)
            series = s;
    }
    QVERIFY(series >= 0);
    const RocCurve& curve = m_window->session().roc()->classes[2].roc;
    const qsizetype index = qsizetype(curve.thresholds.size() / 2);
    emit view->pointHovered(
        series, index, QPointF(curve.fpr[std::size_t(index)], curve.tpr[std::size_t(index)]));
    const QString text = view->hoverText();
    QVERIFY2(
        text.contains(formatNumber(curve.thresholds[std::size_t(index)], 6)), qPrintable(text));
    QVERIFY2(
        text.contains(QStringLiteral("FPR %1").arg(formatNumber(curve.fpr[std::size_t(index)]))),
        qPrintable(text));
    QVERIFY2(
        text.contains(QStringLiteral("TPR %1").arg(formatNumber(curve.tpr[std::size_t(index)]))),
        qPrintable(text));

    // Precision-recall: precision and recall of the hovered point.
    m_window->chartTabs()->setCurrentIndex(ChartTabs::PrChart);
    PlotView* pr = m_window->chartTabs()->view(ChartTabs::PrChart);
    int prSeries = -1;
    for (int s = 0; s < pr->spec().series.size(); ++s) {
        if (pr->spec().series[s].id == 0 && pr->spec().series[s].pickable)
            prSeries = s;
    }
    QVERIFY(prSeries >= 0);
    const PrCurve& prCurve = m_window->session().roc()->classes[0].pr;
    emit pr->pointHovered(prSeries, 1, QPointF(prCurve.recall[1], prCurve.precision[1]));
    QVERIFY2(pr->hoverText().contains(
                 QStringLiteral("precision %1").arg(formatNumber(prCurve.precision[1]))),
        qPrintable(pr->hoverText()));
}

void TestMainWindow::exportDialogRemembersSizeAndDpi()
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

void TestMainWindow::ptDistributionByBackgroundAndForeground()
{
    openAndWait(fixture("three_class.csv"));
    const Predictions predictions = corePredictions(fixture("three_class.csv"));
    const auto background = (predictions.labels.array() == 0).count();
    auto histograms = [this] {
        QStringList names;
        for (const PlotSeries& s :
            m_window->chartTabs()->spec(ChartTabs::PtDistributionChart).series) {
            if (s.id >= 0)
                names << s.name;
        }
        return names;
    };
    QCOMPARE(histograms().size(), 3);
    m_window->session().setPtGrouping(PtGrouping::BackgroundForeground);
    waitUntilComputed();
    const QStringList grouped = histograms();
    QCOMPARE(grouped.size(), 2);
    QVERIFY2(grouped[0].startsWith(QStringLiteral("background (%1 rows)").arg(background)),
        qPrintable(grouped[0]));
    QVERIFY2(grouped[1].startsWith(QStringLiteral("foreground (%1 rows)").arg(60 - background)),
        qPrintable(grouped[1]));
    m_window->session().setPtGrouping(PtGrouping::PerClass);
    waitUntilComputed();
    QCOMPARE(histograms().size(), 3);
}

void TestMainWindow::copyPutsTsvOnClipboard()
{
    openAndWait(fixture("three_class.csv"));
    m_window->metricsView()->copyToClipboard();
    const QString text = QGuiApplication::clipboard()->text();
    QCOMPARE(text, m_window->metricsView()->toDelimited(u'\t', false));
    const QStringList lines = text.trimmed().split(u'\n');
    QCOMPARE(lines.size(), 1 + 3 + 4);
    QCOMPARE(lines[1].split(u'\t').front(), QStringLiteral("cat"));
    QCOMPARE(lines[1].split(u'\t').size(), int(MetricsView::ColumnCount));
}

void TestMainWindow::openRecentReopensAFile()
{
    openAndWait(fixture("three_class.csv"));
    openAndWait(fixture("binary.csv"));
    QMenu* recent = nullptr;
    for (QMenu* menu : m_window->findChildren<QMenu*>()) {
        if (menu->title() == QStringLiteral("Open &Recent"))
            recent = menu;
    }
    QVERIFY(recent);
    const QList<QAction*> actions = recent->actions();
    QVERIFY(actions.size() >= 2);
    QVERIFY2(
        actions[0]->text().contains(QStringLiteral("binary.csv")), qPrintable(actions[0]->text()));
    QVERIFY2(actions[1]->text().contains(QStringLiteral("three_class.csv")),
        qPrintable(actions[1]->text()));
    int loaded = 0;
    connect(&m_window->loader(), &PredictionLoader::loaded, this, [&] { ++loaded; });
    actions[1]->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(loaded, 1, 30000);
    waitUntilComputed();
    QCOMPARE(m_window->session().path(), fixture("three_class.csv"));
}

void TestMainWindow::resetRestoresDefaults()
{
    openAndWait(fixture("three_class.csv"));
    m_window->parametersDock()->applySuggestion(0);
    m_window->parametersDock()->gammaSlider()->setValue(420);
    m_window->parameters().setReduction(Reduction::Sum);
    auto* reset
        = m_window->parametersDock()->findChild<QPushButton*>(QStringLiteral("resetParameters"));
    QVERIFY(reset);
    reset->click();
    // The defaults are focalscope-cli's: core's FocalParams.
    const FocalParams defaults;
    QCOMPARE(m_window->parameters().alphaMode(), defaults.alpha.mode);
    QCOMPARE(m_window->parameters().alphaScalar(), defaults.alpha.scalar);
    QCOMPARE(m_window->parameters().gamma(), defaults.gamma);
    QCOMPARE(m_window->parameters().reduction(), defaults.reduction);
    QCOMPARE(m_window->parametersDock()->gammaSlider()->value(),
        int(std::lround(defaults.gamma * ParametersDock::kGammaSteps)));
    QCOMPARE(m_window->parametersDock()->alphaSpin()->value(), defaults.alpha.scalar);
    waitUntilComputed();
    const Analysis expected = coreAnalysis(fixture("three_class.csv"));
    QVERIFY(close(m_window->session().loss()->analysis.loss.value, expected.loss.loss.value));
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
