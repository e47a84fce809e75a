#pragma once

#include <QWidget>

class QLabel;
class QTableWidget;

namespace focalscope {

class DatasetSession;

// The metrics table: one row per class (support, AUROC with its DeLong interval, average
// precision, mean focal loss, share of the loss) and the macro / weighted / micro / one-vs-one
// (or, for a binary task, partial) AUROC rows. Copyable as TSV, exportable as CSV. A summary's
// numbers say they are binned (a badge) and show their exact intervals.
class MetricsView : public QWidget {
    Q_OBJECT

public:
    enum Column {
        ClassColumn,
        SupportColumn,
        AurocColumn,
        CiColumn,
        ApColumn,
        MeanLossColumn,
        ShareColumn,
        ColumnCount
    };
    // Each cell's exact value (double, NaN for undefined) is stored under this role.
    static constexpr int kValueRole = Qt::UserRole + 1;
    // A summary's AUROC and mean loss cells: the exact interval of the unbinned value
    // (QVariantList {lower, upper}); the text shows it beside the binned value.
    static constexpr int kBoundsRole = Qt::UserRole + 2;

    explicit MetricsView(DatasetSession& session, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    QLabel* summary() const { return m_summary; }
    // "Binned summary: …", shown while a summary is open.
    QLabel* binnedBadge() const { return m_binned; }

    // The table with a header row; numbers in the shortest form that reads back to the same
    // double when fullPrecision.
    QString toDelimited(QChar separator, bool fullPrecision) const;
    void copyToClipboard() const;

private:
    void refresh();

    DatasetSession& m_session;
    QLabel* m_summary = nullptr;
    QLabel* m_binned = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_warnings = nullptr;
};

} // namespace focalscope
