#include "views/calibration_dock.h"

#include "charts/reliability_plot.h"
#include "model/bootstrap_model.h"
#include "model/calibration_model.h"
#include "model/dataset_session.h"
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

CalibrationDock::CalibrationDock(
    DatasetSession& session, ParameterModel& parameters, QWidget* parent)
    : QDockWidget(tr("Calibration"), parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("calibrationDock"));
    m_calibration = new CalibrationModel(session, parameters, this);
    m_bootstrap = new BootstrapModel(session, this);
    // Calibrated only while shown (a tab behind another dock is not).
    m_calibration->setActive(false);
    connect(this, &QDockWidget::visibilityChanged, m_calibration, &CalibrationModel::setActive);

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
    auto* pages = new QTabWidget(this);
    pages->setObjectName(QStringLiteral("calibrationPages"));
    pages->setDocumentMode(true);
    pages->addTab(page({makeCalibrationPart(), makeTemperaturePart()}), tr("Reliability"));
    pages->addTab(page({makeBootstrapPart()}), tr("Bootstrap"));
    setWidget(pages);

    connect(&m_session, &DatasetSession::datasetChanged, this, &CalibrationDock::refillClasses);
    connect(m_calibration, &CalibrationModel::resultsChanged, this, &CalibrationDock::showResults);
    connect(m_preview, &QCheckBox::toggled, this, &CalibrationDock::onPreviewToggled);
    connect(&m_session, &DatasetSession::temperaturePreviewChanged, this,
        &CalibrationDock::showPreview);
    connect(&m_session, &DatasetSession::kindChanged, this, &CalibrationDock::showPreview);
    connect(
        m_calibration, &CalibrationModel::computationFailed, this, &CalibrationDock::showResults);
    connect(m_classBox, &QComboBox::currentIndexChanged, this, [this] {
        showResults();
        m_view->resetZoom();
    });
    connect(m_binsSpin, &QSpinBox::valueChanged, m_calibration, &CalibrationModel::setBins);
    connect(m_strategyBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_calibration->setStrategy(index == 0 ? BinStrategy::Uniform : BinStrategy::Quantile);
    });

    connect(m_run, &QPushButton::clicked, this, [this] {
        m_bootstrap->run(m_replicates->value(), static_cast<std::uint64_t>(m_seed->value()));
    });
    connect(m_cancel, &QPushButton::clicked, m_bootstrap, &BootstrapModel::cancel);
    connect(m_bootstrap, &BootstrapModel::runningChanged, this,
        &CalibrationDock::updateBootstrapControls);
    connect(m_bootstrap, &BootstrapModel::progressChanged, this,
        [this](double fraction) { m_progress->setValue(static_cast<int>(fraction * 100.0)); });
    connect(m_bootstrap, &BootstrapModel::resultsChanged, this, &CalibrationDock::showBootstrap);
    connect(m_bootstrap, &BootstrapModel::failed, this, [this](const QString& message) {
        m_method->setText(tr("The bootstrap failed: %1").arg(message));
    });
    connect(m_bootstrap, &BootstrapModel::bandsChanged, this, &CalibrationDock::bootstrapBandReady);
    connect(&m_session, &DatasetSession::datasetChanged, this,
        &CalibrationDock::updateBootstrapControls);

    refillClasses();
    showResults();
    showBootstrap();
    updateBootstrapControls();
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
    return part;
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

void CalibrationDock::refillClasses()
{
    const QStringList names = m_session.targetNames();
    const Predictions* predictions = m_session.predictions();
    QStringList entries;
    if (predictions && predictions->isBinary())
        entries << tr("%1 (positive class)").arg(names.value(1, QStringLiteral("1")));
    else
        for (const QString& name : names)
            entries << tr("%1 vs rest").arg(name);
    entries << tr("top-label (confidence vs accuracy)");
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
    const auto results = m_calibration->results();
    const int c = shownClass();
    if (!results || (c >= 0 && c >= static_cast<int>(results->report.perClass.size()))) {
        m_view->setSpec(PlotSpec {});
        for (QLabel* label : {m_ece, m_mce, m_brier, m_nll, m_temperature})
            label->setText(QStringLiteral("—"));
        for (auto& row : m_temperatureCells)
            for (QLabel* label : row)
                label->setText(QStringLiteral("—"));
        m_state->setText(!m_session.hasData() ? tr("No data open.")
                : m_session.isSummary()
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
    m_view->setSpec(reliabilityPlot(report, topLabel ? kReliabilityTopLabel : c,
        m_session.targetNames(), results->previewTemperature));

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
    if (m_session.temperaturePreview() && fitted && m_session.temperaturePreview() != fitted)
        m_session.setTemperaturePreview(fitted);
    showPreview();
}

void CalibrationDock::onPreviewToggled(bool checked)
{
    m_session.setTemperaturePreview(
        checked ? fittedTemperature(m_calibration->results().get()) : std::nullopt);
    showPreview();
}

void CalibrationDock::showPreview()
{
    const std::optional<double> requested = m_session.temperaturePreview();
    const std::optional<double> applied = m_session.appliedTemperature();
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
    const auto results = m_bootstrap->results();
    m_bootstrapTable->setRowCount(0);
    if (!results) {
        m_method->setText(m_session.isSummary()
                ? tr("The bootstrap needs the rows; a summary has only binned counts (its AUROC "
                     "carries DeLong's interval and the exact binning interval).")
                : m_session.hasData()
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
    const bool running = m_bootstrap->isRunning();
    m_run->setEnabled(!running && m_session.hasData() && !m_session.isSummary());
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
