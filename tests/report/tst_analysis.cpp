// analyze() and analyzeLoss(): the fused pass on a cache and the streaming pass without per-row
// arrays (AnalysisOptions::perRowViews = false) give the numbers of the plain composition
// (focalLoss, lossPerClass, easyShare, lossConcentration of the per-row losses).

#include "../loss/plain_focal.h"
#include "report/analysis.h"

#include <QTest>

#include <cmath>

using namespace focalscope;
using namespace focalscope::testing;

Q_DECLARE_METATYPE(PlainCase)
Q_DECLARE_METATYPE(FocalParams)

namespace {

bool close(double actual, double expected)
{
    return closeTo(actual, expected, 1e-12);
}

// The sampled curve keeps exact points of the full one (k_j = floor(j n / (points - 1))).
void compareSampled(const ConcentrationCurve& sampled, const ConcentrationCurve& full)
{
    const auto n = static_cast<std::size_t>(full.rows);
    const std::size_t points = std::min(n + 1, kConcentrationPoints);
    QCOMPARE(sampled.rows, full.rows);
    QCOMPARE(sampled.fraction.size(), points);
    for (std::size_t j = 0; j < points; ++j) {
        const std::size_t k = points == n + 1 ? j : j * n / (points - 1);
        QCOMPARE(sampled.fraction[j], full.fraction[k]);
        QVERIFY2(std::abs(sampled.cumulative[j] - full.cumulative[k]) <= 1e-12,
            qPrintable(QStringLiteral("point %1").arg(j)));
    }
}

} // namespace

class TestAnalysis : public QObject {
    Q_OBJECT

private slots:
    void perRowViews_data();
    void perRowViews();
};

void TestAnalysis::perRowViews_data()
{
    QTest::addColumn<PlainCase>("data");
    QTest::addColumn<FocalParams>("params");
    const auto add = [](const char* name, LossMode mode, ScoreKind kind, Index classes, Index rows,
                         PlainLabels labels, int ignore, bool ties, Alpha alpha, double gamma) {
        PlainCase c {mode, kind, classes, rows, labels, ignore, ties, 0};
        c.seed = 0x3000 + static_cast<std::uint64_t>(rows + classes);
        FocalParams f;
        f.mode = mode;
        f.alpha = std::move(alpha);
        f.gamma = gamma;
        QTest::newRow(name) << c << f;
    };
    const auto soft = LossMode::Softmax;
    const auto sig = LossMode::Sigmoid;
    add("softmax logits 60000 x 10, ignored rows", soft, ScoreKind::Logits, 10, 60000,
        PlainLabels::Random, 7, false, Alpha::fromScalar(0.25), 2.0);
    add("softmax logits ties, gamma 1.25", soft, ScoreKind::Logits, 4, 9000, PlainLabels::Random, 3,
        true, Alpha::fromScalar(0.4), 1.25);
    add("softmax per-class alpha", soft, ScoreKind::Logits, 3, 20000, PlainLabels::Random, 0, false,
        Alpha::fromList({0.5, 2.0, 1.0}), 2.0);
    add("softmax only background", soft, ScoreKind::Probabilities, 5, 7000,
        PlainLabels::OnlyBackground, 0, true, Alpha::fromScalar(0.25), 2.0);
    add("sigmoid binary probabilities", sig, ScoreKind::Probabilities, 1, 80000,
        PlainLabels::Random, 11, true, Alpha::fromScalar(0.25), 2.0);
    add("sigmoid 3 columns", sig, ScoreKind::Logits, 3, 30000, PlainLabels::Random, 5, false,
        Alpha::none(), 0.5);
}

void TestAnalysis::perRowViews()
{
    QFETCH(PlainCase, data);
    QFETCH(FocalParams, params);
    const Predictions p = plainCasePredictions(data);
    AnalysisOptions options;
    options.loss = params;
    options.roc.withCurves = false;
    const Analysis full = analyze(p, options);
    options.perRowViews = false;
    const Analysis streamed = analyze(p, options);

    // The plain composition from the per-row losses.
    const FocalLossResult& loss = full.loss.loss;
    const PlainLoss plain = plainFocalLoss(p, params);
    QVERIFY(closeTo(loss.value,
        plain.value(Reduction::Mean, params.mode == LossMode::Sigmoid ? p.classes() : 1), 1e-10));
    QCOMPARE(loss.perRow.size(), p.rows());
    QCOMPARE(loss.pt.size(), p.rows());
    const std::vector<ClassLoss> perClass
        = lossPerClass(loss, p.labels, p.targetClasses(), p.ignoreIndex);
    const LossConcentration concentration = lossConcentration(loss, p.labels, p.ignoreIndex, 0);
    compareSampled(full.loss.concentration.background, concentration.background);
    compareSampled(full.loss.concentration.foreground, concentration.foreground);
    QVERIFY(close(full.loss.easyShare, easyShare(loss)));

    // Both passes give the same numbers; the streamed one keeps no per-row array.
    const LossAnalysis& s = streamed.loss;
    QVERIFY2(close(s.loss.value, loss.value),
        qPrintable(
            QStringLiteral("%1 %2").arg(s.loss.value, 0, 'g', 17).arg(loss.value, 0, 'g', 17)));
    QCOMPARE(s.loss.counted, loss.counted);
    QVERIFY(close(s.easyShare, full.loss.easyShare));
    QCOMPARE(s.perClass.size(), perClass.size());
    for (std::size_t c = 0; c < perClass.size(); ++c) {
        for (const std::vector<ClassLoss>* v : {&s.perClass, &full.loss.perClass}) {
            QCOMPARE((*v)[c].samples, perClass[c].samples);
            QVERIFY(close((*v)[c].mean, perClass[c].mean));
            QVERIFY(close((*v)[c].share, perClass[c].share));
        }
    }
    QCOMPARE(s.loss.perRow.size(), Index {0});
    QCOMPARE(s.loss.pt.size(), Index {0});
    QVERIFY(s.concentration.background.fraction.empty());
    QVERIFY(s.concentration.foreground.cumulative.empty());
    QCOMPARE(s.concentration.background.rows, concentration.background.rows);
    QCOMPARE(s.concentration.foreground.rows, concentration.foreground.rows);
    QCOMPARE(streamed.warnings, full.warnings);
}

QTEST_GUILESS_MAIN(TestAnalysis)
#include "tst_analysis.moc"
