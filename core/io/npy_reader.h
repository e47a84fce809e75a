#pragma once

#include "data/predictions.h"
#include "io/score_scan.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace focalscope {

class FileReader;

// The parsed header of a .npy array. Only what the readers need from the descr.
struct NpyHeader {
    std::string descr; // as written, e.g. "<f4"
    char byteOrder = '|'; // '<', '>' or '|'
    char typeCode = 0; // 'f', 'i', 'u', 'b', 'U', 'S', ...
    int itemSize = 0; // bytes per element
    bool fortranOrder = false; // column-major over all axes
    std::vector<std::int64_t> shape;
    std::int64_t count = 0; // product of shape
    std::size_t dataOffset = 0;
};

// "(3, 4)" as NumPy prints a shape.
std::string shapeString(const std::vector<std::int64_t>& shape);

// Parses the magic, version and header dict of a .npy file held in bytes, and checks that
// the declared shape fits in the bytes after the header before anyone allocates for it.
// name is the file name used in messages.
NpyHeader parseNpyHeader(std::string_view bytes, const std::string& name);
// The same when bytes holds only the beginning (at least the header) of totalSize bytes.
NpyHeader parseNpyHeader(std::string_view bytes, std::size_t totalSize, const std::string& name);

// The scores of an f2 / f4 / f8 array as N x C float64 column-major (widened without loss): the
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

// The labels of an integer or bool array, flattened in C order. Values outside int32 are
// an error naming the element.
LabelVector npyLabels(std::string_view bytes, const NpyHeader& header, const std::string& name);
// The same from a .npy file, converted in pieces (the file is not mapped whole).
LabelVector npyLabels(const FileReader& file, const NpyHeader& header);

// A 1-D unicode ('<U..', UTF-32) or bytes ('|S..') array as UTF-8 strings.
std::vector<std::string> npyStrings(
    std::string_view bytes, const NpyHeader& header, const std::string& name);

} // namespace focalscope
