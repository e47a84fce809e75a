#pragma once

#include <string>
#include <string_view>

namespace focalscope {

// Whether text is well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool isValidUtf8(std::string_view text);

// text with every byte that does not start or continue a well-formed UTF-8 sequence replaced by
// U+FFFD (the replacement character), so that JSON and the window can always show it.
std::string toValidUtf8(std::string_view text);

} // namespace focalscope
