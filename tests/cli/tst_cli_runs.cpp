// focalscope-cli --run end to end: pROC's aSAH markers as three prediction files sharing one
// labels file reproduce pROC's paired DeLong figures (DESIGN.md; fixtures/runs/runs.json of
// tests/reference/gen_runs.py) through --run; a run with its own label column, a run on other
// rows (unpaired, with the reason), --unpaired, --folds, the text table, and the errors.

#include "cli_run.h"
#include "fixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace focalscope::testing;

namespace {

constexpr double kTolerance = 1e-12;

bool close(double actual, double expected)
{
    return std::abs(actual - expected) <= kTolerance * std::max(1.0, std::abs(expected));
}

QString data(const char* name)
{
    return QStringLiteral("data/cli/") + QLatin1String(name);
}

QJsonObject jsonOf(const CliRun& run)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(run.out, &error);
    if (doc.isNull())
        qWarning("not JSON: %s", qPrintable(error.errorString()));
    return doc.object();
}

QJsonObject asahFixture()
{
    return loadJson(QStringLiteral("reference/fixtures/runs/runs.json"))
        .object()[QStringLiteral("asah")]
        .toObject();
}

} // namespace

class TestCliRuns : public QObject {
    Q_OBJECT

private slots:
    void asahPaired();
    void ownLabelsAndOtherRows();
    void unpairedOnRequest();
    void folds();
    void textTable();
    void classesDiffer();
    void unreadableRun();
    void plotsDrawEveryRun();
    void bootstrapOfTheDelta();
    void calibrationAndBootstrapPerRun();
};

// wfns, s100b, ndka sharing asah_labels.csv: pROC's Z, p and delta CI, Holm over the three.
void TestCliRuns::asahPaired()
{
    const CliRun run = runCli({QStringLiteral("--json"), data("asah_wfns.csv"),
        data("asah_labels.csv"), QStringLiteral("--run"), data("asah_s100b.csv"),
        QStringLiteral("--run"), data("asah_ndka.csv")});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject json = jsonOf(run);
    const QJsonArray runs = json[QStringLiteral("runs")].toArray();
    QCOMPARE(runs.size(), 3);
    QCOMPARE(runs[0][QStringLiteral("name")].toString(), QStringLiteral("asah_wfns"));
    QCOMPARE(runs[2][QStringLiteral("path")].toString(), data("asah_ndka.csv"));
    // Run A is also the top level.
    QCOMPARE(runs[0][QStringLiteral("auroc")].toObject(), json[QStringLiteral("auroc")].toObject());
    QCOMPARE(runs[0][QStringLiteral("focal_loss")].toObject(),
        json[QStringLiteral("focal_loss")].toObject());
    QCOMPARE(json[QStringLiteral("folds")], QJsonValue(QJsonValue::Undefined));

    const QJsonArray comparisons = json[QStringLiteral("comparisons")].toArray();
    const QJsonArray expected = asahFixture()[QStringLiteral("paired")].toArray();
    QCOMPARE(comparisons.size(), expected.size());
    const QStringList names {
        QStringLiteral("wfns"), QStringLiteral("s100b"), QStringLiteral("ndka")};
    for (qsizetype k = 0; k < comparisons.size(); ++k) {
        const QJsonObject c = comparisons[k].toObject();
        const QJsonObject e = expected[k].toObject();
        QCOMPARE(names[c[QStringLiteral("a")].toInt()], e[QStringLiteral("a")].toString());
        QCOMPARE(names[c[QStringLiteral("b")].toInt()], e[QStringLiteral("b")].toString());
        QCOMPARE(c[QStringLiteral("class")].toString(), QStringLiteral("Poor"));
        QCOMPARE(c[QStringLiteral("paired")].toBool(), true);
        QVERIFY(!c.contains(QStringLiteral("reason")));
        for (const char* key : {"z", "p", "p_holm", "delta"})
            QVERIFY2(
                close(c[QLatin1String(key)].toDouble(), e[QLatin1String(key)].toDouble()), key);
        QVERIFY(
            close(c[QStringLiteral("auroc_a")].toDouble(), e[QStringLiteral("auc_a")].toDouble()));
        QVERIFY(
            close(c[QStringLiteral("auroc_b")].toDouble(), e[QStringLiteral("auc_b")].toDouble()));
        const QJsonObject published = e[QStringLiteral("published")].toObject();
        const double sign = published[QStringLiteral("a")] == e[QStringLiteral("a")] ? 1.0 : -1.0;
        QVERIFY(close(
            sign * c[QStringLiteral("z")].toDouble(), published[QStringLiteral("z")].toDouble()));
        if (published.contains(QStringLiteral("ci95"))) {
            QVERIFY(close(c[QStringLiteral("ci95")][0].toDouble(),
                published[QStringLiteral("ci95")][0].toDouble()));
            QVERIFY(close(c[QStringLiteral("ci95")][1].toDouble(),
                published[QStringLiteral("ci95")][1].toDouble()));
            QVERIFY(close(
                c[QStringLiteral("p")].toDouble(), published[QStringLiteral("p")].toDouble()));
        }
    }
}

// ndka with its own label column: paired with wfns; s100b of the first 100 patients: unpaired,
// with the reason; the same file twice gets a unique name.
void TestCliRuns::ownLabelsAndOtherRows()
{
    const CliRun run
        = runCli({QStringLiteral("--json"), data("asah_wfns.csv"), data("asah_labels.csv"),
            QStringLiteral("--run"), data("asah_ndka_labelled.csv"), QStringLiteral("--run"),
            data("asah_s100b_first100.csv"), QStringLiteral("--run"), data("asah_wfns.csv")});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject json = jsonOf(run);
    const QJsonArray runs = json[QStringLiteral("runs")].toArray();
    QCOMPARE(runs[3][QStringLiteral("name")].toString(), QStringLiteral("asah_wfns-2"));
    const QJsonArray comparisons = json[QStringLiteral("comparisons")].toArray();
    QCOMPARE(comparisons.size(), 6);
    const QJsonObject ab = comparisons[0].toObject();
    QVERIFY(ab[QStringLiteral("paired")].toBool());
    const QJsonObject wfnsNdka = asahFixture()[QStringLiteral("paired")][1].toObject();
    QVERIFY(close(ab[QStringLiteral("z")].toDouble(), wfnsNdka[QStringLiteral("z")].toDouble()));
    const QJsonObject ac = comparisons[1].toObject();
    QVERIFY(!ac[QStringLiteral("paired")].toBool());
    QCOMPARE(
        ac[QStringLiteral("reason")].toString(), QStringLiteral("run C has 100 rows, run A 113"));
    QVERIFY(ac[QStringLiteral("df")].toDouble() > 100.0);
    // wfns against itself: delta 0, z 0, p 1.
    const QJsonObject ad = comparisons[2].toObject();
    QVERIFY(ad[QStringLiteral("paired")].toBool());
    QCOMPARE(ad[QStringLiteral("delta")].toDouble(), 0.0);
    QCOMPARE(ad[QStringLiteral("z")].toDouble(), 0.0);
    QCOMPARE(ad[QStringLiteral("p")].toDouble(), 1.0);
}

// pROC's unpaired D for wfns vs s100b, and its Student's t p.
void TestCliRuns::unpairedOnRequest()
{
    const CliRun run
        = runCli({QStringLiteral("--json"), QStringLiteral("--unpaired"), data("asah_wfns.csv"),
            data("asah_labels.csv"), QStringLiteral("--run"), data("asah_s100b.csv")});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject c = jsonOf(run)[QStringLiteral("comparisons")][0].toObject();
    const QJsonObject e = asahFixture()[QStringLiteral("unpaired")][0].toObject();
    QVERIFY(!c[QStringLiteral("paired")].toBool());
    QVERIFY(!c.contains(QStringLiteral("reason")));
    QVERIFY(close(c[QStringLiteral("z")].toDouble(),
        e[QStringLiteral("published")][QStringLiteral("d")].toDouble()));
    QVERIFY(close(c[QStringLiteral("p")].toDouble(),
        e[QStringLiteral("proc")][QStringLiteral("p")].toDouble()));
    QVERIFY(close(c[QStringLiteral("df")].toDouble(), e[QStringLiteral("df")].toDouble()));
}

// The three markers as folds: their AUROCs' mean and sd, the pooled AUROC and 201 points.
void TestCliRuns::folds()
{
    const CliRun run = runCli({QStringLiteral("--json"), QStringLiteral("--folds"),
        data("asah_wfns.csv"), data("asah_labels.csv"), QStringLiteral("--run"),
        data("asah_s100b.csv"), QStringLiteral("--run"), data("asah_ndka.csv")});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject json = jsonOf(run);
    QVERIFY(!json.contains(QStringLiteral("comparisons")));
    const QJsonArray folds = json[QStringLiteral("folds")].toArray();
    QCOMPARE(folds.size(), 1);
    const QJsonObject f = folds[0].toObject();
    QCOMPARE(f[QStringLiteral("class")].toString(), QStringLiteral("Poor"));
    const QJsonArray paired = asahFixture()[QStringLiteral("paired")].toArray();
    const double a = paired[0][QStringLiteral("auc_a")].toDouble(); // wfns
    const double b = paired[0][QStringLiteral("auc_b")].toDouble(); // s100b
    const double c = paired[1][QStringLiteral("auc_b")].toDouble(); // ndka
    const double mean = (a + b + c) / 3.0;
    const double sd = std::sqrt(
        ((a - mean) * (a - mean) + (b - mean) * (b - mean) + (c - mean) * (c - mean)) / 2.0);
    QVERIFY(close(f[QStringLiteral("auroc_mean")].toDouble(), mean));
    QVERIFY(close(f[QStringLiteral("auroc_sd")].toDouble(), sd));
    QCOMPARE(f[QStringLiteral("aurocs")].toArray().size(), 3);
    const QJsonObject vertical = f[QStringLiteral("vertical")].toObject();
    for (const char* key : {"fpr", "tpr_mean", "tpr_sd", "tpr_lo", "tpr_hi"})
        QCOMPARE(vertical[QLatin1String(key)].toArray().size(), 201);
    QCOMPARE(vertical[QStringLiteral("tpr_mean")][200].toDouble(), 1.0);
    const double pooled = f[QStringLiteral("pooled_auroc")].toDouble();
    QVERIFY(pooled > 0.5 && pooled < 1.0);
}

void TestCliRuns::textTable()
{
    const CliRun run = runCli({data("asah_wfns.csv"), data("asah_labels.csv"),
        QStringLiteral("--run"), data("asah_s100b.csv")});
    QCOMPARE(run.exitCode, 0);
    const QString text = QString::fromUtf8(run.out);
    QVERIFY2(text.contains(QStringLiteral("B  asah_s100b  113")), qPrintable(text));
    QVERIFY2(
        text.contains(QStringLiteral("Poor          A - B  0.0923   [0.0104, 0.1742]    2.209    "
                                     "0.0272    0.0272    paired")),
        qPrintable(text));
}

// A run whose classes differ from run A's: exit 3 naming the file.
void TestCliRuns::classesDiffer()
{
    const CliRun run = runCli({data("asah_wfns.csv"), data("asah_labels.csv"),
        QStringLiteral("--run"), data("seed_multiclass.csv")});
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(QString::fromUtf8(run.err).trimmed(),
        QStringLiteral("focalscope-cli: data/cli/seed_multiclass.csv has 3 score columns, "
                       "data/cli/asah_wfns.csv 1 score column: runs must have the same classes"));
    QVERIFY(run.out.isEmpty());
}

void TestCliRuns::unreadableRun()
{
    const CliRun run = runCli({data("asah_wfns.csv"), data("asah_labels.csv"),
        QStringLiteral("--run"), data("no_such_run.csv")});
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains("no_such_run.csv"), run.err.constData());
}

void TestCliRuns::plotsDrawEveryRun()
{
    // ROC, PR and DET draw every run, as the window does (overlayRuns).
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString roc = dir.filePath(QStringLiteral("roc.svg"));
    const QString pr = dir.filePath(QStringLiteral("pr.svg"));
    const CliRun run
        = runCli({data("asah_wfns.csv"), data("asah_labels.csv"), QStringLiteral("--run"),
            data("asah_s100b.csv"), QStringLiteral("--run"), data("asah_ndka.csv"),
            QStringLiteral("--export-roc"), roc, QStringLiteral("--export-pr"), pr});
    QCOMPARE(run.exitCode, 0);
    for (const QString& path : {roc, pr}) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString svg = QString::fromUtf8(file.readAll());
        for (const char* name : {"asah_wfns", "asah_s100b", "asah_ndka"})
            QVERIFY2(svg.contains(QLatin1String(name)), name);
    }
}

// --bootstrap with runs: each paired delta gets its stratified percentile interval, the same
// for the same seed; an unpaired comparison has none.
void TestCliRuns::bootstrapOfTheDelta()
{
    const QStringList arguments {QStringLiteral("--json"), data("asah_wfns.csv"),
        data("asah_labels.csv"), QStringLiteral("--run"), data("asah_s100b.csv"),
        QStringLiteral("--run"), data("asah_s100b_first100.csv"), QStringLiteral("--bootstrap"),
        QStringLiteral("300"), QStringLiteral("--seed"), QStringLiteral("7")};
    const CliRun first = runCli(arguments);
    QCOMPARE(first.exitCode, 0);
    const QJsonArray comparisons = jsonOf(first)[QStringLiteral("comparisons")].toArray();
    QCOMPARE(comparisons.size(), 3);
    int paired = 0;
    for (const QJsonValue& value : comparisons) {
        const QJsonObject c = value.toObject();
        if (!c[QStringLiteral("paired")].toBool()) {
            QVERIFY(!c.contains(QStringLiteral("bootstrap")));
            continue;
        }
        ++paired;
        const QJsonObject bootstrap = c[QStringLiteral("bootstrap")].toObject();
        QCOMPARE(bootstrap[QStringLiteral("replicates")].toInt(), 300);
        QCOMPARE(bootstrap[QStringLiteral("seed")].toInt(), 7);
        const QJsonArray ci = bootstrap[QStringLiteral("ci95")].toArray();
        const double delta = c[QStringLiteral("delta")].toDouble();
        QVERIFY(ci[0].toDouble() < delta && delta < ci[1].toDouble());
        // Near DeLong's interval: both estimate the same spread.
        const QJsonArray delong = c[QStringLiteral("ci95")].toArray();
        QVERIFY(std::abs(ci[0].toDouble() - delong[0].toDouble()) < 0.05);
        QVERIFY(std::abs(ci[1].toDouble() - delong[1].toDouble()) < 0.05);
    }
    QCOMPARE(paired, 1); // wfns and s100b share their 113 rows
    QCOMPARE(runCli(arguments).out, first.out);
}

// --calibration and --bootstrap with runs: each run carries its own calibration and bootstrap,
// the very ones focalscope-cli gives for that file alone; the text report lists each run's
// calibration; --export-reliability draws every run's curve.
void TestCliRuns::calibrationAndBootstrapPerRun()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString reliability = dir.filePath(QStringLiteral("reliability.svg"));
    const QStringList options {QStringLiteral("--calibration"), QStringLiteral("--bins"),
        QStringLiteral("10"), QStringLiteral("--bootstrap"), QStringLiteral("200"),
        QStringLiteral("--seed"), QStringLiteral("5")};
    const CliRun both
        = runCli(QStringList {QStringLiteral("--json"), data("asah_wfns.csv"),
                     data("asah_labels.csv"), QStringLiteral("--run"), data("asah_s100b.csv"),
                     QStringLiteral("--export-reliability"), reliability}
            + options);
    QCOMPARE(both.exitCode, 0);
    const QJsonArray runs = jsonOf(both)[QStringLiteral("runs")].toArray();
    QCOMPARE(runs.size(), 2);
    const char* files[] = {"asah_wfns.csv", "asah_s100b.csv"};
    for (int r = 0; r < 2; ++r) {
        const CliRun alone
            = runCli(QStringList {QStringLiteral("--json"), data(files[r]), data("asah_labels.csv")}
                + options);
        QCOMPARE(alone.exitCode, 0);
        const QJsonObject single = jsonOf(alone);
        const QJsonObject run = runs[r].toObject();
        for (const QString key : {QStringLiteral("calibration"), QStringLiteral("bootstrap")}) {
            QVERIFY2(run.contains(key), qPrintable(key));
            QCOMPARE(run[key].toObject(), single[key].toObject());
        }
    }
    // The two runs are calibrated differently: the comparison is not of one file twice.
    QVERIFY(runs[0].toObject()[QStringLiteral("calibration")]
        != runs[1].toObject()[QStringLiteral("calibration")]);

    QFile file(reliability);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString svg = QString::fromUtf8(file.readAll());
    QVERIFY(svg.contains(QStringLiteral("ECE by run")));
    for (const char* name : {"asah_wfns: ECE", "asah_s100b: ECE"})
        QVERIFY2(svg.contains(QLatin1String(name)), name);

    const CliRun text = runCli(QStringList {data("asah_wfns.csv"), data("asah_labels.csv"),
                                   QStringLiteral("--run"), data("asah_s100b.csv")}
        + options);
    QCOMPARE(text.exitCode, 0);
    const QString out = QString::fromUtf8(text.out);
    const qsizetype table = out.indexOf(QStringLiteral("calibration ECE"));
    QVERIFY2(table >= 0, qPrintable(out));
    QVERIFY(out.indexOf(QStringLiteral("B  asah_s100b"), table) > table);
}

QTEST_GUILESS_MAIN(TestCliRuns)
#include "tst_cli_runs.moc"
