#include "charts/pt_distribution_plot.h"

#include "charts/chart_helpers.h"
#include "plot/plot_palette.h"

#include <algorithm>
#include <cmath>

namespace focalscope {

using namespace charts;

std::vector<PtHistogram> ptHistograms(const FocalLossResult& loss, const LabelVector& labels,
    std::int32_t ignoreIndex, Index targetClasses, PtGrouping grouping, int bins)
{
    bins = std::max(bins, 1);
    const std::size_t groups = grouping == PtGrouping::PerClass
        ? static_cast<std::size_t>(std::max<Index>(targetClasses, 0))
        : 2;
    std::vector<PtHistogram> histograms(groups);
    for (PtHistogram& h : histograms)
        h.counts.assign(static_cast<std::size_t>(bins), 0);
    const Index rows = std::min<Index>(loss.pt.size(), labels.size());
    for (Index i = 0; i < rows; ++i) {
        const std::int32_t label = labels[i];
        const double pt = loss.pt[i];
        if (label == ignoreIndex || std::isnan(pt))
            continue;
        std::size_t group = 0;
        if (grouping == PtGrouping::PerClass) {
            if (label < 0 || label >= targetClasses)
                continue;
            group = static_cast<std::size_t>(label);
        } else {
            group = label == 0 ? 0 : 1;
        }
        const int bin = std::clamp(static_cast<int>(pt * bins), 0, bins - 1);
        ++histograms[group].counts[static_cast<std::size_t>(bin)];
        ++histograms[group].rows;
    }
    return histograms;
}

PlotSpec ptDistributionPlot(const FocalLossResult& loss, const LabelVector& labels,
    std::int32_t ignoreIndex, Index targetClasses, double gamma, PtGrouping grouping,
    const std::vector<std::string>& names, const std::vector<bool>& visible, int bins)
{
    return ptDistributionPlot(
        ptHistograms(loss, labels, ignoreIndex, targetClasses, grouping, std::max(bins, 1)), gamma,
        grouping, names, visible);
}

std::vector<PtHistogram> summaryPtHistograms(const Summary& s, PtGrouping grouping, int bins)
{
    bins = std::max(bins, 1);
    const int targets = s.targets();
    const int groups = grouping == PtGrouping::PerClass ? targets : 2;
    std::vector<PtHistogram> histograms(static_cast<std::size_t>(groups));
    for (PtHistogram& h : histograms)
        h.counts.assign(static_cast<std::size_t>(bins), 0);
    const std::int64_t count = s.bins();
    for (int t = 0; t < targets; ++t) {
        PtHistogram& h = histograms[static_cast<std::size_t>(
            grouping == PtGrouping::PerClass ? t : std::min(t, 1))];
        const std::int64_t* counts = s.ptCounts.data() + static_cast<std::size_t>(t) * count;
        for (std::int64_t k = 0; k < count; ++k) {
            if (counts[k] == 0)
                continue;
            // p_t = sigmoid(z) at the bin's centre, or the exact extreme beyond the range.
            const double z = k == 0 ? s.ptLogitMin[static_cast<std::size_t>(t)]
                : k == count - 1    ? s.ptLogitMax[static_cast<std::size_t>(t)]
                                    : 0.5 * (s.edge(k) + s.edge(k + 1));
            const double pt
                = z >= 0.0 ? 1.0 / (1.0 + std::exp(-z)) : std::exp(z) / (1.0 + std::exp(z));
            const int bin = std::clamp(static_cast<int>(pt * bins), 0, bins - 1);
            h.counts[static_cast<std::size_t>(bin)] += counts[k];
            h.rows += counts[k];
        }
    }
    return histograms;
}

PlotSpec ptDistributionPlot(const std::vector<PtHistogram>& histograms, double gamma,
    PtGrouping grouping, const std::vector<std::string>& names, const std::vector<bool>& visible)
{
    const int bins = histograms.empty()
        ? 1
        : std::max<int>(1, static_cast<int>(histograms.front().counts.size()));
    PlotSpec spec;
    spec.title = QStringLiteral("Distribution of pₜ");
    spec.x = {QStringLiteral("pₜ (probability of the true class)"), 0.0, 1.0, false};
    spec.yRight = {QStringLiteral("Focal weight (1 − pₜ)^γ"), 0.0, 1.0, false};

    const double width = 1.0 / bins;
    double highest = 0.0;
    std::int64_t counted = 0;
    std::int64_t easy = 0;
    for (std::size_t g = 0; g < histograms.size(); ++g) {
        const PtHistogram& h = histograms[g];
        counted += h.rows;
        for (int b = 0; b < bins; ++b)
            if ((b + 0.5) * width > 0.5)
                easy += h.counts[static_cast<std::size_t>(b)];
        if (h.rows == 0 || !isVisible(visible, g))
            continue;
        PlotSeries series;
        const QString name = grouping == PtGrouping::PerClass
            ? nameOf(names, g)
            : groupName(names, static_cast<int>(g));
        series.name = QStringLiteral("%1 (%2 rows)").arg(name).arg(h.rows);
        series.color = classColor(static_cast<int>(g));
        series.style = PlotSeries::Style::Bars;
        series.width = 1.5;
        series.barWidth = width;
        series.id = static_cast<int>(g);
        series.points.reserve(bins);
        series.hoverText.reserve(bins);
        for (int b = 0; b < bins; ++b) {
            const std::int64_t count = h.counts[static_cast<std::size_t>(b)];
            const double fraction = static_cast<double>(count) / static_cast<double>(h.rows);
            highest = std::max(highest, fraction);
            series.points.append(QPointF((b + 0.5) * width, fraction));
            // The bins are [lo, hi), the last one [lo, 1].
            series.hoverText.append(
                QStringLiteral("%1\npₜ in [%2, %3%4\n%5 of %6 rows (%7%)")
                    .arg(name, formatParameter(b * width), formatParameter((b + 1) * width),
                        b + 1 == bins ? QStringLiteral("]") : QStringLiteral(")"))
                    .arg(count)
                    .arg(h.rows)
                    .arg(100.0 * fraction, 0, 'f', 1));
        }
        spec.series.append(series);
    }
    spec.y = {QStringLiteral("Fraction of the group's rows"), 0.0,
        std::min(1.0, niceCeiling(std::max(highest, 1e-3) * 1.05)), false};

    PlotSeries weight;
    weight.name = QStringLiteral("focal weight (1 − pₜ)^γ, γ = %1").arg(formatParameter(gamma));
    weight.color = QColor(0x11, 0x11, 0x11);
    weight.style = PlotSeries::Style::Dashed;
    weight.width = 2.0;
    weight.onSecondaryAxis = true;
    weight.id = kFocalWeightSeriesId;
    constexpr int samples = 201;
    for (int i = 0; i < samples; ++i) {
        const double pt = static_cast<double>(i) / (samples - 1);
        // (1 - p_t)^gamma with 0^0 = 1 (std::pow agrees).
        weight.points.append(QPointF(pt, std::pow(1.0 - pt, gamma)));
    }
    spec.series.append(weight);

    if (counted > 0)
        spec.note
            = QStringLiteral("%1% of %2 rows have pₜ > 0.5 (well classified)")
                  .arg(100.0 * static_cast<double>(easy) / static_cast<double>(counted), 0, 'f', 1)
                  .arg(counted);
    return spec;
}

} // namespace focalscope
