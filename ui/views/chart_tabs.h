#pragma once

#include "charts/fold_plot.h"
#include "charts/roc_plot.h"
#include "plot/plot_spec.h"
#include "roc/operating_point.h"

#include <QColor>
#include <QList>
#include <QTabWidget>

#include <array>
#include <memory>
#include <optional>
#include <vector>

namespace focalscope {

class DatasetSession;
class PlotGridView;
class RunSet;
struct RocResults;
class PlotView;

// The tabbed chart area: loss vs p_t, loss concentration, p_t distribution, ROC,
// precision-recall, DET, and the threshold panel's class's scores. Each tab is a PlotView showing
// the PlotSpecs the session builds with its latest results; a new result replaces the points of the
// shown series. Hovering a ROC or PR or DET curve shows its threshold and rates; clicking one picks
// one operating point, marked on all three. Every chart zooms and pans (PlotView); a new dataset
// resets the zoom.
class ChartTabs : public QTabWidget {
    Q_OBJECT

public:
    enum Chart {
        LossChart,
        ConcentrationChart,
        PtDistributionChart,
        RocChart,
        PrChart,
        DetChart,
        ScoresChart,
        ChartCount
    };

    explicit ChartTabs(DatasetSession& session, QWidget* parent = nullptr);

    PlotView* view(Chart chart) const { return m_views[static_cast<std::size_t>(chart)]; }
    // The small multiples of ROC, PR and DET (null for the other charts); shown instead of
    // view() while spec(chart) has panels.
    PlotGridView* gridView(Chart chart) const { return m_grids[static_cast<std::size_t>(chart)]; }
    // The latest spec of a chart. Only the current tab's view is kept up to date with it;
    // another tab's view catches up when it is shown.
    const PlotSpec& spec(Chart chart) const;
    // What the chart's view shows: spec() in the view's zoomed range (for exports).
    PlotSpec shownSpec(Chart chart) const;
    Chart currentChart() const { return static_cast<Chart>(currentIndex()); }
    static QString chartTitle(Chart chart);
    // A short name for file names: "loss", "concentration", "pt-distribution", "roc", "pr",
    // "det", "scores".
    static QString chartFileName(Chart chart);

    // One flag per target class; hidden classes leave every per-class chart.
    void setVisibleClasses(const QList<bool>& visible);
    const QList<bool>& visibleClasses() const { return m_visible; }

    // Picks point `curveIndex` of the ROC curve of target class `targetClass` (what a click on
    // the curve does): marks it and emits operatingPointPicked. False when there is no such point.
    bool pickOperatingPoint(int targetClass, std::size_t curveIndex);
    // Picks point `curveIndex` of the precision-recall curve of target class `targetClass` (what
    // a click on the PR curve does). False when there is no such point.
    bool pickPrOperatingPoint(int targetClass, std::size_t curveIndex);
    // Marks a point of ROC report entry `entry` on ROC and PR (the threshold panel's point),
    // without emitting operatingPointPicked.
    void markOperatingPoint(int entry, const OperatingPoint& point);
    // The line of equal expected cost through the marked point on ROC (slope CFP (1 - PI) /
    // (CFN PI)); unset: none. Call it again after the point moves.
    void setIsoCostSlope(std::optional<double> slope);
    void clearOperatingPointMarks();
    // The ROC report entry of the picked point, -1 when none.
    int pickedEntry() const { return m_pickedClass < 0 ? -1 : rocEntry(m_pickedClass); }
    // The operating point marked on ROC and PR (one, linked), if any.
    std::optional<OperatingPoint> pickedPoint() const;
    int pickedClass() const { return m_pickedClass; }

    // The bootstrap's pointwise bands drawn on ROC (CalibrationDock::bootstrapBandReady);
    // nullptr clears them.
    void setRocBands(std::shared_ptr<const RocBands> bands);

    // The Scores tab: the threshold panel's class, its score histograms and threshold line.
    void setScoresSpec(PlotSpec spec);

    // One colour per target class (the classes dock's), used by every per-class chart.
    void setClassColors(const QList<QColor>& colors);

    // The runs drawn together (DESIGN.md, Runs and comparison): with more than one visible run,
    // ROC, PR, DET, the loss concentration and the p_t distribution show every visible run in
    // its line style (run A's curves alone are picked and hovered). When runs x classes crowd
    // ROC, PR or DET (more than kCrowdedCurves, run_overlay.h, curves of two or more classes),
    // those charts become small multiples: one panel per class, the runs in their colours. Null:
    // run A alone.
    void setRuns(RunSet* runs);
    // Runs marked as folds: their vertical average, band and pooled curve on ROC
    // (appendFoldAverages); null or empty draws none.
    void setFoldAverages(std::shared_ptr<const std::vector<FoldClassSummary>> folds);
    void setFoldBand(FoldBand band);

signals:
    void operatingPointPicked(const QString& className, const OperatingPoint& point);
    void operatingPointCleared();

private:
    void updateLossCurve();
    // The concentration and p_t distribution charts (built with the session's LossCharts).
    void updateRowCharts();
    void updateRocCharts();
    void onHovered(Chart chart, int series, qsizetype sourceIndex, QPointF value);
    void onClicked(Chart chart, int series, qsizetype sourceIndex);
    // The ROC report entry (index into RocReport::classes) of target class c, or -1.
    int rocEntry(int targetClass) const;
    // The target class of a ROC report entry (a binary task's entry 0 is target 1).
    int targetOfEntry(int entry) const;
    bool isTargetVisible(int targetClass) const;
    std::vector<bool> visibleTargets() const;
    void setChartSpec(Chart chart, PlotSpec spec);
    // Marks `point` of ROC report entry `entry` on ROC and PR and emits operatingPointPicked.
    void showOperatingPoint(int entry, const OperatingPoint& point);
    void clearOperatingPoint();
    // The picked point again on a new ROC report of the same data (a max-FPR or kind change):
    // found by its threshold, else cleared.
    void restoreOperatingPoint();
    // The colours of the user on the series of a chart: id -> target class by `targetOfId`.
    PlotSpec withClassColors(PlotSpec spec, bool idsAreEntries) const;
    // The ROC spec with the iso-cost line through the picked point, when there is one.
    PlotSpec withIsoCostLine(PlotSpec spec) const;
    void refreshRocChart();
    // The ROC chart as shown: visible classes, their colours, the bands and the iso-cost line.
    PlotSpec rocSpec(const RocResults& roc, const std::vector<bool>& entries) const;
    // A chart of run A with the other visible runs' same chart drawn over it (unchanged with one
    // visible run), or small multiples when crowded. idsAreEntries: the series' ids are ROC
    // report entries, else target classes.
    PlotSpec withRuns(PlotSpec spec, Chart chart, bool idsAreEntries) const;
    // Run `run`'s spec of `chart` (the session's latest), before visibility and colours.
    const PlotSpec* runSpec(int run, Chart chart) const;
    void showChart(Chart chart);

    DatasetSession& m_session;
    RunSet* m_runs = nullptr;
    std::array<PlotView*, ChartCount> m_views {};
    std::array<PlotGridView*, ChartCount> m_grids {};
    std::array<PlotSpec, ChartCount> m_specs;
    std::array<bool, ChartCount> m_stale {};
    QList<bool> m_visible;
    QList<QColor> m_colors;
    std::optional<double> m_isoCostSlope;
    std::shared_ptr<const RocBands> m_bands;
    std::shared_ptr<const std::vector<FoldClassSummary>> m_folds;
    FoldBand m_foldBand = FoldBand::StandardDeviation;
    int m_pickedClass = -1; // target class, -1: none
    OperatingPoint m_picked;
};

} // namespace focalscope
