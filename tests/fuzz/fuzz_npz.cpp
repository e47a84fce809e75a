// libFuzzer target: .npz archives through libzip, key choice, class names and the analysis.

#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    using namespace focalscope;
    static const auto path = fuzz::scratchFile(".npz");
    fuzz::writeFile(path, data + 1, size - 1);
    fuzz::readAndCheck(path, {}, fuzz::optionsFrom(data[0]));
    return 0;
}
