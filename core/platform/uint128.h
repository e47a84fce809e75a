#pragma once

// UInt128: an unsigned 128-bit integer with the built-in arithmetic, for exact sums of squared
// 64-bit counts (roc_statistics.h). GCC and Clang provide it as unsigned __int128 on 64-bit
// targets; other compilers would need a two-word type with *, -, << and a conversion to double.

namespace focalscope {

#if defined(__SIZEOF_INT128__)
__extension__ typedef unsigned __int128 UInt128;
// Int128: the signed one, for exact comparisons of products of counts (threshold_rules.cpp).
__extension__ typedef __int128 Int128;
#else
#error "UInt128 needs unsigned __int128 (GCC or Clang on a 64-bit target)"
#endif

} // namespace focalscope
