#pragma once

namespace focalscope {

// Makes the allocator hand every large array (>= 4 MB: per-row arrays of a large dataset, sort
// buffers) its own mapping, given back to the system when the array is freed. glibc otherwise
// raises its mmap threshold after the first large free and keeps later arrays of up to 32 MB
// in its heaps, where freed memory stays resident: the window then held ~390 MB after a
// 2M x 5 file instead of the ~280 MB its data needs, and ~245 MB after opening the 20k-row
// demo instead of ~55 MB. Called once at the start of the desktop application. No-op elsewhere.
void returnLargeArraysToTheSystem();

} // namespace focalscope
