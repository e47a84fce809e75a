#pragma once

#include <stdexcept>
#include <string>

namespace focalscope {

// A file that cannot be read as predictions. what() is the whole message the user sees:
// file, line or element, column, what was expected and what was found, e.g.
// "preds.csv:1207: expected 11 fields, found 10".
class ReadError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The progress callback asked to stop.
class ReadCancelled : public std::runtime_error {
public:
    ReadCancelled()
        : std::runtime_error("loading cancelled")
    {
    }
};

} // namespace focalscope
