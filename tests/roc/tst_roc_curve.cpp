// rocCurve, auroc, aurocFromCurve and partialAuroc against scikit-learn 1.2.1 (fixtures of
// tests/reference/gen_roc.py) and against a plain std::sort / O(mn) reference.

#include "roc/roc_curve.h"
#include "roc_test_support.h"

#include <QJsonArray>
#include <QTest>

#include <cmath>
#include <limits>

using namespace focalscope;
using namespace focalscope::testing;

Q_DECLARE_METATYPE(QJsonObject)

namespace {

constexpr double kTolerance = 1e-12;
constexpr double kInf = std::numeric_limits<double>::infinity();

const QJsonArray& binaryCases()
{
    static const QJsonArray cases
        = loadJson(QStringLiteral("reference/fixtures/roc/binary_cases.json")).array();
    return cases;
}

QString caseName(const QJsonObject& c)
{
    return QStringLiteral("seed%1_n%2_bits%3_p%4of%5")
        .arg(c[QStringLiteral("seed")].toInteger())
        .arg(c[QStringLiteral("n")].toInteger())
        .arg(c[QStringLiteral("bits")].toInt())
        .arg(c[QStringLiteral("p")].toInt())
        .arg(c[QStringLiteral("k")].toInt());
}

// The curve matches scikit-learn's point for point at the fixture's sampled indices.
void compareCurve(const RocCurve& curve, const QJsonObject& expected)
{
    QCOMPARE(static_cast<qint64>(curve.fpr.size()), expected[QStringLiteral("length")].toInteger());
    QCOMPARE(curve.tpr.size(), curve.fpr.size());
    QCOMPARE(curve.fps.size(), curve.fpr.size());
    QCOMPARE(curve.thresholds.size(), curve.fpr.size());
    const QJsonArray idx = expected[QStringLiteral("idx")].toArray();
    const std::vector<double> fpr = toDoubles(expected[QStringLiteral("fpr")]);
    const std::vector<double> tpr = toDoubles(expected[QStringLiteral("tpr")]);
    const std::vector<double> thresholds = toDoubles(expected[QStringLiteral("thresholds")]);
    const QJsonArray fps = expected[QStringLiteral("fps")].toArray();
    const QJsonArray tps = expected[QStringLiteral("tps")].toArray();
    for (qsizetype s = 0; s < idx.size(); ++s) {
        const auto k = static_cast<std::size_t>(idx[s].toInteger());
        QVERIFY2(sameOrBothNaN(curve.fpr[k], fpr[static_cast<std::size_t>(s)]),
            qPrintable(QStringLiteral("fpr[%1]").arg(k)));
        QVERIFY2(sameOrBothNaN(curve.tpr[k], tpr[static_cast<std::size_t>(s)]),
            qPrintable(QStringLiteral("tpr[%1]").arg(k)));
        QCOMPARE(curve.fps[k], fps[s].toInteger());
        QCOMPARE(curve.tps[k], tps[s].toInteger());
        // scikit-learn 1.2.1 writes max + 1 first (stored as null); >= 1.3 and we write +inf.
        QCOMPARE(curve.thresholds[k], k == 0 ? kInf : thresholds[static_cast<std::size_t>(s)]);
    }
}

} // namespace

class TestRocCurve : public QObject {
    Q_OBJECT

private slots:
    void seedExample();
    void partialRange();
    void dropIntermediate_data();
    void dropIntermediate();
    void signedZerosTie();
    void matchesScikitLearn_data();
    void matchesScikitLearn();
    void matchesPlainReference_data();
    void matchesPlainReference();
    void largeMatchesPlainReference_data();
    void largeMatchesPlainReference();
};

// DESIGN.md: [0.13, 0.26, 0.08, 0.19, 0.34] / [0, 0, 1, 1, 1].
void TestRocCurve::seedExample()
{
    const std::vector<double> scores {0.13, 0.26, 0.08, 0.19, 0.34};
    const std::vector<std::uint8_t> positive {0, 0, 1, 1, 1};
    const RocCurve curve = rocCurve(scores, positive, false);
    const std::vector<double> fpr {0, 0, .5, .5, 1, 1};
    const std::vector<double> tpr {0, 1.0 / 3, 1.0 / 3, 2.0 / 3, 2.0 / 3, 1};
    QCOMPARE(curve.fpr, fpr);
    QCOMPARE(curve.tpr, tpr);
    QCOMPARE(curve.positives, 3);
    QCOMPARE(curve.negatives, 2);
    const std::vector<double> thresholds {kInf, 0.34, 0.26, 0.19, 0.13, 0.08};
    QCOMPARE(curve.thresholds, thresholds);
    QCOMPARE(auroc(scores, positive), 0.5);
    QCOMPARE(aurocFromCurve(curve), 0.5);
    QVERIFY(std::abs(partialAuroc(rocCurve(scores, positive), 0.5) - 5.0 / 9.0) < kTolerance);
    QVERIFY(std::abs(partialAuroc(curve, 0.5) - 0.5556) < 5e-5);

    const QJsonObject binary = loadJson(QStringLiteral("reference/fixtures/roc/examples.json"))
                                   .object()[QStringLiteral("binary")]
                                   .toObject();
    QCOMPARE(curve.fpr, toDoubles(binary[QStringLiteral("fpr")]));
    QCOMPARE(curve.tpr, toDoubles(binary[QStringLiteral("tpr")]));
    QCOMPARE(std::vector<double>(curve.thresholds.begin() + 1, curve.thresholds.end()),
        toDoubles(binary[QStringLiteral("thresholds")]));
    QCOMPARE(auroc(scores, positive), binary[QStringLiteral("auroc")].toDouble());
    QVERIFY(std::abs(partialAuroc(rocCurve(scores, positive), 0.5)
                - binary[QStringLiteral("partial05")].toDouble())
        < kTolerance);
}

void TestRocCurve::dropIntermediate_data()
{
    QTest::addColumn<std::vector<double>>("scores");
    QTest::addColumn<std::vector<std::uint8_t>>("positive");
    QTest::addColumn<std::vector<std::int64_t>>("fps");
    QTest::addColumn<std::vector<std::int64_t>>("tps");
    // Three positives in a row then three negatives: the middle points are collinear.
    QTest::newRow("runs") << std::vector<double> {6, 5, 4, 3, 2, 1}
                          << std::vector<std::uint8_t> {1, 1, 1, 0, 0, 0}
                          << std::vector<std::int64_t> {0, 0, 0, 3}
                          << std::vector<std::int64_t> {0, 1, 3, 3};
    QTest::newRow("alternating") << std::vector<double> {4, 3, 2, 1}
                                 << std::vector<std::uint8_t> {1, 0, 1, 0}
                                 << std::vector<std::int64_t> {0, 0, 1, 1, 2}
                                 << std::vector<std::int64_t> {0, 1, 1, 2, 2};
    QTest::newRow("two points kept")
        << std::vector<double> {2, 1} << std::vector<std::uint8_t> {1, 0}
        << std::vector<std::int64_t> {0, 0, 1} << std::vector<std::int64_t> {0, 1, 1};
    QTest::newRow("one score") << std::vector<double> {1, 1, 1}
                               << std::vector<std::uint8_t> {1, 0, 0}
                               << std::vector<std::int64_t> {0, 2}
                               << std::vector<std::int64_t> {0, 1};
}

void TestRocCurve::dropIntermediate()
{
    QFETCH(std::vector<double>, scores);
    QFETCH(std::vector<std::uint8_t>, positive);
    QFETCH(std::vector<std::int64_t>, fps);
    QFETCH(std::vector<std::int64_t>, tps);
    const RocCurve curve = rocCurve(scores, positive, true);
    QCOMPARE(curve.fps, fps);
    QCOMPARE(curve.tps, tps);
    QCOMPARE(aurocFromCurve(curve), aurocFromCurve(rocCurve(scores, positive, false)));
}

void TestRocCurve::signedZerosTie()
{
    const std::vector<double> scores {-0.0, 0.0};
    const std::vector<std::uint8_t> positive {1, 0};
    QCOMPARE(auroc(scores, positive), 0.5);
    QCOMPARE(rocCurve(scores, positive, false).fpr.size(), std::size_t {2});
}

void TestRocCurve::matchesScikitLearn_data()
{
    QTest::addColumn<QJsonObject>("expected");
    for (const QJsonValue& c : binaryCases())
        QTest::newRow(qPrintable(caseName(c.toObject()))) << c.toObject();
}

void TestRocCurve::matchesScikitLearn()
{
    QFETCH(QJsonObject, expected);
    const BinaryInputs in = binaryInputs(expected);
    const double expectedAuroc = toDouble(expected[QStringLiteral("auroc")]);
    QVERIFY2(closeOrBothNaN(auroc(in.scores, in.positive), expectedAuroc, kTolerance),
        qPrintable(QString::number(auroc(in.scores, in.positive), 'g', 17)));

    const RocCurve dropped = rocCurve(in.scores, in.positive, true);
    compareCurve(dropped, expected[QStringLiteral("rocDrop")].toObject());
    compareCurve(
        rocCurve(in.scores, in.positive, false), expected[QStringLiteral("rocFull")].toObject());
    QVERIFY(closeOrBothNaN(aurocFromCurve(dropped), expectedAuroc, kTolerance));

    for (const QJsonValue& pair : expected[QStringLiteral("partial")].toArray()) {
        const double maxFpr = pair[0].toDouble();
        const double value = partialAuroc(dropped, maxFpr);
        QVERIFY2(closeOrBothNaN(value, toDouble(pair[1]), kTolerance),
            qPrintable(QStringLiteral("max_fpr %1: %2 vs %3")
                           .arg(maxFpr)
                           .arg(value, 0, 'g', 17)
                           .arg(toDouble(pair[1]), 0, 'g', 17)));
    }
}

void TestRocCurve::matchesPlainReference_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<qint64>("n");
    QTest::addColumn<int>("bits");
    QTest::addColumn<qint64>("groups");
    QTest::addColumn<int>("positiveGroups");
    const qint64 sizes[] = {1, 2, 7, 50, 333, 1200, 2500};
    const int bits[] = {1, 2, 3, 5, 8, 12, 20};
    for (int k = 0; k < 60; ++k) {
        const qint64 groups = 1 + k % 4;
        // Every tenth case is a single-class column (all negative or all positive).
        const int positiveGroups = k % 10 == 0
            ? 0
            : (k % 10 == 5 ? static_cast<int>(groups) : 1 + k % static_cast<int>(groups));
        QTest::addRow("case%d", k)
            << static_cast<quint64>(1000 + 17 * k) << sizes[k % 7] << bits[(k / 7) % 7] << groups
            << std::min(positiveGroups, static_cast<int>(groups));
    }
}

void TestRocCurve::matchesPlainReference()
{
    QFETCH(quint64, seed);
    QFETCH(qint64, n);
    QFETCH(int, bits);
    QFETCH(qint64, groups);
    QFETCH(int, positiveGroups);
    const BinaryInputs in = tiedInputs(seed, n, bits, groups, positiveGroups);
    const double reference = mannWhitneyAuroc(in.scores, in.positive);
    QVERIFY(closeOrBothNaN(auroc(in.scores, in.positive), reference, kTolerance));

    const RocCurve curve = rocCurve(in.scores, in.positive, false);
    const PlainCurve plain = plainCurve(in.scores, in.positive);
    QCOMPARE(curve.fps, plain.fps);
    QCOMPARE(curve.tps, plain.tps);
    QCOMPARE(curve.thresholds, plain.thresholds);
    QVERIFY(closeOrBothNaN(aurocFromCurve(curve), reference, kTolerance));
    if (std::isnan(reference))
        QVERIFY(std::isnan(partialAuroc(curve, 0.5)));
}

void TestRocCurve::largeMatchesPlainReference_data()
{
    QTest::addColumn<int>("bits");
    QTest::addColumn<int>("positiveGroups");
    QTest::newRow("few distinct scores") << 6 << 1;
    QTest::newRow("many ties, balanced") << 14 << 2;
    QTest::newRow("almost no ties") << 24 << 3;
    QTest::newRow("no positives") << 14 << 0;
}

// Above 2^20 keys the split into positives and negatives, the two sorts and the AUROC walk run
// on two threads: against the std::sort curve (exact integer counts).
void TestRocCurve::largeMatchesPlainReference()
{
    QFETCH(int, bits);
    QFETCH(int, positiveGroups);
    const BinaryInputs in = tiedInputs(4242 + bits, 1200001, bits, 4, positiveGroups);
    const PlainCurve plain = plainCurve(in.scores, in.positive);
    // 2 U = sum over the points of (fps_k - fps_{k-1}) (tps_k + tps_{k-1}), exact in int64.
    std::int64_t twiceU = 0;
    for (std::size_t k = 1; k < plain.fps.size(); ++k)
        twiceU += (plain.fps[k] - plain.fps[k - 1]) * (plain.tps[k] + plain.tps[k - 1]);
    const std::int64_t positives = plain.tps.back();
    const std::int64_t negatives = plain.fps.back();
    const double reference = positives == 0 || negatives == 0
        ? std::numeric_limits<double>::quiet_NaN()
        : static_cast<double>(twiceU)
            / (2.0 * static_cast<double>(positives) * static_cast<double>(negatives));
    QVERIFY(closeOrBothNaN(auroc(in.scores, in.positive), reference, kTolerance));
    const RocCurve curve = rocCurve(in.scores, in.positive, false);
    QVERIFY(curve.fps == plain.fps);
    QVERIFY(curve.tps == plain.tps);
    QVERIFY(curve.thresholds == plain.thresholds);
}

// pROC's partial.auc over an FPR range: the seed example by hand, [0, m] against
// scikit-learn's max_fpr rule, [0, 1] against the full area; ranges outside [0, 1] refused.
void TestRocCurve::partialRange()
{
    const std::vector<double> scores {0.13, 0.26, 0.08, 0.19, 0.34};
    const std::vector<std::uint8_t> positive {0, 0, 1, 1, 1};
    const RocCurve full = rocCurve(scores, positive, false);
    // TPR is 1/3 on FPR [0, 0.5): area 1/6; McClish (1/6 - 1/8) / (1/2 - 1/8) -> 5/9.
    PartialAuroc p = partialAurocRange(full, 0.0, 0.5);
    QVERIFY(std::abs(p.raw - 1.0 / 6.0) < kTolerance);
    QVERIFY(std::abs(p.mcclish - 5.0 / 9.0) < kTolerance);
    // [0.5, 1]: TPR 2/3 then 1 after FPR 1: area 1/3; min (1 - 1/4) / 2 = 3/8, max 1/2.
    p = partialAurocRange(full, 0.5, 1.0);
    QVERIFY(std::abs(p.raw - 1.0 / 3.0) < kTolerance);
    QVERIFY(std::abs(p.mcclish - 0.5 * (1.0 + (1.0 / 3.0 - 3.0 / 8.0) / (0.5 - 3.0 / 8.0)))
        < kTolerance);
    p = partialAurocRange(full, 0.0, 1.0);
    QCOMPARE(p.raw, auroc(scores, positive));
    QCOMPARE(p.mcclish, 0.5);
    // The dropped points are collinear: the same areas from the display curve.
    const PartialAuroc dropped = partialAurocRange(rocCurve(scores, positive, true), 0.1, 0.7);
    const PartialAuroc kept = partialAurocRange(full, 0.1, 0.7);
    QVERIFY(std::abs(dropped.raw - kept.raw) < kTolerance);

    for (const std::uint64_t seed : {3u, 17u, 99u}) {
        const BinaryInputs in = tiedInputs(seed, 500, 5, 3, 1);
        const RocCurve curve = rocCurve(in.scores, in.positive, false);
        for (const double m : {0.05, 0.2, 0.5, 0.9})
            QVERIFY(std::abs(partialAurocRange(curve, 0.0, m).mcclish - partialAuroc(curve, m))
                < kTolerance);
        // Areas add up over adjacent ranges.
        QVERIFY(std::abs(partialAurocRange(curve, 0.0, 0.3).raw
                    + partialAurocRange(curve, 0.3, 1.0).raw - aurocFromCurve(curve))
            < kTolerance);
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, partialAurocRange(full, 0.5, 0.5));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, partialAurocRange(full, -0.1, 0.5));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, partialAurocRange(full, 0.2, 1.5));
    QVERIFY(std::isnan(
        partialAurocRange(rocCurve(scores, std::vector<std::uint8_t>(5, 1)), 0.0, 0.5).raw));
}

QTEST_GUILESS_MAIN(TestRocCurve)
#include "tst_roc_curve.moc"
