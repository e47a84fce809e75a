#include "io/csv_reader.h"

#include "io/csv_chunk_parser.h"
#include "io/csv_dialect.h"
#include "io/csv_fields.h"
#include "io/file_bytes.h"
#include "io/parallel_chunks.h"
#include "io/read_error.h"

namespace focalscope {

DelimitedHead readDelimitedHead(std::string_view text, const std::string& name,
    bool withLabelColumn, const std::string& labelsName)
{
    DelimitedHead head;
    std::size_t first = 0;
    if (!csv::findFirstRecord(text, first, head.firstLine))
        throw ReadError(name + ": expected data rows, found only blank or comment lines");
    const Index firstLine = head.firstLine;

    head.delimiter = csv::detectDelimiter(text, first);
    std::vector<std::string> fields;
    Index headerLines = 0;
    const std::size_t afterFirst
        = csv::splitRecord(text, first, head.delimiter, fields, headerLines);
    head.fields = static_cast<Index>(fields.size());
    const bool hasHeader = csv::isHeaderRecord(fields);
    if (hasHeader)
        head.header = fields;

    if (!withLabelColumn && hasHeader)
        for (std::size_t f = 0; f < fields.size(); ++f)
            if (isLabelColumnName(fields[f]))
                throw ReadError(name + ":" + std::to_string(firstLine + 1) + ": column "
                    + std::to_string(f + 1) + " (" + csv::quoteForMessage(fields[f])
                    + ") is a label column, and labels were given in "
                    + (labelsName.empty() ? std::string("another file") : labelsName)
                    + " as well: give the labels once (drop the labels file, or the column)");

    if (withLabelColumn) {
        head.labelColumn = 0;
        // One column named like a label column is the labels; a second one is an error (it is
        // never read as scores).
        Index named = -1;
        if (hasHeader)
            for (std::size_t f = 0; f < fields.size(); ++f) {
                if (!isLabelColumnName(fields[f]))
                    continue;
                if (named >= 0)
                    throw ReadError(name + ":" + std::to_string(firstLine + 1) + ": columns "
                        + std::to_string(named + 1) + " ("
                        + csv::quoteForMessage(fields[static_cast<std::size_t>(named)]) + ") and "
                        + std::to_string(f + 1) + " (" + csv::quoteForMessage(fields[f])
                        + ") are both named like a label column: expected one label column");
                named = static_cast<Index>(f);
            }
        if (named >= 0)
            head.labelColumn = named;
        if (head.fields < 2)
            throw ReadError(name + ":" + std::to_string(firstLine + 1)
                + ": expected at least 2 fields (a label and a score), found "
                + std::to_string(head.fields));
    }
    for (Index f = 0; f < head.fields; ++f)
        if (f != head.labelColumn)
            head.classNames.push_back(hasHeader ? fields[static_cast<std::size_t>(f)]
                                                : std::to_string(head.classNames.size()));
    head.dataBegin = hasHeader ? afterFirst : first;
    head.dataFirstLine = firstLine + (hasHeader ? headerLines : 0);
    return head;
}

DelimitedTable parseDelimitedRows(std::string_view text, std::size_t begin, Index firstLine,
    const DelimitedHead& head, const std::string& name, const ReadOptions& options,
    bool withLabelColumn, const std::function<void(const char* begin, const char* end)>& consumed)
{
    csv::Layout layout;
    layout.delimiter = head.delimiter;
    layout.fields = head.fields;
    layout.labelColumn = head.labelColumn;
    layout.header = head.header;
    const Index classes = static_cast<Index>(head.classNames.size());

    DelimitedTable table;
    table.delimiter = layout.delimiter;
    table.classNames = head.classNames;

    std::vector<csv::Chunk> chunks = csv::makeChunks(text, begin);
    const unsigned threads = threadsFor(text.size() - begin);

    csv::LabelRules rules;
    rules.classNames = &table.classNames;
    rules.binary = classes == 1;
    rules.targets = static_cast<std::int32_t>(classes == 1 ? 2 : classes);
    rules.ignoreIndex = options.ignoreIndex;

    // Pass 1: lines and data rows per chunk, so that pass 2 writes each row in place.
    csv::ChunkParser counter(text, layout, rules, nullptr, options.skipInvalid);
    runChunks(
        chunks.size(), threads, [&](std::size_t k) { counter.count(chunks[k]); },
        scaledProgress(options.progress, 0.0, 0.1));
    Index rows = 0;
    Index lines = firstLine;
    for (csv::Chunk& chunk : chunks) {
        chunk.rowOffset = rows;
        chunk.lineOffset = lines;
        rows += chunk.rows;
        lines += chunk.lines;
    }
    table.samples = rows;
    if (rows == 0)
        return table;

    // Pass 2: parse straight into the column-major matrix.
    table.scores.resize(rows, classes);
    adviseHugePages(
        table.scores.data(), static_cast<std::size_t>(table.scores.size()) * sizeof(double));
    if (withLabelColumn)
        table.labels.resize(rows);
    layout.columnOf.assign(static_cast<std::size_t>(layout.fields), nullptr);
    for (Index f = 0, c = 0; f < layout.fields; ++f)
        if (f != layout.labelColumn) {
            layout.columnOf[static_cast<std::size_t>(f)] = table.scores.data() + (c++) * rows;
            layout.scoreColumns.push_back(layout.columnOf[static_cast<std::size_t>(f)]);
        }
    csv::ChunkParser parser(text, layout, rules, table.labels.data(), options.skipInvalid);
    runChunks(
        chunks.size(), threads,
        [&](std::size_t k) {
            parser.parse(chunks[k]);
            if (consumed)
                consumed(text.data() + chunks[k].begin, text.data() + chunks[k].end);
        },
        scaledProgress(options.progress, 0.1, 1.0));

    std::vector<Index> invalidRows;
    for (csv::Chunk& chunk : chunks) {
        if (chunk.failed)
            throw ReadError(name + ":" + std::to_string(chunk.lineOffset + chunk.errorLine + 1)
                + ": " + chunk.error);
        table.ignored += chunk.ignored;
        table.summary.merge(chunk.summary);
        invalidRows.insert(invalidRows.end(), chunk.invalidRows.begin(), chunk.invalidRows.end());
        for (NonFiniteRow& row : chunk.nonFinite) {
            row.message
                = name + ":" + std::to_string(chunk.lineOffset + row.line + 1) + ": " + row.message;
            row.line += chunk.lineOffset;
            table.nonFinite.push_back(std::move(row));
        }
    }
    if (!withLabelColumn) {
        // Whether a non-finite row is skipped, an error or harmless (ignored) depends on labels
        // this file does not hold: the caller decides (dropRows).
        return table;
    }
    table.skipped = static_cast<Index>(invalidRows.size());
    if (!invalidRows.empty()) {
        // Drop the rows with a non-finite score, keeping the order of the rest.
        dropRows(table.scores, table.labels, invalidRows);
        table.summary = summarizeScores(table.scores, table.labels, options.ignoreIndex);
    }
    table.skippedRows = std::move(invalidRows);
    return table;
}

DelimitedTable readDelimited(std::string_view text, const std::string& name,
    const ReadOptions& options, bool withLabelColumn,
    const std::function<void(const char* begin, const char* end)>& consumed,
    const std::string& labelsName)
{
    text = csv::checkedText(text, name);
    const DelimitedHead head = readDelimitedHead(text, name, withLabelColumn, labelsName);
    DelimitedTable table = parseDelimitedRows(
        text, head.dataBegin, head.dataFirstLine, head, name, options, withLabelColumn, consumed);
    if (table.samples == 0) {
        if (!head.header.empty())
            throw ReadError(name + ":" + std::to_string(head.firstLine + 1)
                + ": expected data rows after the header, found none");
        throw ReadError(name + ": expected data rows, found none");
    }
    return table;
}

} // namespace focalscope
