#pragma once

#include "summary/summary.h"

#include <filesystem>

namespace focalscope {

// Whether the file is a summary .npz (an archive holding format_version and pos_counts).
// False for anything else, unreadable files included.
bool isSummaryFile(const std::filesystem::path& path);

// Reads a summary .npz. Throws ReadError naming the file (and the entry) when an array is
// missing, has the wrong dtype or shape, the format version is not 1, or a count is negative.
Summary readSummary(const std::filesystem::path& path);

} // namespace focalscope
