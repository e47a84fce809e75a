#include "report/operating_points.h"

#include "parallel/parallel.h"
#include "roc/threshold_table.h"

namespace focalscope {

std::vector<ClassOperatingPoint> classOperatingPoints(const Predictions& predictions,
    const std::vector<std::string>& classNames, const std::vector<OperatingRule>& rules,
    std::vector<std::string>& warnings)
{
    std::vector<ClassOperatingPoint> points;
    if (rules.empty())
        return points;
    // One column of ranking scores at a time: no copy of the whole matrix.
    const auto classes = static_cast<std::size_t>(predictions.classes());
    std::vector<ThresholdTable> tables(classes);
    parallel::forEach(classes,
        [&](std::size_t c) { tables[c] = thresholdTable(predictions, static_cast<Index>(c)); });
    for (std::size_t r = 0; r < rules.size(); ++r)
        for (std::size_t c = 0; c < classes; ++c) {
            ClassOperatingPoint entry;
            entry.ruleIndex = r;
            entry.rule = rules[r];
            entry.targetClass = static_cast<Index>(c);
            entry.className
                = c < classNames.size() ? classNames[c] : className(predictions, entry.targetClass);
            entry.chosen = applyRule(tables[c], rules[r]);
            if (!entry.chosen.point)
                warnings.push_back("class '" + entry.className + "': no operating point for "
                    + rules[r].text + " (" + entry.chosen.message + ")");
            points.push_back(std::move(entry));
        }
    return points;
}

} // namespace focalscope
