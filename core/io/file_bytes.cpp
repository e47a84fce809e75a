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

} // namespace focalscope
