// Reliability diagrams, Brier score and NLL against scikit-learn 1.2.1 (calibration_curve,
// brier_score_loss, log_loss; fixtures of tests/reference/gen_calibration.py) and against the
// edge cases of calibration_curve's binning.

#include "calibration/calibration_report.h"
#include "calibration/probabilities.h"
#include "calibration/proper_scores.h"
#include "calibration_case.h"

#include <QJsonArray>
#include <QTest>

#include <cmath>
#include <limits>
#include <stdexcept>

using namespace focalscope;
using namespace focalscope::testing;

namespace {

constexpr double kTolerance = 1e-12;

// The diagram against a fixture entry: the same non-empty bins, counts and edges exactly, means
// and fractions, ECE and MCE to 1e-12 relative.
void compareCurve(const ReliabilityCurve& curve, const QJsonObject& expected)
{
    const std::vector<double> counts = toDoubles(expected[QStringLiteral("count")]);
    const std::vector<double> lo = toDoubles(expected[QStringLiteral("lo")]);
    const std::vector<double> hi = toDoubles(expected[QStringLiteral("hi")]);
    const std::vector<double> mean = toDoubles(expected[QStringLiteral("mean_predicted")]);
    const std::vector<double> fraction = toDoubles(expected[QStringLiteral("fraction_positive")]);
    const std::vector<double> edges = toDoubles(expected[QStringLiteral("edges")]);
    QCOMPARE(curve.edges.size(), edges.size());
    for (std::size_t k = 0; k < edges.size(); ++k)
        QCOMPARE(curve.edges[k], edges[k]);
    QCOMPARE(curve.bins.size(), counts.size());
    for (std::size_t b = 0; b < counts.size(); ++b) {
        const ReliabilityBin& bin = curve.bins[b];
        QCOMPARE(static_cast<double>(bin.count), counts[b]);
        QCOMPARE(bin.lo, lo[b]);
        QCOMPARE(bin.hi, hi[b]);
        QVERIFY2(relativelyClose(bin.meanPredicted, mean[b], kTolerance),
            qPrintable(QStringLiteral("bin %1 mean %2 vs %3")
                           .arg(b)
                           .arg(bin.meanPredicted, 0, 'g', 17)
                           .arg(mean[b], 0, 'g', 17)));
        QVERIFY(relativelyClose(bin.fractionPositive, fraction[b], kTolerance));
    }
    QVERIFY2(relativelyClose(curve.ece, expected[QStringLiteral("ece")].toDouble(), kTolerance),
        qPrintable(QString::number(curve.ece, 'g', 17)));
    QVERIFY(relativelyClose(curve.mce, expected[QStringLiteral("mce")].toDouble(), kTolerance));
}

} // namespace

class TestReliability : public QObject {
    Q_OBJECT

private slots:
    void scikitLearnExample();
    void edgeValuesGoToTheBinBelow();
    void emptyBinsAreLeftOut();
    void quantileEdges();
    void eceAndMce();
    void invalidInput();
    void matchesScikitLearn_data();
    void matchesScikitLearn();
    void sigmoidModeOnSeveralColumns();
    void probabilitiesOfEachKind();
};

// calibration_curve's docstring: prob_true [0, 0.5, 1], prob_pred [0.2, 0.525, 0.85].
void TestReliability::scikitLearnExample()
{
    const std::vector<double> p {0.1, 0.2, 0.3, 0.4, 0.65, 0.7, 0.8, 0.9, 1.0};
    const std::vector<std::uint8_t> y {0, 0, 0, 0, 1, 1, 1, 1, 1};
    const ReliabilityCurve curve = reliabilityCurve(p, y, 3, BinStrategy::Uniform);
    QCOMPARE(curve.bins.size(), std::size_t {3});
    QCOMPARE(curve.bins[0].fractionPositive, 0.0);
    QCOMPARE(curve.bins[1].fractionPositive, 0.5);
    QCOMPARE(curve.bins[2].fractionPositive, 1.0);
    QVERIFY(std::abs(curve.bins[0].meanPredicted - 0.2) < 1e-15);
    QVERIFY(std::abs(curve.bins[1].meanPredicted - 0.525) < 1e-15);
    QVERIFY(std::abs(curve.bins[2].meanPredicted - 0.85) < 1e-15);
    QCOMPARE(curve.bins[0].count, std::int64_t {3});
    QCOMPARE(curve.bins[1].count, std::int64_t {2});
    QCOMPARE(curve.bins[2].count, std::int64_t {4});
}

// np.searchsorted(edges[1:-1], p) (side left): a value on an edge is counted in the bin below;
// 0 in the first bin, 1 in the last.
void TestReliability::edgeValuesGoToTheBinBelow()
{
    const std::vector<double> edges = binEdges({}, 15, BinStrategy::Uniform);
    QCOMPARE(edges.size(), std::size_t {16});
    QCOMPARE(edges[3], 3.0 * (1.0 / 15.0)); // np.linspace's k * step, not k / 15
    QCOMPARE(binOf(edges, 0.0), 0);
    QCOMPARE(binOf(edges, edges[1]), 0);
    QCOMPARE(binOf(edges, std::nextafter(edges[1], 1.0)), 1);
    QCOMPARE(binOf(edges, edges[14]), 13);
    QCOMPARE(binOf(edges, 1.0), 14);
    QCOMPARE(binOf(edges, 0.5), 7);
}

void TestReliability::emptyBinsAreLeftOut()
{
    const std::vector<double> p {0.05, 0.06, 0.95};
    const std::vector<std::uint8_t> y {0, 1, 1};
    const ReliabilityCurve curve = reliabilityCurve(p, y, 10, BinStrategy::Uniform);
    QCOMPARE(curve.edges.size(), std::size_t {11});
    QCOMPARE(curve.bins.size(), std::size_t {2});
    QCOMPARE(curve.bins[0].lo, 0.0);
    QCOMPARE(curve.bins[1].hi, 1.0);
    QCOMPARE(curve.bins[1].count, std::int64_t {1});
    QCOMPARE(curve.samples, std::int64_t {3});
}

// np.percentile([0.3, 0, 0.2, 0.1], [0, 50, 100]) = [0, 0.15000000000000002, 0.3].
void TestReliability::quantileEdges()
{
    const std::vector<double> p {0.3, 0.0, 0.2, 0.1};
    const std::vector<double> edges = binEdges(p, 2, BinStrategy::Quantile);
    QCOMPARE(edges, (std::vector<double> {0.0, 0.15000000000000002, 0.3}));
    // Repeated values give repeated edges: the bins between them stay empty.
    const std::vector<double> ties {0.5, 0.5, 0.5, 0.5, 0.9};
    const ReliabilityCurve curve = reliabilityCurve(
        ties, std::vector<std::uint8_t> {0, 1, 0, 1, 1}, 4, BinStrategy::Quantile);
    QCOMPARE(curve.bins.size(), std::size_t {2});
    QCOMPARE(curve.bins[0].count, std::int64_t {4});
    QCOMPARE(curve.bins[1].count, std::int64_t {1});
}

// ECE = sum count / N |acc - conf|, MCE = max |acc - conf|.
void TestReliability::eceAndMce()
{
    const std::vector<double> p {0.1, 0.1, 0.9, 0.9};
    const std::vector<std::uint8_t> y {0, 1, 1, 1};
    const ReliabilityCurve curve = reliabilityCurve(p, y, 2, BinStrategy::Uniform);
    QVERIFY(std::abs(curve.ece - (0.5 * 0.4 + 0.5 * 0.1)) < 1e-15);
    QVERIFY(std::abs(curve.mce - 0.4) < 1e-15);
    const ReliabilityCurve empty = reliabilityCurve({}, {}, 5, BinStrategy::Quantile);
    QVERIFY(std::isnan(empty.ece));
    QVERIFY(empty.bins.empty());
}

void TestReliability::invalidInput()
{
    const std::vector<double> outside {0.5, 1.5};
    const std::vector<std::uint8_t> y {0, 1};
    QVERIFY_THROWS_EXCEPTION(
        std::invalid_argument, reliabilityCurve(outside, y, 10, BinStrategy::Uniform));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
        reliabilityCurve(std::vector<double> {0.5, 0.5}, y, 0, BinStrategy::Uniform));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
        reliabilityCurve(std::vector<double> {0.5}, y, 10, BinStrategy::Uniform));
}

void TestReliability::matchesScikitLearn_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("strategy");
    for (const QString& name : calibrationCases())
        for (const QString& strategy : {QStringLiteral("uniform"), QStringLiteral("quantile")})
            QTest::newRow(qPrintable(name + QLatin1Char(' ') + strategy)) << name << strategy;
}

void TestReliability::matchesScikitLearn()
{
    QFETCH(QString, name);
    QFETCH(QString, strategy);
    const Predictions predictions = calibrationInput(name);
    const QJsonObject reference = calibrationReference(name);
    const QJsonObject expected = reference[strategy].toObject();
    CalibrationOptions options;
    options.bins = expected[QStringLiteral("bins")].toInt();
    options.strategy
        = strategy == QStringLiteral("uniform") ? BinStrategy::Uniform : BinStrategy::Quantile;
    options.fitTemperature = false;
    const CalibrationReport report
        = calibrationReport(predictions, options, defaultFocal(predictions));
    QCOMPARE(
        scoreKindName(predictions.kind), qPrintable(reference[QStringLiteral("kind")].toString()));
    const QJsonArray perClass = expected[QStringLiteral("per_class")].toArray();
    QCOMPARE(report.perClass.size(), static_cast<std::size_t>(perClass.size()));
    for (qsizetype c = 0; c < perClass.size(); ++c) {
        const QJsonObject entry = perClass[c].toObject();
        compareCurve(report.perClass[static_cast<std::size_t>(c)].curve, entry);
        QVERIFY(relativelyClose(report.perClass[static_cast<std::size_t>(c)].brier,
            entry[QStringLiteral("brier")].toDouble(), kTolerance));
    }
    compareCurve(report.topLabel, expected[QStringLiteral("top_label")].toObject());
    QVERIFY2(
        relativelyClose(report.brier, reference[QStringLiteral("brier")].toDouble(), kTolerance),
        qPrintable(QString::number(report.brier, 'g', 17)));
    QVERIFY2(relativelyClose(report.nll, reference[QStringLiteral("nll")].toDouble(), kTolerance),
        qPrintable(QStringLiteral("%1 vs %2")
                       .arg(report.nll, 0, 'g', 17)
                       .arg(reference[QStringLiteral("nll")].toDouble(), 0, 'g', 17)));
    QCOMPARE(report.topLabel.samples,
        static_cast<std::int64_t>(reference[QStringLiteral("counted")].toInt()));
}

// Sigmoid mode on 3 logit columns: sigmoid(x_c) per column, the NLL over all N x C elements
// (log_loss of the flattened one-hot targets), T of the elementwise objective.
void TestReliability::sigmoidModeOnSeveralColumns()
{
    const Predictions predictions = calibrationInput(QStringLiteral("multiclass_logits"));
    const QJsonObject reference
        = calibrationReference(QStringLiteral("multiclass_logits"))[QStringLiteral("sigmoid")]
              .toObject();
    const QJsonObject expected = reference[QStringLiteral("uniform")].toObject();
    FocalParams focal = defaultFocal(predictions);
    focal.mode = LossMode::Sigmoid;
    const CalibrationReport report = calibrationReport(predictions, CalibrationOptions {}, focal);
    QCOMPARE(report.mode, LossMode::Sigmoid);
    const QJsonArray perClass = expected[QStringLiteral("per_class")].toArray();
    QCOMPARE(report.perClass.size(), std::size_t {3});
    for (qsizetype c = 0; c < perClass.size(); ++c) {
        compareCurve(report.perClass[static_cast<std::size_t>(c)].curve, perClass[c].toObject());
        QVERIFY(relativelyClose(report.perClass[static_cast<std::size_t>(c)].brier,
            perClass[c].toObject()[QStringLiteral("brier")].toDouble(), kTolerance));
    }
    compareCurve(report.topLabel, expected[QStringLiteral("top_label")].toObject());
    QVERIFY(
        relativelyClose(report.brier, reference[QStringLiteral("brier")].toDouble(), kTolerance));
    QVERIFY(relativelyClose(report.nll, reference[QStringLiteral("nll")].toDouble(), kTolerance));
    const QJsonObject t = reference[QStringLiteral("temperature")].toObject();
    QVERIFY(relativelyClose(
        report.temperature.fit.temperature, t[QStringLiteral("value_scipy")].toDouble(), 1e-6));
    QVERIFY(relativelyClose(
        report.temperature.fit.temperature, t[QStringLiteral("value")].toDouble(), 1e-9));
    QVERIFY(relativelyClose(
        report.temperature.fit.nllBefore, t[QStringLiteral("nll_before")].toDouble(), 1e-12));
    QVERIFY(std::abs(report.temperature.fit.nllAfter - t[QStringLiteral("nll_after")].toDouble())
        <= 1e-10);
}

// Logits become probabilities as the loss reads them: sigmoid for one column or sigmoid mode,
// softmax rows otherwise; probabilities stay as they are.
void TestReliability::probabilitiesOfEachKind()
{
    Predictions p;
    p.scores.resize(1, 2);
    p.scores << 0.0, std::log(3.0);
    p.labels.resize(1);
    p.labels << 1;
    const ScoreMatrix softmax = calibrationProbabilities(p, LossMode::Softmax);
    QVERIFY(std::abs(softmax(0, 1) - 0.75) < 1e-15);
    const ScoreMatrix sigmoid = calibrationProbabilities(p, LossMode::Sigmoid);
    QCOMPARE(sigmoid(0, 0), 0.5);
    QVERIFY(std::abs(sigmoid(0, 1) - 0.75) < 1e-15);
    p.kind = ScoreKind::Probabilities;
    QCOMPARE(calibrationProbabilities(p, LossMode::Softmax)(0, 1), std::log(3.0));
    QCOMPARE(focalscope::sigmoid(-800.0), 0.0);
    QCOMPARE(focalscope::sigmoid(800.0), 1.0);
}

QTEST_GUILESS_MAIN(TestReliability)
#include "tst_reliability.moc"
