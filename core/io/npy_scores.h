#pragma once

#include "data/predictions.h"
#include "io/npy_header.h"
#include "io/score_scan.h"

#include <functional>
#include <string>
#include <string_view>

namespace focalscope {

class FileReader;

// last axis is the classes (a 1-D array is one binary column), the leading axes are flattened in C
// order. progress(fraction) returning false stops the conversion and throws ReadCancelled.
// allFinite, when given, receives whether every score is finite, and summary the ScoreSummary of
// the scores (both gathered on the way).
ScoreMatrix npyScores(std::string_view bytes, const NpyHeader& header, const std::string& name,
    const std::function<bool(double)>& progress = {}, bool* allFinite = nullptr,
    ScoreSummary* summary = nullptr);
// The same from a .npy file, read in pieces straight into the matrix (the file is not mapped
// whole beside it). The header is the file's (parseNpyHeader of file.npyHead()).
ScoreMatrix npyScores(const FileReader& file, const NpyHeader& header,
    const std::function<bool(double)>& progress, ScoreSummary& summary);

} // namespace focalscope
