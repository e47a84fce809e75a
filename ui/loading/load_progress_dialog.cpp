#include "loading/load_progress_dialog.h"

#include "loading/prediction_loader.h"

#include <QFileInfo>

namespace focalscope {

LoadProgressDialog::LoadProgressDialog(PredictionLoader& loader, QWidget* parent)
    : QProgressDialog(parent)
    , m_loader(loader)
{
    setWindowTitle(tr("Opening"));
    setWindowModality(Qt::WindowModal);
    setRange(0, PredictionLoader::kProgressMaximum);
    setMinimumDuration(400);
    setAutoClose(false);
    setAutoReset(false);
    reset();
    connect(&loader, &PredictionLoader::started, this, &LoadProgressDialog::begin);
    connect(&loader, &PredictionLoader::progressChanged, this, &QProgressDialog::setValue);
    connect(&loader, &PredictionLoader::loaded, this, &LoadProgressDialog::end);
    connect(&loader, &PredictionLoader::failed, this, &LoadProgressDialog::end);
    connect(&loader, &PredictionLoader::cancelled, this, &LoadProgressDialog::end);
    connect(this, &QProgressDialog::canceled, &loader, &PredictionLoader::cancel);
}

void LoadProgressDialog::begin(const QString& path)
{
    setLabelText(tr("Reading %1…").arg(QFileInfo(path).fileName()));
    // setValue(0) arms the minimum-duration timer: the dialog shows only for slow loads.
    setValue(0);
}

void LoadProgressDialog::end()
{
    reset();
    hide();
}

} // namespace focalscope
