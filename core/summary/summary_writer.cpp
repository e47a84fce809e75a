#include "summary/summary_writer.h"

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

} // namespace focalscope
