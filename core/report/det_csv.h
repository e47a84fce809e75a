#pragma once

#include "data/predictions.h"
#include "roc/roc_report.h"

#include <string>

namespace focalscope {

// Every point of scikit-learn's det_curve per class (one-vs-rest; a binary task's one column)
// as class,threshold,fpr,fnr, in its order (FPR decreasing). Computed from the scores (not the
// report's drop_intermediate curves); a class without positives or negatives has no rows.
// Class names come from report.classes; numbers as in curve_csv.h.
std::string detCsv(const Predictions& predictions, const RocReport& report);

} // namespace focalscope
