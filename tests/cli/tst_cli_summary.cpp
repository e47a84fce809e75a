// focalscope-cli summarize and opening a summary, end to end: the built program on the rows of
// tests/reference/gen_summary.py's cases, compared with its expected.json.

#include "cli_run.h"
#include "fixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
    QTest::newRow("plot of a summary")
        << QStringList {"--export-roc", "x.png", "one_bin.npz"} << 2 << "is a summary";
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

QTEST_GUILESS_MAIN(TestCliSummary)
#include "tst_cli_summary.moc"
