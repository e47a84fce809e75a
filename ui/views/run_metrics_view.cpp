#include "views/run_metrics_view.h"

#include "model/run_set.h"
#include "views/metrics_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace focalscope {

RunMetricsView::RunMetricsView(RunSet& runs, MetricsView* first, QWidget* parent)
    : QWidget(parent)
    , m_runs(runs)
{
    setObjectName(QStringLiteral("runMetricsView"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_picker = new QWidget(this);
    auto* pickerLayout = new QHBoxLayout(m_picker);
    pickerLayout->setContentsMargins(4, 4, 4, 0);
    pickerLayout->addWidget(new QLabel(tr("Metrics of run:"), m_picker));
    m_runBox = new QComboBox(m_picker);
    m_runBox->setObjectName(QStringLiteral("metricsRunBox"));
    pickerLayout->addWidget(m_runBox);
    pickerLayout->addStretch(1);
    layout->addWidget(m_picker);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(first);
    m_views.append(first);
    layout->addWidget(m_stack, 1);

    connect(m_runBox, &QComboBox::currentIndexChanged, m_stack, &QStackedWidget::setCurrentIndex);
    connect(&m_runs, &RunSet::runsChanged, this, &RunMetricsView::rebuild);
    connect(&m_runs, &RunSet::runChanged, this, &RunMetricsView::refreshNames);
    rebuild();
}

MetricsView* RunMetricsView::shownView() const
{
    return m_views.value(m_stack->currentIndex());
}

void RunMetricsView::rebuild()
{
    // Run A's table stays; the added runs' tables follow the runs.
    while (m_views.size() > 1) {
        MetricsView* view = m_views.takeLast();
        m_stack->removeWidget(view);
        delete view;
    }
    for (int r = 1; r < m_runs.count(); ++r) {
        auto* view = new MetricsView(m_runs.session(r), m_stack);
        view->setObjectName(QStringLiteral("metricsView%1").arg(r));
        m_stack->addWidget(view);
        m_views.append(view);
    }
    {
        const QSignalBlocker blocker(m_runBox);
        const int shown = m_runBox->currentIndex();
        m_runBox->clear();
        for (int r = 0; r < m_runs.count(); ++r)
            m_runBox->addItem(m_runs.run(r).name);
        m_runBox->setCurrentIndex(shown >= 0 && shown < m_runs.count() ? shown : 0);
    }
    m_stack->setCurrentIndex(m_runBox->currentIndex());
    m_picker->setVisible(m_runs.count() > 1);
}

void RunMetricsView::refreshNames()
{
    for (int r = 0; r < m_runs.count() && r < m_runBox->count(); ++r)
        m_runBox->setItemText(r, m_runs.run(r).name);
}

} // namespace focalscope
