#include "window/demo_dataset.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace focalscope {

QString demoDatasetPath()
{
    QStringList candidates;
    const QString fromEnvironment = qEnvironmentVariable("FOCALSCOPE_DEMO");
    if (!fromEnvironment.isEmpty())
        candidates << fromEnvironment;
    const QDir binary(QCoreApplication::applicationDirPath());
    candidates << binary.filePath(QStringLiteral("../share/focalscope/demo/demo.npz"));
    candidates << QString::fromUtf8(FOCALSCOPE_SOURCE_DEMO);
    for (const QString& candidate : candidates) {
        if (QFileInfo(candidate).isFile())
            return QFileInfo(candidate).canonicalFilePath();
    }
    return {};
}

} // namespace focalscope
