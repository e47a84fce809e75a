#!/usr/bin/python3
"""Reference values for runs and their comparison (tests/compare/, tests/cli/): writes
fixtures/runs/runs.json and the aSAH run files under tests/data/cli/.

- asah: pROC's aSAH data (tests/data/reference/asah.csv, outcome Poor = positive) as three
  runs wfns, s100b, ndka: the paired DeLong test of each pair (DeLong et al. 1988 computed here
  by the O(n^2) placement-value definition, psi(x, y) = 1, 1/2, 0), the unpaired
  D = (A_a - A_b) / sqrt(V_a + V_b), Holm over the paired p. The figures DESIGN.md quotes from
  pROC (roc.test) are committed alongside as "published" and asserted here to 1e-9.
- holm: statsmodels' multipletests(method='holm') by hand (statsmodels is not installed):
  p sorted ascending, adj_i = max_{j <= i} min(1, (m - j) p_(j)) with 0-based j, back in input
  order; NaN stays NaN and is left out of m.
- compare: multiclass logits (3 runs on the same rows: paired, one-vs-rest on the row softmax)
  and binary runs on different rows (unpaired), every pair x class with Holm over all.
- folds: per fold AUROC (scikit-learn roc_auc_score), mean and sd (n - 1), the pooled AUROC
  and curve (roc_curve on the concatenation), the vertical average at FPR k / 200 (np.interp
  of each fold's roc_curve(drop_intermediate=False), i.e. the highest TPR where the curve is
  vertical, linear in between; sd n - 1; np.percentile 2.5 / 97.5) and threshold averaging
  (Fawcett 2006) at +inf and 200 distinct pooled scores evenly spaced by rank.

Every float is written by json (repr: the shortest string that reads back to the same double);
NaN is written as null. Run with Debian's /usr/bin/python3 (numpy, scikit-learn).
"""
import csv
import json
import math
import os

import numpy as np
from scipy.stats import t as student_t
from sklearn.metrics import roc_auc_score, roc_curve

from fixture_json import clean

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.dirname(HERE)
OUT = os.path.join(HERE, "fixtures", "runs")
CLI_DATA = os.path.join(TESTS, "data", "cli")
ASAH = os.path.join(TESTS, "data", "reference", "asah.csv")
Z975 = 1.959963984540054  # qnorm(0.975), as pROC

# DESIGN.md, section Runs and comparison: pROC's roc.test on aSAH (15 significant digits).
PUBLISHED = {
    ("wfns", "s100b"): {"z": 2.20898359144091, "p": 0.0271757822291882,
                        "ci95": [0.0104061769564846, 0.174214419249478]},
    ("wfns", "ndka"): {"z": 2.79777591868904},
    ("ndka", "s100b"): {"z": -1.39077002573558},
}
PUBLISHED_UNPAIRED = {("wfns", "s100b"): {"d": 1.43490640926908}}
# pROC 1.18.0's own output for the same test (roc.test(..., paired = FALSE)), 17 digits: its p
# is Student's t with Welch-Satterthwaite degrees of freedom (as tests/reference/gen_published.py
# records it).
PROC_UNPAIRED = {("wfns", "s100b"): {"d": 1.4349064092690753, "p": 0.15282537880879596}}


def close(a, b, tol):
    return abs(a - b) <= tol * max(1.0, abs(b))


# ---------------------------------------------------------------- DeLong, O(n^2)
def placements(y, s):
    """The AUC and DeLong's placement values from the definition: V10 of each positive x =
    mean over negatives z of psi(x, z), V01 of each negative z = mean over positives."""
    x = s[y == 1]
    z = s[y == 0]
    psi = (x[:, None] > z[None, :]).astype(np.float64) + 0.5 * (x[:, None] == z[None, :])
    return psi.mean(), psi.mean(axis=1), psi.mean(axis=0)


def paired_test(y, s1, s2):
    a1, v10a, v01a = placements(y, s1)
    a2, v10b, v01b = placements(y, s2)
    m, n = v10a.size, v01a.size
    if m < 2 or n < 2:
        return {"auc_a": a1, "auc_b": a2, "delta": a1 - a2, "z": math.nan, "p": math.nan,
                "ci95": [math.nan, math.nan]}

    def cov(u, v):
        return float(np.sum((u - u.mean()) * (v - v.mean())) / (u.size - 1))

    var1 = cov(v10a, v10a) / m + cov(v01a, v01a) / n
    var2 = cov(v10b, v10b) / m + cov(v01b, v01b) / n
    c12 = cov(v10a, v10b) / m + cov(v01a, v01b) / n
    se = math.sqrt(var1 + var2 - 2 * c12)
    delta = a1 - a2
    z = delta / se
    return {"auc_a": a1, "auc_b": a2, "delta": delta, "var_a": var1, "var_b": var2, "cov": c12,
            "se": se, "z": z, "p": math.erfc(abs(z) / math.sqrt(2)),
            "ci95": [delta - Z975 * se, delta + Z975 * se]}


def variance(y, s):
    a, v10, v01 = placements(y, s)
    return a, float(np.var(v10, ddof=1) / v10.size + np.var(v01, ddof=1) / v01.size)


def unpaired_test(y1, s1, y2, s2):
    if min(y1.sum(), (1 - y1).sum(), y2.sum(), (1 - y2).sum()) < 2:
        a1 = placements(y1, s1)[0] if 0 < y1.sum() < y1.size else math.nan
        a2 = placements(y2, s2)[0] if 0 < y2.sum() < y2.size else math.nan
        return {"auc_a": a1, "auc_b": a2, "delta": a1 - a2, "z": math.nan, "p": math.nan,
                "ci95": [math.nan, math.nan]}
    a1, v1 = variance(y1, s1)
    a2, v2 = variance(y2, s2)
    se = math.sqrt(v1 + v2)
    delta = a1 - a2
    d = delta / se
    # pROC's delong.unpaired.test: Student's t, Welch-Satterthwaite df on the samples of each
    df = (v1 + v2) ** 2 / (v1**2 / (y1.size - 1) + v2**2 / (y2.size - 1))
    return {"auc_a": a1, "auc_b": a2, "delta": delta, "var_a": v1, "var_b": v2, "se": se, "z": d,
            "df": df, "p": float(2 * student_t.sf(abs(d), df)),
            "ci95": [delta - Z975 * se, delta + Z975 * se]}


# ---------------------------------------------------------------- Holm
def holm(p):
    p = np.asarray(p, dtype=np.float64)
    out = np.full(p.size, np.nan)
    defined = np.flatnonzero(~np.isnan(p))
    order = defined[np.argsort(p[defined], kind="stable")]
    m = order.size
    running = 0.0
    for j, k in enumerate(order):
        running = max(running, min(1.0, (m - j) * p[k]))
        out[k] = running
    return out


def holm_step_down(p):
    """The same by its definition as a step-down procedure: an independent check."""
    p = np.asarray(p, dtype=np.float64)
    defined = [k for k in range(p.size) if not math.isnan(p[k])]
    m = len(defined)
    out = np.full(p.size, np.nan)
    for k in defined:
        rank = sorted(defined, key=lambda i: (p[i], i)).index(k)
        ranked = sorted(p[defined])
        out[k] = max(min(1.0, (m - j) * ranked[j]) for j in range(rank + 1))
    return out


def holm_cases():
    cases = [
        ("plain", [0.01, 0.04, 0.03, 0.005]),
        ("ties", [0.02, 0.02, 0.01, 0.02, 0.5]),
        ("nan", [0.03, math.nan, 0.01, 0.2, math.nan]),
        ("capped", [0.4, 0.3, 0.6, 0.9]),
        ("one", [0.04]),
        ("all_nan", [math.nan, math.nan]),
        ("empty", []),
        ("zeros_and_ones", [0.0, 1.0, 0.0, 0.5]),
    ]
    out = []
    for name, p in cases:
        a = holm(p)
        b = holm_step_down(p)
        assert all((math.isnan(x) and math.isnan(y)) or x == y for x, y in zip(a, b)), name
        out.append({"name": name, "p": p, "adjusted": a})
    # statsmodels' documented example values (multipletests([.01, .02, .03, .04], method='holm'))
    assert np.allclose(holm([0.01, 0.02, 0.03, 0.04]), [0.04, 0.06, 0.06, 0.06], 0, 1e-15)
    return out


# ---------------------------------------------------------------- aSAH
def read_asah():
    rows = []
    with open(ASAH) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            rows.append(line.strip().split(","))
    header, body = rows[0], rows[1:]
    y = np.array([1 if r[header.index("outcome")] == "P" else 0 for r in body], dtype=np.int64)
    markers = {m: np.array([float(r[header.index(m)]) for r in body]) for m in ("wfns", "s100b", "ndka")}
    return y, markers, body, header


def asah_case():
    y, markers, body, header = read_asah()
    runs = ["wfns", "s100b", "ndka"]
    paired = []
    for i in range(3):
        for j in range(i + 1, 3):
            a, b = runs[i], runs[j]
            t = paired_test(y, markers[a], markers[b])
            assert close(t["auc_a"], roc_auc_score(y, markers[a]), 1e-15)
            entry = {"a": a, "b": b, **t}
            key = (a, b) if (a, b) in PUBLISHED else (b, a)
            sign = 1 if key == (a, b) else -1
            pub = PUBLISHED[key]
            assert close(sign * t["z"], pub["z"], 1e-9), (a, b, t["z"], pub["z"])
            if "p" in pub:
                assert close(t["p"], pub["p"], 1e-9)
            if "ci95" in pub:
                assert close(t["ci95"][0], pub["ci95"][0], 1e-9) and close(t["ci95"][1], pub["ci95"][1], 1e-9)
            entry["published"] = {"a": key[0], "b": key[1], **pub}
            paired.append(entry)
    holm_p = holm([c["p"] for c in paired])
    for c, h in zip(paired, holm_p):
        c["p_holm"] = h
    unpaired = []
    for (a, b), pub in PUBLISHED_UNPAIRED.items():
        t = unpaired_test(y, markers[a], y, markers[b])
        assert close(t["z"], pub["d"], 1e-9), (t["z"], pub["d"])
        proc = PROC_UNPAIRED[(a, b)]
        assert close(t["z"], proc["d"], 1e-12) and close(t["p"], proc["p"], 1e-12), (t, proc)
        unpaired.append({"a": a, "b": b, **t, "published": pub, "proc": proc})
    write_asah_runs(y, body, header)
    return {"runs": runs, "positives": int(y.sum()), "negatives": int((1 - y).sum()),
            "paired": paired, "unpaired": unpaired}


def write_asah_runs(y, body, header):
    """Three prediction CSVs of one score column "Poor" sharing asah_labels.csv; the same ndka
    with its own label column; s100b of the first 100 patients with its own labels (other
    rows: compared unpaired)."""
    def write(name, head, rows):
        with open(os.path.join(CLI_DATA, name), "w", newline="") as f:
            f.write("# pROC's aSAH data (tests/data/reference/asah.csv); written by gen_runs.py\n")
            w = csv.writer(f, lineterminator="\n")
            w.writerow(head)
            w.writerows(rows)
    write("asah_labels.csv", ["label"], [[int(v)] for v in y])
    for m in ("wfns", "s100b", "ndka"):
        write("asah_%s.csv" % m, ["Poor"], [[r[header.index(m)]] for r in body])
    write("asah_ndka_labelled.csv", ["label", "Poor"],
          [[int(v), r[header.index("ndka")]] for v, r in zip(y, body)])
    write("asah_s100b_first100.csv", ["label", "Poor"],
          [[int(v), r[header.index("s100b")]] for v, r in list(zip(y, body))[:100]])


# ---------------------------------------------------------------- runs in general
def softmax(x):
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def ranking(run):
    s = np.array(run["scores"], dtype=np.float64)
    if run["kind"] == "logits" and s.shape[1] >= 2:
        return softmax(s)
    return s


def class_problem(run, c, binary):
    labels = np.array(run["labels"])
    keep = labels != -100
    s = ranking(run)
    col = s[keep, 0 if binary else c]
    y = (labels[keep] == (1 if binary else c)).astype(np.int64)
    return y, col


def compare_case(name, runs, binary, unpaired=False):
    classes = [1] if binary else list(range(len(runs[0]["scores"][0])))
    same = lambda a, b: a["labels"] == b["labels"]
    out = []
    for i in range(len(runs)):
        for j in range(i + 1, len(runs)):
            paired = same(runs[i], runs[j]) and not unpaired
            for c in classes:
                y1, s1 = class_problem(runs[i], c, binary)
                y2, s2 = class_problem(runs[j], c, binary)
                t = paired_test(y1, s1, s2) if paired else unpaired_test(y1, s1, y2, s2)
                out.append({"a": i, "b": j, "class": c, "paired": paired, **t})
    for c, h in zip(out, holm([c["p"] for c in out])):
        c["p_holm"] = h
    return {"name": name, "binary": binary, "unpaired": unpaired, "runs": runs, "comparisons": out}


def compare_cases():
    rng = np.random.default_rng(11)
    cases = []
    # Multiclass logits, 3 runs on the same 150 rows (8 ignored), one run a noisier copy.
    n, k = 150, 4
    labels = rng.integers(0, k, n)
    labels[rng.choice(n, 8, replace=False)] = -100
    signal = np.eye(k)[np.where(labels < 0, 0, labels)]
    runs = []
    for noise in (1.0, 1.5, 2.5):
        x = np.round(2.0 * signal + noise * rng.standard_normal((n, k)), 3)
        runs.append({"kind": "logits", "scores": x.tolist(), "labels": labels.tolist()})
    cases.append(compare_case("multiclass_paired", runs, False))
    cases.append(compare_case("multiclass_forced_unpaired", runs, False, unpaired=True))
    # Binary probabilities on different rows (unpaired), scores on a coarse grid (ties).
    runs = []
    for n, shift in ((90, 0.25), (120, 0.1), (90, 0.0)):
        y = (rng.random(n) < 0.35).astype(np.int64)
        s = np.clip(np.round(0.4 + shift * y + 0.2 * rng.standard_normal(n), 2), 0, 1)
        runs.append({"kind": "probabilities", "scores": s.reshape(-1, 1).tolist(), "labels": y.tolist()})
    # 90 / 120 rows: "run B has 120 rows, run A 90"; 90 / 90 rows with other labels:
    # "labels differ at row ..."
    cases.append(compare_case("binary_unpaired", runs, True))
    # A class with a single positive: undefined comparison, left out of Holm.
    y = np.array([0] * 20 + [1]); s = np.round(rng.random(21), 2)
    runs = [{"kind": "probabilities", "scores": s.reshape(-1, 1).tolist(), "labels": y.tolist()},
            {"kind": "probabilities", "scores": np.round(rng.random(21), 2).reshape(-1, 1).tolist(),
             "labels": y.tolist()}]
    cases.append(compare_case("binary_one_positive", runs, True))
    return cases


# ---------------------------------------------------------------- folds
GRID = np.arange(201) / 200.0


def vertical_tpr(fpr, tpr, x):
    """The highest TPR at FPR x on the piecewise-linear curve, linear between points: written
    out to check np.interp's behaviour on repeated FPR values."""
    k = int(np.searchsorted(fpr, x, "right")) - 1
    if k + 1 >= fpr.size:
        return tpr[-1]
    return (tpr[k + 1] - tpr[k]) / (fpr[k + 1] - fpr[k]) * (x - fpr[k]) + tpr[k]


def averaging_thresholds(pooled_scores):
    distinct = np.unique(pooled_scores)[::-1]
    kk = distinct.size
    out, previous = [math.inf], -1
    for k in range(200):
        index = (2 * k * (kk - 1) + 199) // 398  # round(k (K - 1) / 199), halves up
        if index != previous:
            out.append(float(distinct[index]))
            previous = index
    return out


def fold_class(folds, c, binary):
    problems = [class_problem(f, c, binary) for f in folds]
    aurocs = [float(roc_auc_score(y, s)) if 0 < y.sum() < y.size else math.nan for y, s in problems]
    defined = [a for a in aurocs if not math.isnan(a)]
    good = [p for p, a in zip(problems, aurocs) if not math.isnan(a)]
    y_all = np.concatenate([y for y, _ in problems])
    s_all = np.concatenate([s for _, s in problems])
    pooled_fpr, pooled_tpr, _ = roc_curve(y_all, s_all)
    tprs = []
    for y, s in good:
        fpr, tpr, _ = roc_curve(y, s, drop_intermediate=False)
        t = np.interp(GRID, fpr, tpr)
        assert np.allclose(t, [vertical_tpr(fpr, tpr, x) for x in GRID], 0, 1e-15)
        tprs.append(t)
    tprs = np.array(tprs)
    ddof = lambda v: np.std(v, axis=0, ddof=1) if len(v) > 1 else np.full(np.shape(v)[1:], np.nan)
    thresholds = averaging_thresholds(s_all)
    fprs_t, tprs_t = [], []
    for y, s in good:
        fprs_t.append([np.sum((s >= t) & (y == 0)) / np.sum(y == 0) for t in thresholds])
        tprs_t.append([np.sum((s >= t) & (y == 1)) / np.sum(y == 1) for t in thresholds])
    fprs_t, tprs_t = np.array(fprs_t), np.array(tprs_t)
    return {
        "class": c, "aurocs": aurocs, "auroc_mean": float(np.mean(defined)),
        "auroc_sd": float(np.std(defined, ddof=1)) if len(defined) > 1 else math.nan,
        "pooled_auroc": float(roc_auc_score(y_all, s_all)),
        "pooled_fpr": pooled_fpr, "pooled_tpr": pooled_tpr,
        "vertical": {"fpr": GRID, "tpr_mean": tprs.mean(axis=0), "tpr_sd": ddof(tprs),
                     "tpr_lo": np.percentile(tprs, 2.5, axis=0),
                     "tpr_hi": np.percentile(tprs, 97.5, axis=0)},
        "threshold_averaged": {"threshold": [None if math.isinf(t) else t for t in thresholds],
                               "fpr_mean": fprs_t.mean(axis=0), "tpr_mean": tprs_t.mean(axis=0),
                               "fpr_sd": ddof(fprs_t), "tpr_sd": ddof(tprs_t)},
    }


def fold_cases():
    rng = np.random.default_rng(5)
    cases = []
    # Binary: 5 folds of different sizes, scores on a 0.05 grid (ties, vertical segments).
    folds = []
    for n in (40, 55, 47, 60, 38):
        y = (rng.random(n) < 0.4).astype(np.int64)
        s = np.clip(np.round((0.35 + 0.3 * y + 0.25 * rng.standard_normal(n)) * 20) / 20, 0, 1)
        folds.append({"kind": "probabilities", "scores": s.reshape(-1, 1).tolist(), "labels": y.tolist()})
    cases.append({"name": "binary_folds", "binary": True, "folds": folds,
                  "classes": [fold_class(folds, 1, True)]})
    # Multiclass logits: 3 folds of 3 classes, some rows ignored; one fold without class 2.
    folds = []
    for n, missing in ((70, None), (64, 2), (81, None)):
        labels = rng.integers(0, 3, n)
        if missing is not None:
            labels[labels == missing] = 0
        labels[rng.choice(n, 3, replace=False)] = -100
        x = 1.5 * np.eye(3)[np.where(labels < 0, 0, labels)] + rng.standard_normal((n, 3))
        folds.append({"kind": "logits", "scores": np.round(x, 4).tolist(), "labels": labels.tolist()})
    cases.append({"name": "multiclass_folds", "binary": False, "folds": folds,
                  "classes": [fold_class(folds, c, False) for c in range(3)]})
    return cases


def student_t_cases():
    """Two-sided p of Student's t (scipy), the unpaired test's distribution."""
    out = []
    for t, df in ((1.4349064092690753, 206.66106378778252), (0.0, 3.0), (-2.5, 1.0), (2.5, 1.0),
                  (1.0, 0.5), (3.7, 7.25), (12.0, 40.0), (40.0, 200.0), (-0.3, 1e6), (8.0, 2.2)):
        out.append({"t": t, "df": df, "p": float(2 * student_t.sf(abs(t), df))})
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    fixture = {"source": "tests/reference/gen_runs.py", "z975": Z975, "asah": asah_case(),
               "holm": holm_cases(), "student_t": student_t_cases(), "compare": compare_cases(), "folds": fold_cases()}
    with open(os.path.join(OUT, "runs.json"), "w") as f:
        json.dump(clean(fixture), f, separators=(",", ":"), allow_nan=False)
        f.write("\n")


if __name__ == "__main__":
    main()
