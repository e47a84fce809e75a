#pragma once

#include "data/predictions.h"
#include "io/npy_header.h"

#include <string>
#include <string_view>

namespace focalscope {

class FileReader;

// an error naming the element.
LabelVector npyLabels(std::string_view bytes, const NpyHeader& header, const std::string& name);
// The same from a .npy file, converted in pieces (the file is not mapped whole).
LabelVector npyLabels(const FileReader& file, const NpyHeader& header);

} // namespace focalscope
