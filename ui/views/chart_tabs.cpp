#include "views/chart_tabs.h"

#include "charts/det_plot.h"
#include "charts/roc_plot.h"
#include "charts/run_overlay.h"
#include "model/dataset_session.h"
#include "model/run_set.h"
#include "plot/plot_grid_view.h"
#include "plot/plot_palette.h"
#include "plot/plot_view.h"
#include "plot/plot_zoom.h"
#include "views/loss_curve_bar.h"
#include "views/number_format.h"

#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <functional>

namespace focalscope {

namespace {

// Leaves out the series of hidden classes: those whose id is a class index (>= 0) that
// `visible` (indexed by id) marks false.
PlotSpec withVisibleSeries(PlotSpec spec, const std::vector<bool>& visible)
{
    spec.series.removeIf([&visible](const PlotSeries& s) {
        return s.id >= 0 && static_cast<std::size_t>(s.id) < visible.size()
            && !visible[static_cast<std::size_t>(s.id)];
    });
    return spec;
}

// A tab holding a bar of controls above a chart view.
QWidget* withBar(QWidget* bar, PlotView* view)
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(view, 1);
    return page;
}

} // namespace

ChartTabs::ChartTabs(DatasetSession& session, QWidget* parent)
    : QTabWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("chartTabs"));
    setDocumentMode(true);
    for (int c = 0; c < ChartCount; ++c) {
        const auto chart = static_cast<Chart>(c);
        auto* view = new PlotView(this);
        view->setObjectName(chartFileName(chart) + QStringLiteral("View"));
        m_views[static_cast<std::size_t>(c)] = view;
        if (chart == RocChart || chart == PrChart || chart == DetChart) {
            // The chart, or its small multiples when runs crowd it.
            auto* stack = new QStackedWidget(this);
            stack->addWidget(view);
            auto* grid = new PlotGridView(stack);
            grid->setObjectName(chartFileName(chart) + QStringLiteral("Grid"));
            stack->addWidget(grid);
            m_grids[static_cast<std::size_t>(c)] = grid;
            addTab(stack, chartTitle(chart));
        } else {
            addTab(chart == LossChart ? withBar(new LossCurveBar(m_session), view) : view,
                chartTitle(chart));
        }
        connect(view, &PlotView::pointHovered, this,
            [this, chart](int series, qsizetype sourceIndex, QPointF value) {
                onHovered(chart, series, sourceIndex, value);
            });
        connect(view, &PlotView::hoverLeft, view, &PlotView::hideHoverText);
        connect(view, &PlotView::pointClicked, this,
            [this, chart](int series, qsizetype sourceIndex, QPointF) {
                onClicked(chart, series, sourceIndex);
            });
    }
    connect(&m_session, &DatasetSession::datasetChanged, this, [this] {
        for (PlotView* view : m_views)
            view->resetZoom();
        clearOperatingPoint();
        updateRowCharts();
        updateRocCharts();
    });
    connect(&m_session, &DatasetSession::lossCurveChanged, this, &ChartTabs::updateLossCurve);
    connect(&m_session, &DatasetSession::lossChartsChanged, this, &ChartTabs::updateRowCharts);
    connect(&m_session, &DatasetSession::rocChanged, this, &ChartTabs::updateRocCharts);
    // Only the chart on screen follows each update; the others catch up when shown.
    connect(this, &QTabWidget::currentChanged, this,
        [this](int index) { showChart(static_cast<Chart>(index)); });
    updateLossCurve();
}

const PlotSpec& ChartTabs::spec(Chart chart) const
{
    return m_specs[static_cast<std::size_t>(chart)];
}

PlotSpec ChartTabs::shownSpec(Chart chart) const
{
    const PlotView* shown = view(chart);
    if (!spec(chart).panels.empty())
        return spec(chart);
    return shown->isZoomed() ? withRange(spec(chart), shown->shownRange()) : spec(chart);
}

QString ChartTabs::chartTitle(Chart chart)
{
    switch (chart) {
    case LossChart:
        return tr("Loss vs p_t");
    case ConcentrationChart:
        return tr("Loss concentration");
    case PtDistributionChart:
        return tr("p_t distribution");
    case RocChart:
        return tr("ROC");
    case PrChart:
        return tr("Precision-recall");
    case DetChart:
        return tr("DET");
    case ScoresChart:
        return tr("Scores");
    case ChartCount:
        break;
    }
    return {};
}

QString ChartTabs::chartFileName(Chart chart)
{
    switch (chart) {
    case LossChart:
        return QStringLiteral("loss");
    case ConcentrationChart:
        return QStringLiteral("concentration");
    case PtDistributionChart:
        return QStringLiteral("pt-distribution");
    case RocChart:
        return QStringLiteral("roc");
    case PrChart:
        return QStringLiteral("pr");
    case DetChart:
        return QStringLiteral("det");
    case ScoresChart:
        return QStringLiteral("scores");
    case ChartCount:
        break;
    }
    return {};
}

void ChartTabs::setVisibleClasses(const QList<bool>& visible)
{
    if (visible == m_visible)
        return;
    m_visible = visible;
    updateRowCharts();
    updateRocCharts();
}

void ChartTabs::setIsoCostSlope(std::optional<double> slope)
{
    // Also with the same slope: the line goes through the point, which may have moved.
    if (!slope && !m_isoCostSlope)
        return;
    m_isoCostSlope = slope;
    refreshRocChart();
}

void ChartTabs::refreshRocChart()
{
    const auto roc = m_session.rocResults();
    if (!roc)
        return;
    std::vector<bool> entries(roc->report.classes.size(), true);
    for (std::size_t e = 0; e < entries.size(); ++e)
        entries[e] = isTargetVisible(targetOfEntry(static_cast<int>(e)));
    setChartSpec(RocChart, rocSpec(*roc, entries));
    if (m_pickedClass >= 0)
        markOperatingPoint(rocEntry(m_pickedClass), m_picked);
}

void ChartTabs::setRocBands(std::shared_ptr<const RocBands> bands)
{
    if (bands == m_bands)
        return;
    m_bands = std::move(bands);
    refreshRocChart();
}

PlotSpec ChartTabs::rocSpec(const RocResults& roc, const std::vector<bool>& entries) const
{
    PlotSpec spec
        = withRuns(withClassColors(withVisibleSeries(roc.rocPlot, entries), true), RocChart, true);
    // The bootstrap's bands over every run's curves, dashed in their classes' colours (not
    // restyled as run A's); small multiples leave them out.
    if (m_bands && spec.panels.empty()) {
        PlotSpec bands;
        bands.x = spec.x; // a logarithmic FPR axis drops FPR 0
        appendRocBands(bands, *m_bands, entries);
        for (PlotSeries& series : withClassColors(std::move(bands), true).series)
            spec.series.append(std::move(series));
    }
    if (m_folds && !m_folds->empty())
        appendFoldAverages(
            spec, *m_folds,
            [this](int target) {
                return target < m_colors.size() && m_colors[target].isValid() ? m_colors[target]
                                                                              : classColor(target);
            },
            [this](int target) { return isTargetVisible(target); }, m_foldBand);
    return withIsoCostLine(std::move(spec));
}

void ChartTabs::setFoldAverages(std::shared_ptr<const std::vector<FoldClassSummary>> folds)
{
    if (folds == m_folds)
        return;
    m_folds = std::move(folds);
    refreshRocChart();
}

void ChartTabs::setFoldBand(FoldBand band)
{
    if (band == m_foldBand)
        return;
    m_foldBand = band;
    refreshRocChart();
}

void ChartTabs::setRuns(RunSet* runs)
{
    if (m_runs)
        disconnect(m_runs, nullptr, this, nullptr);
    m_runs = runs;
    if (!m_runs)
        return;
    const auto refresh = [this] {
        updateRowCharts();
        updateRocCharts();
    };
    connect(m_runs, &RunSet::runsChanged, this, refresh);
    connect(m_runs, &RunSet::runChanged, this, refresh);
    // Run A's results reach the charts through the session's signals. A slider move changes
    // every run's loss, not its ROC: the ROC, PR and DET overlays are left alone then.
    connect(m_runs, &RunSet::resultsChanged, this, [this](int run, RunSet::RunResult what) {
        if (run == 0 || !m_runs->run(run).visible)
            return;
        if (what != RunSet::RunResult::Roc)
            updateRowCharts();
        if (what != RunSet::RunResult::Loss)
            updateRocCharts();
    });
}

const PlotSpec* ChartTabs::runSpec(int run, Chart chart) const
{
    const DatasetSession& session = m_runs->session(run);
    if (chart == RocChart || chart == PrChart || chart == DetChart) {
        const auto roc = session.rocResults();
        if (!roc)
            return nullptr;
        return chart == RocChart ? &roc->rocPlot : chart == PrChart ? &roc->prPlot : &roc->detPlot;
    }
    const auto charts = session.lossCharts();
    if (!charts)
        return nullptr;
    return chart == ConcentrationChart ? &charts->concentrationPlot : &charts->ptDistributionPlot;
}

PlotSpec ChartTabs::withRuns(PlotSpec spec, Chart chart, bool idsAreEntries) const
{
    if (!m_runs || !m_runs->overlaid())
        return spec;
    std::vector<bool> visible;
    if (idsAreEntries) {
        const auto roc = m_session.roc();
        visible.assign(roc ? roc->classes.size() : 0, true);
        for (std::size_t e = 0; e < visible.size(); ++e)
            visible[e] = isTargetVisible(targetOfEntry(static_cast<int>(e)));
    } else if (chart == PtDistributionChart && m_session.ptGrouping() == PtGrouping::PerClass) {
        visible = visibleTargets();
    }
    const auto styleOf = [this](int run) {
        const Run& r = m_runs->run(run);
        return RunStyle {r.name, r.color, r.line};
    };
    std::vector<RunChart> others;
    for (const int run : m_runs->visibleRuns()) {
        const PlotSpec* other = run == 0 ? nullptr : runSpec(run, chart);
        if (other)
            others.push_back(
                {withClassColors(withVisibleSeries(*other, visible), idsAreEntries), styleOf(run)});
    }
    const bool panels = chart == RocChart || chart == PrChart || chart == DetChart;
    const auto roc = m_session.roc();
    return overlayRuns(std::move(spec), styleOf(0), m_runs->run(0).visible, std::move(others),
        panels, [&roc](int entry) {
            return roc && entry >= 0 && entry < static_cast<int>(roc->classes.size())
                ? QString::fromStdString(roc->classes[static_cast<std::size_t>(entry)].name)
                : QString::number(entry);
        });
}

PlotSpec ChartTabs::withIsoCostLine(PlotSpec spec) const
{
    if (!m_isoCostSlope || m_pickedClass < 0 || spec.x.logarithmic)
        return spec;
    const double slope = *m_isoCostSlope;
    const double x0 = m_picked.fpr;
    const double y0 = m_picked.tpr;
    if (!std::isfinite(x0) || !std::isfinite(y0) || !std::isfinite(slope))
        return spec;
    // tpr = y0 + slope (fpr - x0), clipped to the unit square.
    QList<QPointF> points;
    for (const double x : {0.0, 1.0}) {
        const double y = y0 + slope * (x - x0);
        points.append(QPointF(x, y));
    }
    auto clip = [slope, x0, y0](QPointF p) {
        if (p.y() > 1.0 && slope > 0.0)
            return QPointF(x0 + (1.0 - y0) / slope, 1.0);
        if (p.y() < 0.0 && slope > 0.0)
            return QPointF(x0 - y0 / slope, 0.0);
        return QPointF(p.x(), std::clamp(p.y(), 0.0, 1.0));
    };
    PlotSeries line;
    line.name = tr("equal expected cost (slope %1)").arg(formatNumber(slope));
    line.color = QColor(0x55, 0x55, 0x55);
    line.style = PlotSeries::Style::Dashed;
    line.width = 1.5;
    line.points = {clip(points[0]), clip(points[1])};
    line.pickable = false;
    line.id = -1;
    spec.series.append(line);
    return spec;
}

void ChartTabs::setScoresSpec(PlotSpec spec)
{
    setChartSpec(ScoresChart, std::move(spec));
}

void ChartTabs::setClassColors(const QList<QColor>& colors)
{
    if (colors == m_colors)
        return;
    m_colors = colors;
    updateRowCharts();
    updateRocCharts();
}

PlotSpec ChartTabs::withClassColors(PlotSpec spec, bool idsAreEntries) const
{
    for (PlotSeries& series : spec.series) {
        if (series.id < 0)
            continue;
        const int target = idsAreEntries ? targetOfEntry(series.id) : series.id;
        if (target < m_colors.size() && m_colors[target].isValid())
            series.color = m_colors[target];
    }
    return spec;
}

void ChartTabs::updateLossCurve()
{
    const auto curve = m_session.lossCurve();
    setChartSpec(LossChart, curve ? *curve : PlotSpec {});
}

void ChartTabs::updateRowCharts()
{
    const auto charts = m_session.lossCharts();
    if (!charts) {
        setChartSpec(ConcentrationChart, PlotSpec {});
        setChartSpec(PtDistributionChart, PlotSpec {});
        return;
    }
    // The concentration's ids (class 0, the rest) and the histograms' ids per class (the target
    // classes) take the classes' colours; grouped, group 1 takes class 1's as the builder does.
    setChartSpec(ConcentrationChart,
        withRuns(withClassColors(charts->concentrationPlot, false), ConcentrationChart, false));
    const bool perClass = m_session.ptGrouping() == PtGrouping::PerClass;
    setChartSpec(PtDistributionChart,
        withRuns(withClassColors(perClass
                         ? withVisibleSeries(charts->ptDistributionPlot, visibleTargets())
                         : charts->ptDistributionPlot,
                     false),
            PtDistributionChart, false));
}

void ChartTabs::updateRocCharts()
{
    const auto roc = m_session.rocResults();
    if (!roc) {
        setChartSpec(RocChart, PlotSpec {});
        setChartSpec(PrChart, PlotSpec {});
        setChartSpec(DetChart, PlotSpec {});
        return;
    }
    // The ROC and PR series' ids are entries of RocReport::classes.
    std::vector<bool> entries(roc->report.classes.size(), true);
    for (std::size_t e = 0; e < entries.size(); ++e)
        entries[e] = isTargetVisible(targetOfEntry(static_cast<int>(e)));
    setChartSpec(RocChart, rocSpec(*roc, entries));
    setChartSpec(PrChart,
        withRuns(withClassColors(withVisibleSeries(roc->prPlot, entries), true), PrChart, true));
    setChartSpec(DetChart,
        withRuns(withClassColors(withVisibleSeries(roc->detPlot, entries), true), DetChart, true));
    restoreOperatingPoint();
}

void ChartTabs::setChartSpec(Chart chart, PlotSpec spec)
{
    const auto c = static_cast<std::size_t>(chart);
    m_specs[c] = std::move(spec);
    m_stale[c] = true;
    if (chart == currentChart())
        showChart(chart);
}

void ChartTabs::showChart(Chart chart)
{
    const auto c = static_cast<std::size_t>(chart);
    if (!m_stale[c])
        return;
    m_stale[c] = false;
    PlotGridView* grid = m_grids[c];
    if (grid && !m_specs[c].panels.empty()) {
        grid->setSpec(m_specs[c]);
        static_cast<QStackedWidget*>(grid->parentWidget())->setCurrentWidget(grid);
        return;
    }
    view(chart)->setSpec(m_specs[c]);
    if (grid)
        static_cast<QStackedWidget*>(grid->parentWidget())->setCurrentWidget(view(chart));
}

std::vector<bool> ChartTabs::visibleTargets() const
{
    return std::vector<bool>(m_visible.begin(), m_visible.end());
}

bool ChartTabs::isTargetVisible(int targetClass) const
{
    return targetClass < 0 || targetClass >= m_visible.size() || m_visible[targetClass];
}

int ChartTabs::targetOfEntry(int entry) const
{
    const auto roc = m_session.roc();
    return roc && roc->binary ? entry + 1 : entry;
}

int ChartTabs::rocEntry(int targetClass) const
{
    const auto roc = m_session.roc();
    if (!roc)
        return -1;
    const int entry = roc->binary ? targetClass - 1 : targetClass;
    return entry >= 0 && entry < static_cast<int>(roc->classes.size()) ? entry : -1;
}

bool ChartTabs::pickOperatingPoint(int targetClass, std::size_t curveIndex)
{
    const auto roc = m_session.roc();
    const int entry = rocEntry(targetClass);
    if (entry < 0)
        return false;
    const RocCurve& curve = roc->classes[static_cast<std::size_t>(entry)].roc;
    if (curveIndex >= curve.thresholds.size())
        return false;
    showOperatingPoint(entry, operatingPointAt(curve, curveIndex));
    return true;
}

bool ChartTabs::pickPrOperatingPoint(int targetClass, std::size_t curveIndex)
{
    const auto roc = m_session.roc();
    const int entry = rocEntry(targetClass);
    if (entry < 0)
        return false;
    const ClassRoc& classRoc = roc->classes[static_cast<std::size_t>(entry)];
    const std::optional<OperatingPoint> point
        = operatingPointFromPr(classRoc.pr, curveIndex, classRoc.positives, classRoc.negatives);
    if (!point)
        return false;
    showOperatingPoint(entry, *point);
    return true;
}

std::optional<OperatingPoint> ChartTabs::pickedPoint() const
{
    if (m_pickedClass < 0)
        return std::nullopt;
    return m_picked;
}

void ChartTabs::showOperatingPoint(int entry, const OperatingPoint& point)
{
    markOperatingPoint(entry, point);
    const auto roc = m_session.roc();
    emit operatingPointPicked(
        QString::fromStdString(roc->classes[static_cast<std::size_t>(entry)].name), point);
}

void ChartTabs::clearOperatingPointMarks()
{
    m_pickedClass = -1;
    for (Chart chart : {RocChart, PrChart, DetChart})
        view(chart)->clearMarker();
}

void ChartTabs::markOperatingPoint(int entry, const OperatingPoint& point)
{
    const auto roc = m_session.roc();
    if (!roc || entry < 0 || entry >= static_cast<int>(roc->classes.size()))
        return;
    m_pickedClass = targetOfEntry(entry);
    m_picked = point;
    const QString label = tr("t = %1").arg(formatNumber(point.threshold));
    // The same point on both curves: (FPR, TPR) on ROC, (recall, precision) on PR. A point
    // dropped from the drawn ROC curve (collinear) still lies on its line.
    const std::array<std::pair<Chart, QPointF>, 3> marks {
        std::pair {RocChart, QPointF(point.fpr, point.tpr)},
        std::pair {PrChart, QPointF(point.recall, point.precision)},
        std::pair {DetChart, detPosition(point.fpr, point.tpr)}};
    for (const auto& [chart, value] : marks) {
        showChart(chart);
        PlotView* plot = view(chart);
        plot->clearMarker();
        const PlotSpec& shown = plot->spec();
        for (int s = 0; s < shown.series.size(); ++s) {
            if (shown.series[s].id == entry && shown.series[s].pickable) {
                if (std::isfinite(value.x()) && std::isfinite(value.y()))
                    plot->setMarker(s, value, label);
                break;
            }
        }
    }
}

void ChartTabs::clearOperatingPoint()
{
    clearOperatingPointMarks();
    emit operatingPointCleared();
}

void ChartTabs::restoreOperatingPoint()
{
    if (m_pickedClass < 0)
        return;
    const auto roc = m_session.roc();
    const int entry = rocEntry(m_pickedClass);
    if (entry >= 0) {
        const ClassRoc& classRoc = roc->classes[static_cast<std::size_t>(entry)];
        // ROC thresholds descend; PR thresholds ascend (scikit-learn's orders).
        const std::vector<double>& rocThresholds = classRoc.roc.thresholds;
        const auto r = std::lower_bound(
            rocThresholds.begin(), rocThresholds.end(), m_picked.threshold, std::greater<double>());
        if (r != rocThresholds.end() && *r == m_picked.threshold) {
            pickOperatingPoint(m_pickedClass, static_cast<std::size_t>(r - rocThresholds.begin()));
            return;
        }
        const std::vector<double>& prThresholds = classRoc.pr.thresholds;
        const auto p
            = std::lower_bound(prThresholds.begin(), prThresholds.end(), m_picked.threshold);
        if (p != prThresholds.end() && *p == m_picked.threshold
            && pickPrOperatingPoint(
                m_pickedClass, static_cast<std::size_t>(p - prThresholds.begin())))
            return;
    }
    clearOperatingPoint();
}

void ChartTabs::onHovered(Chart chart, int series, qsizetype sourceIndex, QPointF value)
{
    PlotView* plot = view(chart);
    const PlotSpec& shown = plot->spec();
    if (series < 0 || series >= shown.series.size() || sourceIndex < 0)
        return;
    const auto roc = m_session.roc();
    const int id = shown.series[series].id;
    const int entry = roc && id >= 0 && id < static_cast<int>(roc->classes.size()) ? id : -1;
    const auto index = static_cast<std::size_t>(sourceIndex);
    QString text;
    if ((chart == RocChart || chart == DetChart) && roc) {
        if (entry < 0 && id != kMicroAverageSeriesId)
            return;
        const RocCurve& curve
            = entry >= 0 ? roc->classes[static_cast<std::size_t>(entry)].roc : roc->microRoc;
        if (index < curve.thresholds.size()) {
            text = chart == RocChart
                ? tr("%1\nthreshold %2\nFPR %3, TPR %4")
                      .arg(shown.series[series].name, formatNumber(curve.thresholds[index], 6),
                          formatNumber(curve.fpr[index]), formatNumber(curve.tpr[index]))
                : tr("%1\nthreshold %2\nFPR %3, FNR %4")
                      .arg(shown.series[series].name, formatNumber(curve.thresholds[index], 6),
                          formatNumber(curve.fpr[index]), formatNumber(1.0 - curve.tpr[index]));
        }
    } else if (chart == PrChart && roc && entry >= 0) {
        const PrCurve& curve = roc->classes[static_cast<std::size_t>(entry)].pr;
        if (index < curve.precision.size()) {
            const QString threshold = index < curve.thresholds.size()
                ? formatNumber(curve.thresholds[index], 6)
                : QStringLiteral("—");
            text = tr("%1\nthreshold %2\nprecision %3, recall %4")
                       .arg(shown.series[series].name, threshold,
                           formatNumber(curve.precision[index]), formatNumber(curve.recall[index]));
        }
    } else {
        text
            = tr("%1\n(%2, %3)")
                  .arg(shown.series[series].name, formatNumber(value.x()), formatNumber(value.y()));
    }
    if (!text.isEmpty())
        plot->showHoverText(series, value, text);
}

void ChartTabs::onClicked(Chart chart, int series, qsizetype sourceIndex)
{
    if ((chart != RocChart && chart != PrChart && chart != DetChart) || sourceIndex < 0)
        return;
    const PlotSpec& shown = view(chart)->spec();
    if (series < 0 || series >= shown.series.size())
        return;
    const int id = shown.series[series].id;
    if (id < 0)
        return;
    view(chart)->hideHoverText();
    // DET points are ROC points (sourceIndex into the ROC curve).
    if (chart == RocChart || chart == DetChart)
        pickOperatingPoint(targetOfEntry(id), static_cast<std::size_t>(sourceIndex));
    else
        pickPrOperatingPoint(targetOfEntry(id), static_cast<std::size_t>(sourceIndex));
}

} // namespace focalscope
