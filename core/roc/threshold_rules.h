#pragma once

#include "roc/operating_point.h"
#include "roc/threshold_table.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace focalscope {

// A rule that picks an operating point on a ThresholdTable (DESIGN.md, Thresholds and operating
// points). Ties go to the point that is not dominated, and then to the highest threshold:
// - youden: max TPR - FPR; ties: the highest threshold.
// - f1: max F1 = 2 TP / (2 TP + FP + FN); ties: the highest threshold.
// - fpr=X: the highest TPR with FPR <= X; of the points with that TPR the lowest FPR (the highest
//   threshold).
// - tpr=X: the lowest FPR with TPR >= X; of the points with that FPR the highest TPR (the lowest
//   threshold: more true positives for the same false positives).
// - cost=CFP,CFN[,PI]: min expected cost CFN PI (1 - TPR) + CFP (1 - PI) FPR, PI the data's
//   prevalence P / (P + N) unless given; ties: the highest threshold.
// Youden and F1 compare exact integer ratios (no tie is lost to rounding); fpr=X and tpr=X
// compare the rates TP / P and FP / N as doubles with X, as scikit-learn's roc_curve arrays do;
// cost compares the expected costs as doubles.
struct OperatingRule {
    enum class Kind { Youden, F1, Fpr, Tpr, Cost };
    Kind kind = Kind::Youden;
    double limit = 0.0; // fpr=X, tpr=X: X in [0, 1]
    double costFp = 1.0; // cost: CFP >= 0
    double costFn = 1.0; // cost: CFN >= 0 (not both 0)
    std::optional<double> prevalence; // cost: PI in (0, 1); unset: the data's
    std::string text; // the rule as written, e.g. "fpr=0.01"
};

// "youden", "f1", "fpr=X", "tpr=X", "cost=CFP,CFN" or "cost=CFP,CFN,PI". Throws
// std::invalid_argument with a message that quotes the rule and says what was expected.
OperatingRule parseOperatingRule(std::string_view text);

// The point a rule picks, or why there is none.
struct RulePoint {
    std::optional<OperatingPoint> point; // unset when the rule cannot pick one (see message)
    std::size_t index = 0; // the point's index in the ThresholdTable
    // Cost rules (NaN otherwise): the PI used, the expected cost at the point and the slope
    // CFP (1 - PI) / (CFN PI) of the iso-cost lines in ROC space (tpr = tpr0 + slope (fpr - fpr0)).
    double prevalence = 0.0;
    double expectedCost = 0.0;
    double isoCostSlope = 0.0;
    std::string message; // why there is no point, e.g. "there are no positive rows"
};

// O(log n) for fpr=X and tpr=X (binary searches), one pass over the points for the others.
RulePoint applyRule(const ThresholdTable& table, const OperatingRule& rule);

// Expected cost CFN PI (1 - TPR) + CFP (1 - PI) FPR of a point's rates.
double expectedCost(const OperatingPoint& point, double costFp, double costFn, double prevalence);
// CFP (1 - PI) / (CFN PI): the slope of the lines of equal expected cost in ROC space.
double isoCostSlope(double costFp, double costFn, double prevalence);
// The PI a cost rule uses on this table: its own or the data's P / (P + N).
double rulePrevalence(const ThresholdTable& table, const OperatingRule& rule);
// The expected cost at every point of the table (index k: threshold(k)), for the cost-vs-
// threshold curve. Empty without positives or negatives.
std::vector<double> expectedCostCurve(
    const ThresholdTable& table, double costFp, double costFn, double prevalence);

} // namespace focalscope
