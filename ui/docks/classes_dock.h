#pragma once

#include <QDockWidget>
#include <QList>

class QTableWidget;

namespace focalscope {

class DatasetSession;

// One row per target class: a visibility checkbox with the class colour, support, AUROC with
// its DeLong interval, mean focal loss and share of the loss.
class ClassesDock : public QDockWidget {
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        SupportColumn,
        AurocColumn,
        MeanLossColumn,
        ShareColumn,
        ColumnCount
    };

    explicit ClassesDock(DatasetSession& session, QWidget* parent = nullptr);

    // One flag per target class.
    QList<bool> visibleClasses() const;
    void setClassVisible(int targetClass, bool visible);
    QTableWidget* table() const { return m_table; }

signals:
    void visibilityChanged(const QList<bool>& visible);

private:
    void rebuild();
    void refreshNumbers();

    DatasetSession& m_session;
    QTableWidget* m_table = nullptr;
};

} // namespace focalscope
