#include "io/csv_fields.h"

namespace focalscope::csv {

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z')
            x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = static_cast<char>(y - 'A' + 'a');
        if (x != y)
            return false;
    }
    return true;
}

bool isNumber(std::string_view field)
{
    field = trim(field);
    double v = 0;
    const char* end = parseNumber(field.data(), field.data() + field.size(), v);
    return end && end == field.data() + field.size();
}

bool isBoolean(std::string_view field, std::int32_t& value)
{
    field = trim(field);
    if (equalsIgnoringCase(field, "true")) {
        value = 1;
        return true;
    }
    if (equalsIgnoringCase(field, "false")) {
        value = 0;
        return true;
    }
    return false;
}

std::string quoteForMessage(std::string_view s)
{
    constexpr std::size_t kMax = 40;
    std::string out = "'";
    out += s.substr(0, kMax);
    if (s.size() > kMax)
        out += "...";
    return out + "'";
}

} // namespace focalscope::csv
