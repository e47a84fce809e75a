// libFuzzer target: label matching. The input is a labels file (one-column CSV, or .npy of
// any integer / bool dtype when it starts with the .npy magic) for fixed scores whose header
// names the classes, so string labels, integers, booleans and ignore indices are all matched.

#include "fuzz_input.h"

#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    using namespace focalscope;
    static const auto scores3 = fuzz::scratchFile("-scores3.csv");
    static const auto scores1 = fuzz::scratchFile("-scores1.csv");
    static const auto labelsCsv = fuzz::scratchFile("-labels.csv");
    static const auto labelsNpy = fuzz::scratchFile("-labels.npy");
    static const bool written = [] {
        std::string three = "cat,dog,bird\n";
        std::string one = "score\n";
        for (int i = 0; i < 64; ++i) {
            three += "0.2,0.3,0.5\n";
            one += std::to_string(i % 10) + ".5e-1\n";
        }
        fuzz::writeFile(scores3, reinterpret_cast<const std::uint8_t*>(three.data()), three.size());
        fuzz::writeFile(scores1, reinterpret_cast<const std::uint8_t*>(one.data()), one.size());
        return true;
    }();
    (void)written;

    const bool isNpy = size > 7 && std::memcmp(data + 1, "\x93NUMPY", 6) == 0;
    const auto& labels = isNpy ? labelsNpy : labelsCsv;
    fuzz::writeFile(labels, data + 1, size - 1);
    const ReadOptions options = fuzz::optionsFrom(data[0]);
    fuzz::readAndCheck(data[0] & 16 ? scores1 : scores3, labels, options);
    return 0;
}
