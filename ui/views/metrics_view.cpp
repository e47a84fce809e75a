#include "views/metrics_view.h"

#include "model/dataset_session.h"
#include "model/parameter_model.h"
#include "views/number_format.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>
#include <limits>
#include <optional>

namespace focalscope {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

QTableWidgetItem* textItem(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}

QTableWidgetItem* numberItem(double value, const QString& text = {})
{
    auto* item = textItem(text.isNull() ? formatNumber(value) : text);
    item->setData(MetricsView::kValueRole, value);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

// A binned value with the exact interval of the unbinned one.
QTableWidgetItem* boundedItem(double value, double lower, double upper)
{
    auto* item = numberItem(value,
        std::isnan(value)
            ? QStringLiteral("—")
            : QStringLiteral("%1 [%2, %3]")
                  .arg(formatNumber(value, 6), formatNumber(lower, 6), formatNumber(upper, 6)));
    item->setData(MetricsView::kBoundsRole, QVariantList {lower, upper});
    item->setToolTip(QObject::tr("Binned value; the value of the unbinned rows lies in [%1, %2] "
                                 "(exact bounds)")
                         .arg(QString::number(lower, 'g', 10), QString::number(upper, 'g', 10)));
    return item;
}

QString interval(const DelongInterval& ci)
{
    if (std::isnan(ci.lower) || std::isnan(ci.upper))
        return QStringLiteral("—");
    return QStringLiteral("[%1, %2]").arg(formatNumber(ci.lower), formatNumber(ci.upper));
}

QString percent(double share)
{
    return std::isnan(share) ? QStringLiteral("—") : QString::number(100.0 * share, 'f', 1) + u'%';
}

} // namespace

MetricsView::MetricsView(DatasetSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("metricsView"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* top = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("lossSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* copy = new QToolButton(this);
    copy->setText(tr("Copy as TSV"));
    copy->setToolTip(tr("Copy the table to the clipboard, tab separated"));
    connect(copy, &QToolButton::clicked, this, &MetricsView::copyToClipboard);
    top->addWidget(m_summary, 1);
    top->addWidget(copy);
    layout->addLayout(top);
    m_binned = new QLabel(this);
    m_binned->setObjectName(QStringLiteral("binnedBadge"));
    m_binned->setWordWrap(true);
    m_binned->setStyleSheet(
        QStringLiteral("background: #fff4d6; color: #6b4e00; padding: 2px 6px; font-weight: bold"));
    m_binned->hide();
    layout->addWidget(m_binned);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("metricsTable"));
    m_table->setHorizontalHeaderLabels({tr("Class"), tr("Support"), tr("AUROC"),
        tr("95% CI (DeLong)"), tr("AP"), tr("Mean loss"), tr("Loss share")});
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    auto* copyAction = new QAction(tr("Copy as TSV"), m_table);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetShortcut);
    connect(copyAction, &QAction::triggered, this, &MetricsView::copyToClipboard);
    m_table->addAction(copyAction);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    layout->addWidget(m_table, 1);

    m_warnings = new QLabel(this);
    m_warnings->setObjectName(QStringLiteral("warnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setStyleSheet(QStringLiteral("color: #9a6700"));
    m_warnings->hide();
    layout->addWidget(m_warnings);

    connect(&m_session, &DatasetSession::datasetChanged, this, &MetricsView::refresh);
    connect(&m_session, &DatasetSession::lossChanged, this, &MetricsView::refresh);
    connect(&m_session, &DatasetSession::rocChanged, this, &MetricsView::refresh);
    refresh();
}

void MetricsView::refresh()
{
    m_table->setRowCount(0);
    m_summary->clear();
    if (!m_session.hasData())
        return;
    const QStringList names = m_session.targetNames();
    const auto loss = m_session.loss();
    const auto roc = m_session.roc();
    const bool binary = m_session.predictions()->isBinary();
    // A summary's exact intervals.
    const auto rocResults = m_session.rocResults();
    const SummaryRoc* binned = rocResults ? rocResults->binned.get() : nullptr;
    const SummaryLoss* bracket = loss && loss->bracket ? &*loss->bracket : nullptr;
    if (const auto summary = m_session.summary()) {
        m_binned->setText(tr("Binned summary: %L1 bins per class (width 2^-%2 in logit), %L3 rows; "
                             "AUROC and focal loss are binned values with the exact interval of "
                             "the unbinned ones")
                              .arg(summary->bins())
                              .arg(summary->scaleBits)
                              .arg(summary->samples));
    }
    m_binned->setVisible(m_session.isSummary());

    auto addRow = [this](const QList<QTableWidgetItem*>& items) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        for (int c = 0; c < items.size(); ++c)
            m_table->setItem(row, c, items[c]);
    };

    for (int c = 0; c < names.size(); ++c) {
        QList<QTableWidgetItem*> items {textItem(names[c])};
        const ClassLoss* classLoss = loss && c < static_cast<int>(loss->analysis.perClass.size())
            ? &loss->analysis.perClass[static_cast<std::size_t>(c)]
            : nullptr;
        // The ROC entry of this target: a binary task has one, for the positive class.
        const int rocIndex = binary ? c - 1 : c;
        const ClassRoc* classRoc
            = roc && rocIndex >= 0 && rocIndex < static_cast<int>(roc->classes.size())
            ? &roc->classes[static_cast<std::size_t>(rocIndex)]
            : nullptr;
        const double support = classLoss ? static_cast<double>(classLoss->samples)
            : classRoc                   ? static_cast<double>(classRoc->positives)
                                         : kNaN;
        items << numberItem(
            support, std::isnan(support) ? QString() : QString::number(support, 'f', 0));
        const SummaryClassRoc* binnedRoc
            = binned && classRoc ? &binned->perClass[static_cast<std::size_t>(rocIndex)] : nullptr;
        if (classRoc) {
            items << (binnedRoc ? boundedItem(
                          classRoc->auroc, binnedRoc->auroc.lower(), binnedRoc->auroc.upper())
                                : numberItem(classRoc->auroc))
                  << textItem(interval(classRoc->ci)) << numberItem(classRoc->averagePrecision);
            items[CiColumn]->setData(
                kValueRole, QVariantList {classRoc->ci.lower, classRoc->ci.upper});
        } else {
            items << numberItem(kNaN) << textItem(QStringLiteral("—")) << numberItem(kNaN);
        }
        const LossBracket* meanBracket = bracket && c < static_cast<int>(bracket->classMean.size())
            ? &bracket->classMean[static_cast<std::size_t>(c)]
            : nullptr;
        if (classLoss)
            items << (meanBracket
                    ? boundedItem(classLoss->mean, meanBracket->lower, meanBracket->upper)
                    : numberItem(classLoss->mean))
                  << numberItem(classLoss->share, percent(classLoss->share));
        else
            items << numberItem(kNaN) << numberItem(kNaN);
        addRow(items);
    }

    if (roc) {
        auto averageRow = [&](const QString& name, double auroc, double ap,
                              const BinnedAuroc* bounds = nullptr) {
            QFont italic = m_table->font();
            italic.setItalic(true);
            QList<QTableWidgetItem*> items {textItem(name), numberItem(kNaN, QString()),
                bounds ? boundedItem(auroc, bounds->lower(), bounds->upper()) : numberItem(auroc),
                textItem(QString()), numberItem(ap), numberItem(kNaN, QString()),
                numberItem(kNaN, QString())};
            items.front()->setFont(italic);
            addRow(items);
        };
        if (binary) {
            if (!std::isnan(roc->partial) && m_session.input())
                averageRow(tr("partial (max FPR)"), roc->partial, kNaN);
        } else if (binned) {
            // One-vs-one needs the rows' pairs of scores.
            averageRow(tr("macro"), roc->macro, roc->apMacro, &binned->macro);
            averageRow(tr("weighted"), roc->weighted, kNaN, &binned->weighted);
            averageRow(tr("micro"), roc->micro, kNaN, &binned->micro);
        } else {
            averageRow(tr("macro"), roc->macro, roc->apMacro);
            averageRow(tr("weighted"), roc->weighted, kNaN);
            averageRow(tr("micro"), roc->micro, kNaN);
            averageRow(tr("one-vs-one"), roc->ovo, kNaN);
        }
    }

    if (loss) {
        const FocalParams& params = loss->analysis.params;
        // The temperature preview changes every number: said first.
        const std::optional<double> t = m_session.appliedTemperature();
        m_summary->setText(
            (t ? tr("<span style=\"color:#9a6700\"><b>T = %1 applied (preview)</b></span> · ")
                        .arg(formatNumber(*t, 6))
               : QString())
            + (bracket ? tr("Focal loss (%1, %2) = <b>%3</b> [%4, %5] (binned: the exact bounds "
                            "of the unbinned loss)")
                             .arg(params.mode == LossMode::Softmax ? tr("softmax") : tr("sigmoid"),
                                 QString::fromLatin1(reductionName(params.reduction)),
                                 formatNumber(loss->analysis.loss.value, 6),
                                 formatNumber(bracket->value.lower, 6),
                                 formatNumber(bracket->value.upper, 6))
                       : tr("Focal loss (%1, %2) = <b>%3</b> · rows with p<sub>t</sub> &gt; 0.5 "
                            "carry %4 of the loss")
                             .arg(params.mode == LossMode::Softmax ? tr("softmax") : tr("sigmoid"),
                                 QString::fromLatin1(reductionName(params.reduction)),
                                 formatNumber(loss->analysis.loss.value, 6),
                                 percent(loss->analysis.easyShare))));
    }
    const QStringList warnings = m_session.warnings();
    m_warnings->setText(warnings.join(u'\n'));
    m_warnings->setVisible(!warnings.isEmpty());
}

QString MetricsView::toDelimited(QChar separator, bool fullPrecision) const
{
    QStringList lines;
    QStringList header;
    for (int c = 0; c < m_table->columnCount(); ++c) {
        if (fullPrecision && c == CiColumn)
            header << tr("CI95 low") << tr("CI95 high");
        else
            header << m_table->horizontalHeaderItem(c)->text();
    }
    lines << header.join(separator);
    for (int r = 0; r < m_table->rowCount(); ++r) {
        QStringList fields;
        for (int c = 0; c < m_table->columnCount(); ++c) {
            const QTableWidgetItem* item = m_table->item(r, c);
            QString text = item ? item->text() : QString();
            const QVariant value = item ? item->data(kValueRole) : QVariant();
            if (fullPrecision && value.typeId() == QMetaType::Double) {
                const double v = value.toDouble();
                text = std::isnan(v) ? QString()
                                     : QString::number(v, 'g', QLocale::FloatingPointShortest);
            } else if (fullPrecision && c == CiColumn) {
                const QVariantList bounds = value.toList();
                for (int b = 0; b < 2; ++b) {
                    const double v = b < bounds.size() ? bounds[b].toDouble() : kNaN;
                    fields << (std::isnan(v)
                            ? QString()
                            : QString::number(v, 'g', QLocale::FloatingPointShortest));
                }
                continue;
            } else if (text == QStringLiteral("—")) {
                text.clear();
            }
            if (text.contains(separator) || text.contains(u'"'))
                text = u'"' + QString(text).replace(u'"', QStringLiteral("\"\"")) + u'"';
            fields << text;
        }
        lines << fields.join(separator);
    }
    return lines.join(u'\n') + u'\n';
}

void MetricsView::copyToClipboard() const
{
    QApplication::clipboard()->setText(toDelimited(u'\t', false));
}

} // namespace focalscope
