#include "io/npy_labels.h"

#include "io/file_bytes.h"
#include "io/npy_elements.h"
#include "io/read_error.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <limits>
#include <type_traits>
#include <vector>

namespace focalscope {

namespace {

template<typename T> std::int64_t loadLabel(const char* p, bool swap)
{
    using U = std::make_unsigned_t<T>;
    return static_cast<std::int64_t>(static_cast<T>(npy::loadRaw<U>(p, swap)));
}

std::int64_t loadInteger(const char* p, char typeCode, int size, bool swap, bool& tooLarge)
{
    tooLarge = false;
    if (typeCode == 'b')
        return *p != 0 ? 1 : 0;
    if (typeCode == 'i') {
        switch (size) {
        case 1:
            return loadLabel<std::int8_t>(p, swap);
        case 2:
            return loadLabel<std::int16_t>(p, swap);
        case 4:
            return loadLabel<std::int32_t>(p, swap);
        default:
            return loadLabel<std::int64_t>(p, swap);
        }
    }
    switch (size) {
    case 1:
        return static_cast<std::int64_t>(static_cast<std::uint8_t>(*p));
    case 2:
        return npy::loadRaw<std::uint16_t>(p, swap);
    case 4:
        return npy::loadRaw<std::uint32_t>(p, swap);
    default: {
        const std::uint64_t v = npy::loadRaw<std::uint64_t>(p, swap);
        tooLarge = v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
        return static_cast<std::int64_t>(v);
    }
    }
}

// Labels in memory order and native byte order, straight into int32; false when a value does
// not fit (the caller then finds it and says so).
template<typename T> bool convertLabelsOf(const char* src, std::int64_t count, std::int32_t* dst)
{
    bool fits = true;
    for (std::int64_t i = 0; i < count; ++i) {
        T v;
        std::memcpy(&v, src + i * std::int64_t(sizeof(T)), sizeof(T));
        if constexpr (std::is_same_v<T, std::int64_t>)
            fits &= v >= std::numeric_limits<std::int32_t>::min()
                && v <= std::numeric_limits<std::int32_t>::max();
        else if constexpr (std::is_same_v<T, std::uint32_t> || std::is_same_v<T, std::uint64_t>)
            fits &= v <= static_cast<T>(std::numeric_limits<std::int32_t>::max());
        dst[i] = static_cast<std::int32_t>(v);
    }
    return fits;
}

bool convertLabels(const char* src, const NpyHeader& header, std::int64_t n, std::int32_t* dst)
{
    if (header.typeCode == 'b') {
        for (std::int64_t i = 0; i < n; ++i)
            dst[i] = src[i] != 0 ? 1 : 0;
        return true;
    }
    const bool isSigned = header.typeCode == 'i';
    switch (header.itemSize) {
    case 1:
        return isSigned ? convertLabelsOf<std::int8_t>(src, n, dst)
                        : convertLabelsOf<std::uint8_t>(src, n, dst);
    case 2:
        return isSigned ? convertLabelsOf<std::int16_t>(src, n, dst)
                        : convertLabelsOf<std::uint16_t>(src, n, dst);
    case 4:
        return isSigned ? convertLabelsOf<std::int32_t>(src, n, dst)
                        : convertLabelsOf<std::uint32_t>(src, n, dst);
    default:
        return isSigned ? convertLabelsOf<std::int64_t>(src, n, dst)
                        : convertLabelsOf<std::uint64_t>(src, n, dst);
    }
}

void checkLabelDtype(const NpyHeader& header, const std::string& name)
{
    const bool integral = (header.typeCode == 'b' && header.itemSize == 1)
        || ((header.typeCode == 'i' || header.typeCode == 'u')
            && (header.itemSize == 1 || header.itemSize == 2 || header.itemSize == 4
                || header.itemSize == 8));
    if (!integral)
        throw ReadError(name + ": unsupported label dtype '" + header.descr
            + "': expected an integer (i1..i8, u1..u8) or bool (b1) dtype");
}

} // namespace

LabelVector npyLabels(const FileReader& file, const NpyHeader& header)
{
    checkLabelDtype(header, file.name());
    const auto mapped = [&] {
        const FileBytes bytes(std::filesystem::path(file.name()));
        return npyLabels(bytes.view(), header, file.name());
    };
    // Byte-swapped or Fortran-ordered labels are read element by element from a mapping.
    if (npy::needsSwap(header.byteOrder) || (header.fortranOrder && header.shape.size() >= 2))
        return mapped();
    LabelVector labels(header.count);
    adviseHugePages(labels.data(), static_cast<std::size_t>(labels.size()) * sizeof(std::int32_t));
    constexpr std::int64_t kPieceBytes = std::int64_t {1} << 20;
    const std::int64_t pieceCount = std::max<std::int64_t>(1, kPieceBytes / header.itemSize);
    std::vector<char> buffer(static_cast<std::size_t>(
        std::min(pieceCount, std::max<std::int64_t>(header.count, 1)) * header.itemSize));
    for (std::int64_t first = 0; first < header.count; first += pieceCount) {
        const std::int64_t count = std::min(pieceCount, header.count - first);
        file.read(header.dataOffset + static_cast<std::size_t>(first * header.itemSize),
            buffer.data(), static_cast<std::size_t>(count * header.itemSize));
        if (!convertLabels(buffer.data(), header, count, labels.data() + first))
            return mapped(); // a value that does not fit: found and named there
    }
    return labels;
}

LabelVector npyLabels(std::string_view bytes, const NpyHeader& header, const std::string& name)
{
    checkLabelDtype(header, name);

    LabelVector labels(header.count);
    const char* src = bytes.data() + header.dataOffset;
    const bool swap = npy::needsSwap(header.byteOrder);
    auto store = [&](std::int64_t from, std::int64_t to) {
        bool tooLarge = false;
        const std::int64_t v = loadInteger(
            src + from * header.itemSize, header.typeCode, header.itemSize, swap, tooLarge);
        if (tooLarge || v < std::numeric_limits<std::int32_t>::min()
            || v > std::numeric_limits<std::int32_t>::max()) {
            const std::string found = tooLarge
                ? std::to_string(npy::loadRaw<std::uint64_t>(src + from * header.itemSize, swap))
                : std::to_string(v);
            throw ReadError(name + ": element " + std::to_string(from)
                + ": expected a label that fits in 32 bits, found " + found);
        }
        labels[to] = static_cast<std::int32_t>(v);
    };
    if (header.fortranOrder && header.shape.size() >= 2) {
        npy::forEachFortranPosition(header.shape, store);
    } else if (swap || !convertLabels(src, header, header.count, labels.data())) {
        // Byte-swapped, or a value that does not fit: element by element, naming the culprit.
        for (std::int64_t i = 0; i < header.count; ++i)
            store(i, i);
    }
    return labels;
}

} // namespace focalscope
