#pragma once

#include "data/predictions.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace focalscope {

namespace csv {

// How labels are read: integers in [0, targets), the ignore index, class names, and
// true / false for a binary file.
struct LabelRules {
    const std::vector<std::string>* classNames = nullptr;
    bool binary = false;
    std::int32_t targets = 0;
    std::int32_t ignoreIndex = kDefaultIgnoreIndex;

    std::string rangeText() const;

    // Whether an integer label is a target class or the ignore index.
    bool valid(std::int64_t v) const { return v == ignoreIndex || (v >= 0 && v < targets); }

    std::string invalidMessage(std::string_view found) const;

    // The slow path for anything that is not a plain integer.
    bool parse(std::string_view field, std::int32_t& label, std::string& error) const;
};

} // namespace csv

// The labels of a one-column delimited file (optional header) for scores with the given
// class names (C == 1: binary). Invalid labels are an error naming the line.
LabelVector readLabelColumn(std::string_view text, const std::string& name,
    const std::vector<std::string>& classNames, std::int32_t ignoreIndex, Index& ignored);

// Whether a header name marks the label column: label, target, y, y_true, class, gt (any case).
bool isLabelColumnName(std::string_view name);

} // namespace focalscope
