#!/usr/bin/python3
"""Writes the end-to-end CLI cases: input files under tests/data/cli/ and the values
scikit-learn and torch give for them in fixtures/cli/expected.json.

Each case: the focalscope-cli arguments (paths relative to tests/) and the expected JSON
fields. NaN is written as null. Run with Debian's python3 (numpy, scikit-learn, torch).
"""
import json
import os

import numpy as np
import torch
from scipy.stats import norm
from sklearn.metrics import average_precision_score, roc_auc_score

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.dirname(HERE)
DATA = os.path.join(TESTS, "data", "cli")
DEMO = os.path.join(os.path.dirname(TESTS), "resources", "demo", "demo.npz")


Z95 = float(norm.ppf(0.975))  # 1.959963984540054, pROC's qnorm(0.975)


def softmax_focal(logits, labels, alpha_weights, gamma, ignore_index=-100, log_probs=None):
    """The seed's focal loss (yatengLG), mean over non-ignored rows, in float64."""
    keep = labels != ignore_index
    x = torch.tensor(logits[keep], dtype=torch.float64)
    y = torch.tensor(labels[keep], dtype=torch.int64)
    if log_probs is None:
        logp = torch.log_softmax(x, dim=1)
    else:
        logp = torch.log(torch.clamp(torch.tensor(log_probs[keep], dtype=torch.float64), min=1e-12))
    logpt = logp.gather(1, y.view(-1, 1)).view(-1)
    pt = torch.exp(logpt)
    a = torch.tensor(alpha_weights, dtype=torch.float64)[y]
    rows = -a * torch.pow(torch.clamp(1 - pt, min=0), gamma) * logpt
    return rows.numpy(), pt.numpy(), keep


def sigmoid_focal_probabilities(p, y, alpha, gamma):
    """torchvision's sigmoid_focal_loss on probabilities (clamped BCE), per row."""
    p = torch.tensor(p, dtype=torch.float64)
    t = torch.tensor(y, dtype=torch.float64)
    pc = torch.clamp(p, 1e-12, 1 - 1e-12)
    ce = -(t * torch.log(pc) + (1 - t) * torch.log(1 - pc))
    p_t = p * t + (1 - p) * (1 - t)
    loss = ce * (1 - p_t) ** gamma
    if alpha >= 0:
        loss = (alpha * t + (1 - alpha) * (1 - t)) * loss
    return loss.numpy(), p_t.numpy()


def per_class(rows, labels, targets):
    total = rows.sum()
    out = []
    for c in range(targets):
        sel = rows[labels == c]
        out.append({"samples": int(sel.size),
                    "mean": float(sel.mean()) if sel.size else None,
                    "share": float(sel.sum() / total) if total > 0 else None})
    return out


def delong_ci(scores, truth):
    """DeLong's interval by the direct O(mn) structural components."""
    pos = scores[truth == 1].astype(np.float64)
    neg = scores[truth == 0].astype(np.float64)
    m, n = pos.size, neg.size
    if m < 2 or n < 2:
        return [None, None]
    psi = (pos[:, None] > neg[None, :]) + 0.5 * (pos[:, None] == neg[None, :])
    auc = psi.mean()
    v10 = psi.mean(axis=1)
    v01 = psi.mean(axis=0)
    var = v10.var(ddof=1) / m + v01.var(ddof=1) / n
    se = np.sqrt(var)
    return [float(max(0.0, auc - Z95 * se)), float(min(1.0, auc + Z95 * se))]


def softmax64(logits):
    """Softmax in float64, as Focalscope ranks logits."""
    x = logits.astype(np.float64)
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def multiclass_auroc(probs, labels):
    classes = probs.shape[1]
    onehot = np.eye(classes)[labels]
    per = [float(roc_auc_score(onehot[:, c], probs[:, c])) for c in range(classes)]
    ap = [float(average_precision_score(onehot[:, c], probs[:, c])) for c in range(classes)]
    ci = [delong_ci(probs[:, c], onehot[:, c]) for c in range(classes)]
    return {
        "auroc": {"per_class": per, "ci95": ci,
                  "macro": float(roc_auc_score(onehot, probs, average="macro")),
                  "weighted": float(roc_auc_score(onehot, probs, average="weighted")),
                  "micro": float(roc_auc_score(onehot, probs, average="micro")),
                  "ovo": float(roc_auc_score(labels, probs.astype(np.float64), multi_class="ovo",
                                             average="macro")),
                  "partial": None},
        "average_precision": {"per_class": ap, "macro": float(np.mean(ap))},
    }


def write_csv(name, header, rows):
    with open(os.path.join(DATA, name), "w", newline="") as f:
        f.write(",".join(header) + "\n")
        for r in rows:
            f.write(",".join(str(v) for v in r) + "\n")


def seed_binary_case():
    scores = np.array([0.13, 0.26, 0.08, 0.19, 0.34], dtype=np.float64)
    labels = np.array([0, 0, 1, 1, 1])
    write_csv("seed_binary.csv", ["label", "score"], zip(labels, ["0.13", "0.26", "0.08", "0.19", "0.34"]))
    rows, pt = sigmoid_focal_probabilities(scores.astype(np.float64), labels, 0.25, 2.0)
    total = rows.sum()
    return {
        "name": "seed binary (torchmetrics example)",
        "args": ["--json", "--max-fpr", "0.5", "data/cli/seed_binary.csv"],
        "expected": {
            "input": {"format": "csv", "task": "binary", "kind": "probabilities", "samples": 5,
                      "ignored": 0, "skipped": 0, "classes": 1},
            "focal_loss": {"mode": "sigmoid", "gamma": 2.0, "alpha": [0.75, 0.25],
                           "reduction": "mean", "value": float(rows.mean()),
                           "per_class": per_class(rows, labels, 2),
                           "easy_share": float(rows[pt > 0.5].sum() / total)},
            "auroc": {"value": float(roc_auc_score(labels, scores)),
                      "ci95": delong_ci(scores, labels),
                      "partial": float(roc_auc_score(labels, scores, max_fpr=0.5))},
            "average_precision": {"value": float(average_precision_score(labels, scores))},
        },
    }


def seed_multiclass_case():
    text = [["0.90", "0.05", "0.05"], ["0.05", "0.90", "0.05"], ["0.05", "0.05", "0.90"],
            ["0.85", "0.05", "0.10"], ["0.10", "0.10", "0.80"]]
    probs = np.array(text, dtype=np.float64)
    labels = np.array([0, 1, 1, 2, 2])
    write_csv("seed_multiclass.csv", ["target", "cat", "dog", "bird"], [[l] + t for l, t in zip(labels, text)])
    weights = [0.25, 0.75, 0.75]
    rows, pt, _ = softmax_focal(probs, labels, weights, 2.0, log_probs=probs)
    expected = {
        "input": {"format": "csv", "task": "multiclass", "kind": "probabilities", "samples": 5,
                  "classes": 3, "class_names": ["cat", "dog", "bird"]},
        "focal_loss": {"mode": "softmax", "alpha": weights, "value": float(rows.mean()),
                       "per_class": per_class(rows, labels, 3),
                       "easy_share": float(rows[pt > 0.5].sum() / rows.sum())},
    }
    expected.update(multiclass_auroc(probs, labels))
    return {"name": "seed three-class (torchmetrics example)",
            "args": ["--json", "data/cli/seed_multiclass.csv"], "expected": expected}


def ignore_index_case():
    rng = np.random.default_rng(7)
    n, classes = 200, 4
    labels = rng.integers(0, classes, size=n)
    logits = (rng.normal(size=(n, classes)) + 2.0 * np.eye(classes)[labels]).astype(np.float32)
    labels[rng.random(n) < 0.1] = 255
    write_csv("ignore_index.csv", ["label", "a", "b", "c", "d"],
              [[l] + [repr(float(v)) for v in row] for l, row in zip(labels, logits)])
    weights = [1.0, 2.0, 0.5, 1.5]
    rows, pt, keep = softmax_focal(logits, labels, weights, 1.5, ignore_index=255)
    kept_labels = labels[keep]
    expected = {
        "input": {"task": "multiclass", "kind": "logits", "samples": n,
                  "ignored": int((labels == 255).sum())},
        "focal_loss": {"mode": "softmax", "gamma": 1.5, "alpha": weights, "reduction": "sum",
                       "value": float(rows.sum()), "per_class": per_class(rows, kept_labels, classes),
                       "easy_share": float(rows[pt > 0.5].sum() / rows.sum())},
    }
    expected.update(multiclass_auroc(softmax64(logits[keep]), kept_labels))
    return {"name": "ignore index, per-class alpha, sum",
            "args": ["--json", "--ignore-index", "255", "--alpha", "1,2,0.5,1.5", "--gamma", "1.5",
                     "--reduction", "sum", "data/cli/ignore_index.csv"],
            "expected": expected}


def demo_case():
    demo = np.load(DEMO)
    logits, labels = demo["logits"], demo["labels"]
    weights = [0.25] + [0.75] * (logits.shape[1] - 1)
    rows, pt, _ = softmax_focal(logits, labels, weights, 2.0)
    expected = {
        "input": {"format": "npz", "task": "multiclass", "kind": "logits", "samples": int(labels.size),
                  "classes": 5, "class_names": [str(c) for c in demo["class_names"]]},
        "focal_loss": {"value": float(rows.mean()), "per_class": per_class(rows, labels, 5),
                       "easy_share": float(rows[pt > 0.5].sum() / rows.sum())},
    }
    aurocs = multiclass_auroc(softmax64(logits), labels)
    # The O(mn) DeLong is too large here; the unit tests cover it.
    del aurocs["auroc"]["ci95"]
    expected.update(aurocs)
    return {"name": "bundled demo", "args": ["--json", "../resources/demo/demo.npz"],
            "expected": expected}


def main():
    os.makedirs(DATA, exist_ok=True)
    cases = [seed_binary_case(), seed_multiclass_case(), ignore_index_case(), demo_case()]
    out = os.path.join(HERE, "fixtures", "cli")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "expected.json"), "w") as f:
        json.dump({"generator": "tests/reference/gen_cli.py", "cases": cases}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
