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

// Asks the kernel to back a large, not yet touched buffer with huge pages, so that filling it
// takes a few page faults instead of one per 4 KB page. A hint: nothing happens where it is not
// supported or the buffer is small.
void adviseHugePages(void* data, std::size_t bytes);

// A whole file opened for reading at offsets (pread), with the same checks and messages as
// FileBytes: for readers that copy the data straight into its final place in pieces, so that
// the file is not mapped (and resident) beside the data read from it.
class FileReader {
public:
    explicit FileReader(const std::filesystem::path& path);
    ~FileReader();
    FileReader(const FileReader&) = delete;
    FileReader& operator=(const FileReader&) = delete;

    std::size_t size() const { return m_size; }
    const std::string& name() const { return m_name; }
    // Reads exactly `bytes` bytes at offset into buffer, or throws a ReadError naming the file.
    // Safe to call from several threads at once.
    void read(std::size_t offset, char* buffer, std::size_t bytes) const;
    // The header of a .npy file: its first bytes, as many as the header declares (at most the
    // file's size).
    std::string npyHead() const;

private:
    std::string m_name;
    int m_fd = -1;
    std::size_t m_size = 0;
};

} // namespace focalscope
