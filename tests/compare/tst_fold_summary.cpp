// foldSummary against tests/reference/gen_runs.py: per fold AUROC (scikit-learn), mean and sd,
// the pooled AUROC and curve (roc_curve on the concatenated folds), the vertical average
// (np.interp of each fold's full roc_curve, mean, sd, 2.5 / 97.5 percentiles) and threshold
// averaging; binary folds with ties and multiclass logits with a fold lacking a class.

#include "compare/fold_summary.h"
#include "run_fixture.h"

#include <QTest>

#include <stdexcept>

using namespace focalscope;
using namespace focalscope::testing;

Q_DECLARE_METATYPE(QJsonObject)

namespace {

constexpr double kTolerance = 1e-12;

void compareSeries(const std::vector<double>& got, const QJsonValue& expected, const QString& what)
{
    const std::vector<double> values = toDoubles(expected);
    QCOMPARE(got.size(), values.size());
    for (std::size_t k = 0; k < got.size(); ++k)
        COMPARE_CLOSE(got[k], values[k], kTolerance, what + QStringLiteral("[%1]").arg(k));
}

} // namespace

class TestFoldSummary : public QObject {
    Q_OBJECT

private slots:
    void fixtureCases_data();
    void fixtureCases();
    void noFolds();
    void oneFold();
};

void TestFoldSummary::fixtureCases_data()
{
    QTest::addColumn<QJsonObject>("expected");
    for (const QJsonValue& c : runsFixture()[QStringLiteral("folds")].toArray())
        QTest::newRow(qPrintable(c[QStringLiteral("name")].toString())) << c.toObject();
}

void TestFoldSummary::fixtureCases()
{
    QFETCH(QJsonObject, expected);
    const std::vector<Predictions> folds
        = predictionsOf(expected[QStringLiteral("folds")].toArray());
    const std::vector<FoldClassSummary> got = foldSummary(pointersTo(folds));
    const QJsonArray classes = expected[QStringLiteral("classes")].toArray();
    QCOMPARE(got.size(), static_cast<std::size_t>(classes.size()));
    for (std::size_t c = 0; c < got.size(); ++c) {
        const QJsonObject e = classes[static_cast<qsizetype>(c)].toObject();
        const FoldClassSummary& s = got[c];
        const QString what = QStringLiteral("class %1 ").arg(s.targetClass);
        QCOMPARE(s.targetClass, e[QStringLiteral("class")].toInt());
        compareSeries(s.aurocs, e[QStringLiteral("aurocs")], what + QStringLiteral("AUROC"));
        COMPARE_CLOSE(s.aurocMean, toDouble(e[QStringLiteral("auroc_mean")]), kTolerance,
            what + QStringLiteral("mean"));
        COMPARE_CLOSE(s.aurocSd, toDouble(e[QStringLiteral("auroc_sd")]), kTolerance,
            what + QStringLiteral("sd"));
        COMPARE_CLOSE(s.pooledAuroc, toDouble(e[QStringLiteral("pooled_auroc")]), kTolerance,
            what + QStringLiteral("pooled"));
        compareSeries(
            s.pooledFpr, e[QStringLiteral("pooled_fpr")], what + QStringLiteral("pooled fpr"));
        compareSeries(
            s.pooledTpr, e[QStringLiteral("pooled_tpr")], what + QStringLiteral("pooled tpr"));
        const QJsonObject v = e[QStringLiteral("vertical")].toObject();
        compareSeries(s.vertical.fpr, v[QStringLiteral("fpr")], what + QStringLiteral("fpr"));
        compareSeries(
            s.vertical.tprMean, v[QStringLiteral("tpr_mean")], what + QStringLiteral("tpr mean"));
        compareSeries(
            s.vertical.tprSd, v[QStringLiteral("tpr_sd")], what + QStringLiteral("tpr sd"));
        compareSeries(
            s.vertical.tprLo, v[QStringLiteral("tpr_lo")], what + QStringLiteral("tpr 2.5%"));
        compareSeries(
            s.vertical.tprHi, v[QStringLiteral("tpr_hi")], what + QStringLiteral("tpr 97.5%"));
        const QJsonObject t = e[QStringLiteral("threshold_averaged")].toObject();
        std::vector<double> thresholds = s.thresholdAveraged.threshold;
        QCOMPARE(thresholds.front(), std::numeric_limits<double>::infinity());
        thresholds.front() = std::numeric_limits<double>::quiet_NaN(); // null in the fixture
        compareSeries(
            thresholds, t[QStringLiteral("threshold")], what + QStringLiteral("threshold"));
        compareSeries(s.thresholdAveraged.fprMean, t[QStringLiteral("fpr_mean")],
            what + QStringLiteral("fpr mean"));
        compareSeries(s.thresholdAveraged.tprMean, t[QStringLiteral("tpr_mean")],
            what + QStringLiteral("tpr mean"));
        compareSeries(s.thresholdAveraged.fprSd, t[QStringLiteral("fpr_sd")],
            what + QStringLiteral("fpr sd"));
        compareSeries(s.thresholdAveraged.tprSd, t[QStringLiteral("tpr_sd")],
            what + QStringLiteral("tpr sd"));
    }
}

void TestFoldSummary::noFolds()
{
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, foldSummary({}));
}

// One fold: its own curve is the average, and the sd is undefined.
void TestFoldSummary::oneFold()
{
    const QJsonObject c = runsFixture()[QStringLiteral("folds")][0].toObject();
    const std::vector<Predictions> folds
        = predictionsOf(QJsonArray {c[QStringLiteral("folds")][0]});
    const std::vector<FoldClassSummary> got = foldSummary(pointersTo(folds));
    QCOMPARE(got.size(), std::size_t {1});
    QCOMPARE(got[0].aurocMean, got[0].pooledAuroc);
    QVERIFY(std::isnan(got[0].aurocSd));
    QCOMPARE(got[0].vertical.tprMean.back(), 1.0);
    QVERIFY(std::isnan(got[0].vertical.tprSd[100]));
    QCOMPARE(got[0].vertical.tprLo, got[0].vertical.tprMean);
}

QTEST_GUILESS_MAIN(TestFoldSummary)
#include "tst_fold_summary.moc"
