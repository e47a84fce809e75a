// The window's exports, headless: every chart to PNG, SVG and PDF, the metrics to CSV and
// JSON (the CLI's schema), and the metrics table on the clipboard.

#include "main_window_test.h"
#include "plot/plot_export.h"
#include "views/chart_tabs.h"
#include "views/metrics_view.h"

#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QXmlStreamReader>

#include <cmath>

using namespace focalscope;
using namespace focalscope::testing;

class TestWindowExports : public MainWindowTest {
    Q_OBJECT

private slots:
    void exportWritesValidFiles_data();
    void exportWritesValidFiles();
    void exportMetrics_data();
    void exportMetrics();
    void copyPutsTsvOnClipboard();
};

void TestWindowExports::exportWritesValidFiles_data()
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

void TestWindowExports::exportWritesValidFiles()
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

void TestWindowExports::exportMetrics_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("csv") << QStringLiteral("metrics.csv");
    QTest::newRow("json") << QStringLiteral("metrics.json");
}

void TestWindowExports::exportMetrics()
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
        QVERIFY(json.value(QStringLiteral("input"))
                    .toObject()
                    .value(QStringLiteral("labels_path"))
                    .isNull());
    } else {
        QList<QByteArray> lines = bytes.trimmed().split('\n');
        // The parameters and files it was computed with, as '#' lines first.
        QCOMPARE(lines.size(), 4 + 1 + 3 + 4);
        QVERIFY(lines[0].startsWith("# predictions: ") && lines[0].endsWith("three_class.csv"));
        QCOMPARE(lines[1], QByteArray("# labels: (in the predictions file)"));
        QCOMPARE(lines[2], QByteArray("# kind: probabilities"));
        QVERIFY2(lines[3].startsWith("# focal loss: softmax, gamma 2, alpha [0.25 0.75 0.75] "
                                     "(per target), reduction mean"),
            lines[3].constData());
        lines.remove(0, 4);
        QVERIFY(
            lines[0].startsWith("Class,Support,AUROC,CI95 low,CI95 high,AP,Mean loss,Loss share"));
        const QList<QByteArray> dog = lines[2].split(',');
        QCOMPARE(dog[0], QByteArray("dog"));
        QCOMPARE(dog[2].toDouble(), expected.roc.classes[1].auroc);
        QCOMPARE(dog[6].toDouble(), expected.loss.perClass[1].mean);
    }
}

void TestWindowExports::copyPutsTsvOnClipboard()
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

QTEST_MAIN(TestWindowExports)
#include "tst_window_exports.moc"
