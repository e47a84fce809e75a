#pragma once

#include "charts/pt_distribution_plot.h"
#include "plot/plot_spec.h"

#include <QColor>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <vector>

namespace focalscope {

class DatasetSession;
class ParameterModel;
class PredictionLoader;
struct ReadResult;
struct Summary;

// A model's predictions on the test set, or one fold of a cross-validation (each fold its own
// rows): folds are averaged, models compared.
enum class RunRole { Model, Fold };

struct Run {
    DatasetSession* session = nullptr;
    QString name; // the file's stem, made unique; editable (the file: session->path())
    QColor color;
    PlotSeries::Style line = PlotSeries::Style::Line;
    bool visible = true;
    RunRole role = RunRole::Model;
};

// The runs open side by side (DESIGN.md, Runs and comparison). Run A is the window's session:
// what File > Open opens; File > Add Run reads another prediction file in the background and
// gives it a session of its own on the same parameters, so every slider move recomputes every
// run off the GUI thread. A run must have run A's classes (count and names). Opening another
// file as run A removes the added runs.
class RunSet : public QObject {
    Q_OBJECT

public:
    // Which results of a run changed (resultsChanged).
    enum class RunResult { Roc, Loss, Kind };
    Q_ENUM(RunResult)

    RunSet(DatasetSession& first, ParameterModel& parameters, QObject* parent = nullptr);
    ~RunSet() override;

    int count() const { return static_cast<int>(m_runs.size()); }
    const Run& run(int index) const { return m_runs.at(static_cast<std::size_t>(index)); }
    DatasetSession& session(int index) const { return *run(index).session; }
    // The visible runs' indices, run A first.
    QList<int> visibleRuns() const;
    // The visible runs of a role.
    QList<int> visibleRuns(RunRole role) const;
    // More than one run is visible: the charts overlay runs.
    bool overlaid() const { return visibleRuns().size() > 1; }

    // Reads a prediction file (or a summary .npz) as a new run. Labels: labelsPath, else the file's
    // own label column, else run A's labels file (runs on the same rows share it). Files are read
    // one after another in the background; runsChanged or loadFailed follows for each.
    void addRun(const QString& path, const QString& labelsPath = {});
    bool isLoading() const;
    // Adds a run already read. False (with *error set) when its classes are not run A's.
    bool addLoadedRun(std::shared_ptr<const ReadResult> input, const QString& path,
        const QString& labelsPath, QString* error = nullptr);
    // Adds a binned summary (a summary .npz) as a run; it is compared unpaired. False (with
    // *error set) when its classes are not run A's.
    bool addLoadedSummary(
        std::shared_ptr<const Summary> summary, const QString& path, QString* error = nullptr);
    void removeRun(int index); // index >= 1; run A stays
    void removeAddedRuns();

    void setName(int index, const QString& name);
    void setColor(int index, const QColor& color);
    void setLine(int index, PlotSeries::Style line);
    void setVisible(int index, bool visible);
    void setRole(int index, RunRole role);
    // Marks every run as a fold (true) or a model (false).
    void setAllFolds(bool folds);

    // View options every run's charts share with run A's.
    void setRocLogFpr(bool logarithmic);
    void setPtGrouping(PtGrouping grouping);

signals:
    // A run was added or removed.
    void runsChanged();
    // A run's name, colour, line, visibility or role changed.
    void runChanged(int index);
    // A run's results changed: its ROC (what == Roc), its loss or loss charts (Loss), or its
    // scores' kind (Kind: every result follows). Charts and tables follow.
    void resultsChanged(int index, focalscope::RunSet::RunResult what);
    void loadFailed(const QString& path, const QString& message);
    void loadingChanged(bool loading);

private:
    void connectSession(DatasetSession* session);
    // A new run's session, styled and appended (before its data is set).
    DatasetSession* appendRun(const QString& path);
    // Sets one of run `index`'s fields and says so when it changes.
    template<typename T> void assign(int index, T Run::*field, const T& value);
    int indexOf(const DatasetSession* session) const;
    QString uniqueName(const QString& stem) const;
    void onLoaded(
        std::shared_ptr<const ReadResult> input, const QString& path, const QString& labelsPath);
    // Starts reading the next waiting file, if no read runs.
    void loadNext();

    ParameterModel& m_parameters;
    std::vector<Run> m_runs;
    PredictionLoader* m_loader = nullptr;
    QList<std::pair<QString, QString>> m_waiting; // files to read as runs: path, labels
};

} // namespace focalscope
