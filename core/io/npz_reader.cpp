#include "io/npz_reader.h"

#include "io/file_bytes.h"
#include "io/npy_reader.h"
#include "io/read_error.h"

#include <zip.h>

#include <algorithm>
#include <cstring>
#include <string_view>

namespace focalscope {

struct NpzArchive::Zip {
    zip_t* archive = nullptr;
    ~Zip()
    {
        if (archive)
            zip_discard(archive);
    }
};

namespace {

constexpr std::string_view kSuffix = ".npy";

// Entries deflate at most about 1032:1; anything claiming more is corrupt.
constexpr std::uint64_t kMaxDeflateRatio = 1100;

std::string zipErrorMessage(int code)
{
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    return message;
}

struct EntryFile {
    zip_file_t* file = nullptr;
    ~EntryFile()
    {
        if (file)
            zip_fclose(file);
    }
};

} // namespace

NpzArchive::NpzArchive(const std::filesystem::path& path)
    : m_name(displayName(path))
    , m_zip(std::make_unique<Zip>())
{
    // FileBytes gives the same messages as the other readers for missing, directory, FIFO,
    // unreadable and empty files; libzip then opens the regular file by name.
    (void)fileHead(path, 0);
    m_fileSize = std::filesystem::file_size(path);
    int code = 0;
    m_zip->archive = zip_open(path.c_str(), ZIP_RDONLY, &code);
    if (!m_zip->archive)
        throw ReadError(m_name + ": expected a zip archive (.npz), found a file libzip cannot "
            + "open: " + zipErrorMessage(code));
    const zip_int64_t entries = zip_get_num_entries(m_zip->archive, 0);
    for (zip_int64_t i = 0; i < entries; ++i) {
        const char* entry = zip_get_name(m_zip->archive, static_cast<zip_uint64_t>(i), 0);
        if (!entry)
            continue;
        std::string key = entry;
        m_entries.push_back(key);
        if (key.size() > kSuffix.size() && key.ends_with(kSuffix))
            key.resize(key.size() - kSuffix.size());
        m_keys.push_back(key);
    }
}

NpzArchive::~NpzArchive() = default;

bool NpzArchive::contains(const std::string& key) const
{
    return std::find(m_keys.begin(), m_keys.end(), key) != m_keys.end();
}

std::string NpzArchive::entryName(const std::string& key) const
{
    const auto it = std::find(m_keys.begin(), m_keys.end(), key);
    return m_name + ":"
        + (it == m_keys.end() ? key : m_entries[static_cast<std::size_t>(it - m_keys.begin())]);
}

std::vector<char> NpzArchive::read(
    const std::string& key, const std::function<bool(double)>& progress) const
{
    const auto it = std::find(m_keys.begin(), m_keys.end(), key);
    if (it == m_keys.end())
        throw ReadError(m_name + ": expected an entry '" + key + "', found none");
    const std::string& entry = m_entries[static_cast<std::size_t>(it - m_keys.begin())];
    const std::string name = m_name + ":" + entry;

    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat(m_zip->archive, entry.c_str(), 0, &stat) != 0)
        throw ReadError(name + ": cannot read the entry: " + zip_strerror(m_zip->archive));
    if (!(stat.valid & ZIP_STAT_SIZE) || !(stat.valid & ZIP_STAT_COMP_SIZE))
        throw ReadError(name + ": cannot read the entry: its size is unknown");
    if (stat.comp_size > m_fileSize)
        throw ReadError(name + ": corrupt entry: it declares " + std::to_string(stat.comp_size)
            + " compressed bytes, but the archive has only " + std::to_string(m_fileSize));
    if (stat.size > (stat.comp_size + 1024) * kMaxDeflateRatio)
        throw ReadError(name + ": corrupt entry: expected at most "
            + std::to_string((stat.comp_size + 1024) * kMaxDeflateRatio) + " bytes from "
            + std::to_string(stat.comp_size) + " compressed bytes, found a declared size of "
            + std::to_string(stat.size));

    EntryFile file;
    file.file = zip_fopen(m_zip->archive, entry.c_str(), 0);
    if (!file.file)
        throw ReadError(name + ": cannot read the entry: " + zip_strerror(m_zip->archive));

    auto readInto = [&](char* dst, std::size_t want) -> std::size_t {
        std::size_t got = 0;
        while (got < want) {
            const zip_int64_t n = zip_fread(file.file, dst + got, want - got);
            if (n < 0)
                throw ReadError(name + ": corrupt entry after byte " + std::to_string(got) + ": "
                    + zip_file_strerror(file.file));
            if (n == 0)
                break;
            got += static_cast<std::size_t>(n);
        }
        return got;
    };

    // The header first, so that a declared shape larger than the entry fails before the
    // buffer for the data is allocated.
    const std::size_t total = static_cast<std::size_t>(stat.size);
    std::vector<char> bytes(std::min<std::size_t>(total, 12));
    std::size_t got = readInto(bytes.data(), bytes.size());
    std::size_t headerEnd = got;
    if (got == 12 && std::string_view(bytes.data(), 6) == "\x93NUMPY") {
        const bool version1 = bytes[6] == 1;
        std::size_t headerLength = static_cast<unsigned char>(bytes[8])
            | (static_cast<std::size_t>(static_cast<unsigned char>(bytes[9])) << 8);
        if (!version1)
            headerLength |= (static_cast<std::size_t>(static_cast<unsigned char>(bytes[10])) << 16)
                | (static_cast<std::size_t>(static_cast<unsigned char>(bytes[11])) << 24);
        headerEnd = std::min(total, (version1 ? 10 : 12) + headerLength);
    }
    if (headerEnd > got) {
        bytes.resize(headerEnd);
        got += readInto(bytes.data() + got, headerEnd - got);
    }
    (void)parseNpyHeader(std::string_view(bytes.data(), got), total, name);
    // The data in pieces, reporting progress (inflating a large entry takes a while). The
    // buffer grows with the bytes that really arrive, not with the declared size, so a
    // corrupt entry that declares gigabytes fails when its data ends, without touching them.
    constexpr std::size_t kPiece = std::size_t {4} << 20;
    while (got < total) {
        bytes.resize(got + std::min(kPiece, total - got));
        const std::size_t n = readInto(bytes.data() + got, bytes.size() - got);
        got += n;
        bytes.resize(got);
        if (progress && !progress(static_cast<double>(got) / static_cast<double>(total)))
            throw ReadCancelled();
        if (n == 0)
            break;
    }
    if (got < total)
        throw ReadError(name + ": truncated entry: expected " + std::to_string(total)
            + " bytes, found " + std::to_string(got));
    return bytes;
}

} // namespace focalscope
