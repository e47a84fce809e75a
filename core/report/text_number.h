#pragma once

// How the text reports write a number: fixed decimals, "n/a" when it is not finite.

#include <cmath>
#include <cstdio>
#include <string>

namespace focalscope {

inline std::string textNumber(double value, int decimals = 4)
{
    if (!std::isfinite(value))
        return "n/a";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

} // namespace focalscope
