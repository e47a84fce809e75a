#include "io/npy_reader.h"

#include "io/file_bytes.h"
#include "io/parallel_chunks.h"
#include "io/read_error.h"
#include "platform/byte_swap.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cctype>
#include <charconv>
#include <concepts>
#include <cstring>
#include <limits>
#include <type_traits>

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

// IEEE 754 binary16 to binary32, exact (subnormals, infinities and NaN included).
float halfToFloat(std::uint16_t h)
{
    const std::uint32_t sign = static_cast<std::uint32_t>(h & 0x8000u) << 16;
    const std::uint32_t exponent = (h >> 10) & 0x1fu;
    std::uint32_t mantissa = h & 0x3ffu;
    std::uint32_t bits = 0;
    if (exponent == 0x1f) {
        bits = sign | 0x7f800000u | (mantissa << 13);
    } else if (exponent != 0) {
        bits = sign | ((exponent + 112) << 23) | (mantissa << 13);
    } else if (mantissa == 0) {
        bits = sign;
    } else {
        // Subnormal half: normalise into a float.
        std::uint32_t e = 113;
        while ((mantissa & 0x400u) == 0) {
            mantissa <<= 1;
            --e;
        }
        bits = sign | (e << 23) | ((mantissa & 0x3ffu) << 13);
    }
    return std::bit_cast<float>(bits);
}

// An unsigned integer of sizeof(U) bytes at p, byte-swapped when swap is set.
template<std::unsigned_integral U> U loadRaw(const char* p, bool swap)
{
    U value;
    std::memcpy(&value, p, sizeof(U));
    if (swap)
        value = byteSwap(value);
    return value;
}

// One score widened to double without loss (float16 and float32 are subsets of float64).
template<int Size, bool Swap> double loadScore(const char* p)
{
    if constexpr (Size == 2) {
        return static_cast<double>(halfToFloat(loadRaw<std::uint16_t>(p, Swap)));
    } else if constexpr (Size == 4) {
        return static_cast<double>(std::bit_cast<float>(loadRaw<std::uint32_t>(p, Swap)));
    } else {
        return std::bit_cast<double>(loadRaw<std::uint64_t>(p, Swap));
    }
}

bool needsSwap(char byteOrder)
{
    constexpr bool little = std::endian::native == std::endian::little;
    return (byteOrder == '<' && !little) || (byteOrder == '>' && little);
}

// C-order position of each Fortran-order position of the leading axes, visited in
// Fortran order (first axis fastest): calls visit(fortranIndex, cIndex).
template<typename Visit>
void forEachFortranPosition(const std::vector<std::int64_t>& dims, Visit visit)
{
    const std::size_t k = dims.size();
    std::int64_t total = 1;
    for (std::int64_t d : dims)
        total *= d;
    if (total == 0)
        return;
    std::vector<std::int64_t> cStride(k, 1), index(k, 0);
    for (std::size_t j = k; j-- > 1;)
        cStride[j - 1] = cStride[j] * dims[j];
    std::int64_t c = 0;
    for (std::int64_t f = 0; f < total; ++f) {
        visit(f, c);
        for (std::size_t j = 0; j < k; ++j) {
            if (++index[j] < dims[j]) {
                c += cStride[j];
                break;
            }
            c -= (dims[j] - 1) * cStride[j];
            index[j] = 0;
        }
    }
}

// Converts rows [rowBegin, rowEnd) of every column into the column-major out, where
// element(r, c) gives the bytes of score (r, c), and adds them to summary: the finiteness, the
// unit interval and the row sums (in double, over the columns in order) are taken on the way,
// so that nothing reads the matrix again. Blocks of rows and columns that stay in cache.
template<int Size, bool Swap, typename Element>
void convertRows(
    Element element, Index rowBegin, Index rowEnd, ScoreMatrix& out, ScoreSummary& summary)
{
    constexpr Index kRowBlock = 256;
    constexpr Index kColumnBlock = 64;
    const Index n = out.rows();
    const Index classes = out.cols();
    std::array<double, kRowBlock> sums {};
    for (Index r0 = rowBegin; r0 < rowEnd; r0 += kRowBlock) {
        const Index r1 = std::min(rowEnd, r0 + kRowBlock);
        std::fill(sums.begin(), sums.end(), 0.0);
        for (Index c0 = 0; c0 < classes; c0 += kColumnBlock) {
            const Index c1 = std::min(classes, c0 + kColumnBlock);
            for (Index c = c0; c < c1; ++c) {
                double* target = out.data() + c * n;
                std::uint32_t nonFinite = 0;
                std::uint32_t outside = 0;
                for (Index r = r0; r < r1; ++r) {
                    const double value = loadScore<Size, Swap>(element(r, c));
                    target[r] = value;
                    const auto bits = std::bit_cast<std::uint64_t>(value);
                    nonFinite |= (bits & ScoreSummary::kExponent) == ScoreSummary::kExponent;
                    outside |= bits > ScoreSummary::kOne && bits != ScoreSummary::kNegativeZero;
                    sums[static_cast<std::size_t>(r - r0)] += value;
                }
                summary.allFinite &= nonFinite == 0;
                summary.allInUnitInterval &= outside == 0;
            }
        }
        for (Index r = r0; r < r1; ++r)
            summary.addRowSum(r, sums[static_cast<std::size_t>(r - r0)]);
    }
}

// Rows per task: about 256 KB of source bytes, so that a task's piece stays in cache.
Index rowsPerTask(Index classes, int size)
{
    constexpr Index kTaskBytes = Index {1} << 18;
    return std::max<Index>(256, kTaskBytes / (classes * size));
}

// The scores from bytes in memory (an .npy mapping or an .npz entry).
template<int Size, bool Swap>
void convertScores(const char* src, const NpyHeader& header, ScoreMatrix& out,
    const std::function<bool(double)>& progress, ScoreSummary& summary)
{
    const Index n = out.rows();
    const Index classes = out.cols();
    const std::size_t bytes = static_cast<std::size_t>(n * classes) * Size;

    if (header.fortranOrder && header.shape.size() > 2) {
        // Fortran order over several leading axes: rows in C order of those axes, column by
        // column; the summary in a pass of its own (a rare layout).
        const std::vector<std::int64_t> leading(header.shape.begin(), header.shape.end() - 1);
        runChunks(
            static_cast<std::size_t>(classes), threadsFor(bytes),
            [&](std::size_t c) {
                const char* column
                    = src + static_cast<std::size_t>(c) * static_cast<std::size_t>(n) * Size;
                double* target
                    = out.data() + static_cast<std::size_t>(c) * static_cast<std::size_t>(n);
                forEachFortranPosition(leading, [&](std::int64_t f, std::int64_t r) {
                    target[r] = loadScore<Size, Swap>(column + f * Size);
                });
            },
            progress);
        summary = summarizeScores(out);
        return;
    }

    const bool fortran = header.fortranOrder;
    const Index taskRows = rowsPerTask(classes, Size);
    const std::size_t tasks = static_cast<std::size_t>((n + taskRows - 1) / taskRows);
    std::vector<ScoreSummary> summaries(tasks);
    runChunks(
        tasks, threadsFor(bytes),
        [&](std::size_t task) {
            const Index rowBegin = static_cast<Index>(task) * taskRows;
            const Index rowEnd = std::min(n, rowBegin + taskRows);
            if (fortran)
                convertRows<Size, Swap>(
                    [&](Index r, Index c) {
                        return src + static_cast<std::size_t>(c * n + r) * Size;
                    },
                    rowBegin, rowEnd, out, summaries[task]);
            else
                convertRows<Size, Swap>(
                    [&](Index r, Index c) {
                        return src + static_cast<std::size_t>(r * classes + c) * Size;
                    },
                    rowBegin, rowEnd, out, summaries[task]);
        },
        progress);
    for (const ScoreSummary& part : summaries)
        summary.merge(part);
}

// The scores from a file, read in pieces of about 256 KB by each thread: a piece of C-order rows
// (or of each column, in Fortran order) into a buffer of the thread's own and converted from
// there, or, for native float64 columns, straight into the matrix and checked in place.
template<int Size, bool Swap>
void readScores(const FileReader& file, const NpyHeader& header, ScoreMatrix& out,
    const std::function<bool(double)>& progress, ScoreSummary& summary)
{
    const Index n = out.rows();
    const Index classes = out.cols();
    const std::size_t bytes = static_cast<std::size_t>(n * classes) * Size;
    const bool fortran = header.fortranOrder || classes == 1;
    const bool inPlace = fortran && Size == 8 && !Swap;
    const Index taskRows = rowsPerTask(classes, Size);
    const std::size_t tasks = static_cast<std::size_t>((n + taskRows - 1) / taskRows);
    std::vector<ScoreSummary> summaries(tasks);
    runChunks(
        tasks, threadsFor(bytes),
        [&](std::size_t task) {
            const Index rowBegin = static_cast<Index>(task) * taskRows;
            const Index rowEnd = std::min(n, rowBegin + taskRows);
            const Index rows = rowEnd - rowBegin;
            auto offsetOf = [&](Index r, Index c) {
                const Index element = fortran ? c * n + r : r * classes + c;
                return header.dataOffset + static_cast<std::size_t>(element) * Size;
            };
            if (inPlace) {
                for (Index c = 0; c < classes; ++c)
                    file.read(offsetOf(rowBegin, c),
                        reinterpret_cast<char*>(out.data() + c * n + rowBegin),
                        static_cast<std::size_t>(rows) * Size);
                convertRows<Size, Swap>(
                    [&](Index r, Index c) {
                        return reinterpret_cast<const char*>(out.data() + c * n + r);
                    },
                    rowBegin, rowEnd, out, summaries[task]);
                return;
            }
            thread_local std::vector<char> buffer;
            buffer.resize(static_cast<std::size_t>(rows * classes) * Size);
            if (fortran) {
                for (Index c = 0; c < classes; ++c)
                    file.read(offsetOf(rowBegin, c),
                        buffer.data() + static_cast<std::size_t>(c * rows) * Size,
                        static_cast<std::size_t>(rows) * Size);
                convertRows<Size, Swap>(
                    [&](Index r, Index c) {
                        return buffer.data()
                            + static_cast<std::size_t>(c * rows + r - rowBegin) * Size;
                    },
                    rowBegin, rowEnd, out, summaries[task]);
            } else {
                file.read(offsetOf(rowBegin, 0), buffer.data(), buffer.size());
                convertRows<Size, Swap>(
                    [&](Index r, Index c) {
                        return buffer.data()
                            + static_cast<std::size_t>((r - rowBegin) * classes + c) * Size;
                    },
                    rowBegin, rowEnd, out, summaries[task]);
            }
        },
        progress);
    for (const ScoreSummary& part : summaries)
        summary.merge(part);
}

template<typename T> std::int64_t loadLabel(const char* p, bool swap)
{
    using U = std::make_unsigned_t<T>;
    return static_cast<std::int64_t>(static_cast<T>(loadRaw<U>(p, swap)));
}

std::int64_t loadInteger(const char* p, char typeCode, int size, bool swap, bool& tooLarge)
{
    tooLarge = false;
    if (typeCode == 'b')
        return *p != 0 ? 1 : 0;
    if (typeCode == 'i') {
        switch (size) {
        case 1:
            return loadLabel<std::int8_t>(p, swap);
        case 2:
            return loadLabel<std::int16_t>(p, swap);
        case 4:
            return loadLabel<std::int32_t>(p, swap);
        default:
            return loadLabel<std::int64_t>(p, swap);
        }
    }
    switch (size) {
    case 1:
        return static_cast<std::int64_t>(static_cast<std::uint8_t>(*p));
    case 2:
        return loadRaw<std::uint16_t>(p, swap);
    case 4:
        return loadRaw<std::uint32_t>(p, swap);
    default: {
        const std::uint64_t v = loadRaw<std::uint64_t>(p, swap);
        tooLarge = v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
        return static_cast<std::int64_t>(v);
    }
    }
}

// Labels in memory order and native byte order, straight into int32; false when a value does
// not fit (the caller then finds it and says so).
template<typename T> bool convertLabelsOf(const char* src, std::int64_t count, std::int32_t* dst)
{
    bool fits = true;
    for (std::int64_t i = 0; i < count; ++i) {
        T v;
        std::memcpy(&v, src + i * std::int64_t(sizeof(T)), sizeof(T));
        if constexpr (std::is_same_v<T, std::int64_t>)
            fits &= v >= std::numeric_limits<std::int32_t>::min()
                && v <= std::numeric_limits<std::int32_t>::max();
        else if constexpr (std::is_same_v<T, std::uint32_t> || std::is_same_v<T, std::uint64_t>)
            fits &= v <= static_cast<T>(std::numeric_limits<std::int32_t>::max());
        dst[i] = static_cast<std::int32_t>(v);
    }
    return fits;
}

bool convertLabels(const char* src, const NpyHeader& header, std::int64_t n, std::int32_t* dst)
{
    if (header.typeCode == 'b') {
        for (std::int64_t i = 0; i < n; ++i)
            dst[i] = src[i] != 0 ? 1 : 0;
        return true;
    }
    const bool isSigned = header.typeCode == 'i';
    switch (header.itemSize) {
    case 1:
        return isSigned ? convertLabelsOf<std::int8_t>(src, n, dst)
                        : convertLabelsOf<std::uint8_t>(src, n, dst);
    case 2:
        return isSigned ? convertLabelsOf<std::int16_t>(src, n, dst)
                        : convertLabelsOf<std::uint16_t>(src, n, dst);
    case 4:
        return isSigned ? convertLabelsOf<std::int32_t>(src, n, dst)
                        : convertLabelsOf<std::uint32_t>(src, n, dst);
    default:
        return isSigned ? convertLabelsOf<std::int64_t>(src, n, dst)
                        : convertLabelsOf<std::uint64_t>(src, n, dst);
    }
}

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

namespace {

// The shape checks of both npyScores; returns the matrix to fill.
ScoreMatrix scoreMatrixFor(const NpyHeader& header, const std::string& name)
{
    const bool floating = header.typeCode == 'f'
        && (header.itemSize == 2 || header.itemSize == 4 || header.itemSize == 8);
    if (!floating)
        throw ReadError(name + ": unsupported dtype '" + header.descr
            + "': expected scores of dtype f2, f4 or f8");
    if (header.shape.empty())
        throw ReadError(name + ": shape (): expected an array of at least one dimension (rows)");
    const Index classes = header.shape.size() == 1 ? 1 : header.shape.back();
    if (classes == 0)
        throw ReadError(name + ": shape " + shapeString(header.shape)
            + ": expected at least one class column in the last axis, found 0");
    const Index n = header.count / classes;
    if (n == 0)
        throw ReadError(
            name + ": shape " + shapeString(header.shape) + ": expected at least one row, found 0");
    ScoreMatrix scores(n, classes);
    adviseHugePages(scores.data(), static_cast<std::size_t>(scores.size()) * sizeof(double));
    return scores;
}

// Calls convert.template operator()<Size, Swap>() for the header's item size and byte order.
template<typename Convert> void dispatchScores(const NpyHeader& header, Convert&& convert)
{
    const bool swap = needsSwap(header.byteOrder);
    switch (header.itemSize * (swap ? -1 : 1)) {
    case 2:
        convert.template operator()<2, false>();
        break;
    case -2:
        convert.template operator()<2, true>();
        break;
    case 4:
        convert.template operator()<4, false>();
        break;
    case -4:
        convert.template operator()<4, true>();
        break;
    case 8:
        convert.template operator()<8, false>();
        break;
    default:
        convert.template operator()<8, true>();
        break;
    }
}

} // namespace

ScoreMatrix npyScores(std::string_view bytes, const NpyHeader& header, const std::string& name,
    const std::function<bool(double)>& progress, bool* allFinite, ScoreSummary* summary)
{
    ScoreMatrix scores = scoreMatrixFor(header, name);
    const char* src = bytes.data() + header.dataOffset;
    ScoreSummary found;
    dispatchScores(header, [&]<int Size, bool Swap>() {
        convertScores<Size, Swap>(src, header, scores, progress, found);
    });
    if (allFinite)
        *allFinite = found.allFinite;
    if (summary)
        *summary = found;
    return scores;
}

ScoreMatrix npyScores(const FileReader& file, const NpyHeader& header,
    const std::function<bool(double)>& progress, ScoreSummary& summary)
{
    if (header.fortranOrder && header.shape.size() > 2) {
        const FileBytes bytes(std::filesystem::path(file.name()));
        return npyScores(bytes.view(), header, file.name(), progress, nullptr, &summary);
    }
    ScoreMatrix scores = scoreMatrixFor(header, file.name());
    summary = ScoreSummary();
    dispatchScores(header, [&]<int Size, bool Swap>() {
        readScores<Size, Swap>(file, header, scores, progress, summary);
    });
    return scores;
}

namespace {

void checkLabelDtype(const NpyHeader& header, const std::string& name)
{
    const bool integral = (header.typeCode == 'b' && header.itemSize == 1)
        || ((header.typeCode == 'i' || header.typeCode == 'u')
            && (header.itemSize == 1 || header.itemSize == 2 || header.itemSize == 4
                || header.itemSize == 8));
    if (!integral)
        throw ReadError(name + ": unsupported label dtype '" + header.descr
            + "': expected an integer (i1..i8, u1..u8) or bool (b1) dtype");
}

} // namespace

LabelVector npyLabels(const FileReader& file, const NpyHeader& header)
{
    checkLabelDtype(header, file.name());
    const auto mapped = [&] {
        const FileBytes bytes(std::filesystem::path(file.name()));
        return npyLabels(bytes.view(), header, file.name());
    };
    // Byte-swapped or Fortran-ordered labels are read element by element from a mapping.
    if (needsSwap(header.byteOrder) || (header.fortranOrder && header.shape.size() >= 2))
        return mapped();
    LabelVector labels(header.count);
    adviseHugePages(labels.data(), static_cast<std::size_t>(labels.size()) * sizeof(std::int32_t));
    constexpr std::int64_t kPieceBytes = std::int64_t {1} << 20;
    const std::int64_t pieceCount = std::max<std::int64_t>(1, kPieceBytes / header.itemSize);
    std::vector<char> buffer(static_cast<std::size_t>(
        std::min(pieceCount, std::max<std::int64_t>(header.count, 1)) * header.itemSize));
    for (std::int64_t first = 0; first < header.count; first += pieceCount) {
        const std::int64_t count = std::min(pieceCount, header.count - first);
        file.read(header.dataOffset + static_cast<std::size_t>(first * header.itemSize),
            buffer.data(), static_cast<std::size_t>(count * header.itemSize));
        if (!convertLabels(buffer.data(), header, count, labels.data() + first))
            return mapped(); // a value that does not fit: found and named there
    }
    return labels;
}

LabelVector npyLabels(std::string_view bytes, const NpyHeader& header, const std::string& name)
{
    checkLabelDtype(header, name);

    LabelVector labels(header.count);
    const char* src = bytes.data() + header.dataOffset;
    const bool swap = needsSwap(header.byteOrder);
    auto store = [&](std::int64_t from, std::int64_t to) {
        bool tooLarge = false;
        const std::int64_t v = loadInteger(
            src + from * header.itemSize, header.typeCode, header.itemSize, swap, tooLarge);
        if (tooLarge || v < std::numeric_limits<std::int32_t>::min()
            || v > std::numeric_limits<std::int32_t>::max()) {
            const std::string found = tooLarge
                ? std::to_string(loadRaw<std::uint64_t>(src + from * header.itemSize, swap))
                : std::to_string(v);
            throw ReadError(name + ": element " + std::to_string(from)
                + ": expected a label that fits in 32 bits, found " + found);
        }
        labels[to] = static_cast<std::int32_t>(v);
    };
    if (header.fortranOrder && header.shape.size() >= 2) {
        forEachFortranPosition(header.shape, store);
    } else if (swap || !convertLabels(src, header, header.count, labels.data())) {
        // Byte-swapped, or a value that does not fit: element by element, naming the culprit.
        for (std::int64_t i = 0; i < header.count; ++i)
            store(i, i);
    }
    return labels;
}

std::vector<std::string> npyStrings(
    std::string_view bytes, const NpyHeader& header, const std::string& name)
{
    if (header.typeCode != 'U' && header.typeCode != 'S')
        throw ReadError(name + ": unsupported dtype '" + header.descr
            + "': expected a unicode ('<U..') or bytes ('|S..') array of names");
    std::vector<std::string> strings;
    strings.reserve(static_cast<std::size_t>(header.count));
    const char* src = bytes.data() + header.dataOffset;
    const bool swap = needsSwap(header.byteOrder);
    for (std::int64_t i = 0; i < header.count; ++i) {
        const char* item = src + i * header.itemSize;
        std::string s;
        if (header.typeCode == 'S') {
            s.assign(item, strnlen(item, static_cast<std::size_t>(header.itemSize)));
        } else {
            for (int k = 0; k < header.itemSize / 4; ++k) {
                const std::uint32_t cp = loadRaw<std::uint32_t>(item + 4 * k, swap);
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
