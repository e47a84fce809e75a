#pragma once

#include "charts/roc_plot.h"

#include <QDockWidget>
#include <QStringList>

#include <memory>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSettings;
class QSpinBox;
class QTableWidget;
class QWidget;

namespace focalscope {

class BootstrapModel;
struct BootstrapResults;
class CalibrationModel;
class DatasetSession;
class ParameterModel;
class PlotView;
class RunSet;

// Calibration of the open data (DESIGN.md, Calibration and bootstrap): a reliability diagram of
// one class (one-vs-rest) or of the top label, with the bins' counts, for the chosen bins and
// strategy; ECE, MCE, Brier and NLL; temperature scaling's T with NLL, ECE and focal loss before
// and after, and the preview toggle that applies the fitted T to every view of the session.
// Below, the stratified percentile bootstrap on demand: B, seed, run, cancel and progress, then
// per class the AUROC and AP with their intervals, the method and B printed.
// Per run when several runs are open: every run is calibrated (while the dock is shown); a run
// picker chooses whose numbers, temperature, preview and bootstrap are shown, the diagram draws
// every visible run's curve over the picked run's bins (reliabilityRunsPlot), and a table lists
// each run's ECE, MCE, Brier, NLL and T.
class CalibrationDock : public QDockWidget {
    Q_OBJECT

public:
    static constexpr int kMaxReplicates = 100000;

    CalibrationDock(RunSet& runs, ParameterModel& parameters, QWidget* parent = nullptr);

    // The picked run's models.
    CalibrationModel& calibration() const { return *m_calibration; }
    BootstrapModel& bootstrap() const { return *m_bootstrap; }
    // Run `run`'s calibration (0: run A's); null for no such run.
    CalibrationModel* calibration(int run) const;

    // The run whose numbers are shown (0: run A); the picker shows itself with two runs or more.
    QComboBox* runBox() const { return m_runBox; }
    int shownRun() const { return m_shownRun; }
    // Per run: name, ECE and MCE of the diagram's class, Brier, NLL, T.
    QTableWidget* runsTable() const { return m_runsTable; }

    // The bins, strategy, B and seed (settings_keys.h).
    void restoreSettings(const QSettings& settings);
    void saveSettings(QSettings& settings) const;

    // The diagram shown: a class's (one-vs-rest; a binary task's positive class), or the top
    // label's (the last entry of the class box).
    QComboBox* classBox() const { return m_classBox; }
    // -1 for the top label, else the score column.
    int shownClass() const;
    QSpinBox* binsSpin() const { return m_binsSpin; }
    QComboBox* strategyBox() const { return m_strategyBox; }
    PlotView* plotView() const { return m_view; }
    // The numbers as shown (formatNumber): the diagram's ECE and MCE, Brier (the class's, or
    // over every class for the top label), NLL; T and the before / after rows.
    QLabel* eceLabel() const { return m_ece; }
    QLabel* mceLabel() const { return m_mce; }
    QLabel* brierLabel() const { return m_brier; }
    QLabel* nllLabel() const { return m_nll; }
    QLabel* temperatureLabel() const { return m_temperature; }
    // Rows NLL, ECE, focal loss; columns before (T = 1), after.
    QLabel* temperatureCell(int row, int column) const;
    // "Apply T to every view (preview)": the session's temperature preview with the fitted T,
    // enabled once a finite T is fitted; it follows new fits while checked and is unchecked by a
    // new dataset or kind. The note under it says what is applied.
    QCheckBox* previewCheck() const { return m_preview; }
    QLabel* previewNote() const { return m_previewNote; }

    QSpinBox* replicatesSpin() const { return m_replicates; }
    QSpinBox* seedSpin() const { return m_seed; }
    QPushButton* runButton() const { return m_run; }
    QPushButton* cancelButton() const { return m_cancel; }
    QProgressBar* progressBar() const { return m_progress; }
    QLabel* methodLabel() const { return m_method; }
    // Per class: name, AUROC, its interval, AP, its interval.
    QTableWidget* bootstrapTable() const { return m_bootstrapTable; }

signals:
    // The pointwise ROC bands of a finished bootstrap (per RocReport::classes entry, labelled
    // with the method and B), or null when they are cleared (a new dataset or kind): set them
    // as RocPlotOptions::bands, or draw them on a ROC chart with appendRocBands.
    void bootstrapBandReady(std::shared_ptr<const RocBands> bands);

private:
    // One run's models.
    struct RunModels {
        DatasetSession* session = nullptr;
        CalibrationModel* calibration = nullptr;
        BootstrapModel* bootstrap = nullptr;
    };

    QWidget* makeRunPicker();
    QWidget* makeCalibrationPart();
    QWidget* makeTemperaturePart();
    QWidget* makeBootstrapPart();
    // The class box's entries for the shown run's task, and those it shows.
    QStringList classEntries() const;
    QStringList shownEntries() const;
    void refillClasses();
    void showResults();
    void showBootstrap();
    void updateBootstrapControls();
    void onPreviewToggled(bool checked);
    // The toggle, its enabled state and the note, from the session's preview and the fit.
    void showPreview();
    // Models for every run of m_runs (the existing kept), the picker's entries.
    void syncRuns();
    RunModels makeModels(DatasetSession& session);
    void dropModels(const QObject* session);
    void showRun(int run);
    void showRunsTable();
    void emitBands();

    RunSet& m_runs;
    ParameterModel& m_parameters;
    std::vector<RunModels> m_models; // per run, run A's first
    int m_shownRun = 0;
    bool m_shown = false; // the dock is visible: the models compute
    DatasetSession* m_session = nullptr; // the picked run's
    CalibrationModel* m_calibration = nullptr;
    BootstrapModel* m_bootstrap = nullptr;

    // What the last bootstrapBandReady was made of: the results and the run named on it.
    std::shared_ptr<const BootstrapResults> m_emittedResults;
    QString m_emittedRun;

    QWidget* m_runPicker = nullptr;
    QComboBox* m_runBox = nullptr;
    QTableWidget* m_runsTable = nullptr;

    QComboBox* m_classBox = nullptr;
    QSpinBox* m_binsSpin = nullptr;
    QComboBox* m_strategyBox = nullptr;
    PlotView* m_view = nullptr;
    QLabel* m_state = nullptr;
    QLabel* m_ece = nullptr;
    QLabel* m_mce = nullptr;
    QLabel* m_brierCaption = nullptr;
    QLabel* m_brier = nullptr;
    QLabel* m_nll = nullptr;
    QLabel* m_temperature = nullptr;
    QLabel* m_temperatureCells[3][2] = {};
    QCheckBox* m_preview = nullptr;
    QLabel* m_previewNote = nullptr;

    QSpinBox* m_replicates = nullptr;
    QSpinBox* m_seed = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_method = nullptr;
    QTableWidget* m_bootstrapTable = nullptr;
};

} // namespace focalscope
