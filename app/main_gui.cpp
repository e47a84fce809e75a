// focalscope: the desktop application. Argument parsing only; the window lives in ui/.

#include "loading/prediction_loader.h"
#include "model/calibration_model.h"
#include "model/comparison_model.h"
#include "model/dataset_session.h"
#include "model/run_set.h"
#include "model/threshold_model.h"
#include "platform/large_arrays.h"
#include "views/calibration_dock.h"
#include "window/main_window.h"
#include "window/message_presenter.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QIcon>
#include <QScreen>
#include <QSettings>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace {

// With --screenshot nobody is there to close a message box: errors go to stderr.
class StderrPresenter : public focalscope::MessagePresenter {
public:
    void showError(QWidget*, const QString& title, const QString& message) override
    {
        std::fprintf(stderr, "focalscope: %s: %s\n", qPrintable(title), qPrintable(message));
    }
};

} // namespace

int main(int argc, char* argv[])
{
    focalscope::returnLargeArraysToTheSystem();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Focalscope"));
    QApplication::setOrganizationDomain(QStringLiteral("focalscope.io"));
    QApplication::setApplicationName(QStringLiteral("Focalscope"));
    QApplication::setApplicationVersion(QStringLiteral(FOCALSCOPE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.focalscope.Focalscope"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/io.focalscope.Focalscope.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Explore focal loss and ROC / AUROC on a classifier's predictions."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("FILE"),
        QStringLiteral("Predictions (.csv, .tsv, .npy, .npz) or a summary .npz; the demo "
                       "dataset when omitted."),
        QStringLiteral("[FILE"));
    parser.addPositionalArgument(QStringLiteral("LABELS"),
        QStringLiteral("Labels of FILE (.npy or one-column CSV)."), QStringLiteral("[LABELS]]"));
    const QCommandLineOption settingsOption(QStringLiteral("settings"),
        QStringLiteral("Read and write settings in this ini file."), QStringLiteral("FILE"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
        QStringLiteral("Save a picture of the window to PATH once everything is computed, then "
                       "quit."),
        QStringLiteral("PATH"));
    const QCommandLineOption ruleOption(QStringLiteral("operating-point"),
        QStringLiteral("Pick the operating point of the first class by RULE (youden, f1, fpr=X, "
                       "tpr=X, cost=CFP,CFN[,PI]) once its counts are ready."),
        QStringLiteral("RULE"));
    const QCommandLineOption runOption(QStringLiteral("run"),
        QStringLiteral("Add a prediction file as a run beside FILE (repeatable), to compare "
                       "models or average folds."),
        QStringLiteral("FILE"));
    const QCommandLineOption foldsOption(QStringLiteral("folds"),
        QStringLiteral("Mark FILE and the runs as folds of one model (averaged, not compared)."));
    const QCommandLineOption dockOption(QStringLiteral("dock"),
        QStringLiteral("Bring a dock to the front of its tab group: threshold, calibration, "
                       "comparison, classes or runs."),
        QStringLiteral("NAME"));
    parser.addOption(settingsOption);
    parser.addOption(screenshotOption);
    parser.addOption(dockOption);
    parser.addOption(ruleOption);
    parser.addOption(runOption);
    parser.addOption(foldsOption);
    parser.process(app);

    const QStringList files = parser.positionalArguments();
    if (files.size() > 2) {
        std::fprintf(stderr, "focalscope: at most two files (predictions and labels)\n");
        return 2;
    }

    std::unique_ptr<QSettings> settings = parser.isSet(settingsOption)
        ? std::make_unique<QSettings>(parser.value(settingsOption), QSettings::IniFormat)
        : std::make_unique<QSettings>();

    focalscope::MainWindow window(*settings);
    const bool screenshot = parser.isSet(screenshotOption);
    if (screenshot) {
        window.setMessagePresenter(std::make_unique<StderrPresenter>());
        // The docs' size, within the screen (at QT_SCALE_FACTOR 1.5 a 1600 x 1000 screen holds
        // 1066 x 666 logical pixels).
        window.resize(QSize(1600, 1000).boundedTo(window.screen()->availableGeometry().size()));
    }
    window.show();
    if (files.isEmpty()) {
        // A screenshot always shows the demo; a user gets back what was open last.
        if (!(screenshot ? window.openDemo() : window.openLastOrDemo()) && screenshot)
            return 3;
    } else {
        window.openFile(files.value(0), files.value(1));
    }

    if (parser.isSet(runOption)) {
        // The runs once run A is in.
        QObject::connect(&window.session(), &focalscope::DatasetSession::datasetChanged, &window,
            [&window, runs = parser.values(runOption), folds = parser.isSet(foldsOption),
                added = false]() mutable {
                if (added)
                    return;
                added = true;
                if (folds)
                    window.runs().setAllFolds(true);
                window.addRuns(runs);
            });
    }
    if (parser.isSet(ruleOption)) {
        // The point's panel in front of the docks tabbed with it.
        if (auto* dock = window.findChild<QDockWidget*>(QStringLiteral("operatingPointDock")))
            dock->raise();
        auto* thresholds = &window.thresholds();
        QObject::connect(thresholds, &focalscope::ThresholdModel::tableChanged, &window,
            [thresholds, rule = parser.value(ruleOption), applied = false]() mutable {
                if (applied || !thresholds->hasTable())
                    return;
                applied = true;
                QString message;
                if (!thresholds->applyRule(rule, &message) && !message.isEmpty())
                    std::fprintf(stderr, "focalscope: %s\n", qPrintable(message));
            });
    }
    if (parser.isSet(dockOption)) {
        const QString name = parser.value(dockOption);
        const QString objectName = name == QLatin1String("threshold")
            ? QStringLiteral("operatingPointDock")
            : name + QStringLiteral("Dock");
        auto* dock = window.findChild<QDockWidget*>(objectName);
        if (!dock) {
            std::fprintf(stderr,
                "focalscope: --dock: no dock '%s' (threshold, calibration, comparison, classes, "
                "runs)\n",
                qPrintable(name));
            return 2;
        }
        // Again after the command line's runs are in: adding runs raises the runs and
        // comparison docks.
        const int runs = static_cast<int>(parser.values(runOption).size()) + 1;
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = QObject::connect(&window.runs(), &focalscope::RunSet::runsChanged, dock,
            [&window, dock, runs, connection] {
                if (window.runs().count() < runs)
                    return;
                QObject::disconnect(*connection);
                QTimer::singleShot(0, dock, [dock] { dock->raise(); });
            });
        dock->raise();
    }
    if (screenshot) {
        const QString path = parser.value(screenshotOption);
        auto* session = &window.session();
        // Once the data is in, every pipeline is idle and the threshold panel's counts are
        // ready, let the charts lay out, then grab.
        auto grabWhenReady = [&window, session, path, scheduled = std::make_shared<bool>(false)] {
            // A summary has no rows for a threshold table.
            if (*scheduled || !session->hasData() || !session->loss() || !session->lossCharts()
                || !session->roc() || session->isBusy()
                || (!window.thresholds().hasTable() && !session->isSummary()))
                return;
            // Every run read and computed, and compared.
            focalscope::RunSet& runs = window.runs();
            if (runs.isLoading() || window.comparison().isBusy())
                return;
            for (int r = 1; r < runs.count(); ++r)
                if (runs.session(r).isBusy() || !runs.session(r).roc())
                    return;
            // A calibration dock in front: every run's diagram computed (a summary has none, a
            // failed one says so).
            focalscope::CalibrationDock* calibration = window.calibrationDock();
            for (int r = 0; r < runs.count(); ++r) {
                const focalscope::CalibrationModel* model = calibration->calibration(r);
                if (model && model->isActive() && !runs.session(r).isSummary()
                    && runs.session(r).hasData() && model->lastError().isEmpty()
                    && (model->isBusy() || !model->results()))
                    return;
            }
            *scheduled = true;
            QTimer::singleShot(500, &window, [&window, path] {
                const bool saved = window.grab().save(path);
                if (!saved)
                    std::fprintf(stderr, "focalscope: cannot write %s\n", qPrintable(path));
                QApplication::exit(saved ? 0 : 1);
            });
        };
        QObject::connect(session, &focalscope::DatasetSession::idle, &window, grabWhenReady);
        QObject::connect(&window.thresholds(), &focalscope::ThresholdModel::tableChanged, &window,
            grabWhenReady);
        QObject::connect(
            &window.runs(), &focalscope::RunSet::resultsChanged, &window, grabWhenReady);
        QObject::connect(&window.comparison(), &focalscope::ComparisonModel::resultChanged, &window,
            grabWhenReady);
        // Models without a signal here (every run's calibration) are polled.
        auto* poll = new QTimer(&window);
        QObject::connect(poll, &QTimer::timeout, &window, grabWhenReady);
        poll->start(250);
        QObject::connect(&window.loader(), &focalscope::PredictionLoader::failed, &app,
            [](const QString&, const QString& message) {
                std::fprintf(stderr, "focalscope: %s\n", qPrintable(message));
                QApplication::exit(3);
            });
    }
    return QApplication::exec();
}
