#pragma once

#include "summary/summary.h"

#include <filesystem>

namespace focalscope {

// Writes a summary as format 1 .npz (deflated: the counts are mostly zeros), the arrays
// focalscope_summary.save writes. Writes to a temporary name beside path, then renames it.
// Throws std::runtime_error naming the file on failure.
void writeSummary(const Summary& summary, const std::filesystem::path& path);

} // namespace focalscope
