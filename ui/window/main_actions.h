#pragma once

#include "settings/recent_files.h"

#include <QObject>

class QAction;
class QMainWindow;
class QMenu;

namespace focalscope {

// The window's actions and menus (File, View, Help). The window connects them to its slots.
class MainActions : public QObject {
    Q_OBJECT

public:
    explicit MainActions(QMainWindow& window);

    QAction* open = nullptr;
    QAction* openLabels = nullptr;
    QAction* addRun = nullptr;
    QAction* openDemo = nullptr;
    QAction* exportPlot = nullptr;
    QAction* exportMetrics = nullptr;
    QAction* quit = nullptr;
    QAction* showGradient = nullptr;
    QAction* groupBackgroundForeground = nullptr;
    QAction* rocLogFpr = nullptr;
    QAction* scoresLogCounts = nullptr;
    QAction* copyMetrics = nullptr;
    QAction* nextChart = nullptr; // Ctrl+Tab, Ctrl+PgDown
    QAction* previousChart = nullptr; // Ctrl+Shift+Tab, Ctrl+PgUp
    QAction* help = nullptr;
    QAction* about = nullptr;
    QMenu* recentMenu = nullptr;
    QMenu* viewMenu = nullptr;
    QMenu* threadsMenu = nullptr; // View > Threads: 0 (every core), 1, 2, ... checkable

    void setRecentEntries(const QList<RecentEntry>& entries);
    // Checks the Threads entry of `threads` (0: every core).
    void setThreadLimit(int threads);

signals:
    void recentTriggered(const RecentEntry& entry);
    void clearRecentTriggered();
    void threadLimitChosen(int threads);
};

} // namespace focalscope
