#pragma once

#include <cstdint>
#include <span>

namespace focalscope {

// DeLong's variance of the AUROC by Sun & Xu's O(n log n) algorithm. Every field is NaN with
// fewer than 2 positives or 2 negatives.
struct DelongInterval {
    double auc = 0.0;
    double se = 0.0;
    double lower = 0.0; // auc - z se, z = 1.959963984540054 (qnorm(0.975)), clipped to [0, 1]
    double upper = 0.0;
};
DelongInterval delongInterval(
    std::span<const double> scores, std::span<const std::uint8_t> positive);

// The paired DeLong test of two score columns on the same labels: z and two-sided p.
struct DelongTest {
    double auc1 = 0.0;
    double auc2 = 0.0;
    double z = 0.0;
    double p = 0.0;
};
DelongTest delongTest(std::span<const double> scores1, std::span<const double> scores2,
    std::span<const std::uint8_t> positive);

} // namespace focalscope
