#pragma once

#include "io/read_options.h"
#include "summary/summary.h"

#include <cstddef>
#include <filesystem>

namespace focalscope {

// Writes a summary as format 1 .npz (deflated: the counts are mostly zeros), the arrays
// focalscope_summary.save writes. Writes to a temporary name beside path, then renames it.
// Throws std::runtime_error naming the file on failure.
void writeSummary(const Summary& summary, const std::filesystem::path& path);

// The summary of a predictions file. A C-ordered .npy of scores with a .npy of labels is read in
// chunks of chunkRows rows (memory independent of the number of rows; with kind auto the scores
// are read twice, once to detect the kind); any other input is read whole by
// readPredictions. Throws ReadError naming the file, including for a bad label or score.
Summary summarizeFile(const std::filesystem::path& predictions, const std::filesystem::path& labels,
    const ReadOptions& options, std::size_t chunkRows = 1 << 16);

} // namespace focalscope
