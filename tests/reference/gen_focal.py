#!/usr/bin/python3
"""Reference values for the focal loss (tests/loss), computed by torch 1.13 in float64 from the
same float32 inputs the C++ tests build with tests/common/test_rng.h.

Run from anywhere with Debian's python (numpy, torch):  /usr/bin/python3 tests/reference/gen_focal.py
Writes tests/reference/fixtures/focal/*.json. Deterministic: the case parameters come from a
fixed NumPy generator, the inputs from rng.py.

Conventions (mirrored in tests/loss/focal_case.h):
- labels: rng.random_labels(seed, n, targets) (targets = 2 for one column); then every row i with
  ignore_stride > 0 and i % ignore_stride == ignore_stride - 1 gets the ignore index -100.
- logits: rng.random_logits(seed, n, C, labels, signal) for C >= 2 (before ignoring); for one
  column rng.random_logits(seed, n, 1, zeros, 0) plus `signal` on the rows labelled 1.
- probabilities: rng.random_unit_scores(seed, n * C, bits) read row-major as n x C.
"""
import json
import math
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rng  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "focal")
IGNORE = -100
FLOOR = 1e-12
torch.set_default_dtype(torch.float64)


# ---------------------------------------------------------------------------------------------
# Inputs


def make_inputs(case):
    n, c, seed = case["n"], case["classes"], case["seed"]
    targets = 2 if c == 1 else c
    labels = rng.random_labels(seed, n, targets).astype(np.int64)
    if case["kind"] == "logits":
        if c == 1:
            scores = rng.random_logits(seed, n, 1, np.zeros(n, dtype=np.int64), 0.0)
            scores[labels == 1, 0] += np.float32(case["signal"])
        else:
            scores = rng.random_logits(seed, n, c, labels, case["signal"])
    else:
        scores = rng.random_unit_scores(seed, n * c, case["bits"]).reshape(n, c)
    stride = case["ignore_stride"]
    if stride > 0:
        labels[np.arange(n) % stride == stride - 1] = IGNORE
    assert scores.dtype == np.float32
    return scores, labels


def sample_rows(n, count):
    if n <= count:
        return list(range(n))
    return sorted(set(np.linspace(0, n - 1, count).round().astype(int).tolist()))


# ---------------------------------------------------------------------------------------------
# Reference losses (float64)


def softmax_alpha(alpha, targets):
    if alpha["mode"] == "scalar":
        a = alpha["scalar"]
        return torch.tensor([a] + [1.0 - a] * (targets - 1))
    if alpha["mode"] == "list":
        return torch.tensor(alpha["list"])
    return torch.ones(targets)


def softmax_log_probs(x, kind):
    """log p of every class, n x C (C >= 2), as the C++ takes them."""
    if kind == "logits":
        return F.log_softmax(x, dim=1)
    return torch.log(x.clamp(FLOOR, 1.0))


def softmax_rows(scores, labels, case, grad=False):
    """Per-row softmax focal loss (0 for ignored rows) and p_t, both float64; the seed's formula
    with 1 - p_t as -expm1(log p_t)."""
    x = torch.from_numpy(scores.astype(np.float64))
    n, c = x.shape
    kept = torch.from_numpy(labels != IGNORE)
    safe = torch.from_numpy(np.where(labels == IGNORE, 0, labels))
    if grad:
        if case["kind"] == "probabilities":
            leaf = torch.log(x.clamp_min(FLOOR)).requires_grad_(True)
            logp = F.log_softmax(leaf, dim=1)
        else:
            leaf = x.clone().requires_grad_(True)
            logp = F.log_softmax(leaf, dim=1)
    else:
        leaf = None
        logp = softmax_log_probs(x, case["kind"])
    lpt = logp.gather(1, safe.view(-1, 1)).view(-1)
    alpha_t = softmax_alpha(case["alpha"], c)[safe]
    q = -torch.expm1(lpt)
    loss = -alpha_t * torch.pow(q, case["gamma"]) * lpt
    loss = torch.where(kept, loss, torch.zeros_like(loss))
    alpha_t = torch.where(kept, alpha_t, torch.zeros_like(alpha_t))
    pt = torch.where(kept, torch.exp(lpt), torch.full_like(lpt, math.nan))
    return loss, pt, alpha_t, leaf


def sigmoid_alpha(alpha, c):
    """(positive weight per column or None) as torchvision's alpha (a list: one per column)."""
    if alpha["mode"] == "scalar":
        return torch.full((c,), alpha["scalar"]) if alpha["scalar"] >= 0 else None
    if alpha["mode"] == "list":
        return torch.tensor(alpha["list"])
    return None


def torchvision_sigmoid_focal_loss(inputs, targets, alpha, gamma):
    """torchvision.ops.sigmoid_focal_loss(reduction='none'), line for line, with alpha a scalar
    or a per-column tensor (None: no weighting)."""
    p = torch.sigmoid(inputs)
    ce_loss = F.binary_cross_entropy_with_logits(inputs, targets, reduction="none")
    p_t = p * targets + (1 - p) * (1 - targets)
    loss = ce_loss * ((1 - p_t) ** gamma)
    if alpha is not None:
        alpha_t = alpha * targets + (1 - alpha) * (1 - targets)
        loss = alpha_t * loss
    return loss


def sigmoid_elements(scores, labels, case, grad=False):
    """N x C element losses (zero rows for ignored labels), per-row p_t of the target column,
    alpha_t per element, and the leaf for autograd."""
    x = torch.from_numpy(scores.astype(np.float64))
    n, c = x.shape
    kept = torch.from_numpy(labels != IGNORE)
    safe = np.where(labels == IGNORE, 0, labels)
    if c == 1:
        y = torch.from_numpy(safe.astype(np.float64)).view(-1, 1)
    else:
        y = F.one_hot(torch.from_numpy(safe), c).to(torch.float64)
    alpha = sigmoid_alpha(case["alpha"], c)
    if c == 1 and case["alpha"]["mode"] == "list":
        alpha = torch.tensor(case["alpha"]["list"][-1:])  # one weight a: [1 - a, a]
    if case["kind"] == "logits":
        leaf = x.clone().requires_grad_(grad)
        loss = torchvision_sigmoid_focal_loss(leaf, y, alpha, case["gamma"])
        p = torch.sigmoid(leaf)
    elif grad:
        pc = x.clamp(FLOOR, 1 - FLOOR)
        leaf = (torch.log(pc) - torch.log1p(-pc)).requires_grad_(True)
        loss = torchvision_sigmoid_focal_loss(leaf, y, alpha, case["gamma"])
        p = torch.sigmoid(leaf)
    else:
        # clamped binary cross-entropy on probabilities, the same focal term
        leaf = None
        p = x.clamp(FLOOR, 1 - FLOOR)
        ce = -(y * torch.log(p) + (1 - y) * torch.log1p(-p))
        p_t = p * y + (1 - p) * (1 - y)
        loss = ce * ((1 - p_t) ** case["gamma"])
        if alpha is not None:
            loss = (alpha * y + (1 - alpha) * (1 - y)) * loss
    if alpha is not None:
        alpha_t = (alpha * y + (1 - alpha) * (1 - y)).expand(n, c)
    else:
        alpha_t = torch.ones(n, c)
    mask = kept.view(-1, 1).to(torch.float64)
    loss = loss * mask
    alpha_t = alpha_t * mask
    if c == 1:
        p_target = (p * y + (1 - p) * (1 - y)).view(-1)
    else:
        p_target = p.gather(1, torch.from_numpy(safe).view(-1, 1)).view(-1)
    pt = torch.where(kept, p_target.detach(), torch.full((n,), math.nan))
    return loss, pt, alpha_t, leaf


def reductions(per_row_sum, alpha_sum, divisor):
    total = float(per_row_sum)
    return {
        "mean": total / divisor if divisor > 0 else None,
        "sum": total,
        "weighted_mean": total / float(alpha_sum) if float(alpha_sum) != 0 else None,
    }


def num(v):
    v = float(v)
    return None if math.isnan(v) else v


def nums(t):
    return [num(v) for v in (t.tolist() if hasattr(t, "tolist") else t)]


# ---------------------------------------------------------------------------------------------
# Random cases


def draw_gamma(r):
    pick = r.integers(0, 6)
    return [0.0, 0.5, 1.0, 2.0, 5.0, float(np.round(r.uniform(0, 5), 6))][pick]


def draw_case(r, index, mode):
    classes = int(r.integers(2, 21))
    if mode == "sigmoid" and r.uniform() < 0.3:
        classes = 1
    if index < 3:  # one each of the smallest and largest sizes
        n = [1, 100000, 2][index]
    else:
        n = int(round(math.exp(r.uniform(0, math.log(100000)))))
    kind = "probabilities" if r.uniform() < 0.3 else "logits"
    targets = 2 if classes == 1 else classes
    alpha_mode = ["scalar", "list", "none"][r.integers(0, 3)]
    alpha = {"mode": alpha_mode}
    if alpha_mode == "scalar":
        alpha["scalar"] = 0.25 if r.uniform() < 0.3 else float(np.round(r.uniform(0, 1), 6))
        if mode == "sigmoid" and r.uniform() < 0.15:
            alpha["scalar"] = -1.0
    elif alpha_mode == "list":
        count = 1 if (mode == "sigmoid" and classes == 1) else classes
        hi = 1.0 if mode == "sigmoid" else 3.0
        alpha["list"] = [float(np.round(v, 6)) for v in r.uniform(0.05, hi, count)]
    return {
        "seed": int(r.integers(0, 2**53)),
        "n": n,
        "classes": classes,
        "kind": kind,
        "signal": float(r.choice([0.0, 2.0, 8.0, 16.0])) if kind == "logits" else 0.0,
        "bits": int(r.choice([4, 12, 24])) if kind == "probabilities" else 0,
        "ignore_stride": int(r.choice([0, 0, 3, 7])) if n > 1 else 0,
        "gamma": draw_gamma(r),
        "alpha": alpha,
        "targets": targets,
    }


def softmax_case(case, rows_count=64):
    scores, labels = make_inputs(case)
    loss, pt, alpha_t, _ = softmax_rows(scores, labels, case)
    counted = int((labels != IGNORE).sum())
    rows = sample_rows(case["n"], rows_count)
    out = dict(case)
    out.update(reductions(loss.sum(), alpha_t.sum(), counted))
    out.update({"counted": counted, "alpha_sum": float(alpha_t.sum()), "rows": rows,
                "per_row": nums(loss[rows]), "pt": nums(pt[rows])})
    return out


def sigmoid_case(case, rows_count=32):
    scores, labels = make_inputs(case)
    elements, pt, alpha_t, _ = sigmoid_elements(scores, labels, case)
    counted = int((labels != IGNORE).sum())
    per_row = elements.sum(dim=1)
    rows = sample_rows(case["n"], rows_count)
    out = dict(case)
    out.update(reductions(per_row.sum(), alpha_t.sum(), counted * case["classes"]))
    out.update({"counted": counted, "alpha_sum": float(alpha_t.sum()), "rows": rows,
                "per_row": nums(per_row[rows]), "pt": nums(pt[rows]),
                "elements": [nums(elements[i]) for i in rows]})
    return out


def gradient_case(case, rows_count=16):
    scores, labels = make_inputs(case)
    if case["mode"] == "softmax":
        loss, _, _, leaf = softmax_rows(scores, labels, case, grad=True)
    else:
        loss, _, _, leaf = sigmoid_elements(scores, labels, case, grad=True)
    loss.sum().backward()
    grad = leaf.grad
    assert torch.isfinite(grad).all(), case
    rows = sample_rows(case["n"], rows_count)
    out = dict(case)
    out.update({"rows": rows, "gradient": [nums(grad[i]) for i in rows]})
    return out


def views_case(case, points=40):
    scores, labels = make_inputs(case)
    if case["mode"] == "softmax":
        per_row, pt, _, _ = softmax_rows(scores, labels, case)
    else:
        elements, pt, _, _ = sigmoid_elements(scores, labels, case)
        per_row = elements.sum(dim=1)
    per_row = per_row.numpy()
    pt = pt.numpy()
    kept = labels != IGNORE
    out = dict(case)
    for name, group in (("background", kept & (labels == 0)), ("foreground", kept & (labels != 0))):
        losses = np.sort(per_row[group])
        total = losses.sum()
        cumulative = np.concatenate([[0.0], np.cumsum(losses) / total]) if total > 0 else np.zeros(len(losses) + 1)
        ks = sample_rows(len(losses) + 1, points)
        out[name] = {"rows": int(group.sum()), "k": ks, "cumulative": [float(cumulative[k]) for k in ks]}
    total = per_row[kept].sum()
    per_class = []
    for t in range(case["targets"]):
        sel = kept & (labels == t)
        per_class.append({"samples": int(sel.sum()),
                          "mean": float(per_row[sel].mean()) if sel.any() else None,
                          "share": float(per_row[sel].sum() / total) if total > 0 else None})
    out["per_class"] = per_class
    easy = np.where(kept & (np.nan_to_num(pt, nan=0.0) > 0.5), per_row, 0.0).sum()
    out["easy_share"] = float(easy / total) if total > 0 else None
    return out


# ---------------------------------------------------------------------------------------------
# Named cases


DEMO_LOGITS = [[-0.1329, 0.2031, 1.3218, -0.4981, -0.0344],
               [0.9031, -0.1756, 0.3095, 0.0399, 1.7733],
               [2.0802, -0.7316, -0.9271, -0.3036, -0.5895]]
DEMO_LABELS = [2, 3, 4]


def seed_focal_loss(preds, labels, alpha, gamma, size_average=True):
    """The seed's focal_loss.forward (yatengLG/Focal-Loss-Pytorch), transcribed."""
    num_classes = preds.size(-1)
    if isinstance(alpha, list):
        a = torch.tensor(alpha, dtype=preds.dtype)
    else:
        a = torch.zeros(num_classes, dtype=preds.dtype)
        a[0] += alpha
        a[1:] += 1 - alpha
    preds = preds.view(-1, preds.size(-1))
    preds_logsoft = F.log_softmax(preds, dim=1)
    preds_softmax = torch.exp(preds_logsoft)
    preds_softmax = preds_softmax.gather(1, labels.view(-1, 1))
    preds_logsoft = preds_logsoft.gather(1, labels.view(-1, 1))
    a = a.gather(0, labels.view(-1))
    loss = -torch.mul(torch.pow((1 - preds_softmax), gamma), preds_logsoft)
    loss = torch.mul(a, loss.t())
    return loss.mean() if size_average else loss.sum()


def demo_fixture():
    """The seed's Demo notebook input (yatengLG/Focal-Loss-Pytorch Demo.ipynb, as printed to 4
    decimals), which gives tensor(1.1915) and tensor(2.5672)."""
    x32 = torch.tensor(DEMO_LOGITS, dtype=torch.float32)
    x = x32.to(torch.float64)
    labels = torch.tensor(DEMO_LABELS)
    cases = []
    for alpha in (0.25, [1, 2, 3, 1, 2]):
        value = float(seed_focal_loss(x, labels, alpha, 2))
        cases.append({"alpha": alpha, "gamma": 2.0, "value": value,
                      "value_float32": float(seed_focal_loss(x32, labels, alpha, 2))})
    assert round(cases[0]["value"], 4) == 1.1915 and round(cases[1]["value"], 4) == 2.5672
    return {"logits": DEMO_LOGITS, "labels": DEMO_LABELS, "cases": cases}


def cross_entropy_fixture(r):
    """gamma = 0 against F.cross_entropy: alpha none (plain), list (weight=, weighted-mean),
    with the ignore index."""
    cases = []
    for k in range(12):
        classes = int(r.integers(2, 12))
        case = {"seed": int(r.integers(0, 2**53)), "n": int(r.integers(1, 3000)),
                "classes": classes, "kind": "logits", "signal": float(r.choice([0.0, 4.0])),
                "bits": 0, "ignore_stride": [0, 5][k % 2], "gamma": 0.0, "targets": classes}
        if k % 3 == 0:
            case["alpha"] = {"mode": "none"}
            weight = None
        else:
            case["alpha"] = {"mode": "list", "list": [float(np.round(v, 6)) for v in r.uniform(0.1, 2, classes)]}
            weight = torch.tensor(case["alpha"]["list"])
        scores, labels = make_inputs(case)
        x = torch.from_numpy(scores.astype(np.float64))
        y = torch.from_numpy(labels)
        if int((labels != IGNORE).sum()) == 0:
            continue
        case["ce_mean"] = float(F.cross_entropy(x, y, weight=weight, ignore_index=IGNORE, reduction="mean"))
        case["ce_sum"] = float(F.cross_entropy(x, y, weight=weight, ignore_index=IGNORE, reduction="sum"))
        cases.append(case)
    return cases


def bnc_fixture():
    """The seed's [B, N, C] layout: a 2 x 3 x 4 tensor through the seed's forward (view(-1, C));
    the C++ side reads the same numbers flattened row by row."""
    x = torch.tensor([[[0.5, -1.25, 2.0, 0.125], [1.5, 0.25, -0.75, 3.0], [-2.0, 0.0, 1.0, 0.5]],
                      [[0.75, 0.75, -1.5, 2.25], [4.0, -3.0, 0.5, 1.0], [0.0, 1.25, 2.5, -0.5]]])
    labels = torch.tensor([[0, 3, 2], [1, 0, 2]])
    return {"scores": x.reshape(-1, 4).tolist(), "labels": labels.reshape(-1).tolist(),
            "alpha": 0.25, "gamma": 2.0,
            "mean": float(seed_focal_loss(x, labels, 0.25, 2.0)),
            "sum": float(seed_focal_loss(x, labels, 0.25, 2.0, size_average=False))}


def binary_softmax_fixture():
    """Softmax mode on one score column: the two-class softmax of logits [0, x]."""
    x = torch.tensor([-3.5, -0.25, 0.0, 0.75, 2.5, 9.0], dtype=torch.float32).to(torch.float64)
    labels = torch.tensor([0, 1, 1, 0, 1, 0])
    two = torch.stack([torch.zeros_like(x), x], dim=1)
    return {"scores": x.tolist(), "labels": labels.tolist(), "alpha": 0.25, "gamma": 2.0,
            "mean": float(seed_focal_loss(two, labels, 0.25, 2.0))}


def main():
    os.makedirs(OUT, exist_ok=True)
    r = np.random.default_rng(20240611)
    softmax = [softmax_case(draw_case(r, i, "softmax") | {"mode": "softmax"}) for i in range(60)]
    sigmoid = [sigmoid_case(draw_case(r, i, "sigmoid") | {"mode": "sigmoid"}) for i in range(60)]
    gradients = []
    for i in range(60):
        mode = "softmax" if i % 2 == 0 else "sigmoid"
        case = draw_case(r, i // 2, mode) | {"mode": mode}
        if i % 10 == 1:  # fractional gamma with p_t close to 1
            case["gamma"], case["kind"], case["signal"], case["bits"] = 0.5, "logits", 16.0, 0
        gradients.append(gradient_case(case))
    views = []
    for i in range(50):
        mode = "softmax" if i % 3 else "sigmoid"
        views.append(views_case(draw_case(r, i, mode) | {"mode": mode}))
    special = {"demo": demo_fixture(), "cross_entropy": cross_entropy_fixture(r), "bnc": bnc_fixture(),
               "binary_softmax": binary_softmax_fixture()}
    for name, data in (("softmax_random", softmax), ("sigmoid_random", sigmoid),
                       ("gradient_random", gradients), ("views_random", views), ("special", special)):
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(data, f, separators=(",", ":"))
            f.write("\n")


if __name__ == "__main__":
    main()
