#pragma once

// The dialect of a delimited file: where its records start, how they split into fields (RFC 4180
// quotes), its delimiter and whether its first record is a header.

#include "data/predictions.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace focalscope::csv {

// The text without a UTF-8 BOM; a zero byte in its first 4096 bytes is an error (binary data).
std::string_view checkedText(std::string_view text, const std::string& name);

// The first data record's position and line (0-based), skipping comments and blanks.
bool findFirstRecord(std::string_view text, std::size_t& pos, Index& line);

// One record split into fields, RFC 4180 quotes honoured (a quoted field may hold the
// delimiter, "" and line breaks). Returns the position after the record's '\n'.
// lines is incremented by the line breaks the record spans.
std::size_t splitRecord(std::string_view text, std::size_t pos, char delimiter,
    std::vector<std::string>& fields, Index& lines);

// The text of a quoted field starting at p (on the '"'), without the quotes and with ""
// unescaped. end receives the position after the closing quote and any spaces.
bool unquote(const char* p, const char* e, std::string& out, const char*& end);

// Counts fields of a line quote-aware (for messages).
Index countFields(const char* p, const char* e, char delimiter);

// The delimiter among tab, ',' and ';' that splits the first records (from firstRecord) into the
// same number of fields, the most fields winning; ',' when none splits them.
char detectDelimiter(std::string_view text, std::size_t firstRecord);

// Whether a first record is a header: some field is neither a number nor true / false.
bool isHeaderRecord(const std::vector<std::string>& fields);

} // namespace focalscope::csv
