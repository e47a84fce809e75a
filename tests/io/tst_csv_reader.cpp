// CSV / TSV reader: the golden variants written by tests/reference/gen_io.py, plus large
// generated files that go through the chunked, multi-threaded path.

#include "golden_cases.h"
#include "io/csv_reader.h"
#include "io/prediction_reader.h"
#include "io/score_scan.h"
#include "test_rng.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <bit>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

using namespace focalscope;
using namespace focalscope::testing;

namespace {

constexpr Index kRows = 300000;
constexpr Index kClasses = 10;

struct BigTable {
    std::vector<std::int32_t> labels;
    std::vector<double> logits; // row-major, float32 values widened
};

const BigTable& bigTable()
{
    static const BigTable table = [] {
        BigTable t;
        t.labels = randomLabels(7, kRows, kClasses);
        const std::vector<float> logits = randomLogits(7, kRows, kClasses, t.labels, 2.0);
        t.logits.assign(logits.begin(), logits.end());
        return t;
    }();
    return table;
}

// The big table as CSV text: header, shortest round-trip doubles, CRLF, a comment and a blank
// line every 1000 rows. badLine (1-based) replaces that line's third score by `replacement`.
std::string bigCsv(Index badRow = -1, const std::string& replacement = {})
{
    const BigTable& t = bigTable();
    std::string text = "label";
    for (Index c = 0; c < kClasses; ++c)
        text += ",class" + std::to_string(c);
    text += "\r\n";
    char buffer[64];
    for (Index r = 0; r < kRows; ++r) {
        if (r % 1000 == 500)
            text += "# a comment\r\n\r\n";
        text += std::to_string(t.labels[std::size_t(r)]);
        for (Index c = 0; c < kClasses; ++c) {
            text += ',';
            if (r == badRow && c == 2) {
                text += replacement;
                continue;
            }
            const auto res = std::to_chars(
                buffer, buffer + sizeof buffer, t.logits[std::size_t(r * kClasses + c)]);
            text.append(buffer, res.ptr);
        }
        text += "\r\n";
    }
    return text;
}

// The file line of data row r in bigCsv: header, then 2 extra lines before rows 500, 1500, ...
Index lineOfRow(Index r)
{
    return 2 + r + 2 * ((r + 500) / 1000);
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const std::string& text)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(text.data(), qint64(text.size()));
    return path;
}

} // namespace

class TestCsvReader : public QObject {
    Q_OBJECT

private slots:
    void golden_data() { addGoldenRows({QStringLiteral("csv"), QStringLiteral("tsv")}); }
    void golden()
    {
        QFETCH(QJsonObject, expected);
        checkGoldenCase(expected);
    }

    void labelColumnNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("isLabel");
        for (const char* n : {"label", "LABEL", "Target", "target", "y", "Y", "y_true", "Y_True",
                 "class", "Class", "gt", "GT", " label "})
            QTest::newRow(n) << QString::fromLatin1(n) << true;
        for (const char* n : {"labels", "targets", "yy", "y_pred", "score", "classes", "", "g"})
            QTest::newRow(n[0] ? n : "empty") << QString::fromLatin1(n) << false;
    }
    void labelColumnNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, isLabel);
        QCOMPARE(isLabelColumnName(name.toStdString()), isLabel);
    }

    // The decision on a leading '+': accepted once (std::from_chars alone refuses it), for
    // scores and labels; a sign after it is an error.
    void leadingPlus_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<double>("value");
        QTest::newRow("+0.5") << "+0.5" << true << 0.5;
        QTest::newRow("+.5") << "+.5" << true << 0.5;
        QTest::newRow("+1e-3") << "+1e-3" << true << 1e-3;
        QTest::newRow("-0.5") << "-0.5" << true << -0.5;
        QTest::newRow("+-0.5") << "+-0.5" << false << 0.0;
        QTest::newRow("++0.5") << "++0.5" << false << 0.0;
        QTest::newRow("+") << "+" << false << 0.0;
        QTest::newRow("0x10") << "0x10" << false << 0.0;
        QTest::newRow("1,5") << "1;5" << false << 0.0;
    }
    void leadingPlus()
    {
        QFETCH(QString, field);
        QFETCH(bool, accepted);
        QFETCH(double, value);
        const std::string text = "label,a,b\n+1,0.25," + field.toStdString() + "\n0,1,2\n";
        try {
            const DelimitedTable t = readDelimited(text, "plus.csv", {}, true);
            QVERIFY2(accepted, "accepted a field that should be refused");
            QCOMPARE(t.labels[0], 1);
            QCOMPARE(t.scores(0, 1), value);
        } catch (const ReadError& error) {
            QVERIFY2(!accepted, error.what());
            QVERIFY2(std::string(error.what())
                         .starts_with("plus.csv:2: column 3 ('b'): expected a number, found '"),
                error.what());
        }
    }

    // Scores are read as float64, correctly rounded: the same bits as glibc's strtod (the
    // reference), which also says what text beyond double's range becomes (+-0 below the
    // smallest subnormal, +-inf above the largest double, then refused as non-finite). Any
    // number a float64 holds is a score, float32's range is no limit.
    void correctlyRoundedScores_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("naive Bayes probability") << "4.695991271219276e-88";
        QTest::newRow("beyond float32") << "4e38";
        QTest::newRow("midpoint") << "1.000000000000000111022302462515654042363166809082031250";
        QTest::newRow("above midpoint")
            << "1.0000000000000001110223024625156540423631668090820312500001";
        QTest::newRow("max double") << "1.7976931348623157e308";
        QTest::newRow("overflow") << "1.8e308";
        QTest::newRow("min normal") << "2.2250738585072014e-308";
        QTest::newRow("subnormal") << "1e-310";
        QTest::newRow("smallest subnormal") << "4.9406564584124654e-324";
        QTest::newRow("underflow") << "1e-400";
        QTest::newRow("negative underflow") << "-1e-400";
        QTest::newRow("negative zero") << "-0.0";
        QTest::newRow("0.1") << "0.1";
        QTest::newRow("long digits") << "0.333333333333333333333333333333333333";
        QTest::newRow("pi") << "3.14159265358979323846264338327950288";
    }
    void correctlyRoundedScores()
    {
        QFETCH(QString, text);
        const std::string field = text.toStdString();
        const double reference = std::strtod(field.c_str(), nullptr);
        try {
            const DelimitedTable t = readDelimited("label,a\n0," + field + "\n", "r.csv", {}, true);
            QVERIFY2(std::isfinite(reference), "accepted a score beyond double's range");
            QCOMPARE(std::bit_cast<std::uint64_t>(t.scores(0, 0)),
                std::bit_cast<std::uint64_t>(reference));
        } catch (const ReadError& error) {
            QVERIFY2(!std::isfinite(reference), error.what());
            QVERIFY2(std::string(error.what()).find("expected a finite score") != std::string::npos,
                error.what());
        }
    }

    void delimiterDetection_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("classes");
        QTest::addColumn<char>("delimiter");
        QTest::newRow("comma") << "label,a,b\n0,1,2\n" << 2 << ',';
        QTest::newRow("tab") << "label\ta\tb\n0\t1\t2\n" << 2 << '\t';
        QTest::newRow("semicolon") << "label;a;b\n0;1;2\n" << 2 << ';';
        // Names holding commas do not win over the consistent semicolon.
        QTest::newRow("semicolon, commas in names") << "label;a,x;b,y,z\n0;1;2\n1;3;4\n"
                                                    << 2 << ';';
        QTest::newRow("quoted comma with tabs") << "label\t\"a,b\"\tc\n0\t1\t2\n" << 2 << '\t';
    }
    void delimiterDetection()
    {
        QFETCH(QString, text);
        QFETCH(int, classes);
        QFETCH(char, delimiter);
        const DelimitedTable t = readDelimited(text.toStdString(), "d.csv", {}, true);
        QCOMPARE(t.scores.cols(), Index(classes));
        QCOMPARE(t.delimiter, delimiter);
    }

    // 300000 rows x 11 columns (about 25 MB): several chunks, several threads when the
    // machine has them; every value must arrive in its place.
    void largeFile()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("big.csv"), bigCsv());
        QVERIFY(!path.isEmpty());
        const ReadResult result = readPredictions(path.toStdString());
        const BigTable& t = bigTable();
        const Predictions& p = result.predictions;
        QCOMPARE(result.format, FileFormatId::Csv);
        QCOMPARE(p.rows(), kRows);
        QCOMPARE(p.classes(), kClasses);
        QCOMPARE(p.classNames.back(), std::string("class9"));
        QCOMPARE(p.kind, ScoreKind::Logits);
        Index mismatches = 0;
        for (Index r = 0; r < kRows; ++r) {
            mismatches += p.labels[r] != t.labels[std::size_t(r)];
            for (Index c = 0; c < kClasses; ++c)
                mismatches += p.scores(r, c) != t.logits[std::size_t(r * kClasses + c)];
        }
        QCOMPARE(mismatches, Index(0));
    }

    // The first error of the file is reported with its exact line, wherever the chunks fall.
    void largeFileErrorLine_data()
    {
        QTest::addColumn<qlonglong>("row");
        for (qlonglong row : {0LL, 1LL, 499LL, 500LL, 123456LL, 299999LL})
            QTest::newRow(qPrintable(QString::number(row))) << row;
    }
    void largeFileErrorLine()
    {
        QFETCH(qlonglong, row);
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("bad.csv"), bigCsv(row, "oops"));
        const std::string expected = path.toStdString() + ":" + std::to_string(lineOfRow(row))
            + ": column 4 ('class2'): expected a number, found 'oops'";
        try {
            readPredictions(path.toStdString());
            QFAIL("no error");
        } catch (const ReadError& error) {
            QCOMPARE(std::string(error.what()), expected);
        }
    }

    void largeFileSkipInvalid()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("nan.csv"), bigCsv(200001, "nan"));
        ReadOptions options;
        try {
            readPredictions(path.toStdString(), {}, options);
            QFAIL("no error");
        } catch (const ReadError& error) {
            QCOMPARE(std::string(error.what()),
                path.toStdString() + ":" + std::to_string(lineOfRow(200001))
                    + ": column 4 ('class2'): expected a finite score, found nan (skip "
                      "invalid rows to drop such rows)");
        }
        options.skipInvalid = true;
        const ReadResult result = readPredictions(path.toStdString(), {}, options);
        QCOMPARE(result.samples, kRows);
        QCOMPARE(result.skipped, Index(1));
        QCOMPARE(result.predictions.rows(), kRows - 1);
        const BigTable& t = bigTable();
        // Rows after the dropped one moved up by one.
        QCOMPARE(result.predictions.scores(200001, 0), t.logits[std::size_t(200002 * kClasses)]);
        QCOMPARE(result.predictions.labels[200000], t.labels[200000]);
        QCOMPARE(result.predictions.labels[200001], t.labels[200002]);
    }

    void summaryMatchesPlainScan_data()
    {
        QTest::addColumn<int>("values"); // 0 softmax rows, 1 logits, 2 ties on a grid, 3 a nan row
        QTest::addColumn<int>("classes");
        QTest::addColumn<bool>("equalWorstRows"); // two rows, far apart, deviating the most alike
        for (int k = 0; k < 12; ++k)
            QTest::addRow("values%d_C%d%s", k % 4, 1 + (k % 3) * 4, k >= 8 ? "_equal_worst" : "")
                << k % 4 << 1 + (k % 3) * 4 << (k >= 8);
    }
    // The ScoreSummary gathered while parsing (chunk by chunk, on several threads) against
    // summarizeScores of the parsed matrix.
    void summaryMatchesPlainScan()
    {
        QFETCH(int, values);
        QFETCH(int, classes);
        QFETCH(bool, equalWorstRows);
        constexpr Index n = 50000;
        const auto labels = randomLabels(77 + values, n, classes);
        std::vector<float> x = randomLogits(77 + values, n, classes, labels, 1.0);
        if (values == 2)
            x = randomUnitScores(77, n * classes, 3);
        std::string text = "label";
        for (int c = 0; c < classes; ++c)
            text += ",c" + std::to_string(c);
        text += "\n";
        char field[32];
        for (Index r = 0; r < n; ++r) {
            if (r % 9973 == 0)
                text += "# a comment\n\n";
            text += std::to_string(labels[std::size_t(r)] % std::max(classes, 2));
            double sum = 0;
            for (int c = 0; c < classes; ++c)
                sum += values == 0 ? std::exp(double(x[std::size_t(r * classes + c)])) : 1.0;
            for (int c = 0; c < classes; ++c) {
                double v = x[std::size_t(r * classes + c)];
                if (values == 0)
                    v = std::exp(v) / sum;
                if (equalWorstRows && (r == 1234 || r == 45678))
                    v = 0.75;
                std::snprintf(field, sizeof field, ",%.9g", v);
                text += values == 3 && r == 31337 && c == classes - 1 ? std::string(",nan") : field;
            }
            text += "\n";
        }
        ReadOptions options;
        options.skipInvalid = true;
        const DelimitedTable t = readDelimited(text, "s.csv", options, true);
        QCOMPARE(t.scores.rows(), values == 3 ? n - 1 : n);
        const ScoreSummary plain = summarizeScores(t.scores);
        QCOMPARE(t.summary.allFinite, plain.allFinite);
        QCOMPARE(t.summary.allInUnitInterval, plain.allInUnitInterval);
        QCOMPARE(t.summary.rowSumDeviation(), plain.rowSumDeviation());
        QCOMPARE(t.summary.worstRow, plain.worstRow);
        if (equalWorstRows && values == 0)
            QCOMPARE(t.summary.worstRow, Index(1234));
    }

    void progressReachesOne()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("big.csv"), bigCsv());
        std::vector<double> seen;
        ReadOptions options;
        options.progress = [&](double f) {
            seen.push_back(f);
            return true;
        };
        readPredictions(path.toStdString(), {}, options);
        QVERIFY(seen.size() >= 3);
        QCOMPARE(seen.front(), 0.0);
        QCOMPARE(seen.back(), 1.0);
        for (std::size_t i = 1; i < seen.size(); ++i)
            QVERIFY2(seen[i] >= seen[i - 1] && seen[i] <= 1.0, "progress went backwards");
    }

    void cancel_data()
    {
        QTest::addColumn<double>("at");
        QTest::newRow("at once") << 0.0;
        QTest::newRow("while counting") << 0.01;
        QTest::newRow("while parsing") << 0.5;
    }
    void cancel()
    {
        QFETCH(double, at);
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("big.csv"), bigCsv());
        ReadOptions options;
        int calls = 0;
        options.progress = [&](double f) {
            ++calls;
            return f < at;
        };
        QVERIFY_THROWS_EXCEPTION(ReadCancelled, readPredictions(path.toStdString(), {}, options));
        QVERIFY(calls >= 1);
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csv_reader.moc"
