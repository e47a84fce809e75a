#include "report/curve_csv.h"
#include "report/json_report.h"
#include "report/text_report.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <cmath>

using namespace focalscope;

namespace {

ReadResult makeInput(std::initializer_list<std::initializer_list<double>> rows,
    std::initializer_list<int> labels, ScoreKind kind, std::vector<std::string> names)
{
    ReadResult input;
    Predictions& p = input.predictions;
    const Index n = static_cast<Index>(rows.size());
    const Index c = static_cast<Index>(rows.begin()->size());
    p.scores.resize(n, c);
    Index i = 0;
    for (const auto& row : rows) {
        Index j = 0;
        for (double v : row)
            p.scores(i, j++) = v;
        ++i;
    }
    p.labels.resize(n);
    i = 0;
    for (int label : labels)
        p.labels[i++] = label;
    p.kind = kind;
    p.classNames = std::move(names);
    input.format = FileFormatId::Csv;
    input.samples = n;
    input.ignored = (p.labels.array() == p.ignoreIndex).count();
    return input;
}

ReadResult seedMulticlass()
{
    return makeInput({{0.90, 0.05, 0.05}, {0.05, 0.90, 0.05}, {0.05, 0.05, 0.90},
                         {0.85, 0.05, 0.10}, {0.10, 0.10, 0.80}},
        {0, 1, 1, 2, 2}, ScoreKind::Probabilities, {"cat", "dog", "bird"});
}

ReadResult seedBinary()
{
    return makeInput({{0.13}, {0.26}, {0.08}, {0.19}, {0.34}}, {0, 0, 1, 1, 1},
        ScoreKind::Probabilities, {"score"});
}

QJsonObject reportOf(const ReadResult& input, const AnalysisOptions& options, bool partial)
{
    const Analysis analysis = analyze(input.predictions, options);
    const std::string text = jsonReport("in.csv", input, analysis, partial);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(text), &error);
    if (doc.isNull())
        qFatal("invalid JSON: %s\n%s", qPrintable(error.errorString()), text.c_str());
    return doc.object();
}

} // namespace

class TestJsonReport : public QObject {
    Q_OBJECT

private slots:
    void multiclassSchema();
    void binarySchema();
    void undefinedIsNull();
    void scalarAlphaNote();
    void lossAnalysisMatchesFocalLoss_data();
    void lossAnalysisMatchesFocalLoss();
    void badParameters_data();
    void badParameters();
    void textSummary();
    void rocCsvRows();
    void operatingPoints();
    void confusionMatrix();
    void operatingPointWithoutPositives();
};

void TestJsonReport::multiclassSchema()
{
    const QJsonObject root = reportOf(seedMulticlass(), {}, false);
    QCOMPARE(root.value("schema").toInt(), 1);
    const QJsonObject input = root.value("input").toObject();
    QCOMPARE(input.value("path").toString(), QStringLiteral("in.csv"));
    QCOMPARE(input.value("task").toString(), QStringLiteral("multiclass"));
    QCOMPARE(input.value("kind").toString(), QStringLiteral("probabilities"));
    QCOMPARE(input.value("samples").toInt(), 5);
    QCOMPARE(input.value("classes").toInt(), 3);
    QCOMPARE(input.value("class_names").toArray().at(2).toString(), QStringLiteral("bird"));

    const QJsonObject loss = root.value("focal_loss").toObject();
    QCOMPARE(loss.value("mode").toString(), QStringLiteral("softmax"));
    QCOMPARE(loss.value("reduction").toString(), QStringLiteral("mean"));
    QCOMPARE(loss.value("alpha").toArray().at(0).toDouble(), 0.25);
    QCOMPARE(loss.value("alpha").toArray().at(1).toDouble(), 0.75);
    QCOMPARE(loss.value("per_class").toArray().size(), 3);
    QCOMPARE(loss.value("per_class").toArray().at(1).toObject().value("class").toString(),
        QStringLiteral("dog"));
    QCOMPARE(loss.value("per_class").toArray().at(1).toObject().value("samples").toInt(), 2);

    // DESIGN.md's reference values (the seed's torchmetrics example).
    const QJsonObject auroc = root.value("auroc").toObject();
    QCOMPARE(auroc.value("per_class").toArray().at(0).toDouble(), 1.0);
    QVERIFY(std::abs(auroc.value("macro").toDouble() - 7.0 / 9.0) < 1e-12);
    QVERIFY(std::abs(auroc.value("weighted").toDouble() - 11.0 / 15.0) < 1e-12);
    QVERIFY(std::abs(auroc.value("micro").toDouble() - 0.74) < 1e-12);
    QVERIFY(std::abs(auroc.value("ovo").toDouble() - 0.8125) < 1e-12);
    QVERIFY(auroc.value("partial").isNull());
    QCOMPARE(auroc.value("ci95").toArray().size(), 3);
    QCOMPARE(root.value("average_precision").toObject().value("per_class").toArray().size(), 3);
    QVERIFY(root.value("warnings").isArray());
}

void TestJsonReport::binarySchema()
{
    AnalysisOptions options;
    options.loss.mode = LossMode::Sigmoid;
    options.roc.maxFpr = 0.5;
    const QJsonObject root = reportOf(seedBinary(), options, true);
    QCOMPARE(root.value("input").toObject().value("task").toString(), QStringLiteral("binary"));
    QCOMPARE(
        root.value("focal_loss").toObject().value("mode").toString(), QStringLiteral("sigmoid"));
    // Sigmoid alpha 0.25: label 0 rows weigh 0.75, label 1 rows 0.25 (torchvision).
    const QJsonArray alpha = root.value("focal_loss").toObject().value("alpha").toArray();
    QCOMPARE(alpha.size(), 2);
    QCOMPARE(alpha.at(0).toDouble(), 0.75);
    QCOMPARE(alpha.at(1).toDouble(), 0.25);
    const QJsonObject auroc = root.value("auroc").toObject();
    QCOMPARE(auroc.value("value").toDouble(), 0.5);
    QVERIFY(std::abs(auroc.value("partial").toDouble() - 5.0 / 9.0) < 1e-12);
    const QJsonArray ci = auroc.value("ci95").toArray();
    QCOMPARE(ci.size(), 2);
    QCOMPARE(ci.at(0).toDouble(), 0.0); // 0.5 -+ 1.96 / 3, clipped
    QCOMPARE(ci.at(1).toDouble(), 1.0);
    QVERIFY(root.value("average_precision").toObject().value("value").isDouble());
}

void TestJsonReport::undefinedIsNull()
{
    // Class "bird" has no rows: its AUROC is undefined -> null, with a warning naming it.
    ReadResult input
        = makeInput({{0.7, 0.2, 0.1}, {0.2, 0.7, 0.1}, {0.6, 0.3, 0.1}, {0.3, 0.6, 0.1}},
            {0, 1, 0, 1}, ScoreKind::Probabilities, {"cat", "dog", "bird"});
    const QJsonObject root = reportOf(input, {}, false);
    const QJsonArray perClass = root.value("auroc").toObject().value("per_class").toArray();
    QVERIFY(perClass.at(2).isNull());
    QCOMPARE(perClass.at(0).toDouble(), 1.0);
    const QJsonArray ci = root.value("auroc").toObject().value("ci95").toArray();
    QVERIFY(ci.at(2).toArray().at(0).isNull());
    bool named = false;
    for (const QJsonValue& w : root.value("warnings").toArray())
        named = named || w.toString().contains("bird");
    QVERIFY2(named, "no warning names the undefined class");
    QVERIFY(root.value("focal_loss")
                .toObject()
                .value("per_class")
                .toArray()
                .at(2)
                .toObject()
                .value("mean")
                .isNull());
}

void TestJsonReport::scalarAlphaNote()
{
    const QJsonObject root = reportOf(seedMulticlass(), {}, false);
    bool noted = false;
    for (const QJsonValue& w : root.value("warnings").toArray())
        noted = noted || w.toString().contains("scalar alpha 0.25 weights class 0 (cat)");
    QVERIFY(noted);

    AnalysisOptions perClass;
    perClass.loss.alpha = Alpha::fromList({1, 2, 3});
    for (const QJsonValue& w :
        reportOf(seedMulticlass(), perClass, false).value("warnings").toArray())
        QVERIFY(!w.toString().contains("scalar alpha"));
}

void TestJsonReport::lossAnalysisMatchesFocalLoss_data()
{
    QTest::addColumn<double>("gamma");
    QTest::addColumn<int>("reduction");
    QTest::newRow("gamma 0 mean") << 0.0 << int(Reduction::Mean);
    QTest::newRow("gamma 2 sum") << 2.0 << int(Reduction::Sum);
    QTest::newRow("gamma 0.5 weighted") << 0.5 << int(Reduction::WeightedMean);
}

void TestJsonReport::lossAnalysisMatchesFocalLoss()
{
    QFETCH(double, gamma);
    QFETCH(int, reduction);
    const ReadResult input = seedMulticlass();
    FocalParams params;
    params.gamma = gamma;
    params.reduction = Reduction(reduction);
    const PtCache cache = computePtCache(input.predictions, params.mode);
    const LossAnalysis analysis = analyzeLoss(cache, params, input.predictions.targetClasses());
    QCOMPARE(analysis.loss.value, focalLoss(input.predictions, params).value);
    QCOMPARE(analysis.perClass.size(), std::size_t(3));
    double shares = 0.0;
    for (const ClassLoss& c : analysis.perClass)
        shares += c.share;
    QVERIFY(std::abs(shares - 1.0) < 1e-12);
    QCOMPARE(analysis.alpha.size(), Index(3));
}

void TestJsonReport::badParameters_data()
{
    QTest::addColumn<double>("gamma");
    QTest::addColumn<double>("maxFpr");
    QTest::addColumn<int>("alphaCount");
    QTest::addColumn<QString>("message");
    QTest::newRow("negative gamma") << -1.0 << 1.0 << 0 << "gamma";
    QTest::newRow("max fpr 0") << 2.0 << 0.0 << 0 << "max FPR";
    QTest::newRow("max fpr above 1") << 2.0 << 1.5 << 0 << "max FPR";
    QTest::newRow("alpha list too short") << 2.0 << 1.0 << 2 << "alpha";
}

void TestJsonReport::badParameters()
{
    QFETCH(double, gamma);
    QFETCH(double, maxFpr);
    QFETCH(int, alphaCount);
    QFETCH(QString, message);
    AnalysisOptions options;
    options.loss.gamma = gamma;
    options.roc.maxFpr = maxFpr;
    if (alphaCount > 0)
        options.loss.alpha = Alpha::fromList(std::vector<double>(std::size_t(alphaCount), 1.0));
    try {
        analyze(seedMulticlass().predictions, options);
        QFAIL("no exception");
    } catch (const std::invalid_argument& error) {
        QVERIFY2(QString(error.what()).contains(message), error.what());
    }
}

void TestJsonReport::textSummary()
{
    const ReadResult input = seedMulticlass();
    const std::string text = textReport("in.csv", input, analyze(input.predictions, {}), false);
    const QString summary = QString::fromStdString(text);
    QVERIFY2(summary.startsWith("in.csv: 5 rows (0 ignored, 0 skipped), 3 classes, probabilities"),
        text.c_str());
    QVERIFY2(
        summary.contains("AUROC macro 0.7778, weighted 0.7333, micro 0.7400, one-vs-one 0.8125"),
        text.c_str());
    QVERIFY2(summary.contains(QRegularExpression("\\ncat +1 +")), text.c_str());
}

void TestJsonReport::rocCsvRows()
{
    const ReadResult input = seedBinary();
    AnalysisOptions options;
    options.roc.withCurves = true;
    const std::string csv = rocCsv(analyze(input.predictions, options));
    const QStringList lines = QString::fromStdString(csv).trimmed().split('\n');
    QCOMPARE(lines.front(), QStringLiteral("class,threshold,fpr,tpr"));
    QCOMPARE(lines.size(), 7);
    QVERIFY2(lines.at(1).endsWith(",inf,0,0"), qPrintable(lines.at(1)));
    QVERIFY2(lines.at(2).endsWith(",0.34,0,0.3333333333333333"), qPrintable(lines.at(2)));
}

void TestJsonReport::operatingPoints()
{
    // 0.34 (P), 0.26 (N), 0.19 (P), 0.13 (N), 0.08 (P)
    const ReadResult input = seedBinary();
    AnalysisOptions options;
    options.operatingRules
        = {parseOperatingRule("youden"), parseOperatingRule("cost=1,5"), parseOperatingRule("f1")};
    QVERIFY(!reportOf(input, {}, false).contains("operating_points"));
    QVERIFY(!reportOf(input, options, false).contains("confusion_matrix")); // binary
    const QJsonArray points = reportOf(input, options, false).value("operating_points").toArray();
    QCOMPARE(points.size(), 3);
    const QJsonObject youden = points.at(0).toObject();
    // The column is headed "score", a generic name: the class is "positive".
    QCOMPARE(youden.value("class").toString(), QStringLiteral("positive"));
    QCOMPARE(youden.value("rule").toString(), QStringLiteral("youden"));
    QCOMPARE(youden.value("threshold").toDouble(), 0.34);
    QCOMPARE(youden.value("tp").toInt(), 1);
    QCOMPARE(youden.value("fp").toInt(), 0);
    QCOMPARE(youden.value("tn").toInt(), 2);
    QCOMPARE(youden.value("fn").toInt(), 2);
    QCOMPARE(youden.value("precision").toDouble(), 1.0);
    QCOMPARE(youden.value("npv").toDouble(), 0.5);
    QVERIFY(std::abs(youden.value("mcc").toDouble() - 1.0 / std::sqrt(6.0)) < 1e-15);
    for (const char* key : {"tpr", "fpr", "recall", "f1", "balanced_accuracy", "specificity"})
        QVERIFY2(youden.value(key).isDouble(), key);
    QVERIFY(!youden.contains("iso_cost_slope"));
    // cost=1,5 with PI = 3/5: everything positive costs (1 - PI) 1 = 0.4, the least.
    const QJsonObject cost = points.at(1).toObject();
    QCOMPARE(cost.value("threshold").toDouble(), 0.08);
    QVERIFY(std::abs(cost.value("prevalence").toDouble() - 0.6) < 1e-15);
    QVERIFY(std::abs(cost.value("expected_cost").toDouble() - 0.4) < 1e-15);
    QVERIFY(std::abs(cost.value("iso_cost_slope").toDouble() - 0.4 / 3.0) < 1e-15);
    QVERIFY(cost.value("npv").isNull()); // nothing predicted negative
    QVERIFY(cost.value("mcc").isNull());
    QCOMPARE(points.at(2).toObject().value("f1").toDouble(), 0.75);

    const QString text = QString::fromStdString(
        textReport("in.csv", input, analyze(input.predictions, options), false));
    QVERIFY2(text.contains(QRegularExpression("\\npositive +youden +0\\.34 +1 +0 +2 +2 ")),
        qPrintable(text));
    QVERIFY2(text.contains("expected cost 0.400000, iso-cost slope 0.133333"), qPrintable(text));
}

void TestJsonReport::confusionMatrix()
{
    // Argmax of the seed's 3-class example: rows 0..4 predict 0, 1, 2, 0, 2.
    const QJsonArray matrix
        = reportOf(seedMulticlass(), {}, false).value("confusion_matrix").toArray();
    QCOMPARE(matrix.size(), 3);
    const int expected[3][3] = {{1, 0, 0}, {0, 1, 1}, {1, 0, 1}};
    for (int t = 0; t < 3; ++t)
        for (int p = 0; p < 3; ++p)
            QCOMPARE(matrix.at(t).toArray().at(p).toInt(), expected[t][p]);
    // An analysis put together without analyze() (the window's export) gets one too.
    const ReadResult input = seedMulticlass();
    Analysis assembled = analyze(input.predictions, {});
    assembled.confusionMatrix.reset();
    const QJsonDocument doc = QJsonDocument::fromJson(
        QByteArray::fromStdString(jsonReport("in.csv", input, assembled, false)));
    QCOMPARE(doc.object().value("confusion_matrix").toArray(), matrix);
    const QString text = QString::fromStdString(
        textReport("in.csv", input, analyze(input.predictions, {}), false));
    QVERIFY2(text.contains(QRegularExpression("\\nbird +1 +0 +1\\n")), qPrintable(text));
}

void TestJsonReport::operatingPointWithoutPositives()
{
    // No row of class 'bird': its rule gives no point, a warning says why; the others have one.
    const ReadResult input = makeInput({{0.8, 0.1, 0.1}, {0.3, 0.6, 0.1}, {0.5, 0.4, 0.1}},
        {0, 1, 0}, ScoreKind::Probabilities, {"cat", "dog", "bird"});
    AnalysisOptions options;
    options.operatingRules = {parseOperatingRule("tpr=0.9")};
    const QJsonObject root = reportOf(input, options, false);
    const QJsonArray points = root.value("operating_points").toArray();
    QCOMPARE(points.size(), 2);
    QCOMPARE(points.at(1).toObject().value("class").toString(), QStringLiteral("dog"));
    bool warned = false;
    for (const QJsonValue& warning : root.value("warnings").toArray())
        warned |= warning.toString()
            == QStringLiteral("class 'bird': no operating point for tpr=0.9 (there are no "
                              "positive rows: tpr=0.9 needs positive and negative rows)");
    QVERIFY2(warned, QJsonDocument(root.value("warnings").toArray()).toJson().constData());
}

QTEST_GUILESS_MAIN(TestJsonReport)
#include "tst_json_report.moc"
