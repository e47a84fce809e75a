#include "model/calibration_model.h"

#include "model/dataset_session.h"
#include "model/parameter_model.h"
#include "model/recompute_scheduler.h"

namespace focalscope {

CalibrationModel::CalibrationModel(
    DatasetSession& session, ParameterModel& parameters, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_parameters(parameters)
{
    m_pipeline = new RecomputeScheduler(
        [this]() -> RecomputeScheduler::Task {
            const auto unscaled = m_session.unscaledPredictions();
            const auto shown = m_session.sharedPredictions();
            if (!unscaled || !shown)
                return {};
            auto results = std::make_shared<CalibrationResults>();
            results->options = m_options;
            results->focal = m_parameters.focalParams();
            results->previewTemperature = m_session.appliedTemperature();
            return [this, unscaled, shown, results]() -> RecomputeScheduler::Apply {
                results->report = calibrationReport(*unscaled, results->options, results->focal);
                if (shown != unscaled) {
                    // The preview's diagrams; the fit stays the unscaled scores'.
                    CalibrationOptions options = results->options;
                    options.fitTemperature = false;
                    CalibrationReport previewed
                        = calibrationReport(*shown, options, results->focal);
                    previewed.hasTemperature = results->report.hasTemperature;
                    previewed.temperature = results->report.temperature;
                    results->report = std::move(previewed);
                }
                return
                    [this, unscaled, results = std::shared_ptr<const CalibrationResults>(results)] {
                        m_results = results;
                        m_fittedOn = unscaled;
                        m_lastError.clear();
                        emit resultsChanged();
                    };
            };
        },
        kCoalescingMs, this);
    connect(m_pipeline, &RecomputeScheduler::failed, this, [this](const QString& message) {
        m_lastError = message;
        emit computationFailed(message);
    });

    // Other scores: the results shown are of the old ones.
    auto restart = [this] {
        m_pipeline->invalidate();
        m_lastError.clear();
        if (m_results) {
            m_results.reset();
            emit resultsChanged();
        }
        request();
    };
    connect(&m_session, &DatasetSession::datasetChanged, this, restart);
    connect(&m_session, &DatasetSession::kindChanged, this, [this, restart] {
        // The preview applied or removed: the same fit, other diagrams.
        const auto fittedOn = m_fittedOn.lock();
        if (fittedOn && fittedOn == m_session.unscaledPredictions())
            request();
        else
            restart();
    });
    // A loss result: the loss mode (which probabilities), alpha and gamma (the focal loss).
    connect(&m_session, &DatasetSession::lossChanged, this, &CalibrationModel::request);
    // A session with data already (a run added after its file was read).
    request();
}

void CalibrationModel::request()
{
    // A summary has no rows to calibrate.
    if (!m_session.hasData() || m_session.isSummary())
        return;
    if (!m_active) {
        m_pending = true;
        return;
    }
    m_pipeline->request();
}

void CalibrationModel::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    if (m_active && m_pending) {
        m_pending = false;
        request();
    }
}

bool CalibrationModel::isBusy() const
{
    return m_pipeline->isBusy();
}

void CalibrationModel::setBins(int bins)
{
    if (bins == m_options.bins || bins < 1)
        return;
    m_options.bins = bins;
    request();
}

void CalibrationModel::setStrategy(BinStrategy strategy)
{
    if (strategy == m_options.strategy)
        return;
    m_options.strategy = strategy;
    request();
}

} // namespace focalscope
