#include "io/csv_dialect.h"

#include "io/csv_fields.h"
#include "io/read_error.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace focalscope::csv {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

} // namespace

std::string_view checkedText(std::string_view text, const std::string& name)
{
    if (text.substr(0, kBom.size()) == kBom)
        text.remove_prefix(kBom.size());
    const std::string_view head = text.substr(0, 4096);
    if (const std::size_t zero = head.find('\0'); zero != std::string_view::npos)
        throw ReadError(name + ": expected a text file (CSV, TSV) or .npy / .npz, found binary "
            + "data (a zero byte at offset " + std::to_string(zero) + ")");
    return text;
}

bool findFirstRecord(std::string_view text, std::size_t& pos, Index& line)
{
    pos = 0;
    line = 0;
    while (pos < text.size()) {
        const std::size_t e = lineEnd(text, pos);
        if (classify(text.data() + pos, text.data() + e) == LineKind::Data)
            return true;
        pos = e + 1;
        ++line;
    }
    return false;
}

std::size_t splitRecord(std::string_view text, std::size_t pos, char delimiter,
    std::vector<std::string>& fields, Index& lines)
{
    fields.clear();
    std::string field;
    bool quoted = false;
    bool wasQuoted = false;
    while (pos < text.size()) {
        const char c = text[pos++];
        if (quoted) {
            if (c == '"') {
                if (pos < text.size() && text[pos] == '"') {
                    field += '"';
                    ++pos;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n')
                    ++lines;
                field += c;
            }
            continue;
        }
        if (c == '"' && trim(field).empty() && !wasQuoted) {
            field.clear();
            quoted = wasQuoted = true;
        } else if (c == delimiter) {
            fields.push_back(wasQuoted ? field : std::string(trim(field)));
            field.clear();
            wasQuoted = false;
        } else if (c == '\n') {
            ++lines;
            break;
        } else if (!(wasQuoted && isSpace(c))) {
            field += c;
        }
    }
    if (!wasQuoted && !field.empty() && field.back() == '\r')
        field.pop_back();
    fields.push_back(wasQuoted ? field : std::string(trim(field)));
    return pos;
}

bool unquote(const char* p, const char* e, std::string& out, const char*& end)
{
    out.clear();
    ++p;
    while (p < e) {
        if (*p == '"') {
            if (p + 1 < e && p[1] == '"') {
                out += '"';
                p += 2;
                continue;
            }
            ++p;
            while (p < e && isSpace(*p))
                ++p;
            end = p;
            return true;
        }
        out += *p++;
    }
    return false;
}

Index countFields(const char* p, const char* e, char delimiter)
{
    Index count = 1;
    bool quoted = false;
    for (; p < e; ++p) {
        if (*p == '"')
            quoted = !quoted;
        else if (*p == delimiter && !quoted)
            ++count;
    }
    return count;
}

char detectDelimiter(std::string_view text, std::size_t firstRecord)
{
    constexpr std::array<char, 3> kCandidates = {'\t', ',', ';'};
    constexpr int kSampleRecords = 5;
    char best = 0;
    std::size_t bestCount = 1;
    bool bestConsistent = false;
    std::vector<std::string> fields;
    for (const char d : kCandidates) {
        std::size_t pos = firstRecord;
        std::size_t firstCount = 0;
        bool consistent = true;
        int sampled = 0;
        Index lines = 0;
        while (pos < text.size() && sampled < kSampleRecords) {
            const std::size_t e = lineEnd(text, pos);
            if (classify(text.data() + pos, text.data() + e) != LineKind::Data) {
                pos = e + 1;
                continue;
            }
            pos = splitRecord(text, pos, d, fields, lines);
            if (sampled == 0)
                firstCount = fields.size();
            else if (fields.size() != firstCount)
                consistent = false;
            ++sampled;
        }
        if (firstCount <= 1)
            continue;
        // A consistent count beats an inconsistent one, then more fields win.
        if ((consistent && !bestConsistent)
            || (consistent == bestConsistent && firstCount > bestCount)) {
            best = d;
            bestCount = firstCount;
            bestConsistent = consistent;
        }
    }
    return best ? best : ',';
}

bool isHeaderRecord(const std::vector<std::string>& fields)
{
    std::int32_t boolean = 0;
    return std::any_of(fields.begin(), fields.end(),
        [&](const std::string& f) { return !isNumber(f) && !isBoolean(f, boolean); });
}

} // namespace focalscope::csv
