// The chart builders on results computed by core (rocReport, focalLoss, lossConcentration,
// lossVsPt): what the window and the CLI will actually draw.

#include "charts/concentration_plot.h"
#include "charts/det_plot.h"
#include "charts/loss_plot.h"
#include "charts/pr_plot.h"
#include "charts/pt_distribution_plot.h"
#include "charts/roc_plot.h"
#include "loss/focal_loss.h"
#include "loss/focal_views.h"
#include "plot/decimation.h"
#include "plot/plot_export.h"
#include "roc/det_curve.h"
#include "roc/roc_report.h"
#include "synthetic_predictions.h"

#include <QImage>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace focalscope;
using namespace focalscope::testing;

namespace {

Predictions predictionsOf(const SyntheticData& data)
{
    Predictions predictions;
    predictions.scores.resize(data.rows, data.classes);
    for (Index i = 0; i < data.rows; ++i)
        for (Index c = 0; c < data.classes; ++c)
            predictions.scores(i, c) = static_cast<ScoreMatrix::Scalar>(
                data.probabilities[static_cast<std::size_t>(i * data.classes + c)]);
    predictions.labels = labelVectorOf(data);
    predictions.kind = ScoreKind::Probabilities;
    predictions.classNames = data.names;
    return predictions;
}

QString galleryPath(const QTemporaryDir& fallback, const QString& name)
{
    const QString dir = qEnvironmentVariable("FOCALSCOPE_PLOT_GALLERY");
    return dir.isEmpty() ? fallback.filePath(name) : QDir(dir).filePath(name);
}

} // namespace

class TestChartsOnCore : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void lossCurves_data();
    void lossCurves();
    void rocFromCore();
    void prFromCore();
    void concentrationFromCore();
    void ptDistributionFromCore();
    void detFromThinnedCurves();
    void gallery_data();
    void gallery();

private:
    Predictions m_predictions;
    RocReport m_report;
    FocalLossResult m_loss;
};

void TestChartsOnCore::initTestCase()
{
    m_predictions = predictionsOf(syntheticData());
    m_report = rocReport(m_predictions);
    FocalParams params;
    params.alpha = Alpha::fromScalar(0.25);
    params.gamma = 2.0;
    m_loss = focalLoss(m_predictions, params);
}

void TestChartsOnCore::lossCurves_data()
{
    QTest::addColumn<double>("alpha");
    QTest::addColumn<double>("gamma");
    QTest::addColumn<bool>("gradient");
    QTest::addColumn<bool>("scaleToAlpha");
    QTest::addColumn<QString>("className");
    QTest::addColumn<double>("yMax");
    // The paper's 0..5 whatever alpha, unless the user asks for the axis to follow alpha.
    QTest::newRow("paper, alpha 1") << 1.0 << 2.0 << false << false << QString() << 5.0;
    QTest::newRow("seed alpha 0.25, gradient")
        << 0.25 << 2.0 << true << false << QStringLiteral("dog") << 5.0;
    QTest::newRow("seed alpha 0.25, scaled") << 0.25 << 2.0 << false << true << QString() << 2.0;
    QTest::newRow("gamma 0 (cross-entropy), scaled")
        << 0.5 << 0.0 << false << true << QString() << 2.5;
    QTest::newRow("alpha 2.5 keeps the paper's axis")
        << 2.5 << 2.0 << false << false << QStringLiteral("3") << 5.0;
    QTest::newRow("alpha 3, scaled") << 3.0 << 0.5 << true << true << QString() << 20.0;
}

void TestChartsOnCore::lossCurves()
{
    QFETCH(double, alpha);
    QFETCH(double, gamma);
    QFETCH(bool, gradient);
    QFETCH(bool, scaleToAlpha);
    QFETCH(QString, className);
    QFETCH(double, yMax);
    const PlotSpec spec = lossPlot(alpha, gamma, {gradient, className, scaleToAlpha});
    QCOMPARE(spec.series.size(), qsizetype(kReferenceGammas.size() + 1 + (gradient ? 1 : 0)));
    QStringList expected {"γ = 0", "γ = 0.5", "γ = 1", "γ = 2", "γ = 5"};
    for (qsizetype k = 0; k < 5; ++k) {
        QCOMPARE(spec.series[k].name, expected[k]);
        QCOMPARE(spec.series[k].id, kReferenceGammaSeriesId + int(k));
        const Curve curve = lossVsPt(alpha, kReferenceGammas[std::size_t(k)]);
        QCOMPARE(spec.series[k].points.size(), qsizetype(curve.x.size()));
        QCOMPARE(spec.series[k].points[10], QPointF(curve.x[10], curve.y[10]));
    }
    const PlotSeries& current = spec.series[5];
    QCOMPARE(current.id, kCurrentLossSeriesId);
    QVERIFY(current.width > spec.series[0].width);
    QVERIFY2(current.name.startsWith(QStringLiteral("current: α = ")), qPrintable(current.name));
    // The class whose weight the curve uses is named in the legend.
    QCOMPARE(
        current.name.contains(QStringLiteral("(class %1)").arg(className)), !className.isEmpty());
    const Curve curve = lossVsPt(alpha, gamma);
    QCOMPARE(current.points.back(), QPointF(curve.x.back(), curve.y.back()));
    QCOMPARE(current.points.back().x(), 1.0);
    QCOMPARE(current.points.back().y(), 0.0);
    QCOMPARE(spec.x.min, 0.0);
    QCOMPARE(spec.x.max, 1.0);
    QCOMPARE(spec.y.min, 0.0);
    QCOMPARE(spec.y.max, yMax);
    QCOMPARE(spec.hasSecondaryAxis(), gradient);
    if (gradient) {
        const PlotSeries& g = spec.series.back();
        QCOMPARE(g.id, kGradientSeriesId);
        QVERIFY(g.onSecondaryAxis);
        for (const QPointF& p : g.points) {
            QVERIFY(std::isfinite(p.y()));
            QVERIFY(p.y() <= spec.yRight.max);
        }
    }
}

void TestChartsOnCore::rocFromCore()
{
    QCOMPARE(m_report.classes.size(), std::size_t(5));
    const PlotSpec spec = rocPlot(m_report, {});
    for (const PlotSeries& s : spec.series) {
        QVERIFY(s.points.size() <= kMaxPointsPerSeries);
        if (s.id < 0 && s.id != kMicroAverageSeriesId)
            continue;
        const bool micro = s.id == kMicroAverageSeriesId;
        const RocCurve& full = micro ? m_report.microRoc : m_report.classes[std::size_t(s.id)].roc;
        const double auroc = micro ? m_report.micro : m_report.classes[std::size_t(s.id)].auroc;
        QVERIFY2(s.name.endsWith(QStringLiteral("(AUROC %1)").arg(auroc, 0, 'f', 3)),
            qPrintable(s.name));
        // Each drawn point is a point of core's curve: its threshold is exact.
        for (qsizetype k = 0; k < s.points.size(); ++k) {
            const auto i = static_cast<std::size_t>(s.sourceIndexAt(k));
            QVERIFY(i < full.thresholds.size());
            QCOMPARE(s.points[k], QPointF(full.fpr[i], full.tpr[i]));
        }
    }
    // The macro curve's area is core's macro AUROC.
    double area = 0;
    const QList<QPointF> macro = macroAverageRoc(m_report);
    for (qsizetype k = 1; k < macro.size(); ++k)
        area += (macro[k].x() - macro[k - 1].x()) * (macro[k].y() + macro[k - 1].y()) / 2;
    QVERIFY2(
        std::abs(area - m_report.macro) < 1e-9, qPrintable(QString::number(area - m_report.macro)));
    // Same numbers as the test's plain computation.
    const RocReport plain = rocReportOf(syntheticData());
    for (std::size_t c = 0; c < 5; ++c)
        QVERIFY(std::abs(plain.classes[c].auroc - m_report.classes[c].auroc) < 1e-6);
}

void TestChartsOnCore::prFromCore()
{
    const PlotSpec spec = prPlot(m_report, {false, true, true, true, true});
    QCOMPARE(spec.series.size(), qsizetype(8)); // 4 curves + 4 baselines
    for (qsizetype k = 0; k < 4; ++k) {
        const PlotSeries& s = spec.series[k];
        const ClassRoc& roc = m_report.classes[std::size_t(s.id)];
        QVERIFY(s.name.endsWith(QStringLiteral("(AP %1)").arg(roc.averagePrecision, 0, 'f', 3)));
        QCOMPARE(spec.series[k + 4].points.front().y(),
            double(roc.positives) / double(roc.positives + roc.negatives));
        for (qsizetype p = 0; p < s.points.size(); ++p)
            QCOMPARE(s.points[p].y(), roc.pr.precision[std::size_t(s.sourceIndexAt(p))]);
    }
}

void TestChartsOnCore::concentrationFromCore()
{
    const LossConcentration concentration
        = lossConcentration(m_loss, m_predictions.labels, m_predictions.ignoreIndex);
    const PlotSpec spec = concentrationPlot(concentration, easyShare(m_loss));
    QCOMPARE(spec.series.size(), qsizetype(3));
    QVERIFY(spec.series[0].name.contains(QString::number(concentration.background.rows)));
    QCOMPARE(spec.series[0].points.back(), QPointF(1, 1));
    QVERIFY(spec.note.contains(QStringLiteral("%1%").arg(100 * easyShare(m_loss), 0, 'f', 1)));
}

void TestChartsOnCore::ptDistributionFromCore()
{
    const PlotSpec spec = ptDistributionPlot(m_loss, m_predictions.labels,
        m_predictions.ignoreIndex, m_predictions.targetClasses(), 2.0,
        PtGrouping::BackgroundForeground, m_predictions.classNames);
    QCOMPARE(spec.series.size(), qsizetype(3));
    QVERIFY(spec.note.contains(QStringLiteral("20000 rows")));
}

// The window keeps thinned curves (RocOptions::maxCurvePoints): its DET chart draws exact DET
// points of them, from both ends of scikit-learn's curve.
void TestChartsOnCore::detFromThinnedCurves()
{
    RocOptions options;
    options.maxCurvePoints = 4000;
    const RocReport thinned = rocReport(m_predictions, options);
    const PlotSpec spec = detPlot(thinned, {});
    QCOMPARE(spec.series.size(), 7); // 5 classes, micro, chance
    for (const PlotSeries& s : spec.series) {
        if (s.id == kReferenceSeriesId)
            continue;
        const RocCurve& roc = s.id >= 0 ? thinned.classes[s.id].roc : thinned.microRoc;
        QVERIFY(s.points.size() > 50);
        for (qsizetype k = 0; k < s.points.size(); ++k) {
            const auto i = static_cast<std::size_t>(s.sourceIndex[k]);
            QCOMPARE(s.points[k].x(), probit(roc.fpr[i]));
            QCOMPARE(s.points[k].y(),
                probit(static_cast<double>(roc.positives - roc.tps[i])
                    / static_cast<double>(roc.positives)));
        }
    }
    QTemporaryDir dir;
    QString error;
    QVERIFY2(exportPlot(spec, galleryPath(dir, QStringLiteral("det_thinned.png")), {}, &error),
        qPrintable(error));
}

void TestChartsOnCore::gallery_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("loss") << "core_loss.png";
    QTest::newRow("loss with gradient") << "core_loss_gradient.png";
    QTest::newRow("roc") << "core_roc.png";
    QTest::newRow("pr") << "core_pr.png";
    QTest::newRow("concentration") << "core_concentration.png";
}

void TestChartsOnCore::gallery()
{
    QFETCH(QString, file);
    PlotSpec spec;
    if (file == QLatin1String("core_loss.png"))
        spec = lossPlot(1.0, 2.0);
    else if (file == QLatin1String("core_loss_gradient.png"))
        spec = lossPlot(0.25, 2.0, LossPlotOptions {true, {}, false});
    else if (file == QLatin1String("core_roc.png"))
        spec = rocPlot(m_report, {});
    else if (file == QLatin1String("core_pr.png"))
        spec = prPlot(m_report, {});
    else
        spec = concentrationPlot(
            lossConcentration(m_loss, m_predictions.labels, m_predictions.ignoreIndex),
            easyShare(m_loss));
    QTemporaryDir dir;
    const QString path = galleryPath(dir, file);
    QString error;
    QVERIFY2(exportPlot(spec, path, {}, &error), qPrintable(error));
    QCOMPARE(QImage(path).size(), QSize(1200, 900));
}

QTEST_MAIN(TestChartsOnCore)
#include "tst_charts_on_core.moc"
