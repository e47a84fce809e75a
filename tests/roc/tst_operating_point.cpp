// The operating point of a ROC curve point: confusion matrix and rates from exact counts.

#include "roc/operating_point.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace focalscope;

namespace {

// 4 positives, 6 negatives; scores 0.9 (P), 0.8 (N), 0.7 (P, P), 0.4 (N), 0.2 (P, N x 4).
RocCurve sampleCurve()
{
    RocCurve curve;
    curve.thresholds = {std::numeric_limits<double>::infinity(), 0.9, 0.8, 0.7, 0.4, 0.2};
    curve.tps = {0, 1, 1, 3, 3, 4};
    curve.fps = {0, 0, 1, 1, 2, 6};
    curve.positives = 4;
    curve.negatives = 6;
    for (std::size_t i = 0; i < curve.tps.size(); ++i) {
        curve.tpr.push_back(curve.tps[i] / 4.0);
        curve.fpr.push_back(curve.fps[i] / 6.0);
    }
    return curve;
}

} // namespace

class TestOperatingPoint : public QObject {
    Q_OBJECT

private slots:
    void point_data();
    void point();
    void pastTheEndThrows();
    void everyRateFromCounts();
    void fromPrecisionRecall_data();
    void fromPrecisionRecall();
    void fromPrecisionRecallWithoutTruePositives();
};

void TestOperatingPoint::point_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<qint64>("tp");
    QTest::addColumn<qint64>("fp");
    QTest::addColumn<qint64>("fn");
    QTest::addColumn<qint64>("tn");
    QTest::addColumn<double>("precision");
    QTest::addColumn<double>("recall");
    QTest::addColumn<double>("f1");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("+inf: nothing predicted positive")
        << 0 << 0ll << 0ll << 4ll << 6ll << nan << 0.0 << nan;
    QTest::newRow("0.9") << 1 << 1ll << 0ll << 3ll << 6ll << 1.0 << 0.25 << 2.0 / 5.0;
    QTest::newRow("0.8") << 2 << 1ll << 1ll << 3ll << 5ll << 0.5 << 0.25 << 2.0 / 6.0;
    QTest::newRow("0.7 (tie of two positives)")
        << 3 << 3ll << 1ll << 1ll << 5ll << 0.75 << 0.75 << 0.75;
    QTest::newRow("0.4") << 4 << 3ll << 2ll << 1ll << 4ll << 0.6 << 0.75 << 6.0 / 9.0;
    QTest::newRow("0.2: everything positive")
        << 5 << 4ll << 6ll << 0ll << 0ll << 0.4 << 1.0 << 8.0 / 14.0;
}

void TestOperatingPoint::point()
{
    QFETCH(int, index);
    QFETCH(qint64, tp);
    QFETCH(qint64, fp);
    QFETCH(qint64, fn);
    QFETCH(qint64, tn);
    QFETCH(double, precision);
    QFETCH(double, recall);
    QFETCH(double, f1);
    const RocCurve curve = sampleCurve();
    const OperatingPoint p = operatingPointAt(curve, static_cast<std::size_t>(index));
    QCOMPARE(p.threshold, curve.thresholds[static_cast<std::size_t>(index)]);
    QCOMPARE(p.tp, tp);
    QCOMPARE(p.fp, fp);
    QCOMPARE(p.fn, fn);
    QCOMPARE(p.tn, tn);
    QCOMPARE(p.tp + p.fp + p.fn + p.tn, qint64(10));
    auto same = [](double a, double b) {
        return (std::isnan(a) && std::isnan(b)) || std::abs(a - b) <= 1e-15;
    };
    QVERIFY2(same(p.precision, precision), qPrintable(QString::number(p.precision)));
    QVERIFY2(same(p.recall, recall), qPrintable(QString::number(p.recall)));
    QVERIFY2(same(p.f1, f1), qPrintable(QString::number(p.f1)));
    QVERIFY(same(p.fpr, static_cast<double>(fp) / 6.0));
}

void TestOperatingPoint::everyRateFromCounts()
{
    // TP 3, FP 1, TN 5, FN 1 (sampleCurve() at 0.7).
    const OperatingPoint p = operatingPointFromCounts(0.7, 3, 1, 4, 6);
    QCOMPARE(p.tn, qint64(5));
    QCOMPARE(p.fn, qint64(1));
    QCOMPARE(p.specificity, 5.0 / 6.0);
    QCOMPARE(p.npv, 5.0 / 6.0);
    QCOMPARE(p.balancedAccuracy, (0.75 + 5.0 / 6.0) / 2.0);
    // MCC = (TP TN - FP FN) / sqrt((TP+FP)(TP+FN)(TN+FP)(TN+FN)) = 14 / sqrt(4 4 6 6) = 14 / 24
    QVERIFY(std::abs(p.mcc - 14.0 / 24.0) < 1e-15);
    const OperatingPoint same = operatingPointAt(sampleCurve(), 3);
    QCOMPARE(same.mcc, p.mcc);
    // Undefined: nothing predicted negative (NPV, MCC) and no negatives (FPR, specificity).
    const OperatingPoint all = operatingPointFromCounts(0.0, 4, 0, 4, 0);
    QVERIFY(std::isnan(all.npv) && std::isnan(all.mcc) && std::isnan(all.fpr));
    QVERIFY(std::isnan(all.specificity) && std::isnan(all.balancedAccuracy));
    QCOMPARE(all.f1, 1.0);
    // Counts past 2^31 stay exact in the MCC numerator.
    const OperatingPoint big
        = operatingPointFromCounts(0.5, 3000000000, 1000000000, 4000000000, 4000000000);
    QVERIFY(std::abs(big.mcc - 0.5) < 1e-15);
}

void TestOperatingPoint::pastTheEndThrows()
{
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, operatingPointAt(sampleCurve(), 6));
}

// The same samples as scikit-learn's precision_recall_curve gives them: thresholds ascending,
// a last point (precision 1, recall 0) without threshold.
PrCurve samplePrCurve()
{
    PrCurve curve;
    curve.thresholds = {0.2, 0.4, 0.7, 0.8, 0.9};
    curve.precision = {0.4, 0.6, 0.75, 0.5, 1.0, 1.0};
    curve.recall = {1.0, 0.75, 0.75, 0.25, 0.25, 0.0};
    return curve;
}

void TestOperatingPoint::fromPrecisionRecall_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<int>("rocIndex"); // the same threshold on sampleCurve()
    QTest::newRow("0.2") << 0 << 5;
    QTest::newRow("0.4") << 1 << 4;
    QTest::newRow("0.7") << 2 << 3;
    QTest::newRow("0.8") << 3 << 2;
    QTest::newRow("0.9") << 4 << 1;
}

void TestOperatingPoint::fromPrecisionRecall()
{
    QFETCH(int, index);
    QFETCH(int, rocIndex);
    const std::optional<OperatingPoint> p
        = operatingPointFromPr(samplePrCurve(), std::size_t(index), 4, 6);
    QVERIFY(p.has_value());
    const OperatingPoint expected = operatingPointAt(sampleCurve(), std::size_t(rocIndex));
    QCOMPARE(p->threshold, expected.threshold);
    QCOMPARE(p->tp, expected.tp);
    QCOMPARE(p->fp, expected.fp);
    QCOMPARE(p->fn, expected.fn);
    QCOMPARE(p->tn, expected.tn);
    QCOMPARE(p->precision, expected.precision);
    QCOMPARE(p->f1, expected.f1);
}

void TestOperatingPoint::fromPrecisionRecallWithoutTruePositives()
{
    // Top score a negative: at the highest threshold precision is 0 and fp cannot be known.
    PrCurve curve;
    curve.thresholds = {0.3, 0.9};
    curve.precision = {0.5, 0.0, 1.0};
    curve.recall = {1.0, 0.0, 0.0};
    QVERIFY(!operatingPointFromPr(curve, 1, 1, 1).has_value());
    QVERIFY(!operatingPointFromPr(curve, 2, 1, 1).has_value()); // the last point: no threshold
    const std::optional<OperatingPoint> p = operatingPointFromPr(curve, 0, 1, 1);
    QVERIFY(p.has_value());
    QCOMPARE(p->tp, qint64(1));
    QCOMPARE(p->fp, qint64(1));
}

QTEST_GUILESS_MAIN(TestOperatingPoint)
#include "tst_operating_point.moc"
