#include "io/npy_header.h"

#include "io/read_error.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <limits>

namespace focalscope {

namespace {

constexpr std::string_view kMagic = "\x93NUMPY";

// Printable form of a few bytes for messages: other bytes as \xNN.
std::string escapeBytes(std::string_view bytes)
{
    std::string out;
    for (unsigned char c : bytes) {
        if (c >= 0x20 && c < 0x7f && c != '\\') {
            out += static_cast<char>(c);
        } else {
            static const char* digits = "0123456789abcdef";
            out += "\\x";
            out += digits[c >> 4];
            out += digits[c & 15];
        }
    }
    return out;
}

// A tiny reader for the Python dict literal NumPy writes as the header:
// {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }
class HeaderParser {
public:
    HeaderParser(std::string_view text, const std::string& name)
        : m_text(text)
        , m_name(name)
    {
    }

    void parse(NpyHeader& header)
    {
        bool haveDescr = false, haveOrder = false, haveShape = false;
        expect('{');
        while (true) {
            skipSpace();
            if (peek() == '}')
                break;
            const std::string key = parseString();
            expect(':');
            skipSpace();
            if (key == "descr") {
                if (peek() == '\'' || peek() == '"') {
                    header.descr = parseString();
                } else {
                    header.descr = parseRaw(); // a structured dtype: rejected later
                }
                haveDescr = true;
            } else if (key == "fortran_order") {
                header.fortranOrder = parseBool();
                haveOrder = true;
            } else if (key == "shape") {
                header.shape = parseShape();
                haveShape = true;
            } else {
                parseRaw();
            }
            skipSpace();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            skipSpace();
            if (peek() != '}')
                fail("',' or '}'");
        }
        if (!haveDescr || !haveOrder || !haveShape)
            throw ReadError(m_name + ": malformed header: expected the keys 'descr', "
                + "'fortran_order' and 'shape', found " + escapeBytes(m_text));
    }

private:
    char peek() const { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; }

    void skipSpace()
    {
        while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos])))
            ++m_pos;
    }

    [[noreturn]] void fail(const char* expected) const
    {
        std::string found = "the end of the header";
        if (m_pos < m_text.size())
            found = std::string(1, '\'').append(escapeBytes(m_text.substr(m_pos, 20))).append("'");
        throw ReadError(m_name + ": malformed header at byte " + std::to_string(m_pos)
            + " of the header dict: expected " + expected + ", found " + found);
    }

    void expect(char c)
    {
        skipSpace();
        if (peek() != c) {
            const char expected[4] = {'\'', c, '\'', '\0'};
            fail(expected);
        }
        ++m_pos;
    }

    std::string parseString()
    {
        skipSpace();
        const char quote = peek();
        if (quote != '\'' && quote != '"')
            fail("a quoted string");
        const std::size_t end = m_text.find(quote, m_pos + 1);
        if (end == std::string_view::npos)
            fail("a closing quote");
        std::string value(m_text.substr(m_pos + 1, end - m_pos - 1));
        m_pos = end + 1;
        return value;
    }

    bool parseBool()
    {
        if (m_text.substr(m_pos, 4) == "True") {
            m_pos += 4;
            return true;
        }
        if (m_text.substr(m_pos, 5) == "False") {
            m_pos += 5;
            return false;
        }
        fail("True or False");
    }

    std::vector<std::int64_t> parseShape()
    {
        std::vector<std::int64_t> shape;
        expect('(');
        while (true) {
            skipSpace();
            if (peek() == ')') {
                ++m_pos;
                return shape;
            }
            std::int64_t value = 0;
            const char* first = m_text.data() + m_pos;
            const char* last = m_text.data() + m_text.size();
            const auto [ptr, ec] = std::from_chars(first, last, value);
            if (ec != std::errc() || value < 0)
                fail("a non-negative dimension");
            m_pos += static_cast<std::size_t>(ptr - first);
            if (peek() == 'L') // Python 2 longs
                ++m_pos;
            shape.push_back(value);
            skipSpace();
            if (peek() == ',')
                ++m_pos;
            else if (peek() != ')')
                fail("',' or ')' in the shape");
        }
    }

    // Skips one value of any other kind (list, tuple, dict, number) and returns its text.
    std::string parseRaw()
    {
        const std::size_t start = m_pos;
        int depth = 0;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == '\'' || c == '"') {
                const std::size_t end = m_text.find(c, m_pos + 1);
                if (end == std::string_view::npos)
                    fail("a closing quote");
                m_pos = end + 1;
                continue;
            }
            if (c == '(' || c == '[' || c == '{')
                ++depth;
            else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0)
                    break;
                --depth;
            } else if (c == ',' && depth == 0)
                break;
            ++m_pos;
        }
        return std::string(m_text.substr(start, m_pos - start));
    }

    std::string_view m_text;
    const std::string& m_name;
    std::size_t m_pos = 0;
};

void parseDescr(NpyHeader& header, const std::string& name)
{
    const std::string& d = header.descr;
    if (d.size() >= 3 && (d[0] == '<' || d[0] == '>' || d[0] == '|' || d[0] == '=')) {
        int size = 0;
        const auto [ptr, ec] = std::from_chars(d.data() + 2, d.data() + d.size(), size);
        if (ec == std::errc() && ptr == d.data() + d.size() && size > 0) {
            header.byteOrder = d[0] == '=' ? '<' : d[0];
            header.typeCode = d[1];
            header.itemSize = d[1] == 'U' ? size * 4 : size;
            return;
        }
    }
    if (d == "b1" || d == "?" || d == "|b1") {
        header.byteOrder = '|';
        header.typeCode = 'b';
        header.itemSize = 1;
        return;
    }
    header.byteOrder = '|';
    header.typeCode = '?';
    header.itemSize = 0;
    (void)name;
}

std::uint16_t readU16LE(const char* p)
{
    return static_cast<std::uint16_t>(
        static_cast<unsigned char>(p[0]) | (static_cast<unsigned char>(p[1]) << 8));
}

std::uint32_t readU32LE(const char* p)
{
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i)
        v = (v << 8) | static_cast<unsigned char>(p[i]);
    return v;
}

} // namespace

std::string shapeString(const std::vector<std::int64_t>& shape)
{
    std::string s = "(";
    for (std::size_t i = 0; i < shape.size(); ++i) {
        if (i > 0)
            s += ", ";
        s += std::to_string(shape[i]);
    }
    if (shape.size() == 1)
        s += ",";
    return s + ")";
}

NpyHeader parseNpyHeader(std::string_view bytes, const std::string& name)
{
    return parseNpyHeader(bytes, bytes.size(), name);
}

NpyHeader parseNpyHeader(std::string_view bytes, std::size_t totalSize, const std::string& name)
{
    if (bytes.size() < kMagic.size() || bytes.substr(0, kMagic.size()) != kMagic)
        throw ReadError(name + ": expected the .npy magic \\x93NUMPY, found '"
            + escapeBytes(bytes.substr(0, kMagic.size())) + "'");
    if (bytes.size() < 8)
        throw ReadError(name + ": truncated header: expected a version at byte 6, found the end "
            + "of the file");
    const int major = static_cast<unsigned char>(bytes[6]);
    const int minor = static_cast<unsigned char>(bytes[7]);
    if (major < 1 || major > 3 || minor != 0)
        throw ReadError(name + ": unsupported .npy version " + std::to_string(major) + "."
            + std::to_string(minor) + " (expected 1.0, 2.0 or 3.0)");
    const std::size_t lengthBytes = major == 1 ? 2 : 4;
    if (bytes.size() < 8 + lengthBytes)
        throw ReadError(name + ": truncated header: expected the header length at byte 8, found "
            + "the end of the file");
    const std::size_t headerLength
        = major == 1 ? readU16LE(bytes.data() + 8) : readU32LE(bytes.data() + 8);
    const std::size_t headerStart = 8 + lengthBytes;
    if (bytes.size() - headerStart < headerLength)
        throw ReadError(name + ": truncated header: expected " + std::to_string(headerLength)
            + " header bytes after byte " + std::to_string(headerStart) + ", found "
            + std::to_string(bytes.size() - headerStart) + " before the end of the file");

    NpyHeader header;
    HeaderParser(bytes.substr(headerStart, headerLength), name).parse(header);
    parseDescr(header, name);
    header.dataOffset = headerStart + headerLength;

    // The declared size, checked against the bytes present before anything is allocated.
    constexpr std::int64_t kMaxBytes = std::numeric_limits<std::int64_t>::max();
    std::int64_t count = 1;
    bool overflow = false;
    for (std::int64_t d : header.shape) {
        if (d != 0 && count > kMaxBytes / d)
            overflow = true;
        else
            count *= d;
    }
    if (header.itemSize > 0 && !overflow && count > kMaxBytes / header.itemSize)
        overflow = true;
    const std::size_t available = std::max(totalSize, bytes.size()) - header.dataOffset;
    if (overflow)
        throw ReadError(name + ": declared shape " + shapeString(header.shape) + " of "
            + header.descr + " needs more than 2^63 bytes of data, but the file " + "holds only "
            + std::to_string(available) + " after the header");
    header.count = count;
    const std::int64_t needed = count * header.itemSize;
    if (header.itemSize > 0 && static_cast<std::uint64_t>(needed) > available) {
        const std::size_t completeElements = available / static_cast<std::size_t>(header.itemSize);
        throw ReadError(name + ": declared shape " + shapeString(header.shape) + " of "
            + header.descr + " needs " + std::to_string(needed)
            + " bytes of data, but the file holds only " + std::to_string(available)
            + " after the header (data ends at element " + std::to_string(completeElements) + " of "
            + std::to_string(count) + ")");
    }
    return header;
}

} // namespace focalscope
