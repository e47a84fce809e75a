#include "io/kind_detection.h"

#include "io/score_scan.h"

#include <cmath>
#include <cstdio>

namespace focalscope {

namespace {

constexpr double kRowSumTolerance = 1e-3;

} // namespace

ScoreKind detectKind(const ScoreMatrix& scores)
{
    if (!allInUnitInterval(scores))
        return ScoreKind::Logits;
    if (scores.cols() == 1)
        return ScoreKind::Probabilities;
    Index worstRow = 0;
    return largestRowSumDeviation(scores, worstRow) <= kRowSumTolerance ? ScoreKind::Probabilities
                                                                        : ScoreKind::Logits;
}

ScoreKind resolveKind(KindRequest request, const ScoreMatrix& scores, std::string& warning)
{
    warning.clear();
    ScoreKind kind = ScoreKind::Logits;
    switch (request) {
    case KindRequest::Auto:
        kind = detectKind(scores);
        break;
    case KindRequest::Logits:
        kind = ScoreKind::Logits;
        break;
    case KindRequest::Probabilities:
        kind = ScoreKind::Probabilities;
        break;
    }
    if (kind != ScoreKind::Probabilities || scores.size() == 0)
        return kind;

    char buffer[256];
    if (!allInUnitInterval(scores)) {
        std::snprintf(buffer, sizeof buffer,
            "scores read as probabilities lie outside [0, 1] (min %.9g, max %.9g)",
            static_cast<double>(scores.minCoeff()), static_cast<double>(scores.maxCoeff()));
        warning = buffer;
    }
    if (scores.cols() >= 2) {
        Index worstRow = 0;
        const double deviation = largestRowSumDeviation(scores, worstRow);
        if (deviation > kRowSumTolerance) {
            std::snprintf(buffer, sizeof buffer,
                "probability rows do not sum to 1: the largest deviation is %.6g "
                "(row %lld)",
                deviation, static_cast<long long>(worstRow));
            warning += (warning.empty() ? "" : "; ");
            warning += buffer;
        }
    }
    return kind;
}

} // namespace focalscope
