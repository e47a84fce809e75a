#include "settings/class_colors.h"

#include "plot/plot_palette.h"
#include "settings/settings_keys.h"

#include <QUrl>

namespace focalscope {

ClassColors::ClassColors(QSettings& settings)
    : m_settings(settings)
{
}

QString ClassColors::key(const QString& className)
{
    // Percent-encoded: a class name may hold '/' or '\', which QSettings reads as groups.
    return QLatin1String(settings::classColorsGroup) + QLatin1Char('/')
        + QString::fromLatin1(QUrl::toPercentEncoding(className));
}

QColor ClassColors::color(const QString& className, int index) const
{
    const QColor chosen(m_settings.value(key(className)).toString());
    return chosen.isValid() ? chosen : classColor(index);
}

void ClassColors::setColor(const QString& className, const QColor& color)
{
    if (color.isValid())
        m_settings.setValue(key(className), color.name());
    else
        m_settings.remove(key(className));
}

} // namespace focalscope
