#include "summary/summary_writer.h"

#include "io/file_bytes.h"
#include "io/npy_elements.h"
#include "io/npy_header.h"
#include "io/prediction_reader.h"
#include "io/read_error.h"
#include "summary/summary_builder.h"

#include <zip.h>

#include <bit>
#include <cstring>
#include <stdexcept>
#include <unistd.h>

namespace focalscope {

namespace {

static_assert(std::endian::native == std::endian::little, "writes little-endian arrays");

// A .npy (format 1.0) of the given descr and shape followed by data.
std::string npy(const std::string& descr, const std::vector<std::int64_t>& shape, const void* data,
    std::size_t bytes)
{
    std::string dims;
    for (std::int64_t d : shape)
        dims += std::to_string(d) + ", ";
    if (shape.size() > 1)
        dims.resize(dims.size() - 1);
    if (shape.size() > 1 && dims.ends_with(','))
        dims.pop_back();
    std::string header
        = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + dims + "), }";
    const std::size_t unpadded = 10 + header.size() + 1;
    header.append((64 - unpadded % 64) % 64, ' ');
    header += '\n';
    std::string out("\x93NUMPY\x01\x00", 8);
    out += static_cast<char>(header.size() & 0xff);
    out += static_cast<char>(header.size() >> 8);
    out += header;
    out.append(static_cast<const char*>(data), bytes);
    return out;
}

std::string int64Array(const std::vector<std::int64_t>& v, const std::vector<std::int64_t>& shape)
{
    return npy("<i8", shape, v.data(), v.size() * sizeof(std::int64_t));
}

std::string int64Scalar(std::int64_t v)
{
    return npy("<i8", {}, &v, sizeof v);
}

std::string doubleArray(const std::vector<double>& v)
{
    return npy("<f8", {static_cast<std::int64_t>(v.size())}, v.data(), v.size() * sizeof(double));
}

// Decodes UTF-8 to code points (invalid bytes become U+FFFD).
std::u32string codePoints(const std::string& text)
{
    std::u32string out;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const int extra = c < 0x80 ? 0
            : (c >> 5) == 6        ? 1
            : (c >> 4) == 14       ? 2
            : (c >> 3) == 30       ? 3
                                   : -1;
        if (extra < 0 || i + static_cast<std::size_t>(extra) >= text.size() + (extra == 0)) {
            out += U'\uFFFD';
            ++i;
            continue;
        }
        char32_t cp = extra == 0 ? c : c & (0x3f >> extra);
        for (int k = 1; k <= extra; ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3f);
        out += cp;
        i += static_cast<std::size_t>(extra) + 1;
    }
    return out;
}

// A unicode array (<U n, UTF-32) of the strings; shape () for a scalar.
std::string unicodeArray(const std::vector<std::string>& strings, bool scalar)
{
    std::vector<std::u32string> wide;
    std::size_t width = 1;
    for (const std::string& s : strings) {
        wide.push_back(codePoints(s));
        width = std::max(width, wide.back().size());
    }
    std::vector<char32_t> data(width * wide.size(), U'\0');
    for (std::size_t i = 0; i < wide.size(); ++i)
        std::copy(wide[i].begin(), wide[i].end(), data.begin() + static_cast<long>(i * width));
    const std::vector<std::int64_t> shape = scalar
        ? std::vector<std::int64_t> {}
        : std::vector<std::int64_t> {static_cast<std::int64_t>(wide.size())};
    return npy("<U" + std::to_string(width), shape, data.data(), data.size() * sizeof(char32_t));
}

struct Archive {
    zip_t* zip = nullptr;
    ~Archive()
    {
        if (zip)
            zip_discard(zip);
    }
};

} // namespace

void writeSummary(const Summary& s, const std::filesystem::path& path)
{
    const std::int64_t c = s.classes(), t = s.targets(), b = s.bins();
    const std::vector<std::pair<const char*, std::string>> arrays {
        {"format_version", int64Scalar(kSummaryFormatVersion)},
        {"kind", unicodeArray({scoreKindName(s.kind)}, true)},
        {"task", unicodeArray({s.binary ? "binary" : "multiclass"}, true)},
        {"class_names", unicodeArray(s.classNames, false)},
        {"scale_bits", int64Scalar(s.scaleBits)},
        {"range", int64Scalar(s.range)},
        {"ignore_index", int64Scalar(s.ignoreIndex)},
        {"pos_counts", int64Array(s.posCounts, {c, b})},
        {"neg_counts", int64Array(s.negCounts, {c, b})},
        {"pt_counts", int64Array(s.ptCounts, {t, b})},
        {"samples", int64Scalar(s.samples)},
        {"ignored", int64Scalar(s.ignored)},
        {"score_min", doubleArray(s.scoreMin)},
        {"score_max", doubleArray(s.scoreMax)},
        {"pt_logit_min", doubleArray(s.ptLogitMin)},
        {"pt_logit_max", doubleArray(s.ptLogitMax)},
    };
    const std::string name = path.string();
    const std::string temporary = name + ".part" + std::to_string(::getpid());
    int code = 0;
    Archive archive;
    archive.zip = zip_open(temporary.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (!archive.zip)
        throw std::runtime_error(name + ": cannot create the summary archive");
    for (const auto& [key, bytes] : arrays) {
        zip_source_t* source = zip_source_buffer(archive.zip, bytes.data(), bytes.size(), 0);
        const zip_int64_t index = source ? zip_file_add(archive.zip,
                                      (std::string(key) + ".npy").c_str(), source, ZIP_FL_OVERWRITE)
                                         : -1;
        if (index < 0) {
            if (source)
                zip_source_free(source);
            throw std::runtime_error(name + ": cannot add " + key + ".npy to the archive");
        }
        zip_set_file_compression(archive.zip, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 0);
    }
    // The buffers above live until zip_close has written them.
    if (zip_close(archive.zip) != 0) {
        const std::string message = zip_strerror(archive.zip);
        std::filesystem::remove(temporary);
        throw std::runtime_error(name + ": cannot write the summary: " + message);
    }
    archive.zip = nullptr;
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error) {
        std::filesystem::remove(temporary);
        throw std::runtime_error(name + ": cannot write the summary: " + error.message());
    }
}

namespace {

bool isNpy(const std::filesystem::path& path)
{
    try {
        return fileHead(path, 6) == std::string("\x93NUMPY", 6);
    } catch (const ReadError&) {
        return false;
    }
}

// A .npy read in row chunks through FileReader (pread): never mapped or held whole.
class NpyRows {
public:
    explicit NpyRows(const std::filesystem::path& path)
        : m_file(path)
    {
        const std::string head = m_file.npyHead();
        m_header = parseNpyHeader(head, m_file.size(), m_file.name());
        if (m_header.fortranOrder && m_header.shape.size() > 1)
            throw ReadError(m_file.name() + ": a Fortran-ordered array cannot be read in row "
                + "chunks; summarize reads C-ordered .npy files (np.ascontiguousarray)");
        m_swap = npy::needsSwap(m_header.byteOrder);
    }
    const NpyHeader& header() const { return m_header; }
    const std::string& name() const { return m_file.name(); }
    // Elements [first, first + count) as raw bytes.
    void read(std::int64_t first, std::int64_t count, std::vector<char>& bytes) const
    {
        const auto size = static_cast<std::size_t>(m_header.itemSize);
        bytes.resize(static_cast<std::size_t>(count) * size);
        m_file.read(m_header.dataOffset + static_cast<std::size_t>(first) * size, bytes.data(),
            bytes.size());
    }
    bool swap() const { return m_swap; }

private:
    FileReader m_file;
    NpyHeader m_header;
    bool m_swap = false;
};

template<int Size, bool Swap> void widen(const std::vector<char>& bytes, std::vector<double>& out)
{
    out.resize(bytes.size() / Size);
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = npy::loadScore<Size, Swap>(bytes.data() + i * Size);
}

void scoresOf(const NpyRows& npy, const std::vector<char>& bytes, std::vector<double>& out)
{
    const int size = npy.header().itemSize;
    const bool swap = npy.swap();
    if (size == 2)
        swap ? widen<2, true>(bytes, out) : widen<2, false>(bytes, out);
    else if (size == 4)
        swap ? widen<4, true>(bytes, out) : widen<4, false>(bytes, out);
    else
        swap ? widen<8, true>(bytes, out) : widen<8, false>(bytes, out);
}

void labelsOf(const NpyRows& npy, const std::vector<char>& bytes, std::vector<std::int64_t>& out)
{
    const NpyHeader& h = npy.header();
    const auto size = static_cast<std::size_t>(h.itemSize);
    out.resize(bytes.size() / size);
    for (std::size_t i = 0; i < out.size(); ++i) {
        std::uint64_t raw = 0;
        const char* p = bytes.data() + i * size;
        switch (size) {
        case 1:
            raw = npy::loadRaw<std::uint8_t>(p, false);
            break;
        case 2:
            raw = npy::loadRaw<std::uint16_t>(p, npy.swap());
            break;
        case 4:
            raw = npy::loadRaw<std::uint32_t>(p, npy.swap());
            break;
        default:
            raw = npy::loadRaw<std::uint64_t>(p, npy.swap());
            break;
        }
        if (h.typeCode == 'i') {
            const unsigned bits = static_cast<unsigned>(size * 8);
            const std::uint64_t sign = std::uint64_t {1} << (bits - 1);
            out[i] = bits == 64
                ? static_cast<std::int64_t>(raw)
                : static_cast<std::int64_t>((raw ^ sign)) - static_cast<std::int64_t>(sign);
        } else {
            out[i] = static_cast<std::int64_t>(raw);
        }
    }
}

Summary summarizeNpy(const std::filesystem::path& predictions, const std::filesystem::path& labels,
    const ReadOptions& options, std::size_t chunkRows)
{
    const NpyRows scores(predictions);
    const NpyRows targets(labels);
    const NpyHeader& sh = scores.header();
    const NpyHeader& lh = targets.header();
    if (sh.typeCode != 'f' || (sh.itemSize != 2 && sh.itemSize != 4 && sh.itemSize != 8))
        throw ReadError(scores.name()
            + ": expected scores of dtype float16, float32 or float64, found " + sh.descr);
    if ((lh.typeCode != 'i' && lh.typeCode != 'u' && lh.typeCode != 'b') || lh.itemSize > 8)
        throw ReadError(targets.name() + ": expected integer or bool labels, found " + lh.descr);
    const std::int64_t c = sh.shape.size() <= 1 ? 1 : sh.shape.back();
    const std::int64_t rows = c == 0 ? 0 : sh.count / c;
    if (sh.shape.empty() || c < 1)
        throw ReadError(scores.name() + ": expected scores with at least one class, found shape "
            + shapeString(sh.shape));
    if (lh.count != rows)
        throw ReadError(targets.name() + ": expected " + std::to_string(rows)
            + " labels (one per row of " + scores.name() + "), found " + std::to_string(lh.count));

    std::vector<char> bytes;
    std::vector<double> x;
    std::vector<std::int64_t> y;
    const auto chunk = static_cast<std::int64_t>(chunkRows);
    ScoreKind kind
        = options.kind == KindRequest::Probabilities ? ScoreKind::Probabilities : ScoreKind::Logits;
    if (options.kind == KindRequest::Auto) {
        bool probabilities = rows > 0;
        for (std::int64_t first = 0; first < rows && probabilities; first += chunk) {
            const std::int64_t n = std::min(chunk, rows - first);
            scores.read(first * c, n * c, bytes);
            scoresOf(scores, bytes, x);
            for (std::int64_t r = 0; r < n && probabilities; ++r)
                probabilities = rowLooksLikeProbabilities(std::span<const double>(x).subspan(
                    static_cast<std::size_t>(r * c), static_cast<std::size_t>(c)));
        }
        kind = probabilities ? ScoreKind::Probabilities : ScoreKind::Logits;
    }
    std::vector<std::string> names;
    for (std::int64_t j = 0; j < c; ++j)
        names.push_back(std::to_string(j));
    SummaryBuilder builder(kind, names, options.ignoreIndex);
    for (std::int64_t first = 0; first < rows; first += chunk) {
        const std::int64_t n = std::min(chunk, rows - first);
        scores.read(first * c, n * c, bytes);
        scoresOf(scores, bytes, x);
        targets.read(first, n, bytes);
        labelsOf(targets, bytes, y);
        try {
            builder.add(x, y, first);
        } catch (const std::invalid_argument& error) {
            throw ReadError(scores.name() + ": " + error.what());
        }
        if (options.progress && !options.progress(static_cast<double>(first + n) / rows))
            throw ReadCancelled();
    }
    return builder.summary();
}

} // namespace

Summary summarizeFile(const std::filesystem::path& predictions, const std::filesystem::path& labels,
    const ReadOptions& options, std::size_t chunkRows)
{
    if (!labels.empty() && isNpy(predictions) && isNpy(labels))
        return summarizeNpy(predictions, labels, options, chunkRows);
    const ReadResult input = readPredictions(predictions, labels, options);
    const Predictions& p = input.predictions;
    SummaryBuilder builder(p.kind, p.classNames, options.ignoreIndex);
    const Index c = p.scores.cols();
    std::vector<double> x(static_cast<std::size_t>(c));
    std::vector<std::int64_t> y(1);
    // Rows dropped by --skip-invalid are not in p; the summary counts the rows it holds.
    for (Index i = 0; i < p.scores.rows(); ++i) {
        for (Index j = 0; j < c; ++j)
            x[static_cast<std::size_t>(j)] = p.scores(i, j);
        y[0] = p.labels[i];
        try {
            builder.add(x, y, i);
        } catch (const std::invalid_argument& error) {
            throw ReadError(displayName(predictions) + ": " + error.what());
        }
    }
    return builder.summary();
}

} // namespace focalscope
