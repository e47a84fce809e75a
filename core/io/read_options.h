#pragma once

#include "data/predictions.h"
#include "io/file_formats.h"
#include "io/read_warning.h"

#include <functional>
#include <string>
#include <vector>

namespace focalscope {

struct ReadOptions {
    KindRequest kind = KindRequest::Auto;
    std::int32_t ignoreIndex = kDefaultIgnoreIndex;
    bool skipInvalid = false; // drop and count rows with non-finite scores instead of failing
    std::string scoresKey; // .npz: override the key search
    std::string labelsKey;
    // Called now and then with the fraction done (0..1); returning false cancels the load
    // (ReadCancelled is thrown). May be called from the loading thread.
    std::function<bool(double)> progress;
};

struct ReadResult {
    Predictions predictions;
    FileFormatId format = FileFormatId::Csv; // fileFormat(format).name is "csv", "npy", ...
    Index samples = 0; // rows read, skipped ones included
    Index ignored = 0; // rows whose label is the ignore index
    Index skipped = 0; // rows dropped by skipInvalid
    std::vector<ReadWarning> warnings;
};

} // namespace focalscope
