#include "io/npy_scores.h"

#include "io/file_bytes.h"
#include "io/npy_elements.h"
#include "io/parallel_chunks.h"
#include "io/read_error.h"

#include <algorithm>
#include <array>
#include <bit>
#include <filesystem>

namespace focalscope {

namespace {

// Converts rows [rowBegin, rowEnd) of every column into the column-major out, where
// element(r, c) gives the bytes of score (r, c), and adds them to summary: the finiteness, the
// unit interval and the row sums (in double, over the columns in order) are taken on the way,
// so that nothing reads the matrix again. Blocks of rows and columns that stay in cache.
template<int Size, bool Swap, typename Element>
void convertRows(
    Element element, Index rowBegin, Index rowEnd, ScoreMatrix& out, ScoreSummary& summary)
{
    constexpr Index kRowBlock = 256;
    constexpr Index kColumnBlock = 64;
    const Index n = out.rows();
    const Index classes = out.cols();
    std::array<double, kRowBlock> sums {};
    for (Index r0 = rowBegin; r0 < rowEnd; r0 += kRowBlock) {
        const Index r1 = std::min(rowEnd, r0 + kRowBlock);
        std::fill(sums.begin(), sums.end(), 0.0);
        for (Index c0 = 0; c0 < classes; c0 += kColumnBlock) {
            const Index c1 = std::min(classes, c0 + kColumnBlock);
            for (Index c = c0; c < c1; ++c) {
                double* target = out.data() + c * n;
                std::uint32_t nonFinite = 0;
                std::uint32_t outside = 0;
                for (Index r = r0; r < r1; ++r) {
                    const double value = npy::loadScore<Size, Swap>(element(r, c));
                    target[r] = value;
                    const auto bits = std::bit_cast<std::uint64_t>(value);
                    nonFinite |= (bits & ScoreSummary::kExponent) == ScoreSummary::kExponent;
                    outside |= bits > ScoreSummary::kOne && bits != ScoreSummary::kNegativeZero;
                    sums[static_cast<std::size_t>(r - r0)] += value;
                }
                summary.allFinite &= nonFinite == 0;
                summary.allInUnitInterval &= outside == 0;
            }
        }
        for (Index r = r0; r < r1; ++r)
            summary.addRowSum(r, sums[static_cast<std::size_t>(r - r0)]);
    }
}

// Rows per task: about 256 KB of source bytes, so that a task's piece stays in cache.
Index rowsPerTask(Index classes, int size)
{
    constexpr Index kTaskBytes = Index {1} << 18;
    return std::max<Index>(256, kTaskBytes / (classes * size));
}

// The scores from bytes in memory (an .npy mapping or an .npz entry).
template<int Size, bool Swap>
void convertScores(const char* src, const NpyHeader& header, ScoreMatrix& out,
    const std::function<bool(double)>& progress, ScoreSummary& summary)
{
    const Index n = out.rows();
    const Index classes = out.cols();
    const std::size_t bytes = static_cast<std::size_t>(n * classes) * Size;

    if (header.fortranOrder && header.shape.size() > 2) {
        // Fortran order over several leading axes: rows in C order of those axes, column by
        // column; the summary in a pass of its own (a rare layout).
        const std::vector<std::int64_t> leading(header.shape.begin(), header.shape.end() - 1);
        runChunks(
            static_cast<std::size_t>(classes), threadsFor(bytes),
            [&](std::size_t c) {
                const char* column
                    = src + static_cast<std::size_t>(c) * static_cast<std::size_t>(n) * Size;
                double* target
                    = out.data() + static_cast<std::size_t>(c) * static_cast<std::size_t>(n);
                npy::forEachFortranPosition(leading, [&](std::int64_t f, std::int64_t r) {
                    target[r] = npy::loadScore<Size, Swap>(column + f * Size);
                });
            },
            progress);
        summary = summarizeScores(out);
        return;
    }

    const bool fortran = header.fortranOrder;
    const Index taskRows = rowsPerTask(classes, Size);
    const std::size_t tasks = static_cast<std::size_t>((n + taskRows - 1) / taskRows);
    std::vector<ScoreSummary> summaries(tasks);
    runChunks(
        tasks, threadsFor(bytes),
        [&](std::size_t task) {
            const Index rowBegin = static_cast<Index>(task) * taskRows;
            const Index rowEnd = std::min(n, rowBegin + taskRows);
            if (fortran)
                convertRows<Size, Swap>(
                    [&](Index r, Index c) {
                        return src + static_cast<std::size_t>(c * n + r) * Size;
                    },
                    rowBegin, rowEnd, out, summaries[task]);
            else
                convertRows<Size, Swap>(
                    [&](Index r, Index c) {
                        return src + static_cast<std::size_t>(r * classes + c) * Size;
                    },
                    rowBegin, rowEnd, out, summaries[task]);
        },
        progress);
    for (const ScoreSummary& part : summaries)
        summary.merge(part);
}

// The scores from a file, read in pieces of about 256 KB by each thread: a piece of C-order rows
// (or of each column, in Fortran order) into a buffer of the thread's own and converted from
// there, or, for native float64 columns, straight into the matrix and checked in place.
template<int Size, bool Swap>
void readScores(const FileReader& file, const NpyHeader& header, ScoreMatrix& out,
    const std::function<bool(double)>& progress, ScoreSummary& summary)
{
    const Index n = out.rows();
    const Index classes = out.cols();
    const std::size_t bytes = static_cast<std::size_t>(n * classes) * Size;
    const bool fortran = header.fortranOrder || classes == 1;
    const bool inPlace = fortran && Size == 8 && !Swap;
    const Index taskRows = rowsPerTask(classes, Size);
    const std::size_t tasks = static_cast<std::size_t>((n + taskRows - 1) / taskRows);
    std::vector<ScoreSummary> summaries(tasks);
    runChunks(
        tasks, threadsFor(bytes),
        [&](std::size_t task) {
            const Index rowBegin = static_cast<Index>(task) * taskRows;
            const Index rowEnd = std::min(n, rowBegin + taskRows);
            const Index rows = rowEnd - rowBegin;
            auto offsetOf = [&](Index r, Index c) {
                const Index element = fortran ? c * n + r : r * classes + c;
                return header.dataOffset + static_cast<std::size_t>(element) * Size;
            };
            if (inPlace) {
                for (Index c = 0; c < classes; ++c)
                    file.read(offsetOf(rowBegin, c),
                        reinterpret_cast<char*>(out.data() + c * n + rowBegin),
                        static_cast<std::size_t>(rows) * Size);
                convertRows<Size, Swap>(
                    [&](Index r, Index c) {
                        return reinterpret_cast<const char*>(out.data() + c * n + r);
                    },
                    rowBegin, rowEnd, out, summaries[task]);
                return;
            }
            thread_local std::vector<char> buffer;
            buffer.resize(static_cast<std::size_t>(rows * classes) * Size);
            if (fortran) {
                for (Index c = 0; c < classes; ++c)
                    file.read(offsetOf(rowBegin, c),
                        buffer.data() + static_cast<std::size_t>(c * rows) * Size,
                        static_cast<std::size_t>(rows) * Size);
                convertRows<Size, Swap>(
                    [&](Index r, Index c) {
                        return buffer.data()
                            + static_cast<std::size_t>(c * rows + r - rowBegin) * Size;
                    },
                    rowBegin, rowEnd, out, summaries[task]);
            } else {
                file.read(offsetOf(rowBegin, 0), buffer.data(), buffer.size());
                convertRows<Size, Swap>(
                    [&](Index r, Index c) {
                        return buffer.data()
                            + static_cast<std::size_t>((r - rowBegin) * classes + c) * Size;
                    },
                    rowBegin, rowEnd, out, summaries[task]);
            }
        },
        progress);
    for (const ScoreSummary& part : summaries)
        summary.merge(part);
}

// The shape checks of both npyScores; returns the matrix to fill.
ScoreMatrix scoreMatrixFor(const NpyHeader& header, const std::string& name)
{
    const bool floating = header.typeCode == 'f'
        && (header.itemSize == 2 || header.itemSize == 4 || header.itemSize == 8);
    if (!floating)
        throw ReadError(name + ": unsupported dtype '" + header.descr
            + "': expected scores of dtype f2, f4 or f8");
    if (header.shape.empty())
        throw ReadError(name + ": shape (): expected an array of at least one dimension (rows)");
    const Index classes = header.shape.size() == 1 ? 1 : header.shape.back();
    if (classes == 0)
        throw ReadError(name + ": shape " + shapeString(header.shape)
            + ": expected at least one class column in the last axis, found 0");
    const Index n = header.count / classes;
    if (n == 0)
        throw ReadError(
            name + ": shape " + shapeString(header.shape) + ": expected at least one row, found 0");
    ScoreMatrix scores(n, classes);
    adviseHugePages(scores.data(), static_cast<std::size_t>(scores.size()) * sizeof(double));
    return scores;
}

// Calls convert.template operator()<Size, Swap>() for the header's item size and byte order.
template<typename Convert> void dispatchScores(const NpyHeader& header, Convert&& convert)
{
    const bool swap = npy::needsSwap(header.byteOrder);
    switch (header.itemSize * (swap ? -1 : 1)) {
    case 2:
        convert.template operator()<2, false>();
        break;
    case -2:
        convert.template operator()<2, true>();
        break;
    case 4:
        convert.template operator()<4, false>();
        break;
    case -4:
        convert.template operator()<4, true>();
        break;
    case 8:
        convert.template operator()<8, false>();
        break;
    default:
        convert.template operator()<8, true>();
        break;
    }
}

} // namespace

ScoreMatrix npyScores(std::string_view bytes, const NpyHeader& header, const std::string& name,
    const std::function<bool(double)>& progress, bool* allFinite, ScoreSummary* summary)
{
    ScoreMatrix scores = scoreMatrixFor(header, name);
    const char* src = bytes.data() + header.dataOffset;
    ScoreSummary found;
    dispatchScores(header, [&]<int Size, bool Swap>() {
        convertScores<Size, Swap>(src, header, scores, progress, found);
    });
    if (allFinite)
        *allFinite = found.allFinite;
    if (summary)
        *summary = found;
    return scores;
}

ScoreMatrix npyScores(const FileReader& file, const NpyHeader& header,
    const std::function<bool(double)>& progress, ScoreSummary& summary)
{
    if (header.fortranOrder && header.shape.size() > 2) {
        const FileBytes bytes(std::filesystem::path(file.name()));
        return npyScores(bytes.view(), header, file.name(), progress, nullptr, &summary);
    }
    ScoreMatrix scores = scoreMatrixFor(header, file.name());
    summary = ScoreSummary();
    dispatchScores(header, [&]<int Size, bool Swap>() {
        readScores<Size, Swap>(file, header, scores, progress, summary);
    });
    return scores;
}

} // namespace focalscope
