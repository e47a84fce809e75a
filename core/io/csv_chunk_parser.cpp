#include "io/csv_chunk_parser.h"

#include "io/csv_dialect.h"
#include "io/csv_fields.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

namespace focalscope::csv {

namespace {

constexpr std::size_t kChunkBytes = std::size_t {1} << 18;
constexpr std::size_t kMaxChunks = 512;

constexpr const char* kSkipHint = " (skip invalid rows to drop such rows)";

} // namespace

std::vector<Chunk> makeChunks(std::string_view text, std::size_t begin)
{
    const std::size_t size = text.size() - begin;
    const std::size_t count = std::clamp<std::size_t>(size / kChunkBytes, 1, kMaxChunks);
    std::vector<Chunk> chunks;
    std::size_t pos = begin;
    for (std::size_t k = 1; k <= count && pos < text.size(); ++k) {
        std::size_t end = k == count ? text.size() : begin + size / count * k;
        if (end < pos)
            end = pos;
        if (end < text.size())
            end = std::min(text.size(), lineEnd(text, end) + 1);
        Chunk chunk;
        chunk.begin = pos;
        chunk.end = end;
        chunks.push_back(std::move(chunk));
        pos = end;
    }
    return chunks;
}

void ChunkParser::count(Chunk& chunk) const
{
    std::size_t pos = chunk.begin;
    while (pos < chunk.end) {
        const std::size_t e = std::min(lineEnd(m_text, pos), chunk.end);
        if (classify(m_text.data() + pos, m_text.data() + e) == LineKind::Data)
            ++chunk.rows;
        ++chunk.lines;
        pos = e + 1;
    }
}

void ChunkParser::parse(Chunk& chunk) const
{
    std::size_t pos = chunk.begin;
    Index row = chunk.rowOffset;
    Index line = 0;
    while (pos < chunk.end) {
        const std::size_t nl = std::min(lineEnd(m_text, pos), chunk.end);
        const char* p = m_text.data() + pos;
        const char* e = m_text.data() + nl;
        if (e > p && e[-1] == '\r')
            --e;
        if (classify(p, e) == LineKind::Data) {
            chunk.errorLine = line; // the line being parsed, kept when it fails
            if (!parseRow(p, e, row, chunk)) {
                chunk.failed = true;
                return;
            }
            ++row;
        }
        ++line;
        pos = nl + 1;
    }
}

std::string ChunkParser::columnText(Index field) const
{
    std::string s = "column " + std::to_string(field + 1);
    if (!m_layout.header.empty())
        s += " (" + quoteForMessage(m_layout.header[static_cast<std::size_t>(field)]) + ")";
    return s;
}

bool ChunkParser::fail(Chunk& chunk, std::string message) const
{
    chunk.error = std::move(message);
    return false;
}

bool ChunkParser::parseRow(const char* p, const char* e, Index row, Chunk& chunk) const
{
    const char* lineStart = p;
    const char d = m_layout.delimiter;
    const Index fields = m_layout.fields;
    NonFiniteField nonFinite; // the first non-finite score of the row, if any
    for (Index f = 0; f < fields; ++f) {
        if (p > e) {
            return fail(chunk,
                "expected " + std::to_string(fields) + " fields, found "
                    + std::to_string(countFields(lineStart, e, d)));
        }
        while (p < e && isPadding(*p, d))
            ++p;
        double* column = m_layout.columnOf[static_cast<std::size_t>(f)];
        const char* next = nullptr;
        if (p < e && *p == '"') {
            // Quoted field: the slow path.
            std::string text;
            const char* after = nullptr;
            if (!unquote(p, e, text, after) || (after < e && *after != d))
                return fail(chunk,
                    columnText(f) + ": expected a closing quote followed by "
                        + "a delimiter, found "
                        + quoteForMessage(std::string_view(p, static_cast<std::size_t>(e - p))));
            if (!storeText(text, f, row, column, nonFinite, chunk))
                return false;
            next = after;
        } else if (column) {
            double value = 0;
            const char* end = parseScore(p, e, value);
            if (end)
                while (end < e && isPadding(*end, d))
                    ++end;
            if (!end || (end < e && *end != d)) {
                const char* fieldEnd
                    = static_cast<const char*>(std::memchr(p, d, static_cast<std::size_t>(e - p)));
                next = fieldEnd ? fieldEnd : e;
                noteUnparsable(f, std::string_view(p, static_cast<std::size_t>(next - p)), row,
                    column, nonFinite);
                p = next + 1;
                continue;
            }
            column[row] = value;
            if (!std::isfinite(value))
                noteNonFinite(f, value, nonFinite);
            next = end;
        } else {
            std::int64_t label = 0;
            const char* end = parseNumber(p, e, label);
            if (end)
                while (end < e && isPadding(*end, d))
                    ++end;
            if (end && (end == e || *end == d) && m_rules.valid(label)) {
                storeLabel(static_cast<std::int32_t>(label), row, chunk);
                next = end;
            } else {
                const char* fieldEnd
                    = static_cast<const char*>(std::memchr(p, d, static_cast<std::size_t>(e - p)));
                next = fieldEnd ? fieldEnd : e;
                if (!storeText(std::string_view(p, static_cast<std::size_t>(next - p)), f, row,
                        column, nonFinite, chunk))
                    return false;
            }
        }
        p = next + 1; // past the delimiter (or one past e on the last field)
    }
    if (p <= e)
        return fail(chunk,
            "expected " + std::to_string(fields) + " fields, found "
                + std::to_string(countFields(lineStart, e, d)));
    // A row with the ignore index is in no metric: its scores are not validated, nor seen by
    // kind detection.
    if (m_labels && m_labels[row] == m_rules.ignoreIndex)
        return true;
    if (!nonFinite.unparsable.empty()) {
        if (m_labels)
            return fail(chunk, nonFinite.unparsable);
        chunk.invalidRows.push_back(row);
        chunk.nonFinite.push_back({row, chunk.errorLine, nonFinite.unparsable, true});
        return true;
    }
    if (nonFinite.field >= 0) {
        if (m_labels && !m_skipInvalid)
            return fail(chunk, nonFiniteMessage(nonFinite) + kSkipHint);
        // Skipped, or (labels from another file) decided once the labels are known.
        chunk.invalidRows.push_back(row);
        if (!m_labels)
            chunk.nonFinite.push_back({row, chunk.errorLine, nonFiniteMessage(nonFinite)});
        return true;
    }
    // Kind detection's tests on the row just written (still in cache): no second pass.
    double sum = 0.0;
    for (const double* column : m_layout.scoreColumns) {
        chunk.summary.addBits(std::bit_cast<std::uint64_t>(column[row]));
        sum += column[row];
    }
    chunk.summary.addRowSum(row, sum);
    return true;
}

void ChunkParser::storeLabel(std::int32_t label, Index row, Chunk& chunk) const
{
    m_labels[row] = label;
    if (label == m_rules.ignoreIndex)
        ++chunk.ignored;
}

void ChunkParser::noteNonFinite(Index f, double value, NonFiniteField& nonFinite)
{
    if (nonFinite.field < 0) {
        nonFinite.field = f;
        nonFinite.found = std::isnan(value) ? "nan" : (value > 0 ? "inf" : "-inf");
    }
}

void ChunkParser::noteUnparsable(
    Index f, std::string_view text, Index row, double* column, NonFiniteField& nonFinite) const
{
    column[row] = std::numeric_limits<double>::quiet_NaN();
    if (nonFinite.unparsable.empty())
        nonFinite.unparsable
            = columnText(f) + ": expected a number, found " + quoteForMessage(trim(text));
}

std::string ChunkParser::nonFiniteMessage(const NonFiniteField& nonFinite) const
{
    return columnText(nonFinite.field) + ": expected a finite score, found " + nonFinite.found;
}

bool ChunkParser::storeText(std::string_view text, Index f, Index row, double* column,
    NonFiniteField& nonFinite, Chunk& chunk) const
{
    if (column) {
        const std::string_view t = trim(text);
        double value = 0;
        const char* end = parseScore(t.data(), t.data() + t.size(), value);
        if (!end || end != t.data() + t.size()) {
            noteUnparsable(f, t, row, column, nonFinite);
            return true;
        }
        column[row] = value;
        if (!std::isfinite(value))
            noteNonFinite(f, value, nonFinite);
        return true;
    }
    std::int32_t label = 0;
    std::string error;
    if (!m_rules.parse(text, label, error))
        return fail(chunk, columnText(f) + ": " + error);
    storeLabel(label, row, chunk);
    return true;
}

} // namespace focalscope::csv
