#include "views/comparison_panel.h"

#include "model/comparison_model.h"
#include "model/run_set.h"
#include "roc/bootstrap.h"
#include "views/number_format.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace focalscope {

namespace {

QTableWidgetItem* cell(
    const QString& text, Qt::Alignment alignment = Qt::AlignRight | Qt::AlignVCenter)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    item->setTextAlignment(alignment);
    return item;
}

// A p value as people quote it: 3 significant digits, "< 1e-16" below what a double resolves.
QString formatP(double p)
{
    if (std::isfinite(p) && p < 1e-16)
        return QStringLiteral("< 1e-16");
    return formatNumber(p, 3);
}

QTableWidget* makeTable(QWidget* parent, const QString& name, const QStringList& headers)
{
    auto* table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    table->setObjectName(name);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    return table;
}

} // namespace

ComparisonPanel::ComparisonPanel(RunSet& runs, ComparisonModel& model, QWidget* parent)
    : QWidget(parent)
    , m_runs(runs)
    , m_model(model)
{
    setObjectName(QStringLiteral("comparisonPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Class:"), this));
    m_classBox = new QComboBox(this);
    m_classBox->setObjectName(QStringLiteral("comparisonClassBox"));
    controls->addWidget(m_classBox, 1);
    m_unpaired = new QCheckBox(tr("Unpaired"), this);
    m_unpaired->setObjectName(QStringLiteral("unpairedBox"));
    m_unpaired->setToolTip(tr("Compare as runs on different test sets (unpaired DeLong), even "
                              "when their rows and labels agree"));
    controls->addWidget(m_unpaired);
    layout->addLayout(controls);
    auto* bootstrap = new QHBoxLayout;
    m_bootstrap = new QCheckBox(tr("Bootstrap Δ"), this);
    m_bootstrap->setObjectName(QStringLiteral("bootstrapDeltaBox"));
    m_bootstrap->setToolTip(tr("The stratified percentile 95% interval of each paired delta: "
                               "every replicate resamples the shared rows once for both runs"));
    m_replicates = new QSpinBox(this);
    m_replicates->setRange(100, 100000);
    m_replicates->setSingleStep(500);
    m_replicates->setValue(kDefaultBootstrapReplicates);
    m_replicates->setPrefix(tr("B = "));
    m_seed = new QSpinBox(this);
    m_seed->setRange(0, 1000000);
    m_seed->setPrefix(tr("seed "));
    bootstrap->addWidget(m_bootstrap);
    bootstrap->addWidget(m_replicates);
    bootstrap->addWidget(m_seed);
    bootstrap->addStretch(1);
    layout->addLayout(bootstrap);

    m_sentence = new QLabel(this);
    m_sentence->setObjectName(QStringLiteral("comparisonSentence"));
    m_sentence->setWordWrap(true);
    m_sentence->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_sentence->font();
    bold.setBold(true);
    m_sentence->setFont(bold);
    layout->addWidget(m_sentence);

    m_table = makeTable(this, QStringLiteral("comparisonTable"),
        {tr("Class"), tr("Run 1"), tr("Run 2"), tr("Δ AUROC [95% CI]"), tr("z"), tr("p"),
            tr("Holm p"), tr("Bootstrap Δ CI"), tr("Test")});
    m_table->horizontalHeaderItem(HolmColumn)
        ->setToolTip(tr("Holm-adjusted over every comparison in the table"));
    layout->addWidget(m_table, 2);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("comparisonStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    m_foldPart = new QWidget(this);
    auto* foldLayout = new QVBoxLayout(m_foldPart);
    foldLayout->setContentsMargins(0, 0, 0, 0);
    auto* foldControls = new QHBoxLayout;
    foldControls->addWidget(new QLabel(tr("Folds — band on ROC:"), m_foldPart));
    m_foldBand = new QComboBox(m_foldPart);
    m_foldBand->setObjectName(QStringLiteral("foldBandBox"));
    m_foldBand->addItem(tr("± 1 sd"), static_cast<int>(FoldBand::StandardDeviation));
    m_foldBand->addItem(tr("2.5–97.5% range"), static_cast<int>(FoldBand::Range));
    foldControls->addWidget(m_foldBand, 1);
    foldLayout->addLayout(foldControls);
    m_foldTable = makeTable(m_foldPart, QStringLiteral("foldTable"),
        {tr("Class"), tr("Folds"), tr("AUROC mean ± sd"), tr("Pooled AUROC")});
    foldLayout->addWidget(m_foldTable);
    layout->addWidget(m_foldPart, 1);

    connect(m_unpaired, &QCheckBox::toggled, &m_model, &ComparisonModel::setUnpaired);
    connect(m_bootstrap, &QCheckBox::toggled, this, &ComparisonPanel::applyBootstrap);
    connect(m_replicates, &QSpinBox::editingFinished, this, &ComparisonPanel::applyBootstrap);
    connect(m_seed, &QSpinBox::editingFinished, this, &ComparisonPanel::applyBootstrap);
    connect(m_classBox, &QComboBox::currentIndexChanged, this, [this] {
        // The first comparison of the chosen class.
        const auto result = m_model.result();
        const QString name = m_classBox->currentText();
        if (result)
            for (std::size_t k = 0; k < result->comparisons.size(); ++k)
                if (QString::fromStdString(result->comparisons[k].className) == name) {
                    m_table->selectRow(static_cast<int>(k));
                    break;
                }
        showSentence();
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ComparisonPanel::showSentence);
    connect(m_foldBand, &QComboBox::currentIndexChanged, this,
        [this] { emit foldBandChanged(foldBand()); });
    connect(&m_model, &ComparisonModel::resultChanged, this, &ComparisonPanel::refresh);
    connect(&m_runs, &RunSet::runChanged, this, &ComparisonPanel::refreshNames);
    refresh();
}

void ComparisonPanel::applyBootstrap()
{
    const bool on = m_bootstrap->isChecked();
    m_model.setBootstrap(
        on ? m_replicates->value() : 0, static_cast<std::uint64_t>(m_seed->value()));
    if (on && m_model.isBusy())
        m_status->setText(
            tr("Bootstrapping the paired deltas (B = %1)…").arg(m_replicates->value()));
}

FoldBand ComparisonPanel::foldBand() const
{
    return static_cast<FoldBand>(m_foldBand->currentData().toInt());
}

void ComparisonPanel::refresh()
{
    const auto result = m_model.result();
    const QString chosenClass = m_classBox->currentText();
    {
        const QSignalBlocker blockTable(m_table);
        const QSignalBlocker blockClasses(m_classBox);
        m_table->setRowCount(0);
        m_classBox->clear();
        if (result) {
            QStringList classes;
            m_table->setRowCount(static_cast<int>(result->comparisons.size()));
            for (std::size_t k = 0; k < result->comparisons.size(); ++k) {
                const RunComparison& c = result->comparisons[k];
                const int row = static_cast<int>(k);
                const QString name = QString::fromStdString(c.className);
                if (!classes.contains(name))
                    classes.append(name);
                m_table->setItem(row, ClassColumn, cell(name, Qt::AlignLeft | Qt::AlignVCenter));
                m_table->setItem(row, FirstRunColumn, cell(formatNumber(c.aucA)));
                m_table->setItem(row, SecondRunColumn, cell(formatNumber(c.aucB)));
                QString delta = formatNumber(c.delta, 3);
                if (std::isfinite(c.ciLower))
                    delta += QStringLiteral(" [%1, %2]")
                                 .arg(formatNumber(c.ciLower, 3), formatNumber(c.ciUpper, 3));
                m_table->setItem(row, DeltaColumn, cell(delta));
                m_table->setItem(row, ZColumn, cell(formatNumber(c.z, 4)));
                m_table->setItem(row, PColumn, cell(formatP(c.p)));
                m_table->setItem(row, HolmColumn, cell(formatP(c.pHolm)));
                m_table->setItem(row, BootstrapColumn,
                    cell(c.bootstrapReplicates > 0 ? QStringLiteral("[%1, %2]")
                                                         .arg(formatNumber(c.bootstrapLower, 3),
                                                             formatNumber(c.bootstrapUpper, 3))
                                                   : QStringLiteral("—")));
                auto* test = cell(
                    c.paired ? tr("paired") : tr("unpaired"), Qt::AlignLeft | Qt::AlignVCenter);
                if (!c.reason.empty())
                    test->setToolTip(tr("Unpaired: %1").arg(QString::fromStdString(c.reason)));
                m_table->setItem(row, PairedColumn, test);
                for (int column = 0; column < ColumnCount; ++column)
                    m_table->item(row, column)->setData(Qt::UserRole, static_cast<int>(k));
            }
            m_classBox->addItems(classes);
            const int chosen = m_classBox->findText(chosenClass);
            m_classBox->setCurrentIndex(chosen >= 0 ? chosen : 0);
        }
    }
    refreshNames();

    const int models = result ? static_cast<int>(result->modelRuns.size()) : 0;
    if (result && !result->error.isEmpty())
        m_status->setText(result->error);
    else if (models < 2 && result && !result->folds.empty())
        m_status->setText(tr("The runs are folds of one model: averaged below and on ROC, not "
                             "compared. Mark runs as models in the Runs dock to compare them."));
    else if (models < 2)
        m_status->setText(tr("Add a run (File > Add Run) to compare models: each pair of runs is "
                             "compared per class with DeLong's test."));
    else
        m_status->setText(tr("%1 comparisons of %2 runs; p two-sided, Holm over the table.")
                              .arg(result->comparisons.size())
                              .arg(models));

    const QSignalBlocker blockFolds(m_foldTable);
    m_foldTable->setRowCount(0);
    const bool folds = result && !result->folds.empty();
    m_foldPart->setVisible(folds);
    if (folds) {
        m_foldTable->setRowCount(static_cast<int>(result->folds.size()));
        for (std::size_t k = 0; k < result->folds.size(); ++k) {
            const FoldClassSummary& f = result->folds[k];
            const int row = static_cast<int>(k);
            m_foldTable->setItem(row, FoldClassColumn,
                cell(QString::fromStdString(f.className), Qt::AlignLeft | Qt::AlignVCenter));
            m_foldTable->setItem(row, FoldCountColumn, cell(QString::number(f.aurocs.size())));
            m_foldTable->setItem(row, FoldMeanColumn,
                cell(QStringLiteral("%1 ± %2").arg(
                    formatNumber(f.aurocMean), formatNumber(f.aurocSd))));
            m_foldTable->setItem(row, FoldPooledColumn, cell(formatNumber(f.pooledAuroc)));
        }
    }
    showSentence();
}

void ComparisonPanel::refreshNames()
{
    const auto result = m_model.result();
    if (!result)
        return;
    const auto runName = [this, &result](int index) {
        const int run = result->modelRuns.value(index, -1);
        return run >= 0 && run < m_runs.count() ? m_runs.run(run).name : QString();
    };
    for (std::size_t k = 0;
         k < result->comparisons.size() && static_cast<int>(k) < m_table->rowCount(); ++k) {
        const RunComparison& c = result->comparisons[k];
        const int row = static_cast<int>(k);
        m_table->item(row, FirstRunColumn)
            ->setText(QStringLiteral("%1: %2").arg(runName(c.a), formatNumber(c.aucA)));
        m_table->item(row, SecondRunColumn)
            ->setText(QStringLiteral("%1: %2").arg(runName(c.b), formatNumber(c.aucB)));
    }
    showSentence();
}

QString ComparisonPanel::sentenceFor(std::size_t comparison) const
{
    const auto result = m_model.result();
    if (!result || comparison >= result->comparisons.size())
        return {};
    const RunComparison& c = result->comparisons[comparison];
    const auto runName = [this, &result](int index) {
        const int run = result->modelRuns.value(index, -1);
        return run >= 0 && run < m_runs.count() ? m_runs.run(run).name : QString();
    };
    const QString className = QString::fromStdString(c.className);
    if (!std::isfinite(c.delta))
        return tr("%1: the AUROC of %2 or %3 is undefined (a class needs 2 positives and 2 "
                  "negatives).")
            .arg(className, runName(c.a), runName(c.b));
    // Told from the higher run's side: B is higher than A by |delta| [CI of |delta|].
    const bool firstHigher = c.delta >= 0.0;
    const QString higher = runName(firstHigher ? c.a : c.b);
    const QString lower = runName(firstHigher ? c.b : c.a);
    const double sign = firstHigher ? 1.0 : -1.0;
    const double lo = firstHigher ? c.ciLower : -c.ciUpper;
    const double hi = firstHigher ? c.ciUpper : -c.ciLower;
    const QString test = c.paired ? tr("paired DeLong") : tr("unpaired DeLong");
    QString text
        = tr("%1: %2 is higher than %3 by %4 [%5, %6], p = %7, Holm %8 (%9)")
              .arg(className, higher, lower, formatNumber(sign * c.delta, 3), formatNumber(lo, 3),
                  formatNumber(hi, 3), formatP(c.p), formatP(c.pHolm), test);
    if (!(c.pHolm < 0.05))
        text += tr("; not significant at 5% after Holm");
    if (c.bootstrapReplicates > 0) {
        const double bLo = firstHigher ? c.bootstrapLower : -c.bootstrapUpper;
        const double bHi = firstHigher ? c.bootstrapUpper : -c.bootstrapLower;
        text += tr("; bootstrap [%1, %2] (stratified percentile, B = %3)")
                    .arg(formatNumber(bLo, 3), formatNumber(bHi, 3))
                    .arg(c.bootstrapReplicates);
    }
    return text + QStringLiteral(".");
}

void ComparisonPanel::showSentence()
{
    const auto result = m_model.result();
    if (!result || result->comparisons.empty()) {
        m_sentence->clear();
        m_sentence->setVisible(false);
        return;
    }
    const QList<QTableWidgetItem*> selected = m_table->selectedItems();
    std::size_t k = 0;
    if (!selected.isEmpty()) {
        k = static_cast<std::size_t>(selected.front()->data(Qt::UserRole).toInt());
    } else {
        const QString name = m_classBox->currentText();
        for (std::size_t i = 0; i < result->comparisons.size(); ++i)
            if (QString::fromStdString(result->comparisons[i].className) == name) {
                k = i;
                break;
            }
    }
    m_sentence->setText(sentenceFor(k));
    m_sentence->setVisible(true);
}

} // namespace focalscope
