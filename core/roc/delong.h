#pragma once

#include <cstdint>
#include <span>

namespace focalscope {

// DeLong's variance of the AUROC by Sun & Xu's O(n log n) algorithm. Every field is NaN with
// fewer than 2 positives or 2 negatives.
struct DelongInterval {
    double auc = 0.0;
    double se = 0.0;
    double lower = 0.0; // auc - 1.959964 se, clipped to [0, 1]
    double upper = 0.0;
};
DelongInterval delongInterval(
    std::span<const float> scores, std::span<const std::uint8_t> positive);

// The paired DeLong test of two score columns on the same labels: z and two-sided p.
struct DelongTest {
    double auc1 = 0.0;
    double auc2 = 0.0;
    double z = 0.0;
    double p = 0.0;
};
DelongTest delongTest(std::span<const float> scores1, std::span<const float> scores2,
    std::span<const std::uint8_t> positive);

} // namespace focalscope
