// .npz reader: archives written by np.savez (stored) and np.savez_compressed (deflated), both
// with numpy's zip64 headers, every key alias, class names, explicit keys.

#include "golden_cases.h"
#include "io/npz_reader.h"

#include <QTest>

#include <algorithm>

using namespace focalscope;
using namespace focalscope::testing;

class TestNpzReader : public QObject {
    Q_OBJECT

private slots:
    void golden_data() { addGoldenRows({QStringLiteral("npz")}); }
    void golden()
    {
        QFETCH(QJsonObject, expected);
        checkGoldenCase(expected);
    }

    void keys()
    {
        const NpzArchive archive(
            (dataDir() + QStringLiteral("/golden/many_keys.npz")).toStdString());
        const std::vector<std::string> expected
            = {"logits", "scores", "y", "labels", "other", "other_labels"};
        QCOMPARE(archive.keys(), expected);
        QVERIFY(archive.contains("other"));
        QVERIFY(!archive.contains("other.npy"));
        QVERIFY(QString::fromStdString(archive.entryName("y"))
                    .endsWith(QStringLiteral("many_keys.npz:y.npy")));
    }

    void progressAndCancel_data()
    {
        QTest::addColumn<double>("cancelAt");
        QTest::newRow("never") << 2.0;
        QTest::newRow("at once") << 0.0;
        QTest::newRow("after reading the entry") << 0.25;
        QTest::newRow("after converting") << 0.75;
    }
    void progressAndCancel()
    {
        QFETCH(double, cancelAt);
        std::vector<double> seen;
        ReadOptions options;
        options.progress = [&](double f) {
            seen.push_back(f);
            return f < cancelAt;
        };
        const std::string path = (dataDir() + QStringLiteral("/golden/deflated.npz")).toStdString();
        if (cancelAt > 1.0) {
            const ReadResult result = readPredictions(path, {}, options);
            QCOMPARE(result.predictions.rows(), Index(6));
            QCOMPARE(seen.front(), 0.0);
            QCOMPARE(seen.back(), 1.0);
            QVERIFY(std::is_sorted(seen.begin(), seen.end()));
            QVERIFY(std::find(seen.begin(), seen.end(), 0.5) != seen.end());
        } else {
            QVERIFY_THROWS_EXCEPTION(ReadCancelled, readPredictions(path, {}, options));
            QVERIFY(seen.back() >= cancelAt);
        }
    }

    // np.savez writes every entry with a zip64 extra field (force_zip64=True); the stored
    // and the deflated archive both read back the same arrays.
    void zip64Entries_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("stored") << "stored.npz";
        QTest::newRow("deflated") << "deflated.npz";
    }
    void zip64Entries()
    {
        QFETCH(QString, file);
        QFile raw(dataDir() + QStringLiteral("/golden/") + file);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray bytes = raw.readAll();
        // The zip64 extra field's header id 0x0001 follows the local file name.
        const qsizetype name = bytes.indexOf("scores.npy");
        QVERIFY(name > 0);
        QCOMPARE(bytes.mid(name + 10, 2), QByteArray("\x01\x00", 2));
        const NpzArchive archive(raw.fileName().toStdString());
        const std::vector<char> scores = archive.read("scores");
        QCOMPARE(std::string(scores.data(), 6), std::string("\x93NUMPY"));
    }
};

QTEST_GUILESS_MAIN(TestNpzReader)
#include "tst_npz_reader.moc"
