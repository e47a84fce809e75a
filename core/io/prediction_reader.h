#pragma once

#include "io/read_error.h"
#include "io/read_options.h"

#include <filesystem>

namespace focalscope {

// Reads a predictions file (.csv, .tsv, .txt, .npy, .npz, see file_formats.h; chosen by content,
// then extension) and,
// when labelsPath is not empty, its labels (.npy or a one-column CSV). Throws ReadError with
// the precise message, or ReadCancelled.
ReadResult readPredictions(const std::filesystem::path& path,
    const std::filesystem::path& labelsPath = {}, const ReadOptions& options = {});

// True when the file is a .npy array (by its magic bytes, else its extension): it holds only
// scores, so opening it needs a labels file. False for a file that cannot be read.
bool holdsOnlyScores(const std::filesystem::path& path);

} // namespace focalscope
