#pragma once

// Shared by the fuzz targets: feeding bytes to the readers the way a user's file reaches them,
// and checking what they return.

#include "io/prediction_reader.h"
#include "report/analysis.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace focalscope::fuzz {

// A file in memory-backed /dev/shm (else the temp dir) named with the reader's extension.
inline std::filesystem::path scratchFile(const char* extension)
{
    std::filesystem::path dir
        = std::filesystem::exists("/dev/shm") ? "/dev/shm" : std::filesystem::temp_directory_path();
    return dir / ("focalscope-fuzz-" + std::to_string(getpid()) + extension);
}

inline void writeFile(const std::filesystem::path& path, const std::uint8_t* data, std::size_t size)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
}

// What every successful read must satisfy; a violation aborts, so the fuzzer reports it.
inline void checkResult(const ReadResult& result)
{
    const Predictions& p = result.predictions;
    if (p.labels.size() != p.rows() || p.classes() < 1 || !p.scores.allFinite()
        || p.classNames.size() != static_cast<std::size_t>(p.classes())
        || result.samples != p.rows() + result.skipped)
        std::abort();
    for (Index i = 0; i < p.rows(); ++i) {
        const auto label = p.labels[i];
        if (label != p.ignoreIndex && (label < 0 || label >= p.targetClasses()))
            std::abort();
    }
    // Small results also go through the whole analysis: any exception is a finding.
    if (p.rows() * p.classes() <= 4096) {
        AnalysisOptions options;
        options.loss.mode = defaultLossMode(p);
        options.roc.maxFpr = 0.5;
        const Analysis analysis = analyze(p, options);
        (void)analysis;
    }
}

// Reads path (and labels) as a user would; only ReadError is an expected outcome.
inline void readAndCheck(const std::filesystem::path& path, const std::filesystem::path& labels,
    const ReadOptions& options)
{
    try {
        checkResult(readPredictions(path, labels, options));
    } catch (const ReadError&) {
    }
}

// Options chosen by one byte of the input, so that every reader option is fuzzed too.
inline ReadOptions optionsFrom(std::uint8_t byte)
{
    ReadOptions options;
    options.kind = static_cast<KindRequest>(byte % 3);
    options.skipInvalid = (byte & 4) != 0;
    options.ignoreIndex = (byte & 8) ? 255 : kDefaultIgnoreIndex;
    return options;
}

} // namespace focalscope::fuzz
