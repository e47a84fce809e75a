#include "report/det_csv.h"

#include "report/curve_csv.h"
#include "roc/binary_problem.h"
#include "roc/det_curve.h"

namespace focalscope {

std::string detCsv(const Predictions& predictions, const RocReport& report)
{
    std::string out = "class,threshold,fpr,fnr\n";
    const ScoreMatrix scores = rankingScores(predictions);
    for (std::size_t c = 0; c < report.classes.size(); ++c) {
        const BinaryProblem problem = oneVsRest(scores, predictions, static_cast<Index>(c));
        const DetCurve det = detCurve(problem.scores, problem.positive);
        const std::string field = csvField(report.classes[c].name);
        for (std::size_t i = 0; i < det.fpr.size(); ++i) {
            out += field;
            for (const double value : {det.thresholds[i], det.fpr[i], det.fnr[i]}) {
                out += ',';
                appendCsvNumber(out, value);
            }
            out += '\n';
        }
    }
    return out;
}

} // namespace focalscope
