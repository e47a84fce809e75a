#include "window/file_pairing.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace focalscope {

namespace {

bool looksLikeLabels(const QString& path)
{
    const QString name = QFileInfo(path).completeBaseName().toLower();
    for (const char* word : {"label", "target", "y_true", "gt"}) {
        if (name.contains(QLatin1String(word)))
            return true;
    }
    return false;
}

} // namespace

FilePair pairChosenFiles(const QStringList& files, QString* error)
{
    if (files.size() == 1)
        return {files.front(), {}};
    if (files.size() != 2) {
        if (error) {
            *error = QCoreApplication::translate("FilePair",
                "Choose one predictions file, or a predictions file and its labels file "
                "(%n files were chosen).",
                nullptr, static_cast<int>(files.size()));
        }
        return {};
    }
    if (looksLikeLabels(files[0]) && !looksLikeLabels(files[1]))
        return {files[1], files[0]};
    return {files[0], files[1]};
}

} // namespace focalscope
