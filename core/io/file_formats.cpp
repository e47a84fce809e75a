#include "io/file_formats.h"

#include <stdexcept>

namespace focalscope {

const std::vector<FileFormat>& fileFormats()
{
    static const std::vector<FileFormat> formats {
        {FileFormatId::Csv, "csv", "CSV text", {".csv", ".txt"}, true, true},
        {FileFormatId::Tsv, "tsv", "TSV text", {".tsv"}, true, true},
        {FileFormatId::Npy, "npy", "NumPy array", {".npy"}, true, true},
        {FileFormatId::Npz, "npz", "NumPy archive", {".npz"}, true, false},
    };
    return formats;
}

const FileFormat& fileFormat(FileFormatId id)
{
    for (const FileFormat& format : fileFormats())
        if (format.id == id)
            return format;
    throw std::out_of_range("unknown file format");
}

namespace {

std::string nameFilter(const char* title, bool FileFormat::*holds)
{
    std::string patterns;
    for (const FileFormat& format : fileFormats()) {
        if (!(format.*holds))
            continue;
        for (const std::string_view extension : format.extensions) {
            if (!patterns.empty())
                patterns += ' ';
            patterns += '*';
            patterns += extension;
        }
    }
    return std::string(title) + " (" + patterns + ");;All files (*)";
}

} // namespace

std::string predictionsNameFilter()
{
    return nameFilter("Prediction files", &FileFormat::holdsScores);
}

std::string labelsNameFilter()
{
    return nameFilter("Labels", &FileFormat::holdsLabels);
}

} // namespace focalscope
