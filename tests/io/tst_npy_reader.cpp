// .npy reader: golden files written by NumPy (tests/reference/gen_io.py) for every dtype,
// order, byte order, header version and rank, plus large generated arrays through the
// multi-threaded transpose and every half-precision value.

#include "golden_cases.h"
#include "io/file_bytes.h"
#include "io/npy_reader.h"
#include "io/prediction_reader.h"
#include "io/score_scan.h"
#include "npy_writer.h"
#include "test_rng.h"

#include <QTemporaryDir>
#include <QTest>

#include <bit>
#include <cmath>
#include <cstring>

using namespace focalscope;
using namespace focalscope::testing;

namespace {

// binary16 -> double by its definition, independent of the reader's bit manipulation.
double halfByDefinition(std::uint16_t h)
{
    const int sign = (h >> 15) ? -1 : 1;
    const int exponent = (h >> 10) & 0x1f;
    const int mantissa = h & 0x3ff;
    if (exponent == 0x1f)
        return mantissa ? std::nan("") : sign * HUGE_VAL;
    if (exponent == 0)
        return sign * std::ldexp(mantissa, -24);
    return sign * std::ldexp(1024 + mantissa, exponent - 25);
}

template<typename T> T byteSwapped(T value)
{
    auto bytes = std::bit_cast<std::array<unsigned char, sizeof(T)>>(value);
    std::reverse(bytes.begin(), bytes.end());
    return std::bit_cast<T>(bytes);
}

} // namespace

class TestNpyReader : public QObject {
    Q_OBJECT

private slots:
    void golden_data() { addGoldenRows({QStringLiteral("npy")}); }
    void golden()
    {
        QFETCH(QJsonObject, expected);
        checkGoldenCase(expected);
    }

    void everyHalfValue_data()
    {
        QTest::addColumn<QString>("descr");
        QTest::newRow("<f2") << "<f2";
        QTest::newRow(">f2") << ">f2";
    }
    void everyHalfValue()
    {
        QFETCH(QString, descr);
        std::vector<std::uint16_t> halves(65536);
        for (std::size_t i = 0; i < halves.size(); ++i)
            halves[i] = descr.startsWith(QLatin1Char('>')) ? byteSwapped(std::uint16_t(i))
                                                           : std::uint16_t(i);
        const QByteArray bytes
            = npyBytes(descr.toStdString(), false, {65536}, halves.data(), halves.size() * 2);
        const std::string_view view(bytes.data(), std::size_t(bytes.size()));
        const NpyHeader header = parseNpyHeader(view, "halves.npy");
        const ScoreMatrix scores = npyScores(view, header, "halves.npy");
        QCOMPARE(scores.rows(), Index(65536));
        QCOMPARE(scores.cols(), Index(1));
        int wrong = 0;
        for (int i = 0; i < 65536; ++i) {
            const double expected = halfByDefinition(std::uint16_t(i));
            const float found = scores(i, 0);
            const bool same = std::isnan(expected)
                ? std::isnan(found)
                : (double(found) == expected && std::signbit(found) == std::signbit(expected));
            wrong += !same;
        }
        QCOMPARE(wrong, 0);
    }

    // 300000 x 10 little-endian f4 in C order: the blocked, threaded transpose.
    void largeCOrder()
    {
        constexpr Index n = 300000, classes = 10;
        const auto labels = randomLabels(11, n, classes);
        const auto logits = randomLogits(11, n, classes, labels, 1.5);
        QTemporaryDir dir;
        const QString scoresPath = dir.filePath(QStringLiteral("big.npy"));
        const QString labelsPath = dir.filePath(QStringLiteral("big_labels.npy"));
        QVERIFY(writeBytes(
            scoresPath, npyBytes("<f4", false, {n, classes}, logits.data(), logits.size() * 4)));
        QVERIFY(
            writeBytes(labelsPath, npyBytes("<i4", false, {n}, labels.data(), labels.size() * 4)));
        std::vector<double> seen;
        ReadOptions options;
        options.progress = [&](double f) {
            seen.push_back(f);
            return true;
        };
        const ReadResult result
            = readPredictions(scoresPath.toStdString(), labelsPath.toStdString(), options);
        const Predictions& p = result.predictions;
        QCOMPARE(p.rows(), n);
        QCOMPARE(p.classes(), classes);
        Index mismatches = 0;
        for (Index r = 0; r < n; ++r) {
            mismatches += p.labels[r] != labels[std::size_t(r)];
            for (Index c = 0; c < classes; ++c)
                mismatches += p.scores(r, c) != logits[std::size_t(r * classes + c)];
        }
        QCOMPARE(mismatches, Index(0));
        QVERIFY(seen.size() >= 3);
        QCOMPARE(seen.front(), 0.0);
        QCOMPARE(seen.back(), 1.0);
    }

    // [40, 2500, 7] big-endian f8 in Fortran order, flattened to 100000 rows in C order.
    void largeFortran3d()
    {
        constexpr Index b = 40, m = 2500, classes = 7, n = b * m;
        const auto labels = randomLabels(12, n, classes);
        const auto logits = randomLogits(12, n, classes, labels, 1.0);
        std::vector<double> data(std::size_t(n * classes));
        std::vector<std::int16_t> labelData(static_cast<std::size_t>(n));
        for (Index i = 0; i < b; ++i)
            for (Index j = 0; j < m; ++j) {
                const Index row = i * m + j;
                labelData[std::size_t(i + j * b)] = std::int16_t(labels[std::size_t(row)]);
                for (Index c = 0; c < classes; ++c)
                    data[std::size_t(i + j * b + c * b * m)]
                        = byteSwapped(double(logits[std::size_t(row * classes + c)]));
            }
        QTemporaryDir dir;
        const QString scoresPath = dir.filePath(QStringLiteral("f.npy"));
        const QString labelsPath = dir.filePath(QStringLiteral("f_labels.npy"));
        QVERIFY(writeBytes(
            scoresPath, npyBytes(">f8", true, {b, m, classes}, data.data(), data.size() * 8)));
        QVERIFY(writeBytes(
            labelsPath, npyBytes("<i2", true, {b, m}, labelData.data(), labelData.size() * 2)));
        const ReadResult result
            = readPredictions(scoresPath.toStdString(), labelsPath.toStdString());
        const Predictions& p = result.predictions;
        QCOMPARE(p.rows(), n);
        QCOMPARE(p.classes(), classes);
        Index mismatches = 0;
        for (Index r = 0; r < n; ++r) {
            mismatches += p.labels[r] != labels[std::size_t(r)];
            for (Index c = 0; c < classes; ++c)
                mismatches += p.scores(r, c) != logits[std::size_t(r * classes + c)];
        }
        QCOMPARE(mismatches, Index(0));
    }

    void fileMatchesMapping_data()
    {
        QTest::addColumn<QString>("descr");
        QTest::addColumn<bool>("fortran");
        QTest::addColumn<qint64>("rows");
        QTest::addColumn<qint64>("classes");
        QTest::addColumn<int>("values"); // 0 probabilities, 1 logits, 2 ties, 3 a non-finite one
        const char* descrs[] = {"<f4", ">f4", "<f8", ">f8", "<f2"};
        const qint64 rowCounts[] = {1, 255, 257, 70001};
        const qint64 classCounts[] = {1, 3, 10, 70};
        for (int k = 0; k < 64; ++k)
            QTest::addRow("case%d_%s_%s_%lldx%lld_v%d", k, descrs[k % 5], k % 3 == 0 ? "F" : "C",
                rowCounts[k % 4], classCounts[(k / 4) % 4], (k / 2) % 4)
                << QString::fromLatin1(descrs[k % 5]) << (k % 3 == 0) << rowCounts[k % 4]
                << classCounts[(k / 4) % 4] << (k / 2) % 4;
    }
    // The file path (pieces read at offsets, straight into the matrix, the summary on the way)
    // against the plain one (the mapped bytes converted, then summarizeScores).
    void fileMatchesMapping()
    {
        QFETCH(QString, descr);
        QFETCH(bool, fortran);
        QFETCH(qint64, rows);
        QFETCH(qint64, classes);
        QFETCH(int, values);
        const auto seed = static_cast<std::uint64_t>(rows * 31 + classes);
        const auto labels = randomLabels(seed, rows, classes);
        std::vector<float> x = randomLogits(seed, rows, classes, labels, 1.0); // row-major
        if (values == 0) { // rows of a softmax: probabilities summing to 1 up to rounding
            for (Index r = 0; r < rows; ++r) {
                double sum = 0;
                for (Index c = 0; c < classes; ++c)
                    sum += std::exp(double(x[std::size_t(r * classes + c)]));
                for (Index c = 0; c < classes; ++c)
                    x[std::size_t(r * classes + c)]
                        = float(std::exp(double(x[std::size_t(r * classes + c)])) / sum);
            }
        } else if (values == 2) {
            x = randomUnitScores(seed, rows * classes, 2);
        } else if (values == 3) {
            x[std::size_t(rows * classes / 2)] = std::numeric_limits<float>::infinity();
        }
        // The file's element order and item type.
        const int size = descr.back().digitValue();
        const bool swap = descr.front() == QLatin1Char('>');
        QByteArray data;
        for (Index k = 0; k < rows * classes; ++k) {
            const Index r = fortran ? k % rows : k / classes;
            const Index c = fortran ? k / rows : k % classes;
            const float v = x[std::size_t(r * classes + c)];
            if (size == 8) {
                const double d = swap ? byteSwapped(double(v)) : double(v);
                data.append(reinterpret_cast<const char*>(&d), 8);
            } else if (size == 4) {
                const float f = swap ? byteSwapped(v) : v;
                data.append(reinterpret_cast<const char*>(&f), 4);
            } else {
                const std::uint16_t h = std::bit_cast<std::uint16_t>(static_cast<_Float16>(v));
                data.append(reinterpret_cast<const char*>(&h), 2);
            }
        }
        const std::vector<std::int64_t> shape = classes == 1
            ? std::vector<std::int64_t> {rows}
            : std::vector<std::int64_t> {rows, classes};
        const QByteArray bytes
            = npyBytes(descr.toStdString(), fortran, shape, data.data(), std::size_t(data.size()));
        std::vector<std::int64_t> labels64(labels.begin(), labels.end());
        const QByteArray labelBytes
            = npyBytes("<i8", false, {rows}, labels64.data(), labels64.size() * 8);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.npy"));
        const QString labelsPath = dir.filePath(QStringLiteral("l.npy"));
        QVERIFY(writeBytes(path, bytes));
        QVERIFY(writeBytes(labelsPath, labelBytes));

        const std::string_view view(bytes.data(), std::size_t(bytes.size()));
        const NpyHeader header = parseNpyHeader(view, "s.npy");
        ScoreSummary mappedSummary;
        const ScoreMatrix mapped = npyScores(view, header, "s.npy", {}, nullptr, &mappedSummary);
        const FileReader file(path.toStdString());
        const NpyHeader fileHeader = parseNpyHeader(file.npyHead(), file.size(), file.name());
        QCOMPARE(fileHeader.dataOffset, header.dataOffset);
        ScoreSummary summary;
        const ScoreMatrix read = npyScores(file, fileHeader, {}, summary);
        QCOMPARE(read.rows(), mapped.rows());
        QCOMPARE(read.cols(), mapped.cols());
        QVERIFY(std::memcmp(read.data(), mapped.data(), std::size_t(read.size()) * 4) == 0);

        const ScoreSummary plain = summarizeScores(read);
        for (const ScoreSummary& s : {summary, mappedSummary}) {
            QCOMPARE(s.allFinite, plain.allFinite);
            QCOMPARE(s.allInUnitInterval, plain.allInUnitInterval);
            QCOMPARE(s.rowSumDeviation(), plain.rowSumDeviation());
            QCOMPARE(s.worstRow, plain.worstRow);
        }
        QCOMPARE(summary.allFinite, values != 3);

        const FileReader labelFile(labelsPath.toStdString());
        const NpyHeader labelHeader
            = parseNpyHeader(labelFile.npyHead(), labelFile.size(), labelFile.name());
        QVERIFY(npyLabels(labelFile, labelHeader)
            == Eigen::Map<const LabelVector>(labels.data(), rows));
    }

    void cancel_data()
    {
        QTest::addColumn<double>("at");
        QTest::newRow("at once") << 0.0;
        QTest::newRow("while converting") << 0.3;
    }
    void cancel()
    {
        QFETCH(double, at);
        constexpr Index n = 300000, classes = 10;
        std::vector<float> zeros(std::size_t(n * classes), 0.5f);
        std::vector<std::int8_t> labels(std::size_t(n), 0);
        QTemporaryDir dir;
        const QString scoresPath = dir.filePath(QStringLiteral("c.npy"));
        const QString labelsPath = dir.filePath(QStringLiteral("c_labels.npy"));
        QVERIFY(writeBytes(
            scoresPath, npyBytes("<f4", false, {n, classes}, zeros.data(), zeros.size() * 4)));
        QVERIFY(writeBytes(labelsPath, npyBytes("|i1", false, {n}, labels.data(), labels.size())));
        ReadOptions options;
        double last = -1;
        options.progress = [&](double f) {
            last = f;
            return f < at;
        };
        QVERIFY_THROWS_EXCEPTION(ReadCancelled,
            readPredictions(scoresPath.toStdString(), labelsPath.toStdString(), options));
        // Cancelled at the first report at or after `at` (possibly the last task's).
        QVERIFY(last >= at);
    }

    void shapeString_data()
    {
        QTest::addColumn<QList<qlonglong>>("shape");
        QTest::addColumn<QString>("text");
        QTest::newRow("0-d") << QList<qlonglong> {} << "()";
        QTest::newRow("1-d") << QList<qlonglong> {5} << "(5,)";
        QTest::newRow("2-d") << QList<qlonglong> {5, 3} << "(5, 3)";
        QTest::newRow("3-d") << QList<qlonglong> {2, 5, 3} << "(2, 5, 3)";
    }
    void shapeString()
    {
        QFETCH(QList<qlonglong>, shape);
        QFETCH(QString, text);
        QCOMPARE(
            QString::fromStdString(focalscope::shapeString({shape.begin(), shape.end()})), text);
    }
};

QTEST_GUILESS_MAIN(TestNpyReader)
#include "tst_npy_reader.moc"
