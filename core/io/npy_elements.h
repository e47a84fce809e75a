#pragma once

// Loading single elements of a .npy array, shared by its score, label and name readers: the byte
// order, float16 and float32 widened to double, and the positions of a Fortran-ordered array.

#include "platform/byte_swap.h"

#include <bit>
#include <concepts>
#include <cstdint>
#include <cstring>
#include <vector>

namespace focalscope::npy {

// IEEE 754 binary16 to binary32, exact (subnormals, infinities and NaN included).
inline float halfToFloat(std::uint16_t h)
{
    const std::uint32_t sign = static_cast<std::uint32_t>(h & 0x8000u) << 16;
    const std::uint32_t exponent = (h >> 10) & 0x1fu;
    std::uint32_t mantissa = h & 0x3ffu;
    std::uint32_t bits = 0;
    if (exponent == 0x1f) {
        bits = sign | 0x7f800000u | (mantissa << 13);
    } else if (exponent != 0) {
        bits = sign | ((exponent + 112) << 23) | (mantissa << 13);
    } else if (mantissa == 0) {
        bits = sign;
    } else {
        // Subnormal half: normalise into a float.
        std::uint32_t e = 113;
        while ((mantissa & 0x400u) == 0) {
            mantissa <<= 1;
            --e;
        }
        bits = sign | (e << 23) | ((mantissa & 0x3ffu) << 13);
    }
    return std::bit_cast<float>(bits);
}

// An unsigned integer of sizeof(U) bytes at p, byte-swapped when swap is set.
template<std::unsigned_integral U> U loadRaw(const char* p, bool swap)
{
    U value;
    std::memcpy(&value, p, sizeof(U));
    if (swap)
        value = byteSwap(value);
    return value;
}

// One score widened to double without loss (float16 and float32 are subsets of float64).
template<int Size, bool Swap> double loadScore(const char* p)
{
    if constexpr (Size == 2) {
        return static_cast<double>(halfToFloat(loadRaw<std::uint16_t>(p, Swap)));
    } else if constexpr (Size == 4) {
        return static_cast<double>(std::bit_cast<float>(loadRaw<std::uint32_t>(p, Swap)));
    } else {
        return std::bit_cast<double>(loadRaw<std::uint64_t>(p, Swap));
    }
}

// Whether elements of this byte order ('<', '>' or '|') must be swapped on this machine.
inline bool needsSwap(char byteOrder)
{
    constexpr bool little = std::endian::native == std::endian::little;
    return (byteOrder == '<' && !little) || (byteOrder == '>' && little);
}

// C-order position of each Fortran-order position of the leading axes, visited in
// Fortran order (first axis fastest): calls visit(fortranIndex, cIndex).
template<typename Visit>
void forEachFortranPosition(const std::vector<std::int64_t>& dims, Visit visit)
{
    const std::size_t k = dims.size();
    std::int64_t total = 1;
    for (std::int64_t d : dims)
        total *= d;
    if (total == 0)
        return;
    std::vector<std::int64_t> cStride(k, 1), index(k, 0);
    for (std::size_t j = k; j-- > 1;)
        cStride[j - 1] = cStride[j] * dims[j];
    std::int64_t c = 0;
    for (std::int64_t f = 0; f < total; ++f) {
        visit(f, c);
        for (std::size_t j = 0; j < k; ++j) {
            if (++index[j] < dims[j]) {
                c += cStride[j];
                break;
            }
            c -= (dims[j] - 1) * cStride[j];
            index[j] = 0;
        }
    }
}

} // namespace focalscope::npy
