#include "cli_options.h"

#include <QTest>

using namespace focalscope;

namespace {

CliParse parse(const QStringList& arguments)
{
    std::vector<std::string> args;
    for (const QString& a : arguments)
        args.push_back(a.toStdString());
    return parseCliArguments(args);
}

} // namespace

class TestCliOptions : public QObject {
    Q_OBJECT

private slots:
    void defaults();
    void everyOption();
    void alphaForms_data();
    void alphaForms();
    void badArguments_data();
    void badArguments();
    void helpAndVersion();
    void detAndLogFpr();
    void operatingPoints();
    void summarize();
    void runs();
};

void TestCliOptions::defaults()
{
    const CliParse p = parse({"preds.csv"});
    QCOMPARE(p.outcome, CliParse::Outcome::Run);
    QCOMPARE(p.options.predictions, std::string("preds.csv"));
    QVERIFY(p.options.labels.empty());
    QCOMPARE(p.options.alpha.mode, Alpha::Mode::Scalar);
    QCOMPARE(p.options.alpha.scalar, 0.25);
    QCOMPARE(p.options.gamma, 2.0);
    QCOMPARE(p.options.reduction, Reduction::Mean);
    QCOMPARE(p.options.read.kind, KindRequest::Auto);
    QCOMPARE(p.options.read.ignoreIndex, -100);
    QVERIFY(!p.options.lossMode.has_value());
    QCOMPARE(p.options.maxFpr, 1.0);
    QVERIFY(!p.options.json);
    QVERIFY(!p.options.wantsPlots());
}

void TestCliOptions::everyOption()
{
    const CliParse p = parse({"--kind", "probabilities", "--loss=sigmoid", "--gamma", "0.5",
        "--reduction", "weighted-mean", "--ignore-index", "255", "--max-fpr", "0.1", "--scores-key",
        "s", "--labels-key", "l", "--skip-invalid", "--json", "--export-roc", "r.png",
        "--export-pr", "p.svg", "--export-loss", "l.pdf", "--export-concentration", "c.png",
        "--size", "800x600", "--dpi", "96", "--roc-csv", "roc.csv", "scores.npy", "labels.npy"});
    QCOMPARE(p.outcome, CliParse::Outcome::Run);
    const CliOptions& o = p.options;
    QCOMPARE(o.read.kind, KindRequest::Probabilities);
    QCOMPARE(*o.lossMode, LossMode::Sigmoid);
    QCOMPARE(o.gamma, 0.5);
    QCOMPARE(o.reduction, Reduction::WeightedMean);
    QCOMPARE(o.read.ignoreIndex, 255);
    QCOMPARE(o.maxFpr, 0.1);
    QCOMPARE(o.read.scoresKey, std::string("s"));
    QCOMPARE(o.read.labelsKey, std::string("l"));
    QVERIFY(o.read.skipInvalid);
    QVERIFY(o.json);
    QCOMPARE(o.exportRoc, std::string("r.png"));
    QCOMPARE(o.exportPr, std::string("p.svg"));
    QCOMPARE(o.exportLoss, std::string("l.pdf"));
    QCOMPARE(o.exportConcentration, std::string("c.png"));
    QCOMPARE(o.width, 800);
    QCOMPARE(o.height, 600);
    QCOMPARE(o.dpi, 96);
    QCOMPARE(o.rocCsv, std::string("roc.csv"));
    QCOMPARE(o.predictions, std::string("scores.npy"));
    QCOMPARE(o.labels, std::string("labels.npy"));
    QVERIFY(o.wantsPlots());
}

void TestCliOptions::alphaForms_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("mode");
    QTest::addColumn<QList<double>>("values");
    QTest::newRow("scalar") << "0.25" << int(Alpha::Mode::Scalar) << QList<double> {0.25};
    QTest::newRow("list") << "1,2,3,1,2" << int(Alpha::Mode::PerClass)
                          << QList<double> {1, 2, 3, 1, 2};
    QTest::newRow("none") << "none" << int(Alpha::Mode::None) << QList<double> {};
    QTest::newRow("negative disables (torchvision)")
        << "-1" << int(Alpha::Mode::None) << QList<double> {};
}

void TestCliOptions::alphaForms()
{
    QFETCH(QString, text);
    QFETCH(int, mode);
    QFETCH(QList<double>, values);
    const CliParse p = parse({"--alpha", text, "x.csv"});
    QCOMPARE(p.outcome, CliParse::Outcome::Run);
    QCOMPARE(int(p.options.alpha.mode), mode);
    if (p.options.alpha.mode == Alpha::Mode::Scalar)
        QCOMPARE(p.options.alpha.scalar, values.front());
    if (p.options.alpha.mode == Alpha::Mode::PerClass)
        QCOMPARE(QList<double>(p.options.alpha.perClass.begin(), p.options.alpha.perClass.end()),
            values);
}

void TestCliOptions::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no file") << QStringList {"--json"} << "missing PREDICTIONS file";
    QTest::newRow("three files") << QStringList {"a", "b", "c"} << "too many files";
    QTest::newRow("unknown option")
        << QStringList {"--frobnicate", "a"} << "unknown option --frobnicate";
    QTest::newRow("bad kind") << QStringList {"--kind", "odds", "a"}
                              << "--kind: expected auto|logits|probabilities, got 'odds'";
    QTest::newRow("gamma text") << QStringList {"--gamma", "two", "a"}
                                << "--gamma: expected a number, got 'two'";
    QTest::newRow("gamma negative")
        << QStringList {"--gamma", "-1", "a"} << "--gamma: must be >= 0";
    QTest::newRow("alpha above 1") << QStringList {"--alpha", "1.5", "a"} << "must be in [0, 1]";
    QTest::newRow("alpha list text")
        << QStringList {"--alpha", "1,x", "a"} << "--alpha: expected a number, got 'x'";
    QTest::newRow("max fpr 0") << QStringList {"--max-fpr", "0", "a"}
                               << "--max-fpr: must be in (0, 1]";
    QTest::newRow("size") << QStringList {"--size", "big", "a"} << "--size: expected WxH";
    QTest::newRow("missing value") << QStringList {"a", "--gamma"} << "--gamma: missing value";
    QTest::newRow("export extension")
        << QStringList {"--export-roc", "r.jpg", "a"} << "expected a .png, .svg or .pdf name";
    QTest::newRow("bad rule") << QStringList {"--operating-point", "fpr=2", "a"}
                              << "--operating-point: operating point rule 'fpr=2': X must be in "
                                 "[0, 1]";
    QTest::newRow("unknown rule") << QStringList {"--operating-point", "max",
        "a"} << "rule 'max': expected youden, f1, fpr=X, tpr=X or cost=CFP,CFN[,PI]";
    QTest::newRow("errors without rule")
        << QStringList {"--errors-csv", "e.csv", "a"} << "--errors-csv: needs an --operating-point";
    QTest::newRow("reduction none") << QStringList {"--reduction", "none", "a"}
                                    << "--reduction: expected mean|sum|weighted-mean";
    QTest::newRow("-o without summarize")
        << QStringList {"a", "-o", "s.npz"} << "unknown option -o";
    QTest::newRow("summarize without -o")
        << QStringList {"summarize", "a", "b"} << "summarize: missing -o SUMMARY.npz";
    QTest::newRow("summarize with a plot") << QStringList {"summarize", "--export-roc", "r.png",
        "a", "-o", "s.npz"} << "summarize: only --kind";
    QTest::newRow("unpaired without runs")
        << QStringList {"--unpaired", "a"} << "--unpaired goes with --run FILE";
    QTest::newRow("folds without runs")
        << QStringList {"a", "--folds"} << "--folds goes with --run";
    QTest::newRow("folds and unpaired") << QStringList {"a", "--run", "b", "--folds", "--unpaired"}
                                        << "--unpaired compares runs, --folds summarises them";
    QTest::newRow("run without file") << QStringList {"a", "--run"} << "--run: missing value";
    QTest::newRow("summarize with runs")
        << QStringList {"summarize", "a", "--run", "b", "-o", "s.npz"} << "summarize: only --kind";
}

void TestCliOptions::runs()
{
    const CliParse p = parse({"--run", "b.csv", "a.csv", "l.csv", "--run=c.npz", "--unpaired"});
    QCOMPARE(p.outcome, CliParse::Outcome::Run);
    QCOMPARE(p.options.runs, (std::vector<std::string> {"b.csv", "c.npz"}));
    QCOMPARE(p.options.predictions, std::string("a.csv"));
    QCOMPARE(p.options.labels, std::string("l.csv"));
    QVERIFY(p.options.unpaired);
    QVERIFY(!p.options.folds);
    const CliParse folds = parse({"a.csv", "--run", "b.csv", "--folds"});
    QVERIFY(folds.options.folds);
    QVERIFY(!parse({"a.csv"}).options.unpaired);
    QVERIFY(parse({"a.csv"}).options.runs.empty());
    QVERIFY(QString::fromStdString(cliUsage()).contains("--run FILE"));
}

void TestCliOptions::summarize()
{
    const CliParse p = parse({"summarize", "--kind", "logits", "--ignore-index", "7", "s.npy",
        "l.npy", "-o", "out.npz"});
    QCOMPARE(p.outcome, CliParse::Outcome::Run);
    QVERIFY(p.options.summarize);
    QCOMPARE(p.options.output, std::string("out.npz"));
    QCOMPARE(p.options.predictions, std::string("s.npy"));
    QCOMPARE(p.options.labels, std::string("l.npy"));
    QCOMPARE(p.options.read.ignoreIndex, 7);
    QCOMPARE(p.options.read.kind, KindRequest::Logits);
    QVERIFY(!parse({"a.npz"}).options.summarize);
}

void TestCliOptions::operatingPoints()
{
    const CliParse p = parse({"--operating-point", "youden", "--operating-point=cost=1,5,0.1",
        "--operating-point", "fpr=0.01", "--errors-csv", "e.csv", "a.csv"});
    QCOMPARE(p.outcome, CliParse::Outcome::Run);
    const std::vector<OperatingRule>& rules = p.options.operatingRules;
    QCOMPARE(rules.size(), std::size_t(3));
    QCOMPARE(rules[0].kind, OperatingRule::Kind::Youden);
    QCOMPARE(rules[1].kind, OperatingRule::Kind::Cost);
    QCOMPARE(rules[1].text, std::string("cost=1,5,0.1"));
    QCOMPARE(*rules[1].prevalence, 0.1);
    QCOMPARE(rules[2].limit, 0.01);
    QCOMPARE(p.options.errorsCsv, std::string("e.csv"));
    QVERIFY(parse({"a.csv"}).options.operatingRules.empty());
    QVERIFY(QString::fromStdString(cliUsage()).contains("--operating-point RULE"));
    QVERIFY(QString::fromStdString(cliUsage()).contains("--errors-csv F"));
}

void TestCliOptions::badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliParse p = parse(arguments);
    QCOMPARE(p.outcome, CliParse::Outcome::Error);
    QVERIFY2(QString::fromStdString(p.error).contains(message), p.error.c_str());
}

void TestCliOptions::helpAndVersion()
{
    QCOMPARE(parse({"--help"}).outcome, CliParse::Outcome::Help);
    QCOMPARE(parse({"a.csv", "-h"}).outcome, CliParse::Outcome::Help);
    QCOMPARE(parse({"--version"}).outcome, CliParse::Outcome::Version);
    QVERIFY(QString::fromStdString(cliUsage()).contains("--export-concentration"));
    QVERIFY(QString::fromStdString(cliUsage()).contains("(default 1200x900)"));
}

// --export-det and --det-csv beside the other exports; --log-fpr for the ROC plot.
void TestCliOptions::detAndLogFpr()
{
    const CliParse p = parse({"--export-det", "d.pdf", "--det-csv", "d.csv", "--log-fpr", "x.csv"});
    QCOMPARE(p.outcome, CliParse::Outcome::Run);
    QCOMPARE(p.options.exportDet, std::string("d.pdf"));
    QCOMPARE(p.options.detCsv, std::string("d.csv"));
    QVERIFY(p.options.logFpr);
    QVERIFY(p.options.wantsPlots());
    QVERIFY(!parse({"x.csv"}).options.logFpr);
    QVERIFY(!parse({"--det-csv", "d.csv", "x.csv"}).options.wantsPlots());
    const CliParse bad = parse({"--export-det", "d.jpg", "x.csv"});
    QCOMPARE(bad.outcome, CliParse::Outcome::Error);
    QVERIFY2(QString::fromStdString(bad.error).contains("expected a .png, .svg or .pdf name"),
        bad.error.c_str());
    const QString usage = QString::fromStdString(cliUsage());
    for (const char* option : {"--export-det F", "--det-csv F", "--log-fpr"})
        QVERIFY2(usage.contains(option), option);
}

QTEST_GUILESS_MAIN(TestCliOptions)
#include "tst_cli_options.moc"
