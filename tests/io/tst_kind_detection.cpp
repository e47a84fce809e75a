// Kind detection (DESIGN.md "The data"): probabilities when every value is in [0, 1] and
// (C == 1 or every row sums to 1 within 1e-3), else logits; the warning for probabilities
// whose rows do not sum to 1.

#include "io/kind_detection.h"

#include <QTest>

using namespace focalscope;

Q_DECLARE_METATYPE(focalscope::ScoreMatrix)
Q_DECLARE_METATYPE(focalscope::ScoreKind)
Q_DECLARE_METATYPE(focalscope::KindRequest)

namespace {

ScoreMatrix rows(std::initializer_list<std::initializer_list<float>> values)
{
    ScoreMatrix m(Index(values.size()), Index(values.begin()->size()));
    Index r = 0;
    for (const auto& row : values) {
        Index c = 0;
        for (float v : row)
            m(r, c++) = v;
        ++r;
    }
    return m;
}

} // namespace

class TestKindDetection : public QObject {
    Q_OBJECT

private slots:
    void detect_data()
    {
        QTest::addColumn<ScoreMatrix>("scores");
        QTest::addColumn<ScoreKind>("kind");
        QTest::newRow("rows sum to 1")
            << rows({{0.2f, 0.8f}, {0.5f, 0.5f}}) << ScoreKind::Probabilities;
        QTest::newRow("within 1e-3")
            << rows({{0.2f, 0.8009f}, {0.5f, 0.4992f}}) << ScoreKind::Probabilities;
        QTest::newRow("beyond 1e-3") << rows({{0.2f, 0.8012f}, {0.5f, 0.5f}}) << ScoreKind::Logits;
        QTest::newRow("in [0,1], not summing")
            << rows({{0.2f, 0.2f}, {0.5f, 0.5f}}) << ScoreKind::Logits;
        QTest::newRow("negative") << rows({{-0.1f, 1.1f}}) << ScoreKind::Logits;
        QTest::newRow("above 1") << rows({{1.5f, -0.5f}}) << ScoreKind::Logits;
        QTest::newRow("binary in [0,1]")
            << rows({{0.0f}, {1.0f}, {0.3f}}) << ScoreKind::Probabilities;
        QTest::newRow("binary above 1") << rows({{0.0f}, {1.01f}}) << ScoreKind::Logits;
        QTest::newRow("one-hot") << rows({{1, 0, 0}, {0, 0, 1}}) << ScoreKind::Probabilities;
    }
    void detect()
    {
        QFETCH(ScoreMatrix, scores);
        QFETCH(ScoreKind, kind);
        QCOMPARE(detectKind(scores), kind);
        std::string warning = "stale";
        QCOMPARE(resolveKind(KindRequest::Auto, scores, warning), kind);
        QVERIFY2(warning.empty(), warning.c_str());
    }

    void resolve_data()
    {
        QTest::addColumn<ScoreMatrix>("scores");
        QTest::addColumn<KindRequest>("request");
        QTest::addColumn<ScoreKind>("kind");
        QTest::addColumn<QString>("warning");
        const ScoreMatrix probs = rows({{0.25f, 0.75f}, {0.5f, 0.5f}});
        const ScoreMatrix loose = rows({{0.25f, 0.25f}, {0.5f, 0.375f}});
        QTest::newRow("forced logits on probabilities")
            << probs << KindRequest::Logits << ScoreKind::Logits << "";
        QTest::newRow("forced probabilities, rows sum")
            << probs << KindRequest::Probabilities << ScoreKind::Probabilities << "";
        QTest::newRow("forced probabilities, rows do not sum")
            << loose << KindRequest::Probabilities << ScoreKind::Probabilities
            << "probability rows do not sum to 1: the largest deviation is 0.5 (row 0)";
        QTest::newRow("forced probabilities, outside [0,1]")
            << rows({{-0.5f, 1.5f}}) << KindRequest::Probabilities << ScoreKind::Probabilities
            << "scores read as probabilities lie outside [0, 1] (min -0.5, max 1.5)";
        QTest::newRow("binary forced, no row sums to check")
            << rows({{0.25f}, {0.5f}}) << KindRequest::Probabilities << ScoreKind::Probabilities
            << "";
    }
    void resolve()
    {
        QFETCH(ScoreMatrix, scores);
        QFETCH(KindRequest, request);
        QFETCH(ScoreKind, kind);
        QFETCH(QString, warning);
        std::string found = "stale";
        QCOMPARE(resolveKind(request, scores, found), kind);
        QCOMPARE(QString::fromStdString(found), warning);
    }
};

QTEST_GUILESS_MAIN(TestKindDetection)
#include "tst_kind_detection.moc"
