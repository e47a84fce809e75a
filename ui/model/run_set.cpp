#include "model/run_set.h"

#include "charts/run_overlay.h"
#include "compare/run_classes.h"
#include "io/prediction_reader.h"
#include "loading/prediction_loader.h"
#include "model/dataset_session.h"
#include "summary/summary.h"

#include <QFileInfo>

#include <algorithm>
#include <array>
#include <stdexcept>

namespace focalscope {

RunSet::RunSet(DatasetSession& first, ParameterModel& parameters, QObject* parent)
    : QObject(parent)
    , m_parameters(parameters)
    , m_loader(new PredictionLoader(this))
{
    Run a;
    a.session = &first;
    a.name = QStringLiteral("A");
    a.color = runColor(0);
    a.line = runLineStyle(0);
    m_runs.push_back(a);
    connectSession(&first);
    // A new run A: the runs added to the one before go.
    connect(&first, &DatasetSession::datasetChanged, this, [this] {
        m_runs.front().name = QFileInfo(m_runs.front().session->path()).completeBaseName();
        if (m_runs.front().name.isEmpty())
            m_runs.front().name = QStringLiteral("A");
        m_waiting.clear();
        m_loader->cancel();
        removeAddedRuns();
        emit runChanged(0);
    });
    // The loader's signals come after its result is taken: the next file may start.
    connect(m_loader, &PredictionLoader::loaded, this, &RunSet::onLoaded);
    connect(m_loader, &PredictionLoader::failed, this,
        [this](const QString& path, const QString& message) {
            emit loadFailed(path, message);
            loadNext();
        });
    connect(m_loader, &PredictionLoader::cancelled, this, &RunSet::loadNext);
    connect(m_loader, &PredictionLoader::summaryLoaded, this,
        [this](std::shared_ptr<const Summary> summary, const QString& path) {
            QString error;
            if (!addLoadedSummary(std::move(summary), path, &error))
                emit loadFailed(path, error);
            loadNext();
        });
}

RunSet::~RunSet()
{
    std::vector<Run> removed(m_runs.begin() + 1, m_runs.end());
    m_runs.resize(1);
    for (const Run& run : removed)
        delete run.session;
}

void RunSet::connectSession(DatasetSession* session)
{
    const auto changed = [this, session](RunResult what) {
        return [this, session, what] {
            const int index = indexOf(session);
            if (index >= 0)
                emit resultsChanged(index, what);
        };
    };
    connect(session, &DatasetSession::rocChanged, this, changed(RunResult::Roc));
    connect(session, &DatasetSession::lossChanged, this, changed(RunResult::Loss));
    connect(session, &DatasetSession::lossChartsChanged, this, changed(RunResult::Loss));
    connect(session, &DatasetSession::kindChanged, this, changed(RunResult::Kind));
}

int RunSet::indexOf(const DatasetSession* session) const
{
    for (std::size_t r = 0; r < m_runs.size(); ++r)
        if (m_runs[r].session == session)
            return static_cast<int>(r);
    return -1;
}

QList<int> RunSet::visibleRuns() const
{
    QList<int> runs;
    for (int r = 0; r < count(); ++r)
        if (m_runs[static_cast<std::size_t>(r)].visible)
            runs.append(r);
    return runs;
}

QList<int> RunSet::visibleRuns(RunRole role) const
{
    QList<int> runs = visibleRuns();
    runs.removeIf([this, role](int r) { return run(r).role != role; });
    return runs;
}

QString RunSet::uniqueName(const QString& stem) const
{
    const QString base = stem.isEmpty() ? QStringLiteral("run") : stem;
    const auto taken = [this](const QString& name) {
        return std::any_of(
            m_runs.begin(), m_runs.end(), [&name](const Run& r) { return r.name == name; });
    };
    QString name = base;
    for (int k = 2; taken(name); ++k)
        name = QStringLiteral("%1 (%2)").arg(base).arg(k);
    return name;
}

void RunSet::addRun(const QString& path, const QString& labelsPath)
{
    QString labels = labelsPath;
    // A scores-only file (.npy) takes run A's labels: runs on the same rows share them.
    if (labels.isEmpty() && holdsOnlyScores(path.toStdString()))
        labels = m_runs.front().session->labelsPath();
    m_waiting.append({path, labels});
    loadNext();
}

void RunSet::loadNext()
{
    if (m_loader->isLoading())
        return;
    if (m_waiting.isEmpty()) {
        emit loadingChanged(false);
        return;
    }
    const auto [path, labels] = m_waiting.takeFirst();
    ReadOptions options;
    options.kind = KindRequest::Auto;
    emit loadingChanged(true);
    m_loader->load(path, labels, options);
}

bool RunSet::isLoading() const
{
    return m_loader->isLoading() || !m_waiting.isEmpty();
}

void RunSet::onLoaded(
    std::shared_ptr<const ReadResult> input, const QString& path, const QString& labelsPath)
{
    QString error;
    if (!addLoadedRun(std::move(input), path, labelsPath, &error))
        emit loadFailed(path, error);
    loadNext();
}

bool RunSet::addLoadedRun(std::shared_ptr<const ReadResult> input, const QString& path,
    const QString& labelsPath, QString* error)
{
    const DatasetSession& first = *m_runs.front().session;
    const ReadResult* firstInput = first.input();
    if (!firstInput) {
        if (error)
            *error = tr("Open a predictions file (run A) before adding runs.");
        return false;
    }
    try {
        const std::array<const Predictions*, 2> both {
            &firstInput->predictions, &input->predictions};
        const std::array<std::string, 2> names {QFileInfo(first.path()).fileName().toStdString(),
            QFileInfo(path).fileName().toStdString()};
        checkSameClasses(both, names);
    } catch (const std::invalid_argument& e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    }
    DatasetSession* session = appendRun(path);
    session->setDataset(std::move(input), path, labelsPath, DatasetSession::Parameters::Keep);
    emit runsChanged();
    return true;
}

bool RunSet::addLoadedSummary(
    std::shared_ptr<const Summary> summary, const QString& path, QString* error)
{
    const DatasetSession& first = *m_runs.front().session;
    const Predictions* firstPredictions = first.input() ? &first.input()->predictions : nullptr;
    QString mismatch;
    if (!firstPredictions)
        mismatch = tr("Open a predictions file (run A) before adding runs.");
    else if (summary->classes() != firstPredictions->classes())
        mismatch = tr("%1 summarises %2 score columns; run A has %3: runs must have the same "
                      "classes.")
                       .arg(QFileInfo(path).fileName())
                       .arg(summary->classes())
                       .arg(firstPredictions->classes());
    else if (!summary->binary && summary->classNames != targetClassNames(*firstPredictions))
        mismatch = tr("%1 names its classes otherwise than run A.").arg(QFileInfo(path).fileName());
    if (!mismatch.isEmpty()) {
        if (error)
            *error = mismatch;
        return false;
    }
    DatasetSession* session = appendRun(path);
    m_runs.back().role = RunRole::Model;
    session->setSummary(std::move(summary), path, DatasetSession::Parameters::Keep);
    emit runsChanged();
    return true;
}

DatasetSession* RunSet::appendRun(const QString& path)
{
    const DatasetSession& first = *m_runs.front().session;
    Run run;
    run.session = new DatasetSession(m_parameters);
    run.session->setRocLogFpr(first.rocLogFpr());
    run.session->setPtGrouping(first.ptGrouping());
    run.name = uniqueName(QFileInfo(path).completeBaseName());
    const int index = count();
    run.color = runColor(index);
    run.line = runLineStyle(index);
    run.role = m_runs.back().role == RunRole::Fold ? RunRole::Fold : RunRole::Model;
    m_runs.push_back(run);
    connectSession(run.session);
    return run.session;
}

void RunSet::removeRun(int index)
{
    if (index < 1 || index >= count())
        return;
    // Out of the list first: whatever the session's destruction sets off (its destroyed signal)
    // finds the runs without it.
    std::unique_ptr<DatasetSession> session(m_runs[static_cast<std::size_t>(index)].session);
    m_runs.erase(m_runs.begin() + index);
    session.reset();
    emit runsChanged();
}

void RunSet::removeAddedRuns()
{
    if (count() == 1)
        return;
    std::vector<Run> removed(m_runs.begin() + 1, m_runs.end());
    m_runs.resize(1);
    for (const Run& run : removed)
        delete run.session;
    emit runsChanged();
}

template<typename T> void RunSet::assign(int index, T Run::*field, const T& value)
{
    Run& r = m_runs.at(static_cast<std::size_t>(index));
    if (r.*field == value)
        return;
    r.*field = value;
    emit runChanged(index);
}

void RunSet::setName(int index, const QString& name)
{
    const QString trimmed = name.trimmed();
    if (!trimmed.isEmpty())
        assign(index, &Run::name, trimmed);
}

void RunSet::setColor(int index, const QColor& color)
{
    if (color.isValid())
        assign(index, &Run::color, color);
}

void RunSet::setLine(int index, PlotSeries::Style line)
{
    assign(index, &Run::line, line);
}

void RunSet::setVisible(int index, bool visible)
{
    assign(index, &Run::visible, visible);
}

void RunSet::setRole(int index, RunRole role)
{
    assign(index, &Run::role, role);
}

void RunSet::setAllFolds(bool folds)
{
    for (int r = 0; r < count(); ++r)
        setRole(r, folds ? RunRole::Fold : RunRole::Model);
}

void RunSet::setRocLogFpr(bool logarithmic)
{
    for (const Run& r : m_runs)
        r.session->setRocLogFpr(logarithmic);
}

void RunSet::setPtGrouping(PtGrouping grouping)
{
    for (const Run& r : m_runs)
        r.session->setPtGrouping(grouping);
}

} // namespace focalscope
