// detCurve and probit against scikit-learn 1.2.1's det_curve and SciPy's norm.ppf (fixtures of
// tests/reference/gen_det.py).

#include "roc/det_curve.h"
#include "roc_test_support.h"

#include <QJsonArray>
#include <QTest>

#include <cmath>
#include <limits>

using namespace focalscope;
using namespace focalscope::testing;

Q_DECLARE_METATYPE(QJsonObject)

namespace {

const QJsonObject& fixture()
{
    static const QJsonObject root
        = loadJson(QStringLiteral("reference/fixtures/roc/det_cases.json")).object();
    return root;
}

// Every sampled point of scikit-learn's curve, compared exactly (the rates are the same integer
// ratios, the thresholds the same scores).
void compareDet(const DetCurve& actual, const QJsonObject& expected)
{
    QCOMPARE(
        static_cast<qint64>(actual.fpr.size()), expected[QStringLiteral("length")].toInteger());
    QCOMPARE(actual.fnr.size(), actual.fpr.size());
    QCOMPARE(actual.thresholds.size(), actual.fpr.size());
    QCOMPARE(actual.rocIndex.size(), actual.fpr.size());
    const QJsonArray idx = expected[QStringLiteral("idx")].toArray();
    const std::vector<double> fpr = toDoubles(expected[QStringLiteral("fpr")]);
    const std::vector<double> fnr = toDoubles(expected[QStringLiteral("fnr")]);
    const std::vector<double> thresholds = toDoubles(expected[QStringLiteral("thresholds")]);
    for (qsizetype s = 0; s < idx.size(); ++s) {
        const auto k = static_cast<std::size_t>(idx[s].toInteger());
        const auto e = static_cast<std::size_t>(s);
        QVERIFY2(actual.fpr[k] == fpr[e] && actual.fnr[k] == fnr[e]
                && actual.thresholds[k] == thresholds[e],
            qPrintable(QStringLiteral("point %1: (%2, %3, t %4) vs (%5, %6, t %7)")
                           .arg(k)
                           .arg(actual.fpr[k], 0, 'g', 17)
                           .arg(actual.fnr[k], 0, 'g', 17)
                           .arg(actual.thresholds[k], 0, 'g', 17)
                           .arg(fpr[e], 0, 'g', 17)
                           .arg(fnr[e], 0, 'g', 17)
                           .arg(thresholds[e], 0, 'g', 17)));
    }
}

// Each DET point is the ROC point it names: same threshold, FPR, and FNR = 1 - TPR in counts.
void checkRocIndex(const DetCurve& det, const RocCurve& roc)
{
    for (std::size_t i = 0; i < det.fpr.size(); ++i) {
        const std::size_t k = det.rocIndex[i];
        QVERIFY(k > 0 && k < roc.fpr.size());
        QCOMPARE(det.thresholds[i], roc.thresholds[k]);
        QCOMPARE(det.fpr[i], roc.fpr[k]);
        QCOMPARE(det.fnr[i],
            static_cast<double>(roc.positives - roc.tps[k]) / static_cast<double>(roc.positives));
        if (i > 0)
            QVERIFY(det.rocIndex[i] < det.rocIndex[i - 1]);
    }
}

} // namespace

class TestDetCurve : public QObject {
    Q_OBJECT

private slots:
    void docstringExample();
    void explicitCases_data();
    void explicitCases();
    void generatedCases_data();
    void generatedCases();
    void undefinedWithOneClass();
    void probitMatchesScipy();
    void probitEdges();
};

// scikit-learn's docstring: fpr [0.5, 0.5, 0], fnr [0, 0.5, 0.5], thresholds [0.35, 0.4, 0.8].
void TestDetCurve::docstringExample()
{
    const std::vector<double> scores {0.1, 0.4, 0.35, 0.8};
    const std::vector<std::uint8_t> positive {0, 0, 1, 1};
    const DetCurve det = detCurve(scores, positive);
    QCOMPARE(det.fpr, (std::vector<double> {0.5, 0.5, 0.0}));
    QCOMPARE(det.fnr, (std::vector<double> {0.0, 0.5, 0.5}));
    QCOMPARE(det.thresholds, (std::vector<double> {0.35, 0.4, 0.8}));
    // Curve points 1..4 are the scores 0.8, 0.4, 0.35, 0.1; the DET runs backwards 3, 2, 1.
    QCOMPARE(det.rocIndex, (std::vector<std::size_t> {3, 2, 1}));
}

void TestDetCurve::explicitCases_data()
{
    QTest::addColumn<QJsonObject>("expected");
    for (const QJsonValue& c : fixture()[QStringLiteral("explicit")].toArray())
        QTest::newRow(qPrintable(c[QStringLiteral("name")].toString())) << c.toObject();
}

void TestDetCurve::explicitCases()
{
    QFETCH(QJsonObject, expected);
    const std::vector<double> scores = toDoubles(expected[QStringLiteral("scores")]);
    std::vector<std::uint8_t> positive;
    for (const QJsonValue& label : expected[QStringLiteral("labels")].toArray())
        positive.push_back(label.toInt() == 1 ? 1 : 0);
    const DetCurve det = detCurve(scores, positive);
    compareDet(det, expected[QStringLiteral("det")].toObject());
    const RocCurve full = rocCurve(scores, positive, false);
    checkRocIndex(det, full);
}

void TestDetCurve::generatedCases_data()
{
    QTest::addColumn<QJsonObject>("expected");
    for (const QJsonValue& c : fixture()[QStringLiteral("generated")].toArray())
        QTest::addRow("seed%lld_n%lld", c[QStringLiteral("seed")].toInteger(),
            c[QStringLiteral("n")].toInteger())
            << c.toObject();
}

void TestDetCurve::generatedCases()
{
    QFETCH(QJsonObject, expected);
    const BinaryInputs in = binaryInputs(expected);
    const DetCurve det = detCurve(in.scores, in.positive);
    if (expected[QStringLiteral("det")].isNull()) {
        QVERIFY(det.fpr.empty());
        return;
    }
    compareDet(det, expected[QStringLiteral("det")].toObject());
    checkRocIndex(det, rocCurve(in.scores, in.positive, false));

    // From a drop_intermediate curve: a subset of the same points, both ends kept.
    const RocCurve dropped = rocCurve(in.scores, in.positive, true);
    const DetCurve subset = detCurve(dropped);
    checkRocIndex(subset, dropped);
    QVERIFY(!subset.fpr.empty());
    QVERIFY(subset.fpr.size() <= det.fpr.size());
    QCOMPARE(subset.thresholds.front(), det.thresholds.front());
    QCOMPARE(subset.thresholds.back(), det.thresholds.back());
    std::size_t j = 0;
    for (std::size_t i = 0; i < subset.fpr.size(); ++i) {
        while (j < det.thresholds.size() && det.thresholds[j] != subset.thresholds[i])
            ++j;
        QVERIFY2(j < det.thresholds.size(), "a point of the subset is not a DET point");
        QCOMPARE(subset.fpr[i], det.fpr[j]);
        QCOMPARE(subset.fnr[i], det.fnr[j]);
    }
}

void TestDetCurve::undefinedWithOneClass()
{
    const std::vector<double> scores {0.2, 0.4, 0.4};
    QVERIFY(detCurve(scores, std::vector<std::uint8_t> {0, 0, 0}).fpr.empty());
    QVERIFY(detCurve(scores, std::vector<std::uint8_t> {1, 1, 1}).fpr.empty());
    QVERIFY(detCurve(RocCurve {}).fpr.empty());
}

// Within 2e-15 relative (absolute near 0) of SciPy's norm.ppf, from 1e-300 to 1 - 2^-53.
void TestDetCurve::probitMatchesScipy()
{
    for (const QJsonValue& pair : fixture()[QStringLiteral("probit")].toArray()) {
        const double p = pair[0].toDouble();
        const double expected = pair[1].toDouble();
        const double actual = probit(p);
        const double tolerance = 2e-15 * std::max(1.0, std::abs(expected));
        QVERIFY2(std::abs(actual - expected) <= tolerance,
            qPrintable(QStringLiteral("probit(%1) = %2, SciPy %3")
                           .arg(p, 0, 'g', 17)
                           .arg(actual, 0, 'g', 17)
                           .arg(expected, 0, 'g', 17)));
        // And back: Phi(probit(p)) = p, relative to the nearer tail.
        QVERIFY(std::abs(normalCdf(actual) - p) <= 1e-12 * std::min(p, 1.0 - p) + 2e-16);
    }
}

void TestDetCurve::probitEdges()
{
    QCOMPARE(probit(0.0), -std::numeric_limits<double>::infinity());
    QCOMPARE(probit(1.0), std::numeric_limits<double>::infinity());
    QCOMPARE(probit(0.5), 0.0);
    QVERIFY(std::isnan(probit(-0.1)));
    QVERIFY(std::isnan(probit(1.5)));
    QVERIFY(std::isnan(probit(std::numeric_limits<double>::quiet_NaN())));
    // The 0.975 quantile DESIGN.md uses for DeLong intervals, and symmetry (1 - p exact).
    QVERIFY(std::abs(probit(0.975) - 1.959963984540054) < 4e-16);
    for (const double p : {0x1p-40, 0.0078125, 0.125, 0.375})
        QVERIFY(std::abs(probit(p) + probit(1.0 - p)) <= 2e-15 * std::abs(probit(p)));
}

QTEST_GUILESS_MAIN(TestDetCurve)
#include "tst_det_curve.moc"
