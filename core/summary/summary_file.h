#pragma once

#include "io/read_options.h"
#include "summary/summary.h"

#include <cstddef>
#include <filesystem>

namespace focalscope {

// The summary of a predictions file, streamed: memory for one chunk of rows, whatever the
// file's size (focalscope-cli summarize).
// - a C-ordered .npy of scores with a .npy of labels: read in chunks of chunkRows rows;
// - a CSV / TSV file with its label column, or without one and a .npy of labels: parsed in
//   blocks of about csvBlockBytes by the CSV reader's own pieces (csv_blocks.h), so a bad row
//   is reported with the file, line and column as readPredictions reports it.
// With kind auto the scores are read twice: once to detect the kind (DESIGN.md's rule over
// the rows that are not ignored), once to summarise. Rows dropped by options.skipInvalid are
// not in the summary. What cannot be read in pieces is an error that says so: an .npz archive
// (its arrays are deflated members), a Fortran-ordered .npy, labels in a CSV file.
// Throws ReadError naming the file, or ReadCancelled.
Summary summarizeFile(const std::filesystem::path& predictions, const std::filesystem::path& labels,
    const ReadOptions& options, std::size_t chunkRows = 1 << 16,
    std::size_t csvBlockBytes = std::size_t {8} << 20);

} // namespace focalscope
