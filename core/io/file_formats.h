#pragma once

// The file formats the readers know, in one place (as Tiled's FileFormat): their names, the
// extensions that select them and the dialog filters the window and the CLI's help show.

#include <string>
#include <string_view>
#include <vector>

namespace focalscope {

enum class FileFormatId { Csv, Tsv, Npy, Npz };

struct FileFormat {
    FileFormatId id;
    std::string_view name; // "csv", "tsv", "npy", "npz": the JSON's input.format
    std::string_view description; // for dialogs
    std::vector<std::string_view> extensions; // lower case, with the dot
    bool holdsScores; // can be a predictions file
    bool holdsLabels; // can be a labels file
};

// Every format, in the order dialogs list them.
const std::vector<FileFormat>& fileFormats();

const FileFormat& fileFormat(FileFormatId id);

// "Prediction files (*.csv *.tsv *.txt *.npy *.npz);;All files (*)": the formats that hold
// scores, as a Qt file-dialog filter.
std::string predictionsNameFilter();
// The same for labels files (.npy, one-column CSV / TSV).
std::string labelsNameFilter();

} // namespace focalscope
