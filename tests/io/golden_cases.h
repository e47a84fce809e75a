#pragma once

// The golden reader cases written by tests/reference/gen_io.py: each file with its expected
// contents in tests/data/golden/expected.json.

#include "fixture.h"
#include "io/prediction_reader.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <cmath>

namespace focalscope::testing {

inline QString dataDir()
{
    return testsDir() + QStringLiteral("/data");
}

inline ReadOptions optionsFrom(const QJsonObject& o)
{
    ReadOptions options;
    if (o.contains(QStringLiteral("skip_invalid")))
        options.skipInvalid = o.value(QStringLiteral("skip_invalid")).toBool();
    if (o.contains(QStringLiteral("ignore_index")))
        options.ignoreIndex = o.value(QStringLiteral("ignore_index")).toInt();
    if (o.contains(QStringLiteral("scores_key")))
        options.scoresKey = o.value(QStringLiteral("scores_key")).toString().toStdString();
    if (o.contains(QStringLiteral("labels_key")))
        options.labelsKey = o.value(QStringLiteral("labels_key")).toString().toStdString();
    const QString kind = o.value(QStringLiteral("kind")).toString();
    if (kind == QLatin1String("logits"))
        options.kind = KindRequest::Logits;
    else if (kind == QLatin1String("probabilities"))
        options.kind = KindRequest::Probabilities;
    return options;
}

// One _data() row per golden case whose format is one of formats.
inline void addGoldenRows(const QStringList& formats)
{
    QTest::addColumn<QJsonObject>("expected");
    const QJsonArray cases = loadJson(QStringLiteral("data/golden/expected.json"))
                                 .object()
                                 .value(QStringLiteral("cases"))
                                 .toArray();
    int rows = 0;
    for (const QJsonValue& value : cases) {
        const QJsonObject c = value.toObject();
        if (!formats.contains(c.value(QStringLiteral("format")).toString()))
            continue;
        QTest::newRow(qPrintable(c.value(QStringLiteral("name")).toString())) << c;
        ++rows;
    }
    QVERIFY2(rows > 0, "no golden cases for this format");
}

// Reads the case's file and compares everything the reader returns with the JSON.
inline void checkGoldenCase(const QJsonObject& c)
{
    const QString path = dataDir() + QLatin1Char('/') + c.value(QStringLiteral("path")).toString();
    const QString labelsRelative = c.value(QStringLiteral("labels_path")).toString();
    const QString labelsPath
        = labelsRelative.isEmpty() ? QString() : dataDir() + QLatin1Char('/') + labelsRelative;
    const ReadOptions options = optionsFrom(c.value(QStringLiteral("options")).toObject());

    ReadResult result;
    try {
        result = readPredictions(path.toStdString(), labelsPath.toStdString(), options);
    } catch (const std::exception& error) {
        QFAIL(error.what());
    }
    const Predictions& p = result.predictions;
    QCOMPARE(QString::fromUtf8(fileFormat(result.format).name),
        c.value(QStringLiteral("format")).toString());
    QCOMPARE(p.rows(), Index(c.value(QStringLiteral("rows")).toInt()));
    QCOMPARE(p.classes(), Index(c.value(QStringLiteral("classes")).toInt()));
    QCOMPARE(result.samples, Index(c.value(QStringLiteral("samples")).toInt()));
    QCOMPARE(result.ignored, Index(c.value(QStringLiteral("ignored")).toInt()));
    QCOMPARE(result.skipped, Index(c.value(QStringLiteral("skipped")).toInt()));
    QCOMPARE(int(result.warnings.size()), c.value(QStringLiteral("warnings")).toInt());
    QCOMPARE(p.kind == ScoreKind::Probabilities ? QStringLiteral("probabilities")
                                                : QStringLiteral("logits"),
        c.value(QStringLiteral("kind")).toString());
    QCOMPARE(p.ignoreIndex, options.ignoreIndex);

    const QJsonArray names = c.value(QStringLiteral("class_names")).toArray();
    QCOMPARE(int(p.classNames.size()), names.size());
    for (int k = 0; k < names.size(); ++k)
        QCOMPARE(QString::fromStdString(p.classNames[std::size_t(k)]), names[k].toString());

    const QJsonArray scores = c.value(QStringLiteral("scores")).toArray();
    const QJsonArray labels = c.value(QStringLiteral("labels")).toArray();
    QCOMPARE(Index(scores.size()), p.rows());
    QCOMPARE(Index(labels.size()), p.labels.size());
    for (Index r = 0; r < p.rows(); ++r) {
        const QJsonArray row = scores[int(r)].toArray();
        for (Index k = 0; k < p.classes(); ++k) {
            const double expected = row[int(k)].toDouble();
            // (QJsonDocument reads -0.0 as 0: the sign of zero is checked in tst_npy_reader.)
            if (p.scores(r, k) != expected)
                QFAIL(qPrintable(QStringLiteral("score (%1, %2): expected %3, found %4")
                                     .arg(r)
                                     .arg(k)
                                     .arg(double(expected), 0, 'g', 9)
                                     .arg(double(p.scores(r, k)), 0, 'g', 9)));
        }
        QCOMPARE(p.labels[r], labels[int(r)].toInt());
    }
}

} // namespace focalscope::testing
