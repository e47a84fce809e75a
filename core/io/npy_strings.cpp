#include "io/npy_strings.h"

#include "io/npy_elements.h"
#include "io/read_error.h"

#include <cstring>

namespace focalscope {

namespace {

void appendUtf8(std::string& out, std::uint32_t cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xc0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xe0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (cp & 0x3f));
    } else {
        out += static_cast<char>(0xf0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (cp & 0x3f));
    }
}

} // namespace

std::vector<std::string> npyStrings(
    std::string_view bytes, const NpyHeader& header, const std::string& name)
{
    if (header.typeCode != 'U' && header.typeCode != 'S')
        throw ReadError(name + ": unsupported dtype '" + header.descr
            + "': expected a unicode ('<U..') or bytes ('|S..') array of names");
    std::vector<std::string> strings;
    strings.reserve(static_cast<std::size_t>(header.count));
    const char* src = bytes.data() + header.dataOffset;
    const bool swap = npy::needsSwap(header.byteOrder);
    for (std::int64_t i = 0; i < header.count; ++i) {
        const char* item = src + i * header.itemSize;
        std::string s;
        if (header.typeCode == 'S') {
            s.assign(item, strnlen(item, static_cast<std::size_t>(header.itemSize)));
        } else {
            for (int k = 0; k < header.itemSize / 4; ++k) {
                const std::uint32_t cp = npy::loadRaw<std::uint32_t>(item + 4 * k, swap);
                if (cp == 0)
                    break;
                if (cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000))
                    throw ReadError(name + ": element " + std::to_string(i) + ": expected a "
                        + "Unicode code point, found 0x" + std::to_string(cp));
                appendUtf8(s, cp);
            }
        }
        strings.push_back(std::move(s));
    }
    return strings;
}

} // namespace focalscope
