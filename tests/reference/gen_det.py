#!/usr/bin/python3
"""Reference values for tests/roc/tst_det_curve and the CLI's --det-csv: scikit-learn 1.2.1
det_curve and SciPy's norm.ppf (the probit).

Writes fixtures/roc/det_cases.json. Generated cases rebuild their inputs from rng.py as
gen_roc.py's binary_inputs does (bit-identical to tests/common/test_rng.h); small cases hold
their scores and labels. Run with Debian's /usr/bin/python3 (numpy, scipy, scikit-learn).
"""
import csv
import json
import os
import warnings

import numpy as np
import sklearn
from scipy.stats import norm
from sklearn.metrics import det_curve

from fixture_json import clean
from gen_roc import binary_inputs, sampled

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures", "roc")
CLI_DATA = os.path.join(os.path.dirname(HERE), "data", "cli")
warnings.filterwarnings("ignore")


def sk_det(y, s):
    fpr, fnr, thr = det_curve(y, s)
    return sampled({"fpr": fpr, "fnr": fnr, "thresholds": thr.astype(np.float64)}, fpr.size)


def explicit(name, scores, labels):
    s = np.asarray(scores, dtype=np.float64)
    y = np.asarray(labels, dtype=np.int64)
    return {"name": name, "scores": s, "labels": y, "det": sk_det(y, s)}


def explicit_cases():
    rs = np.random.RandomState(20261202)
    cases = [
        # scikit-learn's docstring example
        explicit("sklearn_doc", [0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]),
        # the seed's torchmetrics example
        explicit("seed_binary", [0.13, 0.26, 0.08, 0.19, 0.34], [0, 0, 1, 1, 1]),
        # every positive above every negative: one point, FPR 0 and FNR 0
        explicit("separated", [0.9, 0.8, 0.7, 0.3, 0.2, 0.1], [1, 1, 1, 0, 0, 0]),
        # FNR reaches 0 after two thresholds; the many negatives below are dropped
        explicit("fnr_zero_early", [0.99, 0.95, 0.9, 0.85] + list(np.linspace(0.8, 0.01, 40)),
                 [0, 1, 0, 1] + [0] * 40),
        # the top scores are negatives: FPR starts above 0 and the first point is kept
        explicit("fp_on_top", [0.9, 0.85, 0.6, 0.5, 0.4, 0.3, 0.2], [0, 0, 1, 0, 1, 1, 0]),
        # a positive and a negative tied on the top score
        explicit("top_tie", [0.9, 0.9, 0.5, 0.5, 0.4, 0.1], [1, 0, 1, 0, 1, 0]),
        # everything tied: one threshold
        explicit("all_tied", [0.5] * 6, [1, 0, 1, 0, 0, 0]),
    ]
    # heavy ties: scores on a 0.1 grid
    grid = np.round(rs.rand(300), 1)
    labels = (rs.rand(300) < 0.2 + 0.6 * grid).astype(np.int64)
    cases.append(explicit("ties_grid", grid, labels))
    return cases


def generated_cases():
    rs = np.random.RandomState(7)
    cases = []
    for k, n in enumerate([2, 3, 7, 40, 300, 2500, 20000, 100000]):
        groups = int(rs.randint(2, 6))
        case = {"seed": int(rs.randint(1, 2**31)), "n": n, "bits": int(rs.choice([2, 4, 10, 24])),
                "bits2": 2, "k": groups, "p": int(rs.randint(1, groups)), "round2": k % 3 == 2}
        s, y = binary_inputs(case)
        if y.min() == y.max():
            case["det"] = None  # scikit-learn raises: one class only
        else:
            case["det"] = sk_det(y, s.astype(np.float64))
        cases.append(case)
    return cases


def probit_values():
    ps = [1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 5e-4, 1e-3, 0.01, 0.02425, 0.025, 0.05, 0.1, 0.2, 0.3,
          0.45, 0.5, 0.55, 0.7, 0.8, 0.95, 0.97575, 0.98, 0.999, 0.9995, 1 - 1e-5, 1 - 1e-10,
          1 - 2.0**-53]
    ps += list(np.random.RandomState(3).rand(40))
    return [[p, float(norm.ppf(p))] for p in ps]


def cli_cases():
    """det_curve per class (one-vs-rest; a binary file: its one column) of the CLI's files."""
    out = {}
    for name in ("seed_binary.csv", "seed_multiclass.csv"):
        with open(os.path.join(CLI_DATA, name)) as f:
            rows = list(csv.reader(f))
        header, body = rows[0], rows[1:]
        y = np.array([int(r[0]) for r in body])
        scores = np.array([[float(v) for v in r[1:]] for r in body])
        classes = []
        if scores.shape[1] == 1:
            fpr, fnr, thr = det_curve(y, scores[:, 0])
            classes.append({"class": header[1], "fpr": fpr, "fnr": fnr, "thresholds": thr})
        else:
            for c in range(scores.shape[1]):
                fpr, fnr, thr = det_curve((y == c).astype(int), scores[:, c])
                classes.append({"class": header[c + 1], "fpr": fpr, "fnr": fnr, "thresholds": thr})
        out[name] = classes
    return out


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    payload = {"sklearn": sklearn.__version__, "explicit": explicit_cases(), "generated": generated_cases(),
               "probit": probit_values(), "cli": cli_cases()}
    with open(os.path.join(OUT, "det_cases.json"), "w") as f:
        json.dump(clean(payload), f, separators=(",", ":"))
        f.write("\n")
