#include "plot/decimation.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace focalscope;

namespace {

// Distance from p to the segment a-b, in coordinates scaled by (sx, sy).
double segmentDistance(QPointF p, QPointF a, QPointF b, double sx, double sy)
{
    const double px = (p.x() - a.x()) * sx, py = (p.y() - a.y()) * sy;
    const double dx = (b.x() - a.x()) * sx, dy = (b.y() - a.y()) * sy;
    const double length2 = dx * dx + dy * dy;
    const double t = length2 > 0 ? std::clamp((px * dx + py * dy) / length2, 0.0, 1.0) : 0.0;
    return std::hypot(px - t * dx, py - t * dy);
}

// Largest distance of an input point to the decimated polyline between its kept neighbours
// (normalised to the input's bounding box).
double shapeError(const QList<QPointF>& input, const Decimated& kept)
{
    double xMin = input[0].x(), xMax = xMin, yMin = input[0].y(), yMax = yMin;
    for (const QPointF& p : input) {
        xMin = std::min(xMin, p.x());
        xMax = std::max(xMax, p.x());
        yMin = std::min(yMin, p.y());
        yMax = std::max(yMax, p.y());
    }
    const double sx = xMax > xMin ? 1 / (xMax - xMin) : 1;
    const double sy = yMax > yMin ? 1 / (yMax - yMin) : 1;
    double worst = 0;
    for (qsizetype k = 0; k + 1 < kept.sourceIndex.size(); ++k) {
        const QPointF a = input[kept.sourceIndex[k]];
        const QPointF b = input[kept.sourceIndex[k + 1]];
        for (qsizetype i = kept.sourceIndex[k] + 1; i < kept.sourceIndex[k + 1]; ++i)
            worst = std::max(worst, segmentDistance(input[i], a, b, sx, sy));
    }
    return worst;
}

// Largest |y - interpolated y| of the input against the decimated polyline (x increasing).
double verticalError(const QList<QPointF>& input, const Decimated& kept)
{
    double worst = 0;
    for (qsizetype k = 0; k + 1 < kept.sourceIndex.size(); ++k) {
        const QPointF a = kept.points[k];
        const QPointF b = kept.points[k + 1];
        for (qsizetype i = kept.sourceIndex[k] + 1; i < kept.sourceIndex[k + 1]; ++i) {
            const QPointF p = input[i];
            const double t = b.x() > a.x() ? (p.x() - a.x()) / (b.x() - a.x()) : 0.0;
            worst = std::max(worst, std::abs(p.y() - (a.y() + t * (b.y() - a.y()))));
        }
    }
    return worst;
}

QList<QPointF> makeCurve(const QString& kind, int n)
{
    QList<QPointF> points;
    points.reserve(n);
    for (int i = 0; i < n; ++i) {
        const double x = static_cast<double>(i) / (n - 1);
        double y = 0;
        if (kind == QLatin1String("sine"))
            y = std::sin(6 * M_PI * x) + 0.3 * std::sin(31 * x);
        else if (kind == QLatin1String("steps"))
            y = std::min(std::floor(x * 20), 19.0) / 20; // 20 flat steps, sharp jumps
        else if (kind == QLatin1String("roc"))
            y = std::pow(x, 0.25); // a concave ROC-like curve
        else if (kind == QLatin1String("spike"))
            y = (i == n / 3) ? 1.0 : 0.0; // one isolated outlier
        else if (kind == QLatin1String("line"))
            y = 2 * x + 1;
        points.append({x, y});
    }
    return points;
}

} // namespace

class TestDecimation : public QObject {
    Q_OBJECT
private slots:
    void shapeKept_data();
    void shapeKept();
    void underCapUnchanged();
    void nonFiniteDropped();
    void seriesSourceIndexComposed();
    void logAxes();
};

void TestDecimation::shapeKept_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("cap");
    QTest::addColumn<double>("maxShapeError");
    QTest::addColumn<double>("maxVerticalError"); // < 0: not meaningful (vertical jumps)
    QTest::newRow("sine 100k") << "sine" << 100000 << 2000 << 2e-4 << 2e-4;
    QTest::newRow("sine 1M") << "sine" << 1000000 << 2000 << 2e-4 << 2e-4;
    QTest::newRow("steps 100k") << "steps" << 100000 << 2000 << 1e-9 << -1.0;
    QTest::newRow("roc 200k") << "roc" << 200000 << 2000 << 2e-4 << -1.0;
    QTest::newRow("spike 50k") << "spike" << 50000 << 2000 << 1e-9 << 1e-9;
    QTest::newRow("spike 1M, thinned first") << "spike" << 1000000 << 2000 << 2e-4 << -1.0;
    QTest::newRow("steps 1M, thinned first") << "steps" << 1000000 << 2000 << 1e-9 << -1.0;
    QTest::newRow("straight line") << "line" << 10000 << 50 << 1e-9 << 1e-9;
    QTest::newRow("sine tiny cap") << "sine" << 10000 << 2 << 10.0 << -1.0;
}

void TestDecimation::shapeKept()
{
    QFETCH(QString, kind);
    QFETCH(int, n);
    QFETCH(int, cap);
    QFETCH(double, maxShapeError);
    QFETCH(double, maxVerticalError);
    const QList<QPointF> input = makeCurve(kind, n);
    const Decimated kept = decimate(input, cap);

    QVERIFY(kept.points.size() <= cap);
    QCOMPARE(kept.points.size(), kept.sourceIndex.size());
    QCOMPARE(kept.sourceIndex.front(), qsizetype(0));
    QCOMPARE(kept.sourceIndex.back(), qsizetype(n - 1));
    QCOMPARE(kept.points.front(), input.front());
    QCOMPARE(kept.points.back(), input.back());
    for (qsizetype k = 0; k < kept.points.size(); ++k) {
        if (k > 0)
            QVERIFY(kept.sourceIndex[k] > kept.sourceIndex[k - 1]);
        QCOMPARE(kept.points[k], input[kept.sourceIndex[k]]);
    }
    const double shape = shapeError(input, kept);
    QVERIFY2(shape <= maxShapeError, qPrintable(QString::number(shape)));
    if (maxVerticalError >= 0) {
        const double vertical = verticalError(input, kept);
        QVERIFY2(vertical <= maxVerticalError, qPrintable(QString::number(vertical)));
    }
    if (kind == QLatin1String("steps")) {
        // Both corners of every jump are kept: 2 per jump plus the two ends.
        QCOMPARE(kept.points.size(), qsizetype(2 * 19 + 2));
    }
    if (kind == QLatin1String("spike")) {
        QVERIFY(kept.sourceIndex.contains(n / 3));
    }
}

void TestDecimation::underCapUnchanged()
{
    const QList<QPointF> input = makeCurve(QStringLiteral("sine"), 1500);
    const Decimated kept = decimate(input, 2000);
    QCOMPARE(kept.points, input);
    QCOMPARE(kept.sourceIndex.size(), input.size());
    for (qsizetype i = 0; i < input.size(); ++i)
        QCOMPARE(kept.sourceIndex[i], i);
    QCOMPARE(decimate(input, input.size()).points, input); // exactly at the cap
    QVERIFY(decimate({}, 2000).points.isEmpty());
}

void TestDecimation::nonFiniteDropped()
{
    QList<QPointF> input = makeCurve(QStringLiteral("sine"), 100);
    input[10].setY(std::numeric_limits<double>::quiet_NaN());
    input[20].setX(std::numeric_limits<double>::infinity());
    const Decimated kept = decimate(input, 2000);
    QCOMPARE(kept.points.size(), qsizetype(98));
    QVERIFY(!kept.sourceIndex.contains(10));
    QVERIFY(!kept.sourceIndex.contains(20));
    QCOMPARE(kept.sourceIndex[10], qsizetype(11));
}

void TestDecimation::seriesSourceIndexComposed()
{
    PlotSeries series;
    series.points = makeCurve(QStringLiteral("steps"), 10000);
    // The series already maps into a larger curve: point i is source 3 i + 7.
    for (qsizetype i = 0; i < series.points.size(); ++i)
        series.sourceIndex.append(3 * i + 7);
    const QList<QPointF> full = series.points;
    decimateSeries(series, 500);
    QCOMPARE(series.points.size(), qsizetype(40));
    QCOMPARE(series.sourceIndex.size(), series.points.size());
    for (qsizetype k = 0; k < series.points.size(); ++k) {
        const qsizetype source = series.sourceIndex[k];
        QCOMPARE((source - 7) % 3, qsizetype(0));
        QCOMPARE(series.points[k], full[(source - 7) / 3]);
    }
    QCOMPARE(series.sourceIndexAt(0), qsizetype(7));
    QCOMPARE(series.sourceIndexAt(series.points.size()), qsizetype(-1));

    PlotSeries identity;
    identity.points = makeCurve(QStringLiteral("line"), 10);
    QCOMPARE(identity.sourceIndexAt(4), qsizetype(4));
}

void TestDecimation::logAxes()
{
    // y = 1/x on log-log axes is a straight line: two points suffice; on linear axes it is not.
    QList<QPointF> input;
    for (int i = 0; i < 10000; ++i) {
        const double x = std::pow(10.0, -4.0 + 4.0 * i / 9999.0);
        input.append({x, 1 / x});
    }
    const Decimated logLog = decimate(input, 100, true, true);
    QCOMPARE(logLog.sourceIndex, (QList<qsizetype> {0, 9999}));
    const Decimated linear = decimate(input, 100, false, false);
    QCOMPARE(linear.points.size(), qsizetype(100));
    QCOMPARE(linear.sourceIndex.front(), qsizetype(0));
    QCOMPARE(linear.sourceIndex.back(), qsizetype(9999));
    // A non-positive value cannot be drawn on a log axis and is dropped.
    input[5].setY(0.0);
    QVERIFY(!decimate(input, 20000, true, true).sourceIndex.contains(5));
}

QTEST_MAIN(TestDecimation)
#include "tst_decimation.moc"
