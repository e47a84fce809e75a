// .npy reader: golden files written by NumPy (tests/reference/gen_io.py) for every dtype,
// order, byte order, header version and rank, plus large generated arrays through the
// multi-threaded transpose and every half-precision value.

#include "golden_cases.h"
#include "io/npy_reader.h"
#include "io/prediction_reader.h"
#include "npy_writer.h"
#include "test_rng.h"

#include <QTemporaryDir>
#include <QTest>

#include <bit>
#include <cmath>

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
