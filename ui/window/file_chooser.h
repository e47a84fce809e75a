#pragma once

#include <QString>
#include <QStringList>

class QWidget;

namespace focalscope {

// How the window asks the user for files. The default opens QFileDialogs; tests install their
// own that answers from a script, so that nothing modal blocks them.
class FileChooser {
public:
    virtual ~FileChooser() = default;
    // Files to open (empty when cancelled).
    virtual QStringList openFiles(
        QWidget* parent, const QString& title, const QString& directory, const QString& filter)
        = 0;
    // One file to open (empty when cancelled).
    virtual QString openFile(
        QWidget* parent, const QString& title, const QString& directory, const QString& filter)
        = 0;
};

class DialogFileChooser : public FileChooser {
public:
    QStringList openFiles(QWidget* parent, const QString& title, const QString& directory,
        const QString& filter) override;
    QString openFile(QWidget* parent, const QString& title, const QString& directory,
        const QString& filter) override;
};

} // namespace focalscope
