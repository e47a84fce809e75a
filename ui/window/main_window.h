#pragma once

#include "plot/plot_spec.h"

#include <QMainWindow>
#include <QSettings>

#include <memory>

class QDockWidget;
class QLabel;

namespace focalscope {

class CalibrationDock;
class ChartTabs;
class ClassColors;
class ClassesDock;
class ComparisonModel;
class ComparisonPanel;
class FileChooser;
class DatasetSession;
class LoadProgressDialog;
class MainActions;
class MessagePresenter;
class MetricsView;
class OperatingPointPanel;
class ParameterModel;
class ParametersDock;
class ThresholdModel;
class ThresholdPanel;
class PredictionLoader;
class RunSet;
class RunsDock;
struct ReadResult;
struct Summary;

// Assembles the parts: docks, chart tabs, metrics table, operating point panel, actions,
// background loader, session. It owns what ties them together (opening files, exports,
// settings, the status bar) and nothing else.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    // Narrower than this at the first start, the docks share one tabbed column.
    static constexpr int kNarrowWindow = 1300;

    explicit MainWindow(QSettings& settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Starts a background load; the open dataset stays until it succeeds.
    void openFile(const QString& path, const QString& labelsPath = {});
    // Opens files chosen together (File > Open, or dropped): one predictions file, or a
    // predictions file and its labels file (pairChosenFiles). A .npy chosen alone holds only
    // scores: its labels file is asked for. False when nothing is opened.
    bool openChosenFiles(const QStringList& files);
    // Reads prediction files as runs beside the open one (File > Add Run, a drop with Shift):
    // each a run; a .npy of scores takes run A's labels. False when nothing is open.
    bool addRuns(const QStringList& files);
    // Opens the bundled demo dataset; false (with the error shown) when it cannot be found.
    bool openDemo();
    // What a launch without files opens: the most recent file that still exists, else the demo.
    // Returns false when neither can be opened.
    bool openLastOrDemo();

    // What File > Export Plot offers: the chart tabs (ChartTabs::Chart order), then the
    // calibration dock's reliability diagram (index ChartTabs::ChartCount); and the spec of one
    // as its view shows it (zoomed range and axes), the one render path of screen and export.
    QStringList plotNames() const;
    PlotSpec shownPlot(int plot) const;

    // Exports the metrics as CSV or JSON (by extension), atomically.
    bool exportMetrics(const QString& path, QString* error = nullptr) const;

    void saveSettings();

    void setMessagePresenter(std::unique_ptr<MessagePresenter> presenter);
    void setFileChooser(std::unique_ptr<FileChooser> chooser);
    // The last error shown to the user (load failures, export failures).
    QString lastError() const { return m_lastError; }

    ParameterModel& parameters() const { return *m_parameters; }
    DatasetSession& session() const { return *m_session; }
    PredictionLoader& loader() const { return *m_loader; }
    ParametersDock* parametersDock() const { return m_parametersDock; }
    ClassesDock* classesDock() const { return m_classesDock; }
    ChartTabs* chartTabs() const { return m_charts; }
    MetricsView* metricsView() const { return m_metrics; }
    OperatingPointPanel* operatingPointPanel() const { return m_operatingPoint; }
    ThresholdPanel* thresholdPanel() const { return m_thresholdPanel; }
    ThresholdModel& thresholds() const { return *m_thresholds; }
    RunSet& runs() const { return *m_runs; }
    RunsDock* runsDock() const { return m_runsDock; }
    ComparisonModel& comparison() const { return *m_comparison; }
    ComparisonPanel* comparisonPanel() const { return m_comparisonPanel; }
    CalibrationDock* calibrationDock() const { return m_calibrationDock; }
    QString statusText() const;

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    // '#' lines before the metrics CSV: the files, the kind and the loss parameters it was
    // computed with.
    QString metricsCsvHeader() const;
    void connectActions();
    void restoreSettings();
    void showError(const QString& title, const QString& message);
    void onLoaded(
        std::shared_ptr<const ReadResult> result, const QString& path, const QString& labelsPath);
    // A summary .npz opened like predictions (DatasetSession::setSummary).
    void onSummaryLoaded(std::shared_ptr<const Summary> summary, const QString& path);
    void onLoadFailed(const QString& path, const QString& message);
    void onLoadCancelled(const QString& path);
    void chooseFile();
    // The first size of the window: 1500 x 950, or less to fit the screen's available geometry.
    void fitToScreen();
    void chooseLabels();
    void chooseRuns();
    void chooseExportPlot();
    void chooseExportMetrics();
    void chooseExportErrors();
    // The Scores tab from the threshold panel's class, histogram and point.
    void updateScoresChart();
    void showHelp();
    void showAbout();
    void refreshRecentMenu();
    void updateStatus();
    QString dialogDirectory() const;
    void rememberDirectory(const QString& path);

    QSettings& m_settings;
    ParameterModel* m_parameters = nullptr;
    DatasetSession* m_session = nullptr;
    PredictionLoader* m_loader = nullptr;
    LoadProgressDialog* m_progress = nullptr;
    MainActions* m_actions = nullptr;
    ParametersDock* m_parametersDock = nullptr;
    ClassesDock* m_classesDock = nullptr;
    ChartTabs* m_charts = nullptr;
    MetricsView* m_metrics = nullptr;
    OperatingPointPanel* m_operatingPoint = nullptr;
    ThresholdModel* m_thresholds = nullptr;
    ThresholdPanel* m_thresholdPanel = nullptr;
    RunSet* m_runs = nullptr;
    RunsDock* m_runsDock = nullptr;
    QDockWidget* m_comparisonDock = nullptr;
    ComparisonModel* m_comparison = nullptr;
    ComparisonPanel* m_comparisonPanel = nullptr;
    CalibrationDock* m_calibrationDock = nullptr;
    QLabel* m_rowsLabel = nullptr;
    QLabel* m_classesLabel = nullptr;
    QLabel* m_kindLabel = nullptr;
    QLabel* m_timeLabel = nullptr;
    std::unique_ptr<MessagePresenter> m_presenter;
    std::unique_ptr<FileChooser> m_chooser;
    std::unique_ptr<ClassColors> m_classColors;
    QString m_lastError;
    QString m_demoPath;
};

} // namespace focalscope
