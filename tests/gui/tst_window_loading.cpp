// The window loading files, headless: what a load fills, a second file replacing the first,
// errors and cancel keeping the data open before, dropped files and Open Recent. Every number
// is compared with what core computes.

#include "docks/classes_dock.h"
#include "docks/parameters_dock.h"
#include "io/npy_writer.h"
#include "loading/load_progress_dialog.h"
#include "loading/prediction_loader.h"
#include "main_window_test.h"
#include "model/dataset_session.h"
#include "model/parameter_model.h"
#include "plot/plot_spec.h"
#include "views/chart_tabs.h"
#include "views/metrics_view.h"
#include "window/file_chooser.h"

#include <QAction>
#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QTableWidget>
#include <QTest>
#include <QUrl>

#include <cmath>

using namespace focalscope;
using namespace focalscope::testing;

namespace {

// Answers the window's file dialogs from a script and records the titles it was asked with.
class ScriptedChooser : public FileChooser {
public:
    QStringList openFiles(QWidget*, const QString& title, const QString&, const QString&) override
    {
        titles << title;
        return files;
    }
    QString openFile(QWidget*, const QString& title, const QString&, const QString&) override
    {
        titles << title;
        return labels;
    }
    QStringList files; // what the Open dialog returns
    QString labels; // what a labels dialog returns (empty: cancelled)
    QStringList titles;
};

// three_class.csv's scores as a float64 .npy and its labels as a one-column CSV, in `dir`.
void writeNpyPair(const QString& dir, const Predictions& predictions)
{
    const std::string bytes = npyBytes(predictions.scores);
    QFile scores(dir + QStringLiteral("/scores.npy"));
    QVERIFY(scores.open(QIODevice::WriteOnly));
    scores.write(bytes.data(), qint64(bytes.size()));
    QFile labels(dir + QStringLiteral("/labels.csv"));
    QVERIFY(labels.open(QIODevice::WriteOnly));
    for (Index i = 0; i < predictions.labels.size(); ++i)
        labels.write(QByteArray::number(predictions.labels[i]) + '\n');
}

} // namespace

class TestWindowLoading : public MainWindowTest {
    Q_OBJECT

private slots:
    void loadingAFixtureFillsSeriesAndTable();
    void loadingAnotherFileReplacesSeriesAndTable();
    void badFileShowsErrorAndKeepsData_data();
    void badFileShowsErrorAndKeepsData();
    void cancelledLoadKeepsData();
    void droppedFileIsOpened();
    void openFromMenuPairsScoresAndLabels();
    void openingANpyAloneAsksForItsLabels();
    void cancellingTheLabelsKeepsTheDataOpen();
    void openRecentReopensAFile();
};

void TestWindowLoading::loadingAFixtureFillsSeriesAndTable()
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

void TestWindowLoading::loadingAnotherFileReplacesSeriesAndTable()
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

void TestWindowLoading::badFileShowsErrorAndKeepsData_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected"); // part of the reader's message
    QTest::newRow("a field too few") << fixture("bad.csv") << QStringLiteral("bad.csv:3");
    QTest::newRow("missing file") << fixture("no_such_file.csv")
                                  << QStringLiteral("no_such_file.csv");
}

void TestWindowLoading::badFileShowsErrorAndKeepsData()
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

void TestWindowLoading::cancelledLoadKeepsData()
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

void TestWindowLoading::droppedFileIsOpened()
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

void TestWindowLoading::openRecentReopensAFile()
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

// File > Open with a .npy and its labels selected together (in either order) opens both.
void TestWindowLoading::openFromMenuPairsScoresAndLabels()
{
    const Predictions expected = corePredictions(fixture("three_class.csv"));
    writeNpyPair(m_dir->path(), expected);
    auto chooser = std::make_unique<ScriptedChooser>();
    chooser->files = {m_dir->filePath("labels.csv"), m_dir->filePath("scores.npy")};
    ScriptedChooser* script = chooser.get();
    m_window->setFileChooser(std::move(chooser));

    auto* open = m_window->findChild<QAction*>(QStringLiteral("openAction"));
    QVERIFY(open);
    QSignalSpy loaded(&m_window->loader(), &PredictionLoader::loaded);
    open->trigger();
    QVERIFY(loaded.wait(10000));
    waitUntilComputed();
    QVERIFY2(m_presenter->errors.isEmpty(), qPrintable(m_presenter->errors.join('\n')));
    QCOMPARE(script->titles.size(), 1); // no second dialog
    QCOMPARE(m_window->session().path(), m_dir->filePath("scores.npy"));
    QCOMPARE(m_window->session().labelsPath(), m_dir->filePath("labels.csv"));
    QCOMPARE(m_window->session().predictions()->rows(), expected.rows());
    QCOMPARE(m_window->session().predictions()->labels, expected.labels);
}

// A .npy chosen alone holds only scores: the window asks for its labels and opens both.
void TestWindowLoading::openingANpyAloneAsksForItsLabels()
{
    const Predictions expected = corePredictions(fixture("three_class.csv"));
    writeNpyPair(m_dir->path(), expected);
    auto chooser = std::make_unique<ScriptedChooser>();
    chooser->files = {m_dir->filePath("scores.npy")};
    chooser->labels = m_dir->filePath("labels.csv");
    ScriptedChooser* script = chooser.get();
    m_window->setFileChooser(std::move(chooser));

    QSignalSpy loaded(&m_window->loader(), &PredictionLoader::loaded);
    m_window->findChild<QAction*>(QStringLiteral("openAction"))->trigger();
    QVERIFY(loaded.wait(10000));
    waitUntilComputed();
    QVERIFY2(m_presenter->errors.isEmpty(), qPrintable(m_presenter->errors.join('\n')));
    QCOMPARE(script->titles.size(), 2);
    QVERIFY2(
        script->titles[1].contains(QStringLiteral("scores.npy")), qPrintable(script->titles[1]));
    QCOMPARE(m_window->session().labelsPath(), m_dir->filePath("labels.csv"));
    QCOMPARE(m_window->session().predictions()->labels, expected.labels);
}

// Cancelling the labels dialog opens nothing and keeps the file open before.
void TestWindowLoading::cancellingTheLabelsKeepsTheDataOpen()
{
    openAndWait(fixture("binary.csv"));
    writeNpyPair(m_dir->path(), corePredictions(fixture("three_class.csv")));
    auto chooser = std::make_unique<ScriptedChooser>();
    chooser->files = {m_dir->filePath("scores.npy")};
    m_window->setFileChooser(std::move(chooser));
    QVERIFY(!m_window->openChosenFiles({m_dir->filePath("scores.npy")}));
    QVERIFY(!m_window->loader().isLoading());
    QCOMPARE(m_window->session().path(), fixture("binary.csv"));
    QVERIFY(m_presenter->errors.isEmpty());
    // Three files at once are refused with a message.
    QVERIFY(!m_window->openChosenFiles(
        {fixture("binary.csv"), fixture("three_class.csv"), m_dir->filePath("scores.npy")}));
    QCOMPARE(m_presenter->errors.size(), 1);
    QCOMPARE(m_window->session().path(), fixture("binary.csv"));
}

QTEST_MAIN(TestWindowLoading)
#include "tst_window_loading.moc"
