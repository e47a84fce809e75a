#include "summary/summary_reader.h"

#include "io/file_bytes.h"
#include "io/npy_elements.h"
#include "io/npy_header.h"
#include "io/npy_strings.h"
#include "io/npz_reader.h"
#include "io/read_error.h"

#include <cstring>
#include <string_view>

namespace focalscope {

namespace {

struct Entry {
    std::vector<char> bytes;
    NpyHeader header;
    std::string name;
    std::string_view view() const { return {bytes.data(), bytes.size()}; }
};

Entry readEntry(const NpzArchive& archive, const std::string& key)
{
    if (!archive.contains(key))
        throw ReadError(
            archive.entryName(key) + ": missing (a Focalscope summary, format 1, has it)");
    Entry e;
    e.name = archive.entryName(key);
    e.bytes = archive.read(key);
    e.header = parseNpyHeader(e.view(), e.name);
    return e;
}

void expectShape(const Entry& e, const std::vector<std::int64_t>& shape)
{
    if (e.header.shape != shape)
        throw ReadError(e.name + ": expected shape " + shapeString(shape) + ", found "
            + shapeString(e.header.shape));
}

// The elements of an integer (i8) or float (f8) array in C order.
template<typename T> std::vector<T> elements(const Entry& e, char typeCode)
{
    const NpyHeader& h = e.header;
    if (h.typeCode != typeCode || h.itemSize != 8)
        throw ReadError(e.name + ": expected dtype " + (typeCode == 'i' ? "int64" : "float64")
            + ", found " + h.descr);
    if (h.fortranOrder && h.shape.size() > 1)
        throw ReadError(e.name + ": expected a C-ordered array");
    const bool swap = npy::needsSwap(h.byteOrder);
    std::vector<T> out(static_cast<std::size_t>(h.count));
    const char* p = e.bytes.data() + h.dataOffset;
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto raw = npy::loadRaw<std::uint64_t>(p + 8 * i, swap);
        std::memcpy(&out[i], &raw, sizeof raw);
    }
    return out;
}

std::int64_t scalar(const NpzArchive& archive, const std::string& key)
{
    const Entry e = readEntry(archive, key);
    expectShape(e, {});
    return elements<std::int64_t>(e, 'i').front();
}

std::string text(const NpzArchive& archive, const std::string& key)
{
    const Entry e = readEntry(archive, key);
    expectShape(e, {});
    return npyStrings(e.view(), e.header, e.name).front();
}

std::vector<std::int64_t> counts(
    const NpzArchive& archive, const std::string& key, std::int64_t rows, std::int64_t bins)
{
    const Entry e = readEntry(archive, key);
    expectShape(e, {rows, bins});
    std::vector<std::int64_t> out = elements<std::int64_t>(e, 'i');
    for (std::size_t i = 0; i < out.size(); ++i)
        if (out[i] < 0)
            throw ReadError(e.name + ": element " + std::to_string(i) + ": negative count "
                + std::to_string(out[i]));
    return out;
}

std::vector<double> doubles(const NpzArchive& archive, const std::string& key, std::int64_t n)
{
    const Entry e = readEntry(archive, key);
    expectShape(e, {n});
    return elements<double>(e, 'f');
}

} // namespace

bool isSummaryFile(const std::filesystem::path& path)
{
    try {
        const std::string head = fileHead(path, 4);
        if (head != std::string("PK\x03\x04", 4))
            return false;
        const NpzArchive archive(path);
        return archive.contains("format_version") && archive.contains("pos_counts");
    } catch (const ReadError&) {
        return false;
    }
}

Summary readSummary(const std::filesystem::path& path)
{
    const NpzArchive archive(path);
    const std::string name = displayName(path);
    if (!archive.contains("format_version"))
        throw ReadError(name + ": not a Focalscope summary (no format_version array)");
    const std::int64_t version = scalar(archive, "format_version");
    if (version != kSummaryFormatVersion)
        throw ReadError(name + ": summary format version " + std::to_string(version)
            + ", this Focalscope reads version " + std::to_string(kSummaryFormatVersion));
    Summary s;
    const std::string kind = text(archive, "kind");
    if (kind != "logits" && kind != "probabilities")
        throw ReadError(
            archive.entryName("kind") + ": expected logits or probabilities, found " + kind);
    s.kind = kind == "logits" ? ScoreKind::Logits : ScoreKind::Probabilities;
    const std::string task = text(archive, "task");
    if (task != "binary" && task != "multiclass")
        throw ReadError(
            archive.entryName("task") + ": expected binary or multiclass, found " + task);
    s.binary = task == "binary";
    {
        const Entry e = readEntry(archive, "class_names");
        s.classNames = npyStrings(e.view(), e.header, e.name);
    }
    if (s.classNames.empty() || (s.binary && s.classNames.size() != 1))
        throw ReadError(archive.entryName("class_names") + ": expected "
            + (s.binary ? std::string("1 name for a binary task") : "at least 1 name") + ", found "
            + std::to_string(s.classNames.size()));
    const std::int64_t bits = scalar(archive, "scale_bits");
    const std::int64_t range = scalar(archive, "range");
    if (bits < 0 || bits > 20 || range < 1 || range > 1024 || (range << bits) > (1 << 24))
        throw ReadError(name + ": unsupported binning: scale_bits " + std::to_string(bits)
            + ", range " + std::to_string(range));
    s.scaleBits = static_cast<int>(bits);
    s.range = static_cast<int>(range);
    s.ignoreIndex = scalar(archive, "ignore_index");
    const std::int64_t c = s.classes();
    const std::int64_t b = s.bins();
    s.posCounts = counts(archive, "pos_counts", c, b);
    s.negCounts = counts(archive, "neg_counts", c, b);
    s.ptCounts = counts(archive, "pt_counts", s.targets(), b);
    s.samples = scalar(archive, "samples");
    s.ignored = scalar(archive, "ignored");
    s.scoreMin = doubles(archive, "score_min", c);
    s.scoreMax = doubles(archive, "score_max", c);
    s.ptLogitMin = doubles(archive, "pt_logit_min", s.targets());
    s.ptLogitMax = doubles(archive, "pt_logit_max", s.targets());
    std::int64_t inBins = 0;
    for (std::int64_t k = 0; k < b; ++k)
        inBins
            += s.posCounts[static_cast<std::size_t>(k)] + s.negCounts[static_cast<std::size_t>(k)];
    if (s.samples < 0 || s.ignored < 0 || s.ignored > s.samples || inBins != s.counted())
        throw ReadError(name + ": row counts disagree: samples " + std::to_string(s.samples)
            + ", ignored " + std::to_string(s.ignored) + ", rows in class 0's bins "
            + std::to_string(inBins));
    return s;
}

} // namespace focalscope
