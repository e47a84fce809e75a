#!/usr/bin/python3
"""Reference values for tests/roc: scikit-learn 1.2.1 curves and AUROC, a NumPy DeLong.

Writes fixtures/roc/*.json. Inputs come from rng.py (bit-identical to tests/common/test_rng.h),
so fixtures only hold outputs; long curves are stored as sampled points at fixed indices.
Run with Debian's /usr/bin/python3 (numpy 1.24, scikit-learn 1.2.1, scipy).
"""
import itertools
import json
import math
import os
import warnings

import numpy as np
import sklearn
from scipy.stats import norm, rankdata
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score, roc_curve
from sklearn.metrics._base import _average_multiclass_ovo_score

from fixture_json import clean
from rng import random_labels, random_logits, random_unit_scores

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "roc")
SAMPLES = 48
Z95 = float(norm.ppf(0.975))  # 1.959963984540054, pROC's qnorm(0.975)
assert abs(Z95 - 1.959963984540054) < 1e-15
warnings.filterwarnings("ignore")


def sample_indices(length):
    return np.unique(np.linspace(0, length - 1, min(length, SAMPLES)).round().astype(np.int64))


def sampled(arrays, length):
    idx = sample_indices(length)
    out = {"length": length, "idx": idx}
    for name, array in arrays.items():
        out[name] = np.asarray(array)[idx]
    return out


# ---------------------------------------------------------------- scikit-learn wrappers
def sk_roc(y, s, drop):
    """roc_curve with the >= 1.3 first threshold (+inf, written as null) and exact counts."""
    fpr, tpr, thr = roc_curve(y, s, drop_intermediate=drop)
    thr = thr.astype(np.float64)
    thr[0] = np.nan  # 1.2.1 writes max + 1; the C++ side expects +inf there
    pos = int(y.sum())
    neg = int(y.size - pos)
    # Counts recovered from the rates (exact: both are integers over the same total).
    fps = np.rint(fpr * neg).astype(np.int64) if neg else np.zeros(fpr.size, np.int64)
    tps = np.rint(tpr * pos).astype(np.int64) if pos else np.zeros(tpr.size, np.int64)
    return sampled({"fpr": fpr, "tpr": tpr, "thresholds": thr, "fps": fps, "tps": tps}, fpr.size)


def sk_auroc(y, s, max_fpr=None):
    if y.size == 0 or y.min() == y.max():
        return float("nan")
    return float(roc_auc_score(y, s, max_fpr=max_fpr))


def sk_ap(y, s):
    if y.sum() == 0:
        return float("nan")
    return float(average_precision_score(y, s))


def sk_pr(y, s):
    precision, recall, thr = precision_recall_curve(y, s)
    return {"points": sampled({"precision": precision, "recall": recall}, precision.size),
            "thresholds": sampled({"values": thr.astype(np.float64)}, thr.size)}


# ---------------------------------------------------------------- DeLong in NumPy
def delong_components(y, s):
    """Sun & Xu's midrank form: V10 for the positives, V01 for the negatives."""
    s = s.astype(np.float64)
    x = s[y == 1]
    z = s[y == 0]
    m, n = x.size, z.size
    tx = rankdata(x)
    tz = rankdata(z)
    t = rankdata(np.concatenate([x, z]))
    auc = (t[:m].sum() - m * (m + 1) / 2) / (m * n)
    v10 = (t[:m] - tx) / n
    v01 = 1.0 - (t[m:] - tz) / m
    return auc, v10, v01


def delong_direct(y, s):
    """O(mn): psi(x, z) = 1 if x > z, 1/2 if equal."""
    s = s.astype(np.float64)
    x = s[y == 1][:, None]
    z = s[y == 0][None, :]
    psi = (x > z) + 0.5 * (x == z)
    return psi.mean(), psi.mean(axis=1), psi.mean(axis=0)


def delong_interval(y, s):
    m = int(y.sum())
    n = int(y.size - m)
    if m < 2 or n < 2:
        return {"auc": np.nan, "se": np.nan, "lower": np.nan, "upper": np.nan}
    auc, v10, v01 = delong_components(y, s)
    if m * n <= 4_000_000:
        auc_d, v10_d, v01_d = delong_direct(y, s)
        assert abs(auc - auc_d) < 1e-12 and np.allclose(v10, v10_d, 0, 1e-12) and np.allclose(v01, v01_d, 0, 1e-12)
    se = math.sqrt(np.var(v10, ddof=1) / m + np.var(v01, ddof=1) / n)
    return {"auc": auc, "se": se, "lower": min(max(auc - Z95 * se, 0.0), 1.0),
            "upper": min(max(auc + Z95 * se, 0.0), 1.0)}


def delong_test(y, s1, s2):
    m = int(y.sum())
    n = int(y.size - m)
    if m < 2 or n < 2:
        return {"auc1": sk_auroc(y, s1), "auc2": sk_auroc(y, s2), "z": np.nan, "p": np.nan}
    a1, v10_1, v01_1 = delong_components(y, s1)
    a2, v10_2, v01_2 = delong_components(y, s2)
    s10 = np.cov(np.vstack([v10_1, v10_2]), ddof=1)
    s01 = np.cov(np.vstack([v01_1, v01_2]), ddof=1)
    var = (s10[0, 0] + s10[1, 1] - 2 * s10[0, 1]) / m + (s01[0, 0] + s01[1, 1] - 2 * s01[0, 1]) / n
    diff = a1 - a2
    if not var > 0:
        z = 0.0 if diff == 0 else math.copysign(math.inf, diff)
        p = 1.0 if diff == 0 else 0.0
        return {"auc1": a1, "auc2": a2, "z": z if math.isfinite(z) else np.nan, "p": p, "zInfinite": not math.isfinite(z)}
    z = diff / math.sqrt(var)
    return {"auc1": a1, "auc2": a2, "z": z, "p": math.erfc(abs(z) / math.sqrt(2))}


# ---------------------------------------------------------------- binary cases
def binary_inputs(case):
    s = random_unit_scores(case["seed"], case["n"], case["bits"])
    if case.get("round2"):
        # scores rounded to 2 decimals (in double, then float32): ties everywhere
        s = (np.rint(s.astype(np.float64) * 100.0) / 100.0).astype(np.float32)
    y = (random_labels(case["seed"], case["n"], case["k"]) < case["p"]).astype(np.int64)
    return s, y


def binary_case(case):
    s, y = binary_inputs(case)
    s2 = random_unit_scores(case["seed"] + 7, case["n"], case["bits2"])
    out = dict(case)
    out["positives"] = int(y.sum())
    out["auroc"] = sk_auroc(y, s)
    out["partial"] = [[m, sk_auroc(y, s, m) if m < 1 else sk_auroc(y, s)] for m in (0.05, 0.3, 0.5, 0.8, 1.0)]
    out["rocDrop"] = sk_roc(y, s, True)
    out["rocFull"] = sk_roc(y, s, False)
    out["pr"] = sk_pr(y, s)
    out["ap"] = sk_ap(y, s)
    out["delong"] = delong_interval(y, s)
    out["test"] = delong_test(y, s, s2)
    return out


def binary_cases():
    rs = np.random.RandomState(20261128)
    sizes = [1, 2, 3, 4, 5, 8, 13, 37, 100, 257, 1000, 4096, 20000, 100000]
    cases = []
    for k in range(64):
        n = sizes[k % len(sizes)] if k < 2 * len(sizes) else int(rs.choice(sizes))
        groups = int(rs.randint(2, 7))
        case = {"seed": int(rs.randint(1, 2**31)), "n": n, "bits": int(rs.choice([1, 2, 3, 4, 6, 10, 16, 24])),
                "bits2": int(rs.choice([2, 4, 8, 24])), "k": groups, "p": int(rs.randint(1, groups))}
        cases.append(case)
    # single-class columns and exact ties, whatever the draw above gave
    cases.append({"seed": 11, "n": 500, "bits": 3, "bits2": 3, "k": 1, "p": 0})
    cases.append({"seed": 12, "n": 500, "bits": 3, "bits2": 3, "k": 1, "p": 1})
    cases.append({"seed": 13, "n": 3000, "bits": 1, "bits2": 1, "k": 2, "p": 1})
    for k, n in enumerate([6, 40, 300, 2500, 30000, 100000]):
        cases.append({"seed": 31 + k, "n": n, "bits": 24, "bits2": 8, "k": 3, "p": 1 + k % 2, "round2": True})
    return [binary_case(c) for c in cases]


# ---------------------------------------------------------------- multiclass reports
def report_inputs(case):
    n, C = case["n"], case["classes"]
    targets = 2 if C == 1 else C
    y = random_labels(case["seed"], n, min(case["labelClasses"], targets)).astype(np.int64)
    if C == 1:
        x = random_logits(case["seed"], n, 1, np.zeros(n, np.int32), 0.0)[:, 0].astype(np.float64)
        x = (x + case["signal"] * y).astype(np.float32)[:, None]
    else:
        x = random_logits(case["seed"], n, C, y.astype(np.int32), case["signal"])
    if case["grid"]:
        x = (np.floor(x.astype(np.float64) * case["grid"]) / case["grid"]).astype(np.float32)
    if case["ignoreEvery"]:
        y[:: case["ignoreEvery"]] = -100
    return x, y


def ranking_scores(x, kind):
    """Softmax in double per row (max subtracted, sequential sum), kept in float64."""
    if kind == "probabilities" or x.shape[1] == 1:
        return x
    d = x.astype(np.float64)
    e = np.exp(d - d.max(axis=1, keepdims=True))
    total = e[:, 0].copy()
    for c in range(1, e.shape[1]):
        total += e[:, c]
    return e / total[:, None]


def report_case(case):
    x, y_all = report_inputs(case)
    P_all = ranking_scores(x, case["kind"])
    keep = y_all != -100
    y, P = y_all[keep], P_all[keep]
    C = case["classes"]
    out = dict(case)
    if C == 1:
        yb = y
        cls = [{"positives": int(yb.sum()), "negatives": int(yb.size - yb.sum()),
                "auroc": sk_auroc(yb, P[:, 0]), "ap": sk_ap(yb, P[:, 0]),
                "se": delong_interval(yb, P[:, 0])["se"]}]
        out["classResults"] = cls
        a = cls[0]["auroc"]
        out.update(macro=a, weighted=a, micro=a, ovo=a, apMacro=cls[0]["ap"],
                   partial=sk_auroc(yb, P[:, 0], case["maxFpr"]) if case["maxFpr"] < 1 else a)
        return out
    cls = []
    for c in range(C):
        yc = (y == c).astype(np.int64)
        cls.append({"positives": int(yc.sum()), "negatives": int(yc.size - yc.sum()),
                    "auroc": sk_auroc(yc, P[:, c]), "ap": sk_ap(yc, P[:, c]),
                    "se": delong_interval(yc, P[:, c])["se"]})
    out["classResults"] = cls
    aurocs = np.array([r["auroc"] for r in cls])
    aps = np.array([r["ap"] for r in cls])
    pos = np.array([r["positives"] for r in cls], dtype=np.float64)
    ok = ~np.isnan(aurocs)
    out["macro"] = float(aurocs[ok].mean()) if ok.any() else np.nan
    out["weighted"] = float(np.average(aurocs[ok], weights=pos[ok])) if ok.any() and pos[ok].sum() > 0 else np.nan
    out["apMacro"] = float(aps[~np.isnan(aps)].mean()) if (~np.isnan(aps)).any() else np.nan
    onehot = (y[:, None] == np.arange(C)[None, :]).astype(np.int64)
    out["micro"] = sk_auroc(onehot.ravel(), P.ravel())
    present = [c for c in range(C) if (y == c).any()]
    if len(present) >= 2:
        remap = {c: i for i, c in enumerate(present)}
        rows = np.isin(y, present)
        y_ovo = np.array([remap[v] for v in y[rows]], dtype=np.int64)
        out["ovo"] = float(_average_multiclass_ovo_score(roc_auc_score, y_ovo, P[rows][:, present], "macro"))
    else:
        out["ovo"] = np.nan
    out["partial"] = np.nan
    # scikit-learn's own multiclass averages where its preconditions hold (all classes present,
    # rows summing to 1) must agree with the per-class construction above.
    if C >= 3 and len(present) == C and case["kind"] == "logits" and np.allclose(1, P.sum(axis=1)):
        for average in ("macro", "weighted"):
            assert abs(roc_auc_score(y, P, multi_class="ovr", average=average) - out[average]) < 1e-12
        assert abs(roc_auc_score(y, P, multi_class="ovo", average="macro") - out["ovo"]) < 1e-12
    return out


def report_cases():
    rs = np.random.RandomState(5)
    sizes = [1, 2, 5, 10, 30, 100, 500, 2000, 10000, 40000, 100000, 300, 3000, 20000]
    cases = []
    for k in range(60):
        C = int(rs.choice([1, 2, 3, 4, 5, 7, 10, 13, 20]))
        n = int(rs.choice(sizes)) if k >= len(sizes) else sizes[k]
        if n * C > 600_000:
            n = 600_000 // C
        targets = 2 if C == 1 else C
        label_classes = targets if rs.rand() < 0.85 else max(1, targets - int(rs.randint(1, 3)))
        cases.append({"seed": int(rs.randint(1, 2**31)), "n": n, "classes": C, "labelClasses": label_classes,
                      "signal": float(rs.choice([0.0, 0.25, 1.0, 2.5])),
                      "kind": "logits" if rs.rand() < 0.4 else "probabilities",
                      "grid": int(rs.choice([0, 0, 4, 32])), "ignoreEvery": int(rs.choice([0, 0, 3, 7])),
                      "maxFpr": float(rs.choice([1.0, 0.2, 0.5]))})
    return [report_case(c) for c in cases]


# ---------------------------------------------------------------- the seed's examples
def examples():
    s = np.array([0.13, 0.26, 0.08, 0.19, 0.34], dtype=np.float64)
    y = np.array([0, 0, 1, 1, 1])
    fpr, tpr, thr = roc_curve(y, s, drop_intermediate=False)
    binary = {"scores": s.astype(np.float64), "labels": y, "auroc": sk_auroc(y, s),
              "fpr": fpr, "tpr": tpr, "thresholds": thr[1:].astype(np.float64),
              "partial05": sk_auroc(y, s, 0.5), "delong": delong_interval(y, s), "ap": sk_ap(y, s)}
    p = np.array([[.90, .05, .05], [.05, .90, .05], [.05, .05, .90], [.85, .05, .10], [.10, .10, .80]],
                 dtype=np.float64)
    t = np.array([0, 1, 1, 2, 2])
    onehot = (t[:, None] == np.arange(3)).astype(int)
    multi = {"scores": p.astype(np.float64), "labels": t,
             "perClass": [sk_auroc((t == c).astype(int), p[:, c]) for c in range(3)],
             "macro": roc_auc_score(t, p, multi_class="ovr", average="macro"),
             "weighted": roc_auc_score(t, p, multi_class="ovr", average="weighted"),
             "micro": roc_auc_score(onehot, p, average="micro"),
             "ovo": roc_auc_score(t, p, multi_class="ovo", average="macro")}
    return {"sklearn": sklearn.__version__, "binary": binary, "multiclass": multi}


def write(name, payload):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(clean(payload), f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    write("examples.json", examples())
    write("binary_cases.json", binary_cases())
    write("report_cases.json", report_cases())
