#pragma once

#include <QProgressDialog>

namespace focalscope {

class PredictionLoader;

// The progress dialog of a background load: it appears when a load lasts, follows the
// loader's progress, and its Cancel button cancels the load.
class LoadProgressDialog : public QProgressDialog {
    Q_OBJECT

public:
    LoadProgressDialog(PredictionLoader& loader, QWidget* parent = nullptr);

private:
    void begin(const QString& path);
    void end();

    PredictionLoader& m_loader;
};

} // namespace focalscope
