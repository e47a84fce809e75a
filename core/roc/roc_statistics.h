#pragma once

#include "platform/uint128.h"
#include "roc/delong.h"

#include <cstdint>

namespace focalscope {

struct RankedScores;

// The AUROC, the DeLong interval and the average precision of one binary problem, accumulated
// in one walk over its distinct scores from the highest to the lowest (addGroup for each, with
// the number of positives and negatives at that score). Counts and sums are exact integers;
// doubles appear only in the results.
class RocStatistics {
public:
    RocStatistics(std::int64_t positives, std::int64_t negatives);

    void addGroup(std::int64_t tp, std::int64_t fp)
    {
        // Per positive at this score: a = 2 n V10 = 2 (#negatives below) + #negatives tied.
        // Per negative at this score: b = 2 m V01 = 2 (#positives above) + #positives tied.
        const std::int64_t a = 2 * (m_negatives - m_negativesAbove - fp) + fp;
        const std::int64_t b = 2 * m_positivesAbove + tp;
        m_twiceU += fp * b;
        m_sumA2.add(static_cast<std::uint64_t>(tp), static_cast<std::uint64_t>(a));
        m_sumB2.add(static_cast<std::uint64_t>(fp), static_cast<std::uint64_t>(b));
        m_positivesAbove += tp;
        m_negativesAbove += fp;
        if (tp > 0) {
            // AP += (R_n - R_{n-1}) P_n
            const double recall
                = static_cast<double>(m_positivesAbove) / static_cast<double>(m_positives);
            m_ap += (recall - m_previousRecall)
                * (static_cast<double>(m_positivesAbove)
                    / static_cast<double>(m_positivesAbove + m_negativesAbove));
            m_previousRecall = recall;
        }
    }

    // The Mann-Whitney statistic with ties counted 1/2, times 2 (exact).
    std::int64_t twiceU() const { return m_twiceU; }
    // NaN without positives or negatives.
    double auroc() const;
    // Every field NaN with fewer than 2 positives or 2 negatives.
    DelongInterval delong() const;
    // NaN without positives.
    double averagePrecision() const;

private:
    // An exact sum of count * x^2 as two 64-bit halves: GCC keeps those in registers, where it
    // spills a UInt128 member to memory on every addition.
    struct SumOfSquares {
        std::uint64_t low = 0;
        std::uint64_t high = 0;
        void add(std::uint64_t count, std::uint64_t x)
        {
            const UInt128 term = static_cast<UInt128>(count * x) * x;
            const std::uint64_t before = low;
            low += static_cast<std::uint64_t>(term);
            high += static_cast<std::uint64_t>(term >> 64) + (low < before ? 1 : 0);
        }
        UInt128 value() const { return static_cast<UInt128>(high) << 64 | low; }
    };

    std::int64_t m_positives;
    std::int64_t m_negatives;
    std::int64_t m_positivesAbove = 0;
    std::int64_t m_negativesAbove = 0;
    std::int64_t m_twiceU = 0;
    SumOfSquares m_sumA2; // sum over positives of a^2
    SumOfSquares m_sumB2; // sum over negatives of b^2
    double m_ap = 0.0;
    double m_previousRecall = 0.0;
};

// The statistics of already ranked scores (one walk over them).
RocStatistics rocStatisticsOf(const RankedScores& ranked);

} // namespace focalscope
