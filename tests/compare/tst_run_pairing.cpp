// checkPairing: the same rows (count, ignore index, every label) or the first difference named.

#include "compare/run_pairing.h"
#include "run_fixture.h"

#include <QTest>

using namespace focalscope;

namespace {

Predictions binary(std::vector<std::int32_t> labels)
{
    Predictions p;
    p.scores = ScoreMatrix::Constant(static_cast<Index>(labels.size()), 1, 0.5);
    p.labels = Eigen::Map<const LabelVector>(labels.data(), static_cast<Index>(labels.size()));
    p.kind = ScoreKind::Probabilities;
    return p;
}

} // namespace

class TestRunPairing : public QObject {
    Q_OBJECT

private slots:
    void sameRows();
    void rowCountDiffers();
    void labelDiffers();
    void ignoreIndexDiffers();
};

void TestRunPairing::sameRows()
{
    const RunPairing pairing = checkPairing(binary({0, 1, -100, 1}), binary({0, 1, -100, 1}));
    QVERIFY(pairing.paired);
    QVERIFY(pairing.reason.empty());
}

void TestRunPairing::rowCountDiffers()
{
    const RunPairing pairing = checkPairing(binary({0, 1, 1}), binary({0, 1}));
    QVERIFY(!pairing.paired);
    QCOMPARE(pairing.reason, std::string("run B has 2 rows, run A 3"));
}

// Row numbers are 0-based data rows, as validatePredictions() gives them.
void TestRunPairing::labelDiffers()
{
    const RunPairing pairing = checkPairing(binary({0, 1, 1, 0}), binary({0, 1, 0, 1}));
    QVERIFY(!pairing.paired);
    QCOMPARE(pairing.reason, std::string("labels differ at row 2: 1 in run A, 0 in run B"));
}

void TestRunPairing::ignoreIndexDiffers()
{
    Predictions b = binary({0, 1});
    b.ignoreIndex = -1;
    const RunPairing pairing = checkPairing(binary({0, 1}), b);
    QVERIFY(!pairing.paired);
    QCOMPARE(pairing.reason,
        std::string("the runs ignore different labels: -100 in run A, -1 in run B"));
}

QTEST_GUILESS_MAIN(TestRunPairing)
#include "tst_run_pairing.moc"
