#include "io/prediction_reader.h"

#include "data/utf8.h"
#include "io/csv_dialect.h"
#include "io/csv_labels.h"
#include "io/csv_reader.h"
#include "io/file_bytes.h"
#include "io/kind_detection.h"
#include "io/npy_reader.h"
#include "io/npz_reader.h"
#include "io/parallel_chunks.h"
#include "io/score_scan.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <new>
#include <stdexcept>
#include <string_view>

namespace focalscope {

namespace {

constexpr std::string_view kNpyMagic = "\x93NUMPY";
constexpr std::string_view kZipMagic = "PK\x03\x04";
constexpr std::string_view kEmptyZipMagic = "PK\x05\x06";
constexpr std::array<const char*, 8> kScoreKeys
    = {"scores", "preds", "predictions", "probs", "probabilities", "logits", "y_score", "y_pred"};
constexpr std::array<const char*, 6> kLabelKeys
    = {"labels", "targets", "target", "y", "y_true", "gt"};

std::string lowerExtension(const std::filesystem::path& path)
{
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
        [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

void report(const ReadOptions& options, double fraction)
{
    if (options.progress && !options.progress(fraction))
        throw ReadCancelled();
}

template<std::size_t N> std::string joined(const std::array<const char*, N>& names)
{
    std::string s;
    for (const char* n : names)
        s += (s.empty() ? "" : ", ") + std::string(n);
    return s;
}

std::string joined(const std::vector<std::string>& names)
{
    if (names.empty())
        return "no arrays";
    std::string s;
    for (const std::string& n : names)
        s += (s.empty() ? "" : ", ") + n;
    return s;
}

// Labels from a second file: a .npy of integers or bools whose shape is the scores' shape
// without the last axis, or a one-column CSV.
LabelVector readLabelsFile(const std::filesystem::path& labelsPath,
    const std::vector<std::int64_t>& expectedShape, const std::vector<std::string>& classNames,
    const std::string& scoresName, const ReadOptions& options, Index& ignored, bool& fromNpy)
{
    Index rows = 1;
    for (std::int64_t d : expectedShape)
        rows *= d;
    fromNpy = fileHead(labelsPath, kNpyMagic.size()) == kNpyMagic
        || lowerExtension(labelsPath) == ".npy";
    if (fromNpy) {
        // Read in pieces into the label vector: the file is never mapped whole beside it.
        const FileReader file(labelsPath);
        const std::string& name = file.name();
        const NpyHeader header = parseNpyHeader(file.npyHead(), file.size(), name);
        if (header.shape != expectedShape)
            throw ReadError(name + ": labels of shape " + shapeString(header.shape)
                + " do not match the scores of " + scoresName + ": expected shape "
                + shapeString(expectedShape));
        LabelVector labels = npyLabels(file, header);
        ignored = (labels.array() == options.ignoreIndex).count();
        return labels;
    }
    const FileBytes file(labelsPath);
    const std::string& name = file.name();
    const std::string_view bytes = file.view();
    LabelVector labels = readLabelColumn(bytes, name, classNames, options.ignoreIndex, ignored);
    if (labels.size() != rows)
        throw ReadError(name + ": expected " + std::to_string(rows) + " labels (one per row of "
            + scoresName + "), found " + std::to_string(labels.size()));
    return labels;
}

// Every label in [0, targets) or the ignore index; the first other one is an error
// naming its element. Returns the number of ignored labels.
Index checkLabelRange(
    const LabelVector& labels, Index classes, const ReadOptions& options, const std::string& name)
{
    const std::int32_t targets = static_cast<std::int32_t>(classes == 1 ? 2 : classes);
    const std::int32_t ignore = options.ignoreIndex;
    // One branch-free pass (vectorised); the culprit is looked for only when there is one.
    Index ignored = 0, invalid = 0;
    for (Index i = 0; i < labels.size(); ++i) {
        const std::int32_t label = labels[i];
        const bool isIgnored = label == ignore;
        ignored += isIgnored;
        invalid += !isIgnored
            && static_cast<std::uint32_t>(label) >= static_cast<std::uint32_t>(targets);
    }
    if (invalid == 0)
        return ignored;
    for (Index i = 0; i < labels.size(); ++i) {
        const std::int32_t label = labels[i];
        if (label == ignore || (label >= 0 && label < targets))
            continue;
        throw ReadError(name + ": element " + std::to_string(i) + ": expected "
            + (classes == 1 ? std::string("0 or 1")
                            : "a label in [0, " + std::to_string(targets) + ")")
            + " or the ignore index " + std::to_string(ignore) + ", found "
            + std::to_string(label));
    }
    return ignored;
}

// Non-finite scores in rows that are not ignored: an error naming the first such element, or
// (skipInvalid) the rows are dropped from scores and labels and counted. A row with the ignore
// index is in no metric: its scores are not validated.
Index handleNonFinite(ScoreMatrix& scores, LabelVector& labels, std::int32_t ignoreIndex,
    bool knownFinite, const ReadOptions& options, const std::string& name)
{
    if (knownFinite)
        return 0;
    const Index n = scores.rows();
    const Index classes = scores.cols();
    std::vector<Index> invalid;
    for (Index r = 0; r < n; ++r) {
        if (labels[r] == ignoreIndex || scores.row(r).allFinite())
            continue;
        if (!options.skipInvalid) {
            Index c = 0;
            while (std::isfinite(scores(r, c)))
                ++c;
            const double value = scores(r, c);
            const char* found = std::isnan(value) ? "nan" : (value > 0 ? "inf" : "-inf");
            throw ReadError(name + ": element " + std::to_string(r * classes + c) + " (row "
                + std::to_string(r) + ", column " + std::to_string(c)
                + "): expected a finite score, found " + found
                + " (skip invalid rows to drop such rows)");
        }
        invalid.push_back(r);
    }
    dropRows(scores, labels, invalid);
    return static_cast<Index>(invalid.size());
}

// summary: the ScoreSummary of p.scores' counted rows gathered while reading, or nullptr (then
// a pass of its own over the rows that are not ignored).
void finish(
    ReadResult& result, KindRequest request, const std::string& name, const ScoreSummary* summary)
{
    Predictions& p = result.predictions;
    if (p.rows() == 0)
        throw ReadError(name + ": expected at least one row with finite scores, found none ("
            + std::to_string(result.skipped) + " skipped)");
    std::string warning;
    p.kind = resolveKind(request, p.scores,
        summary ? *summary : summarizeScores(p.scores, p.labels, p.ignoreIndex), warning);
    if (!warning.empty())
        result.warnings.push_back({ReadWarningKind::KindDetection, name + ": " + warning});
    if (p.classNames.size() != static_cast<std::size_t>(p.classes()))
        p.classNames = defaultClassNames(p.classes());
    for (std::size_t c = 0; c < p.classNames.size(); ++c)
        if (!isValidUtf8(p.classNames[c])) {
            p.classNames[c] = toValidUtf8(p.classNames[c]);
            result.warnings.push_back({ReadWarningKind::TextEncoding,
                name + ": the name of class " + std::to_string(c)
                    + " is not valid UTF-8; its bad bytes are shown as U+FFFD (" + p.classNames[c]
                    + ")"});
        }
    // The readers validated every label on the way (with its line or element), as
    // validatePredictions would; what is left to check is the shape.
    if (p.labels.size() != p.rows() || p.classes() < 1)
        throw ReadError(name + ": expected one label per row (" + std::to_string(p.rows())
            + "), found " + std::to_string(p.labels.size()));
}

std::vector<std::int64_t> leadingShape(const std::vector<std::int64_t>& shape)
{
    if (shape.size() <= 1)
        return shape;
    return {shape.begin(), shape.end() - 1};
}

ReadResult readText(const std::filesystem::path& path, const std::filesystem::path& labelsPath,
    const ReadOptions& options)
{
    const bool externalLabels = !labelsPath.empty();
    DelimitedTable table;
    {
        // Parsed parts of the mapping are handed back as the parse goes, so that the text and
        // the matrix are not both resident at the end (peak memory).
        FileBytes file(path);
        table = readDelimited(
            file.view(), file.name(), options, !externalLabels,
            [&file](const char* begin, const char* end) { file.release(begin, end); },
            externalLabels ? displayName(labelsPath) : std::string());
    }
    const std::string name = displayName(path);
    ReadResult result;
    result.format = table.delimiter == '\t' ? FileFormatId::Tsv : FileFormatId::Csv;
    Predictions& p = result.predictions;
    p.ignoreIndex = options.ignoreIndex;
    p.classNames = std::move(table.classNames);
    if (!externalLabels) {
        p.scores = std::move(table.scores);
        p.labels = std::move(table.labels);
        result.samples = table.samples;
        result.ignored = table.ignored;
        result.skipped = table.skipped;
    } else {
        Index ignored = 0;
        bool fromNpy = false;
        LabelVector labels = readLabelsFile(
            labelsPath, {table.samples}, p.classNames, name, options, ignored, fromNpy);
        if (fromNpy)
            ignored
                = checkLabelRange(labels, table.scores.cols(), options, displayName(labelsPath));
        // Rows with a non-finite score: harmless when ignored, else dropped (skip invalid rows)
        // or the error naming the first one's line and column.
        std::vector<Index> dropped;
        for (const NonFiniteRow& row : table.nonFinite) {
            if (labels[row.row] == options.ignoreIndex)
                continue;
            if (row.unparsable)
                throw ReadError(row.message);
            if (!options.skipInvalid)
                throw ReadError(row.message + " (skip invalid rows to drop such rows)");
            dropped.push_back(row.row);
        }
        dropRows(table.scores, labels, dropped);
        ignored = (labels.array() == options.ignoreIndex).count();
        p.labels = std::move(labels);
        p.scores = std::move(table.scores);
        result.samples = table.samples;
        result.skipped = static_cast<Index>(dropped.size());
        result.ignored = ignored;
        // The parse's summary saw every finite row, ignored ones included: count again.
        finish(result, options.kind, name,
            ignored == 0 && table.nonFinite.empty() ? &table.summary : nullptr);
        return result;
    }
    finish(result, options.kind, name, &table.summary);
    return result;
}

// Scores (from a .npy or an .npz entry) joined with their labels; summary is the scores'.
void completeArrays(ReadResult& result, LabelVector labels, const std::string& labelsName,
    const ScoreSummary& summary, const ReadOptions& options, KindRequest request,
    const std::string& name)
{
    Predictions& p = result.predictions;
    p.ignoreIndex = options.ignoreIndex;
    result.ignored = checkLabelRange(labels, p.scores.cols(), options, labelsName);
    result.samples = p.scores.rows();
    p.labels = std::move(labels);
    result.skipped = handleNonFinite(
        p.scores, p.labels, options.ignoreIndex, summary.allFinite, options, name);
    if (result.skipped > 0 || result.ignored > 0) {
        // The summary was of every row read: count again without the ignored and dropped ones.
        result.ignored = (p.labels.array() == options.ignoreIndex).count();
        finish(result, request, name, nullptr);
        return;
    }
    finish(result, request, name, &summary);
}

ReadResult readNpy(const std::filesystem::path& path, const std::filesystem::path& labelsPath,
    const ReadOptions& options)
{
    const std::string name = displayName(path);
    NpyHeader header;
    ReadResult result;
    result.format = FileFormatId::Npy;
    ScoreSummary summary;
    {
        // Read in pieces straight into the matrix: the file is never mapped whole beside it.
        const FileReader file(path);
        header = parseNpyHeader(file.npyHead(), file.size(), name);
        result.predictions.scores = npyScores(file, header, options.progress, summary);
    }
    if (labelsPath.empty())
        throw ReadError(name + ": a .npy file holds only scores: expected a labels file (.npy "
            + "of integers or a one-column CSV) as well");
    result.predictions.classNames = defaultClassNames(result.predictions.scores.cols());
    Index ignored = 0;
    bool fromNpy = false;
    LabelVector labels = readLabelsFile(labelsPath, leadingShape(header.shape),
        result.predictions.classNames, name, options, ignored, fromNpy);
    completeArrays(
        result, std::move(labels), displayName(labelsPath), summary, options, options.kind, name);
    return result;
}

template<std::size_t N>
std::string findKey(const NpzArchive& archive, const std::string& requested,
    const std::array<const char*, N>& candidates)
{
    if (!requested.empty())
        return archive.contains(requested) ? requested : std::string();
    for (const char* key : candidates)
        if (archive.contains(key))
            return key;
    return {};
}

ReadResult readNpz(const std::filesystem::path& path, const std::filesystem::path& labelsPath,
    const ReadOptions& options)
{
    const NpzArchive archive(path);
    const std::string name = displayName(path);
    const std::string scoresKey = findKey(archive, options.scoresKey, kScoreKeys);
    if (scoresKey.empty()) {
        const std::string expected = options.scoresKey.empty()
            ? "an array named one of " + joined(kScoreKeys)
            : "an array named " + options.scoresKey;
        throw ReadError(name + ": expected " + expected + ", found " + joined(archive.keys()));
    }
    KindRequest request = options.kind;
    if (request == KindRequest::Auto && scoresKey == "logits")
        request = KindRequest::Logits;
    if (request == KindRequest::Auto && (scoresKey == "probs" || scoresKey == "probabilities"))
        request = KindRequest::Probabilities;

    ReadResult result;
    result.format = FileFormatId::Npz;
    Predictions& p = result.predictions;
    const std::string scoresName = archive.entryName(scoresKey);
    NpyHeader header;
    ScoreSummary summary;
    {
        // Reading the entry is the first half of the work, converting it the second.
        const std::vector<char> bytes
            = archive.read(scoresKey, scaledProgress(options.progress, 0.0, 0.5));
        const std::string_view view(bytes.data(), bytes.size());
        header = parseNpyHeader(view, scoresName);
        p.scores = npyScores(view, header, scoresName, scaledProgress(options.progress, 0.5, 1.0),
            nullptr, &summary);
    }
    p.classNames = defaultClassNames(p.scores.cols());
    if (archive.contains("class_names")) {
        const std::string namesName = archive.entryName("class_names");
        const std::vector<char> bytes = archive.read("class_names");
        const std::string_view view(bytes.data(), bytes.size());
        std::vector<std::string> names
            = npyStrings(view, parseNpyHeader(view, namesName), namesName);
        if (names.size() == static_cast<std::size_t>(p.scores.cols()))
            p.classNames = std::move(names);
        else
            result.warnings.push_back({ReadWarningKind::ClassNames,
                namesName + ": expected " + std::to_string(p.scores.cols())
                    + " class names (one per score column), found " + std::to_string(names.size())
                    + "; using 0, 1, ..."});
    }

    LabelVector labels;
    std::string labelsName;
    if (!labelsPath.empty()) {
        // Labels in the archive and a labels file: which to use is the user's to say.
        if (const std::string own = findKey(archive, options.labelsKey, kLabelKeys); !own.empty())
            throw ReadError(name + " holds labels (" + archive.entryName(own)
                + ") and a labels file, " + displayName(labelsPath)
                + ", was given as well: give the labels once");
        Index ignored = 0;
        bool fromNpy = false;
        labels = readLabelsFile(labelsPath, leadingShape(header.shape), p.classNames, scoresName,
            options, ignored, fromNpy);
        labelsName = displayName(labelsPath);
    } else {
        const std::string labelsKey = findKey(archive, options.labelsKey, kLabelKeys);
        if (labelsKey.empty()) {
            const std::string expected = options.labelsKey.empty()
                ? "labels named one of " + joined(kLabelKeys)
                : "labels named " + options.labelsKey;
            throw ReadError(name + ": expected " + expected + " (or a labels file), found "
                + joined(archive.keys()));
        }
        labelsName = archive.entryName(labelsKey);
        const std::vector<char> bytes = archive.read(labelsKey);
        const std::string_view view(bytes.data(), bytes.size());
        const NpyHeader labelsHeader = parseNpyHeader(view, labelsName);
        labels = npyLabels(view, labelsHeader, labelsName);
        if (labelsHeader.shape != leadingShape(header.shape))
            throw ReadError(labelsName + ": labels of shape " + shapeString(labelsHeader.shape)
                + " do not match the scores " + scoresName + " of shape "
                + shapeString(header.shape) + ": expected shape "
                + shapeString(leadingShape(header.shape)));
    }
    completeArrays(result, std::move(labels), labelsName, summary, options, request, scoresName);
    return result;
}

ReadResult readPredictionsOrThrow(const std::filesystem::path& path,
    const std::filesystem::path& labelsPath, const ReadOptions& options)
{
    report(options, 0.0);
    // Chosen by content first (the magic bytes), then by extension.
    const std::string head = fileHead(path, kNpyMagic.size());
    const std::string_view zipHead = std::string_view(head).substr(0, 4);
    const std::string ext = lowerExtension(path);
    const bool npy = head == kNpyMagic;
    const bool zip = zipHead == kZipMagic || zipHead == kEmptyZipMagic;
    ReadResult result;
    if (zip && !npy) {
        result = readNpz(path, labelsPath, options);
    } else if (ext == ".npz" && !npy) {
        throw ReadError(displayName(path) + ": expected a zip archive (.npz) starting with "
            + "PK\\x03\\x04, found other data");
    } else if (npy || ext == ".npy") {
        result = readNpy(path, labelsPath, options);
    } else {
        result = readText(path, labelsPath, options);
    }
    report(options, 1.0);
    return result;
}

} // namespace

ReadResult readPredictions(const std::filesystem::path& path,
    const std::filesystem::path& labelsPath, const ReadOptions& options)
{
    try {
        return readPredictionsOrThrow(path, labelsPath, options);
    } catch (const std::bad_alloc&) {
        throw ReadError(displayName(path) + ": not enough memory to load the file");
    }
}

bool holdsOnlyScores(const std::filesystem::path& path)
{
    try {
        const std::string head = fileHead(path, kNpyMagic.size());
        return head == kNpyMagic || (head.rfind("PK", 0) != 0 && lowerExtension(path) == ".npy");
    } catch (const ReadError&) {
        return false;
    }
}

bool holdsOwnLabels(const std::filesystem::path& path, const ReadOptions& options)
{
    try {
        const std::string head = fileHead(path, kNpyMagic.size());
        const std::string_view zipHead = std::string_view(head).substr(0, 4);
        if (head == kNpyMagic)
            return false;
        if (zipHead == kZipMagic || zipHead == kEmptyZipMagic)
            return !findKey(NpzArchive(path), options.labelsKey, kLabelKeys).empty();
        if (lowerExtension(path) == ".npy" || lowerExtension(path) == ".npz")
            return false;
        // The header is the first record: within the file's first 1 MB.
        const std::string head1M = fileHead(path, std::size_t {1} << 20);
        const std::string_view text = csv::checkedText(head1M, displayName(path));
        std::size_t first = 0;
        Index line = 0;
        if (!csv::findFirstRecord(text, first, line))
            return false;
        std::vector<std::string> fields;
        Index lines = 0;
        csv::splitRecord(text, first, csv::detectDelimiter(text, first), fields, lines);
        return csv::isHeaderRecord(fields)
            && std::any_of(fields.begin(), fields.end(),
                [](const std::string& field) { return isLabelColumnName(field); });
    } catch (const ReadError&) {
        return false;
    }
}

} // namespace focalscope
