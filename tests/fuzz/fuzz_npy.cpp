// libFuzzer target: .npy scores (any header, dtype, order, shape) and the analysis.

#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace focalscope;
    static const auto scores = fuzz::scratchFile(".npy");
    static const auto labels = fuzz::scratchFile("-labels.npy");
    if (size < 2)
        return 0;
    // The input is scores; the labels are all zeros of whatever length the scores have, as
    // an .npy of the same leading shape would give, written only when the scores parse.
    fuzz::writeFile(scores, data + 1, size - 1);
    ReadOptions options = fuzz::optionsFrom(data[0]);
    try {
        // Without labels the reader must refuse with a precise message.
        readPredictions(scores, {}, options);
        std::abort();
    } catch (const ReadError&) {
    }
    // With a labels file of one label per row for the common 1-D and 2-D shapes.
    for (std::int64_t rows : {1, 2, 3, 4, 8, 16}) {
        std::string header = "{'descr': '|u1', 'fortran_order': False, 'shape': ("
            + std::to_string(rows) + ",), }";
        header.resize(118 - 1, ' ');
        header += '\n';
        std::string file("\x93NUMPY\x01\x00", 8);
        file += static_cast<char>(header.size() & 0xff);
        file += static_cast<char>(header.size() >> 8);
        file += header;
        file.append(static_cast<std::size_t>(rows), '\0');
        fuzz::writeFile(labels, reinterpret_cast<const std::uint8_t*>(file.data()), file.size());
        fuzz::readAndCheck(scores, labels, options);
    }
    return 0;
}
