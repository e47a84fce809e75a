#include "docks/classes_dock.h"

#include "docks/colour_swatch.h"
#include "model/dataset_session.h"
#include "settings/class_colors.h"
#include "views/number_format.h"

#include <QColorDialog>
#include <QHeaderView>
#include <QSignalBlocker>
#include <QTableWidget>

#include <cmath>

namespace focalscope {

namespace {

QTableWidgetItem* readOnly(
    const QString& text, Qt::Alignment alignment = Qt::AlignRight | Qt::AlignVCenter)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    item->setTextAlignment(alignment);
    return item;
}

} // namespace

ClassesDock::ClassesDock(DatasetSession& session, ClassColors& colors, QWidget* parent)
    : QDockWidget(tr("Classes"), parent)
    , m_session(session)
    , m_store(colors)
    , m_pickColor([this](const QColor& initial, const QString& title) {
        return QColorDialog::getColor(initial, this, title);
    })
{
    setObjectName(QStringLiteral("classesDock"));
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("classesTable"));
    m_table->setHorizontalHeaderLabels({QString(), tr("Class"), tr("Support"), tr("AUROC [95% CI]"),
        tr("Mean loss"), tr("Share")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setMinimumSectionSize(40);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    setWidget(m_table);

    m_table->horizontalHeader()->setSectionResizeMode(ColorColumn, QHeaderView::Fixed);
    m_table->horizontalHeader()->resizeSection(ColorColumn, 28);
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        if (item->column() == NameColumn)
            emit visibilityChanged(visibleClasses());
    });
    connect(m_table, &QTableWidget::cellClicked, this, [this](int row, int column) {
        if (column == ColorColumn)
            chooseColor(row);
    });
    connect(&m_session, &DatasetSession::datasetChanged, this, &ClassesDock::rebuild);
    connect(&m_session, &DatasetSession::lossChanged, this, &ClassesDock::refreshNumbers);
    connect(&m_session, &DatasetSession::rocChanged, this, &ClassesDock::refreshNumbers);
    rebuild();
}

QList<bool> ClassesDock::visibleClasses() const
{
    QList<bool> visible;
    for (int r = 0; r < m_table->rowCount(); ++r)
        visible.append(m_table->item(r, NameColumn)->checkState() == Qt::Checked);
    return visible;
}

void ClassesDock::setClassVisible(int targetClass, bool visible)
{
    if (QTableWidgetItem* item = m_table->item(targetClass, NameColumn))
        item->setCheckState(visible ? Qt::Checked : Qt::Unchecked);
}

void ClassesDock::rebuild()
{
    {
        const QSignalBlocker blocker(m_table);
        const QStringList names = m_session.targetNames();
        m_table->setRowCount(static_cast<int>(names.size()));
        m_colors.clear();
        for (int c = 0; c < names.size(); ++c) {
            m_colors.append(m_store.color(names[c], c));
            auto* swatch = new QTableWidgetItem(colourSwatch(m_colors.back()), QString());
            swatch->setFlags(Qt::ItemIsEnabled);
            swatch->setToolTip(tr("Click to change the colour of %1").arg(names[c]));
            m_table->setItem(c, ColorColumn, swatch);
            auto* name = new QTableWidgetItem(names[c]);
            name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            name->setCheckState(Qt::Checked);
            m_table->setItem(c, NameColumn, name);
            for (int column = SupportColumn; column < ColumnCount; ++column)
                m_table->setItem(c, column, readOnly(QStringLiteral("…")));
        }
    }
    refreshNumbers();
    emit colorsChanged(m_colors);
    emit visibilityChanged(visibleClasses());
}

void ClassesDock::chooseColor(int targetClass)
{
    if (targetClass < 0 || targetClass >= m_colors.size())
        return;
    const QString name = m_table->item(targetClass, NameColumn)->text();
    const QColor chosen = m_pickColor(m_colors[targetClass], tr("Colour of %1").arg(name));
    if (!chosen.isValid() || chosen == m_colors[targetClass])
        return;
    m_store.setColor(name, chosen);
    m_colors[targetClass] = chosen;
    m_table->item(targetClass, ColorColumn)->setIcon(colourSwatch(chosen));
    emit colorsChanged(m_colors);
}

void ClassesDock::refreshNumbers()
{
    if (!m_session.hasData())
        return;
    const QSignalBlocker blocker(m_table);
    const auto loss = m_session.loss();
    const auto roc = m_session.roc();
    const bool binary = m_session.predictions()->isBinary();
    for (int c = 0; c < m_table->rowCount(); ++c) {
        if (loss && c < static_cast<int>(loss->analysis.perClass.size())) {
            const ClassLoss& classLoss = loss->analysis.perClass[static_cast<std::size_t>(c)];
            m_table->item(c, SupportColumn)->setText(QString::number(classLoss.samples));
            m_table->item(c, MeanLossColumn)->setText(formatNumber(classLoss.mean));
            m_table->item(c, ShareColumn)
                ->setText(std::isnan(classLoss.share)
                        ? QStringLiteral("—")
                        : QString::number(100.0 * classLoss.share, 'f', 1) + u'%');
        }
        const int rocIndex = binary ? c - 1 : c;
        if (roc && rocIndex >= 0 && rocIndex < static_cast<int>(roc->classes.size())) {
            const ClassRoc& classRoc = roc->classes[static_cast<std::size_t>(rocIndex)];
            QString text = formatNumber(classRoc.auroc);
            if (!std::isnan(classRoc.ci.lower))
                text += QStringLiteral(" [%1, %2]")
                            .arg(formatNumber(classRoc.ci.lower), formatNumber(classRoc.ci.upper));
            m_table->item(c, AurocColumn)->setText(text);
        } else if (roc) {
            m_table->item(c, AurocColumn)->setText(QStringLiteral("—"));
        }
    }
}

} // namespace focalscope
