#include "report/per_row.h"

#include "io/npy_writer.h"
#include "report/curve_csv.h"

#include <stdexcept>

namespace focalscope {

Eigen::MatrixXd perRowTable(const Predictions& predictions, const Analysis& analysis)
{
    const Eigen::ArrayXd& loss = analysis.loss.loss.perRow;
    const Eigen::ArrayXd& pt = analysis.loss.loss.pt;
    if (loss.size() != predictions.rows() || pt.size() != predictions.rows())
        throw std::invalid_argument("the analysis holds no per-row losses (perRowViews)");
    Eigen::MatrixXd table(predictions.rows(), 4);
    for (Index i = 0; i < predictions.rows(); ++i) {
        table(i, 0) = static_cast<double>(i);
        table(i, 1) = static_cast<double>(predictions.labels[i]);
        table(i, 2) = pt[i];
        table(i, 3) = loss[i];
    }
    return table;
}

std::string perRowCsv(const Predictions& predictions, const Analysis& analysis)
{
    const Eigen::MatrixXd table = perRowTable(predictions, analysis);
    std::string out = "row,label,p_t,loss\n";
    out.reserve(out.size() + static_cast<std::size_t>(table.rows()) * 48);
    for (Index i = 0; i < table.rows(); ++i) {
        out += std::to_string(i);
        out += ',';
        out += std::to_string(predictions.labels[i]);
        out += ',';
        appendCsvNumber(out, table(i, 2));
        out += ',';
        appendCsvNumber(out, table(i, 3));
        out += '\n';
    }
    return out;
}

std::string perRowNpy(const Predictions& predictions, const Analysis& analysis)
{
    return npyBytes(perRowTable(predictions, analysis));
}

} // namespace focalscope
