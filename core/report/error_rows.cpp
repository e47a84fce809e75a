#include "report/error_rows.h"

#include "report/analysis.h"
#include "report/curve_csv.h"
#include "roc/threshold_table.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace focalscope {

namespace {

// The limit hardest rows of candidates, ordered by harder (a strict weak order).
template<typename Harder>
void keepHardest(std::vector<ErrorRow>& rows, std::size_t limit, Harder harder)
{
    if (rows.size() > limit) {
        std::partial_sort(
            rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(limit), rows.end(), harder);
        rows.resize(limit);
    } else {
        std::sort(rows.begin(), rows.end(), harder);
    }
}

void appendRows(std::string& out, const std::string& field, const char* error,
    const std::vector<ErrorRow>& rows)
{
    for (const ErrorRow& row : rows) {
        out += field;
        out += ',';
        out += error;
        out += ',';
        out += std::to_string(row.row);
        out += ',';
        out += std::to_string(row.label);
        out += ',';
        appendCsvNumber(out, row.score);
        out += ',';
        appendCsvNumber(out, row.pt);
        out += ',';
        appendCsvNumber(out, row.loss);
        out += '\n';
    }
}

} // namespace

ErrorRows errorRows(const Predictions& predictions, const ScoreMatrix& rankingScores, Index c,
    double threshold, const FocalLossResult& loss, std::size_t limit)
{
    if (c < 0 || c >= rankingScores.cols() || (predictions.isBinary() && c != 0))
        throw std::out_of_range("class " + std::to_string(c) + " has no score column");
    return errorRows(predictions,
        std::span<const double>(
            rankingScores.col(c).data(), static_cast<std::size_t>(rankingScores.rows())),
        c, threshold, loss, limit);
}

ErrorRows errorRows(const Predictions& predictions, std::span<const double> column, Index c,
    double threshold, const FocalLossResult& loss, std::size_t limit)
{
    if (c < 0 || c >= predictions.classes() || (predictions.isBinary() && c != 0))
        throw std::out_of_range("class " + std::to_string(c) + " has no score column");
    if (static_cast<Index>(column.size()) != predictions.labels.size())
        throw std::invalid_argument("scores and labels differ in length");
    if (std::isnan(threshold))
        throw std::invalid_argument("the threshold is NaN");
    const auto rows = static_cast<Index>(column.size());
    const bool withLoss = loss.pt.size() == rows && loss.perRow.size() == rows;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::int32_t positiveLabel = predictions.isBinary() ? 1 : static_cast<std::int32_t>(c);

    ErrorRows result;
    result.className = predictions.isBinary() && predictions.classNames.size() == 2
        ? predictions.classNames[1]
        : className(predictions, c);
    result.threshold = threshold;
    for (Index i = 0; i < rows; ++i) {
        const std::int32_t label = predictions.labels[i];
        if (label == predictions.ignoreIndex)
            continue;
        const bool positive = label == positiveLabel;
        if (positive == (column[i] >= threshold))
            continue;
        ErrorRow row {
            i, label, column[i], withLoss ? loss.pt[i] : nan, withLoss ? loss.perRow[i] : nan};
        (positive ? result.falseNegatives : result.falsePositives).push_back(row);
    }
    result.falsePositiveCount = static_cast<std::int64_t>(result.falsePositives.size());
    result.falseNegativeCount = static_cast<std::int64_t>(result.falseNegatives.size());
    keepHardest(result.falsePositives, limit, [](const ErrorRow& a, const ErrorRow& b) {
        return a.score > b.score || (a.score == b.score && a.row < b.row);
    });
    keepHardest(result.falseNegatives, limit, [](const ErrorRow& a, const ErrorRow& b) {
        return a.score < b.score || (a.score == b.score && a.row < b.row);
    });
    return result;
}

std::string errorRowsCsv(const std::vector<ErrorRows>& classes)
{
    std::string out = "class,error,row,label,score,p_t,loss\n";
    for (const ErrorRows& rows : classes) {
        const std::string field = csvField(rows.className);
        appendRows(out, field, "false_positive", rows.falsePositives);
        appendRows(out, field, "false_negative", rows.falseNegatives);
    }
    return out;
}

std::string operatingPointErrorsCsv(const Predictions& predictions, const Analysis& analysis)
{
    std::vector<ErrorRows> classes;
    for (const ClassOperatingPoint& entry : analysis.operatingPoints) {
        if (entry.ruleIndex != 0)
            break;
        if (!entry.chosen.point)
            continue;
        classes.push_back(errorRows(predictions, rankingColumn(predictions, entry.targetClass),
            entry.targetClass, entry.chosen.point->threshold, analysis.loss.loss));
        classes.back().className = entry.className;
    }
    return errorRowsCsv(classes);
}

} // namespace focalscope
