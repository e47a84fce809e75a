#include "window/file_chooser.h"

#include <QFileDialog>

namespace focalscope {

QStringList DialogFileChooser::openFiles(
    QWidget* parent, const QString& title, const QString& directory, const QString& filter)
{
    return QFileDialog::getOpenFileNames(parent, title, directory, filter);
}

QString DialogFileChooser::openFile(
    QWidget* parent, const QString& title, const QString& directory, const QString& filter)
{
    return QFileDialog::getOpenFileName(parent, title, directory, filter);
}

} // namespace focalscope
