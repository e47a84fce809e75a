// Runs the built focalscope-cli on fixture files and compares its JSON with the values
// scikit-learn and torch give (tests/reference/gen_cli.py -> fixtures/cli/expected.json).

#include "fixture.h"

#include <QDir>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace focalscope::testing;

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runCli(const QStringList& arguments)
{
    QProcess process;
    process.setWorkingDirectory(testsDir());
    process.start(QStringLiteral(FOCALSCOPE_CLI), arguments);
    Run run;
    if (!process.waitForFinished(120000)) {
        process.kill();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
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
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).trimmed().split('\n');
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

QTEST_GUILESS_MAIN(TestCliEndToEnd)
#include "tst_cli_end_to_end.moc"
