#pragma once

#include <QWidget>

class QLabel;
class QTableWidget;

namespace focalscope {

class DatasetSession;

// The metrics table: one row per class (support, AUROC with its DeLong interval, average
// precision, mean focal loss, share of the loss) and the macro / weighted / micro / one-vs-one
// (or, for a binary task, partial) AUROC rows. Copyable as TSV, exportable as CSV.
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

    explicit MetricsView(DatasetSession& session, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    QLabel* summary() const { return m_summary; }

    // The table with a header row; numbers in the shortest form that reads back to the same
    // double when fullPrecision.
    QString toDelimited(QChar separator, bool fullPrecision) const;
    void copyToClipboard() const;

private:
    void refresh();

    DatasetSession& m_session;
    QLabel* m_summary = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_warnings = nullptr;
};

} // namespace focalscope
