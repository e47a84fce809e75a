// Temperature scaling against scipy's bounded minimiser on log T (fixtures of
// tests/reference/gen_calibration.py), on a model whose temperature is known, at the search's
// bounds, and across thread counts.

#include "calibration/calibration_report.h"
#include "calibration/probabilities.h"
#include "calibration/proper_scores.h"
#include "calibration/temperature_scaling.h"
#include "calibration_case.h"
#include "parallel/parallel.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace focalscope;
using namespace focalscope::testing;

namespace {

// n rows of C logits x = T0 z, where labels are drawn from softmax(z): temperature T0 fits.
Predictions temperedModel(double temperature, Index rows, Index classes, unsigned seed)
{
    std::mt19937_64 engine(seed);
    std::normal_distribution<double> normal(0.0, 1.5);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    Predictions p;
    p.scores.resize(rows, classes);
    p.labels.resize(rows);
    for (Index i = 0; i < rows; ++i) {
        std::vector<double> z(static_cast<std::size_t>(classes));
        double total = 0.0;
        for (double& v : z) {
            v = normal(engine);
            total += std::exp(v);
        }
        double u = uniform(engine) * total;
        std::int32_t label = static_cast<std::int32_t>(classes - 1);
        for (Index c = 0; c < classes; ++c) {
            u -= std::exp(z[static_cast<std::size_t>(c)]);
            if (u <= 0.0) {
                label = static_cast<std::int32_t>(c);
                break;
            }
        }
        for (Index c = 0; c < classes; ++c)
            p.scores(i, c) = temperature * z[static_cast<std::size_t>(c)];
        p.labels[i] = label;
    }
    return p;
}

} // namespace

class TestTemperatureScaling : public QObject {
    Q_OBJECT

private slots:
    void matchesScipy_data();
    void matchesScipy();
    void recoversAKnownTemperature();
    void objectiveAtOneIsTheNll();
    void scaledPredictions();
    void separableDataStopsAtTheBound();
    void sameOnAnyThreadCount();
    void noRows();
};

void TestTemperatureScaling::matchesScipy_data()
{
    QTest::addColumn<QString>("name");
    for (const QString& name : calibrationCases())
        QTest::newRow(qPrintable(name)) << name;
}

// T to 1e-6 relative of scipy's bounded minimiser and to 1e-9 of the exact minimiser that Newton
// steps refine it to in the generator; the NLL at both temperatures to 1e-10; the ECE and focal
// loss before and after.
void TestTemperatureScaling::matchesScipy()
{
    QFETCH(QString, name);
    const Predictions predictions = calibrationInput(name);
    const QJsonObject expected
        = calibrationReference(name)[QStringLiteral("temperature")].toObject();
    const CalibrationReport report
        = calibrationReport(predictions, CalibrationOptions {}, defaultFocal(predictions));
    QVERIFY(report.hasTemperature);
    const TemperatureSummary& t = report.temperature;
    const double referenceT = expected[QStringLiteral("value")].toDouble();
    QVERIFY2(relativelyClose(t.fit.temperature, referenceT, 1e-9),
        qPrintable(QStringLiteral("T %1 vs scipy %2")
                       .arg(t.fit.temperature, 0, 'g', 17)
                       .arg(referenceT, 0, 'g', 17)));
    QVERIFY(relativelyClose(
        t.fit.temperature, expected[QStringLiteral("value_scipy")].toDouble(), 1e-6));
    QVERIFY(!t.fit.atBound);
    QVERIFY(
        relativelyClose(t.fit.nllBefore, expected[QStringLiteral("nll_before")].toDouble(), 1e-12));
    const double nllAfter = expected[QStringLiteral("nll_after")].toDouble();
    QVERIFY2(std::abs(t.fit.nllAfter - nllAfter) <= 1e-10,
        qPrintable(QStringLiteral("NLL %1 vs %2")
                       .arg(t.fit.nllAfter, 0, 'g', 17)
                       .arg(nllAfter, 0, 'g', 17)));
    // Never above scipy's minimum by more than the tolerance.
    QVERIFY(t.fit.nllAfter <= nllAfter + 1e-12);
    QVERIFY(relativelyClose(t.eceBefore, expected[QStringLiteral("ece_before")].toDouble(), 1e-12));
    QVERIFY2(relativelyClose(t.eceAfter, expected[QStringLiteral("ece_after")].toDouble(), 1e-9),
        qPrintable(QString::number(t.eceAfter, 'g', 17)));
    QVERIFY2(relativelyClose(t.focalLossBefore,
                 expected[QStringLiteral("focal_loss_before")].toDouble(), 1e-12),
        qPrintable(QString::number(t.focalLossBefore, 'g', 17)));
    QVERIFY2(relativelyClose(
                 t.focalLossAfter, expected[QStringLiteral("focal_loss_after")].toDouble(), 1e-9),
        qPrintable(QString::number(t.focalLossAfter, 'g', 17)));
    QVERIFY(t.fit.evaluations < 40);
}

void TestTemperatureScaling::recoversAKnownTemperature()
{
    for (const double t0 : {0.5, 3.0}) {
        const Predictions p = temperedModel(t0, 20000, 4, 7);
        const TemperatureFit fit = fitTemperature(p, LossMode::Softmax);
        QVERIFY2(std::abs(fit.temperature / t0 - 1.0) < 0.05,
            qPrintable(QStringLiteral("T %1 for %2").arg(fit.temperature).arg(t0)));
        QVERIFY(fit.nllAfter < fit.nllBefore);
        // A minimum: both neighbours are higher.
        QVERIFY(temperatureNll(p, LossMode::Softmax, fit.temperature * 1.001) >= fit.nllAfter);
        QVERIFY(temperatureNll(p, LossMode::Softmax, fit.temperature * 0.999) >= fit.nllAfter);
    }
}

// The objective at T = 1 is the NLL of the probabilities (log_loss's clip aside).
void TestTemperatureScaling::objectiveAtOneIsTheNll()
{
    for (const QString& name : calibrationCases()) {
        const Predictions p = calibrationInput(name);
        const LossMode mode = defaultFocal(p).mode;
        const double nll = negativeLogLikelihood(
            calibrationProbabilities(p, mode), p, elementwiseProbabilities(mode, p.classes()));
        QVERIFY2(std::abs(temperatureNll(p, mode, 1.0) - nll) < 1e-12 * nll, qPrintable(name));
    }
}

// Logits are divided by T; probabilities rescaled in log space and still sum to 1.
void TestTemperatureScaling::scaledPredictions()
{
    const Predictions logits = calibrationInput(QStringLiteral("multiclass_logits"));
    const Predictions scaled = temperatureScaled(logits, LossMode::Softmax, 2.0);
    QCOMPARE(scaled.kind, ScoreKind::Logits);
    QCOMPARE(scaled.scores(5, 2), logits.scores(5, 2) * 0.5);
    QCOMPARE(scaled.labels, logits.labels);
    const Predictions probabilities = calibrationInput(QStringLiteral("multiclass_probabilities"));
    const Predictions flattened = temperatureScaled(probabilities, LossMode::Softmax, 1e9);
    QCOMPARE(flattened.kind, ScoreKind::Probabilities);
    for (Index c = 0; c < 3; ++c)
        QVERIFY(std::abs(flattened.scores(0, c) - 1.0 / 3.0) < 1e-6);
    const Predictions same = temperatureScaled(probabilities, LossMode::Softmax, 1.0);
    QVERIFY((same.scores - probabilities.scores).cwiseAbs().maxCoeff() < 1e-15);
    const Predictions binary = calibrationInput(QStringLiteral("binary_probabilities"));
    const Predictions sharper = temperatureScaled(binary, LossMode::Sigmoid, 0.5);
    // sigmoid(2 logit p) = p^2 / (p^2 + (1 - p)^2)
    const double p = binary.scores(30, 0);
    QVERIFY(std::abs(sharper.scores(30, 0) - p * p / (p * p + (1 - p) * (1 - p))) < 1e-14);
}

// Separable logits: the NLL keeps falling as T -> 0; the fit stops at 0.01 and says so.
void TestTemperatureScaling::separableDataStopsAtTheBound()
{
    Predictions p;
    p.scores.resize(4, 1);
    p.scores << -2.0, -1.0, 1.0, 2.0;
    p.labels.resize(4);
    p.labels << 0, 0, 1, 1;
    const TemperatureFit fit = fitTemperature(p, LossMode::Sigmoid);
    QVERIFY(fit.atBound);
    QCOMPARE(fit.temperature, kMinTemperature);
    // Constant scores: any T fits equally; random labels on confident logits: T grows.
    p.scores << 5.0, -5.0, 5.0, -5.0;
    p.labels << 0, 1, 1, 0;
    const TemperatureFit flat = fitTemperature(p, LossMode::Sigmoid);
    QVERIFY(flat.atBound);
    QCOMPARE(flat.temperature, kMaxTemperature);
}

void TestTemperatureScaling::sameOnAnyThreadCount()
{
    const Predictions p = temperedModel(2.0, 50000, 5, 11);
    parallel::setMaxThreads(1);
    const TemperatureFit one = fitTemperature(p, LossMode::Softmax);
    parallel::setMaxThreads(2);
    const TemperatureFit two = fitTemperature(p, LossMode::Softmax);
    parallel::setMaxThreads(0);
    QCOMPARE(one.temperature, two.temperature);
    QCOMPARE(one.nllAfter, two.nllAfter);
}

void TestTemperatureScaling::noRows()
{
    Predictions p;
    p.scores.resize(2, 3);
    p.scores.setZero();
    p.labels.resize(2);
    p.labels << kDefaultIgnoreIndex, kDefaultIgnoreIndex;
    const TemperatureFit fit = fitTemperature(p, LossMode::Softmax);
    QVERIFY(std::isnan(fit.temperature));
    QVERIFY(std::isnan(fit.nllAfter));
}

QTEST_GUILESS_MAIN(TestTemperatureScaling)
#include "tst_temperature_scaling.moc"
