#pragma once

#include "data/predictions.h"
#include "io/score_scan.h"

#include <string>

namespace focalscope {

// Probabilities when every value is in [0, 1] and (C == 1 or every row sums to 1 within
// 1e-3); otherwise logits.
ScoreKind detectKind(const ScoreMatrix& scores);

// Resolves a request against the data. When the result is probabilities whose rows (C >= 2)
// do not sum to 1, warning gets a message giving the largest deviation; else it is cleared.
ScoreKind resolveKind(KindRequest request, const ScoreMatrix& scores, std::string& warning);

// The same from a summary of the scores gathered while they were read (no pass over them).
ScoreKind detectKind(const ScoreSummary& summary, Index classes);
ScoreKind resolveKind(KindRequest request, const ScoreMatrix& scores, const ScoreSummary& summary,
    std::string& warning);

} // namespace focalscope
