// Where labels come from and what a row's label exempts it from: rows with the ignore index are
// not validated beyond their label, a file's own label column and a labels file never meet, and
// headers that are not UTF-8 are shown with U+FFFD and a warning. Scores keep every bit of a
// float64 file and of float64 text.

#include "fixture.h"
#include "io/prediction_reader.h"
#include "io/read_error.h"
#include "loss/focal_loss.h"
#include "npy_writer.h"

#include <QTemporaryDir>
#include <QTest>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

using namespace focalscope;
using namespace focalscope::testing;

namespace {

QString writeText(const QTemporaryDir& dir, const QString& name, const std::string& text)
{
    const QString path = dir.filePath(name);
    return writeBytes(path, QByteArray::fromStdString(text)) ? path : QString();
}

std::string readError(const QString& path, const QString& labels = {}, ReadOptions options = {})
{
    try {
        readPredictions(path.toStdString(), labels.toStdString(), options);
    } catch (const ReadError& error) {
        return error.what();
    }
    return {};
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

class TestLabelSources : public QObject {
    Q_OBJECT

private slots:
    // kornia's rule: a non-finite score on a row with the ignore index is harmless.
    void nonFiniteOnIgnoredRowCsv_data()
    {
        QTest::addColumn<QString>("score");
        QTest::newRow("nan") << "nan";
        QTest::newRow("inf") << "inf";
        QTest::newRow("-inf") << "-inf";
        QTest::newRow("NA text") << "NA";
        QTest::newRow("empty") << "";
        QTest::newRow("quoted text") << "\"n/a\"";
    }
    void nonFiniteOnIgnoredRowCsv()
    {
        QFETCH(QString, score);
        QTemporaryDir dir;
        const QString path = writeText(dir, QStringLiteral("p.csv"),
            "label,a,b\n0,0.9,0.1\n-100," + score.toStdString() + ",0.5\n1,0.2,0.8\n");
        const ReadResult result = readPredictions(path.toStdString());
        QCOMPARE(result.predictions.rows(), Index(3));
        QCOMPARE(result.ignored, Index(1));
        QCOMPARE(result.skipped, Index(0));
        // Kind detection looks at the counted rows only: they are probabilities.
        QCOMPARE(result.predictions.kind, ScoreKind::Probabilities);
    }

    void unparsableOnCountedRowStillAnError()
    {
        QTemporaryDir dir;
        const QString path
            = writeText(dir, QStringLiteral("p.csv"), "label,a,b\n-100,NA,0.5\n1,0.2,n/a\n");
        ReadOptions skip;
        skip.skipInvalid = true; // drops non-finite scores, never text that is no number
        const std::string error = readError(path, {}, skip);
        QVERIFY2(contains(error, "p.csv:3: column 3 ('b'): expected a number, found 'n/a'"),
            error.c_str());
        const QString scores
            = writeText(dir, QStringLiteral("s.csv"), "a,b\n0.9,0.1\nNA,0.5\n0.2,0.8\n");
        const QString ignored = writeText(dir, QStringLiteral("y.csv"), "0\n-100\n1\n");
        QCOMPARE(readPredictions(scores.toStdString(), ignored.toStdString()).ignored, Index(1));
        const QString counted = writeText(dir, QStringLiteral("y2.csv"), "0\n1\n1\n");
        const std::string external = readError(scores, counted, skip);
        QVERIFY2(contains(external, "s.csv:3: column 1 ('a'): expected a number, found 'NA'"),
            external.c_str());
    }

    void twoLabelColumns()
    {
        QTemporaryDir dir;
        const QString path
            = writeText(dir, QStringLiteral("p.csv"), "label,target,a\n0,1,0.5\n1,0,0.2\n");
        const std::string error = readError(path);
        QVERIFY2(contains(error, "p.csv:1: columns 1 ('label') and 2 ('target') are both named"),
            error.c_str());
    }

    void nonFiniteOnCountedRowStillAnError()
    {
        QTemporaryDir dir;
        const QString path
            = writeText(dir, QStringLiteral("p.csv"), "label,a,b\n-100,nan,0.5\n1,0.2,inf\n");
        const std::string error = readError(path);
        QVERIFY2(contains(error, "p.csv:3: column 3 ('b'): expected a finite score, found inf"),
            error.c_str());
    }

    void nonFiniteOnIgnoredRowWithLabelsFile()
    {
        QTemporaryDir dir;
        const QString scores
            = writeText(dir, QStringLiteral("s.csv"), "a,b\n0.9,0.1\nnan,nan\n0.2,0.8\n");
        const QString labels = writeText(dir, QStringLiteral("y.csv"), "0\n-100\n1\n");
        const ReadResult result = readPredictions(scores.toStdString(), labels.toStdString());
        QCOMPARE(result.predictions.rows(), Index(3));
        QCOMPARE(result.ignored, Index(1));
        QCOMPARE(result.predictions.kind, ScoreKind::Probabilities);

        // The same row with a counted label: the error names its line and column.
        const QString counted = writeText(dir, QStringLiteral("y2.csv"), "0\n1\n1\n");
        const std::string error = readError(scores, counted);
        QVERIFY2(contains(error, "s.csv:3: column 1 ('a'): expected a finite score, found nan"),
            error.c_str());
        ReadOptions skip;
        skip.skipInvalid = true;
        const ReadResult skipped
            = readPredictions(scores.toStdString(), counted.toStdString(), skip);
        QCOMPARE(skipped.predictions.rows(), Index(2));
        QCOMPARE(skipped.skipped, Index(1));
        QCOMPARE(skipped.predictions.labels[1], 1);
    }

    void nonFiniteOnIgnoredRowNpy()
    {
        QTemporaryDir dir;
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const std::vector<double> scores {0.9, 0.1, nan, 0.5, 0.2, 0.8}; // 3 x 2, C order
        const std::vector<std::int64_t> labels {0, -100, 1};
        const QString s = dir.filePath(QStringLiteral("s.npy"));
        const QString y = dir.filePath(QStringLiteral("y.npy"));
        QVERIFY(writeBytes(s, npyBytes("<f8", false, {3, 2}, scores.data(), 48)));
        QVERIFY(writeBytes(y, npyBytes("<i8", false, {3}, labels.data(), 24)));
        const ReadResult result = readPredictions(s.toStdString(), y.toStdString());
        QCOMPARE(result.ignored, Index(1));
        QCOMPARE(result.predictions.kind, ScoreKind::Probabilities);
        QVERIFY(std::isnan(result.predictions.scores(1, 0)));
    }

    // A predictions file with its own label column and a labels file: an error naming both,
    // never a score column called "label".
    void labelColumnAndLabelsFile()
    {
        QTemporaryDir dir;
        const QString scores
            = writeText(dir, QStringLiteral("p.csv"), "label,a,b\n0,0.9,0.1\n1,0.2,0.8\n");
        const QString labels = writeText(dir, QStringLiteral("y.csv"), "label\n0\n1\n");
        const std::string error = readError(scores, labels);
        QVERIFY2(contains(error, "p.csv:1: column 1 ('label') is a label column"), error.c_str());
        QVERIFY2(contains(error, "y.csv"), error.c_str());
    }

    // An .npz with its own labels and a labels file: an error naming both.
    void npzLabelsAndLabelsFile()
    {
        const QString npz = testsDir() + QStringLiteral("/data/golden/stored.npz");
        const QString labels = testsDir() + QStringLiteral("/data/golden/labels_6.npy");
        const std::string error = readError(npz, labels);
        QVERIFY2(contains(error, "stored.npz:labels.npy) and a labels file, ")
                && contains(error, "labels_6.npy, was given as well"),
            error.c_str());
    }

    // Whether a run carries its own labels (else it shares run A's labels file): a label column
    // by name in a header, a labels entry in an .npz; never a .npy or a headerless text file.
    void holdsOwnLabels()
    {
        QTemporaryDir dir;
        QVERIFY(focalscope::holdsOwnLabels(
            writeText(dir, QStringLiteral("a.csv"), "# run\nscore,Target\n0.9,1\n").toStdString()));
        QVERIFY(focalscope::holdsOwnLabels(
            writeText(dir, QStringLiteral("b.tsv"), "\xEF\xBB\xBFy\tp\n1\t0.5\n").toStdString()));
        QVERIFY(!focalscope::holdsOwnLabels(
            writeText(dir, QStringLiteral("c.csv"), "Poor\n0.13\n0.14\n").toStdString()));
        QVERIFY(!focalscope::holdsOwnLabels(
            writeText(dir, QStringLiteral("d.csv"), "0,0.13\n1,0.14\n").toStdString()));
        QVERIFY(focalscope::holdsOwnLabels(
            (testsDir() + QStringLiteral("/data/golden/stored.npz")).toStdString()));
        ReadOptions otherKey;
        otherKey.labelsKey = "no_such_key";
        QVERIFY(!focalscope::holdsOwnLabels(
            (testsDir() + QStringLiteral("/data/golden/stored.npz")).toStdString(), otherKey));
        QVERIFY(!focalscope::holdsOwnLabels(
            (testsDir() + QStringLiteral("/data/golden/labels_6.npy")).toStdString()));
        QVERIFY(
            !focalscope::holdsOwnLabels(dir.filePath(QStringLiteral("missing.csv")).toStdString()));
    }

    // An ignored row whose logits are NaN: harmless for the loss too (its row loss is 0).
    void ignoredNonFiniteLogitsLoss()
    {
        QTemporaryDir dir;
        const QString path = writeText(
            dir, QStringLiteral("l.csv"), "label,a,b,c\n0,2,0,-1\n-100,nan,1,inf\n2,0,1,3\n");
        const ReadResult result = readPredictions(path.toStdString());
        QCOMPARE(result.predictions.kind, ScoreKind::Logits);
        const FocalLossResult loss = focalLoss(result.predictions, FocalParams {}, RowValues::Keep);
        QVERIFY(std::isfinite(loss.value));
        QCOMPARE(loss.perRow[1], 0.0);
        QVERIFY(std::isnan(loss.pt[1]));
    }

    // A labels file's first record named like a label column is its header.
    void labelsFileHeaderNamedLikeLabelColumn()
    {
        QTemporaryDir dir;
        const QString scores = writeText(dir, QStringLiteral("s.csv"), "0.1\n0.9\n0.4\n");
        const QString labels = writeText(dir, QStringLiteral("y.csv"), "target\n0\n1\n1\n");
        const ReadResult result = readPredictions(scores.toStdString(), labels.toStdString());
        QCOMPARE(result.predictions.labels.size(), Index(3));
        QCOMPARE(result.predictions.labels[0], 0);
    }

    // A Latin-1 header: the class name shows U+FFFD and a warning names the file.
    void headerNotUtf8()
    {
        QTemporaryDir dir;
        const QString path = writeText(
            dir, QStringLiteral("latin1.csv"), "label,caf\xe9,th\xe9\n0,0.9,0.1\n1,0.2,0.8\n");
        const ReadResult result = readPredictions(path.toStdString());
        QCOMPARE(result.predictions.classNames.front(), std::string("caf\xEF\xBF\xBD"));
        QCOMPARE(result.warnings.size(), std::size_t(2));
        QCOMPARE(result.warnings.front().kind, ReadWarningKind::TextEncoding);
        QVERIFY2(contains(result.warnings.front().message,
                     "latin1.csv: the name of class 0 is not valid"),
            result.warnings.front().message.c_str());
    }

    // float64 text and files keep every bit: scores below float32's range and scores that
    // differ beyond float32's precision stay apart.
    void float64Kept()
    {
        QTemporaryDir dir;
        const QString csv = writeText(dir, QStringLiteral("tiny.csv"),
            "label,score\n0,4.695991271219276e-88\n1,0.9999999999999999\n1,0.9999999999999998\n");
        const ReadResult text = readPredictions(csv.toStdString());
        QCOMPARE(text.predictions.scores(0, 0), 4.695991271219276e-88);
        QVERIFY(text.predictions.scores(1, 0) != text.predictions.scores(2, 0));

        const std::vector<double> scores {1e-300, 1.0 - 1e-16, 1.0 - 2e-16, 4e38};
        const std::vector<std::int64_t> labels {0, 1, 0, 1};
        const QString s = dir.filePath(QStringLiteral("s.npy"));
        const QString y = dir.filePath(QStringLiteral("y.npy"));
        QVERIFY(writeBytes(s, npyBytes("<f8", false, {4}, scores.data(), 32)));
        QVERIFY(writeBytes(y, npyBytes("<i8", false, {4}, labels.data(), 32)));
        const ReadResult npy = readPredictions(s.toStdString(), y.toStdString());
        for (Index i = 0; i < 4; ++i)
            QCOMPARE(std::bit_cast<std::uint64_t>(npy.predictions.scores(i, 0)),
                std::bit_cast<std::uint64_t>(scores[std::size_t(i)]));
    }
};

QTEST_GUILESS_MAIN(TestLabelSources)
#include "tst_label_sources.moc"
