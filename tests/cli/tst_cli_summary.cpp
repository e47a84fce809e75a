// focalscope-cli summarize and opening a summary, end to end: the built program on the rows of
// tests/reference/gen_summary.py's cases, compared with its expected.json.

#include "cli_run.h"
#include "fixture.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace focalscope::testing;

namespace {

using Run = CliRun;

// In the summary fixtures' folder, where the cases' files are.
Run runInFixtures(const QStringList& arguments)
{
    return runCli(arguments, testsDir() + "/reference/fixtures/summary");
}

QJsonObject caseNamed(const QString& name)
{
    for (const QJsonValue& c :
        loadJson("reference/fixtures/summary/expected.json").object().value("cases").toArray())
        if (c.toObject().value("name").toString() == name)
            return c.toObject();
    return {};
}

bool contains(const QJsonValue& bounds, double value)
{
    const QJsonArray b = bounds.toArray();
    return b.size() == 2 && b[0].toDouble() <= value * (1 + 1e-12) + 1e-15
        && value <= b[1].toDouble() * (1 + 1e-12) + 1e-15;
}

} // namespace

class TestCliSummary : public QObject {
    Q_OBJECT

private slots:
    void summarizeThenOpen_data();
    void summarizeThenOpen();
    void boundsHoldCoreExactNumbers();
    void textReport();
    void exitCodes_data();
    void exitCodes();
    void curvesAndPlotsFromSummary();
    void csvErrorsAsTheReader();
};

void TestCliSummary::summarizeThenOpen_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("multiclass logits") << "multiclass_logits";
    QTest::newRow("binary probabilities") << "binary_probabilities";
}

void TestCliSummary::summarizeThenOpen()
{
    QFETCH(QString, name);
    const QJsonObject expected = caseNamed(name);
    QTemporaryDir dir;
    const QString out = dir.path() + "/summary.npz";
    const Run made
        = runInFixtures({"summarize", name + "_scores.npy", name + "_labels.npy", "-o", out});
    QVERIFY2(made.exitCode == 0, made.err.constData());
    const Run opened = runInFixtures({"--json", out});
    QVERIFY2(opened.exitCode == 0, opened.err.constData());
    const QJsonObject json = QJsonDocument::fromJson(opened.out).object();
    QCOMPARE(json["binned"].toBool(), true);
    QCOMPARE(json["input"]["format"].toString(), QString("summary"));
    QCOMPARE(json["input"]["samples"].toInteger(), expected["samples"].toInteger());
    QCOMPARE(json["input"]["ignored"].toInteger(), expected["ignored"].toInteger());
    const QJsonArray classes = expected["classes"].toArray();
    const QJsonObject auroc = json["auroc"].toObject();
    for (qsizetype c = 0; c < classes.size(); ++c) {
        const QJsonObject e = classes[c].toObject();
        const bool binary = expected["binary"].toBool();
        const double value = binary ? auroc["value"].toDouble() : auroc["per_class"][c].toDouble();
        const QJsonValue bounds = binary ? auroc["bounds"] : auroc["bounds"][c];
        QVERIFY(std::abs(value - e["binned_auroc"].toDouble()) <= 1e-12);
        QVERIFY(contains(bounds, e["exact_auroc"].toDouble()));
    }
    // The default loss (alpha 0.25, gamma 2) is the first reference loss of both cases.
    const QJsonObject focal = expected["focal"].toArray()[0].toObject();
    QCOMPARE(focal["gamma"].toDouble(), 2.0);
    QVERIFY(contains(json["focal_loss"]["bounds"], focal["exact"].toDouble()));
    QVERIFY(std::abs(json["focal_loss"]["bounds"][0].toDouble() - focal["lower"].toDouble())
        <= 1e-12 * focal["lower"].toDouble());
}

// A CSV (read whole, not streamed) summarised: the CLI's own exact numbers on the rows lie in
// the summary's bounds, for several gammas.
void TestCliSummary::boundsHoldCoreExactNumbers()
{
    const QString csv = testsDir() + "/gui/data/three_class.csv";
    QTemporaryDir dir;
    const QString out = dir.path() + "/three_class.npz";
    const Run made = runInFixtures({"summarize", csv, "-o", out});
    QVERIFY2(made.exitCode == 0, made.err.constData());
    for (const QString gamma : {"0", "0.5", "2", "5"}) {
        const Run exact = runInFixtures({"--json", "--gamma", gamma, csv});
        const Run binned = runInFixtures({"--json", "--gamma", gamma, out});
        QCOMPARE(exact.exitCode, 0);
        QCOMPARE(binned.exitCode, 0);
        const QJsonObject e = QJsonDocument::fromJson(exact.out).object();
        const QJsonObject b = QJsonDocument::fromJson(binned.out).object();
        QVERIFY(contains(b["focal_loss"]["bounds"], e["focal_loss"]["value"].toDouble()));
        for (qsizetype c = 0; c < 3; ++c)
            QVERIFY(contains(b["auroc"]["bounds"][c], e["auroc"]["per_class"][c].toDouble()));
        for (const char* average : {"macro", "weighted", "micro"})
            QVERIFY2(contains(b["auroc"][QString(average) + "_bounds"],
                         e["auroc"][QLatin1String(average)].toDouble()),
                average);
    }
}

void TestCliSummary::textReport()
{
    const Run run = runInFixtures({"--gamma", "0", "multiclass_logits.npz"});
    QCOMPARE(run.exitCode, 0);
    const QString text = QString::fromUtf8(run.out);
    QVERIFY2(text.contains("summary (binned:"), run.out.constData());
    QVERIFY(text.contains("focal loss (softmax, gamma 0, mean):"));
    QVERIFY(text.contains("bounds ["));
}

void TestCliSummary::exitCodes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("no -o") << QStringList {"summarize", "one_bin_scores.npy", "one_bin_labels.npy"}
                           << 2 << "missing -o";
    QTest::newRow("concentration plot of a summary")
        << QStringList {"--export-concentration", "x.png", "one_bin.npz"} << 2 << "need the rows";
    QTest::newRow("per-row values of a summary")
        << QStringList {"--per-row", "x.csv", "one_bin.npz"} << 2 << "is a summary";
    QTest::newRow("operating point of a summary")
        << QStringList {"--operating-point", "youden", "one_bin.npz"} << 2 << "is a summary";
    QTest::newRow("DET points of a summary")
        << QStringList {"--det-csv", "x.csv", "one_bin.npz"} << 2 << "is a summary";
    QTest::newRow("plot with summarize") << QStringList {"summarize", "--export-roc", "x.png",
        "a.csv", "-o", "b.npz"} << 2 << "only --kind";
    QTest::newRow("summarize an npz") << QStringList {"summarize", "one_bin.npz", "-o", "never.npz"}
                                      << 3 << "one_bin.npz: an .npz archive cannot be streamed";
    QTest::newRow("labels with a summary")
        << QStringList {"one_bin.npz", "one_bin_labels.npy"} << 2 << "is a summary";
    QTest::newRow("json with summarize")
        << QStringList {"summarize", "--json", "a.npy", "-o", "b.npz"} << 2 << "only --kind";
    QTest::newRow("missing file") << QStringList {"summarize", "nothing.npy", "one_bin_labels.npy",
        "-o", "never.npz"} << 3 << "nothing.npy";
    QTest::newRow("float labels") << QStringList {"summarize", "one_bin_scores.npy",
        "one_bin_scores.npy", "-o", "never.npz"}
                                  << 3 << "one_bin_scores.npy: expected integer or bool labels";
    QTest::newRow("sigmoid of a multiclass summary")
        << QStringList {"--loss", "sigmoid", "multiclass_logits.npz"} << 2 << "softmax p_t";
}

void TestCliSummary::exitCodes()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const Run run = runInFixtures(arguments);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
}

// From a summary: the curve CSVs (their trapezoid areas are the binned AUROCs of the JSON) and
// the plots, drawn by the prediction path's code, titled "binned".
void TestCliSummary::curvesAndPlotsFromSummary()
{
    QTemporaryDir dir;
    const QString roc = dir.path() + "/roc.csv", pr = dir.path() + "/pr.csv";
    const QString rocSvg = dir.path() + "/roc.svg", prPng = dir.path() + "/pr.png";
    const QString detSvg = dir.path() + "/det.svg", lossSvg = dir.path() + "/loss.svg";
    const Run run = runInFixtures(
        {"--json", "multiclass_logits.npz", "--roc-csv", roc, "--pr-csv", pr, "--export-roc",
            rocSvg, "--export-pr", prPng, "--export-det", detSvg, "--export-loss", lossSvg});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    QVERIFY(json["binned"].toBool());

    QFile rocFile(roc);
    QVERIFY(rocFile.open(QIODevice::ReadOnly));
    QCOMPARE(rocFile.readLine(), QByteArray("class,threshold,fpr,tpr\n"));
    // Per class: the area under its points, and the first point (0, 0) at threshold inf.
    QMap<QString, double> area;
    QMap<QString, QPair<double, double>> last;
    while (!rocFile.atEnd()) {
        const QList<QByteArray> f = rocFile.readLine().trimmed().split(',');
        QCOMPARE(f.size(), 4);
        const QString name = QString::fromUtf8(f[0]);
        const double fpr = f[2].toDouble(), tpr = f[3].toDouble();
        if (!last.contains(name)) {
            QCOMPARE(f[1], QByteArray("inf"));
            QCOMPARE(fpr, 0.0);
            QCOMPARE(tpr, 0.0);
        } else {
            area[name] += (fpr - last[name].first) * (tpr + last[name].second) / 2;
        }
        last[name] = {fpr, tpr};
    }
    const QJsonArray perClass = json["auroc"]["per_class"].toArray();
    for (qsizetype c = 0; c < perClass.size(); ++c)
        QVERIFY2(std::abs(area[QString::number(c)] - perClass[c].toDouble()) <= 1e-9,
            qPrintable(QString::number(c)));
    QVERIFY(std::abs(area["micro"] - json["auroc"]["micro"].toDouble()) <= 1e-9);

    QFile prFile(pr);
    QVERIFY(prFile.open(QIODevice::ReadOnly));
    QCOMPARE(prFile.readLine(), QByteArray("class,threshold,precision,recall\n"));
    QVERIFY(prFile.size() > 1000);

    for (const QString& svg : {rocSvg, detSvg}) {
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY2(text.contains(", binned"), qPrintable(svg));
        QVERIFY(text.contains("from a summary of 2918 rows"));
    }
    QFile loss(lossSvg);
    QVERIFY(loss.open(QIODevice::ReadOnly));
    QVERIFY(loss.readAll().contains("a summary of 2918 rows"));
    QVERIFY(QFileInfo(prPng).size() > 1000);
}

// summarize streams a CSV, and a bad row is the same message as opening the file: file, line,
// column.
void TestCliSummary::csvErrorsAsTheReader()
{
    QTemporaryDir dir;
    const QString path = dir.path() + "/bad.csv";
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("label,a,b\n");
    for (int r = 0; r < 5000; ++r)
        file.write(r == 4321 ? "1,0.5,0x\n" : "0,0.25,0.75\n");
    file.close();
    const Run summarized = runCli({"summarize", path, "-o", dir.path() + "/s.npz"});
    const Run opened = runCli({"--json", path});
    QCOMPARE(summarized.exitCode, 3);
    QCOMPARE(opened.exitCode, 3);
    QVERIFY2(summarized.err.contains("bad.csv:4323: column 3 ('b'): expected a number, found '0x'"),
        summarized.err.constData());
    QCOMPARE(summarized.err, opened.err);
    QVERIFY(!QFileInfo::exists(dir.path() + "/s.npz"));
}

QTEST_GUILESS_MAIN(TestCliSummary)
#include "tst_cli_summary.moc"
