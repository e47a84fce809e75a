#include "io/kind_detection.h"

#include <cmath>
#include <cstdio>

namespace focalscope {

namespace {

constexpr double kRowSumTolerance = 1e-3;

bool allInUnitInterval(const ScoreMatrix& scores)
{
    return scores.size() == 0 || ((scores.array() >= 0.0f).all() && (scores.array() <= 1.0f).all());
}

// max_i |sum_c p_ic - 1| and the row where it occurs, summed in double.
double largestRowSumDeviation(const ScoreMatrix& scores, Index& worstRow)
{
    const Eigen::VectorXd sums = scores.cast<double>().rowwise().sum();
    worstRow = 0;
    if (sums.size() == 0)
        return 0.0;
    return (sums.array() - 1.0).abs().maxCoeff(&worstRow);
}

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
