#include "summary/summary_file.h"

#include "io/csv_blocks.h"
#include "io/file_bytes.h"
#include "io/npy_elements.h"
#include "io/npy_header.h"
#include "io/read_error.h"
#include "summary/summary_builder.h"

#include <algorithm>
#include <memory>
#include <span>
#include <stdexcept>
#include <string_view>

namespace focalscope {

namespace {

// The file's first bytes are magic: .npy ("\x93NUMPY") or zip (an .npz archive).
bool startsWith(const std::filesystem::path& path, std::string_view magic)
{
    return fileHead(path, magic.size()) == magic;
}

bool isNpy(const std::filesystem::path& path)
{
    return startsWith(path, std::string_view("\x93NUMPY", 6));
}

bool isZip(const std::filesystem::path& path)
{
    return startsWith(path, "PK\x03\x04") || startsWith(path, "PK\x05\x06");
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

// One piece of the input: scores row-major (rows x C) and their labels.
struct Rows {
    std::vector<double> x;
    std::vector<std::int64_t> y;
    std::int64_t first = 0; // the index of the first row in the input, for messages
};

// An input read piece by piece, any number of times.
class RowSource {
public:
    virtual ~RowSource() = default;
    virtual bool next(Rows& rows) = 0; // false at the end
    virtual void rewind() = 0;
    virtual double fractionRead() const = 0;
    virtual std::vector<std::string> classNames() const = 0;
    // The file a bad label or score found by the builder is reported in.
    virtual const std::string& errorName() const = 0;
};

void checkLabelType(const NpyRows& labels)
{
    const NpyHeader& lh = labels.header();
    if ((lh.typeCode != 'i' && lh.typeCode != 'u' && lh.typeCode != 'b') || lh.itemSize > 8)
        throw ReadError(labels.name() + ": expected integer or bool labels, found " + lh.descr);
}

std::string countMismatch(const NpyRows& labels, std::int64_t rows, const std::string& scoresName)
{
    return labels.name() + ": expected " + std::to_string(rows) + " labels (one per row of "
        + scoresName + "), found " + std::to_string(labels.header().count);
}

// A C-ordered .npy of scores with a .npy of labels, chunkRows rows at a time.
class NpySource : public RowSource {
public:
    NpySource(const std::filesystem::path& predictions, const std::filesystem::path& labels,
        std::size_t chunkRows)
        : m_scores(predictions)
        , m_labels(labels)
        , m_chunk(static_cast<std::int64_t>(std::max<std::size_t>(chunkRows, 1)))
    {
        checkLabelType(m_labels);
        const NpyHeader& sh = m_scores.header();
        if (sh.typeCode != 'f' || (sh.itemSize != 2 && sh.itemSize != 4 && sh.itemSize != 8))
            throw ReadError(m_scores.name()
                + ": expected scores of dtype float16, float32 or float64, found " + sh.descr);
        m_classes = sh.shape.size() <= 1 ? 1 : sh.shape.back();
        if (sh.shape.empty() || m_classes < 1)
            throw ReadError(m_scores.name()
                + ": expected scores with at least one class, found shape "
                + shapeString(sh.shape));
        m_rows = sh.count / m_classes;
        if (m_labels.header().count != m_rows)
            throw ReadError(countMismatch(m_labels, m_rows, m_scores.name()));
    }
    bool next(Rows& rows) override
    {
        if (m_next >= m_rows)
            return false;
        const std::int64_t n = std::min(m_chunk, m_rows - m_next);
        m_scores.read(m_next * m_classes, n * m_classes, m_bytes);
        scoresOf(m_scores, m_bytes, rows.x);
        m_labels.read(m_next, n, m_bytes);
        labelsOf(m_labels, m_bytes, rows.y);
        rows.first = m_next;
        m_next += n;
        return true;
    }
    void rewind() override { m_next = 0; }
    double fractionRead() const override
    {
        return m_rows == 0 ? 1.0 : static_cast<double>(m_next) / static_cast<double>(m_rows);
    }
    std::vector<std::string> classNames() const override
    {
        std::vector<std::string> names;
        for (std::int64_t j = 0; j < m_classes; ++j)
            names.push_back(std::to_string(j));
        return names;
    }
    const std::string& errorName() const override { return m_scores.name(); }

private:
    NpyRows m_scores;
    NpyRows m_labels;
    std::int64_t m_chunk;
    std::int64_t m_classes = 1;
    std::int64_t m_rows = 0;
    std::int64_t m_next = 0;
    std::vector<char> m_bytes;
};

// A CSV / TSV file in blocks, its labels from its label column or from a .npy.
class CsvSource : public RowSource {
public:
    CsvSource(const std::filesystem::path& predictions, const std::filesystem::path& labels,
        const ReadOptions& options, std::size_t blockBytes)
        : m_options(options)
    {
        if (!labels.empty()) {
            m_labels = std::make_unique<NpyRows>(labels);
            checkLabelType(*m_labels);
        }
        m_csv = std::make_unique<CsvBlockReader>(predictions, options, !m_labels,
            m_labels ? m_labels->name() : std::string(), blockBytes);
    }
    bool next(Rows& rows) override
    {
        const Index first = m_csv->rows();
        if (!m_csv->next(m_block)) {
            if (m_labels && m_labels->header().count != first)
                throw ReadError(countMismatch(*m_labels, first, m_csv->name()));
            return false;
        }
        const Index n = m_block.scores.rows();
        std::vector<std::int64_t> labels(static_cast<std::size_t>(n));
        std::vector<Index> dropped;
        if (!m_labels) {
            for (Index i = 0; i < n; ++i)
                labels[static_cast<std::size_t>(i)] = m_block.labels[i];
        } else {
            if (first + n > m_labels->header().count) {
                // Count the rest of the rows for the message.
                DelimitedTable rest;
                while (m_csv->next(rest)) { }
                throw ReadError(countMismatch(*m_labels, m_csv->rows(), m_csv->name()));
            }
            m_labels->read(first, n, m_bytes);
            labelsOf(*m_labels, m_bytes, labels);
            // A non-finite score is harmless in an ignored row, else skipped or an error.
            for (const NonFiniteRow& row : m_block.nonFinite) {
                if (labels[static_cast<std::size_t>(row.row)] == m_options.ignoreIndex)
                    continue;
                if (row.unparsable)
                    throw ReadError(row.message);
                if (!m_options.skipInvalid)
                    throw ReadError(row.message + " (skip invalid rows to drop such rows)");
                dropped.push_back(row.row);
            }
        }
        const Index c = m_block.scores.cols();
        rows.x.clear();
        rows.y.clear();
        auto drop = dropped.begin();
        for (Index i = 0; i < n; ++i) {
            if (drop != dropped.end() && *drop == i) {
                ++drop;
                continue;
            }
            for (Index j = 0; j < c; ++j)
                rows.x.push_back(m_block.scores(i, j));
            rows.y.push_back(labels[static_cast<std::size_t>(i)]);
        }
        rows.first = first;
        return true;
    }
    void rewind() override { m_csv->rewind(); }
    double fractionRead() const override { return m_csv->fractionRead(); }
    std::vector<std::string> classNames() const override { return m_csv->head().classNames; }
    const std::string& errorName() const override
    {
        return m_labels ? m_labels->name() : m_csv->name();
    }

private:
    ReadOptions m_options;
    std::unique_ptr<NpyRows> m_labels;
    std::unique_ptr<CsvBlockReader> m_csv;
    DelimitedTable m_block;
    std::vector<char> m_bytes;
};

void report(const ReadOptions& options, double fraction)
{
    if (options.progress && !options.progress(fraction))
        throw ReadCancelled();
}

// DESIGN.md's auto rule over the rows that are not ignored: probabilities when every such row
// is in [0, 1] and (C == 1 or sums to 1 within 1e-3).
bool looksLikeProbabilities(RowSource& source, std::size_t classes, const ReadOptions& options)
{
    Rows rows;
    bool any = false;
    while (source.next(rows)) {
        for (std::size_t r = 0; r < rows.y.size(); ++r) {
            if (rows.y[r] == options.ignoreIndex)
                continue;
            any = true;
            if (!rowLooksLikeProbabilities(
                    std::span<const double>(rows.x).subspan(r * classes, classes)))
                return false;
        }
        report(options, 0.5 * source.fractionRead());
    }
    return any;
}

Summary summarizeSource(RowSource& source, const ReadOptions& options)
{
    const std::vector<std::string> names = source.classNames();
    ScoreKind kind
        = options.kind == KindRequest::Probabilities ? ScoreKind::Probabilities : ScoreKind::Logits;
    const bool twoPasses = options.kind == KindRequest::Auto;
    if (twoPasses) {
        kind = looksLikeProbabilities(source, names.size(), options) ? ScoreKind::Probabilities
                                                                     : ScoreKind::Logits;
        source.rewind();
    }
    SummaryBuilder builder(kind, names, options.ignoreIndex);
    Rows rows;
    while (source.next(rows)) {
        try {
            builder.add(rows.x, rows.y, rows.first);
        } catch (const std::invalid_argument& error) {
            throw ReadError(source.errorName() + ": " + error.what());
        }
        const double fraction = source.fractionRead();
        report(options, twoPasses ? 0.5 + 0.5 * fraction : fraction);
    }
    return builder.summary();
}

} // namespace

Summary summarizeFile(const std::filesystem::path& predictions, const std::filesystem::path& labels,
    const ReadOptions& options, std::size_t chunkRows, std::size_t csvBlockBytes)
{
    const std::string name = displayName(predictions);
    constexpr const char* kStreamed = "summarize streams a CSV / TSV file (with its label column, "
                                      "or with a .npy of labels) or C-ordered .npy files of "
                                      "scores and labels";
    if (isZip(predictions))
        throw ReadError(name + ": an .npz archive cannot be streamed (its arrays are compressed "
            + "members): " + kStreamed + "; save the arrays with np.save, or open the .npz "
            + "without summarize");
    const bool npy = isNpy(predictions);
    if (npy && labels.empty())
        throw ReadError(name + ": a .npy file holds only scores: expected a labels file (.npy "
            + "of integers) as well");
    if (!labels.empty() && !isNpy(labels))
        throw ReadError(displayName(labels) + ": labels in a CSV file are not streamed: "
            + kStreamed + "; save the labels with np.save, or put them in a column of the "
            + "predictions CSV");
    if (npy) {
        NpySource source(predictions, labels, chunkRows);
        return summarizeSource(source, options);
    }
    CsvSource source(predictions, labels, options, csvBlockBytes);
    return summarizeSource(source, options);
}

} // namespace focalscope
