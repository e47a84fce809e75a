#pragma once

#include <string>

namespace focalscope {

// What a reader warns about, so that a front end can act on it (the window drops the kind
// detection's warning when the user chooses the kind).
enum class ReadWarningKind {
    KindDetection, // probabilities whose rows do not sum to 1, or a kind forced against the data
    ClassNames, // class names that do not fit the score columns (0, 1, ... used instead)
    TextEncoding, // a header that is not UTF-8 (shown with U+FFFD)
};

struct ReadWarning {
    ReadWarningKind kind;
    std::string message; // names the file
};

} // namespace focalscope
