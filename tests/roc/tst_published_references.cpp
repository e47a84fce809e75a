// rocCurve, auroc, partialAuroc, partialAurocRange, precisionRecallCurve, averagePrecision,
// delongInterval and delongTest against published references (fixtures of
// tests/reference/gen_published.py): pROC's aSAH figures (DESIGN.md and pROC 1.18.0),
// scikit-learn's own toy cases of sklearn/metrics/tests/test_ranking.py, and a float64 case
// whose rounding to float32 changes AUROC and AP. Every reference is float64: compared at 1e-12.

#include "asah_data.h"
#include "fixture.h"
#include "roc/delong.h"
#include "roc/pr_curve.h"
#include "roc/roc_curve.h"

#include <QJsonArray>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

using namespace focalscope;
using namespace focalscope::testing;

Q_DECLARE_METATYPE(QJsonObject)

namespace {

constexpr double kTolerance = 1e-12;
constexpr double kZ975 = 1.959963984540054; // qnorm(0.975), as pROC
constexpr double kInf = std::numeric_limits<double>::infinity();

// Absolute below 1, relative above (z statistics); NaN only matches NaN.
void compareClose(double actual, double expected, const QString& what)
{
    const bool ok = std::isnan(expected) || std::isnan(actual)
        ? std::isnan(expected) && std::isnan(actual)
        : std::abs(actual - expected) <= kTolerance * std::max(1.0, std::abs(expected));
    QVERIFY2(ok,
        qPrintable(QStringLiteral("%1: got %2, expected %3")
                       .arg(what)
                       .arg(actual, 0, 'g', 17)
                       .arg(expected, 0, 'g', 17)));
}

QJsonObject fixture(const QString& name)
{
    return loadJson(QStringLiteral("reference/fixtures/published/") + name).object();
}

struct Binary {
    std::vector<double> scores;
    std::vector<std::uint8_t> positive;
};

Binary binaryOf(const QJsonObject& c)
{
    Binary in;
    in.scores = toDoubles(c[QStringLiteral("scores")]);
    for (const QJsonValue& label : c[QStringLiteral("labels")].toArray())
        in.positive.push_back(label.toInt() == 1 ? 1 : 0);
    return in;
}

// scikit-learn's roc_curve point for point; its first threshold (max + 1 in 1.2.1, stored as
// null) is +inf here as in scikit-learn >= 1.3.
void compareRoc(const RocCurve& curve, const QJsonObject& expected, const Binary& in)
{
    const std::vector<double> fpr = toDoubles(expected[QStringLiteral("fpr")]);
    const std::vector<double> tpr = toDoubles(expected[QStringLiteral("tpr")]);
    const std::vector<double> thresholds = toDoubles(expected[QStringLiteral("thresholds")]);
    QCOMPARE(curve.fpr.size(), fpr.size());
    QCOMPARE(curve.tpr.size(), tpr.size());
    QCOMPARE(curve.thresholds.size(), thresholds.size());
    QCOMPARE(curve.fps.size(), fpr.size());
    QCOMPARE(curve.tps.size(), fpr.size());
    std::int64_t positives = 0;
    for (const std::uint8_t p : in.positive)
        positives += p;
    QCOMPARE(curve.tps.back(), positives);
    QCOMPARE(curve.fps.back(), static_cast<std::int64_t>(in.positive.size()) - positives);
    QCOMPARE(curve.thresholds.front(), kInf);
    for (std::size_t k = 0; k < fpr.size(); ++k) {
        compareClose(curve.fpr[k], fpr[k], QStringLiteral("fpr[%1]").arg(k));
        compareClose(curve.tpr[k], tpr[k], QStringLiteral("tpr[%1]").arg(k));
        if (k > 0)
            QCOMPARE(curve.thresholds[k], thresholds[k]);
    }
}

void comparePr(const PrCurve& curve, const QJsonObject& expected)
{
    const std::vector<double> precision = toDoubles(expected[QStringLiteral("precision")]);
    const std::vector<double> recall = toDoubles(expected[QStringLiteral("recall")]);
    QCOMPARE(curve.precision.size(), precision.size());
    QCOMPARE(curve.recall.size(), recall.size());
    QCOMPARE(curve.thresholds, toDoubles(expected[QStringLiteral("thresholds")]));
    for (std::size_t k = 0; k < precision.size(); ++k) {
        compareClose(curve.precision[k], precision[k], QStringLiteral("precision[%1]").arg(k));
        compareClose(curve.recall[k], recall[k], QStringLiteral("recall[%1]").arg(k));
    }
}

// scikit-learn's roc_auc_score(max_fpr = m) on the dropped curve, as partialAuroc takes it.
void comparePartial(const Binary& in, const QJsonArray& partial)
{
    const RocCurve dropped = rocCurve(in.scores, in.positive);
    for (const QJsonValue& pair : partial) {
        const double maxFpr = pair[0].toDouble();
        compareClose(partialAuroc(dropped, maxFpr), toDouble(pair[1]),
            QStringLiteral("max_fpr %1").arg(maxFpr));
    }
}

// pROC's partial.auc over FPR [a, b] on the full curve: raw area and McClish's standardisation.
void comparePartialRange(const Binary& in, const QJsonArray& ranges)
{
    const RocCurve full = rocCurve(in.scores, in.positive, false);
    for (const QJsonValue& r : ranges) {
        const double a = r[QStringLiteral("range")][0].toDouble();
        const double b = r[QStringLiteral("range")][1].toDouble();
        const PartialAuroc partial = partialAurocRange(full, a, b);
        compareClose(partial.raw, r[QStringLiteral("raw")].toDouble(),
            QStringLiteral("raw [%1, %2]").arg(a).arg(b));
        compareClose(partial.mcclish, r[QStringLiteral("mcclish")].toDouble(),
            QStringLiteral("McClish [%1, %2]").arg(a).arg(b));
    }
}

QJsonObject asahMarkerFixture(const QString& name)
{
    for (const QJsonValue& m :
        fixture(QStringLiteral("asah.json"))[QStringLiteral("markers")].toArray())
        if (m[QStringLiteral("name")].toString() == name)
            return m.toObject();
    throw std::runtime_error("no marker " + name.toStdString() + " in asah.json");
}

} // namespace

class TestPublishedReferences : public QObject {
    Q_OBJECT

private slots:
    void asahData();
    void asahMarker_data();
    void asahMarker();
    void asahPairedDelong_data();
    void asahPairedDelong();
    void asahUnpairedDelong();
    void scikitLearnToyCases_data();
    void scikitLearnToyCases();
    void float64Scores_data();
    void float64Scores();
    void partialRangeRandom_data();
    void partialRangeRandom();
};

// The committed CSV holds the rows the fixture was generated from.
void TestPublishedReferences::asahData()
{
    const QJsonObject expected = fixture(QStringLiteral("asah.json"));
    const Asah& data = asah();
    std::int64_t poor = 0;
    for (const std::uint8_t p : data.poor)
        poor += p;
    QCOMPARE(poor, expected[QStringLiteral("positives")].toInteger());
    QCOMPARE(static_cast<qint64>(data.poor.size()) - poor,
        expected[QStringLiteral("negatives")].toInteger());
    QCOMPARE(expected[QStringLiteral("z975")].toDouble(), kZ975);
    for (const auto& [name, scores] : data.markers)
        QCOMPARE(scores.size(), data.poor.size());
}

void TestPublishedReferences::asahMarker_data()
{
    QTest::addColumn<QString>("marker");
    for (const char* marker : {"wfns", "s100b", "ndka"})
        QTest::newRow(marker) << QString::fromLatin1(marker);
}

void TestPublishedReferences::asahMarker()
{
    QFETCH(QString, marker);
    const QJsonObject expected = asahMarkerFixture(marker);
    const Binary in {asah().markers.at(marker), asah().poor};

    compareClose(auroc(in.scores, in.positive), expected[QStringLiteral("auroc")].toDouble(),
        QStringLiteral("AUROC"));
    compareClose(averagePrecision(in.scores, in.positive),
        expected[QStringLiteral("ap")].toDouble(), QStringLiteral("AP"));
    compareRoc(
        rocCurve(in.scores, in.positive), expected[QStringLiteral("rocDrop")].toObject(), in);
    compareRoc(rocCurve(in.scores, in.positive, false),
        expected[QStringLiteral("rocFull")].toObject(), in);
    comparePr(
        precisionRecallCurve(in.scores, in.positive), expected[QStringLiteral("pr")].toObject());
    comparePartial(in, expected[QStringLiteral("partial")].toArray());
    comparePartialRange(in, expected[QStringLiteral("partialRange")].toArray());

    const DelongInterval ci = delongInterval(in.scores, in.positive);
    const QJsonObject delong = expected[QStringLiteral("delong")].toObject();
    compareClose(ci.auc, delong[QStringLiteral("auc")].toDouble(), QStringLiteral("DeLong AUC"));
    compareClose(ci.se, delong[QStringLiteral("se")].toDouble(), QStringLiteral("DeLong SE"));
    compareClose(ci.lower, delong[QStringLiteral("lower")].toDouble(), QStringLiteral("CI lower"));
    compareClose(ci.upper, delong[QStringLiteral("upper")].toDouble(), QStringLiteral("CI upper"));

    // pROC 1.18.0's own ci.auc, var and partial.auc.
    const QJsonObject proc = expected[QStringLiteral("proc")].toObject();
    compareClose(ci.auc, proc[QStringLiteral("auc")].toDouble(), QStringLiteral("pROC auc"));
    compareClose(ci.se * ci.se, proc[QStringLiteral("var")].toDouble(), QStringLiteral("pROC var"));
    compareClose(ci.lower, proc[QStringLiteral("lower")].toDouble(), QStringLiteral("pROC lower"));
    compareClose(ci.upper, proc[QStringLiteral("upper")].toDouble(), QStringLiteral("pROC upper"));
    const QJsonArray ranges = expected[QStringLiteral("partialRange")].toArray();
    const QJsonArray procRanges = proc[QStringLiteral("partialRange")].toArray();
    QCOMPARE(procRanges.size(), ranges.size());
    const RocCurve full = rocCurve(in.scores, in.positive, false);
    for (qsizetype k = 0; k < ranges.size(); ++k) {
        const double a = ranges[k][QStringLiteral("range")][0].toDouble();
        const double b = ranges[k][QStringLiteral("range")][1].toDouble();
        const PartialAuroc partial = partialAurocRange(full, a, b);
        compareClose(partial.raw, procRanges[k][0].toDouble(),
            QStringLiteral("pROC partial.auc [%1, %2]").arg(a).arg(b));
        compareClose(partial.mcclish, procRanges[k][1].toDouble(),
            QStringLiteral("pROC partial.auc corrected [%1, %2]").arg(a).arg(b));
    }
}

void TestPublishedReferences::asahPairedDelong_data()
{
    QTest::addColumn<QJsonObject>("expected");
    for (const QJsonValue& pair :
        fixture(QStringLiteral("asah.json"))[QStringLiteral("paired")].toArray())
        QTest::addRow("%s_vs_%s", qPrintable(pair[QStringLiteral("a")].toString()),
            qPrintable(pair[QStringLiteral("b")].toString()))
            << pair.toObject();
}

// roc.test(roc(outcome, a), roc(outcome, b), method = "delong"): z, p and the CI of
// delta = A_a - A_b, delta -+ z975 SE(delta) with SE(delta) = delta / z.
void TestPublishedReferences::asahPairedDelong()
{
    QFETCH(QJsonObject, expected);
    const Asah& data = asah();
    const DelongTest test = delongTest(data.markers.at(expected[QStringLiteral("a")].toString()),
        data.markers.at(expected[QStringLiteral("b")].toString()), data.poor);
    compareClose(test.auc1, expected[QStringLiteral("auc1")].toDouble(), QStringLiteral("auc1"));
    compareClose(test.auc2, expected[QStringLiteral("auc2")].toDouble(), QStringLiteral("auc2"));
    compareClose(test.z, expected[QStringLiteral("z")].toDouble(), QStringLiteral("z"));
    compareClose(test.p, expected[QStringLiteral("p")].toDouble(), QStringLiteral("p"));
    const double delta = test.auc1 - test.auc2;
    const double seDelta = delta / test.z;
    compareClose(
        seDelta, expected[QStringLiteral("seDelta")].toDouble(), QStringLiteral("SE(delta)"));
    compareClose(
        test.se, expected[QStringLiteral("seDelta")].toDouble(), QStringLiteral("DelongTest::se"));
    compareClose(
        test.covariance, expected[QStringLiteral("cov")].toDouble(), QStringLiteral("Cov(A1, A2)"));
    const double lower = delta - kZ975 * seDelta;
    const double upper = delta + kZ975 * seDelta;
    compareClose(test.lower, lower, QStringLiteral("DelongTest::lower"));
    compareClose(test.upper, upper, QStringLiteral("DelongTest::upper"));

    // The numbers DESIGN.md quotes (pROC, 15 digits) and pROC 1.18.0's 17.
    for (const QString& source : {QStringLiteral("published"), QStringLiteral("proc")}) {
        const QJsonObject reference = expected[source].toObject();
        compareClose(
            test.z, reference[QStringLiteral("z")].toDouble(), source + QStringLiteral(" Z"));
        if (reference.contains(QStringLiteral("p")))
            compareClose(
                test.p, reference[QStringLiteral("p")].toDouble(), source + QStringLiteral(" p"));
        if (reference.contains(QStringLiteral("ci95"))) {
            const QJsonArray ci = reference[QStringLiteral("ci95")].toArray();
            compareClose(lower, ci[0].toDouble(), source + QStringLiteral(" delta CI lower"));
            compareClose(upper, ci[1].toDouble(), source + QStringLiteral(" delta CI upper"));
        }
    }
}

// DESIGN.md's unpaired wfns vs s100b: D = (A_a - A_b) / sqrt(V_a + V_b).
void TestPublishedReferences::asahUnpairedDelong()
{
    const Asah& data = asah();
    for (const QJsonValue& pair :
        fixture(QStringLiteral("asah.json"))[QStringLiteral("unpaired")].toArray()) {
        const DelongInterval a
            = delongInterval(data.markers.at(pair[QStringLiteral("a")].toString()), data.poor);
        const DelongInterval b
            = delongInterval(data.markers.at(pair[QStringLiteral("b")].toString()), data.poor);
        const double d = (a.auc - b.auc) / std::sqrt(a.se * a.se + b.se * b.se);
        compareClose(d, pair[QStringLiteral("d")].toDouble(), QStringLiteral("D"));
        compareClose(d, pair[QStringLiteral("published")][QStringLiteral("d")].toDouble(),
            QStringLiteral("published D"));
        compareClose(d, pair[QStringLiteral("proc")][QStringLiteral("d")].toDouble(),
            QStringLiteral("pROC D"));
        // The same through unpairedDelongTest: pROC's D, df and Student's t p.
        const auto samples = static_cast<std::int64_t>(data.poor.size());
        const DelongTest test = unpairedDelongTest(a, samples, b, samples);
        compareClose(test.z, d, QStringLiteral("unpairedDelongTest D"));
        compareClose(test.df, pair[QStringLiteral("df")].toDouble(), QStringLiteral("df"));
        compareClose(test.p, pair[QStringLiteral("p")].toDouble(), QStringLiteral("p"));
        compareClose(test.p, pair[QStringLiteral("proc")][QStringLiteral("p")].toDouble(),
            QStringLiteral("pROC p"));
        compareClose(
            test.lower, (a.auc - b.auc) - kZ975 * (a.auc - b.auc) / d, QStringLiteral("CI lower"));
    }
}

void TestPublishedReferences::scikitLearnToyCases_data()
{
    QTest::addColumn<QJsonObject>("expected");
    for (const QJsonValue& c :
        fixture(QStringLiteral("sklearn_toy.json"))[QStringLiteral("cases")].toArray())
        QTest::newRow(qPrintable(c[QStringLiteral("name")].toString())) << c.toObject();
}

void TestPublishedReferences::scikitLearnToyCases()
{
    QFETCH(QJsonObject, expected);
    const Binary in = binaryOf(expected);
    compareRoc(
        rocCurve(in.scores, in.positive), expected[QStringLiteral("rocDrop")].toObject(), in);
    compareRoc(rocCurve(in.scores, in.positive, false),
        expected[QStringLiteral("rocFull")].toObject(), in);
    // null where roc_auc_score raises (one class only): NaN here.
    compareClose(auroc(in.scores, in.positive), toDouble(expected[QStringLiteral("auroc")]),
        QStringLiteral("AUROC"));
    comparePartial(in, expected[QStringLiteral("partial")].toArray());
    comparePr(
        precisionRecallCurve(in.scores, in.positive), expected[QStringLiteral("pr")].toObject());
    // Without positives scikit-learn returns AP 0 with a warning; Focalscope reports it undefined.
    const double ap = averagePrecision(in.scores, in.positive);
    if (expected[QStringLiteral("positives")].toInt() == 0)
        QVERIFY2(std::isnan(ap), qPrintable(QString::number(ap, 'g', 17)));
    else
        compareClose(ap, expected[QStringLiteral("ap")].toDouble(), QStringLiteral("AP"));
}

void TestPublishedReferences::float64Scores_data()
{
    QTest::addColumn<QJsonObject>("expected");
    for (const QJsonValue& c :
        fixture(QStringLiteral("breast_cancer.json"))[QStringLiteral("cases")].toArray())
        QTest::newRow(qPrintable(c[QStringLiteral("name")].toString())) << c.toObject();
}

// GaussianNB probabilities (down to 1e-305) ranked as the doubles they are; rounding them to
// float32 ties distinct scores and moves AUROC and AP in the 3rd digit.
void TestPublishedReferences::float64Scores()
{
    QFETCH(QJsonObject, expected);
    const Binary in = binaryOf(expected);
    QCOMPARE(static_cast<qint64>(in.scores.size()),
        expected[QStringLiteral("positives")].toInteger()
            + expected[QStringLiteral("negatives")].toInteger());
    compareClose(auroc(in.scores, in.positive), expected[QStringLiteral("auroc")].toDouble(),
        QStringLiteral("float64 AUROC"));
    compareClose(averagePrecision(in.scores, in.positive),
        expected[QStringLiteral("ap")].toDouble(), QStringLiteral("float64 AP"));
    const DelongInterval ci = delongInterval(in.scores, in.positive);
    const QJsonObject delong = expected[QStringLiteral("delong")].toObject();
    compareClose(ci.auc, delong[QStringLiteral("auc")].toDouble(), QStringLiteral("DeLong AUC"));
    compareClose(ci.se, delong[QStringLiteral("se")].toDouble(), QStringLiteral("DeLong SE"));

    std::vector<double> rounded;
    for (const double s : in.scores)
        rounded.push_back(static_cast<double>(static_cast<float>(s)));
    const double aurocFloat32 = auroc(rounded, in.positive);
    const double apFloat32 = averagePrecision(rounded, in.positive);
    compareClose(aurocFloat32, expected[QStringLiteral("aurocFloat32")].toDouble(),
        QStringLiteral("float32 AUROC"));
    compareClose(
        apFloat32, expected[QStringLiteral("apFloat32")].toDouble(), QStringLiteral("float32 AP"));
    QVERIFY(std::abs(auroc(in.scores, in.positive) - aurocFloat32) > 1e-4);
}

void TestPublishedReferences::partialRangeRandom_data()
{
    QTest::addColumn<QJsonObject>("expected");
    for (const QJsonValue& c :
        fixture(QStringLiteral("partial_range.json"))[QStringLiteral("cases")].toArray())
        QTest::newRow(qPrintable(c[QStringLiteral("name")].toString())) << c.toObject();
}

void TestPublishedReferences::partialRangeRandom()
{
    QFETCH(QJsonObject, expected);
    const Binary in = binaryOf(expected);
    compareClose(auroc(in.scores, in.positive), expected[QStringLiteral("auroc")].toDouble(),
        QStringLiteral("AUROC"));
    comparePartial(in, expected[QStringLiteral("partial")].toArray());
    comparePartialRange(in, expected[QStringLiteral("partialRange")].toArray());
}

QTEST_GUILESS_MAIN(TestPublishedReferences)
#include "tst_published_references.moc"
