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

// Whether the file carries its own labels: an .npz with a labels entry (options.labelsKey, or
// one of labels, targets, target, y, y_true, gt), a delimited file whose header names a label
// column (label, target, y, y_true, class, gt). False for a .npy, a headerless text file (read
// with a labels file, every column is scores) and a file that cannot be read. A run that holds
// no labels of its own shares the labels file of run A.
bool holdsOwnLabels(const std::filesystem::path& path, const ReadOptions& options = {});

} // namespace focalscope
