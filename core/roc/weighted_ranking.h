#pragma once

#include "roc/ranked_scores.h"

#include <cstdint>
#include <span>
#include <vector>

namespace focalscope {

// A bootstrap replicate's statistics without a sort: the ranks are fixed once, and a replicate is
// a weight per positive and per negative (how many times the resample drew it), given as
// cumulative weights in rank order (ascending scores): cumPositives[k] = the weight of positives
// 0..k-1, P + 1 entries; cumNegatives likewise. Weights summing to P and N (a stratified
// resample) give the statistics of the resampled data set, ties grouped as sorting it would.
class WeightedRanking {
public:
    // Keeps a copy of the keys (for the band) and, per positive, the bounds of its tied group.
    explicit WeightedRanking(const RankedScores& ranked);

    std::size_t positives() const { return m_positiveKeys.size(); }
    std::size_t negatives() const { return m_negativeKeys.size(); }

    struct Statistics {
        double auroc = 0.0;
        double averagePrecision = 0.0;
    };
    // In one pass over the positives, O(P):
    // 2U = sum_i w_i (W-(< s_i) + W-(<= s_i)) (negatives below count 1, tied 1/2; exact
    // integers), AUROC = 2U / (2 P N);
    // AP = sum_i (w_i / P) TP(>= s_i) / (TP(>= s_i) + FP(>= s_i)) (sum_n (R_n - R_{n-1}) P_n).
    Statistics statistics(std::span<const std::uint32_t> cumPositives,
        std::span<const std::uint32_t> cumNegatives) const;

    // TPR at each FPR of the grid on the replicate's ROC curve (a point per distinct score, ties
    // joined by straight segments), np.interp(fpr, curve fpr, curve tpr) semantics: at an FPR the
    // curve reaches, the highest TPR there. O(grid log N).
    void tprAt(std::span<const double> fprGrid, std::span<const std::uint32_t> cumPositives,
        std::span<const std::uint32_t> cumNegatives, std::span<double> tpr) const;

private:
    std::vector<ScoreKey> m_positiveKeys;
    std::vector<ScoreKey> m_negativeKeys;
    // Per positive i (ascending): negatives with a lower score, negatives with a lower or equal
    // score, positives with a lower score.
    std::vector<std::uint32_t> m_negativesBelow;
    std::vector<std::uint32_t> m_negativesNotAbove;
    std::vector<std::uint32_t> m_positivesBelow;
};

} // namespace focalscope
