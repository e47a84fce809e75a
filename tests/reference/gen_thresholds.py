#!/usr/bin/python3
"""Reference values for the thresholds tests: operating points, rules, histograms, error rows and
the argmax confusion matrix, from scikit-learn 1.2.1 and NumPy.

Writes fixtures/thresholds/cases.json (+-inf written as "inf" / "-inf", NaN as null). The inputs are stored in the fixture (scores that JSON
writes and reads back exactly). A row is predicted positive when its score >= the threshold
(roc_curve). Every rule is decided on roc_curve(drop_intermediate=False)'s points with exact
integer ratios (fractions.Fraction), ties as DESIGN.md says:
- youden: max TPR - FPR; ties: the highest threshold;
- f1: max F1; ties: the highest threshold (checked against precision_recall_curve);
- fpr=X: the highest TPR with FPR <= X; of those the lowest FPR (the highest threshold);
- tpr=X: the lowest FPR with TPR >= X; of those the highest TPR (the lowest threshold);
- cost=CFP,CFN[,PI]: min CFN PI (1 - TPR) + CFP (1 - PI) FPR in float64 on roc_curve's rates,
  PI = P / (P + N) unless given; ties: the highest threshold.
Run with Debian's /usr/bin/python3 (numpy 1.24, scikit-learn 1.2.1).
"""
import json
import os
import warnings
from fractions import Fraction

import numpy as np
from sklearn.metrics import (balanced_accuracy_score, confusion_matrix, f1_score, matthews_corrcoef,
                             precision_recall_curve, precision_score, recall_score, roc_curve)

from fixture_json import clean
from rng import random_labels, random_unit_scores

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "thresholds")
RULES = ["youden", "f1", "fpr=0", "fpr=0.1", "fpr=0.25", "fpr=0.5", "fpr=1", "tpr=0", "tpr=0.5",
         "tpr=0.9", "tpr=1", "cost=1,1", "cost=1,5", "cost=5,1,0.3", "cost=0,1", "cost=1,0",
         "cost=2,3,0.5"]
HISTOGRAM_BINS = 10
ERROR_ROWS = 25
warnings.filterwarnings("ignore")


def table(y, s):
    """roc_curve(drop_intermediate=False): thresholds (first +inf), exact counts, rates."""
    fpr, tpr, thr = roc_curve(y, s, drop_intermediate=False)
    thr = thr.astype(np.float64)
    thr[0] = np.inf  # scikit-learn 1.2.1 writes max + 1; >= 1.3 and Focalscope +inf
    P = int(y.sum())
    N = int(y.size - P)
    tps = np.rint(tpr * P).astype(np.int64)
    fps = np.rint(fpr * N).astype(np.int64)
    for k in range(1, thr.size):  # the counts are those of score >= threshold
        assert tps[k] == int(np.sum(s[y == 1] >= thr[k])) and fps[k] == int(np.sum(s[y == 0] >= thr[k]))
    return thr, tps, fps, tpr, fpr, P, N


def first_max(keys, indices):
    best = None
    for k in indices:
        if best is None or keys(k) > keys(best):
            best = k
    return best


def choose(rule, thr, tps, fps, tpr, fpr, P, N, s, y):
    """The point index a rule picks, and the cost fields."""
    extra = {}
    if rule == "youden":
        k = first_max(lambda k: Fraction(int(tps[k]), P) - Fraction(int(fps[k]), N), range(thr.size))
        if k != int(np.argmax(tpr - fpr)):
            print(f"  note: youden float argmax differs (near tie) at {k}")
    elif rule == "f1":
        k = first_max(lambda k: Fraction(2 * int(tps[k]), int(tps[k] + fps[k]) + P), range(1, thr.size))
        # precision_recall_curve (ascending thresholds): its best F1 from the highest threshold down
        p, r, t = precision_recall_curve(y, s)
        f1 = np.where(p + r > 0, 2 * p * r / np.where(p + r > 0, p + r, 1), 0)[:-1]
        best = np.flatnonzero(f1 == f1.max())
        assert f1.max() == 2 * tps[k] / (tps[k] + fps[k] + P) or abs(f1.max() - 2 * tps[k] / (tps[k] + fps[k] + P)) < 1e-15
        if t[best.max()] != thr[k]:
            print(f"  note: f1 float argmax differs (near tie): {t[best.max()]} vs {thr[k]}")
    elif rule.startswith("fpr="):
        x = float(rule[4:])
        ok = np.flatnonzero(fpr <= x)
        best_tp = tps[ok].max()
        k = int(np.flatnonzero(tps == best_tp)[0])
        assert fpr[k] <= x
    elif rule.startswith("tpr="):
        x = float(rule[4:])
        ok = np.flatnonzero(tpr >= x)
        best_fp = fps[ok].min()
        k = int(np.flatnonzero(fps == best_fp)[-1])
        assert tpr[k] >= x
    elif rule.startswith("cost="):
        values = [float(v) for v in rule[5:].split(",")]
        cfp, cfn = values[0], values[1]
        pi = values[2] if len(values) == 3 else P / (P + N)
        cost = cfn * pi * (1 - tpr) + cfp * (1 - pi) * fpr
        k = int(np.argmin(cost))
        extra = {"prevalence": pi, "expected_cost": float(cost[k]),
                 "iso_cost_slope": cfp * (1 - pi) / (cfn * pi) if cfn * pi > 0 else np.inf}
    else:
        raise ValueError(rule)
    return int(k), extra


def nan_div(a, b):
    return a / b if b else np.nan


def metrics(threshold, y, s):
    """Counts by scikit-learn's confusion_matrix at score >= threshold, rates from them (NaN
    where undefined), checked against scikit-learn's own scores where those are defined."""
    pred = (s >= threshold).astype(np.int64)
    tn, fp, fn, tp = (int(v) for v in confusion_matrix(y, pred, labels=[0, 1]).ravel())
    P, N = tp + fn, fp + tn
    out = {"threshold": threshold, "tp": tp, "fp": fp, "tn": tn, "fn": fn,
           "tpr": nan_div(tp, P), "fpr": nan_div(fp, N), "precision": nan_div(tp, tp + fp),
           "recall": nan_div(tp, P), "specificity": nan_div(tn, N), "npv": nan_div(tn, tn + fn)}
    out["f1"] = nan_div(2 * tp, 2 * tp + fp + fn) if tp + fp > 0 else np.nan
    out["balanced_accuracy"] = (out["tpr"] + out["specificity"]) / 2
    den = (tp + fp) * (tp + fn) * (tn + fp) * (tn + fn)
    out["mcc"] = (tp * tn - fp * fn) / np.sqrt(float(den)) if den else np.nan
    if tp + fp > 0:
        assert abs(precision_score(y, pred) - out["precision"]) < 1e-15
        assert abs(f1_score(y, pred) - out["f1"]) < 1e-15
    assert abs(recall_score(y, pred) - out["recall"]) < 1e-15
    assert abs(balanced_accuracy_score(y, pred) - out["balanced_accuracy"]) < 1e-15
    if den:
        assert abs(matthews_corrcoef(y, pred) - out["mcc"]) < 1e-12
    return out


def probes(s, thr):
    distinct = thr[1:]
    picks = distinct[np.unique(np.linspace(0, distinct.size - 1, min(distinct.size, 12)).round().astype(int))]
    mids = (distinct[:-1] + distinct[1:]) / 2
    mids = mids[np.unique(np.linspace(0, max(mids.size - 1, 0), min(mids.size, 6)).round().astype(int))] if mids.size else mids
    values = [float(s.max()) + 1, float(s.min()) - 1, np.inf, -np.inf, 0.5] + list(picks) + list(mids)
    return values


def binary_problem(y, s, row_index):
    """Everything the tests check of one binary problem (one class against the rest)."""
    thr, tps, fps, tpr, fpr, P, N = table(y, s)
    out = {"positives": P, "negatives": N, "points": int(thr.size)}
    out["rules"] = []
    for rule in RULES:
        k, extra = choose(rule, thr, tps, fps, tpr, fpr, P, N, s, y)
        point = metrics(thr[k], y, s)
        assert point["tp"] == tps[k] and point["fp"] == fps[k]
        point.update(extra)
        point.update(rule=rule, index=k)
        out["rules"].append(point)
    out["probes"] = []
    for t in probes(s, thr):
        pred = s >= t
        out["probes"].append({"threshold": t, "tp": int(np.sum(pred & (y == 1))), "fp": int(np.sum(pred & (y == 0)))})
    counts_p, edges = np.histogram(s[y == 1], bins=HISTOGRAM_BINS, range=(s.min(), s.max()))
    counts_n, _ = np.histogram(s[y == 0], bins=HISTOGRAM_BINS, range=(s.min(), s.max()))
    out["histogram"] = {"bins": HISTOGRAM_BINS, "edges": edges, "positives": counts_p, "negatives": counts_n}
    # The rows at the youden point, hardest first (ties: the lower row first).
    t = out["rules"][0]["threshold"]
    fp_mask = (y == 0) & (s >= t)
    fn_mask = (y == 1) & (s < t)
    fp_rows = row_index[fp_mask][np.lexsort((row_index[fp_mask], -s[fp_mask]))]
    fn_rows = row_index[fn_mask][np.lexsort((row_index[fn_mask], s[fn_mask]))]
    out["errors"] = {"threshold": t, "limit": ERROR_ROWS, "fp_count": int(fp_mask.sum()), "fn_count": int(fn_mask.sum()),
                     "fp_rows": fp_rows[:ERROR_ROWS], "fn_rows": fn_rows[:ERROR_ROWS]}
    return out


def binary_case(name, s, y):
    s = np.asarray(s, dtype=np.float64)
    y = np.asarray(y, dtype=np.int64)
    print(name)
    return {"name": name, "task": "binary", "scores": s, "labels": y,
            "classes": [binary_problem(y, s, np.arange(y.size))]}


def multiclass_case(name, P, y):
    P = np.asarray(P, dtype=np.float64)
    y = np.asarray(y, dtype=np.int64)
    print(name)
    keep = y != -100
    rows = np.arange(y.size)[keep]
    C = P.shape[1]
    cm = confusion_matrix(y[keep], np.argmax(P[keep], axis=1), labels=list(range(C)))
    return {"name": name, "task": "multiclass", "scores": P, "labels": y, "confusion_matrix": cm,
            "classes": [binary_problem((y[keep] == c).astype(np.int64), P[keep, c], rows) for c in range(C)]}


def infinities_as_text(value):
    """JSON has no infinity: +-inf (thresholds, probes, slopes) are written "inf" and "-inf"."""
    if isinstance(value, dict):
        return {k: infinities_as_text(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, np.ndarray)):
        return [infinities_as_text(v) for v in value]
    if isinstance(value, (float, np.floating)) and np.isinf(value):
        return "inf" if value > 0 else "-inf"
    return value


def cases():
    out = []
    # DESIGN.md's torchmetrics binary example.
    out.append(binary_case("torchmetrics_binary", [0.13, 0.26, 0.08, 0.19, 0.34], [0, 0, 1, 1, 1]))
    # Tie-heavy: 300 scores on a grid of 8 values, a third positive, the positives raised a step.
    y = (random_labels(1201, 300, 3) < 1).astype(np.int64)
    s = np.minimum(random_unit_scores(1201, 300, 3).astype(np.float64) + 0.125 * y, 0.875)
    out.append(binary_case("ties_300", s, y))
    # 2000 rows, 24-bit scores (nearly all distinct), 20% positives raised by 0.25.
    y = (random_labels(2026, 2000, 5) < 1).astype(np.int64)
    s = random_unit_scores(2026, 2000, 24).astype(np.float64) + 0.25 * y
    out.append(binary_case("random_2000", s, y))
    # DESIGN.md's 3-class example.
    p = [[.90, .05, .05], [.05, .90, .05], [.05, .05, .90], [.85, .05, .10], [.10, .10, .80]]
    out.append(multiclass_case("torchmetrics_multiclass", p, [0, 1, 1, 2, 2]))
    # 3 classes, 600 rows: Dirichlet probabilities rounded to 2 decimals (ties within columns and
    # equal maxima within rows), the true class favoured, every 11th row ignored.
    rs = np.random.RandomState(12)
    y = rs.randint(0, 3, 600)
    a = np.ones((600, 3))
    a[np.arange(600), y] += 1.5
    p = np.array([rs.dirichlet(row) for row in a])
    p = np.round(p, 2)
    p[::37] = [0.4, 0.4, 0.2]  # equal maxima: numpy's argmax takes the first
    y[::11] = -100
    out.append(multiclass_case("three_class_600", p, y))
    return out


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "cases.json"), "w") as f:
        json.dump(clean(infinities_as_text({"rules": RULES, "cases": cases()})), f, separators=(",", ":"))
        f.write("\n")
