// Summaries: the C++ reader, builder, writer and binned numbers against
// tests/reference/gen_summary.py (python/focalscope_summary.py's summaries, scikit-learn's
// exact AUROC, DESIGN.md's focal loss row by row). No Python runs here.

#include "fixture.h"
#include "io/read_error.h"
#include "summary/summary_builder.h"
#include "summary/summary_file.h"
#include "summary/summary_loss.h"
#include "summary/summary_reader.h"
#include "summary/summary_roc.h"
#include "summary/summary_writer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace focalscope;
using namespace focalscope::testing;

namespace {

QJsonObject caseNamed(const QString& name)
{
    const QJsonArray cases
        = loadJson("reference/fixtures/summary/expected.json").object().value("cases").toArray();
    for (const QJsonValue& c : cases)
        if (c.toObject().value("name").toString() == name)
            return c.toObject();
    throw std::runtime_error("no summary case " + name.toStdString());
}

std::string fixturePath(const QString& file)
{
    return (testsDir() + "/reference/fixtures/summary/" + file).toStdString();
}

bool near(double expected, double actual, double tolerance)
{
    if (std::isnan(expected))
        return std::isnan(actual);
    return std::abs(expected - actual) <= tolerance * std::max(1.0, std::abs(expected));
}

const QStringList kCases {
    "multiclass_logits", "binary_probabilities", "one_bin", "one_class", "demo"};

} // namespace

class TestSummary : public QObject {
    Q_OBJECT

private slots:
    void binnedAurocMatchesReference_data();
    void binnedAurocMatchesReference();
    void focalBracketMatchesReference_data();
    void focalBracketMatchesReference();
    void demoIntervalIsNarrow();
    void adversarialCases();
    void builderMatchesPythonSummary_data();
    void builderMatchesPythonSummary();
    void writeReadRoundTrip();
    void badFiles();
};

void TestSummary::binnedAurocMatchesReference_data()
{
    QTest::addColumn<QString>("name");
    for (const QString& name : kCases)
        QTest::newRow(qPrintable(name)) << name;
}

void TestSummary::binnedAurocMatchesReference()
{
    QFETCH(QString, name);
    const QJsonObject expected = caseNamed(name);
    const Summary s = readSummary(fixturePath(name + ".npz"));
    QCOMPARE(s.samples, expected.value("samples").toInteger());
    QCOMPARE(s.ignored, expected.value("ignored").toInteger());
    QCOMPARE(s.binary, expected.value("binary").toBool());
    const QJsonArray classes = expected.value("classes").toArray();
    QCOMPARE(s.classes(), classes.size());
    for (int c = 0; c < s.classes(); ++c) {
        const QJsonObject e = classes[c].toObject();
        const auto pos = classCounts(s.posCounts, s, c);
        const auto neg = classCounts(s.negCounts, s, c);
        const BinnedAuroc auroc = binnedAuroc(pos, neg);
        QVERIFY2(
            near(toDouble(e["binned_auroc"]), auroc.value, 1e-12), qPrintable(QString::number(c)));
        QVERIFY(near(toDouble(e["half_width"]), auroc.halfWidth, 1e-12));
        const double exact = toDouble(e["exact_auroc"]);
        if (!std::isnan(exact)) {
            QVERIFY(auroc.lower() - 1e-12 <= exact);
            QVERIFY(exact <= auroc.upper() + 1e-12);
        }
        QVERIFY(near(toDouble(e["binned_ap"]), binnedAveragePrecision(pos, neg), 1e-12));
        const BinnedDelong delong = binnedDelong(pos, neg);
        QVERIFY(near(toDouble(e["delong_se"]), delong.se, 1e-10));
        QVERIFY(near(toDouble(e["delong_lower"]), delong.lower, 1e-10));
        QVERIFY(near(toDouble(e["delong_upper"]), delong.upper, 1e-10));
    }
}

void TestSummary::focalBracketMatchesReference_data()
{
    binnedAurocMatchesReference_data();
}

void TestSummary::focalBracketMatchesReference()
{
    QFETCH(QString, name);
    const QJsonObject expected = caseNamed(name);
    const Summary s = readSummary(fixturePath(name + ".npz"));
    for (const QJsonValue& v : expected.value("focal").toArray()) {
        const QJsonObject e = v.toObject();
        std::vector<double> alpha;
        for (const QJsonValue& a : e["alpha"].toArray())
            alpha.push_back(a.toDouble());
        FocalParams params;
        params.mode = s.binary ? LossMode::Sigmoid : LossMode::Softmax;
        params.alpha = Alpha::fromList(alpha);
        params.gamma = e["gamma"].toDouble();
        const SummaryLoss loss = summaryFocalLoss(s, params);
        QVERIFY(near(e["lower"].toDouble(), loss.value.lower, 1e-12));
        QVERIFY(near(e["upper"].toDouble(), loss.value.upper, 1e-12));
        const double exact = e["exact"].toDouble();
        QVERIFY2(loss.value.lower <= exact * (1 + 1e-12) && exact <= loss.value.upper * (1 + 1e-12),
            qPrintable(QString("%1 not in [%2, %3]")
                           .arg(exact)
                           .arg(loss.value.lower)
                           .arg(loss.value.upper)));
        // The bracket is tight: a few thousandths of the loss for h = 2^-11.
        QVERIFY(loss.value.upper - loss.value.lower <= 5e-3 * exact);
    }
}

void TestSummary::demoIntervalIsNarrow()
{
    const Summary s = readSummary(fixturePath("demo.npz"));
    QCOMPARE(s.samples, 20000);
    for (int c = 0; c < s.classes(); ++c) {
        const BinnedAuroc a
            = binnedAuroc(classCounts(s.posCounts, s, c), classCounts(s.negCounts, s, c));
        QVERIFY2(a.upper() - a.lower() <= 1e-4, qPrintable(QString::number(a.upper() - a.lower())));
    }
}

void TestSummary::adversarialCases()
{
    // Every score in one bin: the binned AUROC is 1/2 and the interval all of [0, 1].
    {
        const Summary s = readSummary(fixturePath("one_bin.npz"));
        const BinnedAuroc a
            = binnedAuroc(classCounts(s.posCounts, s, 0), classCounts(s.negCounts, s, 0));
        QCOMPARE(a.value, 0.5);
        QCOMPARE(a.lower(), 0.0);
        QCOMPARE(a.upper(), 1.0);
    }
    // One class only: AUROC and DeLong undefined, the loss still bracketed.
    {
        const Summary s = readSummary(fixturePath("one_class.npz"));
        const auto pos = classCounts(s.posCounts, s, 0), neg = classCounts(s.negCounts, s, 0);
        QVERIFY(std::isnan(binnedAuroc(pos, neg).value));
        QVERIFY(std::isnan(binnedDelong(pos, neg).se));
        QCOMPARE(binnedAveragePrecision(pos, neg), 1.0);
    }
    // Hand-made counts: 2 positives above 2 negatives in separate bins: AUROC 1, width 0.
    {
        const std::vector<std::int64_t> pos {0, 0, 1, 1}, neg {1, 1, 0, 0};
        const BinnedAuroc a = binnedAuroc(pos, neg);
        QCOMPARE(a.value, 1.0);
        QCOMPARE(a.halfWidth, 0.0);
        const BinnedCurve curve = binnedCurve(pos, neg);
        QCOMPARE(curve.fpr, (std::vector<double> {0.0, 0.0, 0.0, 0.5, 1.0}));
        QCOMPARE(curve.tpr, (std::vector<double> {0.0, 0.5, 1.0, 1.0, 1.0}));
    }
}

void TestSummary::builderMatchesPythonSummary_data()
{
    QTest::addColumn<QString>("name");
    for (const char* name : {"multiclass_logits", "binary_probabilities", "one_bin", "one_class"})
        QTest::newRow(qPrintable(name)) << QString(name);
}

void TestSummary::builderMatchesPythonSummary()
{
    QFETCH(QString, name);
    const Summary python = readSummary(fixturePath(name + ".npz"));
    ReadOptions options;
    options.kind = python.kind == ScoreKind::Logits ? KindRequest::Logits : KindRequest::Auto;
    // Chunks of 7 rows: the streamed .npy path, chunk boundaries everywhere.
    const Summary cpp = summarizeFile(
        fixturePath(name + "_scores.npy"), fixturePath(name + "_labels.npy"), options, 7);
    QCOMPARE(cpp.kind, python.kind);
    QCOMPARE(cpp.binary, python.binary);
    QCOMPARE(cpp.samples, python.samples);
    QCOMPARE(cpp.ignored, python.ignored);
    QCOMPARE(cpp.posCounts, python.posCounts);
    QCOMPARE(cpp.negCounts, python.negCounts);
    QCOMPARE(cpp.ptCounts, python.ptCounts);
    // NumPy's exp and glibc's may differ in the last bit of a softmax probability.
    for (int c = 0; c < cpp.classes(); ++c) {
        QVERIFY(near(python.scoreMin[c], cpp.scoreMin[c], 1e-14));
        QVERIFY(near(python.scoreMax[c], cpp.scoreMax[c], 1e-14));
    }
    for (int t = 0; t < cpp.targets(); ++t) {
        QVERIFY(near(python.ptLogitMin[t], cpp.ptLogitMin[t], 1e-14));
        QVERIFY(near(python.ptLogitMax[t], cpp.ptLogitMax[t], 1e-14));
    }
}

void TestSummary::writeReadRoundTrip()
{
    const Summary s = readSummary(fixturePath("multiclass_logits.npz"));
    QTemporaryDir dir;
    const std::string path = (dir.path() + "/round trip.npz").toStdString();
    writeSummary(s, path);
    QVERIFY(isSummaryFile(path));
    const Summary back = readSummary(path);
    QCOMPARE(back.classNames, s.classNames);
    QCOMPARE(back.kind, s.kind);
    QCOMPARE(back.posCounts, s.posCounts);
    QCOMPARE(back.negCounts, s.negCounts);
    QCOMPARE(back.ptCounts, s.ptCounts);
    QCOMPARE(back.samples, s.samples);
    QCOMPARE(back.ignored, s.ignored);
    QCOMPARE(back.scoreMin, s.scoreMin);
    QCOMPARE(back.ptLogitMax, s.ptLogitMax);
}

void TestSummary::badFiles()
{
    QVERIFY(!isSummaryFile(fixturePath("multiclass_logits_scores.npy")));
    QVERIFY(!isSummaryFile(fixturePath("no such file.npz")));
    QVERIFY(!isSummaryFile((testsDir() + "/../resources/demo/demo.npz").toStdString()));
    try {
        readSummary((testsDir() + "/../resources/demo/demo.npz").toStdString());
        QFAIL("a predictions .npz read as a summary");
    } catch (const ReadError& error) {
        QVERIFY2(
            QString(error.what()).contains("demo.npz: not a Focalscope summary"), error.what());
    }
    // A label outside [0, C) names the row.
    SummaryBuilder builder(ScoreKind::Probabilities, {"a", "b"}, -100);
    const std::vector<double> x {0.5, 0.5, 0.2, 0.8};
    try {
        builder.add(x, std::vector<std::int64_t> {1, 2}, 10);
        QFAIL("label 2 accepted");
    } catch (const std::invalid_argument& error) {
        QCOMPARE(QString(error.what()), QString("row 11: label 2 outside [0, 2)"));
    }
}

QTEST_GUILESS_MAIN(TestSummary)
#include "tst_summary.moc"
