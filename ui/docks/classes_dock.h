#pragma once

#include <QColor>
#include <QDockWidget>
#include <QList>

#include <functional>

class QTableWidget;

namespace focalscope {

class ClassColors;
class DatasetSession;

// One row per target class: its colour (a swatch; clicking it opens a colour dialog, the choice
// kept per class name), a visibility checkbox with the name, support, AUROC with its DeLong
// interval, mean focal loss and share of the loss. Numbers are written as the metrics table
// writes them.
class ClassesDock : public QDockWidget {
    Q_OBJECT

public:
    enum Column {
        ColorColumn,
        NameColumn,
        SupportColumn,
        AurocColumn,
        MeanLossColumn,
        ShareColumn,
        ColumnCount
    };

    ClassesDock(DatasetSession& session, ClassColors& colors, QWidget* parent = nullptr);

    // One flag per target class.
    QList<bool> visibleClasses() const;
    void setClassVisible(int targetClass, bool visible);
    // One colour per target class.
    QList<QColor> classColors() const { return m_colors; }
    // Opens the colour dialog for a class (what a click on its swatch does).
    void chooseColor(int targetClass);
    // How a colour is asked for: the initial colour and the dialog's title; an invalid colour
    // means cancelled. QColorDialog by default; tests install their own.
    using ColorPicker = std::function<QColor(const QColor&, const QString&)>;
    void setColorPicker(ColorPicker picker) { m_pickColor = std::move(picker); }
    QTableWidget* table() const { return m_table; }

signals:
    void visibilityChanged(const QList<bool>& visible);
    void colorsChanged(const QList<QColor>& colors);

private:
    void rebuild();
    void refreshNumbers();

    DatasetSession& m_session;
    ClassColors& m_store;
    QTableWidget* m_table = nullptr;
    QList<QColor> m_colors;
    ColorPicker m_pickColor;
};

} // namespace focalscope
