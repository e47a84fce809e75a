#pragma once

#include "charts/pt_distribution_plot.h"
#include "io/read_options.h"
#include "plot/plot_spec.h"
#include "report/analysis.h"
#include "summary/summary_analysis.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace focalscope {

class ParameterModel;
class RecomputeScheduler;

// What the loss views show for the current parameters.
struct LossResults {
    LossAnalysis analysis;
    // A summary's loss: the exact brackets whose midpoints analysis holds.
    std::optional<SummaryLoss> bracket;
};

// The loss charts whose data grow with the rows (decimated curves, histograms), built after
// each LossResults in a pipeline of their own so that the numbers never wait for them.
struct LossCharts {
    PlotSpec concentrationPlot;
    PlotSpec ptDistributionPlot; // every class; the view hides what the user hides
};

// The ROC analysis and its charts (every class; the view hides what the user hides).
struct RocResults {
    RocReport report;
    PlotSpec rocPlot;
    PlotSpec prPlot;
    PlotSpec detPlot;
    // A summary's: the binned values of report with their exact AUROC intervals.
    std::shared_ptr<const SummaryRoc> binned;
};

// The open dataset and everything computed from it. Recomputation runs off the GUI thread in
// five coalesced pipelines:
// - loss curve: the loss-vs-p_t chart for the current alpha and gamma (needs no data),
// - kind: a copy of the scores with the requested input kind (only when it differs), then the
//   temperature preview's scaled copy (only while it is on),
// - loss: computePtCache() once per dataset, mode and kind, then analyzeLoss() on every alpha /
//   gamma change (cheap); after each, the loss charts that grow with the rows,
// - ROC: rocReport() on a new dataset, kind or max FPR (heavy; independent of alpha / gamma).
// Results of superseded inputs are dropped; the results shown are always the latest applied.
// A summary (setSummary) is open like predictions: the same results from its bins (O(bins):
// summaryFocalLoss, summaryRoc), with the bounds beside them; the charts that need the rows
// say so; predictions() then has the summary's classes, names and kind but no rows.
class DatasetSession : public QObject {
    Q_OBJECT

public:
    static constexpr int kCoalescingMs = 30;
    // The points kept of each ROC and PR curve (RocOptions::maxCurvePoints).
    static constexpr std::size_t kMaxCurvePoints = 4000;

    explicit DatasetSession(ParameterModel& parameters, QObject* parent = nullptr);
    ~DatasetSession() override;

    // Whether a new dataset sets the parameters: the loss mode to the task's default and the
    // per-class alpha length to the data's (Adopt), or keeps them (Keep: a run added beside
    // another on the same classes).
    enum class Parameters { Adopt, Keep };

    // Takes a dataset just read; it replaces the one open.
    void setDataset(std::shared_ptr<const ReadResult> input, const QString& path,
        const QString& labelsPath = {}, Parameters parameters = Parameters::Adopt);

    // Opens a summary (DESIGN.md, Summaries) in place of the dataset: the kind is the summary's
    // (a requested kind does not apply), the temperature preview is off.
    void setSummary(std::shared_ptr<const Summary> summary, const QString& path,
        Parameters parameters = Parameters::Adopt);
    // The open summary, or null when predictions are open.
    std::shared_ptr<const Summary> summary() const { return m_summary; }
    bool isSummary() const { return m_summary != nullptr; }

    bool hasData() const { return m_predictions != nullptr; }
    const ReadResult* input() const { return m_input.get(); }
    // The predictions every view uses: the requested kind (the input's when auto), divided by
    // the preview's temperature while it is on.
    const Predictions* predictions() const { return m_predictions.get(); }
    std::shared_ptr<const Predictions> sharedPredictions() const { return m_predictions; }
    // The predictions with the requested kind, before the temperature preview.
    std::shared_ptr<const Predictions> unscaledPredictions() const { return m_unscaled; }

    // The temperature preview (DESIGN.md, Calibration and bootstrap): every view computed on
    // temperatureScaled(predictions, loss mode, T), the file unchanged; nullopt turns it off.
    // A new dataset or input kind turns it off; a new loss mode rescales probabilities.
    void setTemperaturePreview(std::optional<double> temperature);
    // The temperature asked for, and the one predictions() are scaled by (they differ while the
    // scaled copy is computed).
    std::optional<double> temperaturePreview() const { return m_temperatureRequest; }
    std::optional<double> appliedTemperature() const { return m_appliedTemperature; }
    QString path() const { return m_path; }
    QString labelsPath() const { return m_labelsPath; }
    // Display names of the target classes: the class names, or "negative" and the positive
    // class for a binary task.
    QStringList targetNames() const;

    // The loss-vs-p_t chart of the current parameters (with |dl/dx_t| when showGradient()).
    std::shared_ptr<const PlotSpec> lossCurve() const { return m_lossCurve; }
    void setShowGradient(bool show);
    bool showGradient() const { return m_showGradient; }
    // The target class whose alpha weight the loss-vs-p_t curve uses (1 by default: the
    // foreground, label 1 of a binary task; clamped to the data's classes).
    void setLossCurveClass(int targetClass);
    int lossCurveClass() const;
    // The loss-vs-p_t y axis: the paper's 0..5 (false), or 0..5 alpha.
    void setLossCurveScaledToAlpha(bool scaled);
    bool lossCurveScaledToAlpha() const { return m_lossCurveScaled; }

    std::shared_ptr<const LossResults> loss() const { return m_loss; }
    std::shared_ptr<const LossCharts> lossCharts() const { return m_lossCharts; }
    std::shared_ptr<const RocResults> rocResults() const { return m_roc; }
    std::shared_ptr<const RocReport> roc() const
    {
        return m_roc ? std::shared_ptr<const RocReport>(m_roc, &m_roc->report) : nullptr;
    }

    // The input's, the kind's and the ROC analysis' warnings.
    QStringList warnings() const;
    // The analysis in the CLI's form (for the JSON export); requires loss() and roc().
    Analysis analysis() const;

    double lastLossMilliseconds() const { return m_lossMs; }
    double lastRocMilliseconds() const { return m_rocMs; }
    bool isBusy() const;
    void setCoalescingInterval(int milliseconds);
    // The ROC chart's FPR axis: linear, or log10 for low-FPR work (rebuilds the chart only).
    void setRocLogFpr(bool logarithmic);
    bool rocLogFpr() const { return m_rocLogFpr; }
    // How the p_t distribution groups rows: per class, or background (label 0) / foreground.
    void setPtGrouping(PtGrouping grouping);
    PtGrouping ptGrouping() const { return m_ptGrouping; }

signals:
    void datasetChanged();
    void lossCurveChanged();
    // predictions() changed: another kind, or the temperature preview applied or removed.
    void kindChanged();
    // The preview was asked for or turned off (temperaturePreview()); appliedTemperature()
    // follows with kindChanged().
    void temperaturePreviewChanged();
    void lossChanged();
    void lossChartsChanged();
    void rocChanged();
    // A pipeline applied a result computed in `milliseconds`.
    void recomputed(double milliseconds);
    // Parameters that do not fit the data (e.g. an alpha list of the wrong length).
    void computationFailed(const QString& message);
    // Every pipeline has finished.
    void idle();

private:
    void open(std::shared_ptr<const ReadResult> input, const QString& path,
        const QString& labelsPath, Parameters parameters);
    void resolveKind();
    // Recomputes predictions() from m_unscaled and the preview (off the GUI thread when scaling).
    void applyTemperature();
    // predictions() were replaced: every result is recomputed.
    void onPredictionsReplaced();
    void invalidateCache();
    void onPipelineIdle();

    ParameterModel& m_parameters;
    std::shared_ptr<const ReadResult> m_input;
    std::shared_ptr<const Summary> m_summary;
    std::shared_ptr<const Predictions> m_predictions;
    // The kind-resolved predictions (null while an explicit kind is resolved).
    std::shared_ptr<const Predictions> m_unscaled;
    std::optional<double> m_temperatureRequest;
    std::optional<double> m_appliedTemperature;
    std::string m_kindWarning;
    QString m_path;
    QString m_labelsPath;

    // Valid for m_predictions and m_cacheMode; reset when either changes.
    std::shared_ptr<const PtCache> m_cache;
    std::shared_ptr<const PlotSpec> m_lossCurve;
    bool m_showGradient = false;
    int m_lossCurveClass = 1;
    bool m_lossCurveScaled = false;
    bool m_rocLogFpr = false;
    std::shared_ptr<const LossResults> m_loss;
    std::shared_ptr<const LossCharts> m_lossCharts;
    std::shared_ptr<const RocResults> m_roc;
    PtGrouping m_ptGrouping = PtGrouping::PerClass;
    double m_lossMs = 0.0;
    double m_rocMs = 0.0;

    RecomputeScheduler* m_lossCurvePipeline = nullptr;
    RecomputeScheduler* m_kindPipeline = nullptr;
    RecomputeScheduler* m_lossPipeline = nullptr;
    RecomputeScheduler* m_lossChartsPipeline = nullptr;
    RecomputeScheduler* m_rocPipeline = nullptr;
};

} // namespace focalscope
