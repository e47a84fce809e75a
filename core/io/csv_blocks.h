#pragma once

// A delimited file read block by block: the first record decides the layout (readDelimitedHead),
// then each block of about blockBytes of text, cut at a line end, is parsed by
// parseDelimitedRows, so that errors name the file's line and column exactly as readPredictions
// does while memory holds one block, whatever the file's size.

#include "io/csv_reader.h"
#include "io/file_bytes.h"
#include "io/read_options.h"

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace focalscope {

class CsvBlockReader {
public:
    // withLabelColumn and labelsName as readDelimited takes them. Throws ReadError for a file
    // that cannot be opened or whose first record is not usable.
    CsvBlockReader(const std::filesystem::path& path, const ReadOptions& options,
        bool withLabelColumn, const std::string& labelsName = {},
        std::size_t blockBytes = std::size_t {8} << 20);

    const DelimitedHead& head() const { return m_head; }
    const std::string& name() const { return m_file.name(); }
    // The next block's rows as parseDelimitedRows returns them (row indices from the block's
    // first row; with a label column, rows dropped by skipInvalid are gone). False at the end.
    // Throws ReadError with the file's line for a bad row, and for a file without data rows.
    bool next(DelimitedTable& block);
    // Data rows parsed so far (dropped rows included), and the fraction of the file read.
    Index rows() const { return m_rows; }
    double fractionRead() const;
    // Back to the first data row (for a second pass).
    void rewind();

private:
    FileReader m_file;
    ReadOptions m_options; // without the progress callback: the caller reports by blocks
    bool m_withLabelColumn;
    std::size_t m_blockBytes;
    DelimitedHead m_head;
    std::size_t m_dataOffset = 0; // file offset of the first data row
    std::size_t m_offset = 0; // file offset of the next block
    Index m_line = 0; // its first line
    Index m_rows = 0;
    std::string m_text;
};

} // namespace focalscope
