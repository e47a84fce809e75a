#include "compare/run_pairing.h"

#include <string>

namespace focalscope {

std::string runLetterName(std::size_t index)
{
    return index < 26 ? std::string("run ") + static_cast<char>('A' + index)
                      : "run " + std::to_string(index + 1);
}

RunPairing checkPairing(const Predictions& a, const Predictions& b)
{
    return checkPairing(a, b, "run A", "run B");
}

RunPairing checkPairing(
    const Predictions& a, const Predictions& b, const std::string& nameA, const std::string& nameB)
{
    if (a.rows() != b.rows())
        return {false,
            nameB + " has " + std::to_string(b.rows()) + " rows, " + nameA + " "
                + std::to_string(a.rows())};
    if (a.ignoreIndex != b.ignoreIndex)
        return {false,
            "the runs ignore different labels: " + std::to_string(a.ignoreIndex) + " in " + nameA
                + ", " + std::to_string(b.ignoreIndex) + " in " + nameB};
    for (Index i = 0; i < a.rows(); ++i)
        if (a.labels[i] != b.labels[i])
            return {false,
                "labels differ at row " + std::to_string(i) + ": " + std::to_string(a.labels[i])
                    + " in " + nameA + ", " + std::to_string(b.labels[i]) + " in " + nameB};
    return {true, {}};
}

} // namespace focalscope
