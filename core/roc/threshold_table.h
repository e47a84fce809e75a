#pragma once

#include "data/predictions.h"
#include "roc/operating_point.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace focalscope {

struct RankedScores;

// The exact counts of one binary problem at each of its distinct scores, from the highest down,
// after a first point at +inf where nothing is predicted positive: the points of scikit-learn's
// roc_curve(drop_intermediate=False). A row is predicted positive when its score >= the
// threshold. Built in one walk over already ranked scores (no sort); the operating point of any
// threshold is a binary search, O(log n), so a slider can move over a million rows.
class ThresholdTable {
public:
    ThresholdTable() = default;
    explicit ThresholdTable(const RankedScores& ranked);

    // Points: the distinct scores + 1 (the +inf point).
    std::size_t size() const { return m_thresholds.size(); }
    // Point k's threshold: +inf for k = 0, then the distinct scores descending.
    double threshold(std::size_t k) const { return m_thresholds[k]; }
    std::int64_t tp(std::size_t k) const { return m_tps[k]; }
    std::int64_t fp(std::size_t k) const { return m_fps[k]; }
    std::int64_t positives() const { return m_positives; }
    std::int64_t negatives() const { return m_negatives; }
    // Whether rates of both kinds exist: at least one positive and one negative row.
    bool hasBothClasses() const { return m_positives > 0 && m_negatives > 0; }
    // The lowest and the highest score (NaN for an empty problem).
    double lowestScore() const;
    double highestScore() const;

    // The point a threshold selects: the number of distinct scores >= threshold, so 0 above
    // every score and size() - 1 at or below the lowest. Throws std::invalid_argument on NaN.
    std::size_t indexAt(double threshold) const;
    // The operating point of any threshold (its own value kept as the threshold), O(log n).
    OperatingPoint pointAt(double threshold) const;
    // Point k with its own threshold, O(1).
    OperatingPoint point(std::size_t k) const;

private:
    std::vector<double> m_thresholds;
    std::vector<std::int64_t> m_tps;
    std::vector<std::int64_t> m_fps;
    std::int64_t m_positives = 0;
    std::int64_t m_negatives = 0;
};

// Target class c against the rest (for a binary task c = 0: the positive class), from the scores
// ROC analysis ranks (rankingScores(predictions), or the predictions' own scores when they are
// ranked as given); ignored rows are left out. One sort of the column.
ThresholdTable thresholdTable(
    const ScoreMatrix& rankingScores, const Predictions& predictions, Index c);
// The same from the predictions alone: rankingColumn(predictions, c), then one sort.
ThresholdTable thresholdTable(const Predictions& predictions, Index c);

// Column c of rankingScores(predictions), bit for bit, without the other columns: the scores as
// given for probabilities and a single logit column, else softmax_c of each row's logits.
// Throws std::out_of_range for a column the predictions do not have.
std::vector<double> rankingColumn(const Predictions& predictions, Index c);

} // namespace focalscope
