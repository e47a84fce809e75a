#pragma once

#include "data/predictions.h"

namespace focalscope {

// One-pass scans of a score matrix, written so that the compiler vectorises them (integer
// tests on the float bits; no early exit inside a block).

// Whether every score is finite (no NaN, no infinity).
bool allFinite(const ScoreMatrix& scores);

// Whether every score is in [0, 1] (-0 included). NaN is not.
bool allInUnitInterval(const ScoreMatrix& scores);

// max over rows of |sum_c scores(r, c) - 1| (summed in double) and the first row reaching it.
double largestRowSumDeviation(const ScoreMatrix& scores, Index& worstRow);

} // namespace focalscope
