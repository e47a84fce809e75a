#pragma once

#include "plot/plot_spec.h"

#include <QList>
#include <QWidget>

class QGridLayout;

namespace focalscope {

class PlotView;

// Small multiples on screen: a grid of PlotViews, one per panel of a PlotSpec (each zooms on
// its own), laid out as the export lays them out (PlotSpec::gridColumns).
class PlotGridView : public QWidget {
    Q_OBJECT

public:
    explicit PlotGridView(QWidget* parent = nullptr);

    void setSpec(const PlotSpec& spec);
    const QList<PlotView*>& views() const { return m_views; }

private:
    QGridLayout* m_grid = nullptr;
    QList<PlotView*> m_views;
};

} // namespace focalscope
