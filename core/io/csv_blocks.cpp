#include "io/csv_blocks.h"

#include "io/csv_dialect.h"
#include "io/read_error.h"

#include <algorithm>
#include <cstring>

namespace focalscope {

namespace {

// Reads text from offset: about `bytes` bytes, extended to the end of the line they stop in
// (the whole rest of the file when it has no further line end).
std::string readLines(const FileReader& file, std::size_t offset, std::size_t bytes)
{
    std::string text;
    std::size_t want = bytes;
    while (offset + text.size() < file.size()) {
        const std::size_t start = text.size();
        const std::size_t count = std::min(want, file.size() - offset - start);
        text.resize(start + count);
        file.read(offset + start, text.data() + start, count);
        const void* nl = std::memchr(text.data() + start, '\n', count);
        if (nl) {
            // Keep whole lines: up to the last line end read.
            const std::size_t last = text.find_last_of('\n');
            text.resize(last + 1);
            break;
        }
        want = std::max(want, text.size()); // a long line: read on, in growing steps
    }
    return text;
}

} // namespace

CsvBlockReader::CsvBlockReader(const std::filesystem::path& path, const ReadOptions& options,
    bool withLabelColumn, const std::string& labelsName, std::size_t blockBytes)
    : m_file(path)
    , m_options(options)
    , m_withLabelColumn(withLabelColumn)
    , m_blockBytes(std::max<std::size_t>(blockBytes, 1))
{
    m_options.progress = {};
    // The first record (and the next few lines, for the delimiter) from the first block.
    const std::string first = readLines(m_file, 0, std::max<std::size_t>(m_blockBytes, 1 << 16));
    const std::string_view text = csv::checkedText(first, m_file.name());
    const auto bom = static_cast<std::size_t>(text.data() - first.data());
    m_head = readDelimitedHead(text, m_file.name(), withLabelColumn, labelsName);
    m_dataOffset = bom + m_head.dataBegin;
    rewind();
}

void CsvBlockReader::rewind()
{
    m_offset = m_dataOffset;
    m_line = m_head.dataFirstLine;
    m_rows = 0;
}

double CsvBlockReader::fractionRead() const
{
    return m_file.size() == 0 ? 1.0
                              : static_cast<double>(m_offset) / static_cast<double>(m_file.size());
}

bool CsvBlockReader::next(DelimitedTable& block)
{
    if (m_offset >= m_file.size()) {
        if (m_rows == 0) {
            if (!m_head.header.empty())
                throw ReadError(m_file.name() + ":" + std::to_string(m_head.firstLine + 1)
                    + ": expected data rows after the header, found none");
            throw ReadError(m_file.name() + ": expected data rows, found none");
        }
        return false;
    }
    m_text = readLines(m_file, m_offset, m_blockBytes);
    block = parseDelimitedRows(
        m_text, 0, m_line, m_head, m_file.name(), m_options, m_withLabelColumn);
    m_offset += m_text.size();
    m_line += static_cast<Index>(std::count(m_text.begin(), m_text.end(), '\n'));
    m_rows += block.samples;
    return true;
}

} // namespace focalscope
