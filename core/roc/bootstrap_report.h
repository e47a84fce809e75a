#pragma once

#include "data/predictions.h"
#include "roc/bootstrap.h"

#include <vector>

namespace focalscope {

// The bootstrap of every ROC class of a task, on the scores rocReport ranks (rankingScores):
// one result per score column, in the order of RocReport::classes (a binary task's one: column 0
// against label 1; a multiclass task's: column c against label c, one-vs-rest). Class c draws
// from stream c. Ignored rows are left out.
struct BootstrapReport {
    const char* method = kBootstrapMethod;
    BootstrapOptions options;
    bool binary = false;
    bool cancelled = false;
    std::vector<BootstrapResult> classes;
};

// progress gets the fraction over all classes; returning false cancels (cancelled is set and the
// classes done so far are kept).
BootstrapReport bootstrapReport(const Predictions& predictions, const BootstrapOptions& options,
    const BootstrapProgress& progress = {});

} // namespace focalscope
