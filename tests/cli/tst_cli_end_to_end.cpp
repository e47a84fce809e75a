// Runs the built focalscope-cli on fixture files and compares its JSON with the values
// scikit-learn and torch give (tests/reference/gen_cli.py -> fixtures/cli/expected.json).

#include "cli_run.h"
#include "fixture.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <charconv>
#include <cmath>
#include <cstring>

using namespace focalscope::testing;

namespace {

using Run = CliRun;

// The "auroc" object of a --json run's output.
QJsonObject aurocOf(const Run& run)
{
    return QJsonDocument::fromJson(run.out).object().value("auroc").toObject();
}

// The lines of a text file the CLI wrote (empty when it cannot be read).
QStringList fileLines(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed().split('\n');
}

// Focal-loss values are compared to 1e-6 relative (torch in float64 on the same float32
// inputs), everything else (AUROC, AP, intervals) to 1e-12.
bool close(double expected, double actual, bool lossValue)
{
    if (lossValue)
        return std::abs(expected - actual) <= 1e-6 * std::max(1.0, std::abs(expected));
    return std::abs(expected - actual) <= 1e-12;
}

// Every field of expected must be in actual with an equal value; extra fields are allowed.
void compareJson(const QJsonValue& expected, const QJsonValue& actual, const QString& where,
    bool lossValue, QStringList& mismatches)
{
    if (expected.isObject()) {
        const QJsonObject e = expected.toObject();
        const QJsonObject a = actual.toObject();
        for (auto it = e.begin(); it != e.end(); ++it) {
            if (!a.contains(it.key())) {
                mismatches << where + "." + it.key() + ": missing";
                continue;
            }
            compareJson(it.value(), a.value(it.key()), where + "." + it.key(),
                lossValue || it.key() == "focal_loss", mismatches);
        }
    } else if (expected.isArray()) {
        const QJsonArray e = expected.toArray();
        const QJsonArray a = actual.toArray();
        if (e.size() != a.size()) {
            mismatches << QStringLiteral("%1: %2 entries, expected %3")
                              .arg(where)
                              .arg(a.size())
                              .arg(e.size());
            return;
        }
        for (qsizetype i = 0; i < e.size(); ++i)
            compareJson(e.at(i), a.at(i), QStringLiteral("%1[%2]").arg(where).arg(i), lossValue,
                mismatches);
    } else if (expected.isDouble()) {
        if (!actual.isDouble() || !close(expected.toDouble(), actual.toDouble(), lossValue))
            mismatches << QStringLiteral("%1: %2, expected %3")
                              .arg(where, actual.toVariant().toString())
                              .arg(expected.toDouble(), 0, 'g', 17);
    } else if (expected != actual) {
        mismatches << QStringLiteral("%1: %2, expected %3")
                          .arg(where, actual.toVariant().toString(),
                              expected.toVariant().toString());
    }
}

} // namespace

class TestCliEndToEnd : public QObject {
    Q_OBJECT

private slots:
    void matchesReference_data();
    void matchesReference();
    void exitCodes_data();
    void exitCodes();
    void textSummary();
    void rocCsv();
    void plotExports();
    void unwritableExport();
    void partialAurocOptions();
    void shortestNumbers();
    void prCsv();
    void perRowFiles();
    void headerNotUtf8();
    void detCsv_data();
    void detCsv();
    void detAndLogFprPlots();
    void operatingPointsMatchReference_data();
    void operatingPointsMatchReference();
    void operatingPointErrors();
    void lossCurveClass();
};

void TestCliEndToEnd::matchesReference_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QJsonObject>("expected");
    const QJsonArray cases
        = loadJson("reference/fixtures/cli/expected.json").object().value("cases").toArray();
    QVERIFY(cases.size() >= 4);
    for (const QJsonValue& c : cases) {
        QStringList arguments;
        for (const QJsonValue& a : c.toObject().value("args").toArray())
            arguments << a.toString();
        QTest::newRow(qPrintable(c.toObject().value("name").toString()))
            << arguments << c.toObject().value("expected").toObject();
    }
}

void TestCliEndToEnd::matchesReference()
{
    QFETCH(QStringList, arguments);
    QFETCH(QJsonObject, expected);
    const Run run = runCli(arguments);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(run.out, &error);
    QVERIFY2(!doc.isNull(), qPrintable(error.errorString()));
    QCOMPARE(doc.object().value("schema").toInt(), 1);
    QStringList mismatches;
    compareJson(expected, doc.object(), QStringLiteral("json"), false, mismatches);
    QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join('\n')));
}

void TestCliEndToEnd::exitCodes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("help") << QStringList {"--help"} << 0 << QString();
    QTest::newRow("version") << QStringList {"--version"} << 0 << QString();
    QTest::newRow("unknown option")
        << QStringList {"--nope", "x.csv"} << 2 << "unknown option --nope";
    QTest::newRow("no file") << QStringList {} << 2 << "missing PREDICTIONS file";
    QTest::newRow("alpha list of wrong length")
        << QStringList {"--alpha", "1,2", "data/cli/seed_multiclass.csv"} << 2 << "alpha";
    QTest::newRow("missing file") << QStringList {"data/cli/no_such_file.csv"} << 3
                                  << "no_such_file.csv";
}

void TestCliEndToEnd::exitCodes()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const Run run = runCli(arguments);
    QCOMPARE(run.exitCode, exitCode);
    if (!message.isEmpty())
        QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
    if (exitCode == 0)
        QVERIFY(!run.out.isEmpty());
}

void TestCliEndToEnd::textSummary()
{
    const Run run = runCli({"data/cli/seed_multiclass.csv"});
    QCOMPARE(run.exitCode, 0);
    const QString text = QString::fromUtf8(run.out);
    QVERIFY2(text.contains("3 classes, probabilities"), qPrintable(text));
    QVERIFY2(text.contains("AUROC macro 0.7778, weighted 0.7333, micro 0.7400, one-vs-one 0.8125"),
        qPrintable(text));
    QVERIFY2(text.contains("dog"), qPrintable(text));
}

void TestCliEndToEnd::rocCsv()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("roc.csv");
    const Run run = runCli({"--roc-csv", path, "data/cli/seed_binary.csv"});
    QCOMPARE(run.exitCode, 0);
    const QStringList lines = fileLines(path);
    // The seed's torchmetrics example, curve with drop_intermediate: header + 6 points.
    QCOMPARE(lines.front(), QStringLiteral("class,threshold,fpr,tpr"));
    QCOMPARE(lines.size(), 7);
    QVERIFY2(lines.at(1).endsWith(",inf,0,0"), qPrintable(lines.at(1)));
    QVERIFY2(lines.last().endsWith(",1,1"), qPrintable(lines.last()));
}

void TestCliEndToEnd::plotExports()
{
    QTemporaryDir dir;
    const Run run = runCli({"--export-roc", dir.filePath("roc.png"), "--export-pr",
        dir.filePath("pr.svg"), "--export-loss", dir.filePath("loss.pdf"), "--export-concentration",
        dir.filePath("concentration.png"), "--size", "640x480", "--dpi", "100",
        "data/cli/seed_multiclass.csv"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    for (const QString name : {"roc.png", "concentration.png"}) {
        const QImage image(dir.filePath(name));
        QVERIFY2(!image.isNull(), qPrintable(name));
        QCOMPARE(image.size(), QSize(640, 480));
    }
    QFile svg(dir.filePath("pr.svg"));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    const QByteArray svgText = svg.readAll();
    QVERIFY(svgText.contains("<svg"));
    QVERIFY(svgText.contains("<path"));
    QFile pdf(dir.filePath("loss.pdf"));
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    const QByteArray pdfText = pdf.readAll();
    QVERIFY(pdfText.startsWith("%PDF"));
    QVERIFY(pdfText.contains("/Type /Page"));
}

void TestCliEndToEnd::unwritableExport()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("missing-folder/roc.png");
    const Run run = runCli({"--export-roc", path, "data/cli/seed_binary.csv"});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(QString::fromUtf8(run.err).contains("missing-folder/roc.png"), run.err.constData());
    QVERIFY(!QFile::exists(path));
    // The numbers were still printed.
    QVERIFY(run.out.contains("AUROC"));
}

// --max-fpr 1 is the full AUROC (scikit-learn); --fpr-range gives raw and McClish areas.
void TestCliEndToEnd::partialAurocOptions()
{
    const Run full = runCli({"--json", "--max-fpr", "1", "data/cli/seed_binary.csv"});
    QCOMPARE(full.exitCode, 0);
    const QJsonObject auroc = aurocOf(full);
    QCOMPARE(auroc.value("partial").toDouble(), auroc.value("value").toDouble());

    const Run range = runCli({"--json", "--fpr-range", "0,0.5", "data/cli/seed_binary.csv"});
    QCOMPARE(range.exitCode, 0);
    const QJsonObject partial = aurocOf(range).value("partial_range").toObject();
    QCOMPARE(partial.value("range").toArray().at(1).toDouble(), 0.5);
    QVERIFY(std::abs(partial.value("raw").toDouble() - 1.0 / 6.0) < 1e-12);
    QVERIFY(std::abs(partial.value("mcclish").toDouble() - 5.0 / 9.0) < 1e-12);

    const Run multi = runCli({"--json", "--fpr-range", "0.1,0.3", "data/cli/seed_multiclass.csv"});
    QCOMPARE(multi.exitCode, 0);
    const QJsonArray perClass = aurocOf(multi).value("partial_range").toArray();
    QCOMPARE(perClass.size(), 3);

    const Run bad = runCli({"--fpr-range", "0.5,0.2", "data/cli/seed_binary.csv"});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains("--fpr-range"), bad.err.constData());
}

// Numbers in the shortest form that reads back: --gamma 0.1 comes back as 0.1. The input
// names its labels file (null when the labels are in the predictions file).
void TestCliEndToEnd::shortestNumbers()
{
    const Run run = runCli({"--json", "--gamma", "0.1", "data/cli/seed_binary.csv"});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("\"gamma\":0.1,"), run.out.constData());
    QVERIFY2(run.out.contains("\"labels_path\":null"), run.out.constData());
    const Run labels
        = runCli({"--json", "data/golden/scores_f8_c_le.npy", "data/golden/labels_6.npy"});
    QCOMPARE(labels.exitCode, 0);
    QVERIFY2(labels.out.contains("\"labels_path\":\"data/golden/labels_6.npy\""),
        labels.out.constData());
}

// Every point of scikit-learn's precision_recall_curve for the seed example.
void TestCliEndToEnd::prCsv()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("pr.csv");
    const Run run = runCli({"--pr-csv", path, "data/cli/seed_binary.csv"});
    QCOMPARE(run.exitCode, 0);
    const QStringList lines = fileLines(path);
    // The column is headed "score", a generic name: the class is "positive".
    const QStringList expected {"class,threshold,precision,recall", "positive,0.08,0.6,1",
        "positive,0.13,0.5,0.6666666666666666",
        "positive,0.19,0.6666666666666666,0.6666666666666666",
        "positive,0.26,0.5,0.3333333333333333", "positive,0.34,1,0.3333333333333333",
        "positive,inf,1,0"};
    QCOMPARE(lines, expected);
}

// The reduction none as CSV and as .npy (float64, N x 4: row, label, p_t, loss).
void TestCliEndToEnd::perRowFiles()
{
    QTemporaryDir dir;
    const QString csv = dir.filePath("rows.csv");
    const QString npy = dir.filePath("rows.npy");
    QCOMPARE(
        runCli({"--per-row", csv, "data/cli/ignore_index.csv", "--ignore-index", "255"}).exitCode,
        0);
    QCOMPARE(
        runCli({"--per-row", npy, "data/cli/ignore_index.csv", "--ignore-index", "255"}).exitCode,
        0);
    const QStringList lines = fileLines(csv);
    QCOMPARE(lines.size(), 201);
    QCOMPARE(lines.front(), QStringLiteral("row,label,p_t,loss"));
    QFile binary(npy);
    QVERIFY(binary.open(QIODevice::ReadOnly));
    const QByteArray bytes = binary.readAll();
    QVERIFY(bytes.startsWith(QByteArray("\x93NUMPY\x01\x00", 8)));
    const int headerLength
        = static_cast<unsigned char>(bytes[8]) | (static_cast<unsigned char>(bytes[9]) << 8);
    QCOMPARE((10 + headerLength) % 64, 0);
    QVERIFY(bytes.mid(10, headerLength).contains("'shape': (200, 4)"));
    QCOMPARE(bytes.size(), 10 + headerLength + 200 * 4 * 8);
    // Every CSV row's loss equals the .npy's, bit for bit (shortest round trip).
    for (int r = 0; r < 200; ++r) {
        double loss = 0.0;
        std::memcpy(&loss, bytes.constData() + 10 + headerLength + (r * 4 + 3) * 8, 8);
        QCOMPARE(lines.at(r + 1).split(',').at(3).toDouble(), loss);
    }
    QCOMPARE(
        runCli({"--per-row", dir.filePath("rows.txt"), "data/cli/seed_binary.csv"}).exitCode, 2);
}

// A Latin-1 header: valid UTF-8 JSON, U+FFFD in the class name, a warning naming the file.
void TestCliEndToEnd::headerNotUtf8()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("latin1.csv");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("label,caf\xe9,tea\n0,0.9,0.1\n1,0.3,0.7\n");
    file.close();
    const Run run = runCli({"--json", path});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(QString::fromUtf8(run.out).toUtf8() == run.out); // round-trips: valid UTF-8
    const QJsonObject root = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(root.value("input").toObject().value("class_names").toArray().at(0).toString(),
        QStringLiteral("caf\uFFFD"));
    QVERIFY2(root.value("warnings").toArray().at(0).toString().contains("latin1.csv"),
        run.out.constData());
}

void TestCliEndToEnd::detCsv_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("binary") << "seed_binary.csv";
    QTest::newRow("multiclass") << "seed_multiclass.csv";
}

// Every row of --det-csv is scikit-learn's det_curve point (tests/reference/gen_det.py), in its
// order, numbers exact.
void TestCliEndToEnd::detCsv()
{
    QFETCH(QString, file);
    QTemporaryDir dir;
    const QString path = dir.filePath("det.csv");
    const Run run = runCli({"--det-csv", path, "data/cli/" + file});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QStringList lines = fileLines(path);
    QCOMPARE(lines.front(), QStringLiteral("class,threshold,fpr,fnr"));
    QStringList expected;
    const QJsonArray classes = loadJson("reference/fixtures/roc/det_cases.json")
                                   .object()
                                   .value("cli")
                                   .toObject()
                                   .value(file)
                                   .toArray();
    QVERIFY(!classes.isEmpty());
    qsizetype row = 1;
    for (const QJsonValue& c : classes) {
        const QJsonArray fpr = c["fpr"].toArray();
        for (qsizetype i = 0; i < fpr.size(); ++i, ++row) {
            QVERIFY2(row < lines.size(), "too few rows");
            const QStringList fields = lines[row].split(',');
            QCOMPARE(fields.size(), 4);
            // A multiclass file's classes are its headers; a binary file's one class is named
            // by the CLI's own rule (a generic score column is "positive").
            if (classes.size() > 1)
                QCOMPARE(fields[0], c["class"].toString());
            else
                QCOMPARE(fields[0], lines[1].split(',').front());
            QCOMPARE(fields[1].toDouble(), c["thresholds"][i].toDouble());
            QCOMPARE(fields[2].toDouble(), fpr[i].toDouble());
            QCOMPARE(fields[3].toDouble(), c["fnr"][i].toDouble());
        }
    }
    QCOMPARE(row, lines.size());
}

// --export-det draws the DET chart; --log-fpr puts the ROC plot's FPR axis in log scale.
void TestCliEndToEnd::detAndLogFprPlots()
{
    QTemporaryDir dir;
    const Run run
        = runCli({"--export-det", dir.filePath("det.png"), "--export-roc", dir.filePath("roc.svg"),
            "--log-fpr", "--size", "640x480", "--dpi", "100", "data/cli/seed_multiclass.csv"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QImage det(dir.filePath("det.png"));
    QCOMPARE(det.size(), QSize(640, 480));
    QFile svg(dir.filePath("roc.svg"));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    const QByteArray text = svg.readAll();
    QVERIFY(text.contains("False positive rate (log scale)"));
    QFile detSvg(dir.filePath("det.svg"));
    const Run svgRun
        = runCli({"--export-det", dir.filePath("det.svg"), "data/cli/seed_binary.csv"});
    QVERIFY2(svgRun.exitCode == 0, svgRun.err.constData());
    QVERIFY(detSvg.open(QIODevice::ReadOnly));
    const QByteArray detText = detSvg.readAll();
    QVERIFY(detText.contains("DET curve") && detText.contains(">50%<"));
    // Without --log-fpr the axis is linear.
    const Run linear
        = runCli({"--export-roc", dir.filePath("linear.svg"), "data/cli/seed_multiclass.csv"});
    QCOMPARE(linear.exitCode, 0);
    QFile linearSvg(dir.filePath("linear.svg"));
    QVERIFY(linearSvg.open(QIODevice::ReadOnly));
    QVERIFY(!linearSvg.readAll().contains("log scale"));
}

namespace {

// tests/reference/gen_thresholds.py's cases (+inf written "inf").
QJsonObject thresholdFixture()
{
    return loadJson("reference/fixtures/thresholds/cases.json").object();
}

// A case of gen_thresholds.py as a CSV file: label, then the score columns (shortest round-trip
// numbers, so the CLI reads the very doubles).
QString writeThresholdCase(const QJsonObject& testCase, const QString& dir)
{
    const bool binary = testCase.value("task").toString() == QLatin1String("binary");
    const QJsonArray scores = testCase.value("scores").toArray();
    const QJsonArray labels = testCase.value("labels").toArray();
    QByteArray csv = binary ? "label,score\n" : "label,c0,c1,c2\n";
    auto number = [&csv](double value) {
        char buffer[32];
        const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
        csv += ',';
        csv.append(buffer, end - buffer);
    };
    for (qsizetype i = 0; i < scores.size(); ++i) {
        csv += QByteArray::number(labels.at(i).toInt());
        if (binary)
            number(scores.at(i).toDouble());
        else
            for (const QJsonValue& v : scores.at(i).toArray())
                number(v.toDouble());
        csv += '\n';
    }
    const QString path = dir + "/" + testCase.value("name").toString() + ".csv";
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// The run's JSON on a case with every rule of the fixture.
QJsonObject runThresholdCase(const QJsonObject& testCase, const QJsonArray& rules,
    const QString& dir, const QStringList& extra = {})
{
    const bool binary = testCase.value("task").toString() == QLatin1String("binary");
    // A binary case's scores go past 1: read as one logit column, ranked as given.
    QStringList arguments {"--json", "--kind", binary ? "logits" : "probabilities"};
    for (const QJsonValue& rule : rules)
        arguments << "--operating-point" << rule.toString();
    arguments << extra << writeThresholdCase(testCase, dir);
    const Run run = runCli(arguments);
    if (run.exitCode != 0)
        qFatal("focalscope-cli failed: %s", run.err.constData());
    return QJsonDocument::fromJson(run.out).object();
}

} // namespace

void TestCliEndToEnd::operatingPointsMatchReference_data()
{
    QTest::addColumn<QJsonObject>("testCase");
    for (const QJsonValue& c : thresholdFixture().value("cases").toArray())
        QTest::newRow(qPrintable(c.toObject().value("name").toString())) << c.toObject();
}

void TestCliEndToEnd::operatingPointsMatchReference()
{
    QFETCH(QJsonObject, testCase);
    QTemporaryDir dir;
    const QJsonArray rules = thresholdFixture().value("rules").toArray();
    const QJsonObject root = runThresholdCase(testCase, rules, dir.path());
    const QJsonArray classes = testCase.value("classes").toArray();
    const QJsonArray points = root.value("operating_points").toArray();
    QCOMPARE(points.size(), rules.size() * classes.size());
    QStringList mismatches;
    for (qsizetype r = 0; r < rules.size(); ++r)
        for (qsizetype c = 0; c < classes.size(); ++c) {
            QJsonObject expected = classes.at(c)["rules"].toArray().at(r).toObject();
            const QJsonObject actual = points.at(r * classes.size() + c).toObject();
            QCOMPARE(actual.value("rule").toString(), rules.at(r).toString());
            expected.remove("index");
            if (expected.value("threshold").isString()) // +inf: JSON null
                expected.insert("threshold", QJsonValue::Null);
            if (expected.value("iso_cost_slope").isString())
                expected.insert("iso_cost_slope", QJsonValue::Null);
            compareJson(expected, actual,
                rules.at(r).toString() + QStringLiteral("/class") + QString::number(c), false,
                mismatches);
        }
    QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join('\n')));
    if (testCase.value("task").toString() == QLatin1String("multiclass")) {
        QCOMPARE(
            root.value("confusion_matrix").toArray(), testCase.value("confusion_matrix").toArray());
    } else {
        QVERIFY(!root.contains("confusion_matrix"));
        // A score column headed "score" is the positive class.
        QCOMPARE(points.at(0).toObject().value("class").toString(), QStringLiteral("positive"));
    }
}

void TestCliEndToEnd::operatingPointErrors()
{
    // The rows youden gets wrong on the 3-class case: one line per row, counts as NumPy's.
    QTemporaryDir dir;
    QJsonObject testCase;
    for (const QJsonValue& c : thresholdFixture().value("cases").toArray())
        if (c.toObject().value("name").toString() == QLatin1String("three_class_600"))
            testCase = c.toObject();
    const QString errors = dir.filePath("errors.csv");
    runThresholdCase(testCase, QJsonArray {"youden", "f1"}, dir.path(), {"--errors-csv", errors});
    const QStringList lines = fileLines(errors);
    QCOMPARE(lines.front(), QStringLiteral("class,error,row,label,score,p_t,loss"));
    const QJsonArray classes = testCase.value("classes").toArray();
    for (qsizetype c = 0; c < classes.size(); ++c) {
        const QJsonObject expected = classes.at(c)["errors"].toObject();
        const QString name = "c" + QString::number(c);
        const QStringList fp = lines.filter(QRegularExpression("^" + name + ",false_positive,"));
        const QStringList fn = lines.filter(QRegularExpression("^" + name + ",false_negative,"));
        QCOMPARE(fp.size(), expected.value("fp_count").toInt());
        QCOMPARE(fn.size(), expected.value("fn_count").toInt());
        // Hardest first: the reference's first rows, in order.
        const QJsonArray fpRows = expected.value("fp_rows").toArray();
        for (qsizetype k = 0; k < fpRows.size(); ++k)
            QCOMPARE(fp.at(k).section(',', 2, 2).toInt(), fpRows.at(k).toInt());
        QVERIFY(!fp.front().section(',', 5, 5).isEmpty()); // p_t and loss filled in
    }
    // --errors-csv needs a rule; a bad rule exits 2 and names it.
    Run run = runCli({"--errors-csv", errors, "data/cli/seed_binary.csv"});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--errors-csv: needs an --operating-point"), run.err.constData());
    run = runCli({"--operating-point", "fpr=0.5x", "data/cli/seed_binary.csv"});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--operating-point: operating point rule 'fpr=0.5x': expected a "
                              "number for the FPR, got '0.5x'"),
        run.err.constData());
    // The text report lists the points.
    run = runCli({"--operating-point", "youden", "data/cli/seed_binary.csv"});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("operating points (predicted positive: score >= threshold)"),
        run.out.constData());
}

// --loss-curve-class names the class whose alpha the loss plot uses (name or index).
void TestCliEndToEnd::lossCurveClass()
{
    QTemporaryDir dir;
    // The seed's scalar alpha 0.25: class 0 weighs 0.25, the others 0.75.
    const Run byIndex = runCli({"--export-loss", dir.filePath("loss0.svg"), "--loss-curve-class",
        "0", "data/cli/seed_multiclass.csv"});
    QVERIFY2(byIndex.exitCode == 0, byIndex.err.constData());
    QFile svg0(dir.filePath("loss0.svg"));
    QVERIFY(svg0.open(QIODevice::ReadOnly));
    QVERIFY(svg0.readAll().contains("class cat)"));
    const Run byDefault
        = runCli({"--export-loss", dir.filePath("loss1.svg"), "data/cli/seed_multiclass.csv"});
    QCOMPARE(byDefault.exitCode, 0);
    QFile svg1(dir.filePath("loss1.svg"));
    QVERIFY(svg1.open(QIODevice::ReadOnly));
    QVERIFY(svg1.readAll().contains("class dog)"));
    const Run unknown = runCli({"--export-loss", dir.filePath("x.svg"), "--loss-curve-class",
        "zebra", "data/cli/seed_multiclass.csv"});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY(unknown.err.contains("no class 'zebra'"));
}

QTEST_GUILESS_MAIN(TestCliEndToEnd)
#include "tst_cli_end_to_end.moc"
