#pragma once

#include "io/npy_header.h"

#include <string>
#include <string_view>
#include <vector>

namespace focalscope {

std::vector<std::string> npyStrings(
    std::string_view bytes, const NpyHeader& header, const std::string& name);

} // namespace focalscope
