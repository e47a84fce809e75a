#pragma once

#include "plot/plot_export.h"

#include <QDialog>
#include <QSettings>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace focalscope {

// Asks which chart to export, where (the extension picks PNG, SVG or PDF), its size in pixels
// and its DPI. The size and DPI are remembered in the settings.
class ExportPlotDialog : public QDialog {
    Q_OBJECT

public:
    ExportPlotDialog(QSettings& settings, const QStringList& charts, int currentChart,
        const QString& suggestedPath, QWidget* parent = nullptr);

    int chart() const;
    QString path() const;
    ExportOptions options() const;

    void accept() override;

private:
    void browse();

    QSettings& m_settings;
    QComboBox* m_chart = nullptr;
    QLineEdit* m_path = nullptr;
    QSpinBox* m_width = nullptr;
    QSpinBox* m_height = nullptr;
    QSpinBox* m_dpi = nullptr;
};

} // namespace focalscope
