#pragma once

#include "data/predictions.h"
#include "io/csv_labels.h"
#include "io/read_options.h"
#include "io/score_scan.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace focalscope {

// A row of a file read without its labels whose scores are not all finite: the caller, who
// knows its label, decides (an ignored row keeps it, skip-invalid drops it, else message is
// the error: "file:line: column ...: expected a finite score, found nan").
struct NonFiniteRow {
    Index row = 0; // among the data rows
    Index line = 0; // 0-based line of the file
    std::string message;
    bool unparsable = false; // text that is no number: an error even when skipping invalid rows
};

// A delimited text file of predictions, parsed: scores, labels (when the file has a label
// column) and what the message and result need.
struct DelimitedTable {
    ScoreMatrix scores;
    LabelVector labels; // empty when read without a label column
    std::vector<std::string> classNames;
    char delimiter = ',';
    Index samples = 0; // data rows, skipped ones included
    Index ignored = 0; // rows whose label is the ignore index
    Index skipped = 0; // rows dropped by options.skipInvalid
    std::vector<Index> skippedRows; // their indices among the data rows, ascending
    std::vector<NonFiniteRow> nonFinite; // read without labels: rows still to decide on
    ScoreSummary summary; // of scores, gathered while parsing (rows with the ignore index and
                          // non-finite rows left out)
};

// Parses CSV / TSV text (delimiter , \t or ; detected; optional header; # comments and blank
// lines skipped; RFC 4180 quotes; CRLF; a UTF-8 BOM). With withLabelColumn the label column
// is the one named label, target, y, y_true, class or gt (any case), else the first; labels
// are validated against the score columns (integers, class names from the header, true /
// false for one score column, or options.ignoreIndex). Without it every column is a score.
// Rows with a non-finite score are an error naming the line and column, or are dropped and
// counted with options.skipInvalid; a row with the ignore index is not validated beyond its
// label. Without a label column they are listed in nonFinite for the caller (dropRows), and a
// column named like a label column is an error naming labelsName (where the labels are). Parsing
// runs on several threads for large inputs; options.progress is called now and then (it may
// cancel). name is used in messages. consumed, when given, is told each part of text that has been
// parsed and will not be read again (a memory-mapped caller can give its pages back).
DelimitedTable readDelimited(std::string_view text, const std::string& name,
    const ReadOptions& options, bool withLabelColumn,
    const std::function<void(const char* begin, const char* end)>& consumed = {},
    const std::string& labelsName = {});

// What the first record of a delimited text decides: delimiter, fields, label column, header,
// class names and where the data rows start. The first part of readDelimited, for readers that
// parse the data rows in blocks (summary_file.cpp streams a CSV too large for memory). text is
// csv::checkedText's. Throws ReadError as readDelimited does.
struct DelimitedHead {
    char delimiter = ',';
    Index fields = 0;
    Index labelColumn = -1; // -1: none
    std::vector<std::string> header; // empty: no header
    std::vector<std::string> classNames;
    Index firstLine = 0; // 0-based line of the first record
    std::size_t dataBegin = 0; // position of the first data row in the text
    Index dataFirstLine = 0; // its line
};
DelimitedHead readDelimitedHead(std::string_view text, const std::string& name,
    bool withLabelColumn, const std::string& labelsName = {});

// The second part of readDelimited: the data rows of text from begin (a line start, line
// firstLine of the file, 0-based) to its end, parsed with head's layout. Zero rows are no error
// here. Row indices in the result (skippedRows, nonFinite) count from the first row parsed;
// messages and NonFiniteRow::line count the file's lines.
DelimitedTable parseDelimitedRows(std::string_view text, std::size_t begin, Index firstLine,
    const DelimitedHead& head, const std::string& name, const ReadOptions& options,
    bool withLabelColumn,
    const std::function<void(const char* begin, const char* end)>& consumed = {});

} // namespace focalscope
