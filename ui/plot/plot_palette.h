#pragma once

// The colours of the charts, the same on screen and in every export.

#include <QColor>

namespace focalscope {

// Colours for class index c, distinguishable and readable on white; class 0 (background) grey.
QColor classColor(int c);

// Colours for a sequence of n related curves (e.g. the reference gammas), light to dark.
QColor sequenceColor(int i, int n);

} // namespace focalscope
