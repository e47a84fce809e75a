#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace focalscope {

// The name a message uses for a file: the path as the user gave it.
std::string displayName(const std::filesystem::path& path);

// The first bytes (at most `bytes`) of a file, with the same checks and messages as FileBytes.
std::string fileHead(const std::filesystem::path& path, std::size_t bytes);

// A whole file mapped read-only into memory. Opening fails with a ReadError naming the file:
// missing, a directory, not a regular file (a FIFO is never opened for reading, so it cannot
// block), unreadable, or empty.
class FileBytes {
public:
    explicit FileBytes(const std::filesystem::path& path);
    ~FileBytes();
    FileBytes(const FileBytes&) = delete;
    FileBytes& operator=(const FileBytes&) = delete;

    std::string_view view() const { return {m_data, m_size}; }
    std::size_t size() const { return m_size; }
    const std::string& name() const { return m_name; }
    // Gives back the memory of the whole pages within [begin, end) of the mapping; the bytes
    // stay readable (they are read from the file again if touched).
    void release(const char* begin, const char* end);

private:
    std::string m_name;
    const char* m_data = nullptr;
    std::size_t m_size = 0;
};

} // namespace focalscope
