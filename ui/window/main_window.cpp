#include "window/main_window.h"

#include "charts/score_histogram_plot.h"
#include "dialogs/export_plot_dialog.h"
#include "dialogs/help_dialog.h"
#include "docks/classes_dock.h"
#include "docks/parameters_dock.h"
#include "docks/runs_dock.h"
#include "io/file_formats.h"
#include "io/prediction_reader.h"
#include "loading/load_progress_dialog.h"
#include "loading/prediction_loader.h"
#include "model/comparison_model.h"
#include "model/dataset_session.h"
#include "model/parameter_model.h"
#include "model/run_set.h"
#include "model/threshold_model.h"
#include "parallel/parallel.h"
#include "plot/plot_export.h"
#include "plot/plot_view.h"
#include "report/json_report.h"
#include "roc/threshold_rules.h"
#include "settings/class_colors.h"
#include "settings/recent_files.h"
#include "settings/settings_keys.h"
#include "summary/summary_report.h"
#include "views/calibration_dock.h"
#include "views/chart_tabs.h"
#include "views/comparison_panel.h"
#include "views/metrics_view.h"
#include "views/operating_point_panel.h"
#include "views/run_metrics_view.h"
#include "views/threshold_panel.h"
#include "window/demo_dataset.h"
#include "window/file_chooser.h"
#include "window/file_pairing.h"
#include "window/main_actions.h"
#include "window/message_presenter.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QSaveFile>
#include <QScreen>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>

#include <limits>
#include <stdexcept>

namespace focalscope {

MainWindow::MainWindow(QSettings& settings, QWidget* parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_presenter(std::make_unique<MessageBoxPresenter>())
    , m_chooser(std::make_unique<DialogFileChooser>())
    , m_classColors(std::make_unique<ClassColors>(settings))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QStringLiteral("Focalscope"));
    setAcceptDrops(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);

    m_parameters = new ParameterModel(this);
    m_parameters->restore(settings);
    m_session = new DatasetSession(*m_parameters, this);
    m_runs = new RunSet(*m_session, *m_parameters, this);
    m_loader = new PredictionLoader(this);
    m_progress = new LoadProgressDialog(*m_loader, this);

    m_charts = new ChartTabs(*m_session, this);
    m_metrics = new MetricsView(*m_session, this);
    auto* central = new QSplitter(Qt::Vertical, this);
    central->setObjectName(QStringLiteral("centralSplitter"));
    central->addWidget(m_charts);
    // The metrics of run A, and of each added run behind a run picker.
    central->addWidget(new RunMetricsView(*m_runs, m_metrics, central));
    central->setStretchFactor(0, 1);
    central->setStretchFactor(1, 0);
    central->setSizes({640, 300});
    setCentralWidget(central);

    m_parametersDock = new ParametersDock(*m_parameters, *m_session, this);
    addDockWidget(Qt::LeftDockWidgetArea, m_parametersDock);
    m_classesDock = new ClassesDock(*m_session, *m_classColors, this);
    addDockWidget(Qt::RightDockWidgetArea, m_classesDock);
    m_thresholds = new ThresholdModel(*m_session, this);
    m_thresholdPanel = new ThresholdPanel(*m_session, *m_thresholds, this);
    m_operatingPoint = m_thresholdPanel->pointPanel();
    auto* operatingPointDock = new QDockWidget(tr("Threshold"), this);
    operatingPointDock->setObjectName(QStringLiteral("operatingPointDock"));
    auto* scroll = new QScrollArea(operatingPointDock);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_thresholdPanel);
    operatingPointDock->setWidget(scroll);
    addDockWidget(Qt::RightDockWidgetArea, operatingPointDock);
    auto* calibrationDock = new CalibrationDock(*m_runs, *m_parameters, this);
    m_calibrationDock = calibrationDock;
    tabifyDockWidget(operatingPointDock, calibrationDock);
    // The threshold panel in front; the calibration is computed when its tab is shown.
    operatingPointDock->raise();
    connect(
        calibrationDock, &CalibrationDock::bootstrapBandReady, m_charts, &ChartTabs::setRocBands);

    // Runs side by side: the runs beside the classes, the comparison beside the threshold.
    m_charts->setRuns(m_runs);
    m_runsDock = new RunsDock(*m_runs, this);
    tabifyDockWidget(m_classesDock, m_runsDock);
    m_classesDock->raise();
    m_comparison = new ComparisonModel(*m_runs, this);
    m_comparisonPanel = new ComparisonPanel(*m_runs, *m_comparison, this);
    m_comparisonDock = new QDockWidget(tr("Comparison"), this);
    m_comparisonDock->setObjectName(QStringLiteral("comparisonDock"));
    m_comparisonDock->setWidget(m_comparisonPanel);
    tabifyDockWidget(operatingPointDock, m_comparisonDock);
    operatingPointDock->raise();
    connect(m_runsDock, &RunsDock::addRunRequested, this, &MainWindow::chooseRuns);
    connect(m_runs, &RunSet::loadFailed, this, [this](const QString& path, const QString& message) {
        showError(tr("Cannot add %1 as a run").arg(QFileInfo(path).fileName()), message);
    });
    connect(m_runs, &RunSet::runsChanged, this, [this, widened = false]() mutable {
        if (m_runs->count() < 2)
            return;
        m_runsDock->raise();
        m_comparisonDock->raise();
        // The first comparison widens the right-hand docks for its table, once.
        if (!widened && m_comparisonDock->width() < 560 && width() >= kNarrowWindow) {
            widened = true;
            resizeDocks({m_comparisonDock}, {560}, Qt::Horizontal);
        }
    });
    connect(m_comparison, &ComparisonModel::resultChanged, this, [this] {
        const auto result = m_comparison->result();
        m_charts->setFoldAverages(result && !result->folds.empty()
                ? std::shared_ptr<const std::vector<FoldClassSummary>>(result, &result->folds)
                : nullptr);
    });
    connect(
        m_comparisonPanel, &ComparisonPanel::foldBandChanged, m_charts, &ChartTabs::setFoldBand);
    // Sizes for a first start; a saved dock state replaces them (restoreSettings).
    QTimer::singleShot(0, this, [this, operatingPointDock] {
        if (settings::windowState.read(m_settings).isEmpty()) {
            if (width() >= kNarrowWindow) {
                resizeDocks({m_parametersDock, m_classesDock}, {300, 450}, Qt::Horizontal);
                resizeDocks({m_classesDock, operatingPointDock}, {180, 620}, Qt::Vertical);
            } else {
                // A small screen (or a scale factor): one column of docks, tabbed, so that the
                // parameters keep their full width beside the charts.
                tabifyDockWidget(m_parametersDock, m_classesDock);
                tabifyDockWidget(m_parametersDock, operatingPointDock);
                m_parametersDock->raise();
                resizeDocks({m_parametersDock}, {320}, Qt::Horizontal);
            }
        }
    });

    m_rowsLabel = new QLabel(this);
    m_classesLabel = new QLabel(this);
    m_kindLabel = new QLabel(this);
    m_timeLabel = new QLabel(this);
    for (QLabel* label : {m_rowsLabel, m_classesLabel, m_kindLabel, m_timeLabel})
        statusBar()->addPermanentWidget(label);

    m_actions = new MainActions(*this);
    m_actions->viewMenu->addAction(m_parametersDock->toggleViewAction());
    m_actions->viewMenu->addAction(m_classesDock->toggleViewAction());
    m_actions->viewMenu->addAction(operatingPointDock->toggleViewAction());
    m_actions->viewMenu->addAction(calibrationDock->toggleViewAction());
    m_actions->viewMenu->addAction(m_runsDock->toggleViewAction());
    m_actions->viewMenu->addAction(m_comparisonDock->toggleViewAction());
    connectActions();

    connect(m_loader, &PredictionLoader::loaded, this, &MainWindow::onLoaded);
    connect(m_loader, &PredictionLoader::summaryLoaded, this, &MainWindow::onSummaryLoaded);
    connect(m_loader, &PredictionLoader::failed, this, &MainWindow::onLoadFailed);
    connect(m_loader, &PredictionLoader::cancelled, this, &MainWindow::onLoadCancelled);
    connect(
        m_classesDock, &ClassesDock::visibilityChanged, m_charts, &ChartTabs::setVisibleClasses);
    connect(m_classesDock, &ClassesDock::colorsChanged, m_charts, &ChartTabs::setClassColors);
    m_charts->setClassColors(m_classesDock->classColors());
    // One operating point: a click on ROC / PR moves the threshold panel's point, and the
    // panel's point (slider, typed value, rule) is marked on both charts.
    connect(m_charts, &ChartTabs::operatingPointPicked, this,
        [this](const QString& className, const OperatingPoint& point) {
            m_operatingPoint->showPoint(className, point);
            m_thresholds->pick(m_charts->pickedEntry(), point.threshold);
        });
    connect(m_thresholds, &ThresholdModel::pointChanged, m_charts, &ChartTabs::markOperatingPoint);
    connect(m_thresholds, &ThresholdModel::pointCleared, m_charts,
        &ChartTabs::clearOperatingPointMarks);
    connect(m_thresholdPanel, &ThresholdPanel::exportErrorsRequested, this,
        &MainWindow::chooseExportErrors);
    connect(m_thresholds, &ThresholdModel::tableChanged, this, &MainWindow::updateScoresChart);
    connect(m_thresholds, &ThresholdModel::pointChanged, this, &MainWindow::updateScoresChart);
    connect(m_thresholds, &ThresholdModel::pointCleared, this, &MainWindow::updateScoresChart);
    connect(m_classesDock, &ClassesDock::colorsChanged, this, &MainWindow::updateScoresChart);
    connect(
        m_charts, &ChartTabs::operatingPointCleared, m_operatingPoint, &OperatingPointPanel::clear);
    connect(m_session, &DatasetSession::datasetChanged, this, &MainWindow::updateStatus);
    connect(m_session, &DatasetSession::kindChanged, this, &MainWindow::updateStatus);
    connect(m_session, &DatasetSession::recomputed, this, &MainWindow::updateStatus);
    connect(m_session, &DatasetSession::temperaturePreviewChanged, this, &MainWindow::updateStatus);
    connect(m_session, &DatasetSession::computationFailed, this, [this](const QString& message) {
        statusBar()->showMessage(tr("Cannot compute: %1").arg(message), 10000);
    });

    fitToScreen();
    restoreSettings();
    updateStatus();
}

MainWindow::~MainWindow() = default;

void MainWindow::connectActions()
{
    connect(m_actions->open, &QAction::triggered, this, &MainWindow::chooseFile);
    connect(m_actions->openLabels, &QAction::triggered, this, &MainWindow::chooseLabels);
    connect(m_actions->addRun, &QAction::triggered, this, &MainWindow::chooseRuns);
    connect(m_actions->openDemo, &QAction::triggered, this, &MainWindow::openDemo);
    connect(m_actions->exportPlot, &QAction::triggered, this, &MainWindow::chooseExportPlot);
    connect(m_actions->exportMetrics, &QAction::triggered, this, &MainWindow::chooseExportMetrics);
    connect(m_actions->quit, &QAction::triggered, this, &QWidget::close);
    connect(
        m_actions->showGradient, &QAction::toggled, m_session, &DatasetSession::setShowGradient);
    connect(m_actions->groupBackgroundForeground, &QAction::toggled, this, [this](bool checked) {
        m_runs->setPtGrouping(checked ? PtGrouping::BackgroundForeground : PtGrouping::PerClass);
    });
    connect(m_actions->rocLogFpr, &QAction::toggled, m_runs, &RunSet::setRocLogFpr);
    connect(m_actions->scoresLogCounts, &QAction::toggled, this, &MainWindow::updateScoresChart);
    connect(m_actions->copyMetrics, &QAction::triggered, m_metrics, &MetricsView::copyToClipboard);
    connect(m_actions->nextChart, &QAction::triggered, this,
        [this] { m_charts->setCurrentIndex((m_charts->currentIndex() + 1) % m_charts->count()); });
    connect(m_actions->previousChart, &QAction::triggered, this, [this] {
        m_charts->setCurrentIndex(
            (m_charts->currentIndex() + m_charts->count() - 1) % m_charts->count());
    });
    connect(m_actions->help, &QAction::triggered, this, &MainWindow::showHelp);
    connect(m_actions->about, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_actions, &MainActions::recentTriggered, this,
        [this](const RecentEntry& entry) { openFile(entry.predictions, entry.labels); });
    connect(m_actions, &MainActions::threadLimitChosen, this, [this](int threads) {
        parallel::setMaxThreads(threads);
        settings::maxThreads.write(m_settings, threads);
    });
    connect(m_actions, &MainActions::clearRecentTriggered, this, [this] {
        RecentFiles(m_settings).clear();
        refreshRecentMenu();
    });
}

void MainWindow::restoreSettings()
{
    const QByteArray geometry = settings::windowGeometry.read(m_settings);
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QByteArray state = settings::windowState.read(m_settings);
    if (!state.isEmpty())
        restoreState(state);
    m_actions->showGradient->setChecked(settings::showGradient.read(m_settings));
    m_actions->groupBackgroundForeground->setChecked(settings::ptByBackground.read(m_settings));
    m_actions->rocLogFpr->setChecked(settings::rocLogFpr.read(m_settings));
    m_charts->setCurrentIndex(settings::currentChart.read(m_settings));
    m_calibrationDock->restoreSettings(m_settings);
    const int threads = std::max(0, settings::maxThreads.read(m_settings));
    parallel::setMaxThreads(threads);
    m_actions->setThreadLimit(threads);
    refreshRecentMenu();
}

void MainWindow::saveSettings()
{
    settings::windowGeometry.write(m_settings, saveGeometry());
    settings::windowState.write(m_settings, saveState());
    settings::showGradient.write(m_settings, m_actions->showGradient->isChecked());
    settings::ptByBackground.write(m_settings, m_actions->groupBackgroundForeground->isChecked());
    settings::rocLogFpr.write(m_settings, m_actions->rocLogFpr->isChecked());
    settings::currentChart.write(m_settings, m_charts->currentIndex());
    m_calibrationDock->saveSettings(m_settings);
    m_parameters->save(m_settings);
    m_settings.sync();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    m_loader->cancel();
    saveSettings();
    event->accept();
}

void MainWindow::setMessagePresenter(std::unique_ptr<MessagePresenter> presenter)
{
    m_presenter = std::move(presenter);
}

void MainWindow::setFileChooser(std::unique_ptr<FileChooser> chooser)
{
    m_chooser = std::move(chooser);
}

void MainWindow::fitToScreen()
{
    QSize size(1500, 950);
    if (const QScreen* screen = this->screen()) {
        // The frame (title bar, borders) is not known before the window is shown: leave room.
        const QRect available = screen->availableGeometry();
        size = size.boundedTo(available.size() - QSize(24, 64));
        resize(size);
        move(available.topLeft()
            + QPoint((available.width() - size.width()) / 2,
                (available.height() - size.height() - 40) / 2));
        return;
    }
    resize(size);
}

void MainWindow::showError(const QString& title, const QString& message)
{
    m_lastError = message;
    statusBar()->showMessage(message, 10000);
    if (m_presenter)
        m_presenter->showError(this, title, message);
}

void MainWindow::openFile(const QString& path, const QString& labelsPath)
{
    ReadOptions options;
    options.kind = KindRequest::Auto;
    statusBar()->showMessage(tr("Reading %1…").arg(QFileInfo(path).fileName()));
    m_loader->load(path, labelsPath, options);
}

bool MainWindow::openDemo()
{
    m_demoPath = demoDatasetPath();
    if (m_demoPath.isEmpty()) {
        showError(tr("Open Demo"),
            tr("The demo dataset (share/focalscope/demo/demo.npz) was not found."));
        return false;
    }
    openFile(m_demoPath);
    return true;
}

bool MainWindow::openLastOrDemo()
{
    const QList<RecentEntry> recent = RecentFiles(m_settings).entries();
    if (!recent.isEmpty() && QFileInfo::exists(recent.front().predictions)
        && (recent.front().labels.isEmpty() || QFileInfo::exists(recent.front().labels))) {
        openFile(recent.front().predictions, recent.front().labels);
        return true;
    }
    return openDemo();
}

void MainWindow::onLoaded(
    std::shared_ptr<const ReadResult> result, const QString& path, const QString& labelsPath)
{
    m_session->setDataset(std::move(result), path, labelsPath);
    if (path != m_demoPath) {
        RecentFiles(m_settings)
            .add({QFileInfo(path).absoluteFilePath(),
                labelsPath.isEmpty() ? QString() : QFileInfo(labelsPath).absoluteFilePath()});
        refreshRecentMenu();
    }
    setWindowTitle(tr("%1 — Focalscope").arg(QFileInfo(path).fileName()));
    setWindowFilePath(path);
    statusBar()->showMessage(tr("Opened %1").arg(QFileInfo(path).fileName()), 5000);
}

void MainWindow::onSummaryLoaded(std::shared_ptr<const Summary> summary, const QString& path)
{
    m_session->setSummary(std::move(summary), path);
    RecentFiles(m_settings).add({QFileInfo(path).absoluteFilePath(), {}});
    refreshRecentMenu();
    setWindowTitle(tr("%1 (binned summary) — Focalscope").arg(QFileInfo(path).fileName()));
    setWindowFilePath(path);
    statusBar()->showMessage(tr("Opened the summary %1").arg(QFileInfo(path).fileName()), 5000);
}

void MainWindow::onLoadFailed(const QString& path, const QString& message)
{
    Q_UNUSED(path);
    showError(tr("Cannot open file"), message);
}

void MainWindow::onLoadCancelled(const QString& path)
{
    statusBar()->showMessage(tr("Opening %1 was cancelled; the data open before is kept.")
                                 .arg(QFileInfo(path).fileName()),
        8000);
}

void MainWindow::chooseFile()
{
    const QStringList files = m_chooser->openFiles(this, tr("Open Predictions (and Labels)"),
        dialogDirectory(), QString::fromStdString(predictionsNameFilter()));
    if (files.isEmpty())
        return;
    rememberDirectory(files.front());
    openChosenFiles(files);
}

bool MainWindow::openChosenFiles(const QStringList& files)
{
    QString error;
    FilePair pair = pairChosenFiles(files, &error);
    if (pair.predictions.isEmpty()) {
        showError(tr("Open"), error);
        return false;
    }
    if (pair.labels.isEmpty() && holdsOnlyScores(pair.predictions.toStdString())) {
        const QString name = QFileInfo(pair.predictions).fileName();
        pair.labels = m_chooser->openFile(this,
            tr("Open Labels for %1 (a .npy file holds only scores)").arg(name),
            QFileInfo(pair.predictions).absolutePath(), QString::fromStdString(labelsNameFilter()));
        if (pair.labels.isEmpty()) {
            statusBar()->showMessage(
                tr("%1 holds only scores: choose its labels file to open it").arg(name), 10000);
            return false;
        }
    }
    openFile(pair.predictions, pair.labels);
    return true;
}

void MainWindow::chooseRuns()
{
    if (!m_session->hasData()) {
        showError(tr("Add Run"), tr("Open a predictions file first: it is run A."));
        return;
    }
    const QStringList files
        = m_chooser->openFiles(this, tr("Add Runs (other models, epochs or folds)"),
            dialogDirectory(), QString::fromStdString(predictionsNameFilter()));
    if (files.isEmpty())
        return;
    rememberDirectory(files.front());
    addRuns(files);
}

bool MainWindow::addRuns(const QStringList& files)
{
    if (!m_session->hasData()) {
        showError(tr("Add Run"), tr("Open a predictions file first: it is run A."));
        return false;
    }
    for (const QString& file : files)
        m_runs->addRun(file);
    statusBar()->showMessage(
        tr("Adding %n run(s)…", nullptr, static_cast<int>(files.size())), 5000);
    return true;
}

void MainWindow::chooseLabels()
{
    if (!m_session->hasData() || m_session->path().isEmpty()) {
        showError(tr("Open Labels"), tr("Open a predictions file first."));
        return;
    }
    const QString labels = m_chooser->openFile(this,
        tr("Open Labels for %1").arg(QFileInfo(m_session->path()).fileName()), dialogDirectory(),
        QString::fromStdString(labelsNameFilter()));
    if (labels.isEmpty())
        return;
    rememberDirectory(labels);
    openFile(m_session->path(), labels);
}

QStringList MainWindow::plotNames() const
{
    QStringList charts;
    for (int c = 0; c < ChartTabs::ChartCount; ++c)
        charts << ChartTabs::chartTitle(static_cast<ChartTabs::Chart>(c));
    return charts << tr("Reliability diagram (calibration dock)");
}

PlotSpec MainWindow::shownPlot(int plot) const
{
    // What the chart shows: its zoomed range and axes.
    if (plot == ChartTabs::ChartCount)
        return m_calibrationDock->plotView()->shownSpec();
    return m_charts->shownSpec(static_cast<ChartTabs::Chart>(plot));
}

void MainWindow::chooseExportPlot()
{
    const QString suggested = QDir(dialogDirectory())
                                  .filePath(ChartTabs::chartFileName(m_charts->currentChart())
                                      + QStringLiteral(".png"));
    ExportPlotDialog dialog(m_settings, plotNames(), m_charts->currentIndex(), suggested, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    rememberDirectory(dialog.path());
    QString error;
    if (!exportPlot(shownPlot(dialog.chart()), dialog.path(), dialog.options(), &error)) {
        showError(tr("Export Plot"), error);
        return;
    }
    statusBar()->showMessage(tr("Wrote %1").arg(QDir::toNativeSeparators(dialog.path())), 5000);
}

void MainWindow::chooseExportMetrics()
{
    const QString suggested = QDir(dialogDirectory()).filePath(QStringLiteral("metrics.csv"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Metrics"), suggested,
        tr("CSV table (*.csv);;JSON, focalscope-cli schema (*.json)"));
    if (path.isEmpty())
        return;
    rememberDirectory(path);
    QString error;
    if (!exportMetrics(path, &error)) {
        showError(tr("Export Metrics"), error);
        return;
    }
    statusBar()->showMessage(tr("Wrote %1").arg(QDir::toNativeSeparators(path)), 5000);
}

void MainWindow::updateScoresChart()
{
    const ScoreHistogram& histogram = m_thresholds->histogram();
    const Predictions* predictions = m_session->predictions();
    if (!predictions || histogram.edges.empty()) {
        PlotSpec empty;
        if (m_session->isSummary())
            empty.note = tr("The scores' histograms need the rows; a summary has only binned "
                            "counts (see ROC and Precision-recall)");
        m_charts->setScoresSpec(empty);
        m_charts->setIsoCostSlope(std::nullopt);
        return;
    }
    // The entries of the ROC report are the target classes but for a binary task (entry 0 is
    // target 1, the positive class).
    const int entry = m_thresholds->entry();
    const int target = predictions->isBinary() ? entry + 1 : entry;
    const std::optional<OperatingPoint>& point = m_thresholds->point();
    // A cost rule's expected cost across the range, at the bins' edges (O(bins log n)).
    QList<QPointF> expectedCosts;
    if (const auto& costs = m_thresholds->costs(); costs && m_thresholds->table()) {
        for (const double edge : histogram.edges)
            expectedCosts.append(QPointF(edge,
                expectedCost(m_thresholds->table()->pointAt(edge), costs->costFp, costs->costFn,
                    costs->prevalence)));
    }
    m_charts->setScoresSpec(scoreHistogramPlot(histogram,
        point ? point->threshold : std::numeric_limits<double>::quiet_NaN(),
        m_thresholds->className(), m_classesDock->classColors().value(target),
        m_actions->scoresLogCounts->isChecked(), expectedCosts));
    const auto& costs = m_thresholds->costs();
    m_charts->setIsoCostSlope(
        costs && point ? std::optional<double>(costs->isoCostSlope) : std::nullopt);
}

void MainWindow::chooseExportErrors()
{
    const QString suggested = QDir(dialogDirectory()).filePath(QStringLiteral("errors.csv"));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Errors at the Threshold"), suggested, tr("CSV table (*.csv)"));
    if (path.isEmpty())
        return;
    rememberDirectory(path);
    QString error;
    if (!m_thresholdPanel->exportErrors(path, &error)) {
        showError(tr("Export Errors"), error);
        return;
    }
    statusBar()->showMessage(tr("Wrote %1").arg(QDir::toNativeSeparators(path)), 5000);
}

bool MainWindow::exportMetrics(const QString& path, QString* error) const
{
    auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    if (!m_session->hasData() || !m_session->loss() || !m_session->roc())
        return fail(tr("There are no metrics to export yet."));
    QByteArray bytes;
    if (path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive) && m_session->isSummary()) {
        // The CLI's JSON of a summary: "bounds" beside each value.
        try {
            bytes = QByteArray::fromStdString(summaryJson(m_session->path().toStdString(),
                *m_session->summary(), m_session->loss()->analysis.params));
        } catch (const std::invalid_argument& e) {
            return fail(QString::fromUtf8(e.what()));
        }
    } else if (path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive)) {
        bytes = QByteArray::fromStdString(
            jsonReport(m_session->path().toStdString(), *m_session->input(), m_session->analysis(),
                m_parameters->maxFpr() < 1.0, m_session->labelsPath().toStdString()));
    } else if (path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive)) {
        bytes = (metricsCsvHeader() + m_metrics->toDelimited(u',', true)).toUtf8();
    } else {
        return fail(tr("%1: choose a file name ending in .csv or .json").arg(path));
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return fail(tr("%1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    return true;
}

QString MainWindow::metricsCsvHeader() const
{
    const FocalParams params = m_session->loss()->analysis.params;
    const Eigen::VectorXd& alpha = m_session->loss()->analysis.alpha;
    QStringList weights;
    for (Index t = 0; t < alpha.size(); ++t)
        weights << QString::number(alpha[t], 'g', QLocale::FloatingPointShortest);
    const QString labels = m_session->labelsPath().isEmpty()
        ? (m_session->isSummary() ? tr("(in the summary: binned counts; values are the "
                                       "midpoints of exact intervals)")
                                  : tr("(in the predictions file)"))
        : QDir::toNativeSeparators(m_session->labelsPath());
    const std::optional<double> t = m_session->appliedTemperature();
    const QString temperature = t
        ? QStringLiteral("# temperature: %1 (preview: the scores divided by it)\n")
              .arg(QString::number(*t, 'g', QLocale::FloatingPointShortest))
        : QString();
    return temperature
        + QStringLiteral("# predictions: %1\n# labels: %2\n# kind: %3\n"
                         "# focal loss: %4, gamma %5, alpha %6 (per target), reduction %7\n")
              .arg(QDir::toNativeSeparators(m_session->path()), labels,
                  QString::fromLatin1(scoreKindName(m_session->predictions()->kind)),
                  QString::fromLatin1(lossModeName(params.mode)),
                  QString::number(params.gamma, 'g', QLocale::FloatingPointShortest),
                  QLatin1Char('[') + weights.join(QLatin1Char(' ')) + QLatin1Char(']'),
                  QString::fromLatin1(reductionName(params.reduction)));
}

void MainWindow::showHelp()
{
    auto* dialog = new HelpDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Focalscope"), HelpDialog::aboutHtml());
}

void MainWindow::refreshRecentMenu()
{
    m_actions->setRecentEntries(RecentFiles(m_settings).entries());
}

void MainWindow::updateStatus()
{
    const Predictions* predictions = m_session->predictions();
    if (!predictions) {
        m_rowsLabel->setText(tr("No data"));
        m_classesLabel->clear();
        m_kindLabel->clear();
        m_timeLabel->clear();
        return;
    }
    const ReadResult* input = m_session->input();
    // A summary's rows are counted in it, not held.
    QString rows = m_session->isSummary() && input
        ? tr("%L1 rows (binned summary)").arg(input->samples)
        : tr("%L1 rows").arg(predictions->rows());
    if (input && input->ignored > 0)
        rows += tr(" (%L1 ignored)").arg(input->ignored);
    if (input && input->skipped > 0)
        rows += tr(", %L1 skipped").arg(input->skipped);
    m_rowsLabel->setText(rows);
    m_classesLabel->setText(
        predictions->isBinary() ? tr("binary") : tr("%1 classes").arg(predictions->classes()));
    QString kind = predictions->kind == ScoreKind::Logits ? tr("logits") : tr("probabilities");
    if (const std::optional<double> t = m_session->appliedTemperature())
        kind += tr(", T = %1 applied (preview)").arg(*t, 0, 'g', 6);
    m_kindLabel->setText(kind);
    m_timeLabel->setText(tr("recompute %1 ms").arg(m_session->lastLossMilliseconds(), 0, 'f', 1));
    m_timeLabel->setToolTip(tr("Last loss recompute %1 ms, last ROC computation %2 ms")
                                .arg(m_session->lastLossMilliseconds(), 0, 'f', 1)
                                .arg(m_session->lastRocMilliseconds(), 0, 'f', 1));
}

QString MainWindow::statusText() const
{
    return QStringList {
        m_rowsLabel->text(), m_classesLabel->text(), m_kindLabel->text(), m_timeLabel->text()}
        .join(QStringLiteral(" · "));
}

QString MainWindow::dialogDirectory() const
{
    const QString last = settings::lastDirectory.read(m_settings);
    return last.isEmpty() ? QDir::homePath() : last;
}

void MainWindow::rememberDirectory(const QString& path)
{
    settings::lastDirectory.write(m_settings, QFileInfo(path).absolutePath());
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls()) {
        for (const QUrl& url : event->mimeData()->urls()) {
            if (url.isLocalFile()) {
                event->acceptProposedAction();
                return;
            }
        }
    }
}

void MainWindow::dropEvent(QDropEvent* event)
{
    QStringList files;
    for (const QUrl& url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            files << url.toLocalFile();
    }
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    // With Shift held, dropped prediction files are added as runs beside the open data.
    if ((event->modifiers() & Qt::ShiftModifier) && m_session->hasData())
        addRuns(files);
    else
        openChosenFiles(files);
}

} // namespace focalscope
