#include "focal_case.h"
#include "loss/focal_loss.h"
#include "plain_focal.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <limits>
#include <stdexcept>

using namespace focalscope;
using namespace focalscope::testing;

Q_DECLARE_METATYPE(QJsonObject)
Q_DECLARE_METATYPE(PlainCase)
Q_DECLARE_METATYPE(FocalParams)

namespace {

Predictions makePredictions(const std::vector<std::vector<double>>& rows,
    const std::vector<std::int32_t>& labels, ScoreKind kind = ScoreKind::Logits)
{
    Predictions p;
    const Index n = static_cast<Index>(rows.size());
    const Index classes = n > 0 ? static_cast<Index>(rows[0].size()) : 1;
    p.scores.resize(n, classes);
    for (Index i = 0; i < n; ++i)
        for (Index c = 0; c < classes; ++c)
            p.scores(i, c) = static_cast<float>(
                rows[static_cast<std::size_t>(i)][static_cast<std::size_t>(c)]);
    p.labels = Eigen::Map<const LabelVector>(labels.data(), static_cast<Index>(labels.size()));
    p.kind = kind;
    p.classNames = defaultClassNames(classes);
    return p;
}

Predictions fromJsonRows(const QJsonArray& scores, const QJsonArray& labels)
{
    std::vector<std::vector<double>> rows;
    for (const QJsonValue& row : scores)
        rows.push_back(row.isArray() ? toDoubles(row) : std::vector<double> {row.toDouble()});
    std::vector<std::int32_t> l;
    for (const QJsonValue& v : labels)
        l.push_back(v.toInt());
    return makePredictions(rows, l);
}

void addCaseRows(const char* fixture)
{
    QTest::addColumn<QJsonObject>("c");
    const QJsonArray cases = loadFocalCases(fixture);
    for (int i = 0; i < cases.size(); ++i) {
        const QJsonObject c = cases[i].toObject();
        QTest::newRow(qPrintable(caseName(c, i))) << c;
    }
}

void compareSampledRows(const FocalLossResult& result, const QJsonObject& c)
{
    const QJsonArray rows = c.value(QStringLiteral("rows")).toArray();
    const std::vector<double> perRow = toDoubles(c.value(QStringLiteral("per_row")));
    const std::vector<double> pt = toDoubles(c.value(QStringLiteral("pt")));
    for (int k = 0; k < rows.size(); ++k) {
        const Index i = rows[k].toInteger();
        if (!closeElement(result.perRow[i], perRow[static_cast<std::size_t>(k)]))
            QFAIL(qPrintable(QStringLiteral("row %1: loss %2, torch %3")
                                 .arg(i)
                                 .arg(result.perRow[i], 0, 'g', 17)
                                 .arg(perRow[static_cast<std::size_t>(k)], 0, 'g', 17)));
        if (!closeElement(result.pt[i], pt[static_cast<std::size_t>(k)]))
            QFAIL(qPrintable(QStringLiteral("row %1: p_t %2, torch %3")
                                 .arg(i)
                                 .arg(result.pt[i], 0, 'g', 17)
                                 .arg(pt[static_cast<std::size_t>(k)], 0, 'g', 17)));
    }
}

void compareReductions(const Predictions& predictions, const QJsonObject& c)
{
    const PtCache cache = computePtCache(predictions, caseParams(c).mode);
    const struct {
        Reduction reduction;
        const char* key;
    } reductions[] = {{Reduction::Mean, "mean"}, {Reduction::Sum, "sum"},
        {Reduction::WeightedMean, "weighted_mean"}, {Reduction::None, "mean"}};
    for (const auto& r : reductions) {
        const FocalLossResult result = focalLoss(cache, caseParams(c, r.reduction));
        const double expected = toDouble(c.value(QLatin1String(r.key)));
        if (!closeReduced(result.value, expected))
            QFAIL(qPrintable(QStringLiteral("%1: %2, torch %3")
                                 .arg(QLatin1String(r.key))
                                 .arg(result.value, 0, 'g', 17)
                                 .arg(expected, 0, 'g', 17)));
    }
    const FocalLossResult result = focalLoss(predictions, caseParams(c));
    QCOMPARE(result.counted, c.value(QStringLiteral("counted")).toInteger());
    QVERIFY(closeReduced(result.alphaSum, c.value(QStringLiteral("alpha_sum")).toDouble()));
    QCOMPARE(result.perRow.size(), predictions.rows());
    QCOMPARE(result.pt.size(), predictions.rows());
    compareSampledRows(result, c);
    for (Index i = 0; i < predictions.rows(); ++i)
        if (predictions.isIgnored(i)) {
            QCOMPARE(result.perRow[i], 0.0);
            QVERIFY(std::isnan(result.pt[i]));
        }
}

} // namespace

class TestFocalLoss : public QObject {
    Q_OBJECT

private slots:
    void demo_data();
    void demo();
    void softmaxRandom_data();
    void softmaxRandom();
    void sigmoidRandom_data();
    void sigmoidRandom();
    void gradientRandom_data();
    void gradientRandom();
    void crossEntropy_data();
    void crossEntropy();
    void batchLayout();
    void binarySoftmax();
    void effectiveAlpha_data();
    void effectiveAlpha();
    void wellClassifiedPrecision_data();
    void wellClassifiedPrecision();
    void gradientFiniteAtCertainty_data();
    void gradientFiniteAtCertainty();
    void probabilityClamp();
    void allIgnored();
    void invalidInput();
    void badLabelInParallelPass();
    void streamingAgainstPlain_data();
    void streamingAgainstPlain();
};

void TestFocalLoss::demo_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<double>("seedValue"); // the Demo notebook's printed tensor
    QTest::newRow("alpha 0.25") << 0 << 1.1915;
    QTest::newRow("alpha [1,2,3,1,2]") << 1 << 2.5672;
}

void TestFocalLoss::demo()
{
    QFETCH(int, index);
    QFETCH(double, seedValue);
    const QJsonObject demo = loadJson(QStringLiteral("reference/fixtures/focal/special.json"))
                                 .object()
                                 .value(QStringLiteral("demo"))
                                 .toObject();
    const Predictions p = fromJsonRows(demo.value(QStringLiteral("logits")).toArray(),
        demo.value(QStringLiteral("labels")).toArray());
    const QJsonObject c = demo.value(QStringLiteral("cases")).toArray()[index].toObject();
    FocalParams params;
    const QJsonValue alpha = c.value(QStringLiteral("alpha"));
    params.alpha
        = alpha.isArray() ? Alpha::fromList(toDoubles(alpha)) : Alpha::fromScalar(alpha.toDouble());
    params.gamma = 2.0;
    const double value = focalLoss(p, params).value;
    QCOMPARE(std::round(value * 1e4) / 1e4, seedValue);
    QVERIFY(closeReduced(value, c.value(QStringLiteral("value")).toDouble()));
}

void TestFocalLoss::softmaxRandom_data()
{
    addCaseRows("softmax_random");
}

void TestFocalLoss::softmaxRandom()
{
    QFETCH(QJsonObject, c);
    compareReductions(makeCasePredictions(c), c);
}

void TestFocalLoss::sigmoidRandom_data()
{
    addCaseRows("sigmoid_random");
}

void TestFocalLoss::sigmoidRandom()
{
    QFETCH(QJsonObject, c);
    const Predictions p = makeCasePredictions(c);
    compareReductions(p, c);
    const Eigen::ArrayXXd elements = sigmoidFocalLossElements(p, caseParams(c));
    QCOMPARE(elements.rows(), p.rows());
    QCOMPARE(elements.cols(), p.classes());
    const QJsonArray rows = c.value(QStringLiteral("rows")).toArray();
    const QJsonArray expected = c.value(QStringLiteral("elements")).toArray();
    for (int k = 0; k < rows.size(); ++k) {
        const Index i = rows[k].toInteger();
        const std::vector<double> e = toDoubles(expected[k]);
        for (Index col = 0; col < p.classes(); ++col)
            if (!closeElement(elements(i, col), e[static_cast<std::size_t>(col)]))
                QFAIL(qPrintable(QStringLiteral("element (%1, %2): %3, torch %4")
                                     .arg(i)
                                     .arg(col)
                                     .arg(elements(i, col), 0, 'g', 17)
                                     .arg(e[static_cast<std::size_t>(col)], 0, 'g', 17)));
    }
}

void TestFocalLoss::gradientRandom_data()
{
    addCaseRows("gradient_random");
}

void TestFocalLoss::gradientRandom()
{
    QFETCH(QJsonObject, c);
    const Predictions p = makeCasePredictions(c);
    const Eigen::MatrixXd gradient = focalLossGradient(p, caseParams(c));
    QCOMPARE(gradient.rows(), p.rows());
    QCOMPARE(gradient.cols(), p.classes());
    QVERIFY(gradient.allFinite());
    const QJsonArray rows = c.value(QStringLiteral("rows")).toArray();
    const QJsonArray expected = c.value(QStringLiteral("gradient")).toArray();
    for (int k = 0; k < rows.size(); ++k) {
        const Index i = rows[k].toInteger();
        const std::vector<double> g = toDoubles(expected[k]);
        for (Index col = 0; col < p.classes(); ++col)
            if (!closeElement(gradient(i, col), g[static_cast<std::size_t>(col)]))
                QFAIL(qPrintable(QStringLiteral("d l_%1 / d x_%1,%2: %3, autograd %4")
                                     .arg(i)
                                     .arg(col)
                                     .arg(gradient(i, col), 0, 'g', 17)
                                     .arg(g[static_cast<std::size_t>(col)], 0, 'g', 17)));
    }
    for (Index i = 0; i < p.rows(); ++i)
        if (p.isIgnored(i))
            QVERIFY(gradient.row(i).isZero(0.0));
}

void TestFocalLoss::crossEntropy_data()
{
    QTest::addColumn<QJsonObject>("c");
    const QJsonArray cases = loadJson(QStringLiteral("reference/fixtures/focal/special.json"))
                                 .object()
                                 .value(QStringLiteral("cross_entropy"))
                                 .toArray();
    for (int i = 0; i < cases.size(); ++i) {
        QJsonObject c = cases[i].toObject();
        c.insert(QStringLiteral("mode"), QStringLiteral("softmax"));
        QTest::newRow(qPrintable(caseName(c, i))) << c;
    }
}

// gamma = 0 is cross-entropy: F.cross_entropy(weight = alpha) with its weighted mean, and its sum.
void TestFocalLoss::crossEntropy()
{
    QFETCH(QJsonObject, c);
    const Predictions p = makeCasePredictions(c);
    const bool weighted
        = c.value(QStringLiteral("alpha")).toObject().value(QStringLiteral("mode")).toString()
        == QLatin1String("list");
    const double mean
        = focalLoss(p, caseParams(c, weighted ? Reduction::WeightedMean : Reduction::Mean)).value;
    const double sum = focalLoss(p, caseParams(c, Reduction::Sum)).value;
    QVERIFY2(closeReduced(mean, c.value(QStringLiteral("ce_mean")).toDouble()),
        qPrintable(QString::number(mean, 'g', 17)));
    QVERIFY2(closeReduced(sum, c.value(QStringLiteral("ce_sum")).toDouble()),
        qPrintable(QString::number(sum, 'g', 17)));
}

// The seed's [B, N, C] input: the rows of view(-1, C) in order.
void TestFocalLoss::batchLayout()
{
    const QJsonObject bnc = loadJson(QStringLiteral("reference/fixtures/focal/special.json"))
                                .object()
                                .value(QStringLiteral("bnc"))
                                .toObject();
    const Predictions p = fromJsonRows(bnc.value(QStringLiteral("scores")).toArray(),
        bnc.value(QStringLiteral("labels")).toArray());
    QCOMPARE(p.rows(), Index {6});
    FocalParams params;
    params.alpha = Alpha::fromScalar(0.25);
    params.gamma = 2.0;
    QVERIFY(closeReduced(focalLoss(p, params).value, bnc.value(QStringLiteral("mean")).toDouble()));
    params.reduction = Reduction::Sum;
    QVERIFY(closeReduced(focalLoss(p, params).value, bnc.value(QStringLiteral("sum")).toDouble()));
}

// Softmax mode on one score column: the two-class softmax of [0, x].
void TestFocalLoss::binarySoftmax()
{
    const QJsonObject b = loadJson(QStringLiteral("reference/fixtures/focal/special.json"))
                              .object()
                              .value(QStringLiteral("binary_softmax"))
                              .toObject();
    const Predictions p = fromJsonRows(
        b.value(QStringLiteral("scores")).toArray(), b.value(QStringLiteral("labels")).toArray());
    QCOMPARE(p.classes(), Index {1});
    FocalParams params;
    params.alpha = Alpha::fromScalar(0.25);
    params.gamma = 2.0;
    const double value = focalLoss(p, params).value;
    QVERIFY2(closeReduced(value, b.value(QStringLiteral("mean")).toDouble()),
        qPrintable(QString::number(value, 'g', 17)));
}

void TestFocalLoss::effectiveAlpha_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("classes");
    QTest::addColumn<int>("alphaMode");
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<QList<double>>("expected");
    QTest::addColumn<QList<double>>("table");
    const int softmax = int(LossMode::Softmax), sigmoid = int(LossMode::Sigmoid);
    const int scalar = int(Alpha::Mode::Scalar), list = int(Alpha::Mode::PerClass),
              none = int(Alpha::Mode::None);
    QTest::newRow("softmax scalar 4")
        << softmax << 4 << scalar << QList<double> {0.25} << QList<double> {0.25, 0.75, 0.75, 0.75}
        << QList<double> {0.25, 0.75, 0.75, 0.75};
    QTest::newRow("softmax list 3") << softmax << 3 << list << QList<double> {1, 2, 3}
                                    << QList<double> {1, 2, 3} << QList<double> {1, 2, 3};
    QTest::newRow("softmax none 2")
        << softmax << 2 << none << QList<double> {} << QList<double> {1, 1} << QList<double> {1, 1};
    QTest::newRow("softmax scalar 1 column")
        << softmax << 1 << scalar << QList<double> {0.25} << QList<double> {0.25, 0.75}
        << QList<double> {0.25, 0.75};
    QTest::newRow("sigmoid scalar 1 column")
        << sigmoid << 1 << scalar << QList<double> {0.25} << QList<double> {0.75, 0.25}
        << QList<double> {0.75, 0.25};
    QTest::newRow("sigmoid negative scalar") << sigmoid << 1 << scalar << QList<double> {-1}
                                             << QList<double> {1, 1} << QList<double> {1, 1};
    QTest::newRow("sigmoid list of one")
        << sigmoid << 1 << list << QList<double> {0.125} << QList<double> {0.875, 0.125}
        << QList<double> {0.875, 0.125};
    QTest::newRow("sigmoid list of two") << sigmoid << 1 << list << QList<double> {2, 3}
                                         << QList<double> {2, 3} << QList<double> {2, 3};
    QTest::newRow("sigmoid scalar 3")
        << sigmoid << 3 << scalar << QList<double> {0.25} << QList<double> {0.25, 0.25, 0.25}
        << QList<double> {0.25, 0.25, 0.25, 0.75, 0.75, 0.75};
    QTest::newRow("sigmoid list 2")
        << sigmoid << 2 << list << QList<double> {0.5, 0.125} << QList<double> {0.5, 0.125}
        << QList<double> {0.5, 0.125, 0.5, 0.875};
    QTest::newRow("sigmoid none 2") << sigmoid << 2 << none << QList<double> {}
                                    << QList<double> {1, 1} << QList<double> {1, 1, 1, 1};
}

void TestFocalLoss::effectiveAlpha()
{
    QFETCH(int, mode);
    QFETCH(int, classes);
    QFETCH(int, alphaMode);
    QFETCH(QList<double>, values);
    QFETCH(QList<double>, expected);
    QFETCH(QList<double>, table);
    Alpha alpha;
    alpha.mode = Alpha::Mode(alphaMode);
    if (alpha.mode == Alpha::Mode::Scalar)
        alpha.scalar = values[0];
    else if (alpha.mode == Alpha::Mode::PerClass)
        alpha.perClass.assign(values.begin(), values.end());
    const Eigen::VectorXd w = focalscope::effectiveAlpha(alpha, LossMode(mode), classes);
    QCOMPARE(QList<double>(w.begin(), w.end()), expected);
    const Eigen::VectorXd t = alphaTable(alpha, LossMode(mode), classes);
    QCOMPARE(QList<double>(t.begin(), t.end()), table);
}

void TestFocalLoss::wellClassifiedPrecision_data()
{
    QTest::addColumn<double>("margin");
    QTest::addColumn<double>("gamma");
    QTest::newRow("margin 20, gamma 0") << 20.0 << 0.0;
    QTest::newRow("margin 40, gamma 0") << 40.0 << 0.0;
    QTest::newRow("margin 40, gamma 0.5") << 40.0 << 0.5;
    QTest::newRow("margin 30, gamma 2") << 30.0 << 2.0;
}

// 1 - p_t and log p_t of a well-classified row keep their relative precision (a naive
// 1 - exp(log p_t) or log(sum exp) would return 0 here).
void TestFocalLoss::wellClassifiedPrecision()
{
    QFETCH(double, margin);
    QFETCH(double, gamma);
    const Predictions p = makePredictions({{margin, 0.0, 0.0}}, {0});
    FocalParams params;
    params.alpha = Alpha::none();
    params.gamma = gamma;
    // log p_t = -log1p(2 e^-margin), 1 - p_t = 2 e^-margin / (1 + 2 e^-margin)
    const double r = 2.0 * std::exp(-margin);
    const double expected = std::pow(r / (1.0 + r), gamma) * std::log1p(r);
    const double actual = focalLoss(p, params).perRow[0];
    QVERIFY2(expected > 0.0 && std::abs(actual - expected) <= 1e-12 * expected,
        qPrintable(QStringLiteral("%1 vs %2").arg(actual, 0, 'g', 17).arg(expected, 0, 'g', 17)));
    for (LossMode mode : {LossMode::Softmax, LossMode::Sigmoid}) {
        params.mode = mode;
        const Predictions binary = makePredictions({{margin}}, {1});
        const double b = std::pow(std::exp(-margin) / (1.0 + std::exp(-margin)), gamma)
            * std::log1p(std::exp(-margin));
        const double actualBinary = focalLoss(binary, params).perRow[0];
        QVERIFY2(std::abs(actualBinary - b) <= 1e-12 * b,
            qPrintable(QStringLiteral("binary %1 vs %2")
                           .arg(actualBinary, 0, 'g', 17)
                           .arg(b, 0, 'g', 17)));
    }
}

void TestFocalLoss::gradientFiniteAtCertainty_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("kind");
    QTest::addColumn<double>("gamma");
    for (double gamma : {0.0, 0.25, 0.5, 0.999, 1.0, 2.0}) {
        QTest::addRow("softmax logits gamma %g", gamma)
            << int(LossMode::Softmax) << int(ScoreKind::Logits) << gamma;
        QTest::addRow("softmax probabilities gamma %g", gamma)
            << int(LossMode::Softmax) << int(ScoreKind::Probabilities) << gamma;
        QTest::addRow("sigmoid logits gamma %g", gamma)
            << int(LossMode::Sigmoid) << int(ScoreKind::Logits) << gamma;
    }
}

// p_t == 1 in double: the gradient's limit 0, never NaN or inf, also for 0 < gamma < 1.
void TestFocalLoss::gradientFiniteAtCertainty()
{
    QFETCH(int, mode);
    QFETCH(int, kind);
    QFETCH(double, gamma);
    const bool logits = ScoreKind(kind) == ScoreKind::Logits;
    // Every element certain (also for the sigmoid's negatives). Probabilities of exactly 0 are
    // clamped to 1e-12, so there p_t falls short of 1 by about 1e-12 and so does the gradient.
    const Predictions p = makePredictions(
        {logits ? std::vector<double> {100.0, -100.0, -100.0} : std::vector<double> {1.0, 0.0, 0.0},
            logits ? std::vector<double> {-60.0, 60.0, -60.0}
                   : std::vector<double> {0.0, 1.0, 0.0}},
        {0, 1}, ScoreKind(kind));
    FocalParams params;
    params.mode = LossMode(mode);
    params.gamma = gamma;
    const Eigen::MatrixXd g = focalLossGradient(p, params);
    QVERIFY(g.allFinite());
    QVERIFY2(g.cwiseAbs().maxCoeff() < (logits ? 1e-20 : 1e-11),
        qPrintable(QString::number(g.cwiseAbs().maxCoeff())));
    const FocalLossResult loss = focalLoss(p, params);
    QVERIFY(loss.perRow.allFinite());
}

// Probabilities: log p_t = log(max(p_t, 1e-12)); p_t = 1 gives 0 loss.
void TestFocalLoss::probabilityClamp()
{
    const Predictions p = makePredictions(
        {{0.0, 1.0}, {1.0, 0.0}, {0.5, 0.5}}, {0, 0, 1}, ScoreKind::Probabilities);
    FocalParams params;
    params.alpha = Alpha::fromScalar(0.25);
    params.gamma = 2.0;
    params.reduction = Reduction::None;
    const FocalLossResult r = focalLoss(p, params);
    QVERIFY(closeElement(r.perRow[0], -0.25 * std::pow(1.0 - 1e-12, 2.0) * std::log(1e-12)));
    QCOMPARE(r.perRow[1], 0.0);
    QVERIFY(closeElement(r.perRow[2], -0.75 * 0.25 * std::log(0.5)));
    QCOMPARE(r.pt[1], 1.0);
}

void TestFocalLoss::allIgnored()
{
    const Predictions p = makePredictions({{1.0, 2.0}, {0.5, -1.0}}, {-100, -100});
    FocalParams params;
    const FocalLossResult mean = focalLoss(p, params);
    QVERIFY(std::isnan(mean.value));
    QCOMPARE(mean.counted, Index {0});
    QCOMPARE(mean.perRow[0], 0.0);
    QVERIFY(std::isnan(mean.pt[1]));
    params.reduction = Reduction::Sum;
    QCOMPARE(focalLoss(p, params).value, 0.0);
    params.mode = LossMode::Sigmoid;
    QCOMPARE(focalLoss(p, params).value, 0.0);
    QVERIFY(focalLossGradient(p, params).isZero(0.0));
}

void TestFocalLoss::invalidInput()
{
    const Predictions p = makePredictions({{1.0, 2.0, 0.0}}, {1});
    FocalParams params;
    params.alpha = Alpha::fromList({1.0, 2.0});
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, focalLoss(p, params));
    params.alpha = Alpha::fromScalar(0.25);
    params.gamma = -1.0;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, focalLoss(p, params));
    params.gamma = 2.0;
    const PtCache cache = computePtCache(p, LossMode::Sigmoid);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, focalLoss(cache, params));
    const Predictions bad = makePredictions({{1.0, 2.0, 0.0}}, {3});
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, focalLoss(bad, params));
}

void TestFocalLoss::streamingAgainstPlain_data()
{
    QTest::addColumn<PlainCase>("data");
    QTest::addColumn<FocalParams>("params");
    // Sizes above 65536 scores run on every core, in parts; below in the calling thread.
    const auto params = [](LossMode mode, Alpha alpha, double gamma) {
        FocalParams f;
        f.mode = mode;
        f.alpha = std::move(alpha);
        f.gamma = gamma;
        return f;
    };
    const LossMode soft = LossMode::Softmax;
    const LossMode sig = LossMode::Sigmoid;
    const ScoreKind logits = ScoreKind::Logits;
    const ScoreKind probs = ScoreKind::Probabilities;
    const auto row = [&](const char* name, LossMode mode, ScoreKind kind, Index classes, Index rows,
                         PlainLabels labels, int ignore, bool ties, FocalParams f) {
        PlainCase c {mode, kind, classes, rows, labels, ignore, ties, 0};
        c.seed = 0x1000 + static_cast<std::uint64_t>(rows * 31 + classes);
        QTest::newRow(name) << c << f;
    };
    row("softmax logits 40000x10 ignored, gamma 2", soft, logits, 10, 40000, PlainLabels::Random, 7,
        false, params(soft, Alpha::fromScalar(0.25), 2.0));
    row("softmax logits 30001x7 ties, gamma 0.7", soft, logits, 7, 30001, PlainLabels::Random, 5,
        true, params(soft, Alpha::fromScalar(0.4), 0.7));
    row("softmax logits ties, gamma 0", soft, logits, 4, 5003, PlainLabels::Random, 3, true,
        params(soft, Alpha::none(), 0.0));
    row("softmax logits list alpha, gamma 3", soft, logits, 3, 70000, PlainLabels::Random, 0, false,
        params(soft, Alpha::fromList({0.5, 2.0, 1.25}), 3.0));
    row("softmax logits only background", soft, logits, 6, 20000, PlainLabels::OnlyBackground, 9,
        false, params(soft, Alpha::fromScalar(0.25), 2.0));
    row("softmax logits only foreground", soft, logits, 6, 20000, PlainLabels::OnlyForeground, 0,
        true, params(soft, Alpha::fromScalar(0.25), 1.5));
    row("softmax logits 17 rows", soft, logits, 12, 17, PlainLabels::Random, 4, false,
        params(soft, Alpha::fromScalar(0.25), 2.0));
    row("softmax probabilities ties (p 0 and 1)", soft, probs, 5, 30000, PlainLabels::Random, 6,
        true, params(soft, Alpha::fromScalar(0.25), 2.0));
    row("softmax probabilities gamma 4.5", soft, probs, 8, 9000, PlainLabels::Random, 0, false,
        params(soft, Alpha::none(), 4.5));
    row("softmax one column", soft, logits, 1, 66000, PlainLabels::Random, 11, false,
        params(soft, Alpha::fromScalar(0.25), 2.0));
    row("sigmoid binary logits", sig, logits, 1, 100000, PlainLabels::Random, 13, false,
        params(sig, Alpha::fromScalar(0.25), 2.0));
    row("sigmoid binary probabilities ties", sig, probs, 1, 80000, PlainLabels::Random, 0, true,
        params(sig, Alpha::fromScalar(0.25), 1.3));
    row("sigmoid binary only negatives", sig, probs, 1, 5000, PlainLabels::OnlyBackground, 0, false,
        params(sig, Alpha::none(), 2.0));
    row("sigmoid 5 columns logits ties", sig, logits, 5, 20000, PlainLabels::Random, 7, true,
        params(sig, Alpha::fromScalar(0.25), 2.0));
    row("sigmoid 4 columns probabilities list", sig, probs, 4, 30000, PlainLabels::Random, 0, false,
        params(sig, Alpha::fromList({0.1, 0.9, 0.5, 0.3}), 0.5));
    row("every row ignored", soft, logits, 3, 70000, PlainLabels::Random, 1, false,
        params(soft, Alpha::fromScalar(0.25), 2.0));
}

// The streaming kernels (from the scores, with and without per-row values, and from a PtCache)
// against the plain row-by-row formulas, for every reduction and the totals of the views.
void TestFocalLoss::streamingAgainstPlain()
{
    QFETCH(PlainCase, data);
    QFETCH(FocalParams, params);
    const Predictions p = plainCasePredictions(data);
    const Index entriesPerRow = params.mode == LossMode::Sigmoid ? p.classes() : 1;
    const PlainLoss plain = plainFocalLoss(p, params);
    const PtCache cache = computePtCache(p, params.mode);
    for (Reduction reduction : {Reduction::Mean, Reduction::Sum, Reduction::WeightedMean}) {
        FocalParams f = params;
        f.reduction = reduction;
        const FocalLossResult kept = focalLoss(p, f);
        const FocalLossResult dropped = focalLoss(p, f, RowValues::Drop);
        const FocalLossResult cached = focalLoss(cache, f);
        const double expected = plain.value(reduction, entriesPerRow);
        for (const FocalLossResult* r : {&kept, &dropped, &cached}) {
            QVERIFY2(closeTo(r->value, expected, 1e-10),
                qPrintable(QStringLiteral("%1, plain %2")
                               .arg(r->value, 0, 'g', 17)
                               .arg(expected, 0, 'g', 17)));
            QCOMPARE(r->counted, plain.counted);
            QVERIFY(closeTo(r->alphaSum, plain.alphaSum, 1e-12));
        }
        // Without per-row values the same sums in the same order.
        QCOMPARE(dropped.perRow.size(), Index {0});
        QCOMPARE(dropped.pt.size(), Index {0});
        QCOMPARE(dropped.value, kept.value);
        QCOMPARE(dropped.totals.total, kept.totals.total);
        QCOMPARE(dropped.totals.easy, kept.totals.easy);
        QCOMPARE(dropped.totals.classSums, kept.totals.classSums);
    }
    const FocalLossResult kept = focalLoss(p, params);
    const FocalLossResult cached = focalLoss(cache, params);
    for (const FocalLossResult* r : {&kept, &cached}) {
        QCOMPARE(r->perRow.size(), p.rows());
        QCOMPARE(r->pt.size(), p.rows());
        for (Index i = 0; i < p.rows(); ++i) {
            const auto k = static_cast<std::size_t>(i);
            if (!closeTo(r->perRow[i], plain.perRow[k], 1e-9)
                || !closeTo(r->pt[i], plain.pt[k], 1e-12))
                QFAIL(qPrintable(QStringLiteral("row %1: loss %2 (plain %3), p_t %4 (plain %5)")
                                     .arg(i)
                                     .arg(r->perRow[i], 0, 'g', 17)
                                     .arg(plain.perRow[k], 0, 'g', 17)
                                     .arg(r->pt[i], 0, 'g', 17)
                                     .arg(plain.pt[k], 0, 'g', 17)));
        }
    }
    // The totals of the views: per class and the easy share (p_t > 0.5; a p_t within 1e-12 of
    // 0.5 may fall on either side).
    const Index targets = p.targetClasses();
    std::vector<double> classSums(static_cast<std::size_t>(targets), 0.0);
    std::vector<Index> classSamples(static_cast<std::size_t>(targets), 0);
    double easyLow = 0.0;
    double easyHigh = 0.0;
    for (Index i = 0; i < p.rows(); ++i) {
        if (p.labels[i] == p.ignoreIndex)
            continue;
        const auto k = static_cast<std::size_t>(i);
        classSums[static_cast<std::size_t>(p.labels[i])] += plain.perRow[k];
        ++classSamples[static_cast<std::size_t>(p.labels[i])];
        easyLow += plain.pt[k] > 0.5 + 1e-12 ? plain.perRow[k] : 0.0;
        easyHigh += plain.pt[k] > 0.5 - 1e-12 ? plain.perRow[k] : 0.0;
    }
    for (const FocalLossResult* r : {&kept, &cached}) {
        QCOMPARE(r->totals.classSamples, classSamples);
        for (std::size_t c = 0; c < classSums.size(); ++c)
            QVERIFY2(closeTo(r->totals.classSums[c], classSums[c], 1e-10),
                qPrintable(QStringLiteral("class %1").arg(c)));
        QVERIFY(closeTo(r->totals.total, plain.sum, 1e-10));
        QVERIFY2(
            r->totals.easy >= easyLow * (1.0 - 1e-10) && r->totals.easy <= easyHigh * (1.0 + 1e-10),
            qPrintable(QStringLiteral("easy %1, plain [%2, %3]")
                           .arg(r->totals.easy, 0, 'g', 17)
                           .arg(easyLow, 0, 'g', 17)
                           .arg(easyHigh, 0, 'g', 17)));
    }
    // Repeated, a pass gives the very same numbers (no dependence on timing).
    const FocalLossResult again = focalLoss(p, params);
    QCOMPARE(again.value, kept.value);
    QCOMPARE(again.totals.classSums, kept.totals.classSums);
}

// The streaming pass checks labels block by block on every core; the error is still the one of
// validatePredictions(), naming the first bad row, and nothing out of range is read.
void TestFocalLoss::badLabelInParallelPass()
{
    PlainCase c;
    c.classes = 4;
    c.rows = 100000;
    c.ignoreStride = 9;
    Predictions p = plainCasePredictions(c);
    p.labels[77777] = 4;
    p.labels[91000] = -3;
    QString expected;
    try {
        validatePredictions(p);
    } catch (const std::invalid_argument& error) {
        expected = QString::fromStdString(error.what());
    }
    QVERIFY(expected.contains(QStringLiteral("row 77777")));
    for (RowValues values : {RowValues::Keep, RowValues::Drop}) {
        QString message;
        try {
            focalLoss(p, FocalParams {}, values);
        } catch (const std::invalid_argument& error) {
            message = QString::fromStdString(error.what());
        }
        QCOMPARE(message, expected);
    }
}

QTEST_GUILESS_MAIN(TestFocalLoss)
#include "tst_focal_loss.moc"
