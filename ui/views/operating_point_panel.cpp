#include "views/operating_point_panel.h"

#include "views/number_format.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace focalscope {

OperatingPointPanel::OperatingPointPanel(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("operatingPointPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    m_confusion = new QTableWidget(2, 2, this);
    m_confusion->setObjectName(QStringLiteral("confusionMatrix"));
    m_confusion->setHorizontalHeaderLabels({tr("Predicted +"), tr("Predicted −")});
    m_confusion->setVerticalHeaderLabels({tr("Actual +"), tr("Actual −")});
    m_confusion->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_confusion->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_confusion->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_confusion->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_confusion->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_confusion->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_confusion->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_rates = new QLabel(this);
    m_rates->setWordWrap(true);
    m_rates->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_title);
    layout->addWidget(m_confusion);
    layout->addWidget(m_rates);
    layout->addStretch();
    clear();
}

void OperatingPointPanel::showPoint(const QString& className, const OperatingPoint& point)
{
    m_point = point;
    m_className = className;
    m_title->setText(tr("<b>%1</b> at threshold %2 (score ≥ threshold is positive)")
                         .arg(className.toHtmlEscaped(), formatNumber(point.threshold, 6)));
    const std::int64_t cells[2][2] = {{point.tp, point.fn}, {point.fp, point.tn}};
    const QString tips[2][2] = {{tr("true positives"), tr("false negatives")},
        {tr("false positives"), tr("true negatives")}};
    for (int r = 0; r < 2; ++r) {
        for (int c = 0; c < 2; ++c) {
            auto* item = new QTableWidgetItem(QString::number(cells[r][c]));
            item->setTextAlignment(Qt::AlignCenter);
            item->setToolTip(tips[r][c]);
            m_confusion->setItem(r, c, item);
        }
    }
    m_rates->setText(tr("Precision %1 · Recall (TPR) %2 · F1 %3 · FPR %4\n"
                        "MCC %5 · balanced accuracy %6 · specificity %7 · NPV %8")
                         .arg(formatNumber(point.precision), formatNumber(point.recall),
                             formatNumber(point.f1), formatNumber(point.fpr),
                             formatNumber(point.mcc), formatNumber(point.balancedAccuracy),
                             formatNumber(point.specificity), formatNumber(point.npv)));
}

void OperatingPointPanel::clear()
{
    m_point.reset();
    m_className.clear();
    m_title->setText(tr("Click a ROC or precision-recall curve, move the threshold or apply a "
                        "rule to pick an operating point."));
    m_confusion->clearContents();
    m_rates->clear();
}

} // namespace focalscope
