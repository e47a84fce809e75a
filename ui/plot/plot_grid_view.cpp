#include "plot/plot_grid_view.h"

#include "plot/plot_view.h"

#include <QGridLayout>

namespace focalscope {

PlotGridView::PlotGridView(QWidget* parent)
    : QWidget(parent)
    , m_grid(new QGridLayout(this))
{
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(2);
}

void PlotGridView::setSpec(const PlotSpec& spec)
{
    const auto panels = static_cast<qsizetype>(spec.panels.size());
    while (m_views.size() > panels)
        delete m_views.takeLast();
    while (m_views.size() < panels)
        m_views.append(new PlotView(this));
    const int columns = spec.gridColumns();
    for (qsizetype k = 0; k < panels; ++k) {
        PlotView* view = m_views[k];
        m_grid->removeWidget(view);
        m_grid->addWidget(view, static_cast<int>(k) / columns, static_cast<int>(k) % columns);
        view->setSpec(spec.panels[static_cast<std::size_t>(k)]);
    }
}

} // namespace focalscope
