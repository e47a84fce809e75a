#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace focalscope {

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

} // namespace focalscope
