// The labelled ticks of probit axes (DET charts).

#include "plot/probit_ticks.h"
#include "roc/det_curve.h"

#include <QTest>

using namespace focalscope;

class TestProbitTicks : public QObject {
    Q_OBJECT
private slots:
    void scikitLearnLabels();
    void widerRangeAddsDecades();
    void zoomedInBetween();
    void labels_data();
    void labels();
};

namespace {

QStringList labelsOf(const QList<AxisTick>& ticks)
{
    QStringList labels;
    for (const AxisTick& tick : ticks)
        labels << tick.label;
    return labels;
}

} // namespace

// DetCurveDisplay's range (0.05% .. 99.95%) gets its labels, at their probit positions.
void TestProbitTicks::scikitLearnLabels()
{
    const double limit = -probit(0.0005);
    const QList<AxisTick> ticks = probitTicks(-limit, limit);
    QCOMPARE(labelsOf(ticks),
        QStringList({"0.1%", "1%", "5%", "20%", "50%", "80%", "95%", "99%", "99.9%"}));
    QCOMPARE(ticks[2].position, probit(0.05));
    QCOMPARE(ticks[4].position, 0.0);
}

void TestProbitTicks::widerRangeAddsDecades()
{
    const double limit = -probit(1e-7);
    const QStringList labels = labelsOf(probitTicks(-limit, limit));
    QVERIFY2(labels.contains("0.001%") && labels.contains("50%") && labels.contains("99.999%"),
        qPrintable(labels.join(' ')));
    QVERIFY(labels.size() <= 12);
}

// Between 40% and 45% no candidate but 40% fits three times: evenly spaced rates.
void TestProbitTicks::zoomedInBetween()
{
    const QList<AxisTick> ticks = probitTicks(probit(0.401), probit(0.449));
    QVERIFY2(ticks.size() >= 3, qPrintable(labelsOf(ticks).join(' ')));
    for (const AxisTick& tick : ticks) {
        QVERIFY(tick.position >= probit(0.401) && tick.position <= probit(0.449));
        QVERIFY2(tick.label.endsWith('%') && tick.label.size() <= 6, qPrintable(tick.label));
    }
    QVERIFY(probitTicks(1.0, 1.0).isEmpty());
}

void TestProbitTicks::labels_data()
{
    QTest::addColumn<double>("rate");
    QTest::addColumn<QString>("label");
    QTest::newRow("0.1%") << 0.001 << "0.1%";
    QTest::newRow("5%") << 0.05 << "5%";
    QTest::newRow("99.9%") << 1.0 - 0.001 << "99.9%";
    QTest::newRow("0.0005%") << 5e-6 << "0.0005%";
}

void TestProbitTicks::labels()
{
    QFETCH(double, rate);
    QFETCH(QString, label);
    QCOMPARE(percentLabel(rate), label);
}

QTEST_GUILESS_MAIN(TestProbitTicks)
#include "tst_probit_ticks.moc"
