#include "io/csv_reader.h"

#include "io/file_bytes.h"
#include "io/parallel_chunks.h"
#include "io/read_error.h"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

namespace focalscope {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::size_t kChunkBytes = std::size_t {1} << 18;
constexpr std::size_t kMaxChunks = 512;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

// Blanks around a field: spaces, and tabs unless they are the delimiter.
bool isPadding(char c, char delimiter)
{
    return c == ' ' || (c == '\t' && delimiter != '\t');
}
std::string_view trim(std::string_view s)
{
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

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

// The end of the line that starts at pos (the '\n' or the end of the text).
std::size_t lineEnd(std::string_view text, std::size_t pos)
{
    const void* nl = std::memchr(text.data() + pos, '\n', text.size() - pos);
    return nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - text.data()) : text.size();
}

enum class LineKind { Blank, Comment, Data };

LineKind classify(const char* p, const char* e)
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
const char* parseScore(const char* p, const char* e, double& value)
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

// One record split into fields, RFC 4180 quotes honoured (a quoted field may hold the
// delimiter, "" and line breaks). Returns the position after the record's '\n'.
// lines is incremented by the line breaks the record spans.
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

// Counts fields of a line quote-aware (for messages).
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

std::string quoteForMessage(std::string_view s)
{
    constexpr std::size_t kMax = 40;
    std::string out = "'";
    out += s.substr(0, kMax);
    if (s.size() > kMax)
        out += "...";
    return out + "'";
}

// How labels are read: integers in [0, targets), the ignore index, class names, and
// true / false for a binary file.
struct LabelRules {
    const std::vector<std::string>* classNames = nullptr;
    bool binary = false;
    std::int32_t targets = 0;
    std::int32_t ignoreIndex = kDefaultIgnoreIndex;

    std::string rangeText() const
    {
        return (binary ? std::string("0 or 1") : "a label in [0, " + std::to_string(targets) + ")")
            + " or the ignore index " + std::to_string(ignoreIndex);
    }

    // Checks an integer label; returns an empty string or what went wrong.
    bool valid(std::int64_t v) const { return v == ignoreIndex || (v >= 0 && v < targets); }

    std::string invalidMessage(std::string_view found) const
    {
        return "expected " + rangeText() + ", found " + std::string(found);
    }

    // The slow path for anything that is not a plain integer.
    bool parse(std::string_view field, std::int32_t& label, std::string& error) const
    {
        field = trim(field);
        if (field.empty()) {
            error = "expected a label, found an empty field";
            return false;
        }
        const char* first = field.data();
        const char* last = first + field.size();
        std::int64_t integer = 0;
        if (const char* end = parseNumber(first, last, integer); end == last) {
            if (!valid(integer)) {
                error = invalidMessage(field);
                return false;
            }
            label = static_cast<std::int32_t>(integer);
            return true;
        }
        double real = 0;
        if (const char* end = parseNumber(first, last, real); end == last) {
            if (!std::isfinite(real) || real != std::floor(real)) {
                error = "expected an integer label, found " + std::string(field);
                return false;
            }
            if (std::abs(real) > 2147483647.0 || !valid(static_cast<std::int64_t>(real))) {
                error = invalidMessage(field);
                return false;
            }
            label = static_cast<std::int32_t>(real);
            return true;
        }
        std::int32_t boolean = 0;
        if (binary && isBoolean(field, boolean)) {
            label = boolean;
            return true;
        }
        if (!binary && classNames) {
            for (std::size_t c = 0; c < classNames->size(); ++c)
                if ((*classNames)[c] == field) {
                    label = static_cast<std::int32_t>(c);
                    return true;
                }
        }
        if (binary) {
            error = "expected 0, 1, true, false or the ignore index " + std::to_string(ignoreIndex)
                + ", found " + quoteForMessage(field);
        } else {
            std::string names;
            for (std::size_t c = 0; c < classNames->size() && c < 12; ++c)
                names += (c ? ", " : "") + (*classNames)[c];
            if (classNames->size() > 12)
                names += ", ...";
            error = "expected an integer label or a class name (" + names + "), found "
                + quoteForMessage(field);
        }
        return false;
    }
};

// The text of a quoted field starting at p (on the '"'), without the quotes and with ""
// unescaped. end receives the position after the closing quote and any spaces.
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

struct Layout {
    char delimiter = ',';
    Index fields = 0;
    Index labelColumn = -1; // -1: none
    std::vector<std::string> header; // empty: no header
    std::vector<double*> columnOf; // per field: destination column (nullptr: label)
    std::vector<double*> scoreColumns; // the score columns in order
};

constexpr const char* kSkipHint = " (skip invalid rows to drop such rows)";

// The first non-finite score of a row: its field and what was found (nan, inf, -inf).
struct NonFiniteField {
    Index field = -1;
    const char* found = "";
};

struct Chunk {
    std::size_t begin = 0;
    std::size_t end = 0;
    Index lines = 0;
    Index rows = 0;
    Index lineOffset = 0;
    Index rowOffset = 0;
    Index ignored = 0;
    std::vector<Index> invalidRows;
    std::vector<NonFiniteRow> nonFinite; // labels from another file: rows to decide on later
    ScoreSummary summary; // of the rows parsed, ignored ones left out
    bool failed = false;
    Index errorLine = 0; // within the chunk, 0-based
    std::string error;
};

class ChunkParser {
public:
    ChunkParser(std::string_view text, const Layout& layout, const LabelRules& rules,
        std::int32_t* labels, bool skipInvalid)
        : m_text(text)
        , m_layout(layout)
        , m_rules(rules)
        , m_labels(labels)
        , m_skipInvalid(skipInvalid)
    {
    }

    void count(Chunk& chunk) const
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

    void parse(Chunk& chunk) const
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

private:
    std::string columnText(Index field) const
    {
        std::string s = "column " + std::to_string(field + 1);
        if (!m_layout.header.empty())
            s += " (" + quoteForMessage(m_layout.header[static_cast<std::size_t>(field)]) + ")";
        return s;
    }

    bool fail(Chunk& chunk, std::string message) const
    {
        chunk.error = std::move(message);
        return false;
    }

    bool parseRow(const char* p, const char* e, Index row, Chunk& chunk) const
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
                            + quoteForMessage(
                                std::string_view(p, static_cast<std::size_t>(e - p))));
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
                    const char* fieldEnd = static_cast<const char*>(
                        std::memchr(p, d, static_cast<std::size_t>(e - p)));
                    const std::string_view field(
                        p, static_cast<std::size_t>((fieldEnd ? fieldEnd : e) - p));
                    return fail(chunk,
                        columnText(f) + ": expected a number, found "
                            + quoteForMessage(trim(field)));
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
                    const char* fieldEnd = static_cast<const char*>(
                        std::memchr(p, d, static_cast<std::size_t>(e - p)));
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

    void storeLabel(std::int32_t label, Index row, Chunk& chunk) const
    {
        m_labels[row] = label;
        if (label == m_rules.ignoreIndex)
            ++chunk.ignored;
    }

    static void noteNonFinite(Index f, double value, NonFiniteField& nonFinite)
    {
        if (nonFinite.field < 0)
            nonFinite = {f, std::isnan(value) ? "nan" : (value > 0 ? "inf" : "-inf")};
    }

    std::string nonFiniteMessage(const NonFiniteField& nonFinite) const
    {
        return columnText(nonFinite.field) + ": expected a finite score, found " + nonFinite.found;
    }

    bool storeText(std::string_view text, Index f, Index row, double* column,
        NonFiniteField& nonFinite, Chunk& chunk) const
    {
        if (column) {
            const std::string_view t = trim(text);
            double value = 0;
            const char* end = parseScore(t.data(), t.data() + t.size(), value);
            if (!end || end != t.data() + t.size())
                return fail(
                    chunk, columnText(f) + ": expected a number, found " + quoteForMessage(t));
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

    std::string_view m_text;
    const Layout& m_layout;
    const LabelRules& m_rules;
    std::int32_t* m_labels;
    bool m_skipInvalid;
};

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

// The first data record's position and line (0-based), skipping comments and blanks.
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

} // namespace

bool isLabelColumnName(std::string_view name)
{
    for (std::string_view candidate : {"label", "target", "y", "y_true", "class", "gt"})
        if (equalsIgnoringCase(trim(name), candidate))
            return true;
    return false;
}

DelimitedTable readDelimited(std::string_view text, const std::string& name,
    const ReadOptions& options, bool withLabelColumn,
    const std::function<void(const char* begin, const char* end)>& consumed,
    const std::string& labelsName)
{
    text = checkedText(text, name);
    std::size_t first = 0;
    Index firstLine = 0;
    if (!findFirstRecord(text, first, firstLine))
        throw ReadError(name + ": expected data rows, found only blank or comment lines");

    Layout layout;
    layout.delimiter = detectDelimiter(text, first);
    std::vector<std::string> fields;
    Index headerLines = 0;
    const std::size_t afterFirst = splitRecord(text, first, layout.delimiter, fields, headerLines);
    layout.fields = static_cast<Index>(fields.size());
    std::int32_t boolean = 0;
    const bool hasHeader = std::any_of(fields.begin(), fields.end(),
        [&](const std::string& f) { return !isNumber(f) && !isBoolean(f, boolean); });
    if (hasHeader)
        layout.header = fields;

    if (!withLabelColumn && hasHeader)
        for (std::size_t f = 0; f < fields.size(); ++f)
            if (isLabelColumnName(fields[f]))
                throw ReadError(name + ":" + std::to_string(firstLine + 1) + ": column "
                    + std::to_string(f + 1) + " (" + quoteForMessage(fields[f])
                    + ") is a label column, and labels were given in "
                    + (labelsName.empty() ? std::string("another file") : labelsName)
                    + " as well: give the labels once (drop the labels file, or the column)");

    if (withLabelColumn) {
        layout.labelColumn = 0;
        if (hasHeader)
            for (std::size_t f = 0; f < fields.size(); ++f)
                if (isLabelColumnName(fields[f])) {
                    layout.labelColumn = static_cast<Index>(f);
                    break;
                }
        if (layout.fields < 2)
            throw ReadError(name + ":" + std::to_string(firstLine + 1)
                + ": expected at least 2 fields (a label and a score), found "
                + std::to_string(layout.fields));
    }
    const Index classes = layout.fields - (withLabelColumn ? 1 : 0);

    DelimitedTable table;
    table.delimiter = layout.delimiter;
    for (Index f = 0; f < layout.fields; ++f)
        if (f != layout.labelColumn)
            table.classNames.push_back(hasHeader ? fields[static_cast<std::size_t>(f)]
                                                 : std::to_string(table.classNames.size()));

    const std::size_t dataBegin = hasHeader ? afterFirst : first;
    const Index dataFirstLine = firstLine + (hasHeader ? headerLines : 0);
    std::vector<Chunk> chunks = makeChunks(text, dataBegin);
    const unsigned threads = threadsFor(text.size() - dataBegin);

    LabelRules rules;
    rules.classNames = &table.classNames;
    rules.binary = classes == 1;
    rules.targets = static_cast<std::int32_t>(classes == 1 ? 2 : classes);
    rules.ignoreIndex = options.ignoreIndex;

    // Pass 1: lines and data rows per chunk, so that pass 2 writes each row in place.
    ChunkParser counter(text, layout, rules, nullptr, options.skipInvalid);
    runChunks(
        chunks.size(), threads, [&](std::size_t k) { counter.count(chunks[k]); },
        scaledProgress(options.progress, 0.0, 0.1));
    Index rows = 0;
    Index lines = dataFirstLine;
    for (Chunk& chunk : chunks) {
        chunk.rowOffset = rows;
        chunk.lineOffset = lines;
        rows += chunk.rows;
        lines += chunk.lines;
    }
    if (rows == 0) {
        if (hasHeader)
            throw ReadError(name + ":" + std::to_string(firstLine + 1)
                + ": expected data rows after the header, found none");
        throw ReadError(name + ": expected data rows, found none");
    }

    // Pass 2: parse straight into the column-major matrix.
    table.scores.resize(rows, classes);
    adviseHugePages(
        table.scores.data(), static_cast<std::size_t>(table.scores.size()) * sizeof(double));
    if (withLabelColumn)
        table.labels.resize(rows);
    layout.columnOf.assign(static_cast<std::size_t>(layout.fields), nullptr);
    for (Index f = 0, c = 0; f < layout.fields; ++f)
        if (f != layout.labelColumn) {
            layout.columnOf[static_cast<std::size_t>(f)] = table.scores.data() + (c++) * rows;
            layout.scoreColumns.push_back(layout.columnOf[static_cast<std::size_t>(f)]);
        }
    ChunkParser parser(text, layout, rules, table.labels.data(), options.skipInvalid);
    runChunks(
        chunks.size(), threads,
        [&](std::size_t k) {
            parser.parse(chunks[k]);
            if (consumed)
                consumed(text.data() + chunks[k].begin, text.data() + chunks[k].end);
        },
        scaledProgress(options.progress, 0.1, 1.0));

    std::vector<Index> invalidRows;
    for (Chunk& chunk : chunks) {
        if (chunk.failed)
            throw ReadError(name + ":" + std::to_string(chunk.lineOffset + chunk.errorLine + 1)
                + ": " + chunk.error);
        table.ignored += chunk.ignored;
        table.summary.merge(chunk.summary);
        invalidRows.insert(invalidRows.end(), chunk.invalidRows.begin(), chunk.invalidRows.end());
        for (NonFiniteRow& row : chunk.nonFinite) {
            row.message
                = name + ":" + std::to_string(chunk.lineOffset + row.line + 1) + ": " + row.message;
            row.line += chunk.lineOffset;
            table.nonFinite.push_back(std::move(row));
        }
    }
    table.samples = rows;
    if (!withLabelColumn) {
        // Whether a non-finite row is skipped, an error or harmless (ignored) depends on labels
        // this file does not hold: the caller decides (dropRows).
        return table;
    }
    table.skipped = static_cast<Index>(invalidRows.size());
    if (!invalidRows.empty()) {
        // Drop the rows with a non-finite score, keeping the order of the rest.
        dropRows(table.scores, table.labels, invalidRows);
        table.summary = summarizeScores(table.scores, table.labels, options.ignoreIndex);
    }
    table.skippedRows = std::move(invalidRows);
    return table;
}

LabelVector readLabelColumn(std::string_view text, const std::string& name,
    const std::vector<std::string>& classNames, std::int32_t ignoreIndex, Index& ignored)
{
    text = checkedText(text, name);
    ignored = 0;
    std::size_t pos = 0;
    Index line = 0;
    if (!findFirstRecord(text, pos, line))
        throw ReadError(name + ": expected labels, found only blank or comment lines");

    LabelRules rules;
    rules.classNames = &classNames;
    rules.binary = classNames.size() == 1;
    rules.targets = static_cast<std::int32_t>(rules.binary ? 2 : classNames.size());
    rules.ignoreIndex = ignoreIndex;

    const char delimiter = detectDelimiter(text, pos);
    std::vector<std::string> fields;
    std::vector<std::int32_t> labels;
    bool firstRecord = true;
    while (pos < text.size()) {
        const std::size_t e = lineEnd(text, pos);
        if (classify(text.data() + pos, text.data() + e) != LineKind::Data) {
            pos = e + 1;
            ++line;
            continue;
        }
        const Index recordLine = line;
        pos = splitRecord(text, pos, delimiter, fields, line);
        if (fields.size() != 1)
            throw ReadError(name + ":" + std::to_string(recordLine + 1)
                + ": expected 1 field (a label), found " + std::to_string(fields.size()));
        std::int32_t label = 0;
        std::string error;
        // A first record named like a label column (label, target, y, ...) is the header, even
        // when a class has that name.
        if (firstRecord && isLabelColumnName(fields[0])) {
            firstRecord = false;
            continue;
        }
        if (!rules.parse(fields[0], label, error)) {
            // A first record that is no label at all is the header.
            if (firstRecord && !isNumber(fields[0]) && !isBoolean(fields[0], label)) {
                firstRecord = false;
                continue;
            }
            throw ReadError(name + ":" + std::to_string(recordLine + 1) + ": " + error);
        }
        firstRecord = false;
        if (label == ignoreIndex)
            ++ignored;
        labels.push_back(label);
    }
    if (labels.empty())
        throw ReadError(name + ": expected labels after the header, found none");
    return Eigen::Map<const LabelVector>(labels.data(), static_cast<Index>(labels.size()));
}

} // namespace focalscope
