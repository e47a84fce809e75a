// The readers' registry of formats (names, extensions, dialog filters) and the kinds of their
// warnings.

#include "fixture.h"
#include "io/file_formats.h"
#include "io/prediction_reader.h"

#include <QTest>

using namespace focalscope;
using namespace focalscope::testing;

class TestFileFormats : public QObject {
    Q_OBJECT

private slots:
    void namesAndFilters()
    {
        QCOMPARE(std::string(fileFormat(FileFormatId::Csv).name), std::string("csv"));
        QCOMPARE(std::string(fileFormat(FileFormatId::Npz).name), std::string("npz"));
        QCOMPARE(predictionsNameFilter(),
            std::string("Prediction files (*.csv *.txt *.tsv *.npy *.npz);;All files (*)"));
        // An .npz is never a labels file.
        QCOMPARE(
            labelsNameFilter(), std::string("Labels (*.csv *.txt *.tsv *.npy);;All files (*)"));
        for (const FileFormat& format : fileFormats())
            for (const std::string_view extension : format.extensions)
                QVERIFY(extension.starts_with('.'));
    }

    // The format a file was read as, by the registry's id.
    void formatOfReadFiles_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("labels");
        QTest::addColumn<int>("format");
        QTest::newRow("csv") << "data/golden/comma_header.csv"
                             << "" << int(FileFormatId::Csv);
        QTest::newRow("tsv") << "data/golden/tab_header.tsv"
                             << "" << int(FileFormatId::Tsv);
        QTest::newRow("npy") << "data/golden/scores_f8_c_le.npy"
                             << "data/golden/labels_6.npy" << int(FileFormatId::Npy);
        QTest::newRow("npz") << "data/golden/stored.npz"
                             << "" << int(FileFormatId::Npz);
        QTest::newRow("npy named .csv") << "data/golden/npy_named.csv"
                                        << "data/golden/labels_6.npy" << int(FileFormatId::Npy);
    }
    void formatOfReadFiles()
    {
        QFETCH(QString, path);
        QFETCH(QString, labels);
        QFETCH(int, format);
        const std::string labelsPath
            = labels.isEmpty() ? std::string() : (testsDir() + '/' + labels).toStdString();
        const ReadResult result
            = readPredictions((testsDir() + '/' + path).toStdString(), labelsPath);
        QCOMPARE(int(result.format), format);
    }

    // Logits stored under "probs": the kind is forced and the warning says it is kind detection's.
    void kindDetectionWarning()
    {
        const ReadResult result
            = readPredictions((testsDir() + "/data/golden/key_probs.npz").toStdString());
        QCOMPARE(result.warnings.size(), std::size_t(1));
        QCOMPARE(result.warnings.front().kind, ReadWarningKind::KindDetection);
        QVERIFY(result.warnings.front().message.find("key_probs.npz") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestFileFormats)
#include "tst_file_formats.moc"
