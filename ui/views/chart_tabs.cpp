#include "views/chart_tabs.h"

#include "charts/roc_plot.h"
#include "model/dataset_session.h"
#include "plot/plot_view.h"
#include "views/number_format.h"

#include <cmath>

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
        addTab(view, chartTitle(chart));
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
        m_pickedClass = -1;
        emit operatingPointCleared();
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
    setChartSpec(ConcentrationChart, charts->concentrationPlot);
    // Per class, the histograms' ids are the target classes.
    const bool perClass = m_session.ptGrouping() == PtGrouping::PerClass;
    setChartSpec(PtDistributionChart,
        perClass ? withVisibleSeries(charts->ptDistributionPlot, visibleTargets())
                 : charts->ptDistributionPlot);
}

void ChartTabs::updateRocCharts()
{
    const auto roc = m_session.rocResults();
    if (!roc) {
        setChartSpec(RocChart, PlotSpec {});
        setChartSpec(PrChart, PlotSpec {});
        return;
    }
    // The ROC and PR series' ids are entries of RocReport::classes.
    std::vector<bool> entries(roc->report.classes.size(), true);
    for (std::size_t e = 0; e < entries.size(); ++e)
        entries[e] = isTargetVisible(targetOfEntry(static_cast<int>(e)));
    setChartSpec(RocChart, withVisibleSeries(roc->rocPlot, entries));
    setChartSpec(PrChart, withVisibleSeries(roc->prPlot, entries));
    if (m_pickedClass >= 0 && !pickOperatingPoint(m_pickedClass, m_pickedIndex)) {
        m_pickedClass = -1;
        view(RocChart)->clearMarker();
        emit operatingPointCleared();
    }
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
    view(chart)->setSpec(m_specs[c]);
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
    const ClassRoc& classRoc = roc->classes[static_cast<std::size_t>(entry)];
    if (curveIndex >= classRoc.roc.thresholds.size())
        return false;
    const OperatingPoint point = operatingPointAt(classRoc.roc, curveIndex);
    m_pickedClass = targetClass;
    m_pickedIndex = curveIndex;
    view(PrChart)->clearMarker();
    showChart(RocChart);
    const PlotSpec& shown = spec(RocChart);
    for (int s = 0; s < shown.series.size(); ++s) {
        if (shown.series[s].id == entry && shown.series[s].pickable) {
            view(RocChart)->setMarker(
                s, QPointF(point.fpr, point.tpr), tr("t = %1").arg(formatNumber(point.threshold)));
            break;
        }
    }
    emit operatingPointPicked(QString::fromStdString(classRoc.name), point);
    return true;
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
    if (chart == RocChart && roc) {
        if (entry < 0 && id != kMicroAverageSeriesId)
            return;
        const RocCurve& curve
            = entry >= 0 ? roc->classes[static_cast<std::size_t>(entry)].roc : roc->microRoc;
        if (index < curve.thresholds.size()) {
            text = tr("%1\nthreshold %2\nFPR %3, TPR %4")
                       .arg(shown.series[series].name, formatNumber(curve.thresholds[index], 6),
                           formatNumber(curve.fpr[index]), formatNumber(curve.tpr[index]));
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
    if ((chart != RocChart && chart != PrChart) || sourceIndex < 0)
        return;
    const PlotSpec& shown = view(chart)->spec();
    if (series < 0 || series >= shown.series.size())
        return;
    const int id = shown.series[series].id;
    if (id < 0)
        return;
    if (chart == RocChart) {
        pickOperatingPoint(targetOfEntry(id), static_cast<std::size_t>(sourceIndex));
        return;
    }
    const auto roc = m_session.roc();
    if (!roc || id >= static_cast<int>(roc->classes.size()))
        return;
    const ClassRoc& classRoc = roc->classes[static_cast<std::size_t>(id)];
    const std::optional<OperatingPoint> point = operatingPointFromPr(
        classRoc.pr, static_cast<std::size_t>(sourceIndex), classRoc.positives, classRoc.negatives);
    if (!point)
        return;
    m_pickedClass = -1;
    view(RocChart)->clearMarker();
    view(PrChart)->setMarker(series, QPointF(point->recall, point->precision),
        tr("t = %1").arg(formatNumber(point->threshold)));
    emit operatingPointPicked(QString::fromStdString(classRoc.name), *point);
}

} // namespace focalscope
