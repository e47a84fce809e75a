// Numerical extremes: every number is finite, or undefined (NaN, null in JSON) where
// DESIGN.md says so — never an infinity, never a crash.

#include "report/json_report.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace focalscope;

namespace {

Predictions makePredictions(
    const std::vector<std::vector<float>>& rows, const std::vector<int>& labels, ScoreKind kind)
{
    Predictions p;
    p.scores.resize(static_cast<Index>(rows.size()), static_cast<Index>(rows.front().size()));
    for (std::size_t i = 0; i < rows.size(); ++i)
        for (std::size_t j = 0; j < rows[i].size(); ++j)
            p.scores(static_cast<Index>(i), static_cast<Index>(j)) = rows[i][j];
    p.labels.resize(static_cast<Index>(labels.size()));
    for (std::size_t i = 0; i < labels.size(); ++i)
        p.labels[static_cast<Index>(i)] = labels[i];
    p.kind = kind;
    p.classNames = defaultClassNames(p.classes());
    return p;
}

// Walks every number of the report: none may be infinite (the writer turns NaN and inf into
// null, so this looks for nulls where a value is defined instead).
void collectNulls(const QJsonValue& value, const QString& where, QStringList& nulls)
{
    if (value.isNull())
        nulls << where;
    else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            collectNulls(it.value(), where + "." + it.key(), nulls);
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            collectNulls(array.at(i), QStringLiteral("%1[%2]").arg(where).arg(i), nulls);
    }
}

struct Outcome {
    Analysis analysis;
    QStringList nulls;
};

Outcome run(const Predictions& p, double alpha, double gamma)
{
    AnalysisOptions options;
    options.loss.mode = defaultLossMode(p);
    options.loss.alpha = Alpha::fromScalar(alpha);
    options.loss.gamma = gamma;
    ReadResult input;
    input.predictions = p;
    input.samples = p.rows();
    input.format = FileFormatId::Csv;
    Outcome outcome {analyze(p, options), {}};
    const QJsonDocument doc = QJsonDocument::fromJson(
        QByteArray::fromStdString(jsonReport("x", input, outcome.analysis, false)));
    collectNulls(doc.object(), "json", outcome.nulls);
    return outcome;
}

} // namespace

class TestExtremes : public QObject {
    Q_OBJECT

private slots:
    void finiteEverywhere_data();
    void finiteEverywhere();
    void gradientsFinite_data();
    void gradientsFinite();
    void oneRow();
    void oneClassColumn();
    void allRowsIgnored();
};

void TestExtremes::finiteEverywhere_data()
{
    QTest::addColumn<int>("dataset");
    QTest::addColumn<double>("alpha");
    QTest::addColumn<double>("gamma");
    for (double alpha : {0.0, 0.25, 1.0})
        for (double gamma : {0.0, 0.5, 5.0}) {
            QTest::addRow("logits 1e30, alpha %g, gamma %g", alpha, gamma) << 0 << alpha << gamma;
            QTest::addRow("probabilities 0 and 1, alpha %g, gamma %g", alpha, gamma)
                << 1 << alpha << gamma;
            QTest::addRow("binary logits 1e30, alpha %g, gamma %g", alpha, gamma)
                << 2 << alpha << gamma;
            QTest::addRow("binary probabilities 0 and 1, alpha %g, gamma %g", alpha, gamma)
                << 3 << alpha << gamma;
        }
}

void TestExtremes::finiteEverywhere()
{
    QFETCH(int, dataset);
    QFETCH(double, alpha);
    QFETCH(double, gamma);
    const std::vector<Predictions> datasets {
        makePredictions({{1e30f, -1e30f, 0.f}, {1e30f, -1e30f, 0.f}, {-1e30f, 1e30f, 0.f},
                            {0.f, 0.f, 1e30f}, {-1e30f, 0.f, 1e30f}, {1e30f, 1e30f, -1e30f}},
            {0, 1, 1, 2, 0, 2}, ScoreKind::Logits),
        makePredictions({{1.f, 0.f, 0.f}, {0.f, 1.f, 0.f}, {1.f, 0.f, 0.f}, {0.f, 0.f, 1.f},
                            {0.f, 1.f, 0.f}, {0.5f, 0.5f, 0.f}},
            {0, 0, 1, 2, 1, 2}, ScoreKind::Probabilities),
        makePredictions(
            {{1e30f}, {-1e30f}, {1e30f}, {-1e30f}, {0.f}}, {1, 1, 0, 0, 1}, ScoreKind::Logits),
        makePredictions(
            {{1.f}, {0.f}, {1.f}, {0.f}, {0.5f}}, {1, 1, 0, 0, 0}, ScoreKind::Probabilities),
    };
    const Outcome outcome = run(datasets[std::size_t(dataset)], alpha, gamma);
    const LossAnalysis& loss = outcome.analysis.loss;
    QVERIFY(std::isfinite(loss.loss.value));
    QVERIFY(loss.loss.perRow.allFinite());
    QVERIFY(loss.loss.value >= 0.0);
    // Undefined values only where DESIGN.md defines them so: a loss share when the total loss
    // is 0 (alpha 0 or nothing misclassified); nothing else.
    for (const QString& where : outcome.nulls) {
        if (where == "json.auroc.partial" || where == "json.input.labels_path") // not asked for
            continue;
        QVERIFY2(where.contains("share") && loss.loss.perRow.sum() == 0.0, qPrintable(where));
    }
    for (const ClassRoc& c : outcome.analysis.roc.classes)
        QVERIFY(std::isfinite(c.auroc));
}

void TestExtremes::gradientsFinite_data()
{
    QTest::addColumn<double>("gamma");
    QTest::addColumn<int>("mode");
    for (double gamma : {0.0, 0.25, 0.5, 1.0, 5.0}) {
        QTest::addRow("softmax gamma %g", gamma) << gamma << int(LossMode::Softmax);
        QTest::addRow("sigmoid gamma %g", gamma) << gamma << int(LossMode::Sigmoid);
    }
}

void TestExtremes::gradientsFinite()
{
    QFETCH(double, gamma);
    QFETCH(int, mode);
    const Predictions p = makePredictions(
        {{1e30f, -1e30f, 0.f}, {-1e30f, 1e30f, 0.f}, {0.f, 0.f, 1e30f}, {40.f, 0.f, 0.f}},
        {0, 0, 2, 0}, ScoreKind::Logits);
    FocalParams params;
    params.mode = LossMode(mode);
    params.gamma = gamma;
    const Eigen::MatrixXd gradient = focalLossGradient(p, params);
    QVERIFY(gradient.allFinite());
}

void TestExtremes::oneRow()
{
    const Outcome outcome
        = run(makePredictions({{2.f, 0.f, -1.f}}, {0}, ScoreKind::Logits), 0.25, 2.0);
    QVERIFY(std::isfinite(outcome.analysis.loss.loss.value));
    // One row has no negatives for its class and no positives for the others: undefined.
    for (const ClassRoc& c : outcome.analysis.roc.classes)
        QVERIFY(std::isnan(c.auroc));
    QVERIFY(std::isnan(outcome.analysis.roc.macro));
    QVERIFY(!outcome.analysis.warnings.empty());
}

void TestExtremes::oneClassColumn()
{
    // A binary file whose labels are all 1: AUROC undefined, with a warning; loss defined.
    const Outcome outcome = run(
        makePredictions({{0.2f}, {0.9f}, {0.6f}}, {1, 1, 1}, ScoreKind::Probabilities), 0.25, 2.0);
    QVERIFY(std::isfinite(outcome.analysis.loss.loss.value));
    QVERIFY(std::isnan(outcome.analysis.roc.classes.front().auroc));
    QVERIFY(outcome.nulls.contains("json.auroc.value"));
    QVERIFY(!outcome.analysis.warnings.empty());
}

void TestExtremes::allRowsIgnored()
{
    const Outcome outcome = run(
        makePredictions({{1.f, 0.f}, {0.f, 1.f}}, {-100, -100}, ScoreKind::Logits), 0.25, 2.0);
    // Nothing to average: the mean loss is undefined (null), never an infinity or a crash.
    QVERIFY(std::isnan(outcome.analysis.loss.loss.value));
    QVERIFY(outcome.nulls.contains("json.focal_loss.value"));
    QCOMPARE(outcome.analysis.loss.loss.counted, Index(0));
    for (const ClassRoc& c : outcome.analysis.roc.classes)
        QVERIFY(std::isnan(c.auroc));
}

QTEST_GUILESS_MAIN(TestExtremes)
#include "tst_extremes.moc"
