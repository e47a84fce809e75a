#pragma once

#include <QColor>
#include <QIcon>

namespace focalscope {

// A small rounded square of a colour, for the swatch columns of the docks' tables.
QIcon colourSwatch(const QColor& colour);

} // namespace focalscope
