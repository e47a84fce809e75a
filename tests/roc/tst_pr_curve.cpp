// precisionRecallCurve and averagePrecision against scikit-learn 1.2.1 (fixtures of
// tests/reference/gen_roc.py) and against a plain std::sort reference.

#include "roc/pr_curve.h"
#include "roc_test_support.h"

#include <QJsonArray>
#include <QTest>

#include <cmath>

using namespace focalscope;
using namespace focalscope::testing;

Q_DECLARE_METATYPE(QJsonObject)

namespace {

constexpr double kTolerance = 1e-12;

void compareSampled(
    const std::vector<double>& actual, const QJsonObject& expected, const QString& field)
{
    QCOMPARE(static_cast<qint64>(actual.size()), expected[QStringLiteral("length")].toInteger());
    const QJsonArray idx = expected[QStringLiteral("idx")].toArray();
    const std::vector<double> values = toDoubles(expected[field]);
    for (qsizetype s = 0; s < idx.size(); ++s) {
        const auto k = static_cast<std::size_t>(idx[s].toInteger());
        QVERIFY2(sameOrBothNaN(actual[k], values[static_cast<std::size_t>(s)]),
            qPrintable(QStringLiteral("%1[%2]: %3 vs %4")
                           .arg(field)
                           .arg(k)
                           .arg(actual[k], 0, 'g', 17)
                           .arg(values[static_cast<std::size_t>(s)], 0, 'g', 17)));
    }
}

} // namespace

class TestPrCurve : public QObject {
    Q_OBJECT

private slots:
    void seedExample();
    void withoutPositives();
    void matchesScikitLearn_data();
    void matchesScikitLearn();
    void matchesPlainReference_data();
    void matchesPlainReference();
};

void TestPrCurve::seedExample()
{
    const std::vector<double> scores {0.13, 0.26, 0.08, 0.19, 0.34};
    const std::vector<std::uint8_t> positive {0, 0, 1, 1, 1};
    const PrCurve curve = precisionRecallCurve(scores, positive);
    // Thresholds ascending 0.08 .. 0.34, then the closing point (precision 1, recall 0).
    const std::vector<double> thresholds {0.08, 0.13, 0.19, 0.26, 0.34};
    const std::vector<double> precision {3.0 / 5, 2.0 / 4, 2.0 / 3, 1.0 / 2, 1.0, 1.0};
    const std::vector<double> recall {1.0, 2.0 / 3, 2.0 / 3, 1.0 / 3, 1.0 / 3, 0.0};
    QCOMPARE(curve.thresholds, thresholds);
    QCOMPARE(curve.precision, precision);
    QCOMPARE(curve.recall, recall);
    const double expected = loadJson(QStringLiteral("reference/fixtures/roc/examples.json"))
                                .object()[QStringLiteral("binary")][QStringLiteral("ap")]
                                .toDouble();
    QVERIFY(std::abs(averagePrecision(scores, positive) - expected) < kTolerance);
    QVERIFY(
        std::abs(expected - (1.0 / 3 * 1.0 + 1.0 / 3 * 2.0 / 3 + 1.0 / 3 * 3.0 / 5)) < kTolerance);
}

void TestPrCurve::withoutPositives()
{
    const std::vector<double> scores {0.2, 0.4, 0.4};
    const std::vector<std::uint8_t> positive {0, 0, 0};
    const PrCurve curve = precisionRecallCurve(scores, positive);
    QCOMPARE(curve.recall, (std::vector<double> {1.0, 1.0, 0.0}));
    QCOMPARE(curve.precision, (std::vector<double> {0.0, 0.0, 1.0}));
    QVERIFY(std::isnan(averagePrecision(scores, positive)));
}

void TestPrCurve::matchesScikitLearn_data()
{
    addBinaryCaseRows();
}

void TestPrCurve::matchesScikitLearn()
{
    QFETCH(QJsonObject, expected);
    const BinaryInputs in = binaryInputs(expected);
    const PrCurve curve = precisionRecallCurve(in.scores, in.positive);
    const QJsonObject points = expected[QStringLiteral("pr")][QStringLiteral("points")].toObject();
    compareSampled(curve.precision, points, QStringLiteral("precision"));
    compareSampled(curve.recall, points, QStringLiteral("recall"));
    compareSampled(curve.thresholds,
        expected[QStringLiteral("pr")][QStringLiteral("thresholds")].toObject(),
        QStringLiteral("values"));
    const double ap = averagePrecision(in.scores, in.positive);
    QVERIFY2(closeOrBothNaN(ap, toDouble(expected[QStringLiteral("ap")]), kTolerance),
        qPrintable(QStringLiteral("AP %1 vs %2")
                       .arg(ap, 0, 'g', 17)
                       .arg(toDouble(expected[QStringLiteral("ap")]), 0, 'g', 17)));
}

void TestPrCurve::matchesPlainReference_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<qint64>("n");
    QTest::addColumn<int>("bits");
    const qint64 sizes[] = {1, 3, 20, 111, 1000, 9000};
    for (int k = 0; k < 54; ++k)
        QTest::addRow("case%d", k)
            << static_cast<quint64>(9000 + 13 * k) << sizes[k % 6] << 1 + (k / 6) * 2;
}

void TestPrCurve::matchesPlainReference()
{
    QFETCH(quint64, seed);
    QFETCH(qint64, n);
    QFETCH(int, bits);
    const BinaryInputs in = tiedInputs(seed, n, bits, 3, 1);
    QVERIFY(closeOrBothNaN(averagePrecision(in.scores, in.positive),
        plainAveragePrecision(in.scores, in.positive), kTolerance));
    const PlainCurve plain = plainCurve(in.scores, in.positive);
    const PrCurve curve = precisionRecallCurve(in.scores, in.positive);
    QCOMPARE(curve.thresholds.size(), plain.thresholds.size() - 1);
    QCOMPARE(curve.thresholds.front(), plain.thresholds.back());
    QCOMPARE(curve.thresholds.back(), plain.thresholds[1]);
}

QTEST_GUILESS_MAIN(TestPrCurve)
#include "tst_pr_curve.moc"
