// The window's parameters, headless: slider, spin box, kind and mode changes recompute every
// number and chart as core does, coalesced; alpha suggestions, the scalar alpha note and
// reset to the defaults.

#include "charts/loss_plot.h"
#include "docks/parameters_dock.h"
#include "loss/alpha_suggestions.h"
#include "loss/focal_views.h"
#include "main_window_test.h"
#include "model/alpha_weight_model.h"
#include "model/dataset_session.h"
#include "model/parameter_model.h"
#include "views/chart_tabs.h"
#include "views/metrics_view.h"
#include "views/number_format.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QTableWidget>
#include <QTest>

#include <cmath>

using namespace focalscope;
using namespace focalscope::testing;

namespace {

// The thick "current" curve of the loss-vs-p_t chart.
const PlotSeries* currentLossSeries(const PlotSpec& spec)
{
    for (const PlotSeries& s : spec.series) {
        if (s.id == kCurrentLossSeriesId)
            return &s;
    }
    return nullptr;
}

double weightAt(const AlphaWeightModel* weights, int row)
{
    return weights->index(row, AlphaWeightModel::WeightColumn)
        .data(AlphaWeightModel::kWeightRole)
        .toDouble();
}

} // namespace

class TestWindowParameters : public MainWindowTest {
    Q_OBJECT

private slots:
    void parameterChangesMatchCore_data();
    void parameterChangesMatchCore();
    void sliderBurstIsCoalesced();
    void alphaSuggestionFillsWeights();
    void scalarAlphaNoteOnlyWithMoreThanTwoClasses();
    void kindAndModeOverridesMatchCore_data();
    void kindAndModeOverridesMatchCore();
    void resetRestoresDefaults();
    void chosenKindReplacesDetectionWarning();
    void maxFprIsBinaryOnly();
};

void TestWindowParameters::parameterChangesMatchCore_data()
{
    QTest::addColumn<int>("gammaSteps"); // slider position: gamma = steps / kGammaSteps
    QTest::addColumn<double>("alpha"); // set through the spin box
    QTest::newRow("gamma 0 (cross-entropy), alpha 0.25") << 0 << 0.25;
    QTest::newRow("gamma 0.5, alpha 0.5") << 50 << 0.5;
    QTest::newRow("gamma 1.5, alpha 0.6") << 150 << 0.6;
    QTest::newRow("gamma 5, alpha 0.9") << 500 << 0.9;
}

void TestWindowParameters::parameterChangesMatchCore()
{
    QFETCH(int, gammaSteps);
    QFETCH(double, alpha);
    openAndWait(fixture("three_class.csv"));
    const PlotSpec lossBefore = m_window->chartTabs()->spec(ChartTabs::LossChart);
    ParametersDock* dock = m_window->parametersDock();
    dock->gammaSlider()->setValue(gammaSteps);
    dock->alphaSpin()->setValue(alpha);
    const double gamma = double(gammaSteps) / ParametersDock::kGammaSteps;
    QCOMPARE(m_window->parameters().gamma(), gamma);
    QCOMPARE(m_window->parameters().alphaScalar(), alpha);
    QCOMPARE(dock->gammaSpin()->value(), gamma);
    QCOMPARE(dock->alphaSlider()->value(), int(std::lround(alpha * ParametersDock::kAlphaSteps)));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->session().loss()->analysis.params.gamma == gamma
            && m_window->session().loss()->analysis.params.alpha.scalar == alpha,
        10000);
    waitUntilComputed();

    const Analysis expected = coreAnalysis(fixture("three_class.csv"));
    QTableWidget* table = m_window->metricsView()->table();
    for (int c = 0; c < 3; ++c) {
        const ClassLoss& loss = expected.loss.perClass[static_cast<std::size_t>(c)];
        QVERIFY(close(
            table->item(c, MetricsView::MeanLossColumn)->data(MetricsView::kValueRole).toDouble(),
            loss.mean));
        QVERIFY(close(
            table->item(c, MetricsView::ShareColumn)->data(MetricsView::kValueRole).toDouble(),
            loss.share));
    }
    QVERIFY(close(m_window->session().loss()->analysis.loss.value, expected.loss.loss.value));
    QVERIFY(m_window->metricsView()->summary()->text().contains(
        formatNumber(expected.loss.loss.value, 6)));

    // The effective weights the dock shows: [a, 1 - a, 1 - a].
    AlphaWeightModel* weights = dock->weightModel();
    QCOMPARE(weights->rowCount(), 3);
    QVERIFY(close(weightAt(weights, 0), alpha));
    QVERIFY(close(weightAt(weights, 2), 1.0 - alpha));

    // The loss chart shows the current curve for a foreground row (class 1 weighs 1 - a):
    // every drawn point lies on core's l(p_t).
    const PlotSpec& lossSpec = m_window->chartTabs()->spec(ChartTabs::LossChart);
    const PlotSeries* current = currentLossSeries(lossSpec);
    QVERIFY(current);
    QVERIFY(!current->points.isEmpty());
    for (const QPointF& p : current->points)
        QVERIFY2(close(p.y(), focalLossAt(p.x(), 1.0 - alpha, gamma), 1e-9),
            qPrintable(QStringLiteral("p_t %1: %2").arg(p.x()).arg(p.y())));
    if (gamma != 2.0 || alpha != 0.25)
        QVERIFY(currentLossSeries(lossBefore)->points != current->points);
}

void TestWindowParameters::sliderBurstIsCoalesced()
{
    openAndWait(fixture("three_class.csv"));
    int lossUpdates = 0;
    int curveUpdates = 0;
    connect(&m_window->session(), &DatasetSession::lossChanged, this, [&] { ++lossUpdates; });
    connect(&m_window->session(), &DatasetSession::lossCurveChanged, this, [&] { ++curveUpdates; });
    QSlider* slider = m_window->parametersDock()->gammaSlider();
    for (int v = 10; v <= 300; v += 10)
        slider->setValue(v); // 30 moves within one event-loop turn
    waitUntilComputed();
    QCOMPARE(m_window->session().loss()->analysis.params.gamma, 3.0);
    QVERIFY2(lossUpdates >= 1 && lossUpdates <= 2, qPrintable(QString::number(lossUpdates)));
    // The loss-vs-p_t chart is coalesced the same way, and ends on the last gamma.
    QVERIFY2(curveUpdates >= 1 && curveUpdates <= 2, qPrintable(QString::number(curveUpdates)));
    const PlotSeries* current
        = currentLossSeries(m_window->chartTabs()->spec(ChartTabs::LossChart));
    QVERIFY(current);
    for (const QPointF& p : current->points)
        QVERIFY(close(p.y(), focalLossAt(p.x(), 0.75, 3.0), 1e-9));
}

void TestWindowParameters::alphaSuggestionFillsWeights()
{
    openAndWait(fixture("three_class.csv"));
    const Predictions predictions = corePredictions(fixture("three_class.csv"));
    const std::vector<Index> counts = classCounts(predictions.labels, 3, predictions.ignoreIndex);
    for (int suggestion = 0; suggestion <= int(kEffectiveNumberBetas.size()); ++suggestion) {
        m_window->parametersDock()->applySuggestion(suggestion);
        const std::vector<double> expected = suggestion == 0
            ? inverseFrequencyWeights(counts)
            : effectiveNumberWeights(counts, kEffectiveNumberBetas[std::size_t(suggestion - 1)]);
        QCOMPARE(m_window->parameters().alphaMode(), Alpha::Mode::PerClass);
        QCOMPARE(m_window->parameters().alphaPerClass(), expected);
        AlphaWeightModel* weights = m_window->parametersDock()->weightModel();
        for (int c = 0; c < 3; ++c)
            QCOMPARE(weightAt(weights, c), expected[std::size_t(c)]);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->session().loss()->analysis.params.alpha.perClass == expected, 10000);
        waitUntilComputed();
        const Analysis core = coreAnalysis(fixture("three_class.csv"));
        QVERIFY(close(m_window->session().loss()->analysis.loss.value, core.loss.loss.value));
    }
    // Editing one weight in the table keeps the others.
    AlphaWeightModel* weights = m_window->parametersDock()->weightModel();
    const std::vector<double> before = m_window->parameters().alphaPerClass();
    QVERIFY(weights->setData(
        weights->index(1, AlphaWeightModel::WeightColumn), QStringLiteral("2.5"), Qt::EditRole));
    QCOMPARE(
        m_window->parameters().alphaPerClass(), (std::vector<double> {before[0], 2.5, before[2]}));
}

void TestWindowParameters::scalarAlphaNoteOnlyWithMoreThanTwoClasses()
{
    QLabel* note = m_window->parametersDock()->scalarAlphaNote();
    openAndWait(fixture("three_class.csv"));
    QVERIFY(note->isVisibleTo(m_window->parametersDock()));
    QVERIFY2(note->text().contains(QStringLiteral("class 0 (cat)")), qPrintable(note->text()));
    m_window->parameters().setAlphaMode(Alpha::Mode::None);
    QVERIFY(!note->isVisibleTo(m_window->parametersDock()));
    m_window->parameters().setAlphaMode(Alpha::Mode::Scalar);
    QVERIFY(note->isVisibleTo(m_window->parametersDock()));
    openAndWait(fixture("binary.csv"));
    QVERIFY(!note->isVisibleTo(m_window->parametersDock()));
}

void TestWindowParameters::kindAndModeOverridesMatchCore_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("mode");
    QTest::newRow("probabilities read as logits, softmax")
        << int(KindRequest::Logits) << int(LossMode::Softmax);
    QTest::newRow("probabilities, sigmoid")
        << int(KindRequest::Probabilities) << int(LossMode::Sigmoid);
    QTest::newRow("logits, sigmoid") << int(KindRequest::Logits) << int(LossMode::Sigmoid);
}

void TestWindowParameters::kindAndModeOverridesMatchCore()
{
    QFETCH(int, kind);
    QFETCH(int, mode);
    openAndWait(fixture("three_class.csv"));
    auto* kindBox = m_window->parametersDock()->findChild<QComboBox*>(QStringLiteral("inputKind"));
    auto* modeBox = m_window->parametersDock()->findChild<QComboBox*>(QStringLiteral("lossMode"));
    QVERIFY(kindBox && modeBox);
    kindBox->setCurrentIndex(kindBox->findData(kind));
    modeBox->setCurrentIndex(modeBox->findData(mode));
    QCOMPARE(int(m_window->parameters().kindRequest()), kind);
    QCOMPARE(int(m_window->parameters().lossMode()), mode);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->session().loss() && int(m_window->session().loss()->analysis.params.mode) == mode,
        10000);
    waitUntilComputed();

    Predictions predictions = corePredictions(fixture("three_class.csv"));
    predictions.kind
        = KindRequest(kind) == KindRequest::Logits ? ScoreKind::Logits : ScoreKind::Probabilities;
    QCOMPARE(m_window->session().predictions()->kind, predictions.kind);
    AnalysisOptions options;
    options.loss = m_window->parameters().focalParams();
    const Analysis expected = analyze(predictions, options);
    QVERIFY(close(m_window->session().loss()->analysis.loss.value, expected.loss.loss.value));
    QTableWidget* table = m_window->metricsView()->table();
    for (int c = 0; c < 3; ++c) {
        QVERIFY(close(
            table->item(c, MetricsView::MeanLossColumn)->data(MetricsView::kValueRole).toDouble(),
            expected.loss.perClass[std::size_t(c)].mean));
        QVERIFY(close(
            table->item(c, MetricsView::AurocColumn)->data(MetricsView::kValueRole).toDouble(),
            expected.roc.classes[std::size_t(c)].auroc));
    }
    const QString kindText = predictions.kind == ScoreKind::Logits
        ? QStringLiteral("logits")
        : QStringLiteral("probabilities");
    QVERIFY2(m_window->statusText().contains(kindText), qPrintable(m_window->statusText()));
}

void TestWindowParameters::resetRestoresDefaults()
{
    openAndWait(fixture("three_class.csv"));
    m_window->parametersDock()->applySuggestion(0);
    m_window->parametersDock()->gammaSlider()->setValue(420);
    m_window->parameters().setReduction(Reduction::Sum);
    auto* reset
        = m_window->parametersDock()->findChild<QPushButton*>(QStringLiteral("resetParameters"));
    QVERIFY(reset);
    reset->click();
    // The defaults are focalscope-cli's: core's FocalParams.
    const FocalParams defaults;
    QCOMPARE(m_window->parameters().alphaMode(), defaults.alpha.mode);
    QCOMPARE(m_window->parameters().alphaScalar(), defaults.alpha.scalar);
    QCOMPARE(m_window->parameters().gamma(), defaults.gamma);
    QCOMPARE(m_window->parameters().reduction(), defaults.reduction);
    QCOMPARE(m_window->parametersDock()->gammaSlider()->value(),
        int(std::lround(defaults.gamma * ParametersDock::kGammaSteps)));
    QCOMPARE(m_window->parametersDock()->alphaSpin()->value(), defaults.alpha.scalar);
    waitUntilComputed();
    const Analysis expected = coreAnalysis(fixture("three_class.csv"));
    QVERIFY(close(m_window->session().loss()->analysis.loss.value, expected.loss.loss.value));
}

// The reader's kind-detection warning (a ReadWarning of that kind) is shown while the kind is
// detected and dropped once the user chooses the kind; other warnings stay.
void TestWindowParameters::chosenKindReplacesDetectionWarning()
{
    openAndWait(
        QStringLiteral(FOCALSCOPE_TESTS_DIR) + QStringLiteral("/data/golden/key_probs.npz"));
    auto detection = [this] {
        return m_window->session().warnings().filter(
            QStringLiteral("key_probs.npz:probs.npy: scores read as probabilities"));
    };
    QVERIFY2(detection().size() == 1, qPrintable(m_window->session().warnings().join('|')));
    m_window->parameters().setKindRequest(KindRequest::Logits);
    waitUntilComputed();
    QVERIFY(detection().isEmpty());
    m_window->parameters().setKindRequest(KindRequest::Auto);
    waitUntilComputed();
    QCOMPARE(detection().size(), 1);
}

// The max FPR box is greyed for a multiclass file with a tooltip saying why; a binary file
// enables it again.
void TestWindowParameters::maxFprIsBinaryOnly()
{
    auto* box = m_window->findChild<QDoubleSpinBox*>(QStringLiteral("maxFpr"));
    QVERIFY(box);
    openAndWait(fixture("three_class.csv"));
    QVERIFY(!box->isEnabled());
    QVERIFY2(
        box->toolTip().contains(QStringLiteral("binary tasks only")), qPrintable(box->toolTip()));
    QVERIFY2(box->toolTip().contains(QStringLiteral("3 classes")), qPrintable(box->toolTip()));
    openAndWait(fixture("binary.csv"));
    QVERIFY(box->isEnabled());
    QVERIFY(!box->toolTip().contains(QStringLiteral("binary tasks only")));
}

QTEST_MAIN(TestWindowParameters)
#include "tst_window_parameters.moc"
