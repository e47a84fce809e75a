// ThresholdTable: the counts at every distinct score against a plain std::sort curve, and the
// score histograms built from it against numpy.histogram (gen_thresholds.py).

#include "roc/binary_problem.h"
#include "roc/ranked_scores.h"
#include "roc/roc_curve.h"
#include "roc/score_histogram.h"
#include "roc/threshold_table.h"
#include "roc_test_support.h"
#include "threshold_cases.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace focalscope;
using namespace focalscope::testing;

class TestThresholdTable : public QObject {
    Q_OBJECT

private slots:
    void matchesPlainCurve_data();
    void matchesPlainCurve();
    void classOfTask();
    void rankingColumnIsRankingScores();
    void histogramMatchesNumpy_data() { addThresholdClassRows(); }
    void histogramMatchesNumpy();
    void histogramEdgeCases();
};

void TestThresholdTable::matchesPlainCurve_data()
{
    QTest::addColumn<qint64>("n");
    QTest::addColumn<int>("bits");
    QTest::newRow("empty") << 0ll << 8;
    QTest::newRow("one row") << 1ll << 8;
    QTest::newRow("two values") << 500ll << 1;
    QTest::newRow("grid of 16") << 3000ll << 4;
    QTest::newRow("distinct") << 20000ll << 24;
}

void TestThresholdTable::matchesPlainCurve()
{
    QFETCH(qint64, n);
    QFETCH(int, bits);
    const BinaryInputs in = tiedInputs(77 + std::uint64_t(bits), n, bits, 3, 1);
    const ThresholdTable table(rankScores(in.scores, in.positive));
    const PlainCurve plain = plainCurve(in.scores, in.positive);
    QCOMPARE(table.size(), plain.thresholds.size());
    for (std::size_t k = 0; k < table.size(); ++k) {
        QCOMPARE(table.threshold(k), plain.thresholds[k]);
        QCOMPARE(table.tp(k), plain.tps[k]);
        QCOMPARE(table.fp(k), plain.fps[k]);
        // Each point's own threshold selects it.
        QCOMPARE(table.indexAt(table.threshold(k)), k);
    }
    // The same points as roc_curve(drop_intermediate=False).
    const RocCurve full = rocCurve(in.scores, in.positive, false);
    QCOMPARE(full.tps.size(), table.size());
    for (std::size_t k = 0; k < table.size(); ++k) {
        const OperatingPoint a = table.point(k);
        const OperatingPoint b = operatingPointAt(full, k);
        QCOMPARE(a.tp, b.tp);
        QCOMPARE(a.fp, b.fp);
        QCOMPARE(a.threshold, b.threshold);
    }
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, table.point(table.size()));
}

void TestThresholdTable::classOfTask()
{
    // Binary: column 0 against label 1; multiclass: column c against label c; ignored rows out.
    Predictions binary;
    binary.scores.resize(4, 1);
    binary.scores << 0.9, 0.1, 0.5, 0.7;
    binary.labels.resize(4);
    binary.labels << 1, 0, -100, 0;
    const ThresholdTable b = thresholdTable(binary.scores, binary, 0);
    QCOMPARE(b.positives(), std::int64_t(1));
    QCOMPARE(b.negatives(), std::int64_t(2));
    QCOMPARE(b.size(), std::size_t(4));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, thresholdTable(binary.scores, binary, 1));

    Predictions multi;
    multi.scores.resize(3, 2);
    multi.scores << 0.8, 0.2, 0.3, 0.7, 0.6, 0.4;
    multi.labels.resize(3);
    multi.labels << 0, 1, 1;
    const ThresholdTable c1 = thresholdTable(multi.scores, multi, 1);
    QCOMPARE(c1.positives(), std::int64_t(2));
    QCOMPARE(c1.highestScore(), 0.7);
    QCOMPARE(c1.pointAt(0.4).tp, std::int64_t(2));
    QCOMPARE(c1.pointAt(0.4).fp, std::int64_t(0));
}

void TestThresholdTable::rankingColumnIsRankingScores()
{
    // 5 classes of logits (softmaxed for ranking) and the same as probabilities (as given).
    const std::int64_t n = 40000;
    const std::vector<std::int32_t> labels = randomLabels(5, n, 5);
    const std::vector<float> x = randomLogits(5, n, 5, labels, 1.0);
    Predictions p;
    p.scores.resize(n, 5);
    for (std::int64_t i = 0; i < n; ++i)
        for (Index k = 0; k < 5; ++k)
            p.scores(i, k) = x[static_cast<std::size_t>(i * 5 + k)];
    p.labels = Eigen::Map<const LabelVector>(labels.data(), n);
    for (const ScoreKind kind : {ScoreKind::Logits, ScoreKind::Probabilities}) {
        p.kind = kind;
        const ScoreMatrix all = rankingScores(p);
        for (Index c = 0; c < 5; ++c) {
            const std::vector<double> column = rankingColumn(p, c);
            QVERIFY(std::equal(column.begin(), column.end(), all.col(c).data()));
            const ThresholdTable a = thresholdTable(p, c);
            const ThresholdTable b = thresholdTable(all, p, c);
            QCOMPARE(a.size(), b.size());
            QCOMPARE(a.tp(a.size() / 2), b.tp(b.size() / 2));
            QCOMPARE(a.threshold(a.size() / 3), b.threshold(b.size() / 3));
        }
    }
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, rankingColumn(p, 5));
}

void TestThresholdTable::histogramMatchesNumpy()
{
    QFETCH(QJsonObject, testCase);
    QFETCH(int, targetClass);
    const ThresholdTable table = thresholdCaseTable(testCase, targetClass);
    const QJsonObject expected
        = testCase["classes"].toArray()[targetClass].toObject()["histogram"].toObject();
    const ScoreHistogram h = scoreHistogram(table, std::size_t(expected["bins"].toInt()));
    const std::vector<double> edges = toDoubles(expected["edges"]);
    QCOMPARE(h.edges.size(), edges.size());
    for (std::size_t k = 0; k < edges.size(); ++k)
        QCOMPARE(h.edges[k], edges[k]);
    const QJsonArray positives = expected["positives"].toArray();
    const QJsonArray negatives = expected["negatives"].toArray();
    for (qsizetype k = 0; k < positives.size(); ++k) {
        QCOMPARE(qint64(h.positives[std::size_t(k)]), positives[k].toInteger());
        QCOMPARE(qint64(h.negatives[std::size_t(k)]), negatives[k].toInteger());
    }
}

void TestThresholdTable::histogramEdgeCases()
{
    const std::vector<double> scores {0.0, 0.25, 0.5, 0.5, 1.0, 1.0};
    const ThresholdTable table(rankScores(scores, std::vector<std::uint8_t> {0, 0, 1, 0, 1, 1}));
    // [0, .5) [.5, 1]: the last bin holds the highest score.
    ScoreHistogram h = scoreHistogram(table, 2);
    QCOMPARE(h.negatives, (std::vector<std::int64_t> {2, 1}));
    QCOMPARE(h.positives, (std::vector<std::int64_t> {0, 3}));
    // A range inside the scores leaves the rest out.
    h = scoreHistogram(table, 1, 0.25, 0.5);
    QCOMPARE(h.negatives, (std::vector<std::int64_t> {2}));
    QCOMPARE(h.positives, (std::vector<std::int64_t> {1}));
    // One distinct score: numpy's range lo - 0.5 .. hi + 0.5.
    const ThresholdTable flat(
        rankScores(std::vector<double> {0.3, 0.3}, std::vector<std::uint8_t> {1, 0}));
    h = scoreHistogram(flat, 4);
    QCOMPARE(h.edges.front(), 0.3 - 0.5);
    QCOMPARE(h.edges.back(), 0.3 + 0.5);
    QCOMPARE(h.positives, (std::vector<std::int64_t> {0, 0, 1, 0}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, scoreHistogram(table, 0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, scoreHistogram(table, 2, 1.0, 0.0));
    // No rows: empty bins over [0, 1].
    const ThresholdTable empty(RankedScores {});
    h = scoreHistogram(empty, 3);
    QCOMPARE(h.positives, (std::vector<std::int64_t> {0, 0, 0}));
}

QTEST_GUILESS_MAIN(TestThresholdTable)
#include "tst_threshold_table.moc"
