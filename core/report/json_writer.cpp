#include "report/json_writer.h"

#include "data/utf8.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace focalscope {

void JsonWriter::separate()
{
    if (m_needComma)
        m_text += ',';
    m_needComma = true;
}

void JsonWriter::beginObject()
{
    separate();
    m_text += '{';
    m_needComma = false;
}

void JsonWriter::endObject()
{
    m_text += '}';
    m_needComma = true;
}

void JsonWriter::beginArray()
{
    separate();
    m_text += '[';
    m_needComma = false;
}

void JsonWriter::endArray()
{
    m_text += ']';
    m_needComma = true;
}

void JsonWriter::key(std::string_view name)
{
    value(name);
    m_text += ':';
    m_needComma = false;
}

void JsonWriter::value(double number)
{
    if (!std::isfinite(number)) {
        null();
        return;
    }
    separate();
    // The shortest text that reads back to the same double: 0.1 is 0.1.
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
    m_text.append(buffer, result.ptr);
}

void JsonWriter::value(long long number)
{
    separate();
    m_text += std::to_string(number);
}

void JsonWriter::value(bool flag)
{
    separate();
    m_text += flag ? "true" : "false";
}

void JsonWriter::null()
{
    separate();
    m_text += "null";
}

void JsonWriter::value(std::string_view raw)
{
    separate();
    // JSON is UTF-8: bytes that are not are written as U+FFFD.
    const std::string valid = isValidUtf8(raw) ? std::string() : toValidUtf8(raw);
    const std::string_view text = valid.empty() ? raw : std::string_view(valid);
    m_text += '"';
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        switch (ch) {
        case '"':
            m_text += "\\\"";
            break;
        case '\\':
            m_text += "\\\\";
            break;
        case '\n':
            m_text += "\\n";
            break;
        case '\r':
            m_text += "\\r";
            break;
        case '\t':
            m_text += "\\t";
            break;
        default:
            if (c < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
                m_text += escaped;
            } else {
                m_text += ch;
            }
        }
    }
    m_text += '"';
}

void writeNumbers(JsonWriter& json, std::string_view key, std::span<const double> values)
{
    json.key(key);
    json.beginArray();
    for (const double v : values)
        json.value(v);
    json.endArray();
}

} // namespace focalscope
