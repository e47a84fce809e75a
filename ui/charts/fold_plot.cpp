#include "charts/fold_plot.h"

#include <QObject>

#include <cmath>

namespace focalscope {

namespace {

PlotSeries curve(const std::vector<double>& x, const std::vector<double>& y, bool logX)
{
    PlotSeries s;
    for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
        if (!std::isfinite(x[i]) || !std::isfinite(y[i]) || (logX && !(x[i] > 0.0)))
            continue;
        s.points.append(QPointF(x[i], y[i]));
    }
    s.pickable = false;
    s.id = -1;
    return s;
}

} // namespace

void appendFoldAverages(PlotSpec& roc, const std::vector<FoldClassSummary>& folds,
    const std::function<QColor(int)>& colorOf, const std::function<bool(int)>& visible,
    FoldBand band)
{
    const bool logX = roc.x.logarithmic;
    bool anyBand = false;
    for (const FoldClassSummary& f : folds) {
        if (!visible(f.targetClass) || f.vertical.fpr.empty())
            continue;
        const QColor color = colorOf(f.targetClass);
        const VerticalAverage& v = f.vertical;
        std::vector<double> lower = v.tprLo;
        std::vector<double> upper = v.tprHi;
        if (band == FoldBand::StandardDeviation) {
            for (std::size_t i = 0; i < v.tprMean.size(); ++i) {
                const double sd = std::isfinite(v.tprSd[i]) ? v.tprSd[i] : 0.0;
                lower[i] = std::max(0.0, v.tprMean[i] - sd);
                upper[i] = std::min(1.0, v.tprMean[i] + sd);
            }
        }
        for (const std::vector<double>* edge : {&lower, &upper}) {
            PlotSeries s = curve(v.fpr, *edge, logX);
            s.color = color;
            s.style = PlotSeries::Style::Dashed;
            s.width = 1.0;
            roc.series.append(s);
            anyBand = true;
        }
        PlotSeries mean = curve(v.fpr, v.tprMean, logX);
        mean.name = QObject::tr("%1: mean of %2 folds (AUROC %3 ± %4)")
                        .arg(QString::fromStdString(f.className))
                        .arg(f.aurocs.size())
                        .arg(f.aurocMean, 0, 'f', 3)
                        .arg(f.aurocSd, 0, 'f', 3);
        mean.color = color;
        mean.width = 3.0;
        roc.series.append(mean);
        PlotSeries byThreshold
            = curve(f.thresholdAveraged.fprMean, f.thresholdAveraged.tprMean, logX);
        byThreshold.name
            = QObject::tr("%1: threshold average").arg(QString::fromStdString(f.className));
        byThreshold.color = color.lighter(130);
        byThreshold.style = PlotSeries::Style::DashDot;
        byThreshold.width = 1.5;
        roc.series.append(byThreshold);
        PlotSeries pooled = curve(f.pooledFpr, f.pooledTpr, logX);
        pooled.name = QObject::tr("%1: pooled (AUROC %2)")
                          .arg(QString::fromStdString(f.className))
                          .arg(f.pooledAuroc, 0, 'f', 3);
        pooled.color = color.darker(140);
        pooled.style = PlotSeries::Style::Dotted;
        pooled.width = 1.5;
        roc.series.append(pooled);
    }
    if (!anyBand)
        return;
    PlotSeries legend;
    legend.name = band == FoldBand::StandardDeviation
        ? QObject::tr("band: ± 1 sd of the folds' TPR (vertical average)")
        : QObject::tr("band: 2.5–97.5% of the folds' TPR (vertical average)");
    legend.color = QColor(0x80, 0x80, 0x80);
    legend.style = PlotSeries::Style::Dashed;
    legend.width = 1.0;
    legend.pickable = false;
    legend.id = -1;
    roc.series.append(legend);
}

} // namespace focalscope
