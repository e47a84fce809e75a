#include "model/threshold_model.h"

#include "model/dataset_session.h"
#include "roc/threshold_rules.h"

#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
#include <stdexcept>

namespace focalscope {

ThresholdModel::ThresholdModel(DatasetSession& session, QObject* parent)
    : QObject(parent)
    , m_session(session)
{
    connect(&m_watcher, &QFutureWatcher<Built>::finished, this, &ThresholdModel::onTableBuilt);
    // New scores (a file, a kind): the tables are of the old ones.
    connect(&m_session, &DatasetSession::datasetChanged, this, &ThresholdModel::clear);
    connect(&m_session, &DatasetSession::kindChanged, this, [this] {
        const int entry = m_entry;
        clear();
        if (entry >= 0)
            setEntry(entry);
    });
}

ThresholdModel::~ThresholdModel()
{
    m_watcher.waitForFinished();
}

void ThresholdModel::clear()
{
    ++m_generation;
    m_entry = -1;
    m_table.reset();
    m_costs.reset();
    m_histogram = {};
    m_column.reset();
    m_pendingThreshold.reset();
    const bool hadPoint = m_point.has_value();
    m_point.reset();
    emit tableChanged();
    if (hadPoint)
        emit pointCleared();
}

void ThresholdModel::setEntry(int entry)
{
    selectEntry(entry, true);
}

void ThresholdModel::selectEntry(int entry, bool announce)
{
    // A summary has no rows to count at a threshold.
    if (!m_session.predictions() || m_session.isSummary() || entry < 0) {
        clear();
        return;
    }
    if (entry == m_entry && (m_table || m_watcher.isRunning()))
        return;
    m_entry = entry;
    m_table.reset();
    m_costs.reset();
    m_histogram = {};
    m_column.reset();
    m_point.reset();
    emit tableChanged();
    if (announce)
        emit pointCleared();
    const quint64 generation = ++m_generation;
    m_watcher.setFuture(
        QtConcurrent::run([predictions = m_session.sharedPredictions(), entry, generation] {
            Built built;
            built.entry = entry;
            built.generation = generation;
            built.column = std::make_shared<const std::vector<double>>(
                rankingColumn(*predictions, static_cast<Index>(entry)));
            built.table = std::make_shared<const ThresholdTable>(
                thresholdTable(*predictions, static_cast<Index>(entry)));
            return built;
        }));
}

void ThresholdModel::onTableBuilt()
{
    Built built = m_watcher.result();
    if (built.generation != m_generation || built.entry != m_entry)
        return;
    m_table = std::move(built.table);
    m_column = std::move(built.column);
    m_histogram
        = m_table->size() > 1 ? scoreHistogram(*m_table, kHistogramBins) : ScoreHistogram {};
    emit tableChanged();
    if (m_pendingThreshold) {
        const double threshold = *m_pendingThreshold;
        m_pendingThreshold.reset();
        setThreshold(threshold);
    }
}

void ThresholdModel::setPoint(const OperatingPoint& point)
{
    m_point = point;
    emit pointChanged(m_entry, point);
}

void ThresholdModel::setThreshold(double threshold)
{
    if (!m_table || std::isnan(threshold))
        return;
    if (m_point && m_point->threshold == threshold)
        return;
    m_index = m_table->indexAt(threshold);
    setPoint(m_table->pointAt(threshold));
}

void ThresholdModel::setIndex(std::size_t k)
{
    if (!m_table || k >= m_table->size())
        return;
    if (m_point && m_index == k && m_point->threshold == m_table->threshold(k))
        return;
    m_index = k;
    setPoint(m_table->point(k));
}

bool ThresholdModel::applyRule(const QString& text, QString* message)
{
    auto fail = [message](const QString& why) {
        if (message)
            *message = why;
        return false;
    };
    if (!m_table)
        return fail(tr("Choose a class first (its counts are being prepared)."));
    try {
        const OperatingRule rule = parseOperatingRule(text.trimmed().toStdString());
        const RulePoint chosen = focalscope::applyRule(*m_table, rule);
        if (!chosen.point)
            return fail(QString::fromStdString(chosen.message));
        m_index = chosen.index;
        m_costs.reset();
        if (rule.kind == OperatingRule::Kind::Cost)
            m_costs = Costs {rule.costFp, rule.costFn, chosen.prevalence, chosen.isoCostSlope};
        m_point.reset(); // a rule may pick the point already shown: say so again
        setPoint(*chosen.point);
        if (message) {
            *message = std::isnan(chosen.expectedCost)
                ? QString()
                : tr("expected cost %1 (prevalence %2), iso-cost slope %3")
                      .arg(chosen.expectedCost, 0, 'g', 4)
                      .arg(chosen.prevalence, 0, 'g', 4)
                      .arg(chosen.isoCostSlope, 0, 'g', 4);
        }
        return true;
    } catch (const std::invalid_argument& error) {
        return fail(QString::fromUtf8(error.what()));
    }
}

void ThresholdModel::pick(int entry, double threshold)
{
    // The point clicked stays shown while the class's table is prepared.
    if (entry != m_entry || (!m_table && !m_watcher.isRunning()))
        selectEntry(entry, false);
    if (m_table)
        setThreshold(threshold);
    else
        m_pendingThreshold = threshold;
}

QString ThresholdModel::className() const
{
    const auto roc = m_session.roc();
    if (!roc || m_entry < 0 || m_entry >= static_cast<int>(roc->classes.size()))
        return {};
    return QString::fromStdString(roc->classes[static_cast<std::size_t>(m_entry)].name);
}

ErrorRows ThresholdModel::errorRowsAt(std::size_t limit) const
{
    const Predictions* predictions = m_session.predictions();
    if (!predictions || !m_point || !m_column)
        return {};
    const auto loss = m_session.loss();
    const FocalLossResult empty;
    ErrorRows rows = errorRows(*predictions, *m_column, static_cast<Index>(m_entry),
        m_point->threshold, loss ? loss->analysis.loss : empty, limit);
    rows.className = className().toStdString();
    return rows;
}

} // namespace focalscope
