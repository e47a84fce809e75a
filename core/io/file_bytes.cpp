#include "io/file_bytes.h"

#include "io/read_error.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace focalscope {

std::string displayName(const std::filesystem::path& path)
{
    return path.string();
}

namespace {

class FileDescriptor {
public:
    explicit FileDescriptor(int fd)
        : m_fd(fd)
    {
    }
    ~FileDescriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return m_fd; }
    int release() { return std::exchange(m_fd, -1); }

private:
    int m_fd;
};

[[noreturn]] void throwOpenError(const std::string& name, int error)
{
    if (error == ENOENT)
        throw ReadError(name + ": cannot open: no such file");
    throw ReadError(name + ": cannot open: " + std::strerror(error));
}

std::string fileTypeName(mode_t mode)
{
    if (S_ISDIR(mode))
        return "a directory";
    if (S_ISFIFO(mode))
        return "a FIFO";
    if (S_ISSOCK(mode))
        return "a socket";
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return "a device";
    return "a special file";
}

// Opens a non-empty regular file for reading, or throws the message for what it is instead.
// O_NONBLOCK: opening a FIFO must not wait for a writer; it is rejected after fstat.
int openRegularFile(const std::filesystem::path& path, const std::string& name, std::size_t& size)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        throwOpenError(name, errno);
    FileDescriptor file(fd);
    struct stat info { };
    if (::fstat(fd, &info) != 0)
        throwOpenError(name, errno);
    if (!S_ISREG(info.st_mode))
        throw ReadError(name + ": expected a file, found " + fileTypeName(info.st_mode));
    if (info.st_size == 0)
        throw ReadError(name + ": the file is empty");
    size = static_cast<std::size_t>(info.st_size);
    return file.release();
}

} // namespace

std::string fileHead(const std::filesystem::path& path, std::size_t bytes)
{
    std::size_t size = 0;
    const FileDescriptor file(openRegularFile(path, displayName(path), size));
    std::string head(std::min(bytes, size), '\0');
    std::size_t got = 0;
    while (got < head.size()) {
        const ssize_t n = ::read(file.get(), head.data() + got, head.size() - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            throw ReadError(displayName(path) + ": cannot read: " + std::strerror(errno));
        if (n == 0)
            break;
        got += static_cast<std::size_t>(n);
    }
    head.resize(got);
    return head;
}

FileBytes::FileBytes(const std::filesystem::path& path)
    : m_name(displayName(path))
{
    const FileDescriptor file(openRegularFile(path, m_name, m_size));
    const int fd = file.get();
    void* data = ::mmap(nullptr, m_size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    if (data == MAP_FAILED) {
        m_size = 0;
        throw ReadError(m_name + ": cannot read: " + std::strerror(errno));
    }
    m_data = static_cast<const char*>(data);
}

void FileBytes::release(const char* begin, const char* end)
{
    const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    const auto first = std::max(
        reinterpret_cast<std::uintptr_t>(begin), reinterpret_cast<std::uintptr_t>(m_data));
    const auto last = std::min(
        reinterpret_cast<std::uintptr_t>(end), reinterpret_cast<std::uintptr_t>(m_data + m_size));
    const std::uintptr_t from = (first + page - 1) / page * page;
    const std::uintptr_t to = last / page * page;
    if (m_data && to > from)
        ::madvise(reinterpret_cast<void*>(from), to - from, MADV_DONTNEED);
}

FileBytes::~FileBytes()
{
    if (m_data)
        ::munmap(const_cast<char*>(m_data), m_size);
}

void adviseHugePages(void* data, std::size_t bytes)
{
    constexpr std::uintptr_t kHugePage = std::uintptr_t {2} << 20;
    const auto begin = reinterpret_cast<std::uintptr_t>(data);
    const std::uintptr_t first = (begin + kHugePage - 1) / kHugePage * kHugePage;
    const std::uintptr_t last = (begin + bytes) / kHugePage * kHugePage;
    if (last > first)
        ::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
}

FileReader::FileReader(const std::filesystem::path& path)
    : m_name(displayName(path))
{
    m_fd = openRegularFile(path, m_name, m_size);
}

FileReader::~FileReader()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

void FileReader::read(std::size_t offset, char* buffer, std::size_t bytes) const
{
    std::size_t got = 0;
    while (got < bytes) {
        const ssize_t n
            = ::pread(m_fd, buffer + got, bytes - got, static_cast<off_t>(offset + got));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            throw ReadError(m_name + ": cannot read: " + std::strerror(errno));
        if (n == 0)
            throw ReadError(m_name + ": cannot read: the file ended at byte "
                + std::to_string(offset + got) + " (was it truncated while being read?)");
        got += static_cast<std::size_t>(n);
    }
}

std::string FileReader::npyHead() const
{
    // Magic (6), version (2), header length (2 in version 1, else 4), then the header.
    std::string head(std::min<std::size_t>(m_size, 12), '\0');
    read(0, head.data(), head.size());
    std::size_t end = head.size();
    if (head.size() >= 10 && head.compare(0, 6, "\x93NUMPY") == 0) {
        const auto byte = [&](std::size_t k) {
            return static_cast<std::size_t>(static_cast<unsigned char>(head[k]));
        };
        std::size_t length = byte(8) | byte(9) << 8;
        std::size_t start = 10;
        if (head[6] != 1 && head.size() >= 12) {
            length |= byte(10) << 16 | byte(11) << 24;
            start = 12;
        }
        end = std::min(m_size, start + length);
    }
    if (end > head.size()) {
        const std::size_t had = head.size();
        head.resize(end);
        read(had, head.data() + had, end - had);
    }
    return head;
}

} // namespace focalscope
