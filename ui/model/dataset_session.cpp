#include "model/dataset_session.h"

#include "calibration/temperature_scaling.h"
#include "charts/concentration_plot.h"
#include "charts/det_plot.h"
#include "charts/loss_plot.h"
#include "charts/pr_plot.h"
#include "charts/pt_distribution_plot.h"
#include "charts/roc_plot.h"
#include "io/kind_detection.h"
#include "model/parameter_model.h"
#include "model/recompute_scheduler.h"
#include "summary/summary_roc_report.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace focalscope {

namespace {

// A summary's curves say what they are.
void markBinned(PlotSpec& spec)
{
    spec.note += (spec.note.isEmpty() ? QString() : QStringLiteral("; "))
        + QStringLiteral("binned summary: one point per occupied score bin");
}

QString summaryNeedsRowsNote()
{
    return QStringLiteral("This chart needs the rows; a summary has only binned counts");
}

// The per-class alpha list the loss takes: one weight per target in softmax mode, one per
// score column in sigmoid mode.
RocPlotOptions rocPlotOptions(double maxFpr, bool logFpr)
{
    RocPlotOptions options;
    options.maxFpr = maxFpr;
    options.logFpr = logFpr;
    return options;
}

int alphaListLength(const Predictions& predictions, LossMode mode)
{
    return static_cast<int>(
        mode == LossMode::Softmax ? predictions.targetClasses() : predictions.classes());
}

} // namespace

DatasetSession::DatasetSession(ParameterModel& parameters, QObject* parent)
    : QObject(parent)
    , m_parameters(parameters)
{
    m_lossCurvePipeline = new RecomputeScheduler(
        [this]() -> RecomputeScheduler::Task {
            // Without data, the alpha_t of two classes.
            const FocalParams params = m_parameters.focalParams();
            const Index classes = m_predictions ? m_predictions->classes() : 2;
            const int target = lossCurveClass();
            const QStringList names = targetNames();
            const LossPlotOptions options {m_showGradient, names.value(target), m_lossCurveScaled};
            return [this, params, classes, target, options]() -> RecomputeScheduler::Apply {
                auto spec = std::make_shared<const PlotSpec>(
                    lossPlot(lossCurveAlpha(params, classes, target), params.gamma, options));
                return [this, spec] {
                    m_lossCurve = spec;
                    emit lossCurveChanged();
                };
            };
        },
        kCoalescingMs, this);

    m_kindPipeline = new RecomputeScheduler(
        [this]() -> RecomputeScheduler::Task {
            if (!m_input)
                return {};
            // The kind is resolved once per dataset and request; a new temperature reuses it.
            return [this, input = m_input, unscaled = m_unscaled,
                       request = m_parameters.kindRequest(), temperature = m_temperatureRequest,
                       mode = m_parameters.lossMode()]() mutable -> RecomputeScheduler::Apply {
                std::string warning;
                const bool resolve = !unscaled;
                if (resolve) {
                    const ScoreKind kind = request == KindRequest::Auto
                        ? input->predictions.kind
                        : focalscope::resolveKind(request, input->predictions.scores, warning);
                    if (kind == input->predictions.kind) {
                        unscaled = std::shared_ptr<const Predictions>(input, &input->predictions);
                    } else {
                        auto copy = std::make_shared<Predictions>(input->predictions);
                        copy->kind = kind;
                        unscaled = std::move(copy);
                    }
                }
                std::shared_ptr<const Predictions> shown = unscaled;
                if (temperature)
                    shown = std::make_shared<const Predictions>(
                        temperatureScaled(*unscaled, mode, *temperature));
                return [this, resolve, unscaled, shown, warning, temperature] {
                    if (resolve)
                        m_kindWarning = warning;
                    m_unscaled = unscaled;
                    m_predictions = shown;
                    m_appliedTemperature = temperature;
                    onPredictionsReplaced();
                };
            };
        },
        0, this);

    m_lossPipeline = new RecomputeScheduler(
        [this]() -> RecomputeScheduler::Task {
            if (!m_predictions)
                return {};
            const FocalParams params = m_parameters.focalParams();
            if (m_summary) {
                // O(bins): every p_t bin at its edges.
                return [this, summary = m_summary, params]() -> RecomputeScheduler::Apply {
                    auto results = std::make_shared<LossResults>();
                    SummaryLoss bracket = summaryFocalLoss(*summary, params);
                    results->analysis = summaryLossAnalysis(params, bracket);
                    results->bracket = std::move(bracket);
                    return [this, results = std::shared_ptr<const LossResults>(results)] {
                        m_loss = results;
                        emit lossChanged();
                        m_lossChartsPipeline->requestNow();
                    };
                };
            }
            std::shared_ptr<const PtCache> cache = m_cache;
            if (cache && cache->mode != params.mode)
                cache.reset();
            return [this, predictions = m_predictions, cache,
                       params]() mutable -> RecomputeScheduler::Apply {
                if (!cache)
                    cache = std::make_shared<const PtCache>(
                        computePtCache(*predictions, params.mode));
                auto results = std::make_shared<LossResults>();
                results->analysis = analyzeLoss(*cache, params, predictions->targetClasses());
                return [this, cache, results = std::shared_ptr<const LossResults>(results)] {
                    m_cache = cache;
                    m_loss = results;
                    emit lossChanged();
                    m_lossChartsPipeline->requestNow();
                };
            };
        },
        kCoalescingMs, this);

    m_lossChartsPipeline = new RecomputeScheduler(
        [this]() -> RecomputeScheduler::Task {
            if (!m_predictions || !m_loss)
                return {};
            if (m_summary) {
                // The p_t distribution from the p_t bins; the concentration needs the rows.
                return [this, summary = m_summary, gamma = m_loss->analysis.params.gamma,
                           names = targetClassNames(*m_predictions),
                           grouping = m_ptGrouping]() -> RecomputeScheduler::Apply {
                    auto charts = std::make_shared<LossCharts>();
                    charts->concentrationPlot.title = QStringLiteral("Loss concentration");
                    charts->concentrationPlot.note = summaryNeedsRowsNote();
                    charts->ptDistributionPlot = ptDistributionPlot(
                        summaryPtHistograms(*summary, grouping), gamma, grouping, names);
                    charts->ptDistributionPlot.note
                        += QStringLiteral(" (binned summary: each p_t bin at its centre)");
                    return [this, charts = std::shared_ptr<const LossCharts>(charts)] {
                        m_lossCharts = charts;
                        emit lossChartsChanged();
                    };
                };
            }
            return [this, predictions = m_predictions, loss = m_loss,
                       names = m_predictions ? targetClassNames(*m_predictions)
                                             : std::vector<std::string> {},
                       grouping = m_ptGrouping]() -> RecomputeScheduler::Apply {
                auto charts = std::make_shared<LossCharts>();
                const LossAnalysis& analysis = loss->analysis;
                charts->concentrationPlot
                    = concentrationPlot(analysis.concentration, analysis.easyShare, names);
                charts->ptDistributionPlot = ptDistributionPlot(analysis.loss, predictions->labels,
                    predictions->ignoreIndex, predictions->targetClasses(), analysis.params.gamma,
                    grouping, names);
                return [this, charts = std::shared_ptr<const LossCharts>(charts)] {
                    m_lossCharts = charts;
                    emit lossChartsChanged();
                };
            };
        },
        0, this);

    m_rocPipeline = new RecomputeScheduler(
        [this]() -> RecomputeScheduler::Task {
            if (!m_predictions)
                return {};
            RocOptions options;
            options.maxFpr = m_parameters.maxFpr();
            // The charts draw a few thousand points: the session keeps only those (exact
            // points of each curve), not curves as long as the data.
            options.maxCurvePoints = kMaxCurvePoints;
            options.softmaxStorage = SoftmaxStorage::RowSums;
            return [this, predictions = m_predictions, summary = m_summary, options,
                       logFpr = m_rocLogFpr]() -> RecomputeScheduler::Apply {
                auto results = std::make_shared<RocResults>();
                if (summary) {
                    // O(bins): the binned curves and values, with their bounds.
                    auto binned = std::make_shared<const SummaryRoc>(summaryRoc(*summary));
                    results->report = summaryRocReport(*summary);
                    results->binned = std::move(binned);
                } else {
                    results->report = rocReport(*predictions, options);
                }
                results->rocPlot
                    = rocPlot(results->report, {}, rocPlotOptions(options.maxFpr, logFpr));
                results->prPlot = prPlot(results->report, {});
                results->detPlot = detPlot(results->report, {});
                if (summary)
                    for (PlotSpec* spec : {&results->rocPlot, &results->prPlot, &results->detPlot})
                        markBinned(*spec);
                return [this, results = std::shared_ptr<const RocResults>(results)] {
                    m_roc = results;
                    emit rocChanged();
                };
            };
        },
        kCoalescingMs, this);

    connect(m_lossPipeline, &RecomputeScheduler::applied, this, [this](double ms) {
        m_lossMs = ms;
        emit recomputed(ms);
    });
    connect(m_rocPipeline, &RecomputeScheduler::applied, this, [this](double ms) {
        m_rocMs = ms;
        emit recomputed(ms);
    });
    for (RecomputeScheduler* pipeline : {m_lossCurvePipeline, m_kindPipeline, m_lossPipeline,
             m_lossChartsPipeline, m_rocPipeline}) {
        connect(pipeline, &RecomputeScheduler::failed, this, &DatasetSession::computationFailed);
        connect(pipeline, &RecomputeScheduler::idle, this, &DatasetSession::onPipelineIdle);
    }

    connect(&m_parameters, &ParameterModel::lossParametersChanged, m_lossPipeline,
        &RecomputeScheduler::request);
    connect(&m_parameters, &ParameterModel::lossParametersChanged, m_lossCurvePipeline,
        &RecomputeScheduler::request);
    connect(
        &m_parameters, &ParameterModel::maxFprChanged, m_rocPipeline, &RecomputeScheduler::request);
    connect(&m_parameters, &ParameterModel::lossModeChanged, this, [this] {
        m_lossCurvePipeline->request();
        if (m_predictions)
            m_parameters.setAlphaListLength(
                alphaListLength(*m_predictions, m_parameters.lossMode()));
        invalidateCache();
        // Scaled probabilities are those of the mode (softmax rows or sigmoid elements).
        if (m_temperatureRequest && m_unscaled && m_unscaled->kind == ScoreKind::Probabilities)
            applyTemperature();
    });
    connect(&m_parameters, &ParameterModel::kindRequestChanged, this, &DatasetSession::resolveKind);
    m_lossCurvePipeline->requestNow();
}

DatasetSession::~DatasetSession() = default;

void DatasetSession::setDataset(std::shared_ptr<const ReadResult> input, const QString& path,
    const QString& labelsPath, Parameters parameters)
{
    m_summary.reset();
    open(std::move(input), path, labelsPath, parameters);
}

void DatasetSession::setSummary(
    std::shared_ptr<const Summary> summary, const QString& path, Parameters parameters)
{
    // The predictions' shape without rows: classes, names, kind (the views' task).
    auto shell = std::make_shared<ReadResult>();
    Predictions& p = shell->predictions;
    p.scores = ScoreMatrix(0, summary->classes());
    p.kind = summary->kind;
    p.classNames = summary->classNames;
    p.ignoreIndex = static_cast<std::int32_t>(std::clamp<std::int64_t>(summary->ignoreIndex,
        std::numeric_limits<std::int32_t>::min(), std::numeric_limits<std::int32_t>::max()));
    shell->format = FileFormatId::Npz;
    shell->samples = static_cast<Index>(summary->samples);
    shell->ignored = static_cast<Index>(summary->ignored);
    m_summary = std::move(summary);
    open(std::move(shell), path, {}, parameters);
}

void DatasetSession::open(std::shared_ptr<const ReadResult> input, const QString& path,
    const QString& labelsPath, Parameters parameters)
{
    m_input = std::move(input);
    m_path = path;
    m_labelsPath = labelsPath;
    m_predictions = std::shared_ptr<const Predictions>(m_input, &m_input->predictions);
    m_unscaled = m_predictions;
    const bool previewWasOn = m_temperatureRequest || m_appliedTemperature;
    m_temperatureRequest.reset();
    m_appliedTemperature.reset();
    m_kindWarning.clear();
    m_cache.reset();
    m_loss.reset();
    m_lossCharts.reset();
    m_roc.reset();
    for (RecomputeScheduler* pipeline :
        {m_kindPipeline, m_lossPipeline, m_lossChartsPipeline, m_rocPipeline})
        pipeline->invalidate();

    // The new data's loss mode and alpha length; their signals only queue requests.
    if (parameters == Parameters::Adopt) {
        const LossMode mode = defaultLossMode(*m_predictions);
        m_parameters.setAlphaListLength(alphaListLength(*m_predictions, mode));
        m_parameters.setLossMode(mode);
    }
    for (RecomputeScheduler* pipeline :
        {m_kindPipeline, m_lossPipeline, m_lossChartsPipeline, m_rocPipeline})
        pipeline->invalidate();

    emit datasetChanged();
    if (previewWasOn)
        emit temperaturePreviewChanged();
    // The curve's alpha_t depends on the number of classes.
    m_lossCurvePipeline->invalidate();
    m_lossCurvePipeline->requestNow();
    resolveKind();
}

void DatasetSession::resolveKind()
{
    if (!m_input)
        return;
    // A temperature fitted on the scores read as another kind does not apply to these.
    const bool previewWasOn = m_temperatureRequest.has_value();
    m_temperatureRequest.reset();
    m_kindPipeline->invalidate();
    // A summary's bins are of its own kind.
    if (m_summary || m_parameters.kindRequest() == KindRequest::Auto) {
        m_unscaled = std::shared_ptr<const Predictions>(m_input, &m_input->predictions);
        m_predictions = m_unscaled;
        m_appliedTemperature.reset();
        m_kindWarning.clear();
        onPredictionsReplaced();
    } else {
        // An explicit kind: resolveKind() scans the scores for its warning, so off the GUI
        // thread.
        m_unscaled.reset();
        m_lossPipeline->invalidate();
        m_rocPipeline->invalidate();
        m_kindPipeline->requestNow();
    }
    if (previewWasOn)
        emit temperaturePreviewChanged();
}

void DatasetSession::setTemperaturePreview(std::optional<double> temperature)
{
    // A summary holds no scores to divide.
    if (m_summary || (temperature && !(std::isfinite(*temperature) && *temperature > 0.0)))
        temperature.reset();
    if (temperature == m_temperatureRequest)
        return;
    m_temperatureRequest = temperature;
    if (m_input)
        applyTemperature();
    emit temperaturePreviewChanged();
}

void DatasetSession::applyTemperature()
{
    m_kindPipeline->invalidate();
    if (m_unscaled && !m_temperatureRequest) {
        const bool replaced = m_predictions != m_unscaled || m_appliedTemperature;
        m_predictions = m_unscaled;
        m_appliedTemperature.reset();
        if (replaced)
            onPredictionsReplaced();
        return;
    }
    m_lossPipeline->invalidate();
    m_rocPipeline->invalidate();
    m_kindPipeline->requestNow();
}

void DatasetSession::onPredictionsReplaced()
{
    invalidateCache();
    m_rocPipeline->invalidate();
    m_rocPipeline->requestNow();
    emit kindChanged();
}

void DatasetSession::invalidateCache()
{
    m_cache.reset();
    m_lossChartsPipeline->invalidate();
    m_lossPipeline->invalidate();
    m_lossPipeline->requestNow();
}

void DatasetSession::onPipelineIdle()
{
    if (!isBusy())
        emit idle();
}

bool DatasetSession::isBusy() const
{
    return m_lossCurvePipeline->isBusy() || m_kindPipeline->isBusy() || m_lossPipeline->isBusy()
        || m_lossChartsPipeline->isBusy() || m_rocPipeline->isBusy();
}

void DatasetSession::setPtGrouping(PtGrouping grouping)
{
    if (grouping == m_ptGrouping)
        return;
    m_ptGrouping = grouping;
    m_lossChartsPipeline->requestNow();
}

void DatasetSession::setShowGradient(bool show)
{
    if (show == m_showGradient)
        return;
    m_showGradient = show;
    m_lossCurvePipeline->requestNow();
}

void DatasetSession::setLossCurveClass(int targetClass)
{
    if (targetClass == m_lossCurveClass)
        return;
    m_lossCurveClass = targetClass;
    m_lossCurvePipeline->requestNow();
}

int DatasetSession::lossCurveClass() const
{
    const int targets = m_predictions ? static_cast<int>(m_predictions->targetClasses()) : 2;
    return std::clamp(m_lossCurveClass, 0, targets - 1);
}

void DatasetSession::setLossCurveScaledToAlpha(bool scaled)
{
    if (scaled == m_lossCurveScaled)
        return;
    m_lossCurveScaled = scaled;
    m_lossCurvePipeline->requestNow();
}

void DatasetSession::setRocLogFpr(bool logarithmic)
{
    if (logarithmic == m_rocLogFpr)
        return;
    m_rocLogFpr = logarithmic;
    if (!m_roc)
        return;
    // The curves are the report's (thinned): a new chart, no new analysis.
    auto results = std::make_shared<RocResults>(*m_roc);
    results->rocPlot
        = rocPlot(results->report, {}, rocPlotOptions(m_parameters.maxFpr(), logarithmic));
    if (m_summary)
        markBinned(results->rocPlot);
    m_roc = std::move(results);
    emit rocChanged();
}

void DatasetSession::setCoalescingInterval(int milliseconds)
{
    m_lossCurvePipeline->setDelay(milliseconds);
    m_lossPipeline->setDelay(milliseconds);
    m_rocPipeline->setDelay(milliseconds);
}

QStringList DatasetSession::targetNames() const
{
    QStringList names;
    if (!m_predictions)
        return names;
    for (const std::string& name : targetClassNames(*m_predictions))
        names.append(QString::fromStdString(name));
    return names;
}

QStringList DatasetSession::warnings() const
{
    QStringList list;
    if (m_input) {
        // A kind the user chose replaces the reader's kind detection (and its warning).
        const bool kindChosen = m_parameters.kindRequest() != KindRequest::Auto;
        for (const ReadWarning& w : m_input->warnings)
            if (!(kindChosen && w.kind == ReadWarningKind::KindDetection))
                list.append(QString::fromStdString(w.message));
    }
    if (!m_kindWarning.empty())
        list.append(QString::fromStdString(m_kindWarning));
    if (m_roc) {
        for (const std::string& w : m_roc->report.warnings)
            list.append(QString::fromStdString(w));
    }
    return list;
}

Analysis DatasetSession::analysis() const
{
    Analysis result;
    if (m_loss)
        result.loss = m_loss->analysis;
    if (m_roc) {
        result.roc = m_roc->report;
        result.warnings = m_roc->report.warnings;
    }
    if (!m_kindWarning.empty())
        result.warnings.push_back(m_kindWarning);
    result.temperature = m_appliedTemperature;
    // The notes analyze() adds, so that the JSON equals the CLI's.
    if (m_predictions)
        for (std::string& note : parameterNotes(*m_predictions, result.loss.params))
            result.warnings.push_back(std::move(note));
    return result;
}

} // namespace focalscope
