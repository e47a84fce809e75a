#pragma once

#include "report/analysis.h"

#include <string>

namespace focalscope {

// The curves as CSV text for scripts. Numbers are written in the shortest
// form that reads back to the same double; infinite thresholds as inf, NaN as nan.

// Every stored ROC point: class,threshold,fpr,tpr (the micro average as class "micro"); the
// threshold of the first point is inf.
std::string rocCsv(const Analysis& analysis);

// Every point of scikit-learn's precision_recall_curve: class,threshold,precision,recall, in
// its order (thresholds ascending); the last point (precision 1, recall 0) has threshold inf.
std::string prCsv(const Analysis& analysis);

// A number as the CSV writers write it (shortest round trip, inf, -inf, nan).
void appendCsvNumber(std::string& out, double value);

// A text field, quoted (RFC 4180) when it holds a comma, a quote or a line break.
std::string csvField(const std::string& text);

} // namespace focalscope
