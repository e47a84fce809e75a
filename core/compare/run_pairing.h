#pragma once

#include "data/predictions.h"

#include <string>

namespace focalscope {

// Whether two runs hold the same rows: the same number of rows, the same ignore index and
// identical labels, row by row (ignored rows included). Runs that do are compared paired.
struct RunPairing {
    bool paired = false;
    // Empty when paired; else why not, e.g. "run B has 100 rows, run A 113" or
    // "labels differ at row 17: 1 in run A, 0 in run B". Rows are numbered as
    // validatePredictions() numbers them: 0-based data rows (header and comment lines not
    // counted).
    std::string reason;
};
RunPairing checkPairing(const Predictions& a, const Predictions& b);
// The same with the runs named in the reason ("run C has 100 rows, run A 113").
RunPairing checkPairing(
    const Predictions& a, const Predictions& b, const std::string& nameA, const std::string& nameB);

// "run A", "run B", ... for run index 0, 1, ... ("run 27" past Z): how compareRuns names runs in
// its reasons.
std::string runLetterName(std::size_t index);

} // namespace focalscope
