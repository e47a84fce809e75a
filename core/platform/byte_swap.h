#pragma once

// byteSwap(value): the bytes of an unsigned integer in reverse order (std::byteswap of C++23).

#include <bit>
#include <concepts>
#include <cstddef>
#include <cstdint>

namespace focalscope {

template<std::unsigned_integral U> constexpr U byteSwap(U value) noexcept
{
#if defined(__cpp_lib_byteswap)
    return std::byteswap(value);
#elif defined(__GNUC__) || defined(__clang__)
    static_assert(sizeof(U) <= 8, "byteSwap takes integers of up to 64 bits");
    if constexpr (sizeof(U) == 1)
        return value;
    else if constexpr (sizeof(U) == 2)
        return static_cast<U>(__builtin_bswap16(static_cast<std::uint16_t>(value)));
    else if constexpr (sizeof(U) == 4)
        return static_cast<U>(__builtin_bswap32(static_cast<std::uint32_t>(value)));
    else
        return static_cast<U>(__builtin_bswap64(static_cast<std::uint64_t>(value)));
#else
    // Compilers recognise this loop as one byte-swap instruction.
    U swapped = 0;
    for (std::size_t i = 0; i < sizeof(U); ++i) {
        swapped = static_cast<U>((swapped << 8) | (value & 0xffu));
        value = static_cast<U>(value >> 8);
    }
    return swapped;
#endif
}

} // namespace focalscope
