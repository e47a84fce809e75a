// The rows at an operating point: false positives and false negatives, hardest first, against
// NumPy's ordering (gen_thresholds.py), with p_t and loss from the focal loss, and as CSV.

#include "report/analysis.h"
#include "report/error_rows.h"
#include "threshold_cases.h"

#include <QRegularExpression>
#include <QTest>

#include <cmath>

using namespace focalscope;
using namespace focalscope::testing;

class TestErrorRows : public QObject {
    Q_OBJECT

private slots:
    void matchesReference_data() { addThresholdClassRows(); }
    void matchesReference();
    void lossValuesAndLimit();
    void csv();
    void firstOperatingPointCsv();
};

void TestErrorRows::matchesReference()
{
    QFETCH(QJsonObject, testCase);
    QFETCH(int, targetClass);
    const Predictions p = thresholdCasePredictions(testCase);
    const QJsonObject expected
        = testCase["classes"].toArray()[targetClass].toObject()["errors"].toObject();
    const double threshold = fixtureNumber(expected["threshold"]);
    const auto limit = static_cast<std::size_t>(expected["limit"].toInt());
    const ErrorRows rows = errorRows(p, p.scores, targetClass, threshold, {}, limit);
    QCOMPARE(qint64(rows.falsePositiveCount), expected["fp_count"].toInteger());
    QCOMPARE(qint64(rows.falseNegativeCount), expected["fn_count"].toInteger());
    const QJsonArray fp = expected["fp_rows"].toArray();
    const QJsonArray fn = expected["fn_rows"].toArray();
    QCOMPARE(qsizetype(rows.falsePositives.size()), fp.size());
    QCOMPARE(qsizetype(rows.falseNegatives.size()), fn.size());
    for (qsizetype k = 0; k < fp.size(); ++k) {
        const ErrorRow& row = rows.falsePositives[std::size_t(k)];
        QCOMPARE(qint64(row.row), fp[k].toInteger());
        QCOMPARE(row.score, p.scores(row.row, targetClass));
        QVERIFY(row.score >= threshold);
        QCOMPARE(row.label, p.labels[row.row]);
        QVERIFY(std::isnan(row.pt) && std::isnan(row.loss)); // no loss values given
    }
    for (qsizetype k = 0; k < fn.size(); ++k) {
        QCOMPARE(qint64(rows.falseNegatives[std::size_t(k)].row), fn[k].toInteger());
        QVERIFY(rows.falseNegatives[std::size_t(k)].score < threshold);
    }
}

void TestErrorRows::lossValuesAndLimit()
{
    // Binary: 0.9 (N), 0.8 (N), 0.8 (N), 0.6 (P), 0.3 (P), ignored, 0.2 (P), 0.1 (N).
    Predictions p;
    p.kind = ScoreKind::Probabilities;
    p.scores.resize(8, 1);
    p.scores << 0.9, 0.8, 0.8, 0.6, 0.3, 0.95, 0.2, 0.1;
    p.labels.resize(8);
    p.labels << 0, 0, 0, 1, 1, -100, 1, 0;
    AnalysisOptions options;
    options.loss.mode = LossMode::Sigmoid;
    const Analysis analysis = analyze(p, options);
    const FocalLossResult& loss = analysis.loss.loss;
    ErrorRows rows = errorRows(p, p.scores, 0, 0.5, loss);
    QCOMPARE(rows.falsePositiveCount, std::int64_t(3));
    QCOMPARE(rows.falseNegativeCount, std::int64_t(2));
    QCOMPARE(rows.falsePositives.size(), std::size_t(3));
    QCOMPARE(rows.falsePositives[0].row, Index(0));
    QCOMPARE(rows.falsePositives[1].row, Index(1)); // 0.8 tie: the lower row first
    QCOMPARE(rows.falsePositives[2].row, Index(2));
    QCOMPARE(rows.falseNegatives[0].row, Index(6)); // lowest-scored positive first
    QCOMPARE(rows.falseNegatives[1].row, Index(4));
    for (const ErrorRow& row : rows.falsePositives) {
        QCOMPARE(row.pt, loss.pt[row.row]);
        QCOMPARE(row.loss, loss.perRow[row.row]);
        QVERIFY(row.loss > 0.0);
    }
    // A limit keeps the hardest; the counts stay whole.
    rows = errorRows(p, p.scores, 0, 0.5, loss, 1);
    QCOMPARE(rows.falsePositives.size(), std::size_t(1));
    QCOMPARE(rows.falsePositives[0].row, Index(0));
    QCOMPARE(rows.falseNegatives[0].row, Index(6));
    QCOMPARE(rows.falsePositiveCount, std::int64_t(3));
    // Above every score nothing is a false positive; below every score nothing a false negative.
    rows = errorRows(p, p.scores, 0, 2.0, loss);
    QCOMPARE(rows.falsePositiveCount + rows.falseNegativeCount, std::int64_t(3));
    QCOMPARE(rows.falsePositiveCount, std::int64_t(0));
    rows = errorRows(p, p.scores, 0, -1.0, loss);
    QCOMPARE(rows.falsePositiveCount, std::int64_t(4));
    QCOMPARE(rows.falseNegativeCount, std::int64_t(0));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, errorRows(p, p.scores, 1, 0.5, loss));
}

void TestErrorRows::csv()
{
    ErrorRows rows;
    rows.className = "a,b";
    rows.falsePositives = {{3, 0, 0.75, 0.25, 1.5}};
    rows.falseNegatives = {{7, 1, 0.125, std::nan(""), 0.0}};
    QCOMPARE(QString::fromStdString(errorRowsCsv({rows})),
        QStringLiteral("class,error,row,label,score,p_t,loss\n"
                       "\"a,b\",false_positive,3,0,0.75,0.25,1.5\n"
                       "\"a,b\",false_negative,7,1,0.125,nan,0\n"));
}

void TestErrorRows::firstOperatingPointCsv()
{
    // The seed's 3-class example: youden then f1; the CSV holds youden's rows of every class.
    Predictions p;
    p.kind = ScoreKind::Probabilities;
    p.scores.resize(5, 3);
    p.scores << .90, .05, .05, .05, .90, .05, .05, .05, .90, .85, .05, .10, .10, .10, .80;
    p.labels.resize(5);
    p.labels << 0, 1, 1, 2, 2;
    p.classNames = {"cat", "dog", "bird"};
    AnalysisOptions options;
    options.operatingRules = {parseOperatingRule("youden"), parseOperatingRule("f1")};
    const Analysis analysis = analyze(p, options);
    QCOMPARE(analysis.operatingPoints.size(), std::size_t(6));
    QCOMPARE(analysis.operatingPoints[3].ruleIndex, std::size_t(1));
    const QStringList lines
        = QString::fromStdString(operatingPointErrorsCsv(p, analysis)).trimmed().split('\n');
    // youden: cat at 0.9 gets every row right; dog at 0.9 misses row 2 (0.05); bird at 0.1
    // takes row 2 (a dog, bird score 0.90) for a bird.
    QCOMPARE(lines.front(), QStringLiteral("class,error,row,label,score,p_t,loss"));
    QVERIFY2(lines.contains(QStringLiteral("dog,false_negative,2,1,0.05,0.05,")
                 + lines.filter("dog,false_negative").value(0).section(',', 6)),
        qPrintable(lines.join('\n')));
    QVERIFY2(lines.filter(QRegularExpression("^bird,false_positive,2,1,0.9,")).size() == 1,
        qPrintable(lines.join('\n')));
    QCOMPARE(lines.filter("cat,").size(), 0);
}

QTEST_GUILESS_MAIN(TestErrorRows)
#include "tst_error_rows.moc"
