#include "platform/large_arrays.h"

#include <cstdlib> // defines __GLIBC__ on glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace focalscope {

void returnLargeArraysToTheSystem()
{
#if defined(__GLIBC__)
    // A fixed threshold also turns off glibc's dynamic adjustment of it.
    mallopt(M_MMAP_THRESHOLD, 4 * 1024 * 1024);
#endif
}

} // namespace focalscope
