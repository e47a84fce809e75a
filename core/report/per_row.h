#pragma once

#include "report/analysis.h"

#include <string>

namespace focalscope {

// The focal loss's reduction `none` for scripts: one record per row read, in file order, as
// (row, label, p_t, loss); ignored rows have p_t NaN and loss 0. Needs the analysis' per-row
// values (AnalysisOptions::perRowViews); throws std::invalid_argument without them.
Eigen::MatrixXd perRowTable(const Predictions& predictions, const Analysis& analysis);

// The table as CSV text with the header row,label,p_t,loss (row and label as integers).
std::string perRowCsv(const Predictions& predictions, const Analysis& analysis);

// The table as the bytes of an .npy file: float64, shape (N, 4), C order (NumPy's np.load reads
// it; columns row, label, p_t, loss).
std::string perRowNpy(const Predictions& predictions, const Analysis& analysis);

} // namespace focalscope
