#include "compare/run_pairing.h"

#include <string>

namespace focalscope {

RunPairing checkPairing(const Predictions& a, const Predictions& b)
{
    if (a.rows() != b.rows())
        return {false,
            "run B has " + std::to_string(b.rows()) + " rows, run A " + std::to_string(a.rows())};
    if (a.ignoreIndex != b.ignoreIndex)
        return {false,
            "the runs ignore different labels: " + std::to_string(a.ignoreIndex) + " in run A, "
                + std::to_string(b.ignoreIndex) + " in run B"};
    for (Index i = 0; i < a.rows(); ++i)
        if (a.labels[i] != b.labels[i])
            return {false,
                "labels differ at row " + std::to_string(i) + ": " + std::to_string(a.labels[i])
                    + " in run A, " + std::to_string(b.labels[i]) + " in run B"};
    return {true, {}};
}

} // namespace focalscope
