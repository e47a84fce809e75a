#pragma once

#include <span>
#include <string>
#include <string_view>

namespace focalscope {

// A minimal streaming JSON writer: objects, arrays, strings (always valid UTF-8: other bytes
// become U+FFFD), integers, and doubles in the shortest form that reads back to the same double
// (null for NaN and infinities). Commas are placed by the writer.
class JsonWriter {
public:
    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    void key(std::string_view name);
    void value(double number);
    void value(long long number);
    void value(std::string_view text);
    void value(const char* text) { value(std::string_view(text)); }
    void value(bool flag);
    void null();

    const std::string& text() const { return m_text; }

private:
    void separate();

    std::string m_text;
    bool m_needComma = false;
};

// "key": [v0, v1, ...] in the current object.
void writeNumbers(JsonWriter& json, std::string_view key, std::span<const double> values);

} // namespace focalscope
