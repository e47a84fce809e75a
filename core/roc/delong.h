#pragma once

#include <cstdint>
#include <limits>
#include <span>
#include <vector>

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

// The DeLong test of two AUCs (pROC's roc.test, method "delong"): z = delta / SE(delta) with
// delta = auc1 - auc2 and a two-sided p: paired, from the normal distribution,
// p = erfc(|z| / sqrt 2); unpaired, pROC's D with Student's t on Welch-Satterthwaite's df.
// The statistics other than the AUCs are NaN with fewer than 2 positives or 2 negatives (in
// either problem when unpaired). When SE(delta) is 0 (identical rankings) z is 0 (p 1) for
// delta 0, else +-inf (p 0).
struct DelongTest {
    static constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
    double auc1 = NaN;
    double auc2 = NaN;
    double z = NaN;
    double p = NaN;
    double var1 = NaN; // DeLong's variance of auc1
    double var2 = NaN;
    double covariance = NaN; // Cov(auc1, auc2); 0 for unpaired problems
    double se = NaN; // SE(delta) = sqrt(var1 + var2 - 2 covariance)
    double lower = NaN; // delta -+ z975 SE(delta), pROC's conf.int (not clipped)
    double upper = NaN;
    double df = NaN; // unpaired: the t distribution's degrees of freedom; paired: NaN (normal)
};

// The paired test of two score columns on the same labels, with DeLong's covariance of the two
// AUCs. O(n log n): one sort of each column with its row indices (Sun & Xu's placement values).
DelongTest delongTest(std::span<const double> scores1, std::span<const double> scores2,
    std::span<const std::uint8_t> positive);

// DeLong's structural components of one problem (Sun & Xu's placement values), in input order:
// V10 = (#negatives below + #tied negatives / 2) / n for a positive sample, V01 = (#positives
// above + #tied positives / 2) / m for a negative one. Their means are the AUC. Computed once
// per score column, they give the paired test of any two columns on the same labels.
struct DelongPlacements {
    double auc = DelongTest::NaN; // 2U / (2 m n), exact as aurocOf
    std::int64_t positives = 0; // m
    std::int64_t negatives = 0; // n
    std::vector<double> v;
};
// Throws std::invalid_argument on a NaN score (naming its index) or when the lengths differ.
DelongPlacements delongPlacements(
    std::span<const double> scores, std::span<const std::uint8_t> positive);
// The paired test from the placements of two columns on the same `positive` labels.
DelongTest delongTest(const DelongPlacements& first, const DelongPlacements& second,
    std::span<const std::uint8_t> positive);

// The unpaired test of two problems on different rows (pROC's roc.test, paired = FALSE):
// covariance 0, z = D = (A1 - A2) / sqrt(V1 + V2), p two-sided from Student's t with
// df = (V1 + V2)^2 / (V1^2 / (N1 - 1) + V2^2 / (N2 - 1)), N the samples of each problem.
// The CI is delta -+ z975 sqrt(V1 + V2).
DelongTest unpairedDelongTest(const DelongInterval& first, std::int64_t samples1,
    const DelongInterval& second, std::int64_t samples2);

} // namespace focalscope
