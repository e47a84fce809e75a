#include "views/calibration_dock.h"

#include "charts/reliability_plot.h"
#include "charts/run_overlay.h"
#include "model/bootstrap_model.h"
#include "model/calibration_model.h"
#include "model/dataset_session.h"
#include "model/run_set.h"
#include "plot/plot_palette.h"
#include "plot/plot_view.h"
#include "settings/settings_keys.h"
#include "views/number_format.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>
#include <cmath>
#include <optional>

namespace focalscope {

namespace {

constexpr int kTopLabelEntry = -1;

QTableWidgetItem* cell(const QString& text, Qt::Alignment alignment = Qt::AlignRight)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    item->setTextAlignment(alignment | Qt::AlignVCenter);
    return item;
}

QString interval(const PercentileInterval& ci)
{
    return QStringLiteral("[%1, %2]").arg(formatNumber(ci.lower), formatNumber(ci.upper));
}

// The fitted T of calibration results, when there is a finite one.
std::optional<double> fittedTemperature(const CalibrationResults* results)
{
    if (!results || !results->report.hasTemperature
        || !std::isfinite(results->report.temperature.fit.temperature))
        return std::nullopt;
    return results->report.temperature.fit.temperature;
}

QLabel* numberLabel(QWidget* parent, const char* name)
{
    auto* label = new QLabel(QStringLiteral("—"), parent);
    label->setObjectName(QLatin1String(name));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    label->setMinimumWidth(label->fontMetrics().horizontalAdvance(QStringLiteral("0.00000")));
    return label;
}

} // namespace

CalibrationDock::CalibrationDock(RunSet& runs, ParameterModel& parameters, QWidget* parent)
    : QDockWidget(tr("Calibration"), parent)
    , m_runs(runs)
    , m_parameters(parameters)
{
    setObjectName(QStringLiteral("calibrationDock"));
    m_models.push_back(makeModels(runs.session(0)));
    m_session = m_models.front().session;
    m_calibration = m_models.front().calibration;
    m_bootstrap = m_models.front().bootstrap;
    // Calibrated only while shown (a tab behind another dock is not).
    connect(this, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        m_shown = visible;
        for (const RunModels& models : m_models)
            models.calibration->setActive(visible);
    });

    // Two pages, each scrolling when the dock is short: the diagram and its numbers; the
    // bootstrap.
    auto page = [](std::initializer_list<QWidget*> parts) {
        auto* content = new QWidget;
        auto* layout = new QVBoxLayout(content);
        layout->setContentsMargins(4, 4, 4, 4);
        for (QWidget* part : parts)
            layout->addWidget(part, part == *parts.begin() ? 1 : 0); // the first grows
        auto* scroll = new QScrollArea;
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        scroll->setWidget(content);
        return scroll;
    };
    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(makeRunPicker());
    auto* pages = new QTabWidget(content);
    pages->setObjectName(QStringLiteral("calibrationPages"));
    pages->setDocumentMode(true);
    pages->addTab(page({makeCalibrationPart(), makeTemperaturePart()}), tr("Reliability"));
    pages->addTab(page({makeBootstrapPart()}), tr("Bootstrap"));
    layout->addWidget(pages, 1);
    setWidget(content);

    connect(m_preview, &QCheckBox::toggled, this, &CalibrationDock::onPreviewToggled);
    connect(m_classBox, &QComboBox::currentIndexChanged, this, [this] {
        showResults();
        m_view->resetZoom();
    });
    connect(m_binsSpin, &QSpinBox::valueChanged, this, [this](int bins) {
        for (const RunModels& models : m_models)
            models.calibration->setBins(bins);
    });
    connect(m_strategyBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        for (const RunModels& models : m_models)
            models.calibration->setStrategy(
                index == 0 ? BinStrategy::Uniform : BinStrategy::Quantile);
    });
    connect(m_runBox, &QComboBox::currentIndexChanged, this, &CalibrationDock::showRun);

    connect(m_run, &QPushButton::clicked, this, [this] {
        m_bootstrap->run(m_replicates->value(), static_cast<std::uint64_t>(m_seed->value()));
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] { m_bootstrap->cancel(); });

    connect(&m_runs, &RunSet::runsChanged, this, &CalibrationDock::syncRuns);
    // A run renamed, recoloured, hidden or shown: the diagram's curves and the table follow.
    connect(&m_runs, &RunSet::runChanged, this, &CalibrationDock::syncRuns);

    syncRuns();
    refillClasses();
    showResults();
    showBootstrap();
    updateBootstrapControls();
}

CalibrationDock::RunModels CalibrationDock::makeModels(DatasetSession& session)
{
    RunModels models;
    models.session = &session;
    models.calibration = new CalibrationModel(session, m_parameters, this);
    models.calibration->setActive(m_shown);
    if (m_binsSpin) {
        models.calibration->setBins(m_binsSpin->value());
        models.calibration->setStrategy(
            m_strategyBox->currentIndex() == 1 ? BinStrategy::Quantile : BinStrategy::Uniform);
    }
    models.bootstrap = new BootstrapModel(session, this);
    CalibrationModel* calibration = models.calibration;
    BootstrapModel* bootstrap = models.bootstrap;
    DatasetSession* s = &session;

    // Every run's results redraw the diagram (its curve) and the table; the picked run's, the
    // numbers too.
    connect(calibration, &CalibrationModel::resultsChanged, this, &CalibrationDock::showResults);
    connect(calibration, &CalibrationModel::computationFailed, this, [this, calibration] {
        if (calibration == m_calibration)
            showResults();
        showRunsTable();
    });
    connect(bootstrap, &BootstrapModel::runningChanged, this, [this, bootstrap] {
        if (bootstrap == m_bootstrap)
            updateBootstrapControls();
    });
    connect(bootstrap, &BootstrapModel::progressChanged, this, [this, bootstrap](double fraction) {
        if (bootstrap == m_bootstrap)
            m_progress->setValue(static_cast<int>(fraction * 100.0));
    });
    connect(bootstrap, &BootstrapModel::resultsChanged, this, [this, bootstrap] {
        if (bootstrap == m_bootstrap)
            showBootstrap();
    });
    connect(bootstrap, &BootstrapModel::failed, this, [this, bootstrap](const QString& message) {
        if (bootstrap == m_bootstrap)
            m_method->setText(tr("The bootstrap failed: %1").arg(message));
    });
    connect(bootstrap, &BootstrapModel::bandsChanged, this, [this, bootstrap] {
        if (bootstrap == m_bootstrap)
            emitBands();
    });
    connect(s, &DatasetSession::datasetChanged, this, [this, s] {
        if (s != m_session)
            return;
        refillClasses();
        updateBootstrapControls();
    });
    connect(s, &DatasetSession::temperaturePreviewChanged, this, [this, s] {
        if (s == m_session)
            showPreview();
    });
    connect(s, &DatasetSession::kindChanged, this, [this, s] {
        if (s == m_session)
            showPreview();
    });
    // A run removed: its models go with its session.
    connect(s, &QObject::destroyed, this, [this, s] { dropModels(s); });
    return models;
}

void CalibrationDock::dropModels(const QObject* session)
{
    // The run is gone (RunSet::runsChanged follows and syncRuns redraws) or the window is
    // closing: only the models go here, no drawing.
    const auto it = std::find_if(m_models.begin(), m_models.end(),
        [session](const RunModels& m) { return m.session == session; });
    if (it == m_models.end())
        return;
    const bool shown = it->calibration == m_calibration;
    delete it->calibration;
    delete it->bootstrap;
    m_models.erase(it);
    if (!shown)
        return;
    // No run is shown until syncRuns picks run A (nothing draws in between: runsChanged follows
    // at once, or the window is closing).
    m_shownRun = -1;
    m_session = nullptr;
    m_calibration = nullptr;
    m_bootstrap = nullptr;
}

QWidget* CalibrationDock::makeRunPicker()
{
    m_runPicker = new QWidget;
    auto* layout = new QHBoxLayout(m_runPicker);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->addWidget(new QLabel(tr("Run:"), m_runPicker));
    m_runBox = new QComboBox(m_runPicker);
    m_runBox->setObjectName(QStringLiteral("calibrationRunBox"));
    m_runBox->setToolTip(tr("The run whose numbers, temperature fit, preview and bootstrap are "
                            "shown; the diagram draws every visible run's curve"));
    layout->addWidget(m_runBox, 1);
    m_runPicker->hide();
    return m_runPicker;
}

CalibrationModel* CalibrationDock::calibration(int run) const
{
    return run >= 0 && run < static_cast<int>(m_models.size())
        ? m_models[static_cast<std::size_t>(run)].calibration
        : nullptr;
}

void CalibrationDock::syncRuns()
{
    // The models in the runs' order: existing ones kept (their results and bootstraps), new
    // runs given theirs.
    std::vector<RunModels> models;
    for (int r = 0; r < m_runs.count(); ++r) {
        DatasetSession* session = &m_runs.session(r);
        const auto found = std::find_if(m_models.begin(), m_models.end(),
            [session](const RunModels& m) { return m.session == session; });
        models.push_back(found != m_models.end() ? *found : makeModels(*session));
    }
    m_models = std::move(models);
    const QSignalBlocker blocker(m_runBox);
    m_runBox->clear();
    for (int r = 0; r < m_runs.count(); ++r)
        m_runBox->addItem(m_runs.run(r).name);
    int shown = 0;
    for (int r = 0; r < static_cast<int>(m_models.size()); ++r)
        if (m_models[static_cast<std::size_t>(r)].calibration == m_calibration)
            shown = r;
    m_runBox->setCurrentIndex(shown);
    m_runPicker->setVisible(m_runs.count() > 1);
    const bool same = m_shownRun == shown;
    m_shownRun = -1;
    showRun(shown);
    showResults();
    // The band names its run once there are several (showRun emits it for another run).
    if (same)
        emitBands();
}

void CalibrationDock::showRun(int run)
{
    if (run < 0 || run >= static_cast<int>(m_models.size()) || run == m_shownRun)
        return;
    const bool other = m_models[static_cast<std::size_t>(run)].session != m_session;
    m_shownRun = run;
    const RunModels& models = m_models[static_cast<std::size_t>(run)];
    m_session = models.session;
    m_calibration = models.calibration;
    m_bootstrap = models.bootstrap;
    if (m_runBox->currentIndex() != run) {
        const QSignalBlocker blocker(m_runBox);
        m_runBox->setCurrentIndex(run);
    }
    if (!other)
        return;
    // Every run has run A's classes: the class shown stays (they are refilled only if run A
    // changed while another run was shown).
    if (classEntries() != shownEntries())
        refillClasses();
    showResults();
    showPreview();
    showBootstrap();
    updateBootstrapControls();
    emitBands();
}

void CalibrationDock::emitBands()
{
    if (!m_session)
        return; // between a run's removal and syncRuns: no run shown
    const auto results = m_bootstrap->results();
    // Several runs on the ROC chart: the band says whose it is.
    const QString run = results && m_runs.count() > 1 ? m_runs.run(m_shownRun).name : QString();
    // Only a change reaches the chart (a redraw of every run's ROC curves).
    if (results == m_emittedResults && run == m_emittedRun)
        return;
    m_emittedResults = results;
    m_emittedRun = run;
    if (!results || run.isEmpty())
        emit bootstrapBandReady(results ? results->bands : nullptr);
    else
        emit bootstrapBandReady(std::make_shared<RocBands>(bootstrapBands(results->report, run)));
}

QWidget* CalibrationDock::makeCalibrationPart()
{
    auto* part = new QWidget;
    auto* layout = new QVBoxLayout(part);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* controls = new QHBoxLayout;
    m_classBox = new QComboBox(part);
    m_classBox->setObjectName(QStringLiteral("calibrationClass"));
    m_classBox->setToolTip(tr("A class one-vs-rest (its probability against being the label), or "
                              "the top label (the largest probability against being right)"));
    m_classBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_classBox->setMinimumContentsLength(8);
    m_binsSpin = new QSpinBox(part);
    m_binsSpin->setObjectName(QStringLiteral("calibrationBins"));
    m_binsSpin->setRange(1, 100);
    m_binsSpin->setValue(m_calibration->bins());
    m_binsSpin->setToolTip(tr("The number of bins of the diagram and of ECE / MCE"));
    m_strategyBox = new QComboBox(part);
    m_strategyBox->setObjectName(QStringLiteral("calibrationStrategy"));
    m_strategyBox->addItems({tr("uniform"), tr("quantile")});
    m_strategyBox->setToolTip(tr("uniform: equal widths on [0, 1]; quantile: equal numbers of "
                                 "rows (scikit-learn's calibration_curve strategies)"));
    controls->addWidget(m_classBox, 1);
    controls->addWidget(new QLabel(tr("Bins"), part));
    controls->addWidget(m_binsSpin);
    controls->addWidget(m_strategyBox);
    layout->addLayout(controls);

    m_view = new PlotView(part);
    m_view->setObjectName(QStringLiteral("reliabilityView"));
    m_view->setMinimumHeight(300);
    m_view->setWhatsThis(PlotView::interactionHelp());
    layout->addWidget(m_view, 1);

    m_state = new QLabel(part);
    m_state->setObjectName(QStringLiteral("calibrationState"));
    m_state->setWordWrap(true);
    m_state->setStyleSheet(QStringLiteral("color: #9a6700"));
    layout->addWidget(m_state);

    auto* numbers = new QGridLayout;
    m_ece = numberLabel(part, "calibrationEce");
    m_mce = numberLabel(part, "calibrationMce");
    m_brier = numberLabel(part, "calibrationBrier");
    m_nll = numberLabel(part, "calibrationNll");
    m_brierCaption = new QLabel(tr("Brier"), part);
    auto* ece = new QLabel(tr("ECE"), part);
    ece->setToolTip(tr("Expected calibration error: sum over bins of count / N × |fraction "
                       "positive − mean predicted|, for the diagram shown"));
    auto* mce = new QLabel(tr("MCE"), part);
    mce->setToolTip(tr("Maximum calibration error: the largest |fraction positive − mean "
                       "predicted| over the bins of the diagram shown"));
    auto* nll = new QLabel(tr("NLL"), part);
    nll->setToolTip(tr("Negative log-likelihood of the labels (log loss), over every class"));
    numbers->addWidget(ece, 0, 0);
    numbers->addWidget(m_ece, 0, 1);
    numbers->addWidget(mce, 0, 2);
    numbers->addWidget(m_mce, 0, 3);
    numbers->addWidget(m_brierCaption, 1, 0);
    numbers->addWidget(m_brier, 1, 1);
    numbers->addWidget(nll, 1, 2);
    numbers->addWidget(m_nll, 1, 3);
    numbers->setColumnStretch(1, 1);
    numbers->setColumnStretch(3, 1);
    layout->addLayout(numbers);

    m_runsTable = new QTableWidget(0, 6, part);
    m_runsTable->setObjectName(QStringLiteral("calibrationRunsTable"));
    m_runsTable->setHorizontalHeaderLabels(
        {tr("Run"), tr("ECE"), tr("MCE"), tr("Brier"), tr("NLL"), tr("T")});
    m_runsTable->setToolTip(tr("Every run's calibration: ECE and MCE of the diagram shown, Brier "
                               "of its class (all classes for the top label), NLL, fitted T"));
    m_runsTable->verticalHeader()->hide();
    m_runsTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_runsTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_runsTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_runsTable->horizontalHeader()->setStretchLastSection(true);
    m_runsTable->hide();
    // A row picks its run.
    connect(m_runsTable, &QTableWidget::cellDoubleClicked, this,
        [this](int row, int) { showRun(row); });
    layout->addWidget(m_runsTable);
    return part;
}

void CalibrationDock::showRunsTable()
{
    const int runs = static_cast<int>(m_models.size());
    m_runsTable->setVisible(runs > 1);
    if (runs < 2) {
        m_runsTable->setRowCount(0);
        return;
    }
    m_runsTable->setRowCount(runs);
    // Tall enough for every run up to six, then it scrolls.
    const int rows = std::min(runs, 6);
    m_runsTable->setFixedHeight(m_runsTable->horizontalHeader()->height()
        + rows * m_runsTable->verticalHeader()->defaultSectionSize() + 2 * m_runsTable->frameWidth()
        + 2);
    const int c = shownClass();
    for (int r = 0; r < runs; ++r) {
        const auto results = m_models[static_cast<std::size_t>(r)].calibration->results();
        QString name = r < m_runs.count() ? m_runs.run(r).name : QString::number(r);
        if (results && results->previewTemperature)
            name += tr(" (T = %1 applied)").arg(formatNumber(*results->previewTemperature, 4));
        m_runsTable->setItem(r, 0, cell(name, Qt::AlignLeft));
        const bool valid
            = results && (c < 0 || c < static_cast<int>(results->report.perClass.size()));
        const CalibrationReport* report = valid ? &results->report : nullptr;
        const ReliabilityCurve* curve = !report ? nullptr
            : c < 0                             ? &report->topLabel
                    : &report->perClass[static_cast<std::size_t>(c)].curve;
        const auto text = [report](double value) {
            return report ? formatNumber(value) : QStringLiteral("—");
        };
        m_runsTable->setItem(r, 1, cell(text(curve ? curve->ece : 0.0)));
        m_runsTable->setItem(r, 2, cell(text(curve ? curve->mce : 0.0)));
        m_runsTable->setItem(r, 3,
            cell(text(!report ? 0.0
                    : c < 0   ? report->brier
                              : report->perClass[static_cast<std::size_t>(c)].brier)));
        m_runsTable->setItem(r, 4, cell(text(report ? report->nll : 0.0)));
        const std::optional<double> t = fittedTemperature(results.get());
        m_runsTable->setItem(r, 5, cell(t ? formatNumber(*t, 6) : QStringLiteral("—")));
        if (r == m_shownRun)
            for (int k = 0; k < m_runsTable->columnCount(); ++k) {
                QFont font = m_runsTable->item(r, k)->font();
                font.setBold(true);
                m_runsTable->item(r, k)->setFont(font);
            }
    }
}

QWidget* CalibrationDock::makeTemperaturePart()
{
    auto* box = new QGroupBox(tr("Temperature scaling"));
    box->setToolTip(tr("The T > 0 minimising the NLL of the scores divided by T (Guo et al. "
                       "2017), fitted on the open data; the file is not changed"));
    auto* grid = new QGridLayout(box);
    m_temperature = new QLabel(QStringLiteral("—"), box);
    m_temperature->setObjectName(QStringLiteral("temperatureValue"));
    m_temperature->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(m_temperature, 0, 0, 1, 3);
    grid->addWidget(new QLabel(tr("before (T = 1)"), box), 1, 1, Qt::AlignRight);
    grid->addWidget(new QLabel(tr("after"), box), 1, 2, Qt::AlignRight);
    const QString rows[] = {tr("NLL"), tr("ECE (top-label)"), tr("focal loss")};
    for (int r = 0; r < 3; ++r) {
        auto* caption = new QLabel(rows[r], box);
        if (r == 2)
            caption->setToolTip(tr("At the parameters' alpha and gamma (mean reduction)"));
        grid->addWidget(caption, r + 2, 0);
        for (int c = 0; c < 2; ++c) {
            m_temperatureCells[r][c] = numberLabel(box, "temperatureCell");
            grid->addWidget(m_temperatureCells[r][c], r + 2, c + 1);
        }
    }
    m_preview = new QCheckBox(tr("Apply T to every view (preview)"), box);
    m_preview->setObjectName(QStringLiteral("temperaturePreview"));
    m_preview->setToolTip(tr("Every view (loss, concentration, p_t, ROC, PR, DET, thresholds, "
                             "this diagram) computed on the scores divided by the fitted T; the "
                             "file is not changed. A new file turns it off."));
    m_preview->setEnabled(false);
    grid->addWidget(m_preview, 5, 0, 1, 3);
    m_previewNote = new QLabel(box);
    m_previewNote->setObjectName(QStringLiteral("temperaturePreviewNote"));
    m_previewNote->setWordWrap(true);
    m_previewNote->setStyleSheet(QStringLiteral("color: #9a6700; font-weight: bold"));
    m_previewNote->hide();
    grid->addWidget(m_previewNote, 6, 0, 1, 3);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);
    return box;
}

QWidget* CalibrationDock::makeBootstrapPart()
{
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* controls = new QHBoxLayout;
    m_replicates = new QSpinBox(box);
    m_replicates->setObjectName(QStringLiteral("bootstrapReplicates"));
    m_replicates->setRange(10, kMaxReplicates);
    m_replicates->setValue(kDefaultBootstrapReplicates);
    m_replicates->setToolTip(tr("B, the number of replicates"));
    m_seed = new QSpinBox(box);
    m_seed->setObjectName(QStringLiteral("bootstrapSeed"));
    m_seed->setRange(0, INT_MAX);
    m_seed->setValue(static_cast<int>(kDefaultBootstrapSeed));
    m_seed->setToolTip(tr("The same seed gives the same intervals, whatever the thread count"));
    m_run = new QPushButton(tr("Run"), box);
    m_run->setObjectName(QStringLiteral("bootstrapRun"));
    m_cancel = new QPushButton(tr("Cancel"), box);
    m_cancel->setObjectName(QStringLiteral("bootstrapCancel"));
    controls->addWidget(new QLabel(tr("B"), box));
    controls->addWidget(m_replicates, 1);
    controls->addWidget(new QLabel(tr("seed"), box));
    controls->addWidget(m_seed, 1);
    layout->addLayout(controls);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_run);
    actions->addWidget(m_cancel);
    m_progress = new QProgressBar(box);
    m_progress->setObjectName(QStringLiteral("bootstrapProgress"));
    m_progress->setRange(0, 100);
    actions->addWidget(m_progress, 100);
    actions->addStretch(1);
    layout->addLayout(actions);
    m_method = new QLabel(box);
    m_method->setObjectName(QStringLiteral("bootstrapMethod"));
    m_method->setWordWrap(true);
    layout->addWidget(m_method);

    m_bootstrapTable = new QTableWidget(0, 5, box);
    m_bootstrapTable->setObjectName(QStringLiteral("bootstrapTable"));
    m_bootstrapTable->setHorizontalHeaderLabels(
        {tr("Class"), tr("AUROC"), tr("95% CI"), tr("AP"), tr("95% CI")});
    m_bootstrapTable->verticalHeader()->hide();
    m_bootstrapTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_bootstrapTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_bootstrapTable->horizontalHeader()->setStretchLastSection(true);
    m_bootstrapTable->setMinimumHeight(110);
    layout->addWidget(m_bootstrapTable, 1);
    return box;
}

QLabel* CalibrationDock::temperatureCell(int row, int column) const
{
    if (row < 0 || row >= 3 || column < 0 || column >= 2)
        return nullptr;
    return m_temperatureCells[row][column];
}

int CalibrationDock::shownClass() const
{
    const int index = m_classBox->currentIndex();
    return index < 0 || index == m_classBox->count() - 1 ? kTopLabelEntry : index;
}

QStringList CalibrationDock::classEntries() const
{
    const QStringList names = m_session->targetNames();
    const Predictions* predictions = m_session->predictions();
    QStringList entries;
    if (predictions && predictions->isBinary())
        entries << tr("%1 (positive class)").arg(names.value(1, QStringLiteral("1")));
    else
        for (const QString& name : names)
            entries << tr("%1 vs rest").arg(name);
    entries << tr("top-label (confidence vs accuracy)");
    return entries;
}

QStringList CalibrationDock::shownEntries() const
{
    QStringList shown;
    for (int i = 0; i < m_classBox->count(); ++i)
        shown << m_classBox->itemText(i);
    return shown;
}

void CalibrationDock::refillClasses()
{
    if (!m_session)
        return; // between a run's removal and syncRuns: no run shown
    const Predictions* predictions = m_session->predictions();
    const QStringList entries = classEntries();
    {
        const QSignalBlocker blocker(m_classBox);
        m_classBox->clear();
        m_classBox->addItems(entries);
        // A binary task's diagram is its positive class's; a multiclass task's, the top label's.
        m_classBox->setCurrentIndex(
            predictions && predictions->isBinary() ? 0 : entries.size() - 1);
    }
    m_view->resetZoom();
    showResults();
}

void CalibrationDock::showResults()
{
    if (!m_session)
        return; // between a run's removal and syncRuns: no run shown
    showRunsTable();
    const auto results = m_calibration->results();
    const int c = shownClass();
    if (!results || (c >= 0 && c >= static_cast<int>(results->report.perClass.size()))) {
        m_view->setSpec(PlotSpec {});
        for (QLabel* label : {m_ece, m_mce, m_brier, m_nll, m_temperature})
            label->setText(QStringLiteral("—"));
        for (auto& row : m_temperatureCells)
            for (QLabel* label : row)
                label->setText(QStringLiteral("—"));
        m_state->setText(!m_session->hasData() ? tr("No data open.")
                : m_session->isSummary()
                ? tr("Calibration needs the rows; a summary has only binned counts.")
                : !m_calibration->lastError().isEmpty()
                ? tr("Cannot compute: %1").arg(m_calibration->lastError())
                : tr("Computing…"));
        m_state->setVisible(true);
        showPreview();
        return;
    }
    const CalibrationReport& report = results->report;
    const bool topLabel = c == kTopLabelEntry;
    const ReliabilityCurve& curve
        = topLabel ? report.topLabel : report.perClass[static_cast<std::size_t>(c)].curve;
    // The picked run's diagram, with every other visible run's curve when runs are open.
    std::vector<ReliabilityRun> runs {{&report,
        RunStyle {
            m_runs.run(m_shownRun).name, m_runs.run(m_shownRun).color, m_runs.run(m_shownRun).line},
        results->previewTemperature}};
    std::vector<std::shared_ptr<const CalibrationResults>> held; // keeps the others' reports
    for (const int r : m_runs.visibleRuns()) {
        const auto other = r == m_shownRun || r >= static_cast<int>(m_models.size())
            ? nullptr
            : m_models[static_cast<std::size_t>(r)].calibration->results();
        if (!other)
            continue;
        held.push_back(other);
        const Run& run = m_runs.run(r);
        runs.push_back(
            {&other->report, RunStyle {run.name, run.color, run.line}, other->previewTemperature});
    }
    m_view->setSpec(
        reliabilityRunsPlot(runs, topLabel ? kReliabilityTopLabel : c, m_session->targetNames()));

    m_ece->setText(formatNumber(curve.ece));
    m_mce->setText(formatNumber(curve.mce));
    m_brierCaption->setText(topLabel ? tr("Brier (all classes)") : tr("Brier (this class)"));
    m_brier->setText(
        formatNumber(topLabel ? report.brier : report.perClass[static_cast<std::size_t>(c)].brier));
    m_nll->setText(formatNumber(report.nll));

    if (report.hasTemperature) {
        const TemperatureSummary& t = report.temperature;
        m_temperature->setText(tr("T = %1%2")
                                   .arg(formatNumber(t.fit.temperature, 6),
                                       t.fit.atBound ? tr(" (at the search bound)") : QString()));
        const double values[3][2] = {{t.fit.nllBefore, t.fit.nllAfter}, {t.eceBefore, t.eceAfter},
            {t.focalLossBefore, t.focalLossAfter}};
        for (int r = 0; r < 3; ++r)
            for (int k = 0; k < 2; ++k)
                m_temperatureCells[r][k]->setText(formatNumber(values[r][k]));
    }
    // Recomputations (a slider moved) keep the numbers shown until the new ones arrive; a
    // failure says so above the numbers it leaves in place.
    const QString error = m_calibration->lastError();
    m_state->setText(error.isEmpty() ? QString() : tr("Cannot compute: %1").arg(error));
    m_state->setVisible(!error.isEmpty());

    // A preview applies the latest fit (a new loss mode fits another T).
    const std::optional<double> fitted = fittedTemperature(results.get());
    if (m_session->temperaturePreview() && fitted && m_session->temperaturePreview() != fitted)
        m_session->setTemperaturePreview(fitted);
    showPreview();
}

void CalibrationDock::onPreviewToggled(bool checked)
{
    if (!m_session)
        return; // between a run's removal and syncRuns: no run shown
    m_session->setTemperaturePreview(
        checked ? fittedTemperature(m_calibration->results().get()) : std::nullopt);
    showPreview();
}

void CalibrationDock::showPreview()
{
    if (!m_session)
        return; // between a run's removal and syncRuns: no run shown
    const std::optional<double> requested = m_session->temperaturePreview();
    const std::optional<double> applied = m_session->appliedTemperature();
    {
        const QSignalBlocker blocker(m_preview);
        m_preview->setChecked(requested.has_value());
    }
    m_preview->setEnabled(
        requested.has_value() || fittedTemperature(m_calibration->results().get()).has_value());
    if (applied && applied == requested)
        m_previewNote->setText(tr("Preview on: every view shows the scores divided by T = %1; "
                                  "the file is unchanged.")
                                   .arg(formatNumber(*applied, 6)));
    else if (requested)
        m_previewNote->setText(
            tr("Applying T = %1 to every view…").arg(formatNumber(*requested, 6)));
    m_previewNote->setVisible(requested.has_value());
}

void CalibrationDock::restoreSettings(const QSettings& settings)
{
    m_binsSpin->setValue(settings::calibrationBins.read(settings));
    const QString strategy = settings::calibrationStrategy.read(settings);
    m_strategyBox->setCurrentIndex(
        strategy == QLatin1String(binStrategyName(BinStrategy::Quantile)) ? 1 : 0);
    m_replicates->setValue(settings::bootstrapReplicates.read(settings));
    m_seed->setValue(settings::bootstrapSeed.read(settings));
}

void CalibrationDock::saveSettings(QSettings& settings) const
{
    settings::calibrationBins.write(settings, m_binsSpin->value());
    settings::calibrationStrategy.write(settings,
        QLatin1String(binStrategyName(
            m_strategyBox->currentIndex() == 1 ? BinStrategy::Quantile : BinStrategy::Uniform)));
    settings::bootstrapReplicates.write(settings, m_replicates->value());
    settings::bootstrapSeed.write(settings, m_seed->value());
}

void CalibrationDock::showBootstrap()
{
    if (!m_session)
        return; // between a run's removal and syncRuns: no run shown
    const auto results = m_bootstrap->results();
    m_bootstrapTable->setRowCount(0);
    if (!results) {
        m_method->setText(m_session->isSummary()
                ? tr("The bootstrap needs the rows; a summary has only binned counts (its AUROC "
                     "carries DeLong's interval and the exact binning interval).")
                : m_session->hasData()
                ? tr("Not run: %1 bootstrap (positives and negatives resampled separately), "
                     "95% percentile intervals of AUROC and AP per class.")
                      .arg(QLatin1String(kBootstrapMethod))
                : QString());
        return;
    }
    const BootstrapReport& report = results->report;
    m_method->setText(tr("%1, B = %2, seed %3 (%4% intervals)")
                          .arg(QLatin1String(report.method))
                          .arg(report.options.replicates)
                          .arg(report.options.seed)
                          .arg(report.options.level * 100.0, 0, 'g', 4));
    m_bootstrapTable->setRowCount(static_cast<int>(report.classes.size()));
    for (int r = 0; r < m_bootstrapTable->rowCount(); ++r) {
        const BootstrapResult& c = report.classes[static_cast<std::size_t>(r)];
        m_bootstrapTable->setItem(
            r, 0, cell(results->classNames.value(r, QString::number(r)), Qt::AlignLeft));
        m_bootstrapTable->setItem(r, 1, cell(formatNumber(c.auroc)));
        m_bootstrapTable->setItem(r, 2, cell(interval(c.aurocCi)));
        m_bootstrapTable->setItem(r, 3, cell(formatNumber(c.averagePrecision)));
        m_bootstrapTable->setItem(r, 4, cell(interval(c.averagePrecisionCi)));
    }
}

void CalibrationDock::updateBootstrapControls()
{
    if (!m_session)
        return; // between a run's removal and syncRuns: no run shown
    const bool running = m_bootstrap->isRunning();
    m_run->setEnabled(!running && m_session->hasData() && !m_session->isSummary());
    m_cancel->setEnabled(running);
    m_progress->setVisible(running);
    if (running)
        m_progress->setValue(static_cast<int>(m_bootstrap->progress() * 100.0));
    if (!running && !m_bootstrap->results()) {
        showBootstrap();
        if (m_bootstrap->lastRunCancelled())
            m_method->setText(tr("Cancelled: no intervals."));
    }
}

} // namespace focalscope
