#pragma once

#include "report/error_rows.h"
#include "roc/operating_point.h"
#include "roc/score_histogram.h"
#include "roc/threshold_table.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace focalscope {

class DatasetSession;

// The one operating point of the window: a class (an entry of the ROC report: a binary task's
// positive class, else each class one-vs-rest) and a threshold, set by the threshold panel's
// slider, a typed value, a rule, or a click on ROC / PR. The class's ThresholdTable (exact
// counts at each distinct score) is built off the GUI thread when a class is first chosen, so
// that moving the threshold is a binary search, whatever the number of rows.
class ThresholdModel : public QObject {
    Q_OBJECT

public:
    explicit ThresholdModel(DatasetSession& session, QObject* parent = nullptr);
    ~ThresholdModel() override;

    // Chooses the class (ROC report entry); builds its table in the background. -1: none.
    void setEntry(int entry);
    int entry() const { return m_entry; }
    bool hasTable() const { return m_table != nullptr; }
    const ThresholdTable* table() const { return m_table.get(); }
    // The class's positive and negative scores in kHistogramBins bins over its score range
    // (empty without a table).
    static constexpr std::size_t kHistogramBins = 60;
    const ScoreHistogram& histogram() const { return m_histogram; }
    // While a table is being built.
    bool isBuilding() const { return m_watcher.isRunning(); }

    // The threshold as typed (or picked): the point of that value, O(log n).
    void setThreshold(double threshold);
    // Point k of the table (the slider): its own threshold.
    void setIndex(std::size_t k);
    // Applies a rule ("youden", "f1", "fpr=0.01", "tpr=0.9", "cost=1,5[,0.1]"): true and the
    // point set, or false and `message` says why (a bad rule, a class without positives...).
    bool applyRule(const QString& rule, QString* message = nullptr);
    // The picked point of class `entry` (a click on ROC or PR): selects the class and the
    // threshold; waits for the table when it is being built.
    void pick(int entry, double threshold);

    // The costs of the last cost rule applied (cost=CFP,CFN[,PI]) on this class: the iso-cost
    // lines' slope and the expected cost follow the point as it moves; cleared by another rule
    // or class.
    struct Costs {
        double costFp = 1.0;
        double costFn = 1.0;
        double prevalence = 0.5;
        double isoCostSlope = 1.0;
    };
    const std::optional<Costs>& costs() const { return m_costs; }

    const std::optional<OperatingPoint>& point() const { return m_point; }
    // The point's index in the table (the slider's position).
    std::size_t index() const { return m_index; }
    QString className() const;

    // The false positives and false negatives at the point, hardest first, at most `limit` of
    // each kind (with p_t and loss of the current loss analysis).
    ErrorRows errorRowsAt(std::size_t limit) const;

signals:
    void tableChanged(); // a new class's table is ready (or cleared)
    void pointChanged(int entry, const OperatingPoint& point);
    void pointCleared();

private:
    void clear();
    // announce: emit pointCleared (a class chosen in the panel), not for a click's class.
    void selectEntry(int entry, bool announce);
    void onTableBuilt();
    void setPoint(const OperatingPoint& point);

    struct Built {
        int entry = -1;
        quint64 generation = 0;
        std::shared_ptr<const ThresholdTable> table;
        std::shared_ptr<const std::vector<double>> column;
    };

    DatasetSession& m_session;
    int m_entry = -1;
    std::shared_ptr<const ThresholdTable> m_table;
    std::shared_ptr<const std::vector<double>> m_column; // the class's ranking scores
    ScoreHistogram m_histogram;
    std::optional<Costs> m_costs;
    std::optional<OperatingPoint> m_point;
    std::size_t m_index = 0;
    std::optional<double> m_pendingThreshold; // a pick waiting for its table
    QFutureWatcher<Built> m_watcher;
    quint64 m_generation = 0;
};

} // namespace focalscope
