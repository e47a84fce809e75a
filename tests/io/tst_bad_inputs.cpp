// Malformed inputs: every file of tests/data/bad/ with the message (or the counts) that
// tests/data/bad/expected.tsv gives for it, plus the cases made at run time (a directory, a
// missing file, an unreadable file, a FIFO, a path through a regular file).

#include "golden_cases.h"
#include "io/prediction_reader.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace focalscope;
using namespace focalscope::testing;

namespace {

QString badDir()
{
    return dataDir() + QStringLiteral("/bad");
}

struct CorpusRow {
    QString file, labels, options, expected;
};

QList<CorpusRow> readCorpus()
{
    QList<CorpusRow> rows;
    QFile table(badDir() + QStringLiteral("/expected.tsv"));
    if (!table.open(QIODevice::ReadOnly | QIODevice::Text))
        return rows;
    while (!table.atEnd()) {
        const QString line = QString::fromUtf8(table.readLine()).chopped(1);
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList f = line.split(QLatin1Char('\t'));
        if (f.size() == 4)
            rows.append({f[0], f[1], f[2], f[3]});
    }
    return rows;
}

// What readPredictions says about path (and labels): the message or "OK samples=N skipped=K".
QString outcome(const QString& path, const QString& labels = {}, const ReadOptions& options = {})
{
    try {
        const ReadResult r = readPredictions(path.toStdString(), labels.toStdString(), options);
        return QStringLiteral("OK samples=%1 skipped=%2").arg(r.samples).arg(r.skipped);
    } catch (const ReadError& error) {
        return QString::fromStdString(error.what());
    }
}

} // namespace

class TestBadInputs : public QObject {
    Q_OBJECT

private slots:
    void corpus_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("labels");
        QTest::addColumn<QString>("options");
        QTest::addColumn<QString>("expected");
        const QList<CorpusRow> rows = readCorpus();
        QVERIFY2(rows.size() >= 40, "tests/data/bad/expected.tsv is missing or short");
        for (const CorpusRow& row : rows) {
            const QString name = row.file
                + (row.labels == QLatin1String("-") ? QString() : " + " + row.labels)
                + (row.options == QLatin1String("-") ? QString() : " [" + row.options + "]");
            QTest::newRow(qPrintable(name))
                << row.file << row.labels << row.options << row.expected;
        }
    }
    void corpus()
    {
        QFETCH(QString, file);
        QFETCH(QString, labels);
        QFETCH(QString, options);
        QFETCH(QString, expected);
        ReadOptions readOptions;
        for (const QString& option : options.split(QLatin1Char(','))) {
            if (option == QLatin1String("skip_invalid"))
                readOptions.skipInvalid = true;
            else if (option.startsWith(QLatin1String("scores_key=")))
                readOptions.scoresKey = option.mid(11).toStdString();
        }
        const QString path = badDir() + QLatin1Char('/') + file;
        const QString labelsPath
            = labels == QLatin1String("-") ? QString() : badDir() + QLatin1Char('/') + labels;
        const QString found = outcome(path, labelsPath, readOptions);
        expected.replace(QStringLiteral("BADDIR"), badDir());
        if (expected.startsWith(QLatin1String("OK "))) {
            QCOMPARE(found, expected);
            return;
        }
        QVERIFY2(found.contains(expected),
            qPrintable(QStringLiteral("expected \"%1\"\n   found \"%2\"").arg(expected, found)));
        // The message names the file it is about, as it was given.
        QVERIFY2(found.startsWith(badDir() + QLatin1Char('/')), qPrintable(found));
    }

    // Every file of the corpus is exercised by the table.
    void corpusCoversEveryFile()
    {
        QSet<QString> used;
        for (const CorpusRow& row : readCorpus()) {
            used.insert(row.file);
            used.insert(row.labels);
        }
        const QStringList files = QDir(badDir()).entryList(QDir::Files);
        QVERIFY(files.size() >= 40);
        for (const QString& f : files)
            if (f != QLatin1String("expected.tsv"))
                QVERIFY2(used.contains(f), qPrintable(f + " is not in expected.tsv"));
    }

    void directory_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("csv") << "preds.csv";
        QTest::newRow("npy") << "preds.npy";
        QTest::newRow("npz") << "preds.npz";
    }
    void directory()
    {
        QFETCH(QString, name);
        QTemporaryDir dir;
        const QString path = dir.filePath(name);
        QVERIFY(QDir().mkdir(path));
        QCOMPARE(outcome(path), path + QStringLiteral(": expected a file, found a directory"));
    }

    void missing_data() { directory_data(); }
    void missing()
    {
        QFETCH(QString, name);
        QTemporaryDir dir;
        const QString path = dir.filePath(name);
        QCOMPARE(outcome(path), path + QStringLiteral(": cannot open: no such file"));
    }

    void missingLabels()
    {
        const QString scores = badDir() + QStringLiteral("/scores_6x4.npy");
        QTemporaryDir dir;
        const QString labels = dir.filePath(QStringLiteral("labels.npy"));
        QCOMPARE(outcome(scores, labels), labels + QStringLiteral(": cannot open: no such file"));
        QVERIFY(QDir().mkdir(labels));
        QCOMPARE(outcome(scores, labels),
            labels + QStringLiteral(": expected a file, found a directory"));
    }

    // A path that goes through a regular file cannot be opened for any user, root included.
    void pathThroughFile()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("preds.csv"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("label,a\n0,1\n");
        f.close();
        const QString path = file + QStringLiteral("/inner.csv");
        QCOMPARE(outcome(path), path + QStringLiteral(": cannot open: Not a directory"));
    }

    // A FIFO is refused without being opened for a blocking read (no hang).
    void fifo()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("preds.csv"));
        QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        QCOMPARE(outcome(path), path + QStringLiteral(": expected a file, found a FIFO"));
    }

    void unreadable()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("preds.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("label,a\n0,1\n");
        f.close();
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0), 0);
        if (::access(QFile::encodeName(path).constData(), R_OK) == 0)
            QSKIP("running as root (or with CAP_DAC_OVERRIDE): a mode-000 file is still readable; "
                  "pathThroughFile and fifo cover the other unopenable files");
        QCOMPARE(outcome(path), path + QStringLiteral(": cannot open: Permission denied"));
    }
};

QTEST_GUILESS_MAIN(TestBadInputs)
#include "tst_bad_inputs.moc"
