#pragma once

#include "data/predictions.h"
#include "roc/threshold_rules.h"

#include <cstddef>
#include <string>
#include <vector>

namespace focalscope {

// The point one rule picks for one target class (a binary task: its positive class).
struct ClassOperatingPoint {
    std::size_t ruleIndex = 0; // into the rules asked for
    OperatingRule rule;
    Index targetClass = 0; // the score column
    std::string className;
    RulePoint chosen; // chosen.point unset: see chosen.message
};

// Every rule on every class, rule by rule (for each rule the classes in order): one table per
// class (thresholdTable(predictions, c): one sort of its ranking column), classes in parallel.
// classNames: one per score column (RocReport's names). A class where a rule picks no point adds a
// warning naming both.
std::vector<ClassOperatingPoint> classOperatingPoints(const Predictions& predictions,
    const std::vector<std::string>& classNames, const std::vector<OperatingRule>& rules,
    std::vector<std::string>& warnings);

} // namespace focalscope
