#include "charts/concentration_plot.h"

#include "charts/chart_helpers.h"
#include "plot/decimation.h"
#include "plot/plot_palette.h"

#include <cmath>

namespace focalscope {

using namespace charts;

PlotSpec concentrationPlot(
    const LossConcentration& concentration, double easyShare, const std::vector<std::string>& names)
{
    PlotSpec spec;
    spec.title = QStringLiteral("Loss concentration");
    spec.x = {QStringLiteral("Fraction of rows (sorted by loss, ascending)"), 0.0, 1.0, false};
    spec.y = {QStringLiteral("Cumulative share of the loss"), 0.0, 1.0, false};
    spec.squareAspect = true;

    QStringList notes;
    const struct {
        const ConcentrationCurve& curve;
        int colour;
        int id;
    } groups[] = {{concentration.background, 0, kBackgroundSeriesId},
        {concentration.foreground, 1, kForegroundSeriesId}};
    for (const auto& group : groups) {
        const QString name = groupName(names, group.id);
        if (group.curve.rows == 0 || group.curve.fraction.size() < 2) {
            notes << QStringLiteral("no rows of %1").arg(name);
            continue;
        }
        PlotSeries series;
        series.name = QStringLiteral("%1 (%2 rows)").arg(name).arg(qlonglong(group.curve.rows));
        series.color = classColor(group.colour);
        series.width = 2.5;
        series.id = group.id;
        series.points = toPoints(group.curve.fraction, group.curve.cumulative);
        decimateSeries(series);
        spec.series.append(series);
    }

    PlotSeries uniform;
    uniform.name = QStringLiteral("equal loss per row");
    uniform.color = QColor(0x9a, 0x9a, 0x9a);
    uniform.style = PlotSeries::Style::Dotted;
    uniform.width = 1.5;
    uniform.points = {{0.0, 0.0}, {1.0, 1.0}};
    uniform.pickable = false;
    uniform.id = -1;
    spec.series.append(uniform);

    if (!std::isnan(easyShare))
        notes.prepend(QStringLiteral("well-classified rows (pₜ > 0.5) carry %1% of the loss")
                          .arg(100.0 * easyShare, 0, 'f', 1));
    if (!notes.isEmpty()) {
        QString note = notes.join(QStringLiteral("; "));
        note[0] = note[0].toUpper();
        spec.note = note;
    }
    return spec;
}

} // namespace focalscope
