#!/usr/bin/python3
"""Reference values for tests/calibration: scikit-learn 1.2.1 calibration_curve (uniform and
quantile), brier_score_loss and log_loss, ECE / MCE by hand, the temperature of scipy's bounded
minimiser on log T (then refined by Newton steps on 1 / T), and the focal loss before and after scaling.

Writes the inputs as CSV files under tests/data/calibration/ (label column first, numbers in
Python's shortest round-trip form, so the C++ side reads the same doubles) and the results as
fixtures/calibration/<case>.json. Run with Debian's /usr/bin/python3.
"""
import json
import os

import numpy as np
from scipy.optimize import minimize_scalar
from scipy.special import expit, log_softmax, logsumexp
from sklearn.calibration import calibration_curve
from sklearn.metrics import brier_score_loss, log_loss

from fixture_json import clean

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(os.path.dirname(HERE), "data", "calibration")
OUT = os.path.join(HERE, "fixtures", "calibration")
IGNORE = -100
EPS = np.finfo(np.float64).eps  # log_loss's clip in scikit-learn 1.2.1
BOUNDS = (np.log(0.01), np.log(100.0))  # log T, as temperature_scaling.h
ALPHA, GAMMA = 0.25, 2.0  # the CLI's defaults


# ---------------------------------------------------------------- inputs
def binary_probabilities(rng, n):
    y = (rng.random(n) < 0.4).astype(np.int64)
    p = np.clip(0.35 + 0.3 * (2 * y - 1) * rng.random(n) + 0.25 * rng.standard_normal(n), 0, 1)
    # exact edges of the uniform bins (k * (1 / 15), as np.linspace), 0, 1/2 and 1
    p[:16] = np.linspace(0.0, 1.0, 16)
    p[16] = 0.5
    return y, p[:, None]


def binary_logits(rng, n):
    y = (rng.random(n) < 0.3).astype(np.int64)
    x = 2.5 * (1.2 * y - 0.6 + 0.8 * rng.standard_normal(n))  # overconfident: T > 1
    return y, x[:, None]


def multiclass_logits(rng, n, classes=3):
    y = rng.integers(0, classes, n)
    x = 1.8 * rng.standard_normal((n, classes))
    x[np.arange(n), y] += 2.5
    x *= 2.0
    return y, x


def multiclass_probabilities(rng, n, classes=3):
    y, x = multiclass_logits(rng, n, classes)
    p = np.exp(log_softmax(0.5 * x, axis=1))
    return y, p


# ---------------------------------------------------------------- references
def curve(outcome, predicted, bins, strategy):
    """calibration_curve plus what it does not return: counts and edges of its non-empty bins."""
    prob_true, prob_pred = calibration_curve(outcome, predicted, n_bins=bins, strategy=strategy)
    if strategy == "quantile":
        edges = np.percentile(predicted, np.linspace(0, 1, bins + 1) * 100)
    else:
        edges = np.linspace(0.0, 1.0, bins + 1)
    ids = np.searchsorted(edges[1:-1], predicted)
    total = np.bincount(ids, minlength=len(edges))
    nonzero = np.nonzero(total)[0]
    counts = total[nonzero]
    gaps = np.abs(prob_true - prob_pred)
    ece = 0.0
    for count, gap in zip(counts, gaps):
        ece += count / predicted.size * gap
    return {"edges": edges, "lo": edges[nonzero], "hi": edges[nonzero + 1], "count": counts,
            "mean_predicted": prob_pred, "fraction_positive": prob_true, "ece": ece,
            "mce": gaps.max()}


def top_label(y, p):
    full = np.hstack([1 - p, p]) if p.shape[1] == 1 else p
    best = np.argmax(full, axis=1)
    return full[np.arange(len(y)), best], (best == y).astype(np.int64)


def probabilities_of(y, s, kind):
    if kind == "probabilities":
        return s
    return expit(s) if s.shape[1] == 1 else np.exp(log_softmax(s, axis=1))


def base_logits(s, kind):
    if kind == "logits":
        return s
    q = np.clip(s, EPS, 1 - EPS)
    return np.log(q) - np.log1p(-q) if s.shape[1] == 1 else np.log(q)


def nll_at(y, x, temperature):
    z = x / temperature
    if x.shape[1] == 1:
        z = z[:, 0]
        return float(np.mean(np.logaddexp(0.0, z) - y * z))
    return float(np.mean(logsumexp(z, axis=1) - z[np.arange(len(y)), y]))


def newton_refined(y, x, temperature):
    """Newton steps on s = 1 / T (the NLL is convex in s) from scipy's T: the exact minimiser,
    so that the fixture's T is not limited by the bounded minimiser's sqrt(eps) tolerance."""
    s = 1.0 / temperature
    for _ in range(6):
        if x.shape[1] == 1:
            x1, z = x[:, 0], s * x[:, 0]
            p = expit(z)
            g, h = np.mean((p - y) * x1), np.mean(p * (1 - p) * x1 * x1)
        else:
            p = np.exp(log_softmax(s * x, axis=1))
            mean = np.sum(p * x, axis=1)
            g = np.mean(mean - x[np.arange(len(y)), y])
            h = np.mean(np.sum(p * x * x, axis=1) - mean * mean)
        s -= g / h
    return 1.0 / s


def scaled_probabilities(x, temperature):
    return expit(x / temperature) if x.shape[1] == 1 else np.exp(log_softmax(x / temperature, axis=1))


def focal_loss(y, p):
    """The session's focal loss on probabilities: sigmoid (torchvision, clamped BCE) for one
    column, else softmax (the seed's, p_t clamped at 1e-12), alpha 0.25, gamma 2, mean."""
    if p.shape[1] == 1:
        q = np.clip(p[:, 0], 1e-12, 1 - 1e-12)
        ce = -(y * np.log(q) + (1 - y) * np.log1p(-q))
        pt = q * y + (1 - q) * (1 - y)
        at = ALPHA * y + (1 - ALPHA) * (1 - y)
        return float(np.mean(at * ce * (1 - pt) ** GAMMA))
    weights = np.array([ALPHA] + [1 - ALPHA] * (p.shape[1] - 1))
    pt = p[np.arange(len(y)), y]
    logpt = np.log(np.maximum(pt, 1e-12))
    return float(np.mean(-weights[y] * np.maximum(1 - pt, 0) ** GAMMA * logpt))


def focal_loss_logits(y, x):
    if x.shape[1] == 1:
        z = x[:, 0]
        ce = np.logaddexp(0.0, z) - y * z
        p = expit(z)
        pt = p * y + (1 - p) * (1 - y)
        at = ALPHA * y + (1 - ALPHA) * (1 - y)
        return float(np.mean(at * ce * (1 - pt) ** GAMMA))
    weights = np.array([ALPHA] + [1 - ALPHA] * (x.shape[1] - 1))
    logpt = log_softmax(x, axis=1)[np.arange(len(y)), y]
    pt = np.exp(logpt)
    return float(np.mean(-weights[y] * (1 - pt) ** GAMMA * logpt))


def reference(y_all, s_all, kind):
    keep = y_all != IGNORE
    y, s = y_all[keep], s_all[keep]
    p = probabilities_of(y, s, kind)
    classes = s.shape[1]
    out = {"kind": kind, "rows": int(len(y_all)), "counted": int(keep.sum())}
    for strategy, bins in (("uniform", 15), ("quantile", 10)):
        per_class = []
        for c in range(classes):
            outcome = (y == (1 if classes == 1 else c)).astype(np.int64)
            entry = curve(outcome, p[:, c], bins, strategy)
            entry["brier"] = brier_score_loss(outcome, p[:, c])
            per_class.append(entry)
        conf, correct = top_label(y, p)
        out[strategy] = {"bins": bins, "per_class": per_class,
                         "top_label": curve(correct, conf, bins, strategy)}
    onehot = np.eye(max(classes, 2))[y]
    out["brier"] = (brier_score_loss(y, p[:, 0]) if classes == 1
                    else float(np.mean(np.sum((p - onehot) ** 2, axis=1))))
    out["nll"] = (log_loss(y, p[:, 0], labels=[0, 1]) if classes == 1
                  else log_loss(y, p, labels=list(range(classes))))
    # temperature: scipy's bounded Brent on log T
    x = base_logits(s, kind)
    fit = minimize_scalar(lambda u: nll_at(y, x, np.exp(u)), bounds=BOUNDS, method="bounded",
                          options={"xatol": 1e-12, "maxiter": 1000})
    t_scipy = float(np.exp(fit.x))
    t = float(newton_refined(y, x, t_scipy))
    assert abs(t / t_scipy - 1) < 1e-6, (t, t_scipy)
    scaled = scaled_probabilities(x, t)
    conf_after, correct_after = top_label(y, scaled)
    out["temperature"] = {
        "value": t, "value_scipy": t_scipy, "nll_before": nll_at(y, x, 1.0), "nll_after": nll_at(y, x, t),
        "ece_before": out["uniform"]["top_label"]["ece"],
        "ece_after": curve(correct_after, conf_after, 15, "uniform")["ece"],
        "focal_loss_before": focal_loss_logits(y, s) if kind == "logits" else focal_loss(y, s),
        "focal_loss_after": focal_loss_logits(y, s / t) if kind == "logits"
        else focal_loss(y, scaled)}
    # sanity: the minimiser's T is a minimum of the objective
    for factor in (0.999, 1.001):
        assert nll_at(y, x, t * factor) >= out["temperature"]["nll_after"] - 1e-12
    return out


def sigmoid_reference(y_all, x_all):
    """Sigmoid mode on C >= 2 logits: every column its own binary problem sigmoid(x_c) against
    [y == c]; the NLL and the temperature's objective are means over all N x C elements."""
    keep = y_all != IGNORE
    y, x = y_all[keep], x_all[keep]
    classes = x.shape[1]
    p = expit(x)
    onehot = np.eye(classes, dtype=np.int64)[y]
    per_class = []
    for c in range(classes):
        outcome = (y == c).astype(np.int64)
        entry = curve(outcome, p[:, c], 15, "uniform")
        entry["brier"] = brier_score_loss(outcome, p[:, c])
        per_class.append(entry)
    conf, correct = top_label(y, p)
    flat_y, flat_x = onehot.ravel(), x.ravel()[:, None]
    fit = minimize_scalar(lambda u: nll_at(flat_y, flat_x, np.exp(u)), bounds=BOUNDS,
                          method="bounded", options={"xatol": 1e-12, "maxiter": 1000})
    t_scipy = float(np.exp(fit.x))
    t = float(newton_refined(flat_y, flat_x, t_scipy))
    assert abs(t / t_scipy - 1) < 1e-6, (t, t_scipy)
    return {"uniform": {"bins": 15, "per_class": per_class,
                        "top_label": curve(correct, conf, 15, "uniform")},
            "brier": float(np.mean(np.sum((p - onehot) ** 2, axis=1))),
            "nll": log_loss(flat_y, p.ravel(), labels=[0, 1]),
            "temperature": {"value": t, "value_scipy": t_scipy,
                            "nll_before": nll_at(flat_y, flat_x, 1.0),
                            "nll_after": nll_at(flat_y, flat_x, t)}}


def write_csv(path, y, s):
    names = ["score"] if s.shape[1] == 1 else [f"c{c}" for c in range(s.shape[1])]
    with open(path, "w") as f:
        f.write(",".join(["label"] + names) + "\n")
        for label, row in zip(y, s):
            f.write(",".join([str(int(label))] + [repr(float(v)) for v in row]) + "\n")


def main():
    os.makedirs(DATA, exist_ok=True)
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(20261202)
    cases = {
        "binary_probabilities": (binary_probabilities(rng, 500), "probabilities"),
        "binary_logits": (binary_logits(rng, 500), "logits"),
        "multiclass_probabilities": (multiclass_probabilities(rng, 600), "probabilities"),
        "multiclass_logits": (multiclass_logits(rng, 600), "logits"),
    }
    for name, ((y, s), kind) in cases.items():
        if name == "multiclass_logits":
            y = y.copy()
            y[[3, 50, 51, 400, 599]] = IGNORE  # ignored rows: left out of every number
        write_csv(os.path.join(DATA, name + ".csv"), y, s)
        result = reference(y, s, kind)
        if name == "multiclass_logits":
            result["sigmoid"] = sigmoid_reference(y, s)
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(clean(result), f, indent=1)
            f.write("\n")
        print(f"{name}: T = {result['temperature']['value']:.6f}, "
              f"ECE {result['temperature']['ece_before']:.4f} -> "
              f"{result['temperature']['ece_after']:.4f}")


if __name__ == "__main__":
    main()
