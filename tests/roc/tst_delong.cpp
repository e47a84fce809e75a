// delongInterval and delongTest against a NumPy DeLong (fixtures of tests/reference/gen_roc.py,
// itself checked there against the O(mn) definition) and against a direct O(mn) computation here.

#include "roc/delong.h"
#include "roc_test_support.h"

#include <QJsonArray>
#include <QTest>

#include <cmath>

using namespace focalscope;
using namespace focalscope::testing;

Q_DECLARE_METATYPE(QJsonObject)

namespace {

constexpr double kTolerance = 1e-12;

bool relativelyClose(double actual, double expected, double tolerance)
{
    if (std::isnan(expected) || std::isnan(actual))
        return std::isnan(expected) && std::isnan(actual);
    return std::abs(actual - expected) <= tolerance * std::max(1.0, std::abs(expected));
}

} // namespace

class TestDelong : public QObject {
    Q_OBJECT

private slots:
    void seedExample();
    void undefined_data();
    void undefined();
    void identicalColumns();
    void matchesNumpy_data();
    void matchesNumpy();
    void matchesDirect_data();
    void matchesDirect();
};

void TestDelong::seedExample()
{
    const std::vector<double> scores {0.13, 0.26, 0.08, 0.19, 0.34};
    const std::vector<std::uint8_t> positive {0, 0, 1, 1, 1};
    const DelongInterval ci = delongInterval(scores, positive);
    QCOMPARE(ci.auc, 0.5);
    QVERIFY(std::abs(ci.se - 1.0 / 3.0) < kTolerance);
    // 0.5 -+ 1.959963984540054 / 3 leaves [0, 1]: clipped.
    QCOMPARE(ci.lower, 0.0);
    QCOMPARE(ci.upper, 1.0);
    const QJsonObject expected = loadJson(QStringLiteral("reference/fixtures/roc/examples.json"))
                                     .object()[QStringLiteral("binary")][QStringLiteral("delong")]
                                     .toObject();
    QVERIFY(std::abs(ci.se - expected[QStringLiteral("se")].toDouble()) < kTolerance);
}

void TestDelong::undefined_data()
{
    QTest::addColumn<std::vector<std::uint8_t>>("positive");
    QTest::newRow("one positive") << std::vector<std::uint8_t> {1, 0, 0, 0};
    QTest::newRow("one negative") << std::vector<std::uint8_t> {1, 1, 0, 1};
    QTest::newRow("no positive") << std::vector<std::uint8_t> {0, 0, 0, 0};
    QTest::newRow("no negative") << std::vector<std::uint8_t> {1, 1, 1, 1};
}

void TestDelong::undefined()
{
    QFETCH(std::vector<std::uint8_t>, positive);
    const std::vector<double> scores {0.1, 0.4, 0.35, 0.8};
    const DelongInterval ci = delongInterval(scores, positive);
    QVERIFY(
        std::isnan(ci.auc) && std::isnan(ci.se) && std::isnan(ci.lower) && std::isnan(ci.upper));
    const DelongTest test = delongTest(scores, scores, positive);
    QVERIFY(std::isnan(test.z) && std::isnan(test.p));
}

void TestDelong::identicalColumns()
{
    const BinaryInputs in = tiedInputs(77, 400, 4, 3, 1);
    const DelongTest test = delongTest(in.scores, in.scores, in.positive);
    QCOMPARE(test.auc1, test.auc2);
    QCOMPARE(test.z, 0.0);
    QCOMPARE(test.p, 1.0);
}

void TestDelong::matchesNumpy_data()
{
    addBinaryCaseRows();
}

void TestDelong::matchesNumpy()
{
    QFETCH(QJsonObject, expected);
    const BinaryInputs in = binaryInputs(expected);
    const DelongInterval ci = delongInterval(in.scores, in.positive);
    const QJsonObject d = expected[QStringLiteral("delong")].toObject();
    QVERIFY(closeOrBothNaN(ci.auc, toDouble(d[QStringLiteral("auc")]), kTolerance));
    QVERIFY2(closeOrBothNaN(ci.se, toDouble(d[QStringLiteral("se")]), kTolerance),
        qPrintable(QStringLiteral("se %1 vs %2")
                       .arg(ci.se, 0, 'g', 17)
                       .arg(toDouble(d[QStringLiteral("se")]), 0, 'g', 17)));
    QVERIFY(closeOrBothNaN(ci.lower, toDouble(d[QStringLiteral("lower")]), kTolerance));
    QVERIFY(closeOrBothNaN(ci.upper, toDouble(d[QStringLiteral("upper")]), kTolerance));

    const DelongTest test = delongTest(in.scores, in.scores2, in.positive);
    const QJsonObject t = expected[QStringLiteral("test")].toObject();
    QVERIFY(closeOrBothNaN(test.auc1, toDouble(t[QStringLiteral("auc1")]), kTolerance));
    QVERIFY(closeOrBothNaN(test.auc2, toDouble(t[QStringLiteral("auc2")]), kTolerance));
    if (t[QStringLiteral("zInfinite")].toBool()) {
        QVERIFY(std::isinf(test.z));
        QCOMPARE(test.p, 0.0);
        return;
    }
    // z and p are ratios of differences of sums: compared relatively.
    QVERIFY2(relativelyClose(test.z, toDouble(t[QStringLiteral("z")]), 1e-9),
        qPrintable(QStringLiteral("z %1 vs %2")
                       .arg(test.z, 0, 'g', 17)
                       .arg(toDouble(t[QStringLiteral("z")]), 0, 'g', 17)));
    QVERIFY(relativelyClose(test.p, toDouble(t[QStringLiteral("p")]), 1e-9));
}

void TestDelong::matchesDirect_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<qint64>("n");
    QTest::addColumn<int>("bits");
    QTest::addColumn<qint64>("groups");
    const qint64 sizes[] = {2, 4, 9, 40, 150, 600, 1500};
    for (int k = 0; k < 56; ++k)
        QTest::addRow("case%d", k) << static_cast<quint64>(500 + 31 * k) << sizes[k % 7]
                                   << 1 + (k / 7) % 8 << static_cast<qint64>(2 + k % 3);
}

void TestDelong::matchesDirect()
{
    QFETCH(quint64, seed);
    QFETCH(qint64, n);
    QFETCH(int, bits);
    QFETCH(qint64, groups);
    const BinaryInputs in = tiedInputs(seed, n, bits, groups, 1);
    const DelongInterval expected = directDelong(in.scores, in.positive);
    const DelongInterval ci = delongInterval(in.scores, in.positive);
    QVERIFY(closeOrBothNaN(ci.auc, expected.auc, kTolerance));
    QVERIFY2(closeOrBothNaN(ci.se, expected.se, kTolerance),
        qPrintable(
            QStringLiteral("se %1 vs %2").arg(ci.se, 0, 'g', 17).arg(expected.se, 0, 'g', 17)));
    QVERIFY(closeOrBothNaN(ci.lower, expected.lower, kTolerance));
    QVERIFY(closeOrBothNaN(ci.upper, expected.upper, kTolerance));
}

QTEST_GUILESS_MAIN(TestDelong)
#include "tst_delong.moc"
