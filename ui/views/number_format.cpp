#include "views/number_format.h"

#include <cmath>

namespace focalscope {

QString formatNumber(double value, int precision)
{
    if (std::isnan(value))
        return QStringLiteral("—");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("+∞") : QStringLiteral("−∞");
    return QString::number(value, 'g', precision);
}

} // namespace focalscope
