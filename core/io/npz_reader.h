#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace focalscope {

// A .npz archive (a zip of .npy files, stored or deflated, zip64 headers included) opened
// through libzip. Errors name the archive and, for an entry, the entry.
class NpzArchive {
public:
    explicit NpzArchive(const std::filesystem::path& path);
    ~NpzArchive();
    NpzArchive(const NpzArchive&) = delete;
    NpzArchive& operator=(const NpzArchive&) = delete;

    // The array names: entry names without their ".npy".
    const std::vector<std::string>& keys() const { return m_keys; }
    bool contains(const std::string& key) const;
    // "archive.npz:key.npy", the name messages use for an entry.
    std::string entryName(const std::string& key) const;
    // The whole .npy bytes of one array. The npy header is read first and the declared data
    // size checked against the entry's size before the buffer is allocated. progress gets
    // the fraction read now and then; returning false throws ReadCancelled.
    std::vector<char> read(
        const std::string& key, const std::function<bool(double)>& progress = {}) const;

private:
    std::string m_name;
    std::uintmax_t m_fileSize = 0;
    struct Zip;
    std::unique_ptr<Zip> m_zip;
    std::vector<std::string> m_keys;
    std::vector<std::string> m_entries;
};

} // namespace focalscope
