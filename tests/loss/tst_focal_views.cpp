#include "focal_case.h"
#include "loss/focal_views.h"
#include "plain_focal.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace focalscope;
using namespace focalscope::testing;

Q_DECLARE_METATYPE(QJsonObject)
Q_DECLARE_METATYPE(PlainCase)
Q_DECLARE_METATYPE(FocalParams)

namespace {

void compareCurve(const ConcentrationCurve& curve, const QJsonObject& expected)
{
    const Index rows = expected.value(QStringLiteral("rows")).toInteger();
    QCOMPARE(curve.rows, rows);
    QCOMPARE(static_cast<Index>(curve.fraction.size()), rows + 1);
    QCOMPARE(static_cast<Index>(curve.cumulative.size()), rows + 1);
    QCOMPARE(curve.fraction.front(), 0.0);
    QCOMPARE(curve.cumulative.front(), 0.0);
    const QJsonArray ks = expected.value(QStringLiteral("k")).toArray();
    const std::vector<double> cumulative = toDoubles(expected.value(QStringLiteral("cumulative")));
    for (int j = 0; j < ks.size(); ++j) {
        const auto k = static_cast<std::size_t>(ks[j].toInteger());
        const double fraction = rows > 0 ? static_cast<double>(k) / static_cast<double>(rows) : 0.0;
        QVERIFY(std::abs(curve.fraction[k] - fraction) <= 1e-15);
        const double e = cumulative[static_cast<std::size_t>(j)];
        if (!(std::abs(curve.cumulative[k] - e) <= 1e-9))
            QFAIL(qPrintable(QStringLiteral("point %1: %2, numpy %3")
                                 .arg(k)
                                 .arg(curve.cumulative[k], 0, 'g', 17)
                                 .arg(e, 0, 'g', 17)));
    }
    for (std::size_t k = 1; k < curve.cumulative.size(); ++k)
        QVERIFY(curve.cumulative[k] >= curve.cumulative[k - 1]
            && curve.fraction[k] > curve.fraction[k - 1]);
}

// Two curves of the same points, cumulative within 1e-12 (sums in another order).
void compareClose(const ConcentrationCurve& actual, const ConcentrationCurve& expected)
{
    QCOMPARE(actual.rows, expected.rows);
    QCOMPARE(actual.fraction, expected.fraction);
    QCOMPARE(actual.cumulative.size(), expected.cumulative.size());
    for (std::size_t k = 0; k < actual.cumulative.size(); ++k)
        QVERIFY2(std::abs(actual.cumulative[k] - expected.cumulative[k]) <= 1e-12,
            qPrintable(QStringLiteral("point %1").arg(k)));
}

// The default curve keeps at most kConcentrationPoints points, each equal to the full curve's
// point at its k (k_j = floor(j n / (points - 1))), the first and the last included.
void compareSampled(const ConcentrationCurve& sampled, const ConcentrationCurve& full)
{
    const std::size_t n = static_cast<std::size_t>(full.rows);
    QCOMPARE(sampled.rows, full.rows);
    const std::size_t points = std::min(n + 1, kConcentrationPoints);
    QCOMPARE(sampled.fraction.size(), points);
    QCOMPARE(sampled.cumulative.size(), points);
    for (std::size_t j = 0; j < points; ++j) {
        const std::size_t k = points == n + 1 ? j : j * n / (points - 1);
        QCOMPARE(sampled.fraction[j], full.fraction[k]);
        if (!(std::abs(sampled.cumulative[j] - full.cumulative[k]) <= 1e-12))
            QFAIL(qPrintable(QStringLiteral("point %1 (k %2): %3, full curve %4")
                                 .arg(j)
                                 .arg(k)
                                 .arg(sampled.cumulative[j], 0, 'g', 17)
                                 .arg(full.cumulative[k], 0, 'g', 17)));
    }
    QCOMPARE(sampled.fraction.front(), 0.0);
    if (n > 0)
        QCOMPARE(sampled.fraction.back(), 1.0);
}

} // namespace

class TestFocalViews : public QObject {
    Q_OBJECT

private slots:
    void viewsRandom_data();
    void viewsRandom();
    void ptSamples_data();
    void ptSamples();
    void focalLossAt_data();
    void focalLossAt();
    void gradientAt_data();
    void gradientAt();
    void curves_data();
    void curves();
    void concentrationEdges();
    void cacheViews_data();
    void cacheViews();
};

void TestFocalViews::viewsRandom_data()
{
    QTest::addColumn<QJsonObject>("c");
    const QJsonArray cases = loadFocalCases("views_random");
    for (int i = 0; i < cases.size(); ++i) {
        const QJsonObject c = cases[i].toObject();
        QTest::newRow(qPrintable(caseName(c, i))) << c;
    }
}

// Figure 4 curves against numpy's sort + cumsum, per-class numbers and the easy share.
void TestFocalViews::viewsRandom()
{
    QFETCH(QJsonObject, c);
    const Predictions p = makeCasePredictions(c);
    const FocalLossResult loss = focalLoss(p, caseParams(c));
    const LossConcentration concentration = lossConcentration(loss, p.labels, p.ignoreIndex, 0);
    compareCurve(concentration.background, c.value(QStringLiteral("background")).toObject());
    compareCurve(concentration.foreground, c.value(QStringLiteral("foreground")).toObject());
    // The sampled curves (the default) keep exact points of the full ones.
    const LossConcentration sampled = lossConcentration(loss, p.labels, p.ignoreIndex);
    compareSampled(sampled.background, concentration.background);
    compareSampled(sampled.foreground, concentration.foreground);
    // The presorted path gives the same curves, full and sampled; the cache holds the order.
    const PtCache cache = computePtCache(p, caseParams(c).mode);
    const ConcentrationOrder order = concentrationOrder(cache);
    QCOMPARE(cache.order.background, order.background);
    QCOMPARE(cache.order.foreground, order.foreground);
    const LossConcentration ordered = lossConcentration(loss, p.labels, p.ignoreIndex, order, 0);
    QCOMPARE(ordered.foreground.fraction, concentration.foreground.fraction);
    QCOMPARE(ordered.background.rows, concentration.background.rows);
    compareClose(ordered.background, concentration.background);
    compareClose(ordered.foreground, concentration.foreground);
    const LossConcentration orderedSampled
        = lossConcentration(loss, p.labels, p.ignoreIndex, order);
    compareSampled(orderedSampled.background, concentration.background);
    compareSampled(orderedSampled.foreground, concentration.foreground);

    const std::vector<ClassLoss> perClass
        = lossPerClass(loss, p.labels, p.targetClasses(), p.ignoreIndex);
    const QJsonArray expected = c.value(QStringLiteral("per_class")).toArray();
    QCOMPARE(static_cast<qsizetype>(perClass.size()), expected.size());
    for (int k = 0; k < expected.size(); ++k) {
        const QJsonObject e = expected[k].toObject();
        const ClassLoss& actual = perClass[static_cast<std::size_t>(k)];
        QCOMPARE(actual.samples, e.value(QStringLiteral("samples")).toInteger());
        QVERIFY2(closeElement(actual.mean, toDouble(e.value(QStringLiteral("mean")))),
            qPrintable(QStringLiteral("class %1 mean %2").arg(k).arg(actual.mean, 0, 'g', 17)));
        QVERIFY2(closeElement(actual.share, toDouble(e.value(QStringLiteral("share")))),
            qPrintable(QStringLiteral("class %1 share %2").arg(k).arg(actual.share, 0, 'g', 17)));
    }
    const double easy = easyShare(loss);
    QVERIFY2(closeElement(easy, toDouble(c.value(QStringLiteral("easy_share")))),
        qPrintable(QString::number(easy, 'g', 17)));
}

void TestFocalViews::ptSamples_data()
{
    QTest::addColumn<int>("count");
    for (int count : {2, 3, 4, 10, 400, 1000, 5000})
        QTest::addRow("%d", count) << count;
}

void TestFocalViews::ptSamples()
{
    QFETCH(int, count);
    const std::vector<double> pt = focalscope::ptSamples(count);
    QCOMPARE(static_cast<int>(pt.size()), count);
    QVERIFY(pt.front() > 0.0);
    QCOMPARE(pt.back(), 1.0);
    for (std::size_t k = 1; k < pt.size(); ++k)
        QVERIFY2(pt[k] > pt[k - 1], qPrintable(QStringLiteral("not increasing at %1").arg(k)));
    if (count >= 400)
        QVERIFY(pt.front() <= 1e-3); // reaches into the hard-example region
}

void TestFocalViews::focalLossAt_data()
{
    QTest::addColumn<double>("pt");
    QTest::addColumn<double>("alpha");
    for (double pt : {1e-9, 1e-4, 0.01, 0.1, 0.3, 0.5, 0.9, 0.999999, 1.0})
        for (double alpha : {0.25, 1.0, 3.0})
            QTest::addRow("pt %g alpha %g", pt, alpha) << pt << alpha;
}

// gamma = 0 is -alpha log p exactly; other gammas follow -alpha (1-p)^gamma log p.
void TestFocalViews::focalLossAt()
{
    QFETCH(double, pt);
    QFETCH(double, alpha);
    QCOMPARE(focalscope::focalLossAt(pt, alpha, 0.0), -alpha * std::log(pt));
    for (double gamma : {0.5, 1.0, 2.0, 5.0}) {
        const double expected = -alpha * std::pow(1.0 - pt, gamma) * std::log(pt);
        QVERIFY(closeElement(focalscope::focalLossAt(pt, alpha, gamma), expected));
        QVERIFY(
            focalscope::focalLossAt(pt, alpha, gamma) <= focalscope::focalLossAt(pt, alpha, 0.0));
    }
    QCOMPARE(focalscope::focalLossAt(1.0, alpha, 2.0), 0.0);
}

void TestFocalViews::gradientAt_data()
{
    QTest::addColumn<double>("gamma");
    for (double gamma : {0.0, 0.5, 1.0, 2.0, 3.5, 5.0})
        QTest::addRow("gamma %g", gamma) << gamma;
}

// |dl/dx_t| against a central difference of focalLossAt in logit space (two classes:
// p_t = sigmoid(x_t), dp_t/dx_t = p_t (1 - p_t)), and finite, 0 at p_t = 1.
void TestFocalViews::gradientAt()
{
    QFETCH(double, gamma);
    const double alpha = 0.75;
    for (double x : {-6.0, -2.0, -0.5, 0.0, 0.7, 2.0, 5.0}) {
        const auto lossOf = [&](double logit) {
            return focalscope::focalLossAt(1.0 / (1.0 + std::exp(-logit)), alpha, gamma);
        };
        const double h = 1e-5;
        const double numeric = std::abs((lossOf(x + h) - lossOf(x - h)) / (2.0 * h));
        const double pt = 1.0 / (1.0 + std::exp(-x));
        const double analytic = focalGradientAt(pt, alpha, gamma);
        QVERIFY2(std::abs(analytic - numeric) <= 1e-6 * std::max(1.0, numeric),
            qPrintable(QStringLiteral("x %1: %2 vs %3").arg(x).arg(analytic).arg(numeric)));
    }
    QCOMPARE(focalGradientAt(1.0, alpha, gamma), 0.0);
    QVERIFY(std::isfinite(focalGradientAt(1.0 - 1e-16, alpha, gamma)));
}

void TestFocalViews::curves_data()
{
    QTest::addColumn<double>("alpha");
    QTest::addColumn<double>("gamma");
    for (double gamma : kReferenceGammas)
        QTest::addRow("reference gamma %g", gamma) << 1.0 << gamma;
    QTest::newRow("alpha 0.25 gamma 1.7") << 0.25 << 1.7;
}

void TestFocalViews::curves()
{
    QFETCH(double, alpha);
    QFETCH(double, gamma);
    const Curve loss = lossVsPt(alpha, gamma, 300);
    const Curve gradient = gradientVsPt(alpha, gamma, 300);
    QCOMPARE(loss.x, focalscope::ptSamples(300));
    QCOMPARE(gradient.x, loss.x);
    for (std::size_t k = 0; k < loss.x.size(); ++k) {
        QCOMPARE(loss.y[k], focalscope::focalLossAt(loss.x[k], alpha, gamma));
        QCOMPARE(gradient.y[k], focalGradientAt(loss.x[k], alpha, gamma));
        QVERIFY(std::isfinite(loss.y[k]) && std::isfinite(gradient.y[k]));
        if (k > 0)
            QVERIFY(loss.y[k] <= loss.y[k - 1]); // decreasing in p_t
    }
}

void TestFocalViews::concentrationEdges()
{
    FocalLossResult loss;
    loss.perRow = Eigen::ArrayXd(6);
    loss.perRow << 3.0, 0.0, 1.0, 0.0, 0.0, 2.0;
    loss.pt = Eigen::ArrayXd(6);
    loss.pt << 0.1, 0.99, 0.6, std::nan(""), 0.9, 0.4;
    LabelVector labels(6);
    labels << 0, 1, 0, -100, 1, 2;
    const LossConcentration c = lossConcentration(loss, labels, -100);
    QCOMPARE(c.background.rows, Index {2});
    QCOMPARE(c.background.cumulative, (std::vector<double> {0.0, 0.25, 1.0}));
    QCOMPARE(c.background.fraction, (std::vector<double> {0.0, 0.5, 1.0}));
    QCOMPARE(c.foreground.rows, Index {3});
    QCOMPARE(c.foreground.cumulative, (std::vector<double> {0.0, 0.0, 0.0, 1.0}));
    QCOMPARE(easyShare(loss), 1.0 / 6.0);
    const std::vector<ClassLoss> perClass = lossPerClass(loss, labels, 4, -100);
    QCOMPARE(perClass[0].samples, Index {2});
    QCOMPARE(perClass[0].mean, 2.0);
    QCOMPARE(perClass[0].share, 4.0 / 6.0);
    QCOMPARE(perClass[1].mean, 0.0);
    QCOMPARE(perClass[3].samples, Index {0});
    QVERIFY(std::isnan(perClass[3].mean));

    // No loss at all: the curves stay at 0, shares are undefined.
    loss.perRow.setZero();
    const LossConcentration zero = lossConcentration(loss, labels, -100);
    QCOMPARE(zero.foreground.cumulative, (std::vector<double> {0.0, 0.0, 0.0, 0.0}));
    QVERIFY(std::isnan(easyShare(loss)));
    QVERIFY(std::isnan(lossPerClass(loss, labels, 3, -100)[0].share));

    // No rows in a group: the single point (0, 0).
    LabelVector background(6);
    background << 0, 0, 0, 0, 0, -100;
    const LossConcentration onlyBackground = lossConcentration(loss, background, -100);
    QCOMPARE(onlyBackground.foreground.rows, Index {0});
    QCOMPARE(onlyBackground.foreground.fraction, (std::vector<double> {0.0}));
    QCOMPARE(onlyBackground.foreground.cumulative, (std::vector<double> {0.0}));
}

void TestFocalViews::cacheViews_data()
{
    QTest::addColumn<PlainCase>("data");
    QTest::addColumn<FocalParams>("params");
    const auto add = [](const char* name, LossMode mode, ScoreKind kind, Index classes, Index rows,
                         PlainLabels labels, int ignore, bool ties, Alpha alpha, double gamma) {
        PlainCase c {mode, kind, classes, rows, labels, ignore, ties, 0};
        c.seed = 0x2000 + static_cast<std::uint64_t>(rows + classes);
        FocalParams f;
        f.mode = mode;
        f.alpha = std::move(alpha);
        f.gamma = gamma;
        QTest::newRow(name) << c << f;
    };
    const auto soft = LossMode::Softmax;
    const auto sig = LossMode::Sigmoid;
    const auto logits = ScoreKind::Logits;
    const auto probs = ScoreKind::Probabilities;
    // In order: one alpha per group, the curves need no sort.
    add("softmax scalar alpha, 50000 rows", soft, logits, 10, 50000, PlainLabels::Random, 7, false,
        Alpha::fromScalar(0.25), 2.0);
    add("softmax ties, gamma 0.5", soft, logits, 5, 40000, PlainLabels::Random, 3, true,
        Alpha::fromScalar(0.3), 0.5);
    add("softmax probabilities ties", soft, probs, 4, 9000, PlainLabels::Random, 0, true,
        Alpha::none(), 3.0);
    add("softmax only background", soft, logits, 4, 8000, PlainLabels::OnlyBackground, 5, false,
        Alpha::fromScalar(0.25), 2.0);
    add("softmax only foreground", soft, logits, 4, 8000, PlainLabels::OnlyForeground, 0, true,
        Alpha::fromScalar(0.25), 2.0);
    add("softmax 1500 rows (every point)", soft, logits, 6, 1500, PlainLabels::Random, 4, false,
        Alpha::fromScalar(0.25), 1.0);
    add("sigmoid binary", sig, logits, 1, 70000, PlainLabels::Random, 9, false,
        Alpha::fromScalar(0.25), 2.0);
    // Out of order: alphas that differ within the foreground (sorted instead).
    add("softmax per-class alpha", soft, logits, 6, 30000, PlainLabels::Random, 0, false,
        Alpha::fromList({1.0, 0.2, 3.0, 0.7, 1.5, 2.2}), 2.0);
    // No order: sigmoid rows of several columns.
    add("sigmoid 4 columns", sig, probs, 4, 20000, PlainLabels::Random, 6, true,
        Alpha::fromScalar(0.25), 2.0);
    add("every row ignored", soft, logits, 3, 5000, PlainLabels::Random, 1, false,
        Alpha::fromScalar(0.25), 2.0);
}

// The views of analyzeLoss() from the cache (ordered entries, totals of the pass) against the
// plain ones from the per-row losses (collect, sort, cumulate; sums over the rows).
void TestFocalViews::cacheViews()
{
    QFETCH(PlainCase, data);
    QFETCH(FocalParams, params);
    const Predictions p = plainCasePredictions(data);
    const PtCache cache = computePtCache(p, params.mode);
    const FocalLossResult loss = focalLoss(cache, params);

    const LossConcentration sorted = lossConcentration(loss, p.labels, p.ignoreIndex, 0);
    const LossConcentration fromCache = lossConcentration(cache, params, loss, 0);
    compareClose(fromCache.background, sorted.background);
    compareClose(fromCache.foreground, sorted.foreground);
    const LossConcentration sampled = lossConcentration(cache, params, loss);
    compareSampled(sampled.background, sorted.background);
    compareSampled(sampled.foreground, sorted.foreground);
    QVERIFY(sampled.background.fraction.size() <= kConcentrationPoints);
    QVERIFY(sampled.foreground.fraction.size() <= kConcentrationPoints);

    const std::vector<ClassLoss> plain
        = lossPerClass(loss, p.labels, p.targetClasses(), p.ignoreIndex);
    const std::vector<ClassLoss> fromTotals = lossPerClass(loss.totals);
    QCOMPARE(fromTotals.size(), plain.size());
    for (std::size_t c = 0; c < plain.size(); ++c) {
        QCOMPARE(fromTotals[c].samples, plain[c].samples);
        QVERIFY(closeTo(fromTotals[c].mean, plain[c].mean, 1e-12));
        QVERIFY(closeTo(fromTotals[c].share, plain[c].share, 1e-12));
    }
    QVERIFY2(closeTo(easyShare(loss.totals), easyShare(loss), 1e-12),
        qPrintable(QStringLiteral("%1 %2").arg(easyShare(loss.totals)).arg(easyShare(loss))));
}

QTEST_GUILESS_MAIN(TestFocalViews)
#include "tst_focal_views.moc"
