#pragma once

#include <QColor>
#include <QSettings>
#include <QString>

namespace focalscope {

// The colours the user chose for classes, kept in QSettings per class name (so "cat" keeps its
// colour in every file that has a class "cat"); a class without one takes the palette's
// classColor(index).
class ClassColors {
public:
    explicit ClassColors(QSettings& settings);

    QColor color(const QString& className, int index) const;
    // Stores a colour for the class; an invalid colour removes the user's choice.
    void setColor(const QString& className, const QColor& color);

private:
    static QString key(const QString& className);

    QSettings& m_settings;
};

} // namespace focalscope
