#pragma once

// The text of one line and one field of a delimited file: blanks, numbers, booleans. The ones on
// the parser's hot path are inline.

#include "data/predictions.h"

#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

namespace focalscope::csv {

inline bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

// Blanks around a field: spaces, and tabs unless they are the delimiter.
inline bool isPadding(char c, char delimiter)
{
    return c == ' ' || (c == '\t' && delimiter != '\t');
}

inline std::string_view trim(std::string_view s)
{
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

// The end of the line that starts at pos (the '\n' or the end of the text).
inline std::size_t lineEnd(std::string_view text, std::size_t pos)
{
    const void* nl = std::memchr(text.data() + pos, '\n', text.size() - pos);
    return nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - text.data()) : text.size();
}

enum class LineKind { Blank, Comment, Data };

inline LineKind classify(const char* p, const char* e)
{
    while (p < e && isSpace(*p))
        ++p;
    if (p == e)
        return LineKind::Blank;
    return *p == '#' ? LineKind::Comment : LineKind::Data;
}

// A number as std::from_chars reads it, plus one leading '+' (which it refuses but
// spreadsheets and Python write). Returns the end of what was read or nullptr.
template<typename T> const char* parseNumber(const char* p, const char* e, T& value)
{
    if (p < e && *p == '+') {
        ++p;
        if (p < e && (*p == '+' || *p == '-'))
            return nullptr;
    }
    const auto [ptr, ec] = std::from_chars(p, e, value);
    return ec == std::errc() ? ptr : nullptr;
}

// A float64 score, correctly rounded from the decimal text (std::from_chars). Text beyond
// double's range reads as strtod reads it: +-0 below the smallest subnormal, +-inf above the
// largest double (then rejected as non-finite with its line and column).
inline const char* parseScore(const char* p, const char* e, double& value)
{
    const char* start = p;
    if (p < e && *p == '+') {
        ++p;
        if (p < e && (*p == '+' || *p == '-'))
            return nullptr;
    }
    const auto [ptr, ec] = std::from_chars(p, e, value);
    if (ec == std::errc())
        return ptr;
    if (ec != std::errc::result_out_of_range)
        return nullptr;
    const std::string text(start, ptr);
    value = std::strtod(text.c_str(), nullptr);
    return ptr;
}

// Whether a field (blanks trimmed) is a number, or true / false (any case) and which.
bool isNumber(std::string_view field);
bool isBoolean(std::string_view field, std::int32_t& value);

bool equalsIgnoringCase(std::string_view a, std::string_view b);

// A field for a message: quoted, and cut after 40 characters.
std::string quoteForMessage(std::string_view s);

} // namespace focalscope::csv
