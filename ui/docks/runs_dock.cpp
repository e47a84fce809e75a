#include "docks/runs_dock.h"

#include "docks/colour_swatch.h"
#include "model/dataset_session.h"
#include "model/run_set.h"
#include "views/number_format.h"

#include <QColorDialog>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

#include <array>
#include <cmath>

namespace focalscope {

namespace {

constexpr std::array kLines {PlotSeries::Style::Line, PlotSeries::Style::Dashed,
    PlotSeries::Style::Dotted, PlotSeries::Style::DashDot, PlotSeries::Style::DashDotDot};

QString lineName(PlotSeries::Style line)
{
    switch (line) {
    case PlotSeries::Style::Dashed:
        return QObject::tr("dashed");
    case PlotSeries::Style::Dotted:
        return QObject::tr("dotted");
    case PlotSeries::Style::DashDot:
        return QObject::tr("dash-dot");
    case PlotSeries::Style::DashDotDot:
        return QObject::tr("dash-dot-dot");
    default:
        return QObject::tr("solid");
    }
}

QTableWidgetItem* readOnly(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

// "0.873 [0.85, 0.89]", or the value alone without an interval.
QString withInterval(double value, double lower, double upper)
{
    QString text = formatNumber(value);
    if (std::isfinite(lower) && std::isfinite(upper))
        text += QStringLiteral(" [%1, %2]").arg(formatNumber(lower), formatNumber(upper));
    return text;
}

} // namespace

RunsDock::RunsDock(RunSet& runs, QWidget* parent)
    : QDockWidget(tr("Runs"), parent)
    , m_runs(runs)
    , m_pickColor([this](const QColor& initial, const QString& title) {
        return QColorDialog::getColor(initial, this, title);
    })
{
    setObjectName(QStringLiteral("runsDock"));
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    m_table = new QTableWidget(0, ColumnCount, body);
    m_table->setObjectName(QStringLiteral("runsTable"));
    m_table->setHorizontalHeaderLabels({QString(), tr("Run"), tr("Line"), tr("Role"), tr("Rows"),
        tr("Focal loss"), tr("AUROC [95% CI]"), tr("AP")});
    m_table->horizontalHeaderItem(AurocColumn)
        ->setToolTip(tr("A binary task's AUROC with its DeLong interval; a multiclass task's "
                        "macro AUROC"));
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(ColorColumn, QHeaderView::Fixed);
    m_table->horizontalHeader()->resizeSection(ColorColumn, 28);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    layout->addWidget(m_table, 1);

    auto* buttons = new QHBoxLayout;
    m_add = new QPushButton(tr("Add Run…"), body);
    m_add->setObjectName(QStringLiteral("addRunButton"));
    m_add->setToolTip(tr("Open another prediction file beside the open one (another model, "
                         "epoch or fold); a .npy file of scores takes run A's labels"));
    m_remove = new QPushButton(tr("Remove"), body);
    m_remove->setObjectName(QStringLiteral("removeRunButton"));
    m_status = new QLabel(body);
    m_status->setObjectName(QStringLiteral("runsStatus"));
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_status, 1);
    layout->addLayout(buttons);
    setWidget(body);

    connect(m_add, &QPushButton::clicked, this, &RunsDock::addRunRequested);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row >= 1)
            m_runs.removeRun(row);
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
        [this] { m_remove->setEnabled(m_table->currentRow() >= 1); });
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        if (item->column() != NameColumn)
            return;
        m_runs.setVisible(item->row(), item->checkState() == Qt::Checked);
        m_runs.setName(item->row(), item->text());
    });
    connect(m_table, &QTableWidget::cellClicked, this, [this](int row, int column) {
        if (column == ColorColumn)
            chooseColor(row);
    });
    connect(&m_runs, &RunSet::runsChanged, this, &RunsDock::rebuild);
    connect(&m_runs, &RunSet::runChanged, this, &RunsDock::refreshRun);
    connect(&m_runs, &RunSet::resultsChanged, this, &RunsDock::refreshNumbers);
    connect(&m_runs, &RunSet::loadingChanged, this,
        [this](bool loading) { m_status->setText(loading ? tr("Reading a run…") : QString()); });
    rebuild();
}

void RunsDock::rebuild()
{
    {
        const QSignalBlocker blocker(m_table);
        m_table->setRowCount(m_runs.count());
        for (int r = 0; r < m_runs.count(); ++r) {
            auto* swatch = new QTableWidgetItem;
            swatch->setFlags(Qt::ItemIsEnabled);
            m_table->setItem(r, ColorColumn, swatch);
            auto* name = new QTableWidgetItem;
            name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsEditable
                | Qt::ItemIsSelectable);
            m_table->setItem(r, NameColumn, name);

            auto* line = new QComboBox(m_table);
            for (PlotSeries::Style style : kLines)
                line->addItem(lineName(style), static_cast<int>(style));
            connect(line, &QComboBox::activated, this, [this, line, r] {
                m_runs.setLine(r, static_cast<PlotSeries::Style>(line->currentData().toInt()));
            });
            m_table->setCellWidget(r, LineColumn, line);
            auto* role = new QComboBox(m_table);
            role->addItem(tr("model"), static_cast<int>(RunRole::Model));
            role->addItem(tr("fold"), static_cast<int>(RunRole::Fold));
            role->setToolTip(tr("Models on the same rows are compared (paired DeLong); folds, each "
                                "on its own rows, are averaged"));
            connect(role, &QComboBox::activated, this, [this, role, r] {
                m_runs.setRole(r, static_cast<RunRole>(role->currentData().toInt()));
            });
            m_table->setCellWidget(r, RoleColumn, role);
            for (int column = RowsColumn; column < ColumnCount; ++column)
                m_table->setItem(r, column, readOnly(QStringLiteral("…")));
        }
    }
    for (int r = 0; r < m_runs.count(); ++r) {
        refreshRun(r);
        refreshNumbers(r);
    }
    m_remove->setEnabled(m_table->currentRow() >= 1);
}

void RunsDock::refreshRun(int run)
{
    if (run < 0 || run >= m_table->rowCount())
        return;
    const QSignalBlocker blocker(m_table);
    const Run& r = m_runs.run(run);
    m_table->item(run, ColorColumn)->setIcon(colourSwatch(r.color));
    m_table->item(run, ColorColumn)->setToolTip(tr("Click to change the colour of %1").arg(r.name));
    QTableWidgetItem* name = m_table->item(run, NameColumn);
    name->setText(r.name);
    name->setCheckState(r.visible ? Qt::Checked : Qt::Unchecked);
    name->setToolTip(r.session->path());
    if (auto* line = qobject_cast<QComboBox*>(m_table->cellWidget(run, LineColumn)))
        line->setCurrentIndex(line->findData(static_cast<int>(r.line)));
    if (auto* role = qobject_cast<QComboBox*>(m_table->cellWidget(run, RoleColumn)))
        role->setCurrentIndex(role->findData(static_cast<int>(r.role)));
}

void RunsDock::refreshNumbers(int run)
{
    if (run < 0 || run >= m_table->rowCount())
        return;
    const QSignalBlocker blocker(m_table);
    const DatasetSession& session = m_runs.session(run);
    if (const Predictions* predictions = session.predictions())
        m_table->item(run, RowsColumn)->setText(QString::number(predictions->rows()));
    if (const auto loss = session.loss())
        m_table->item(run, LossColumn)->setText(formatNumber(loss->analysis.loss.value));
    if (const auto roc = session.roc()) {
        QString auroc;
        QString ap;
        if (roc->binary && !roc->classes.empty()) {
            const ClassRoc& c = roc->classes.front();
            auroc = withInterval(c.auroc, c.ci.lower, c.ci.upper);
            ap = formatNumber(c.averagePrecision);
        } else {
            auroc = formatNumber(roc->macro) + tr(" (macro)");
            ap = formatNumber(roc->apMacro) + tr(" (macro)");
        }
        m_table->item(run, AurocColumn)->setText(auroc);
        m_table->item(run, ApColumn)->setText(ap);
    }
}

void RunsDock::chooseColor(int run)
{
    if (run < 0 || run >= m_runs.count())
        return;
    const Run& r = m_runs.run(run);
    const QColor chosen = m_pickColor(r.color, tr("Colour of %1").arg(r.name));
    if (chosen.isValid())
        m_runs.setColor(run, chosen);
}

} // namespace focalscope
