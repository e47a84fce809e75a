// Curves thinned for display: every kept point is an exact point of the full curve (threshold
// and counts), the ends are kept, no gap along the curve exceeds the step (plus one step of the
// full curve), and a curve shorter than the limit is kept whole.

#include "roc/curve_thinning.h"
#include "roc/ranked_scores.h"
#include "roc/roc_report.h"
#include "test_rng.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <map>

using namespace focalscope;
using namespace focalscope::testing;

namespace {

// n rows, scores on a grid of `levels` values (ties when levels < n), positives more likely
// at high scores.
RankedScores sample(std::int64_t n, std::uint64_t levels, std::uint64_t seed)
{
    std::vector<double> scores(static_cast<std::size_t>(n));
    std::vector<std::uint8_t> positive(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i) {
        const std::uint64_t level = mix(seed, static_cast<std::uint64_t>(i)) % levels;
        scores[static_cast<std::size_t>(i)] = static_cast<double>(level) / double(levels);
        positive[static_cast<std::size_t>(i)]
            = mix(seed + 1, static_cast<std::uint64_t>(i)) % levels < level;
    }
    return rankScores(scores, positive);
}

} // namespace

class TestCurveThinning : public QObject {
    Q_OBJECT

private slots:
    void rocPointsAreExact_data();
    void rocPointsAreExact();
    void prPointsAreExact_data();
    void prPointsAreExact();
    void shortCurvesAreKeptWhole();
    void windowOptionsGiveTheSameNumbers();
};

void TestCurveThinning::rocPointsAreExact_data()
{
    QTest::addColumn<qint64>("rows");
    QTest::addColumn<qulonglong>("levels");
    QTest::addColumn<qulonglong>("maxPoints");
    QTest::newRow("100k rows, distinct scores")
        << qint64(100000) << qulonglong(1) << qulonglong(500);
    QTest::newRow("100k rows, 3000 levels")
        << qint64(100000) << qulonglong(3000) << qulonglong(200);
    QTest::newRow("20k rows, 50 levels (ties)")
        << qint64(20000) << qulonglong(50) << qulonglong(10);
}

void TestCurveThinning::rocPointsAreExact()
{
    QFETCH(qint64, rows);
    QFETCH(qulonglong, levels);
    QFETCH(qulonglong, maxPoints);
    const RankedScores ranked = sample(rows, levels == 1 ? (std::uint64_t {1} << 40) : levels, 7);
    const RocCurve full = rocCurveOf(ranked, false);
    const RocCurve thin = thinRocCurveOf(ranked, maxPoints);
    QVERIFY(thin.thresholds.size() <= maxPoints + 2);
    QVERIFY(thin.thresholds.size() >= std::min<std::size_t>(maxPoints / 2, full.thresholds.size()));
    QCOMPARE(thin.positives, full.positives);
    QCOMPARE(thin.negatives, full.negatives);
    QCOMPARE(thin.thresholds.front(), std::numeric_limits<double>::infinity());
    QCOMPARE(thin.thresholds.back(), full.thresholds.back());
    QCOMPARE(thin.fpr.back(), 1.0);
    QCOMPARE(thin.tpr.back(), 1.0);
    std::map<double, std::size_t> indexOf;
    for (std::size_t k = 0; k < full.thresholds.size(); ++k)
        indexOf[full.thresholds[k]] = k;
    double largestStep = 0.0; // of the full curve
    for (std::size_t k = 1; k < full.fpr.size(); ++k)
        largestStep = std::max(largestStep,
            std::abs(full.fpr[k] - full.fpr[k - 1]) + std::abs(full.tpr[k] - full.tpr[k - 1]));
    const double step = 2.0 / double(maxPoints);
    for (std::size_t k = 0; k < thin.thresholds.size(); ++k) {
        const auto found = indexOf.find(thin.thresholds[k]);
        QVERIFY(found != indexOf.end());
        const std::size_t i = found->second;
        QCOMPARE(thin.tps[k], full.tps[i]);
        QCOMPARE(thin.fps[k], full.fps[i]);
        QCOMPARE(thin.fpr[k], full.fpr[i]);
        QCOMPARE(thin.tpr[k], full.tpr[i]);
        if (k > 0) {
            const double gap
                = std::abs(thin.fpr[k] - thin.fpr[k - 1]) + std::abs(thin.tpr[k] - thin.tpr[k - 1]);
            QVERIFY2(gap <= step + largestStep + 1e-12, qPrintable(QString::number(gap)));
            QVERIFY(thin.thresholds[k] < thin.thresholds[k - 1]);
        }
    }
}

void TestCurveThinning::prPointsAreExact_data()
{
    rocPointsAreExact_data();
}

void TestCurveThinning::prPointsAreExact()
{
    QFETCH(qint64, rows);
    QFETCH(qulonglong, levels);
    QFETCH(qulonglong, maxPoints);
    const RankedScores ranked = sample(rows, levels == 1 ? (std::uint64_t {1} << 40) : levels, 11);
    const PrCurve full = precisionRecallCurveOf(ranked);
    const PrCurve thin = thinPrCurveOf(ranked, maxPoints);
    QVERIFY(thin.precision.size() <= maxPoints + 3);
    QCOMPARE(thin.precision.size(), thin.thresholds.size() + 1);
    QCOMPARE(thin.recall.size(), thin.precision.size());
    // The ends: the lowest threshold (recall 1), the highest, and the closing (0, 1).
    QCOMPARE(thin.thresholds.front(), full.thresholds.front());
    QCOMPARE(thin.thresholds.back(), full.thresholds.back());
    QCOMPARE(thin.recall.back(), 0.0);
    QCOMPARE(thin.precision.back(), 1.0);
    std::map<double, std::size_t> indexOf;
    for (std::size_t k = 0; k < full.thresholds.size(); ++k)
        indexOf[full.thresholds[k]] = k;
    for (std::size_t k = 0; k < thin.thresholds.size(); ++k) {
        const auto found = indexOf.find(thin.thresholds[k]);
        QVERIFY(found != indexOf.end());
        QCOMPARE(thin.precision[k], full.precision[found->second]);
        QCOMPARE(thin.recall[k], full.recall[found->second]);
        if (k > 0)
            QVERIFY(thin.thresholds[k] > thin.thresholds[k - 1]);
    }
}

void TestCurveThinning::shortCurvesAreKeptWhole()
{
    // 40 rows: every step of the curve is at least 1/40 > 2/4000.
    const RankedScores ranked = sample(40, 1000, 3);
    const RocCurve full = rocCurveOf(ranked, false);
    const RocCurve thin = thinRocCurveOf(ranked, 4000);
    QCOMPARE(thin.thresholds, full.thresholds);
    QCOMPARE(thin.tps, full.tps);
    QCOMPARE(thin.fps, full.fps);
    const PrCurve fullPr = precisionRecallCurveOf(ranked);
    // A PR step can be as small as 1 / (40 x 41) in precision: a limit far above the points.
    const PrCurve thinPr = thinPrCurveOf(ranked, 1000000);
    QCOMPARE(thinPr.thresholds, fullPr.thresholds);
    QCOMPARE(thinPr.precision, fullPr.precision);
    QCOMPARE(thinPr.recall, fullPr.recall);
}

// The window's report (thinned curves, softmax from per-row sums) has every number of the
// default one, bit for bit.
void TestCurveThinning::windowOptionsGiveTheSameNumbers()
{
    const std::int64_t n = 5000;
    const std::int64_t classes = 4;
    Predictions p;
    const std::vector<std::int32_t> labels = randomLabels(5, n, classes);
    const std::vector<float> logits = randomLogits(5, n, classes, labels, 1.5);
    p.scores.resize(n, classes);
    p.labels.resize(n);
    for (Index i = 0; i < n; ++i) {
        p.labels[i] = labels[static_cast<std::size_t>(i)];
        for (Index c = 0; c < classes; ++c)
            p.scores(i, c) = logits[static_cast<std::size_t>(i * classes + c)];
    }
    p.kind = ScoreKind::Logits;
    const RocReport full = rocReport(p);
    RocOptions window;
    window.maxCurvePoints = 300;
    window.softmaxStorage = SoftmaxStorage::RowSums;
    const RocReport thin = rocReport(p, window);
    QCOMPARE(thin.macro, full.macro);
    QCOMPARE(thin.weighted, full.weighted);
    QCOMPARE(thin.micro, full.micro);
    QCOMPARE(thin.ovo, full.ovo);
    QCOMPARE(thin.apMacro, full.apMacro);
    for (std::size_t c = 0; c < full.classes.size(); ++c) {
        QCOMPARE(thin.classes[c].auroc, full.classes[c].auroc);
        QCOMPARE(thin.classes[c].ci.lower, full.classes[c].ci.lower);
        QCOMPARE(thin.classes[c].averagePrecision, full.classes[c].averagePrecision);
        QVERIFY(thin.classes[c].roc.thresholds.size() <= 302);
        QVERIFY(full.classes[c].roc.thresholds.size() > 302);
    }
    QVERIFY(thin.microRoc.thresholds.size() <= 302);
}

QTEST_GUILESS_MAIN(TestCurveThinning)
#include "tst_curve_thinning.moc"
