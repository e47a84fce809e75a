#pragma once

// The parallel parser of a delimited file's data rows: the text is cut into chunks at line ends,
// pass 1 counts each chunk's rows, pass 2 parses them straight into their places.

#include "data/predictions.h"
#include "io/csv_labels.h"
#include "io/csv_reader.h"
#include "io/score_scan.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace focalscope::csv {

struct Layout {
    char delimiter = ',';
    Index fields = 0;
    Index labelColumn = -1; // -1: none
    std::vector<std::string> header; // empty: no header
    std::vector<double*> columnOf; // per field: destination column (nullptr: label)
    std::vector<double*> scoreColumns; // the score columns in order
};

// The first non-finite score of a row: its field and what was found (nan, inf, -inf).
// The first score of a row that is not a finite number: a non-finite one (field, found) or, in
// `unparsable`, the message for text that is no number at all. Both are decided at the row's end,
// once its label is known (a row with the ignore index is not validated).
struct NonFiniteField {
    Index field = -1;
    const char* found = "";
    std::string unparsable;
};

struct Chunk {
    std::size_t begin = 0;
    std::size_t end = 0;
    Index lines = 0;
    Index rows = 0;
    Index lineOffset = 0;
    Index rowOffset = 0;
    Index ignored = 0;
    std::vector<Index> invalidRows;
    std::vector<NonFiniteRow> nonFinite; // labels from another file: rows to decide on later
    ScoreSummary summary; // of the rows parsed, ignored ones left out
    bool failed = false;
    Index errorLine = 0; // within the chunk, 0-based
    std::string error;
};

// The text from begin cut into chunks of about 256 KB (at most 512), each ending at a line end.
std::vector<Chunk> makeChunks(std::string_view text, std::size_t begin);

class ChunkParser {
public:
    ChunkParser(std::string_view text, const Layout& layout, const LabelRules& rules,
        std::int32_t* labels, bool skipInvalid)
        : m_text(text)
        , m_layout(layout)
        , m_rules(rules)
        , m_labels(labels)
        , m_skipInvalid(skipInvalid)
    {
    }

    // Counts the chunk's lines and data rows (pass 1).
    void count(Chunk& chunk) const;
    // Parses the chunk's rows into their places (pass 2); on an error, sets chunk.failed.
    void parse(Chunk& chunk) const;

private:
    std::string columnText(Index field) const;
    bool fail(Chunk& chunk, std::string message) const;
    bool parseRow(const char* p, const char* e, Index row, Chunk& chunk) const;
    void storeLabel(std::int32_t label, Index row, Chunk& chunk) const;
    static void noteNonFinite(Index f, double value, NonFiniteField& nonFinite);
    std::string nonFiniteMessage(const NonFiniteField& nonFinite) const;
    // Text in a score field that is no number: NaN stored, the message kept for the row's end.
    void noteUnparsable(
        Index f, std::string_view text, Index row, double* column, NonFiniteField& nonFinite) const;
    bool storeText(std::string_view text, Index f, Index row, double* column,
        NonFiniteField& nonFinite, Chunk& chunk) const;

    std::string_view m_text;
    const Layout& m_layout;
    const LabelRules& m_rules;
    std::int32_t* m_labels;
    bool m_skipInvalid;
};

} // namespace focalscope::csv
