#pragma once

#include <QDockWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace focalscope {

class RunSet;

// One row per run (DESIGN.md, Runs and comparison): its colour (click the swatch), a visibility
// checkbox with the editable name, the line style, the role (model or fold), and the run's
// numbers as the metrics table writes them: rows, focal loss, AUROC (macro for a multiclass
// task) with its DeLong interval, average precision. Add Run reads another prediction file;
// Remove drops the selected run (run A stays: File > Open replaces it).
class RunsDock : public QDockWidget {
    Q_OBJECT

public:
    enum Column {
        ColorColumn,
        NameColumn,
        LineColumn,
        RoleColumn,
        RowsColumn,
        LossColumn,
        AurocColumn,
        ApColumn,
        ColumnCount
    };

    RunsDock(RunSet& runs, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    QPushButton* addButton() const { return m_add; }
    QPushButton* removeButton() const { return m_remove; }
    // Opens the colour dialog for a run (what a click on its swatch does).
    void chooseColor(int run);
    using ColorPicker = std::function<QColor(const QColor&, const QString&)>;
    void setColorPicker(ColorPicker picker) { m_pickColor = std::move(picker); }

signals:
    // Add Run was pressed: the window asks for the file.
    void addRunRequested();

private:
    void rebuild();
    void refreshRun(int run);
    void refreshNumbers(int run);

    RunSet& m_runs;
    QTableWidget* m_table = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_remove = nullptr;
    QLabel* m_status = nullptr;
    ColorPicker m_pickColor;
};

} // namespace focalscope
