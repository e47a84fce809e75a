#include "compare/report_comparison.h"

#include "roc/delong.h"

#include <stdexcept>

namespace focalscope {

std::vector<RunComparison> compareReports(
    std::span<const RocReport* const> reports, const std::string& reason)
{
    std::vector<RunComparison> out;
    if (reports.size() < 2)
        return out;
    const std::size_t entries = reports.front()->classes.size();
    for (const RocReport* report : reports)
        if (report->classes.size() != entries)
            throw std::invalid_argument(
                "the runs have different classes: " + std::to_string(entries) + " and "
                + std::to_string(report->classes.size()) + " ROC entries");
    for (std::size_t a = 0; a < reports.size(); ++a) {
        for (std::size_t b = a + 1; b < reports.size(); ++b) {
            for (std::size_t e = 0; e < entries; ++e) {
                const ClassRoc& first = reports[a]->classes[e];
                const ClassRoc& second = reports[b]->classes[e];
                const DelongTest test
                    = unpairedDelongTest(first.ci, first.positives + first.negatives, second.ci,
                        second.positives + second.negatives);
                RunComparison c;
                c.a = static_cast<int>(a);
                c.b = static_cast<int>(b);
                c.targetClass = reports[a]->binary ? 1 : static_cast<int>(e);
                c.className = first.name;
                c.paired = false;
                c.aucA = first.auroc;
                c.aucB = second.auroc;
                c.delta = c.aucA - c.aucB;
                c.ciLower = test.lower;
                c.ciUpper = test.upper;
                c.z = test.z;
                c.p = test.p;
                c.reason = reason;
                out.push_back(std::move(c));
            }
        }
    }
    applyHolm(out);
    return out;
}

} // namespace focalscope
