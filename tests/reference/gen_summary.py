#!/usr/bin/python3
"""Reference values for tests/summary: summaries made by python/focalscope_summary.py and the
numbers the C++ must give from them.

Writes fixtures/summary/<case>.npz (the summary), <case>_scores.npy / <case>_labels.npy (the
rows, for the CLI's summarize) and expected.json. For each case: the binned AUROC (scikit-learn's
roc_auc_score on the bin indices), its half-width w, scikit-learn's exact AUROC of the unbinned
scores, the binned AP (average_precision_score on the bin indices), DeLong on the bin indices
(gen_roc's midrank form), the focal-loss bracket and the exact focal loss (DESIGN.md's formulas
on every row). Run with Debian's /usr/bin/python3 (numpy 1.24, scikit-learn 1.2.1, scipy).
"""
import json
import math
import os
import sys
import warnings

import numpy as np
from sklearn.metrics import average_precision_score, roc_auc_score

from fixture_json import clean
from gen_roc import delong_interval

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "python"))
import focalscope_summary as fs  # noqa: E402

OUT = os.path.join(HERE, "fixtures", "summary")
warnings.filterwarnings("ignore")


def softmax(x):
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def exact_focal(x, y, kind, alpha_t, gamma):
    """Mean focal loss of the counted rows, row by row (DESIGN.md, Focal loss)."""
    if x.shape[1] == 1:  # sigmoid focal loss, torchvision
        s = x[:, 0]
        if kind == "logits":
            ce = np.maximum(s, 0) - s * y + np.log1p(np.exp(-np.abs(s)))
            p = 1 / (1 + np.exp(-s))
        else:
            p = np.clip(s, 1e-12, 1 - 1e-12)
            ce = -(y * np.log(p) + (1 - y) * np.log(1 - p))
        pt = p * y + (1 - p) * (1 - y)
        return float(np.mean(alpha_t[y] * ce * (1 - pt) ** gamma))
    n = len(y)
    if kind == "logits":
        m = x.max(axis=1, keepdims=True)
        logp = x - m - np.log(np.exp(x - m).sum(axis=1, keepdims=True))
        logpt = logp[np.arange(n), y]
        pt = np.exp(logpt)
    else:
        pt = x[np.arange(n), y]
        logpt = np.log(np.maximum(pt, 1e-12))
    return float(np.mean(-alpha_t[y] * np.clip(1 - pt, 0, None) ** gamma * logpt))


def case(name, x, y, kind, losses, ignore_index=-100):
    x = np.asarray(x, np.float64)
    if x.ndim == 1:
        x = x[:, None]
    s = fs.summarize(x, y, kind=kind, ignore_index=ignore_index)
    fs.save(s, os.path.join(OUT, name + ".npz"))
    np.save(os.path.join(OUT, name + "_scores.npy"), x if x.shape[1] > 1 else x[:, 0])
    np.save(os.path.join(OUT, name + "_labels.npy"), y.astype(np.int64))
    keep = y != ignore_index
    xk, yk = x[keep], y[keep]
    ranked = softmax(xk) if (kind == "logits" and x.shape[1] > 1) else xk
    z = fs._ranked(xk, kind)[1]
    classes = []
    for c in range(x.shape[1]):
        truth = (yk == 1) if x.shape[1] == 1 else (yk == c)
        bins = fs.bin_index(z[:, c])
        defined = 0 < truth.sum() < len(truth)
        area, w = fs.auroc_interval(s, c)
        delong = delong_interval(truth.astype(int), bins.astype(np.float64))
        classes.append({
            "binned_auroc": roc_auc_score(truth, bins) if defined else math.nan,
            "half_width": w,
            "exact_auroc": roc_auc_score(truth, ranked[:, c]) if defined else math.nan,
            "binned_ap": average_precision_score(truth, bins) if truth.any() else math.nan,
            "delong_se": delong["se"], "delong_lower": delong["lower"],
            "delong_upper": delong["upper"],
        })
        if defined:
            assert abs(area - classes[-1]["binned_auroc"]) < 1e-12
            assert abs(classes[-1]["exact_auroc"] - area) <= w + 1e-12
    loss_rows = []
    targets = 2 if x.shape[1] == 1 else x.shape[1]
    for alpha, gamma in losses:
        alpha_t = np.asarray(alpha, np.float64)
        assert len(alpha_t) == targets
        lo, hi = fs.focal_bracket(s, alpha_t, gamma)
        exact = exact_focal(xk, yk.astype(np.int64), kind, alpha_t, gamma)
        assert lo <= exact * (1 + 1e-12) and exact <= hi * (1 + 1e-12), (name, lo, exact, hi)
        loss_rows.append({"alpha": alpha_t, "gamma": gamma, "lower": lo, "upper": hi,
                          "exact": exact})
    return {"name": name, "kind": kind, "binary": x.shape[1] == 1, "samples": len(y),
            "ignored": int((~keep).sum()), "classes": classes, "focal": loss_rows}


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(20261202)
    cases = []
    # multiclass logits with ignored rows
    n, c = 3000, 4
    y = rng.integers(0, c, n)
    x = rng.normal(size=(n, c)) * 2.5
    x[np.arange(n), y] += 1.5
    y[::37] = -100
    cases.append(case("multiclass_logits", x, y, "logits",
                      [([0.25, 0.75, 0.75, 0.75], 2.0), ([1, 2, 3, 1], 0.5), ([1, 1, 1, 1], 0.0)]))
    # binary probabilities (sigmoid loss)
    yb = rng.integers(0, 2, 2000)
    pb = 1 / (1 + np.exp(-(rng.normal(size=2000) * 2 + 1.2 * yb)))
    cases.append(case("binary_probabilities", pb, yb, "probabilities",
                      [([0.75, 0.25], 2.0), ([1, 1], 0.0), ([0.5, 0.5], 5.0)]))
    # adversarial: every score in one bin
    cases.append(case("one_bin", np.full(500, 0.3) + rng.uniform(0, 1e-9, 500),
                      rng.integers(0, 2, 500), "probabilities", [([0.75, 0.25], 2.0)]))
    # adversarial: every row one class (AUROC undefined, loss defined)
    cases.append(case("one_class", rng.normal(size=400), np.ones(400, np.int64), "logits",
                      [([0.75, 0.25], 2.0)]))
    # the demo's distribution (20000 x 5 float32 logits)
    with np.load(os.path.join(HERE, "..", "..", "resources", "demo", "demo.npz")) as demo:
        cases.append(case("demo", demo["logits"].astype(np.float64), demo["labels"], "logits",
                          [([0.25, 0.75, 0.75, 0.75, 0.75], 2.0)]))
    os.remove(os.path.join(OUT, "demo_scores.npy"))
    os.remove(os.path.join(OUT, "demo_labels.npy"))
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(clean({"generator": "gen_summary.py", "bin_width": 2.0 ** -fs.SCALE_BITS,
                         "range": fs.RANGE, "cases": cases}), f, indent=1)
        f.write("\n")
    widths = [2 * k["half_width"] for k in cases[-1]["classes"]]
    print(f"demo: AUROC interval widths {', '.join(f'{w:.3g}' for w in widths)}")


if __name__ == "__main__":
    main()
