#pragma once

#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class QStackedWidget;

namespace focalscope {

class MetricsView;
class RunSet;

// The metrics table of each run (DESIGN.md, Runs and comparison: every number of a single run
// for each run): run A's MetricsView, and one more per added run, with a run picker above them
// that shows itself once there is more than one run.
class RunMetricsView : public QWidget {
    Q_OBJECT

public:
    RunMetricsView(RunSet& runs, MetricsView* first, QWidget* parent = nullptr);

    QComboBox* runBox() const { return m_runBox; }
    // The table of run `run` (0: run A's).
    MetricsView* view(int run) const { return m_views.value(run); }
    MetricsView* shownView() const;

private:
    void rebuild();
    void refreshNames();

    RunSet& m_runs;
    QWidget* m_picker = nullptr;
    QComboBox* m_runBox = nullptr;
    QStackedWidget* m_stack = nullptr;
    QList<MetricsView*> m_views;
};

} // namespace focalscope
