// The rules that pick an operating point, and the points of probe thresholds, against
// scikit-learn (tests/reference/gen_thresholds.py); parsing rules; classes without positives.

#include "roc/ranked_scores.h"
#include "roc/threshold_rules.h"
#include "threshold_cases.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace focalscope;
using namespace focalscope::testing;

namespace {

bool close(double actual, double expected)
{
    if (std::isnan(expected) || std::isnan(actual))
        return std::isnan(expected) && std::isnan(actual);
    if (std::isinf(expected))
        return actual == expected;
    return std::abs(actual - expected) <= 1e-12;
}

ThresholdTable tableOf(std::vector<double> scores, std::vector<std::uint8_t> positive)
{
    return ThresholdTable(rankScores(scores, positive));
}

} // namespace

class TestThresholdRules : public QObject {
    Q_OBJECT

private slots:
    void rulesMatchReference_data() { addThresholdClassRows(); }
    void rulesMatchReference();
    void probesMatchReference_data() { addThresholdClassRows(); }
    void probesMatchReference();
    void aboveAndBelowEveryScore();
    void fprAndTprTies();
    void costCurveAndSlope();
    void noPositivesOrNegatives_data();
    void noPositivesOrNegatives();
    void parseGoodRules_data();
    void parseGoodRules();
    void parseBadRules_data();
    void parseBadRules();
};

void TestThresholdRules::rulesMatchReference()
{
    QFETCH(QJsonObject, testCase);
    QFETCH(int, targetClass);
    const ThresholdTable table = thresholdCaseTable(testCase, targetClass);
    const QJsonObject expected = testCase["classes"].toArray()[targetClass].toObject();
    QCOMPARE(qint64(table.positives()), expected["positives"].toInteger());
    QCOMPARE(qint64(table.negatives()), expected["negatives"].toInteger());
    QCOMPARE(qint64(table.size()), expected["points"].toInteger());
    for (const QJsonValue& value : expected["rules"].toArray()) {
        const QJsonObject e = value.toObject();
        const QString rule = e["rule"].toString();
        const RulePoint chosen = applyRule(table, parseOperatingRule(rule.toStdString()));
        QVERIFY2(chosen.point.has_value(), qPrintable(rule));
        const OperatingPoint& p = *chosen.point;
        const QString where = rule + QStringLiteral(" at ") + QString::number(p.threshold, 'g', 17);
        QCOMPARE(qint64(chosen.index), e["index"].toInteger());
        QCOMPARE(p.threshold, fixtureNumber(e["threshold"]));
        QCOMPARE(qint64(p.tp), e["tp"].toInteger());
        QCOMPARE(qint64(p.fp), e["fp"].toInteger());
        QCOMPARE(qint64(p.tn), e["tn"].toInteger());
        QCOMPARE(qint64(p.fn), e["fn"].toInteger());
        for (const auto& [name, actual] : {std::pair {"tpr", p.tpr}, std::pair {"fpr", p.fpr},
                 std::pair {"precision", p.precision}, std::pair {"recall", p.recall},
                 std::pair {"f1", p.f1}, std::pair {"mcc", p.mcc},
                 std::pair {"balanced_accuracy", p.balancedAccuracy},
                 std::pair {"specificity", p.specificity}, std::pair {"npv", p.npv}})
            QVERIFY2(close(actual, fixtureNumber(e[QLatin1String(name)])),
                qPrintable(where + ": " + name + " " + QString::number(actual, 'g', 17)));
        if (rule.startsWith("cost")) {
            QVERIFY2(close(chosen.prevalence, e["prevalence"].toDouble()), qPrintable(where));
            QVERIFY2(close(chosen.expectedCost, e["expected_cost"].toDouble()), qPrintable(where));
            QVERIFY2(
                close(chosen.isoCostSlope, fixtureNumber(e["iso_cost_slope"])), qPrintable(where));
        } else {
            QVERIFY(std::isnan(chosen.expectedCost) && std::isnan(chosen.isoCostSlope));
        }
    }
}

void TestThresholdRules::probesMatchReference()
{
    QFETCH(QJsonObject, testCase);
    QFETCH(int, targetClass);
    const ThresholdTable table = thresholdCaseTable(testCase, targetClass);
    const QJsonObject expected = testCase["classes"].toArray()[targetClass].toObject();
    for (const QJsonValue& value : expected["probes"].toArray()) {
        const double threshold = fixtureNumber(value["threshold"]);
        const OperatingPoint p = table.pointAt(threshold);
        QCOMPARE(p.threshold, threshold);
        QCOMPARE(qint64(p.tp), value["tp"].toInteger());
        QCOMPARE(qint64(p.fp), value["fp"].toInteger());
        QCOMPARE(p.tp + p.fn, table.positives());
        QCOMPARE(p.fp + p.tn, table.negatives());
        const std::size_t k = table.indexAt(threshold);
        QCOMPARE(table.tp(k), p.tp);
        QVERIFY(k == 0 || table.threshold(k) >= threshold);
        QVERIFY(k + 1 == table.size() || table.threshold(k + 1) < threshold);
    }
}

void TestThresholdRules::aboveAndBelowEveryScore()
{
    // 0.34 (P), 0.26 (N), 0.19 (P), 0.13 (N), 0.08 (P): DESIGN.md's torchmetrics example.
    const ThresholdTable table = tableOf({0.13, 0.26, 0.08, 0.19, 0.34}, {0, 0, 1, 1, 1});
    QCOMPARE(table.size(), std::size_t(6));
    for (const double above :
        {std::nextafter(0.34, 1.0), 1.0, std::numeric_limits<double>::infinity()}) {
        const OperatingPoint p = table.pointAt(above);
        QCOMPARE(table.indexAt(above), std::size_t(0));
        QCOMPARE(p.tp + p.fp, qint64(0)); // nothing predicted positive
        QCOMPARE(p.fn, qint64(3));
        QCOMPARE(p.tn, qint64(2));
        QVERIFY(std::isnan(p.precision)); // 0 / 0
        QCOMPARE(p.tpr, 0.0);
        QCOMPARE(p.specificity, 1.0);
        QCOMPARE(p.npv, 2.0 / 5.0);
        QVERIFY(std::isnan(p.mcc));
    }
    for (const double below : {0.08, 0.0, -1e300, -std::numeric_limits<double>::infinity()}) {
        const OperatingPoint p = table.pointAt(below);
        QCOMPARE(table.indexAt(below), std::size_t(5));
        QCOMPARE(p.tp, qint64(3)); // everything predicted positive
        QCOMPARE(p.fp, qint64(2));
        QCOMPARE(p.tn + p.fn, qint64(0));
        QVERIFY(std::isnan(p.npv));
        QCOMPARE(p.precision, 0.6);
        QCOMPARE(p.balancedAccuracy, 0.5);
    }
    // Between two scores: the point of the higher one.
    QCOMPARE(table.pointAt(0.2).tp, qint64(1));
    QCOMPARE(table.pointAt(0.19).tp, qint64(2));
    QVERIFY_THROWS_EXCEPTION(
        std::invalid_argument, table.pointAt(std::numeric_limits<double>::quiet_NaN()));
    QCOMPARE(table.highestScore(), 0.34);
    QCOMPARE(table.lowestScore(), 0.08);
}

void TestThresholdRules::fprAndTprTies()
{
    // Points (fp, tp) from the top: (0,0) inf, (0,2) 0.9, (1,2) 0.8, (2,2) 0.7, (2,3) 0.6,
    // (2,4) 0.5, (4,4) 0.4 with 4 positives and 4 negatives.
    const ThresholdTable table
        = tableOf({0.9, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.4}, {1, 1, 0, 0, 1, 1, 0, 0});
    // fpr=0.5: TP 4 is the highest with FP <= 2; of the points with TP 4 the lowest FPR.
    RulePoint fpr = applyRule(table, parseOperatingRule("fpr=0.5"));
    QCOMPARE(fpr.point->threshold, 0.5);
    // fpr=0.25: TP 2 at FP 0 (0.9) and FP 1 (0.8): the first, the highest threshold.
    fpr = applyRule(table, parseOperatingRule("fpr=0.25"));
    QCOMPARE(fpr.point->threshold, 0.9);
    QCOMPARE(fpr.point->fp, qint64(0));
    // tpr=0.5: the lowest FPR with TPR >= 0.5 is 0 (0.9); tpr=0.75: FPR 0.5 at 0.6 and 0.5, of
    // which 0.5 has the higher TPR.
    RulePoint tpr = applyRule(table, parseOperatingRule("tpr=0.5"));
    QCOMPARE(tpr.point->threshold, 0.9);
    tpr = applyRule(table, parseOperatingRule("tpr=0.75"));
    QCOMPARE(tpr.point->threshold, 0.5);
    QCOMPARE(tpr.point->tp, qint64(4));
    // tpr=0: FPR 0 with the most positives; fpr=1: everything's TPR, at the highest threshold.
    QCOMPARE(applyRule(table, parseOperatingRule("tpr=0")).point->threshold, 0.9);
    QCOMPARE(applyRule(table, parseOperatingRule("fpr=1")).point->threshold, 0.5);
    // youden: J = 0.5 at 0.9 and 1 - 0.5 = 0.5 at 0.5: the highest threshold.
    QCOMPARE(applyRule(table, parseOperatingRule("youden")).point->threshold, 0.9);
    // f1: 2 TP / (TP + FP + P): 4/6 at 0.9, 8/10 at 0.5: 0.5.
    QCOMPARE(applyRule(table, parseOperatingRule("f1")).point->threshold, 0.5);
}

void TestThresholdRules::costCurveAndSlope()
{
    const ThresholdTable table = tableOf({0.13, 0.26, 0.08, 0.19, 0.34}, {0, 0, 1, 1, 1});
    const double pi = 3.0 / 5.0;
    const std::vector<double> curve = expectedCostCurve(table, 1.0, 5.0, pi);
    QCOMPARE(curve.size(), table.size());
    for (std::size_t k = 0; k < table.size(); ++k)
        QCOMPARE(curve[k], expectedCost(table.point(k), 1.0, 5.0, pi));
    QCOMPARE(curve.front(), 5.0 * pi); // nothing positive: every positive missed
    QCOMPARE(curve.back(), 1.0 - pi); // everything positive: every negative a false positive
    const RulePoint chosen = applyRule(table, parseOperatingRule("cost=1,5"));
    QCOMPARE(chosen.prevalence, pi);
    QCOMPARE(chosen.isoCostSlope, (1.0 - pi) / (5.0 * pi));
    QCOMPARE(chosen.expectedCost, *std::min_element(curve.begin(), curve.end()));
    QCOMPARE(applyRule(table, parseOperatingRule("cost=1,5,0.5")).prevalence, 0.5);
    // A free false negative: predicting nothing costs 0.
    QCOMPARE(applyRule(table, parseOperatingRule("cost=1,0")).index, std::size_t(0));
}

void TestThresholdRules::noPositivesOrNegatives_data()
{
    QTest::addColumn<std::vector<std::uint8_t>>("positive");
    QTest::addColumn<QString>("message");
    QTest::newRow("no positives") << std::vector<std::uint8_t> {0, 0, 0}
                                  << QStringLiteral("there are no positive rows");
    QTest::newRow("no negatives") << std::vector<std::uint8_t> {1, 1, 1}
                                  << QStringLiteral("there are no negative rows");
}

void TestThresholdRules::noPositivesOrNegatives()
{
    QFETCH(std::vector<std::uint8_t>, positive);
    QFETCH(QString, message);
    const ThresholdTable table = tableOf({0.2, 0.5, 0.5}, positive);
    QVERIFY(!table.hasBothClasses());
    for (const char* rule : {"youden", "f1", "fpr=0.1", "tpr=0.9", "cost=1,2"}) {
        const RulePoint chosen = applyRule(table, parseOperatingRule(rule));
        QVERIFY(!chosen.point.has_value());
        QVERIFY2(
            QString::fromStdString(chosen.message).startsWith(message), chosen.message.c_str());
        QVERIFY(chosen.message.find(rule) != std::string::npos);
    }
    QVERIFY(expectedCostCurve(table, 1.0, 1.0, 0.5).empty());
    // A threshold still has counts; the undefined rates are NaN.
    const OperatingPoint p = table.pointAt(0.3);
    QCOMPARE(p.tp + p.fp, qint64(2));
    QVERIFY(positive[0] ? std::isnan(p.fpr) : std::isnan(p.tpr));
}

void TestThresholdRules::parseGoodRules_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("kind");
    QTest::addColumn<double>("limit");
    QTest::addColumn<double>("costFp");
    QTest::addColumn<double>("costFn");
    QTest::addColumn<double>("prevalence"); // NaN: the data's
    const double nan = std::numeric_limits<double>::quiet_NaN();
    using K = OperatingRule::Kind;
    QTest::newRow("youden") << "youden" << int(K::Youden) << 0.0 << 1.0 << 1.0 << nan;
    QTest::newRow("f1") << " f1 " << int(K::F1) << 0.0 << 1.0 << 1.0 << nan;
    QTest::newRow("fpr") << "fpr=0.01" << int(K::Fpr) << 0.01 << 1.0 << 1.0 << nan;
    QTest::newRow("tpr") << "tpr=1" << int(K::Tpr) << 1.0 << 1.0 << 1.0 << nan;
    QTest::newRow("cost") << "cost=1,5" << int(K::Cost) << 0.0 << 1.0 << 5.0 << nan;
    QTest::newRow("cost pi") << "cost=2.5, 1, 0.1" << int(K::Cost) << 0.0 << 2.5 << 1.0 << 0.1;
}

void TestThresholdRules::parseGoodRules()
{
    QFETCH(QString, text);
    QFETCH(int, kind);
    QFETCH(double, limit);
    QFETCH(double, costFp);
    QFETCH(double, costFn);
    QFETCH(double, prevalence);
    const OperatingRule rule = parseOperatingRule(text.toStdString());
    QCOMPARE(int(rule.kind), kind);
    QCOMPARE(rule.text, text.trimmed().toStdString());
    QCOMPARE(rule.limit, limit);
    QCOMPARE(rule.costFp, costFp);
    QCOMPARE(rule.costFn, costFn);
    QCOMPARE(rule.prevalence.has_value(), !std::isnan(prevalence));
    if (rule.prevalence)
        QCOMPARE(*rule.prevalence, prevalence);
}

void TestThresholdRules::parseBadRules_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown") << "best"
                             << "operating point rule 'best': expected youden, f1, "
                                "fpr=X, tpr=X or cost=CFP,CFN[,PI]";
    QTest::newRow("empty") << ""
                           << "operating point rule '': expected youden, f1";
    QTest::newRow("youden value") << "youden=1"
                                  << "'youden=1': youden takes no value";
    QTest::newRow("fpr no value") << "fpr"
                                  << "'fpr': expected fpr=X with X in [0, 1]";
    QTest::newRow("fpr not a number") << "fpr=abc"
                                      << "'fpr=abc': expected a number for the FPR, got 'abc'";
    QTest::newRow("fpr out of range") << "fpr=1.5"
                                      << "'fpr=1.5': X must be in [0, 1]";
    QTest::newRow("tpr negative") << "tpr=-0.1"
                                  << "'tpr=-0.1': X must be in [0, 1]";
    QTest::newRow("tpr nan") << "tpr=nan"
                             << "expected a number for the TPR, got 'nan'";
    QTest::newRow("cost one number") << "cost=1"
                                     << "(2 or 3 numbers), got 1";
    QTest::newRow("cost four numbers") << "cost=1,2,0.5,3"
                                       << "(2 or 3 numbers), got 4";
    QTest::newRow("cost negative") << "cost=-1,2"
                                   << "'cost=-1,2': costs must be >= 0";
    QTest::newRow("cost zero") << "cost=0,0"
                               << "at least one cost must be > 0";
    QTest::newRow("cost bad pi") << "cost=1,2,1"
                                 << "the prevalence PI must be in (0, 1)";
    QTest::newRow("cost bad number")
        << "cost=1,x"
        << "expected a number for the false negative cost CFN, got 'x'";
}

void TestThresholdRules::parseBadRules()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    try {
        parseOperatingRule(text.toStdString());
        QFAIL("no exception");
    } catch (const std::invalid_argument& error) {
        QVERIFY2(QString::fromUtf8(error.what()).contains(message), error.what());
    }
}

QTEST_GUILESS_MAIN(TestThresholdRules)
#include "tst_threshold_rules.moc"
