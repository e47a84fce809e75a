#include "window/main_actions.h"

#include "parallel/parallel.h"

#include <QAction>
#include <QActionGroup>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>

namespace focalscope {

MainActions::MainActions(QMainWindow& window)
    : QObject(&window)
{
    QMenu* file = window.menuBar()->addMenu(tr("&File"));
    open = file->addAction(tr("&Open…"));
    open->setShortcut(QKeySequence::Open);
    open->setObjectName(QStringLiteral("openAction"));
    open->setToolTip(tr("Open a predictions file (.csv, .tsv, .npy, .npz), or select a "
                        "predictions file and its labels file together"));
    openLabels = file->addAction(tr("Open &Labels…"));
    openLabels->setToolTip(tr("Open the labels (.npy or one-column CSV) of the predictions file"));
    addRun = file->addAction(tr("&Add Run…"));
    addRun->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    addRun->setObjectName(QStringLiteral("addRunAction"));
    addRun->setToolTip(tr("Open more prediction files beside the open one, to compare models or "
                          "average folds (a .npy of scores takes the open labels)"));
    recentMenu = file->addMenu(tr("Open &Recent"));
    openDemo = file->addAction(tr("Open &Demo"));
    file->addSeparator();
    exportPlot = file->addAction(tr("Export &Plot…"));
    exportPlot->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportMetrics = file->addAction(tr("Export &Metrics…"));
    exportMetrics->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    file->addSeparator();
    quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    viewMenu = window.menuBar()->addMenu(tr("&View"));
    showGradient = viewMenu->addAction(tr("Show &Gradient Curve"));
    showGradient->setCheckable(true);
    showGradient->setToolTip(tr("Draw |dl/dx_t| against p_t on the loss chart"));
    groupBackgroundForeground = viewMenu->addAction(tr("p_t Distribution by Class &0 / the Rest"));
    groupBackgroundForeground->setCheckable(true);
    groupBackgroundForeground->setToolTip(
        tr("Group the p_t histograms as class 0 and every other class (a detector's background "
           "and foreground) instead of per class"));
    rocLogFpr = viewMenu->addAction(tr("&Log-Scale FPR on ROC"));
    rocLogFpr->setObjectName(QStringLiteral("rocLogFpr"));
    rocLogFpr->setCheckable(true);
    rocLogFpr->setToolTip(tr("A log10 false-positive-rate axis on the ROC chart, for low-FPR "
                             "work (the DET tab shows both error rates on probit axes)"));
    scoresLogCounts = viewMenu->addAction(tr("Log-Scale &Counts on Scores"));
    scoresLogCounts->setObjectName(QStringLiteral("scoresLogCounts"));
    scoresLogCounts->setCheckable(true);
    scoresLogCounts->setToolTip(
        tr("A log10 row-count axis on the Scores tab, so that a few hard rows stay visible"));
    copyMetrics = viewMenu->addAction(tr("&Copy Metrics as TSV"));
    viewMenu->addSeparator();
    nextChart = viewMenu->addAction(tr("&Next Chart"));
    nextChart->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Tab), QKeySequence(Qt::CTRL | Qt::Key_PageDown)});
    previousChart = viewMenu->addAction(tr("&Previous Chart"));
    previousChart->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Tab),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backtab),
        QKeySequence(Qt::CTRL | Qt::Key_PageUp)});
    for (QAction* action : {nextChart, previousChart})
        action->setShortcutContext(Qt::WindowShortcut);
    viewMenu->addSeparator();
    threadsMenu = viewMenu->addMenu(tr("&Threads"));
    threadsMenu->setToolTipsVisible(true);
    auto* threadGroup = new QActionGroup(this);
    const int cores = parallel::coreCount();
    for (int threads = 0; threads <= cores; ++threads) {
        QAction* action = threadsMenu->addAction(threads == 0 ? tr("All Cores (%1)").arg(cores)
                : threads == 1                                ? tr("1 Thread")
                                                              : tr("%1 Threads").arg(threads));
        action->setCheckable(true);
        action->setData(threads);
        action->setToolTip(tr("The most threads loading and recomputing use at once"));
        threadGroup->addAction(action);
        connect(action, &QAction::triggered, this,
            [this, threads] { emit threadLimitChosen(threads); });
    }
    threadsMenu->actions().front()->setChecked(true);
    viewMenu->addSeparator();

    QMenu* helpMenu = window.menuBar()->addMenu(tr("&Help"));
    help = helpMenu->addAction(tr("&Formulas and Conventions"));
    help->setShortcut(QKeySequence::HelpContents);
    about = helpMenu->addAction(tr("&About Focalscope"));
    about->setMenuRole(QAction::AboutRole);
}

void MainActions::setThreadLimit(int threads)
{
    for (QAction* action : threadsMenu->actions())
        action->setChecked(action->data().toInt() == threads);
}

void MainActions::setRecentEntries(const QList<RecentEntry>& entries)
{
    recentMenu->clear();
    for (int i = 0; i < entries.size(); ++i) {
        const RecentEntry& entry = entries[i];
        QString text = QFileInfo(entry.predictions).fileName();
        if (!entry.labels.isEmpty())
            text += tr(" + %1").arg(QFileInfo(entry.labels).fileName());
        QAction* action = recentMenu->addAction(QStringLiteral("&%1 %2").arg(
            i < 9 ? QString::number(i + 1) : QStringLiteral("1&0"), text));
        action->setToolTip(entry.encoded().replace(u'\t', QStringLiteral(" + ")));
        connect(action, &QAction::triggered, this, [this, entry] { emit recentTriggered(entry); });
    }
    recentMenu->addSeparator();
    QAction* clear = recentMenu->addAction(tr("Clear List"));
    clear->setEnabled(!entries.isEmpty());
    connect(clear, &QAction::triggered, this, &MainActions::clearRecentTriggered);
}

} // namespace focalscope
