#pragma once

#include "calibration/calibration_report.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace focalscope {

class DatasetSession;
class ParameterModel;
class RecomputeScheduler;

// A calibration report and what it was computed with.
struct CalibrationResults {
    CalibrationReport report;
    CalibrationOptions options;
    FocalParams focal; // the loss mode picks the probabilities; alpha, gamma the focal loss
    // The session's temperature preview the diagrams, ECE, MCE, Brier and NLL were computed
    // with (the scores divided by it); the temperature fit and its before / after are always
    // those of the unscaled scores, so that "after" is what the preview shows.
    std::optional<double> previewTemperature;
};

// The open data's calibration (DESIGN.md, Calibration and bootstrap): calibrationReport() with
// the chosen bins and strategy and the session's loss parameters, temperature fit included.
// Computed off the GUI thread, one task at a time, requests coalesced, results of superseded
// inputs dropped; recomputed on a new dataset, kind or loss result, and on new bins or strategy.
// While the session's temperature preview is on, the diagrams are of the scaled scores and the
// fit of the unscaled ones (a preview keeps the results shown until the new ones arrive).
class CalibrationModel : public QObject {
    Q_OBJECT

public:
    static constexpr int kCoalescingMs = 30;

    CalibrationModel(
        DatasetSession& session, ParameterModel& parameters, QObject* parent = nullptr);

    // Computes only while active (its view is shown; inactive until setActive(true)): a request
    // made while inactive waits for setActive(true). Calibration of millions of rows takes
    // seconds and a matrix of probabilities; a hidden tab should not cost that (the window's
    // memory budget).
    void setActive(bool active);
    bool isActive() const { return m_active; }
    void setBins(int bins);
    int bins() const { return m_options.bins; }
    void setStrategy(BinStrategy strategy);
    BinStrategy strategy() const { return m_options.strategy; }

    // The latest results for the open data; null before the first (and after a new dataset).
    std::shared_ptr<const CalibrationResults> results() const { return m_results; }
    // A computation waits or runs.
    bool isBusy() const;
    // Why the last computation failed; empty after a success.
    QString lastError() const { return m_lastError; }

signals:
    void resultsChanged(); // new results, or cleared for a new dataset
    void computationFailed(const QString& message);

private:
    void request();

    DatasetSession& m_session;
    // The unscaled predictions of m_results: the same after a preview change, not after a kind
    // change.
    std::weak_ptr<const Predictions> m_fittedOn;
    ParameterModel& m_parameters;
    CalibrationOptions m_options;
    std::shared_ptr<const CalibrationResults> m_results;
    bool m_active = false;
    bool m_pending = false; // a request made while inactive
    QString m_lastError;
    RecomputeScheduler* m_pipeline = nullptr;
};

} // namespace focalscope
