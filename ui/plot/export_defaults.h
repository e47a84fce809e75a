#pragma once

// The default size and resolution of an exported plot, the same for the window's Export Plot
// dialog and focalscope-cli's --size / --dpi. Plain ints, so that code without Qt can use them.

namespace focalscope {

inline constexpr int kDefaultExportWidth = 1200; // pixels
inline constexpr int kDefaultExportHeight = 900;
inline constexpr int kDefaultExportDpi = 150;

} // namespace focalscope
