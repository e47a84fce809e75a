#include "charts/det_plot.h"

#include "charts/chart_helpers.h"
#include "charts/roc_plot.h"
#include "plot/decimation.h"
#include "plot/plot_palette.h"
#include "roc/det_curve.h"

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <limits>

namespace focalscope {

using namespace charts;

namespace {

constexpr double kDefaultFloor = 0.0005; // scikit-learn's DetCurveDisplay: 0.05% .. 99.95%

// The DET points of `roc` that probit axes can draw, sourceIndex into `roc`.
PlotSeries detSeries(const RocCurve& roc, double& smallestRate)
{
    const DetCurve det = detCurve(roc);
    PlotSeries series;
    for (std::size_t i = 0; i < det.fpr.size(); ++i) {
        const double x = probit(det.fpr[i]);
        const double y = probit(det.fnr[i]);
        if (!std::isfinite(x) || !std::isfinite(y))
            continue;
        smallestRate = std::min({smallestRate, det.fpr[i], det.fnr[i]});
        series.points.append({x, y});
        series.sourceIndex.append(static_cast<qsizetype>(det.rocIndex[i]));
    }
    decimateSeries(series);
    return series;
}

bool hasCurve(const ClassRoc& c)
{
    return !std::isnan(c.auroc) && c.roc.fpr.size() >= 2;
}

} // namespace

QPointF detPosition(double fpr, double tpr)
{
    return {probit(fpr), probit(1.0 - tpr)};
}

PlotSpec detPlot(
    const RocReport& report, const std::vector<bool>& visible, const DetPlotOptions& options)
{
    PlotSpec spec;
    spec.title
        = report.binary ? QStringLiteral("DET curve") : QStringLiteral("DET curves (one-vs-rest)");
    spec.squareAspect = true;

    double smallest = std::numeric_limits<double>::infinity(); // positive rate drawn
    QStringList undefined;
    QStringList perfect;
    for (std::size_t c = 0; c < report.classes.size(); ++c) {
        const ClassRoc& roc = report.classes[c];
        if (!hasCurve(roc)) {
            undefined << QString::fromStdString(roc.name);
            continue;
        }
        if (!isVisible(visible, c))
            continue;
        PlotSeries series = detSeries(roc.roc, smallest);
        if (series.points.isEmpty()) {
            perfect << QString::fromStdString(roc.name);
            continue;
        }
        series.name = QStringLiteral("%1 (AUROC %2)")
                          .arg(QString::fromStdString(roc.name), formatMetric(roc.auroc));
        series.color = classColor(report.binary ? 1 : static_cast<int>(c));
        series.width = 2.0;
        series.id = static_cast<int>(c);
        spec.series.append(series);
    }
    if (!report.binary && options.microAverage && !std::isnan(report.micro)
        && report.microRoc.fpr.size() >= 2) {
        PlotSeries micro = detSeries(report.microRoc, smallest);
        if (!micro.points.isEmpty()) {
            micro.name = QStringLiteral("micro average (AUROC %1)").arg(formatMetric(report.micro));
            micro.color = QColor(0x22, 0x22, 0x22);
            micro.style = PlotSeries::Style::Dashed;
            micro.width = 2.0;
            micro.id = kMicroAverageSeriesId;
            spec.series.append(micro);
        }
    }

    // Both axes: from half the smallest rate drawn (at most 0.05%) to its complement.
    const double floor = std::clamp(std::min(kDefaultFloor, 0.5 * smallest), 1e-12, kDefaultFloor);
    const double limit = -probit(floor);
    spec.x = {QStringLiteral("False positive rate"), -limit, limit, false, true};
    spec.y = {QStringLiteral("False negative rate"), -limit, limit, false, true};

    // Chance: FNR = 1 - FPR, the line y = -x on probit axes.
    PlotSeries chance;
    chance.name = QStringLiteral("chance");
    chance.color = QColor(0x9a, 0x9a, 0x9a);
    chance.style = PlotSeries::Style::Dotted;
    chance.width = 1.5;
    chance.points = {{-limit, limit}, {limit, -limit}};
    chance.pickable = false;
    chance.id = kReferenceSeriesId;
    spec.series.append(chance);

    QStringList notes;
    if (!undefined.isEmpty())
        notes << QStringLiteral("undefined (no positives or no negatives): %1")
                     .arg(undefined.join(QStringLiteral(", ")));
    if (!perfect.isEmpty())
        notes << QStringLiteral("no point off 0% error, not drawn: %1")
                     .arg(perfect.join(QStringLiteral(", ")));
    spec.note = notes.join(QStringLiteral("; "));
    return spec;
}

} // namespace focalscope
