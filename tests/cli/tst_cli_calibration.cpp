// focalscope-cli's --calibration, --bootstrap, --temperature and --export-reliability: their
// parsing, and the built program's JSON against the references of
// tests/reference/gen_calibration.py (scikit-learn, scipy); the diagram drawn into a file.

#include "cli_options.h"
#include "cli_run.h"
#include "fixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace focalscope;
using namespace focalscope::testing;

namespace {

CliParse parse(const QStringList& arguments)
{
    std::vector<std::string> args;
    for (const QString& a : arguments)
        args.push_back(a.toStdString());
    return parseCliArguments(args);
}

using Run = CliRun;

bool close(double actual, double expected, double tolerance)
{
    return std::abs(actual - expected) <= tolerance * std::abs(expected) || actual == expected;
}

QString casePath(const QString& name)
{
    return QStringLiteral("data/calibration/") + name + QStringLiteral(".csv");
}

// A --json run's "calibration" bins against a fixture curve (uniform or quantile).
void compareBins(const QJsonObject& actual, const QJsonObject& expected)
{
    const QJsonArray bins = actual[QStringLiteral("bins")].toArray();
    const std::vector<double> counts = toDoubles(expected[QStringLiteral("count")]);
    const std::vector<double> lo = toDoubles(expected[QStringLiteral("lo")]);
    const std::vector<double> mean = toDoubles(expected[QStringLiteral("mean_predicted")]);
    const std::vector<double> fraction = toDoubles(expected[QStringLiteral("fraction_positive")]);
    QCOMPARE(static_cast<std::size_t>(bins.size()), counts.size());
    for (qsizetype b = 0; b < bins.size(); ++b) {
        const QJsonObject bin = bins[b].toObject();
        const auto k = static_cast<std::size_t>(b);
        QCOMPARE(bin[QStringLiteral("count")].toDouble(), counts[k]);
        QCOMPARE(bin[QStringLiteral("lo")].toDouble(), lo[k]);
        QVERIFY(close(bin[QStringLiteral("mean_predicted")].toDouble(), mean[k], 1e-12));
        QVERIFY(close(bin[QStringLiteral("fraction_positive")].toDouble(), fraction[k], 1e-12));
    }
    QVERIFY(close(actual[QStringLiteral("ece")].toDouble(),
        expected[QStringLiteral("ece")].toDouble(), 1e-12));
    QVERIFY(close(actual[QStringLiteral("mce")].toDouble(),
        expected[QStringLiteral("mce")].toDouble(), 1e-12));
}

} // namespace

class TestCliCalibration : public QObject {
    Q_OBJECT

private slots:
    void parsing();
    void badArguments_data();
    void badArguments();
    void usageNamesTheOptions();
    void calibrationMatchesReference_data();
    void calibrationMatchesReference();
    void bootstrapJson();
    void bootstrapBandInJsonAndRocExport();
    void textReport();
    void temperatureParsing();
    void temperatureMatchesReference_data();
    void temperatureMatchesReference();
    void temperatureFit();
    void exportReliability_data();
    void exportReliability();
    void badCalibrationClass();
};

void TestCliCalibration::parsing()
{
    const CliParse none = parse({"a.csv"});
    QVERIFY(!none.options.calibration);
    QVERIFY(!none.options.bootstrap);
    const CliParse plain = parse({"--calibration", "--bootstrap", "2000", "a.csv"});
    QCOMPARE(plain.outcome, CliParse::Outcome::Run);
    QCOMPARE(plain.options.calibration->bins, 15);
    QCOMPARE(plain.options.calibration->strategy, BinStrategy::Uniform);
    QCOMPARE(plain.options.bootstrap->replicates, 2000);
    QCOMPARE(plain.options.bootstrap->seed, std::uint64_t {0});
    // --bins and the strategy may come before --calibration.
    const CliParse p = parse({"--bins=10", "--calibration-strategy", "quantile", "a.csv",
        "--calibration", "--seed", "42", "--bootstrap", "500"});
    QCOMPARE(p.outcome, CliParse::Outcome::Run);
    QCOMPARE(p.options.calibration->bins, 10);
    QCOMPARE(p.options.calibration->strategy, BinStrategy::Quantile);
    QCOMPARE(p.options.bootstrap->replicates, 500);
    QCOMPARE(p.options.bootstrap->seed, std::uint64_t {42});
}

void TestCliCalibration::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("bins 0") << QStringList {"--calibration", "--bins", "0", "a.csv"}
                            << QStringLiteral("--bins: expected an integer in 1..1000, got '0'");
    QTest::newRow("bins alone") << QStringList {"--bins", "5", "a.csv"}
                                << QStringLiteral("--bins and --calibration-strategy go with "
                                                  "--calibration or --export-reliability");
    QTest::newRow("strategy")
        << QStringList {"--calibration", "--calibration-strategy", "equal", "a.csv"}
        << QStringLiteral("--calibration-strategy: expected uniform|quantile, got 'equal'");
    QTest::newRow("replicates") << QStringList {"--bootstrap", "0",
        "a.csv"} << QStringLiteral("--bootstrap: expected an integer in 1..1000000, got '0'");
    QTest::newRow("no count") << QStringList {"--bootstrap",
        "a.csv"} << QStringLiteral("--bootstrap: expected an integer in 1..1000000, got 'a.csv'");
    QTest::newRow("default strategy alone")
        << QStringList {"--calibration-strategy", "uniform", "a.csv"}
        << QStringLiteral(
               "--bins and --calibration-strategy go with --calibration or --export-reliability");
    QTest::newRow("temperature 0") << QStringList {"--temperature", "0",
        "a.csv"} << QStringLiteral("--temperature: expected T > 0 or fit, got '0'");
    QTest::newRow("temperature word") << QStringList {"--temperature", "best",
        "a.csv"} << QStringLiteral("--temperature: expected a number, got 'best'");
    QTest::newRow("class alone") << QStringList {"--calibration-class", "top",
        "a.csv"} << QStringLiteral("--calibration-class goes with --export-reliability");
    QTest::newRow("reliability extension") << QStringList {"--export-reliability", "r.txt",
        "a.csv"} << QStringLiteral("export file r.txt: expected a .png, .svg or .pdf name");
    QTest::newRow("seed 0 alone") << QStringList {"--seed", "0", "a.csv"}
                                  << QStringLiteral("--seed goes with --bootstrap");
    QTest::newRow("seed alone") << QStringList {"--seed", "3", "a.csv"}
                                << QStringLiteral("--seed goes with --bootstrap");
    QTest::newRow("negative seed") << QStringList {"--bootstrap", "10", "--seed", "-1",
        "a.csv"} << QStringLiteral("--seed: expected an integer in 0..9007199254740991, got '-1'");
}

void TestCliCalibration::badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliParse p = parse(arguments);
    QCOMPARE(p.outcome, CliParse::Outcome::Error);
    QCOMPARE(QString::fromStdString(p.error), message);
    const Run run = runCli(arguments);
    QCOMPARE(run.exitCode, 2);
}

void TestCliCalibration::usageNamesTheOptions()
{
    const QString usage = QString::fromStdString(cliUsage());
    for (const char* option : {"--calibration ", "--bins N",
             "--calibration-strategy uniform|quantile", "--bootstrap B", "--seed S"})
        QVERIFY2(usage.contains(QLatin1String(option)), option);
}

void TestCliCalibration::calibrationMatchesReference_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("strategy");
    for (const char* name : {"binary_probabilities", "binary_logits", "multiclass_probabilities",
             "multiclass_logits"}) {
        QTest::newRow(name) << QString::fromLatin1(name) << QStringLiteral("uniform");
        QTest::newRow(qPrintable(QString::fromLatin1(name) + QStringLiteral(" quantile")))
            << QString::fromLatin1(name) << QStringLiteral("quantile");
    }
}

void TestCliCalibration::calibrationMatchesReference()
{
    QFETCH(QString, name);
    QFETCH(QString, strategy);
    const QJsonObject reference = loadJson(
        QStringLiteral("reference/fixtures/calibration/") + name + QStringLiteral(".json"))
                                      .object();
    const QJsonObject expected = reference[strategy].toObject();
    const QString bins = QString::number(expected[QStringLiteral("bins")].toInt());
    const Run run = runCli({"--json", "--calibration", "--bins", bins, "--calibration-strategy",
        strategy, casePath(name)});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject calibration
        = QJsonDocument::fromJson(run.out).object()[QStringLiteral("calibration")].toObject();
    QCOMPARE(calibration[QStringLiteral("strategy")].toString(), strategy);
    QCOMPARE(QString::number(calibration[QStringLiteral("bins")].toInt()), bins);
    const QJsonArray perClass = calibration[QStringLiteral("per_class")].toArray();
    const QJsonArray expectedClasses = expected[QStringLiteral("per_class")].toArray();
    QCOMPARE(perClass.size(), expectedClasses.size());
    for (qsizetype c = 0; c < perClass.size(); ++c) {
        compareBins(perClass[c].toObject(), expectedClasses[c].toObject());
        QVERIFY(close(perClass[c].toObject()[QStringLiteral("brier")].toDouble(),
            expectedClasses[c].toObject()[QStringLiteral("brier")].toDouble(), 1e-12));
    }
    compareBins(calibration[QStringLiteral("top_label")].toObject(),
        expected[QStringLiteral("top_label")].toObject());
    QVERIFY(close(calibration[QStringLiteral("brier")].toDouble(),
        reference[QStringLiteral("brier")].toDouble(), 1e-12));
    QVERIFY(close(calibration[QStringLiteral("nll")].toDouble(),
        reference[QStringLiteral("nll")].toDouble(), 1e-12));
    const QJsonObject t = calibration[QStringLiteral("temperature")].toObject();
    const QJsonObject expectedT = reference[QStringLiteral("temperature")].toObject();
    QVERIFY(close(t[QStringLiteral("value")].toDouble(),
        expectedT[QStringLiteral("value_scipy")].toDouble(), 1e-6));
    QVERIFY(close(t[QStringLiteral("value")].toDouble(),
        expectedT[QStringLiteral("value")].toDouble(), 1e-9));
    QVERIFY(std::abs(t[QStringLiteral("nll_after")].toDouble()
                - expectedT[QStringLiteral("nll_after")].toDouble())
        <= 1e-10);
    QVERIFY(close(t[QStringLiteral("nll_before")].toDouble(),
        expectedT[QStringLiteral("nll_before")].toDouble(), 1e-12));
    QVERIFY(close(t[QStringLiteral("focal_loss_before")].toDouble(),
        expectedT[QStringLiteral("focal_loss_before")].toDouble(), 1e-12));
    QCOMPARE(t[QStringLiteral("at_bound")].toBool(), false);
}

// Same seed, same output; intervals around the point estimate; one per class for multiclass.
void TestCliCalibration::bootstrapJson()
{
    const QStringList arguments {
        "--json", "--bootstrap", "300", "--seed", "11", casePath(QStringLiteral("binary_logits"))};
    const Run first = runCli(arguments);
    const Run second = runCli(arguments);
    QCOMPARE(first.exitCode, 0);
    QCOMPARE(first.out, second.out);
    const QJsonObject json = QJsonDocument::fromJson(first.out).object();
    const QJsonObject bootstrap = json[QStringLiteral("bootstrap")].toObject();
    QCOMPARE(
        bootstrap[QStringLiteral("method")].toString(), QStringLiteral("stratified percentile"));
    QCOMPARE(bootstrap[QStringLiteral("replicates")].toInt(), 300);
    QCOMPARE(bootstrap[QStringLiteral("seed")].toInt(), 11);
    const QJsonArray ci = bootstrap[QStringLiteral("ci95")].toArray();
    QCOMPARE(ci.size(), 2);
    const double auroc
        = json[QStringLiteral("auroc")].toObject()[QStringLiteral("value")].toDouble();
    QVERIFY(ci[0].toDouble() < auroc && auroc < ci[1].toDouble());
    const double ap
        = json[QStringLiteral("average_precision")].toObject()[QStringLiteral("value")].toDouble();
    const QJsonArray apCi = bootstrap[QStringLiteral("average_precision_ci95")].toArray();
    QVERIFY(apCi[0].toDouble() < ap && ap < apCi[1].toDouble());
    const Run other = runCli({"--json", "--bootstrap", "300", "--seed", "12",
        casePath(QStringLiteral("binary_logits"))});
    QVERIFY(QJsonDocument::fromJson(other.out)
                .object()[QStringLiteral("bootstrap")]
                .toObject()[QStringLiteral("ci95")]
        != bootstrap[QStringLiteral("ci95")]);

    const Run multi
        = runCli({"--json", "--bootstrap", "200", casePath(QStringLiteral("multiclass_logits"))});
    QCOMPARE(multi.exitCode, 0);
    const QJsonObject multiJson = QJsonDocument::fromJson(multi.out).object();
    const QJsonArray perClass
        = multiJson[QStringLiteral("bootstrap")].toObject()[QStringLiteral("ci95")].toArray();
    QCOMPARE(perClass.size(), 3);
    const QJsonArray aurocs
        = multiJson[QStringLiteral("auroc")].toObject()[QStringLiteral("per_class")].toArray();
    for (qsizetype c = 0; c < 3; ++c) {
        const QJsonArray interval = perClass[c].toArray();
        QVERIFY(interval[0].toDouble() < aurocs[c].toDouble());
        QVERIFY(aurocs[c].toDouble() < interval[1].toDouble());
    }
    QCOMPARE(multiJson[QStringLiteral("bootstrap")].toObject()[QStringLiteral("seed")].toInt(), 0);
}

// --bootstrap adds the pointwise ROC band (kDefaultBandPoints FPRs evenly spaced on [0, 1], the
// full sample's TPR inside the replicates' interval) to JSON, and --export-roc draws it labelled
// with the level, the method and B, as the window does.
void TestCliCalibration::bootstrapBandInJsonAndRocExport()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString svg = dir.filePath(QStringLiteral("roc.svg"));
    const Run run = runCli({"--json", "--bootstrap", "250", "--seed", "3", "--export-roc", svg,
        casePath(QStringLiteral("binary_logits"))});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject band = QJsonDocument::fromJson(run.out)
                                 .object()[QStringLiteral("bootstrap")]
                                 .toObject()[QStringLiteral("band")]
                                 .toObject();
    const QJsonArray fpr = band[QStringLiteral("fpr")].toArray();
    const QJsonArray tpr = band[QStringLiteral("tpr")].toArray();
    const QJsonArray lo = band[QStringLiteral("tpr_lo")].toArray();
    const QJsonArray hi = band[QStringLiteral("tpr_hi")].toArray();
    QCOMPARE(fpr.size(), 101);
    QCOMPARE(tpr.size(), 101);
    QCOMPARE(lo.size(), 101);
    QCOMPARE(hi.size(), 101);
    bool wide = false;
    for (qsizetype i = 0; i < fpr.size(); ++i) {
        QVERIFY(std::abs(fpr[i].toDouble() - static_cast<double>(i) / 100.0) < 1e-12);
        QVERIFY(lo[i].toDouble() <= tpr[i].toDouble() + 1e-12);
        QVERIFY(tpr[i].toDouble() <= hi[i].toDouble() + 1e-12);
        wide = wide || hi[i].toDouble() - lo[i].toDouble() > 0.01;
    }
    QVERIFY(wide); // a real interval, not the curve twice

    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(file.readAll())
                .contains(QStringLiteral("95% band (stratified percentile bootstrap, B = 250)")));

    // A multiclass task: one band per class.
    const Run multi
        = runCli({"--json", "--bootstrap", "100", casePath(QStringLiteral("multiclass_logits"))});
    QCOMPARE(multi.exitCode, 0);
    const QJsonArray bands = QJsonDocument::fromJson(multi.out)
                                 .object()[QStringLiteral("bootstrap")]
                                 .toObject()[QStringLiteral("band")]
                                 .toArray();
    QCOMPARE(bands.size(), 3);
    for (const QJsonValue& b : bands)
        QCOMPARE(b.toObject()[QStringLiteral("tpr_hi")].toArray().size(), 101);
}

void TestCliCalibration::textReport()
{
    const Run run = runCli({"--calibration", "--bootstrap", "100", "--seed", "5",
        casePath(QStringLiteral("multiclass_logits"))});
    QCOMPARE(run.exitCode, 0);
    const QString text = QString::fromUtf8(run.out);
    QVERIFY2(text.contains(QStringLiteral("calibration (softmax probabilities, 15 uniform bins): "
                                          "top-label ECE 0.1671")),
        qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("temperature scaling: T = 2.7653")));
    QVERIFY(
        text.contains(QStringLiteral("bootstrap (stratified percentile, 100 replicates, seed 5)")));
    QVERIFY(text.contains(QStringLiteral("  class c2: AUROC 95% CI [")));
}

void TestCliCalibration::temperatureParsing()
{
    QVERIFY(!parse({"a.csv"}).options.temperature);
    const CliParse fit = parse({"--temperature", "fit", "a.csv"});
    QCOMPARE(fit.outcome, CliParse::Outcome::Run);
    QVERIFY(fit.options.temperature->fit);
    const CliParse value = parse({"--temperature=1.5", "a.csv"});
    QVERIFY(!value.options.temperature->fit);
    QCOMPARE(value.options.temperature->value, 1.5);
    // A summary has no scores to divide.
    QVERIFY(value.options.wantsRows());
    const CliParse reliability = parse(
        {"--export-reliability", "r.svg", "--bins", "5", "--calibration-class", "top", "a.csv"});
    QCOMPARE(reliability.outcome, CliParse::Outcome::Run);
    QCOMPARE(reliability.options.reliability.bins, 5);
    QVERIFY(!reliability.options.calibration);
    QVERIFY(reliability.options.wantsPlots());
    const QString usage = QString::fromStdString(cliUsage());
    for (const char* option :
        {"--temperature T|fit", "--export-reliability F", "--calibration-class C"})
        QVERIFY2(usage.contains(QLatin1String(option)), option);
}

void TestCliCalibration::temperatureMatchesReference_data()
{
    QTest::addColumn<QString>("name");
    for (const char* name :
        {"binary_probabilities", "binary_logits", "multiclass_probabilities", "multiclass_logits"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

// --temperature T: every number is of the scores divided by T, so at the reference's T the
// focal loss, NLL and top-label ECE are the reference's "after" values.
void TestCliCalibration::temperatureMatchesReference()
{
    QFETCH(QString, name);
    const QJsonObject expected = loadJson(
        QStringLiteral("reference/fixtures/calibration/") + name + QStringLiteral(".json"))
                                     .object()[QStringLiteral("temperature")]
                                     .toObject();
    const double t = expected[QStringLiteral("value")].toDouble();
    const Run run = runCli(
        {"--json", "--calibration", "--temperature", QString::number(t, 'g', 17), casePath(name)});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(json[QStringLiteral("input")].toObject()[QStringLiteral("temperature")].toDouble(), t);
    const double loss
        = json[QStringLiteral("focal_loss")].toObject()[QStringLiteral("value")].toDouble();
    QVERIFY2(close(loss, expected[QStringLiteral("focal_loss_after")].toDouble(), 1e-10),
        qPrintable(QString::number(loss, 'g', 17)));
    QVERIFY(std::abs(loss - expected[QStringLiteral("focal_loss_before")].toDouble()) > 1e-4);
    const QJsonObject calibration = json[QStringLiteral("calibration")].toObject();
    QVERIFY(close(calibration[QStringLiteral("nll")].toDouble(),
        expected[QStringLiteral("nll_after")].toDouble(), 1e-10));
    QVERIFY(
        close(calibration[QStringLiteral("top_label")].toObject()[QStringLiteral("ece")].toDouble(),
            expected[QStringLiteral("ece_after")].toDouble(), 1e-9));
    // On the scaled scores, the best T is 1.
    QVERIFY(close(
        calibration[QStringLiteral("temperature")].toObject()[QStringLiteral("value")].toDouble(),
        1.0, 1e-6));

    // Without --temperature, no "temperature" in "input".
    const Run plain = runCli({"--json", casePath(name)});
    QVERIFY(
        !QJsonDocument::fromJson(plain.out).object()[QStringLiteral("input")].toObject().contains(
            QStringLiteral("temperature")));
}

void TestCliCalibration::temperatureFit()
{
    const QString name = QStringLiteral("multiclass_logits");
    const QJsonObject expected = loadJson(
        QStringLiteral("reference/fixtures/calibration/") + name + QStringLiteral(".json"))
                                     .object()[QStringLiteral("temperature")]
                                     .toObject();
    const Run run = runCli({"--json", "--temperature", "fit", casePath(name)});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    QVERIFY(
        close(json[QStringLiteral("input")].toObject()[QStringLiteral("temperature")].toDouble(),
            expected[QStringLiteral("value")].toDouble(), 1e-9));
    QVERIFY(close(json[QStringLiteral("focal_loss")].toObject()[QStringLiteral("value")].toDouble(),
        expected[QStringLiteral("focal_loss_after")].toDouble(), 1e-8));
    const Run text = runCli({"--temperature", "fit", casePath(name)});
    QVERIFY2(text.out.contains("temperature: every number is of the scores divided by T = 2.76526"),
        text.out.constData());

    // A summary holds no scores to divide.
    QTemporaryDir dir;
    const QString summary = dir.filePath(QStringLiteral("s.npz"));
    QCOMPARE(runCli({"summarize", casePath(name), "-o", summary}).exitCode, 0);
    const Run refused = runCli({"--temperature", "2", summary});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY(refused.err.contains("--temperature, runs"));
}

void TestCliCalibration::exportReliability_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("title");
    QTest::newRow("top label by default") << QStringLiteral("multiclass_logits") << QStringList {}
                                          << QStringLiteral("top-label: ECE");
    QTest::newRow("class by name")
        << QStringLiteral("multiclass_logits") << QStringList {"--calibration-class", "c1"}
        << QStringLiteral("c1 vs rest: ECE");
    QTest::newRow("class by index")
        << QStringLiteral("multiclass_logits") << QStringList {"--calibration-class", "2"}
        << QStringLiteral("c2 vs rest: ECE");
    QTest::newRow("binary positive class")
        << QStringLiteral("binary_logits") << QStringList {"--calibration-class", "1"}
        << QStringLiteral("positive: ECE");
    QTest::newRow("with --calibration and T")
        << QStringLiteral("multiclass_logits")
        << QStringList {"--calibration", "--bins", "5", "--temperature", "2"}
        << QStringLiteral("top-label at T = 2: ECE");
}

void TestCliCalibration::exportReliability()
{
    QFETCH(QString, name);
    QFETCH(QStringList, arguments);
    QFETCH(QString, title);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("reliability.svg"));
    const Run run
        = runCli(QStringList {"--export-reliability", path} + arguments << casePath(name));
    QCOMPARE(run.exitCode, 0);
    QFile svg(path);
    QVERIFY(svg.open(QIODevice::ReadOnly));
    const QByteArray drawing = svg.readAll();
    QVERIFY2(drawing.contains(title.toUtf8()), qPrintable(title));
}

void TestCliCalibration::badCalibrationClass()
{
    QTemporaryDir dir;
    const Run run = runCli({"--export-reliability", dir.filePath(QStringLiteral("r.png")),
        "--calibration-class", "c7", casePath(QStringLiteral("multiclass_logits"))});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--calibration-class: no class 'c7'"), run.err.constData());
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("r.png"))));
}

QTEST_GUILESS_MAIN(TestCliCalibration)
#include "tst_cli_calibration.moc"
