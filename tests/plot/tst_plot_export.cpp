#include "plot/plot_export.h"
#include "plot/plot_palette.h"

#include <QFile>
#include <QImage>
#include <QSet>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include <cmath>

using namespace focalscope;

namespace {

PlotSpec sampleSpec()
{
    PlotSpec spec;
    spec.title = QStringLiteral("Sample chart");
    spec.note = QStringLiteral("a note under the title");
    spec.x = {QStringLiteral("x"), 0.0, 1.0, false};
    spec.y = {QStringLiteral("y"), 0.0, 1.0, false};
    spec.yRight = {QStringLiteral("weight"), 0.0, 1.0, false};
    PlotSeries curve;
    curve.name = QStringLiteral("curve");
    curve.color = classColor(1);
    PlotSeries dashed;
    dashed.name = QStringLiteral("dashed");
    dashed.color = classColor(2);
    dashed.style = PlotSeries::Style::Dashed;
    PlotSeries bars;
    bars.name = QStringLiteral("bars");
    bars.color = classColor(3);
    bars.style = PlotSeries::Style::Bars;
    PlotSeries weight;
    weight.name = QStringLiteral("weight");
    weight.color = Qt::black;
    weight.style = PlotSeries::Style::Dotted;
    weight.onSecondaryAxis = true;
    for (int i = 0; i <= 100; ++i) {
        const double x = i / 100.0;
        curve.points.append({x, std::sqrt(x)});
        dashed.points.append({x, x * x});
        weight.points.append({x, std::pow(1 - x, 2)});
    }
    for (int b = 0; b < 10; ++b)
        bars.points.append({0.05 + 0.1 * b, 0.05 * b});
    spec.series = {curve, dashed, bars, weight};
    return spec;
}

// FOCALSCOPE_PLOT_GALLERY=dir keeps the written files there, to look at them.
void keepForGallery(QTemporaryDir& dir)
{
    if (qEnvironmentVariableIsSet("FOCALSCOPE_PLOT_GALLERY")) {
        dir.setAutoRemove(false);
        qInfo("kept in %s", qPrintable(dir.path()));
    }
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

int distinctColours(const QImage& image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    return static_cast<int>(colours.size());
}

} // namespace

class TestPlotExport : public QObject {
    Q_OBJECT
private slots:
    void png_data();
    void png();
    void svg();
    void pdf();
    void logAxesAndSquareAspect();
    void formatFromExtension_data();
    void formatFromExtension();
    void unwritablePathFails_data();
    void unwritablePathFails();
    void invalidOptionsLeaveExistingFile();
    void existingFileReplaced();
};

void TestPlotExport::png_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<int>("dpi");
    QTest::newRow("default") << QSize(1200, 900) << 150;
    QTest::newRow("small 96 dpi") << QSize(400, 300) << 96;
    QTest::newRow("wide 300 dpi") << QSize(2400, 1000) << 300;
}

void TestPlotExport::png()
{
    QFETCH(QSize, size);
    QFETCH(int, dpi);
    QTemporaryDir dir;
    keepForGallery(dir);
    const QString path = dir.filePath(QStringLiteral("chart.png"));
    QString error;
    QVERIFY2(exportPlot(sampleSpec(), path, {size, dpi}, &error), qPrintable(error));
    QImage image(path);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), size);
    QCOMPARE(image.dotsPerMeterX(), static_cast<int>(std::lround(dpi / 0.0254)));
    QVERIFY2(distinctColours(image) >= 8, "the image looks blank");
    // White background in the corner, not transparent.
    QCOMPARE(QColor(image.pixel(1, 1)), QColor(Qt::white));
    // The series colours are drawn somewhere.
    bool sawCurveColour = false;
    const QColor curve = classColor(1);
    for (int y = 0; y < image.height() && !sawCurveColour; ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c(image.pixel(x, y));
            if (std::abs(c.red() - curve.red()) < 8 && std::abs(c.green() - curve.green()) < 8
                && std::abs(c.blue() - curve.blue()) < 8) {
                sawCurveColour = true;
                break;
            }
        }
    QVERIFY(sawCurveColour);
}

void TestPlotExport::svg()
{
    QTemporaryDir dir;
    keepForGallery(dir);
    const QString path = dir.filePath(QStringLiteral("chart.svg"));
    QString error;
    QVERIFY2(exportPlot(sampleSpec(), path, {QSize(800, 600), 100}, &error), qPrintable(error));
    QXmlStreamReader xml(readAll(path));
    int paths = 0;
    int texts = 0;
    bool sawRoot = false;
    QString viewBox;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("svg")) {
            sawRoot = true;
            viewBox = xml.attributes().value(QLatin1String("viewBox")).toString();
        }
        paths += xml.name() == QLatin1String("path") || xml.name() == QLatin1String("polyline");
        texts += xml.name() == QLatin1String("text");
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(sawRoot);
    QCOMPARE(viewBox, QStringLiteral("0 0 800 600"));
    QVERIFY2(paths >= 4, qPrintable(QString::number(paths)));
    QVERIFY(texts >= 5); // title, axis titles, tick labels, legend
    // Qt's own SVG renderer reads it back at the declared size.
    QSvgRenderer renderer(path);
    QVERIFY(renderer.isValid());
    QCOMPARE(renderer.viewBox(), QRect(0, 0, 800, 600));
}

void TestPlotExport::pdf()
{
    QTemporaryDir dir;
    keepForGallery(dir);
    const QString path = dir.filePath(QStringLiteral("chart.pdf"));
    QString error;
    QVERIFY2(exportPlot(sampleSpec(), path, {QSize(1200, 900), 150}, &error), qPrintable(error));
    const QByteArray pdf = readAll(path);
    QVERIFY(pdf.startsWith("%PDF-"));
    // One page object and a page tree that counts one page.
    QCOMPARE(pdf.count("/Type /Page\n") + pdf.count("/Type /Page\r") + pdf.count("/Type /Page/")
            + pdf.count("/Type /Page "),
        1);
    QVERIFY(pdf.contains("/Count 1"));
    QVERIFY(pdf.trimmed().endsWith("%%EOF"));
    // 1200 x 900 px at 150 dpi = 8 x 6 in = 576 x 432 pt.
    QVERIFY(pdf.contains("/MediaBox [0 0 576.000000 432.000000]"));
    QVERIFY(pdf.size() > 2000);
}

void TestPlotExport::logAxesAndSquareAspect()
{
    PlotSpec spec = sampleSpec();
    spec.x = {QStringLiteral("log x"), 1e-3, 1.0, true};
    spec.y = {QStringLiteral("log y"), 1e-2, 10.0, true};
    spec.squareAspect = true;
    for (PlotSeries& s : spec.series)
        for (QPointF& p : s.points)
            p = {std::max(p.x(), 1e-3), std::max(p.y(), 1e-2)};
    const QImage image = renderPlot(spec, {QSize(900, 600), 96});
    QCOMPARE(image.size(), QSize(900, 600));
    QVERIFY(distinctColours(image) >= 8);
}

void TestPlotExport::formatFromExtension_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("format"); // -1: none
    QTest::newRow("png") << "a/b.png" << int(ExportFormat::Png);
    QTest::newRow("PNG") << "B.PNG" << int(ExportFormat::Png);
    QTest::newRow("svg") << "x.svg" << int(ExportFormat::Svg);
    QTest::newRow("pdf") << "x.Pdf" << int(ExportFormat::Pdf);
    QTest::newRow("jpg") << "x.jpg" << -1;
    QTest::newRow("none") << "x" << -1;
}

void TestPlotExport::formatFromExtension()
{
    QFETCH(QString, path);
    QFETCH(int, format);
    const auto found = exportFormatFor(path);
    QCOMPARE(found ? int(*found) : -1, format);
}

void TestPlotExport::unwritablePathFails_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("missing directory png") << "missing/dir/chart.png";
    QTest::newRow("missing directory svg") << "missing/dir/chart.svg";
    QTest::newRow("missing directory pdf") << "missing/dir/chart.pdf";
    QTest::newRow("unknown extension") << "chart.bmp";
    QTest::newRow("a directory") << "adir.png";
}

void TestPlotExport::unwritablePathFails()
{
    QFETCH(QString, name);
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("adir.png")));
    const QString path = dir.filePath(name);
    QString error;
    QVERIFY(!exportPlot(sampleSpec(), path, {}, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
    // Nothing left behind: only the directory made above.
    const QStringList left = QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
    QCOMPARE(left, QStringList {QStringLiteral("adir.png")});
    QVERIFY(QFileInfo(dir.filePath(QStringLiteral("adir.png"))).isDir());
}

void TestPlotExport::invalidOptionsLeaveExistingFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chart.png"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("previous contents");
    }
    QString error;
    QVERIFY(!exportPlot(sampleSpec(), path, {QSize(0, 900), 150}, &error));
    QVERIFY(error.contains(QStringLiteral("size")));
    QVERIFY(!exportPlot(sampleSpec(), path, {QSize(1200, 900), 0}, &error));
    QVERIFY(error.contains(QStringLiteral("dpi")));
    QCOMPARE(readAll(path), QByteArray("previous contents"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);
}

void TestPlotExport::existingFileReplaced()
{
    QTemporaryDir dir;
    for (const char* name : {"chart.png", "chart.svg", "chart.pdf"}) {
        const QString path = dir.filePath(QLatin1String(name));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("previous contents");
        }
        QString error;
        QVERIFY2(exportPlot(sampleSpec(), path, {QSize(600, 450), 96}, &error), qPrintable(error));
        const QByteArray written = readAll(path);
        QVERIFY(!written.contains("previous contents"));
        QVERIFY(written.size() > 1000);
    }
    QImage image(dir.filePath(QStringLiteral("chart.png")));
    QCOMPARE(image.size(), QSize(600, 450));
    // No temporary files left beside the outputs.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 3);
}

QTEST_MAIN(TestPlotExport)
#include "tst_plot_export.moc"
