#!/usr/bin/python3
"""Published reference values for tests/roc/tst_published_references.cpp, all in float64.

Writes fixtures/published/*.json:
- asah.json: pROC's aSAH data (tests/data/reference/asah.csv, outcome Poor = positive):
  scikit-learn's curves, AUROC and AP per marker, a NumPy DeLong (AUC, SE, 95% CI), the paired
  DeLong tests and the unpaired D, partial AUROC over FPR ranges; with the pROC figures quoted
  in DESIGN.md (reproduced here to 1e-9) and pROC 1.18.0's own output (PROC below, to 1e-12).
- sklearn_toy.json: the toy cases of scikit-learn's sklearn/metrics/tests/test_ranking.py,
  with scikit-learn's outputs (checked here against what that test file asserts).
- breast_cancer.json: GaussianNB probabilities on load_breast_cancer, exact float64, whose
  rounding to float32 changes AUROC and AP (both values stored).
- partial_range.json: partial AUROC over FPR ranges [a, b] (raw area and McClish) on random
  scores, checked against roc_auc_score(max_fpr=b) for [0, b].

Every float is written by json (repr: the shortest string that reads back to the same double);
NaN and scikit-learn 1.2.1's first roc_curve threshold (max + 1; >= 1.3 and Focalscope: +inf)
are written as null. Run with Debian's /usr/bin/python3 (numpy 1.24, scikit-learn 1.2.1, scipy).
"""
import csv
import json
import math
import os
import warnings

import numpy as np
import sklearn
from scipy.stats import norm, rankdata
from scipy.stats import t as student_t
from sklearn.datasets import load_breast_cancer, load_iris
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score, roc_curve
from sklearn.model_selection import train_test_split
from sklearn.naive_bayes import GaussianNB
from sklearn.svm import SVC
from sklearn.utils import check_random_state

from fixture_json import clean

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures", "published")
ASAH = os.path.join(HERE, "..", "data", "reference", "asah.csv")
Z975 = 1.959963984540054  # qnorm(0.975), as pROC
warnings.filterwarnings("ignore")


def close(a, b, tol):
    return abs(a - b) <= tol * max(1.0, abs(b))


# ---------------------------------------------------------------- scikit-learn wrappers
def sk_roc(y, s, drop):
    fpr, tpr, thr = roc_curve(y, s, drop_intermediate=drop)
    thr = thr.astype(np.float64)
    thr[0] = np.nan  # 1.2.1: max + 1; Focalscope (and scikit-learn >= 1.3): +inf
    return {"fpr": fpr, "tpr": tpr, "thresholds": thr}


def sk_auroc(y, s, max_fpr=None):
    if y.min() == y.max():
        return math.nan  # roc_auc_score raises: only one class present
    return float(roc_auc_score(y, s, max_fpr=max_fpr))


def sk_pr(y, s):
    precision, recall, thr = precision_recall_curve(y, s)
    return {"precision": precision, "recall": recall, "thresholds": thr.astype(np.float64)}


# ---------------------------------------------------------------- DeLong in NumPy
def delong_components(y, s):
    """DeLong et al. 1988 by mid-ranks (Sun & Xu): the AUC and the structural components
    V10 (one per positive) and V01 (one per negative)."""
    x = s[y == 1].astype(np.float64)
    z = s[y == 0].astype(np.float64)
    m, n = x.size, z.size
    t = rankdata(np.concatenate([x, z]))
    auc = (t[:m].sum() - m * (m + 1) / 2) / (m * n)
    v10 = (t[:m] - rankdata(x)) / n
    v01 = 1.0 - (t[m:] - rankdata(z)) / m
    # the definition: psi(x, z) = 1 if x > z, 1/2 if x == z
    psi = (x[:, None] > z[None, :]) + 0.5 * (x[:, None] == z[None, :])
    assert abs(auc - psi.mean()) < 1e-14
    assert np.allclose(v10, psi.mean(axis=1), 0, 1e-14) and np.allclose(v01, psi.mean(axis=0), 0, 1e-14)
    return auc, v10, v01


def delong_interval(y, s):
    auc, v10, v01 = delong_components(y, s)
    se = math.sqrt(np.var(v10, ddof=1) / v10.size + np.var(v01, ddof=1) / v01.size)
    return {"auc": auc, "se": se, "lower": min(max(auc - Z975 * se, 0.0), 1.0),
            "upper": min(max(auc + Z975 * se, 0.0), 1.0)}


def delong_test(y, s1, s2):
    """Paired: Var(A1 - A2) = L S10 L' / m + L S01 L' / n with L = [1, -1]."""
    a1, v10_1, v01_1 = delong_components(y, s1)
    a2, v10_2, v01_2 = delong_components(y, s2)
    m, n = v10_1.size, v01_1.size
    s10 = np.cov(np.vstack([v10_1, v10_2]), ddof=1)
    s01 = np.cov(np.vstack([v01_1, v01_2]), ddof=1)
    var = (s10[0, 0] + s10[1, 1] - 2 * s10[0, 1]) / m + (s01[0, 0] + s01[1, 1] - 2 * s01[0, 1]) / n
    cov = s10[0, 1] / m + s01[0, 1] / n
    delta = a1 - a2
    se = math.sqrt(var)
    z = delta / se
    p = math.erfc(abs(z) / math.sqrt(2))
    assert close(p, 2 * norm.sf(abs(z)), 1e-12)
    return {"auc1": a1, "auc2": a2, "cov": cov, "delta": delta, "seDelta": se, "z": z, "p": p,
            "ci95": [delta - Z975 * se, delta + Z975 * se]}


# ---------------------------------------------------------------- partial AUROC over [a, b]
def area_to(fpr, tpr, x):
    """Area under the piecewise-linear ROC curve from FPR 0 to x (scikit-learn's
    searchsorted-right interpolation of TPR at x)."""
    if x >= fpr[-1]:
        return float(np.trapz(tpr, fpr))
    stop = int(np.searchsorted(fpr, x, "right"))
    t = np.interp(x, [fpr[stop - 1], fpr[stop]], [tpr[stop - 1], tpr[stop]])
    return float(np.trapz(np.append(tpr[:stop], t), np.append(fpr[:stop], x)))


def area_clipped(fpr, tpr, a, b):
    """The same area segment by segment, each clipped to [a, b]: an independent check."""
    total = 0.0
    for k in range(1, fpr.size):
        x0, x1, y0, y1 = fpr[k - 1], fpr[k], tpr[k - 1], tpr[k]
        lo, hi = max(x0, a), min(x1, b)
        if hi <= lo:
            continue
        ylo = y0 + (y1 - y0) * (lo - x0) / (x1 - x0)
        yhi = y0 + (y1 - y0) * (hi - x0) / (x1 - x0)
        total += (hi - lo) * (ylo + yhi) / 2
    return total


def partial_range(y, s, a, b):
    """pROC's partial.auc(specificity 1-a .. 1-b, correct = TRUE) on the full curve."""
    fpr, tpr, _ = roc_curve(y, s, drop_intermediate=False)
    raw = area_to(fpr, tpr, b) - area_to(fpr, tpr, a)
    assert abs(raw - area_clipped(fpr, tpr, a, b)) < 1e-14, (a, b)
    lo, hi = (b * b - a * a) / 2, b - a  # the diagonal's area and the full box's
    mcclish = 0.5 * (1 + (raw - lo) / (hi - lo))
    if a == 0:
        expected = sk_auroc(y, s, b) if b < 1 else sk_auroc(y, s)
        assert abs(mcclish - expected) < 1e-12, (a, b, mcclish, expected)
    if (a, b) == (0, 1):
        assert abs(raw - sk_auroc(y, s)) < 1e-12 and abs(mcclish - raw) < 1e-12
    return {"range": [a, b], "raw": raw, "mcclish": mcclish}


RANGES = [(0.0, 0.1), (0.0, 0.5), (0.1, 0.3), (0.2, 1.0), (0.0, 1.0)]
MAX_FPRS = [0.05, 0.1, 0.3, 0.5, 1.0]


# ---------------------------------------------------------------- pROC's aSAH
# pROC's figures quoted in DESIGN.md (roc.test, method "delong", on roc(outcome, marker)).
PUBLISHED_PAIRED = {
    ("wfns", "s100b"): {"z": 2.20898359144091, "p": 0.0271757822291882,
                        "ci95": [0.0104061769564846, 0.174214419249478]},
    ("wfns", "ndka"): {"z": 2.79777591868904},
    ("ndka", "s100b"): {"z": -1.39077002573558},
}
PUBLISHED_UNPAIRED = {("wfns", "s100b"): {"d": 1.43490640926908}}
MARKERS = ["wfns", "s100b", "ndka"]

# pROC 1.18.0 itself (Debian's r-cran-proc), printed with sprintf("%.17g") once, on its own
# data(aSAH) after checking that tests/data/reference/asah.csv holds the same rows:
#   r <- roc(aSAH$outcome, marker, levels = c("Good", "Poor"), direction = "<")
#   ci.auc(r, method = "delong"); var(r, method = "delong")
#   auc(r, partial.auc = c(1 - a, 1 - b), partial.auc.focus = "specificity"[, partial.auc.correct = TRUE])
#   roc.test(r1, r2, method = "delong"[, paired = FALSE])
# partialRange is in the order of RANGES: [raw, corrected] each.
PROC = {
    "version": "1.18.0",
    "markers": {
        "wfns": {"auc": 0.82367886178861793, "lower": 0.74853488781945288, "upper": 0.89882283575778299,
                 "var": 0.0014699147088236264,
                 "partialRange": [[0.033441734417344153, 0.64969333903865345], [0.33554438584926388, 0.78072584779901844],
                                  [0.13009756097560982, 0.78155487804878054], [0.73039972899729, 0.89124957655826553],
                                  [0.82367886178861793, 0.82367886178861793]]},
        "s100b": {"auc": 0.73136856368563685, "lower": 0.63011821176162264, "upper": 0.83261891560965107,
                  "var": 0.0026686824571724378,
                  "partialRange": [[0.032757452574525739, 0.64609185565539873], [0.2832401761517615, 0.710986901535682],
                                   [0.11162827461607952, 0.72383835817524833], [0.65077913279132793, 0.76684239498644979],
                                   [0.73136856368563685, 0.73136856368563685]]},
        "ndka": {"auc": 0.61195799457994582, "lower": 0.50124499927170263, "upper": 0.72267098988818901,
                 "var": 0.0031908105493913021,
                 "partialRange": [[0.01070460704607046, 0.53002424761089717], [0.1951219512195122, 0.5934959349593496],
                                  [0.067920054200542035, 0.58725016937669383], [0.57347560975609757, 0.64605564024390238],
                                  [0.61195799457994582, 0.61195799457994582]]},
    },
    "paired": {
        ("wfns", "s100b"): {"z": 2.2089835914409077, "p": 0.02717578222918815,
                            "ci95": [0.010406176956484617, 0.17421441924947756]},
        ("wfns", "ndka"): {"z": 2.7977759186890387, "p": 0.0051455797069109776,
                           "ci95": [0.063401170933987644, 0.36004056348335656]},
        ("ndka", "s100b"): {"z": -1.3907700257355771, "p": 0.16429517522305448,
                            "ci95": [-0.28769174463419145, 0.048870606422809354]},
    },
    "unpaired": {("wfns", "s100b"): {"d": 1.4349064092690753, "p": 0.15282537880879596}},
}


def assert_matches(got, want, tol, what):
    """Every number of want (nested lists too) equals got's within tol, relative above 1."""
    for key, value in want.items():
        pairs = zip(got[key], value) if isinstance(value, list) else [(got[key], value)]
        for g, v in pairs:
            assert close(g, v, tol), (what, key, g, v)


def read_asah():
    with open(ASAH, newline="") as f:
        lines = [line for line in f if not line.startswith("#") and line.strip()]
    rows = list(csv.DictReader(lines))
    assert len(rows) == 113
    y = np.array([r["outcome"] == "P" for r in rows], dtype=np.int64)
    assert set(r["outcome"] for r in rows) == {"G", "P"} and y.sum() == 41
    return y, {k: np.array([float(r[k]) for r in rows], dtype=np.float64) for k in MARKERS}


def asah():
    y, markers = read_asah()
    out = {"source": "pROC's aSAH data set (Robin et al. 2011, pROC, GPL >= 3; Turck et al. 2010), "
                     "tests/data/reference/asah.csv; outcome Poor = positive",
           "sklearn": sklearn.__version__, "z975": Z975, "positives": int(y.sum()),
           "negatives": int(y.size - y.sum()), "markers": [], "paired": [], "unpaired": []}
    for name in MARKERS:
        s = markers[name]
        ci = delong_interval(y, s)
        auroc = sk_auroc(y, s)
        assert abs(ci["auc"] - auroc) < 1e-15 and auroc > 0.5  # pROC's direction "<" for all three
        ranges = [partial_range(y, s, a, b) for a, b in RANGES]
        proc = PROC["markers"][name]
        assert_matches(ci, {k: proc[k] for k in ("auc", "lower", "upper")}, 1e-12, name)
        assert close(ci["se"] ** 2, proc["var"], 1e-12), (name, ci["se"] ** 2)
        for got, (raw, mcclish) in zip(ranges, proc["partialRange"]):
            assert_matches(got, {"raw": raw, "mcclish": mcclish}, 1e-12, (name, got["range"]))
        out["markers"].append({
            "name": name, "auroc": auroc, "ap": float(average_precision_score(y, s)),
            "delong": ci, "rocDrop": sk_roc(y, s, True), "rocFull": sk_roc(y, s, False),
            "pr": sk_pr(y, s), "partial": [[m, sk_auroc(y, s, m) if m < 1 else auroc] for m in MAX_FPRS],
            "partialRange": ranges, "proc": proc})
    for (a, b), published in PUBLISHED_PAIRED.items():
        test = delong_test(y, markers[a], markers[b])
        assert_matches(test, published, 1e-9, (a, b, "DESIGN.md"))
        assert_matches(test, PROC["paired"][(a, b)], 1e-12, (a, b, "pROC"))
        out["paired"].append({"a": a, "b": b, **test, "published": published, "proc": PROC["paired"][(a, b)]})
    for (a, b), published in PUBLISHED_UNPAIRED.items():
        ca, cb = delong_interval(y, markers[a]), delong_interval(y, markers[b])
        va, vb = ca["se"] ** 2, cb["se"] ** 2
        d = (ca["auc"] - cb["auc"]) / math.sqrt(va + vb)
        # pROC's delong.unpaired.test: Student's t with Welch-Satterthwaite degrees of freedom
        df = (va + vb) ** 2 / (va**2 / (y.size - 1) + vb**2 / (y.size - 1))
        p = 2 * student_t.sf(abs(d), df)
        assert_matches({"d": d}, published, 1e-9, (a, b, "DESIGN.md"))
        assert_matches({"d": d, "p": p}, PROC["unpaired"][(a, b)], 1e-12, (a, b, "pROC"))
        out["unpaired"].append({"a": a, "b": b, "d": d, "df": df, "p": p, "published": published,
                                "proc": PROC["unpaired"][(a, b)]})
    out["proc"] = PROC["version"]
    return out


# ---------------------------------------------------------------- scikit-learn's test_ranking.py
def make_prediction_binary():
    """test_ranking.py make_prediction(binary=True): a linear SVC on iris classes 0 and 1 with
    200 noise features per feature, predict_proba of the second half."""
    dataset = load_iris()
    X, y = dataset.data, dataset.target
    X, y = X[y < 2], y[y < 2]
    n_samples, n_features = X.shape
    p = np.arange(n_samples)
    check_random_state(37).shuffle(p)
    X, y = X[p], y[p]
    half = int(n_samples / 2)
    X = np.c_[X, np.random.RandomState(0).randn(n_samples, 200 * n_features)]
    clf = SVC(kernel="linear", probability=True, random_state=0)
    return y[half:], clf.fit(X[:half], y[:half]).predict_proba(X[half:])[:, 1]


def toy(name, source, labels, scores, asserted):
    """One case: scikit-learn's outputs, after checking those that the test file asserts."""
    y = np.asarray(labels, dtype=np.int64)
    s = np.asarray(scores, dtype=np.float64)
    case = {"name": name, "source": "sklearn/metrics/tests/test_ranking.py::" + source,
            "labels": y, "scores": s, "positives": int(y.sum()), "negatives": int(y.size - y.sum()),
            "auroc": sk_auroc(y, s), "rocDrop": sk_roc(y, s, True), "rocFull": sk_roc(y, s, False),
            "partial": [[m, sk_auroc(y, s, m) if m < 1 else sk_auroc(y, s)] for m in MAX_FPRS],
            "pr": sk_pr(y, s), "ap": float(average_precision_score(y, s))}
    fpr, tpr, thr = roc_curve(y, s)
    got = {"fpr": fpr, "tpr": tpr, "thresholds": thr, "auroc": case["auroc"],
           "precision": case["pr"]["precision"], "recall": case["pr"]["recall"],
           "prThresholds": case["pr"]["thresholds"], "ap": case["ap"]}
    atol = asserted.pop("_atol", 1e-6)  # the test file's assert_almost_equal: 6 decimals
    for key, want in asserted.items():
        value = sk_auroc(y, s, float(key[len("partial"):])) if key.startswith("partial") else got[key]
        np.testing.assert_allclose(value, want, rtol=0, atol=atol, err_msg=f"{name}: {key}")
    return case


def sklearn_toy():
    # test_roc_curve_toydata assigns roc_curve's fpr to a variable named tpr and tpr to fpr:
    # the arrays below are the ones it asserts, under their real names.
    cases = [
        toy("roc_perfect", "test_roc_curve_toydata", [0, 1], [0, 1],
            {"fpr": [0, 0, 1], "tpr": [0, 1, 1], "auroc": 1.0}),
        toy("roc_inverted", "test_roc_curve_toydata", [0, 1], [1, 0],
            {"fpr": [0, 1, 1], "tpr": [0, 0, 1], "auroc": 0.0}),
        toy("roc_tied_pair", "test_roc_curve_toydata", [1, 0], [1, 1],
            {"fpr": [0, 1], "tpr": [0, 1], "auroc": 0.5}),
        toy("roc_perfect_reversed", "test_roc_curve_toydata", [1, 0], [1, 0],
            {"fpr": [0, 0, 1], "tpr": [0, 1, 1], "auroc": 1.0}),
        toy("roc_tied_half", "test_roc_curve_toydata", [1, 0], [0.5, 0.5],
            {"fpr": [0, 1], "tpr": [0, 1], "auroc": 0.5}),
        toy("roc_no_positives", "test_roc_curve_toydata", [0, 0], [0.25, 0.75],
            {"fpr": [0.0, 0.5, 1.0], "tpr": [math.nan] * 3}),
        toy("roc_no_negatives", "test_roc_curve_toydata", [1, 1], [0.25, 0.75],
            {"fpr": [math.nan] * 3, "tpr": [0.0, 0.5, 1.0]}),
        toy("drop_intermediate", "test_roc_curve_drop_intermediate", [0, 0, 0, 0, 1, 1],
            [0.0, 0.2, 0.5, 0.6, 0.7, 1.0], {"thresholds": [2.0, 1.0, 0.7, 0.0]}),
        toy("drop_intermediate_repeats", "test_roc_curve_drop_intermediate",
            [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1],
            [0.0, 0.1, 0.6, 0.6, 0.7, 0.8, 0.9, 0.6, 0.7, 0.8, 0.9, 0.9, 1.0],
            {"thresholds": [2.0, 1.0, 0.9, 0.7, 0.6, 0.0]}),
        # The test passes sample_weight = 0.2 each; uniform weights give this unweighted curve.
        toy("fpr_tpr_increasing", "test_roc_curve_fpr_tpr_increasing", [0, 0, 1, 1, 1],
            [0.1, 0.7, 0.3, 0.4, 0.5], {}),
        toy("partial_perfect", "test_partial_roc_auc_score", [0, 0, 1, 1], [0, 0, 1, 1],
            {"partial1": 1.0, "partial0.001": 1.0, "auroc": 1.0}),
        toy("partial_tied", "test_partial_roc_auc_score", [0, 0, 1, 1], [0.1, 0, 0.1, 0.01],
            {"partial0.3": 0.5, "partial1": roc_auc_score([0, 0, 1, 1], [0.1, 0, 0.1, 0.01])}),
        toy("pr_increasing", "test_precision_recall_curve", [1, 0, 0, 1], [1, 2, 3, 4],
            {"precision": [0.5, 1 / 3, 0.5, 1.0, 1.0], "recall": [1.0, 0.5, 0.5, 0.5, 0.0],
             "prThresholds": [1, 2, 3, 4]}),
        toy("pr_perfect", "test_precision_recall_curve_toydata", [0, 1], [0, 1],
            {"precision": [0.5, 1, 1], "recall": [1, 1, 0], "ap": 1.0}),
        toy("pr_inverted", "test_precision_recall_curve_toydata", [0, 1], [1, 0],
            {"precision": [0.5, 0.0, 1.0], "recall": [1.0, 0.0, 0.0], "ap": 0.5}),
        toy("pr_tied_pair", "test_precision_recall_curve_toydata", [1, 0], [1, 1],
            {"precision": [0.5, 1], "recall": [1.0, 0], "ap": 0.5}),
        toy("pr_perfect_reversed", "test_precision_recall_curve_toydata", [1, 0], [1, 0],
            {"precision": [0.5, 1, 1], "recall": [1, 1, 0], "ap": 1.0}),
        toy("pr_tied_half", "test_precision_recall_curve_toydata", [1, 0], [0.5, 0.5],
            {"precision": [0.5, 1], "recall": [1, 0.0], "ap": 0.5}),
        # scikit-learn: AP 0 with a warning; Focalscope reports AP undefined without positives.
        toy("pr_no_positives", "test_precision_recall_curve_toydata", [0, 0], [0.25, 0.75],
            {"precision": [0, 0, 1], "recall": [1, 1, 0], "ap": 0.0}),
        toy("pr_all_positive", "test_precision_recall_curve_toydata", [1, 1], [0.25, 0.75],
            {"precision": [1.0, 1.0, 1.0], "recall": [1, 0.5, 0.0], "ap": 1.0}),
        toy("ap_constant", "test_average_precision_constant_values",
            [1 if k % 4 == 0 else 0 for k in range(100)], [1.0] * 100, {"ap": 0.25, "_atol": 0}),
    ]
    y, s = make_prediction_binary()
    svc = toy("make_prediction_binary", "make_prediction(binary=True) (test_roc_curve, "
              "test_precision_recall_curve)", y, s, {"auroc": 0.90, "ap": 0.859, "_atol": 5e-3})
    cases.append(svc)
    # The weighted variant of test_roc_curve_fpr_tpr_increasing: every point of its curve is a
    # point of the unweighted full curve (its rounding only keeps one collinear point more).
    fpr_w, tpr_w, _ = roc_curve([0, 0, 1, 1, 1], [0.1, 0.7, 0.3, 0.4, 0.5], sample_weight=np.repeat(0.2, 5))
    full = next(c for c in cases if c["name"] == "fpr_tpr_increasing")["rocFull"]
    for f, t in zip(fpr_w, tpr_w):
        assert (np.abs(full["fpr"] - f) + np.abs(full["tpr"] - t) < 1e-15).any()
    assert (np.diff(fpr_w) >= 0).all() and (np.diff(tpr_w) >= 0).all()
    return {"sklearn": sklearn.__version__, "cases": cases}


# ---------------------------------------------------------------- float64 vs float32
def breast_case(name, y, p, design=None):
    p = np.asarray(p, dtype=np.float64)
    p32 = p.astype(np.float32)
    case = {"name": name, "labels": y, "scores": p, "positives": int(y.sum()),
            "negatives": int(y.size - y.sum()),
            "distinct": int(np.unique(p).size), "distinctFloat32": int(np.unique(p32).size),
            "auroc": float(roc_auc_score(y, p)), "ap": float(average_precision_score(y, p)),
            "aurocFloat32": float(roc_auc_score(y, p32.astype(np.float64))),
            "apFloat32": float(average_precision_score(y, p32.astype(np.float64))),
            "delong": delong_interval(y, p)}
    assert [float(v) for v in json.loads(json.dumps(clean(p)))] == list(p)  # round trip
    assert case["distinctFloat32"] < case["distinct"]
    assert abs(case["auroc"] - case["aurocFloat32"]) > 1e-4 and abs(case["ap"] - case["apFloat32"]) > 1e-4
    if design:  # DESIGN.md's figures, quoted to 5 digits
        for key, value in design.items():
            assert round(case[key], 5) == value, (name, key, case[key])
    return case


def breast_cancer():
    X, y = load_breast_cancer(return_X_y=True)
    X_fit, X_eval, y_fit, y_eval = train_test_split(X, y, test_size=0.5, random_state=0, stratify=y)
    split = breast_case("split_half_stratified_rs0", y_eval, GaussianNB().fit(X_fit, y_fit).predict_proba(X_eval)[:, 1],
                        {"auroc": 0.98108, "ap": 0.98897, "aurocFloat32": 0.97607, "apFloat32": 0.98018})
    assert (split["distinct"], split["distinctFloat32"]) == (285 - 55, 285 - 192)  # the tie counts
    whole = breast_case("whole_set", y, GaussianNB().fit(X, y).predict_proba(X)[:, 1])
    return {"source": "sklearn.datasets.load_breast_cancer, GaussianNB().predict_proba[:, 1]; "
                      "split: train_test_split(test_size=0.5, random_state=0, stratify=y), fitted on the "
                      "first half, scored on the second; whole_set: fitted and scored on all 569 rows",
            "sklearn": sklearn.__version__, "cases": [split, whole]}


# ---------------------------------------------------------------- partial AUROC on random scores
def random_partial():
    cases = []
    rs = np.random.RandomState(20260301)
    for name, n, grid in [("continuous", 400, 0), ("ties", 300, 8)]:
        y = (rs.rand(n) < 0.35).astype(np.int64)
        s = rs.randn(n) + 0.8 * y
        if grid:
            s = np.floor(s * grid) / grid / 4  # few distinct values: vertical and diagonal runs
        cases.append({"name": name, "labels": y, "scores": s, "auroc": sk_auroc(y, s),
                      "partial": [[m, sk_auroc(y, s, m) if m < 1 else sk_auroc(y, s)] for m in MAX_FPRS],
                      "partialRange": [partial_range(y, s, a, b) for a, b in RANGES + [(0.05, 0.15), (0.5, 0.9)]]})
    return {"sklearn": sklearn.__version__, "cases": cases}


def write(name, payload):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(clean(payload), f, separators=(",", ":"), allow_nan=False)
        f.write("\n")


if __name__ == "__main__":
    write("asah.json", asah())
    write("sklearn_toy.json", sklearn_toy())
    write("breast_cancer.json", breast_cancer())
    write("partial_range.json", random_partial())
