#pragma once

// How the views and docks write a number for the user.

#include <QString>

namespace focalscope {

// A number for display: 4 significant digits, "—" for NaN, "+∞" for infinity.
QString formatNumber(double value, int precision = 4);

} // namespace focalscope
