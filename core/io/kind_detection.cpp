#include "io/kind_detection.h"

#include "io/score_scan.h"

#include <cmath>
#include <cstdio>

namespace focalscope {

namespace {

constexpr double kRowSumTolerance = 1e-3;

} // namespace

ScoreKind detectKind(const ScoreSummary& summary, Index classes)
{
    if (!summary.allInUnitInterval)
        return ScoreKind::Logits;
    if (classes == 1)
        return ScoreKind::Probabilities;
    return summary.rowSumDeviation() <= kRowSumTolerance ? ScoreKind::Probabilities
                                                         : ScoreKind::Logits;
}

ScoreKind detectKind(const ScoreMatrix& scores)
{
    return detectKind(summarizeScores(scores), scores.cols());
}

ScoreKind resolveKind(KindRequest request, const ScoreMatrix& scores, std::string& warning)
{
    return resolveKind(request, scores, summarizeScores(scores), warning);
}

ScoreKind resolveKind(KindRequest request, const ScoreMatrix& scores, const ScoreSummary& summary,
    std::string& warning)
{
    warning.clear();
    ScoreKind kind = ScoreKind::Logits;
    switch (request) {
    case KindRequest::Auto:
        kind = detectKind(summary, scores.cols());
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
    if (!summary.allInUnitInterval) {
        std::snprintf(buffer, sizeof buffer,
            "scores read as probabilities lie outside [0, 1] (min %.9g, max %.9g)",
            static_cast<double>(scores.minCoeff()), static_cast<double>(scores.maxCoeff()));
        warning = buffer;
    }
    if (scores.cols() >= 2) {
        const double deviation = summary.rowSumDeviation();
        if (deviation > kRowSumTolerance) {
            std::snprintf(buffer, sizeof buffer,
                "probability rows do not sum to 1: the largest deviation is %.6g "
                "(row %lld)",
                deviation, static_cast<long long>(summary.worstRow));
            warning += (warning.empty() ? "" : "; ");
            warning += buffer;
        }
    }
    return kind;
}

} // namespace focalscope
