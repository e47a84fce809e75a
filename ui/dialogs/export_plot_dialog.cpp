#include "dialogs/export_plot_dialog.h"

#include "settings/settings_keys.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>

namespace focalscope {

ExportPlotDialog::ExportPlotDialog(QSettings& settings, const QStringList& charts, int currentChart,
    const QString& suggestedPath, QWidget* parent)
    : QDialog(parent)
    , m_settings(settings)
{
    setWindowTitle(tr("Export Plot"));
    auto* form = new QFormLayout(this);
    m_chart = new QComboBox(this);
    m_chart->addItems(charts);
    m_chart->setCurrentIndex(currentChart);
    form->addRow(tr("Chart"), m_chart);

    auto* pathRow = new QHBoxLayout;
    m_path = new QLineEdit(suggestedPath, this);
    m_path->setMinimumWidth(320);
    m_path->setToolTip(tr("The extension chooses the format: .png, .svg or .pdf"));
    auto* browseButton = new QPushButton(tr("Browse…"), this);
    connect(browseButton, &QPushButton::clicked, this, &ExportPlotDialog::browse);
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browseButton);
    form->addRow(tr("File"), pathRow);

    const QSize size = settings::exportSize.read(settings);
    auto spin = [this](int minimum, int maximum, int value, const QString& suffix) {
        auto* box = new QSpinBox(this);
        box->setRange(minimum, maximum);
        box->setValue(value);
        box->setSuffix(suffix);
        return box;
    };
    m_width = spin(100, 10000, size.width(), tr(" px"));
    m_height = spin(100, 10000, size.height(), tr(" px"));
    m_dpi = spin(50, 1200, settings::exportDpi.read(settings), tr(" dpi"));
    auto* sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_width);
    sizeRow->addWidget(new QLabel(QStringLiteral("×"), this));
    sizeRow->addWidget(m_height);
    sizeRow->addStretch();
    form->addRow(tr("Size"), sizeRow);
    auto* dpiRow = new QHBoxLayout;
    dpiRow->addWidget(m_dpi);
    dpiRow->addStretch();
    form->addRow(tr("Resolution"), dpiRow);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

int ExportPlotDialog::chart() const
{
    return m_chart->currentIndex();
}

QString ExportPlotDialog::path() const
{
    return m_path->text().trimmed();
}

ExportOptions ExportPlotDialog::options() const
{
    ExportOptions options;
    options.size = QSize(m_width->value(), m_height->value());
    options.dpi = m_dpi->value();
    return options;
}

void ExportPlotDialog::accept()
{
    if (!exportFormatFor(path())) {
        QMessageBox::warning(
            this, windowTitle(), tr("Choose a file name ending in .png, .svg or .pdf."));
        return;
    }
    settings::exportSize.write(m_settings, options().size);
    settings::exportDpi.write(m_settings, options().dpi);
    QDialog::accept();
}

void ExportPlotDialog::browse()
{
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Export Plot"), path(),
        tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    if (!chosen.isEmpty())
        m_path->setText(chosen);
}

} // namespace focalscope
