// Summaries: the C++ reader, builder, writer and binned numbers against
// tests/reference/gen_summary.py (python/focalscope_summary.py's summaries, scikit-learn's
// exact AUROC, DESIGN.md's focal loss row by row). No Python runs here.

#include "fixture.h"
#include "io/prediction_reader.h"
#include "io/read_error.h"
#include "summary/summary_builder.h"
#include "summary/summary_file.h"
#include "summary/summary_loss.h"
#include "summary/summary_reader.h"
#include "summary/summary_roc.h"
#include "summary/summary_roc_report.h"
#include "summary/summary_writer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>

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

void writeText(const std::string& path, const std::string& text)
{
    std::ofstream(path, std::ios::binary) << text;
}

std::string number(double value)
{
    char buffer[32];
    return std::string(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
}

// A case's rows (its .npy files) as CSV text, every score written exactly (shortest round trip):
// with the labels in a column named "target" after the first score column, or without labels.
std::string casesCsv(const Predictions& p, bool withLabels)
{
    std::string text;
    for (Index c = 0; c < p.classes(); ++c) {
        text += (c ? "," : "") + ("s" + std::to_string(c));
        if (c == 0 && withLabels)
            text += ",target";
    }
    text += '\n';
    for (Index r = 0; r < p.rows(); ++r) {
        for (Index c = 0; c < p.classes(); ++c) {
            text += (c ? "," : "") + number(p.scores(r, c));
            if (c == 0 && withLabels)
                text += "," + std::to_string(p.labels[r]);
        }
        text += '\n';
    }
    return text;
}

// An int64 .npy of the labels.
void writeLabelsNpy(const std::string& path, const std::vector<std::int64_t>& labels)
{
    std::string header = "{'descr': '<i8', 'fortran_order': False, 'shape': ("
        + std::to_string(labels.size()) + ",), }";
    header.append((64 - (10 + header.size() + 1) % 64) % 64, ' ');
    header += '\n';
    std::string bytes("\x93NUMPY\x01\x00", 8);
    bytes += static_cast<char>(header.size() & 0xff);
    bytes += static_cast<char>(header.size() >> 8);
    bytes += header;
    bytes.append(
        reinterpret_cast<const char*>(labels.data()), labels.size() * sizeof(std::int64_t));
    writeText(path, bytes);
}

// The message summarizeFile throws (chunks of 7 rows, CSV blocks of 256 bytes), or "".
QString summarizeError(
    const std::string& predictions, const std::string& labels = {}, const ReadOptions& options = {})
{
    try {
        summarizeFile(predictions, labels, options, 7, 256);
    } catch (const ReadError& error) {
        return QString::fromUtf8(error.what());
    }
    return {};
}

// The message readPredictions throws, or "".
QString readError(const std::string& predictions, const std::string& labels = {})
{
    try {
        readPredictions(predictions, labels);
    } catch (const ReadError& error) {
        return QString::fromUtf8(error.what());
    }
    return {};
}

void compareSummaries(const Summary& a, const Summary& b)
{
    QCOMPARE(a.kind, b.kind);
    QCOMPARE(a.binary, b.binary);
    QCOMPARE(a.samples, b.samples);
    QCOMPARE(a.ignored, b.ignored);
    QCOMPARE(a.posCounts, b.posCounts);
    QCOMPARE(a.negCounts, b.negCounts);
    QCOMPARE(a.ptCounts, b.ptCounts);
    const auto same = [](const std::vector<double>& x, const std::vector<double>& y) {
        return std::equal(x.begin(), x.end(), y.begin(), y.end(),
            [](double u, double v) { return u == v || (std::isnan(u) && std::isnan(v)); });
    };
    QVERIFY(same(a.scoreMin, b.scoreMin));
    QVERIFY(same(a.scoreMax, b.scoreMax));
    QVERIFY(same(a.ptLogitMin, b.ptLogitMin));
    QVERIFY(same(a.ptLogitMax, b.ptLogitMax));
}

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
    void csvStreamMatchesNpy_data();
    void csvStreamMatchesNpy();
    void csvStreamErrors();
    void csvStreamNonFiniteRows();
    void rocReportOfSummary_data();
    void rocReportOfSummary();
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

void TestSummary::csvStreamMatchesNpy_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("labelColumn");
    for (const QString name : {"multiclass_logits", "binary_probabilities", "one_bin", "one_class"})
        for (const bool labelColumn : {true, false})
            QTest::newRow(qPrintable(name + (labelColumn ? " label column" : " labels npy")))
                << name << labelColumn;
}

// The same rows as CSV, streamed in blocks of 256 bytes (block ends everywhere), give the
// summary of the .npy path exactly, and the Python module's counts.
void TestSummary::csvStreamMatchesNpy()
{
    QFETCH(QString, name);
    QFETCH(bool, labelColumn);
    const Summary python = readSummary(fixturePath(name + ".npz"));
    ReadOptions options;
    options.kind = python.kind == ScoreKind::Logits ? KindRequest::Logits : KindRequest::Auto;
    const std::string scores = fixturePath(name + "_scores.npy");
    const std::string labels = fixturePath(name + "_labels.npy");
    const Summary npy = summarizeFile(scores, labels, options);
    QTemporaryDir dir;
    const std::string csv = (dir.path() + "/rows.csv").toStdString();
    writeText(csv, casesCsv(readPredictions(scores, labels).predictions, labelColumn));
    const Summary streamed
        = summarizeFile(csv, labelColumn ? std::string() : labels, options, 1 << 16, 256);
    compareSummaries(streamed, npy);
    QCOMPARE(streamed.posCounts, python.posCounts);
    QCOMPARE(streamed.ptCounts, python.ptCounts);
    // The header's names are the classes.
    QCOMPARE(QString::fromStdString(streamed.classNames.front()), QString("s0"));
}

// A bad row far from the first block is reported with the file, line and column, in the words
// of readPredictions; what cannot be streamed says so.
void TestSummary::csvStreamErrors()
{
    QTemporaryDir dir;
    const std::string path = (dir.path() + "/bad.csv").toStdString();
    std::string text = "label,a,b\n";
    for (int r = 0; r < 300; ++r)
        text += std::to_string(r % 2) + ",0.25,0.75\n";
    std::string bad = text;
    // Line r + 2 holds row r (after the 10-byte header, 12 bytes a row).
    bad.replace(10 + 12 * 200, 12, "0,0.25,abc\n");
    writeText(path, bad);
    const QString message = summarizeError(path);
    QVERIFY2(message.contains("bad.csv:202: column 3 ('b'): expected a number, found 'abc'"),
        qPrintable(message));
    QCOMPARE(message, readError(path));

    std::string fields = text;
    fields.replace(10 + 12 * 249, 12, "1,0.25\n");
    writeText(path, fields);
    QVERIFY2(summarizeError(path).contains("bad.csv:251: expected 3 fields, found 2"),
        qPrintable(summarizeError(path)));
    QCOMPARE(summarizeError(path), readError(path));

    writeText(path, "label,a,b\n# nothing\n");
    QCOMPARE(summarizeError(path), readError(path));
    QVERIFY(summarizeError(path).contains("expected data rows after the header"));

    const std::string demo = (testsDir() + "/../resources/demo/demo.npz").toStdString();
    QVERIFY2(summarizeError(demo).contains("demo.npz: an .npz archive cannot be streamed"),
        qPrintable(summarizeError(demo)));
    const std::string labelsCsv = (dir.path() + "/labels.csv").toStdString();
    writeText(labelsCsv, "label\n0\n1\n");
    writeText(path, "a\n0.1\n0.9\n");
    QVERIFY(summarizeError(path, labelsCsv)
                .contains("labels.csv: labels in a CSV file are not streamed"));

    // A labels .npy of the wrong length: the count of both, as the .npy path says it.
    const std::string labelsNpy = (dir.path() + "/labels.npy").toStdString();
    writeText(path, "a\n0.1\n0.9\n0.3\n");
    writeLabelsNpy(labelsNpy, {0, 1});
    QVERIFY2(
        summarizeError(path, labelsNpy).contains("labels.npy: expected 3 labels (one per row of "),
        qPrintable(summarizeError(path, labelsNpy)));
    writeLabelsNpy(labelsNpy, {0, 1, 1, 0});
    QVERIFY(summarizeError(path, labelsNpy).contains("expected 3 labels"));
    writeLabelsNpy(labelsNpy, {0, 1, 2});
    QVERIFY2(summarizeError(path, labelsNpy).contains("labels.npy: row 2: label 2 outside [0, 2)"),
        qPrintable(summarizeError(path, labelsNpy)));
}

// Scores that are no finite number: harmless in a row with the ignore index, else the reader's
// error naming the line and column, or dropped with skipInvalid.
void TestSummary::csvStreamNonFiniteRows()
{
    QTemporaryDir dir;
    const std::string path = (dir.path() + "/scores.csv").toStdString();
    const std::string labels = (dir.path() + "/labels.npy").toStdString();
    writeText(path, "a,b\n0.2,0.8\n0.6,nan\n0.3,0.7\n");
    writeLabelsNpy(labels, {1, -100, 0});
    Summary s = summarizeFile(path, labels, {}, 7, 8);
    QCOMPARE(s.samples, 3);
    QCOMPARE(s.ignored, 1);
    QCOMPARE(s.kind, ScoreKind::Probabilities);

    writeLabelsNpy(labels, {1, 0, 0});
    QCOMPARE(summarizeError(path, labels), readError(path, labels));
    QVERIFY2(summarizeError(path, labels)
                 .contains("scores.csv:3: column 2 ('b'): expected a finite score, found nan"),
        qPrintable(summarizeError(path, labels)));
    ReadOptions skip;
    skip.skipInvalid = true;
    s = summarizeFile(path, labels, skip, 7, 8);
    QCOMPARE(s.samples, 2);

    writeText(path, "y,a,b\n1,0.2,0.8\n0,0.6,inf\n-100,0.1,nan\n");
    QCOMPARE(summarizeError(path), readError(path));
    s = summarizeFile(path, {}, skip, 7, 8);
    QCOMPARE(s.samples, 2);
    QCOMPARE(s.ignored, 1);
}

void TestSummary::rocReportOfSummary_data()
{
    binnedAurocMatchesReference_data();
}

// The report the plots and curve CSVs are drawn from: its curves give the binned AUROC and AP
// (the trapezoid over the bins counts a bin's ties 1/2), thresholds in the score's scale.
void TestSummary::rocReportOfSummary()
{
    QFETCH(QString, name);
    const Summary s = readSummary(fixturePath(name + ".npz"));
    const RocReport report = summaryRocReport(s);
    QCOMPARE(report.binary, s.binary);
    QCOMPARE(static_cast<int>(report.classes.size()), s.classes());
    for (int c = 0; c < s.classes(); ++c) {
        const ClassRoc& roc = report.classes[static_cast<std::size_t>(c)];
        const auto pos = classCounts(s.posCounts, s, c);
        const auto neg = classCounts(s.negCounts, s, c);
        const double auroc = binnedAuroc(pos, neg).value;
        QVERIFY(near(auroc, roc.auroc, 0.0));
        QVERIFY(near(auroc, aurocFromCurve(roc.roc), 1e-12));
        QVERIFY(near(binnedAveragePrecision(pos, neg), roc.averagePrecision, 0.0));
        QCOMPARE(roc.roc.thresholds.front(), std::numeric_limits<double>::infinity());
        QCOMPARE(roc.roc.tps.back(), roc.positives);
        QCOMPARE(roc.roc.fps.back(), roc.negatives);
        // The lowest occupied bin's lower edge: at most the class's minimum score.
        const double low = s.scoreMin[static_cast<std::size_t>(c)];
        QVERIFY(roc.roc.thresholds.back() <= low + 1e-12 * std::max(1.0, std::abs(low)));
        QVERIFY(std::is_sorted(roc.roc.thresholds.rbegin(), roc.roc.thresholds.rend()));
        // AP from the PR curve: sum_n (R_n - R_{n-1}) P_n, thresholds from the highest down.
        double ap = 0.0;
        for (std::size_t i = roc.pr.recall.size() - 1; i-- > 0;)
            ap += (roc.pr.recall[i] - roc.pr.recall[i + 1]) * roc.pr.precision[i];
        QVERIFY(near(roc.averagePrecision, roc.positives ? ap : std::nan(""), 1e-12));
        QCOMPARE(roc.pr.thresholds.size() + 1, roc.pr.precision.size());
        QCOMPARE(roc.pr.precision.back(), 1.0);
        QCOMPARE(roc.pr.recall.back(), 0.0);
    }
    if (!s.binary)
        QVERIFY(near(aurocFromCurve(report.microRoc), report.micro, 1e-12));
}

QTEST_GUILESS_MAIN(TestSummary)
#include "tst_summary.moc"
