"""Mergeable summaries of a classifier's predictions, for Focalscope (format version 1).

A summary replaces N rows of predictions by counts in fixed bins, so that ROC, PR, AUROC (with
an exact interval) and focal loss for any alpha and gamma (with an exact bracket) can be
computed from it in O(bins), whatever N. Summaries of two partitions of the rows merge by
adding their counts, so any map-reduce engine builds one: ``summarize_dask`` here, Spark the
same way (see README.md, "Summaries").

Binning (the same grid for scores and p_t; all choices are stored in the file):

* Every number is binned by its *logit*, z = log(p) - log(1 - p), on a uniform grid of
  width h = 2**-SCALE_BITS over [-RANGE, RANGE] (RANGE = 16, h = 2**-11: 65536 interior bins),
  plus an underflow bin (z < -RANGE, index 0) and an overflow bin (z >= RANGE, index B - 1).
  Interior bin k (1 <= k <= B - 2) holds z in [-RANGE + (k - 1) h, -RANGE + k h).
  Because h and RANGE are powers of two the index floor(z / h) + RANGE / h + 1 is computed
  without rounding, identically here and in C++ (core/summary/summary_binning.h).
* Scores: the score Focalscope's ROC ranks -- the probability as given; for logits of C >= 2
  classes the softmax probability computed as core/roc/ranking_view.h does
  (exp(x_c - max) / sum exp(x - max)), then its logit log(p) - log1p(-p); for a single logit
  column (binary logits) the logit itself. The bin is a non-decreasing function of the ranked
  score, so the binned ranking never reverses two rows, only ties them: the true AUROC lies
  within +- w of the binned one, w = sum_b pos_b neg_b / (2 P N).
  Measured on the demo (resources/demo/demo.npz, 20000 x 5 logits): interval widths 2w of
  1.26e-5 to 2.23e-5 per class (budget 1e-4); ``/usr/bin/python3 python/focalscope_summary.py
  --demo`` prints them. Logit bins rather than the top bits of the double's order-preserving
  key: the key gives 2^k bins per binade, too few in [0.5, 1) where confident positives pile up.
* Ranking ties: rows the float64 softmax rounds to the same probability stay tied (the bin is a
  function of the ranked probability, not of the logits), as in core's exact AUROC.
* p_t: the probability of the row's target, binned by its logit: for logits of C >= 2 classes
  z = x_t - logsumexp_{c != t} x_c (stable); for probabilities logit(p_t); for binary rows
  (C == 1, sigmoid loss) z = x (y = 1) or -x (y = 0), resp. +-logit(p). Counted per target
  (C targets; 2 for a binary task: negatives and positives). (1 - p)^gamma (-log p) decreases
  in p, so evaluating each bin at its two edges brackets the focal loss exactly; the under- and
  overflow bins use the exact per-target min and max of z as their outer edges. Measured
  bracket widths: 1.5e-4 to 5.4e-4 of the loss (tests/reference/gen_summary.py's cases).
* Not supported from a summary: sigmoid focal loss of a multiclass task (its p_t bins are the
  softmax p_t), one-vs-one AUROC, per-row views. NumPy's and C++'s exp / log may differ in the
  last bit, so a row on a bin edge may land in the neighbouring bin in the other language;
  the bounds still hold (the bin stays a monotone function of the score in each).

File (.npz, written by ``save``; every array listed in FIELDS): format_version (1), kind
('logits' or 'probabilities'), task ('binary' or 'multiclass'), class_names (C), scale_bits and
range (the grid), pos_counts and neg_counts (C x B int64), pt_counts (T x B int64), samples and
ignored (row counts), score_min and score_max (C float64: the exact extreme ranked scores over
counted rows, NaN for none), pt_logit_min and pt_logit_max (T float64), ignore_index.

API: summarize(scores, labels, kind='auto', ignore_index=-100, class_names=None),
summarize_dask(scores, labels, ...), merge(a, b), save(summary, path), load(path),
auroc_interval(summary) (a NumPy mirror of the C++ numbers, for tests).
"""
import numpy as np

FORMAT_VERSION = 1
SCALE_BITS = 11
RANGE = 16
FIELDS = (
    "format_version", "kind", "task", "class_names", "scale_bits", "range", "ignore_index",
    "pos_counts", "neg_counts", "pt_counts", "samples", "ignored",
    "score_min", "score_max", "pt_logit_min", "pt_logit_max",
)
COUNT_FIELDS = ("pos_counts", "neg_counts", "pt_counts", "samples", "ignored")


def bin_count(scale_bits=SCALE_BITS, value_range=RANGE):
    """B: the interior bins plus the under- and overflow bins."""
    return 2 * value_range * (1 << scale_bits) + 2


def bin_index(z, scale_bits=SCALE_BITS, value_range=RANGE):
    """The bin of each logit z (exact: z * 2**scale_bits is a power-of-two scaling)."""
    half = value_range << scale_bits
    z = np.asarray(z, dtype=np.float64)
    scaled = np.empty(z.shape)  # an array even for a 0-d z, for the in-place steps
    np.multiply(z, float(1 << scale_bits), out=scaled)  # exact, +-inf kept
    np.floor(scaled, out=scaled)
    scaled += half + 1
    # Under- and overflow (and +-inf) to the outer bins; the clipped values are integers.
    np.clip(scaled, 0, 2 * half + 1, out=scaled)
    return scaled.astype(np.int64)


def bin_edges(scale_bits=SCALE_BITS, value_range=RANGE):
    """Lower edge (logit) of each interior bin 1..B-2, i.e. edge[k] for k = 1..B-1."""
    half = value_range << scale_bits
    return np.ldexp(np.arange(-half, half + 1, dtype=np.float64), -scale_bits)


def _logit(p):
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.log(p) - np.log1p(-p)


def detect_kind(scores):
    """DESIGN.md's auto rule: probabilities when all in [0, 1] and (C == 1 or rows sum to 1)."""
    scores = np.asarray(scores, dtype=np.float64)
    if scores.size == 0 or scores.min() < 0 or scores.max() > 1:
        return "logits"
    if scores.shape[1] == 1 or np.abs(scores.sum(axis=1) - 1).max() <= 1e-3:
        return "probabilities"
    return "logits"


def _as_matrix(scores):
    scores = np.asarray(scores, dtype=np.float64)
    if scores.ndim == 1:
        scores = scores[:, None]
    return scores.reshape(-1, scores.shape[-1])


def _ranked(x, kind):
    """Per column, the score the ROC ranks and its logit (see the module docstring): the
    logit of the ranked score is the bin's argument, the score itself gives the extremes."""
    if kind == "probabilities":
        return x, _logit(np.clip(x, 0.0, 1.0))
    if x.shape[1] == 1:
        return x, x
    e = x - x.max(axis=1, keepdims=True)
    np.exp(e, out=e)
    e /= e.sum(axis=1, keepdims=True)
    return e, _logit(e)


def _pt_logits(x, y, kind):
    """Per row, logit(p_t) and the target index t (0..T-1)."""
    n, c = x.shape
    if c == 1:
        z = x[:, 0] if kind == "logits" else _logit(np.clip(x[:, 0], 0.0, 1.0))
        t = (y != 0).astype(np.int64)
        return np.where(t == 1, z, -z), t
    t = y.astype(np.int64)
    if kind == "probabilities":
        return _logit(np.clip(x[np.arange(n), t], 0.0, 1.0)), t
    others = x.copy()
    others[np.arange(n), t] = -np.inf
    m = others.max(axis=1)
    with np.errstate(invalid="ignore"):
        lse = m + np.log(np.exp(others - m[:, None]).sum(axis=1))
    return x[np.arange(n), t] - lse, t


def _empty(c, kind, class_names, ignore_index):
    b = bin_count()
    targets = 2 if c == 1 else c
    nan = np.full(c, np.nan)
    return {
        "format_version": np.int64(FORMAT_VERSION), "kind": kind,
        "task": "binary" if c == 1 else "multiclass",
        "class_names": np.array(class_names if class_names is not None
                                else [str(i) for i in range(c)], dtype=str),
        "scale_bits": np.int64(SCALE_BITS), "range": np.int64(RANGE),
        "ignore_index": np.int64(ignore_index),
        "pos_counts": np.zeros((c, b), np.int64), "neg_counts": np.zeros((c, b), np.int64),
        "pt_counts": np.zeros((targets, b), np.int64),
        "samples": np.int64(0), "ignored": np.int64(0),
        "score_min": nan.copy(), "score_max": nan.copy(),
        "pt_logit_min": np.full(targets, np.nan), "pt_logit_max": np.full(targets, np.nan),
    }


def summarize(scores, labels, kind="auto", ignore_index=-100, class_names=None):
    """The summary of one partition held in NumPy arrays.

    scores: N x C (C == 1 or 1-D: binary, the positive class's score), labels: N integers
    (0/1 or bool for binary); rows whose label is ignore_index are counted as ignored only.
    """
    x = _as_matrix(scores)
    y = np.asarray(labels).reshape(-1)
    if y.dtype == np.bool_:
        y = y.astype(np.int64)
    if len(y) != len(x):
        raise ValueError(f"{len(x)} score rows but {len(y)} labels")
    if kind == "auto":
        kind = detect_kind(x)
    if kind not in ("logits", "probabilities"):
        raise ValueError(f"kind must be auto, logits or probabilities, not {kind!r}")
    n, c = x.shape
    s = _empty(c, kind, class_names, ignore_index)
    keep = y != ignore_index
    s["samples"] = np.int64(n)
    counted = int(keep.sum())
    s["ignored"] = np.int64(n - counted)
    if counted < n:  # no copy of the rows when none is ignored
        x, y = x[keep], y[keep]
    y = y.astype(np.int64, copy=False)
    classes = 2 if c == 1 else c
    if len(y) and (y.min() < 0 or y.max() >= classes):
        bad = int(np.flatnonzero((y < 0) | (y >= classes))[0])
        raise ValueError(f"label {y[bad]} outside [0, {classes}) in a counted row")
    if not np.isfinite(x).all():
        raise ValueError("non-finite score in a counted row")
    if len(y) == 0:
        return s
    b = bin_count()
    if c > 1 and kind == "logits":
        _count_softmax(s, x, y, b)
        return s
    ranked, z = _ranked(x, kind)
    _count_scores(s, ranked.T, z.T, y, b)
    zt, t = _pt_logits(x, y, kind)
    _count_pt(s, zt, t, b)
    return s


def _count_scores(s, ranked, z, y, b):
    """The score counts and extremes of every column from C x N arrays (a column a row): one
    bincount of (column * B + bin) * 2 + positive."""
    c = z.shape[0]
    key = bin_index(z)
    key *= 2
    if c == 1:
        key[0] += y == 1
    else:
        key += y == np.arange(c)[:, None]
    key += (np.arange(c) * (2 * b))[:, None]
    both = np.bincount(key.ravel(), minlength=2 * b * c).reshape(c, b, 2)
    s["neg_counts"] = both[:, :, 0].copy()
    s["pos_counts"] = both[:, :, 1].copy()
    s["score_min"] = ranked.min(axis=1)
    s["score_max"] = ranked.max(axis=1)


def _count_pt(s, zt, t, b):
    """The p_t counts and the exact extremes of logit(p_t) of every target."""
    classes = s["pt_counts"].shape[0]
    s["pt_counts"] = np.bincount(t * b + bin_index(zt), minlength=classes * b).reshape(classes, b)
    for target in range(classes):
        mine = zt[t == target]
        if len(mine):
            s["pt_logit_min"][target] = mine.min()
            s["pt_logit_max"][target] = mine.max()


# Below this, a probability's log may have lost its exactness (subnormal) or be -inf.
_TINY = 1e-290


def _count_softmax(s, x, y, b):
    """summarize for logits of C >= 2 classes, the hot path (bench/summary_scale.py), in C x N
    layout (a class a row: NumPy's per-row reductions over 5 columns are slow, elementwise ones
    over rows fast) and with one exp per element: the softmax p as _ranked computes it, the
    classes summed in order as core/roc/ranking_view.h does (the same bits as _ranked up to 8
    classes; beyond, NumPy's pairwise row sums may differ in the last bit), its logit
    log(p) - log1p(-p) for the score bins,
    then logit(p_t) = log(p_t) - log(sum_{c != t} p_c) from the same p and log(p) (a sum of the
    others, no cancellation as in 1 - p_t). Rows where p_t or the others' sum is below _TINY
    (logits ~660 apart) take _pt_logits' formula instead, which holds there."""
    n = x.shape[0]
    p = x.T.copy()  # always a copy (x may be the caller's array): the steps below are in place
    p -= p.max(axis=0)
    np.exp(p, out=p)
    p /= p.sum(axis=0)
    with np.errstate(divide="ignore"):
        log_p = np.log(p)
        z = np.log1p(-p)
    np.subtract(log_p, z, out=z)
    _count_scores(s, p, z, y, b)
    del z
    at_target = y * n + np.arange(n)  # (t, row) in the C x N arrays, flat
    p_t = p.ravel()[at_target]
    p.ravel()[at_target] = 0.0
    others = p.sum(axis=0)
    with np.errstate(divide="ignore"):
        zt = log_p.ravel()[at_target]
        zt -= np.log(others)
    bad = np.flatnonzero((p_t < _TINY) | (others < _TINY))
    if len(bad):
        zt[bad] = _pt_logits(x[bad], y[bad], "logits")[0]
    _count_pt(s, zt, y, b)


def _check_compatible(a, b):
    for key in ("format_version", "kind", "task", "scale_bits", "range", "ignore_index"):
        if a[key] != b[key]:
            raise ValueError(f"cannot merge summaries with different {key}: {a[key]} vs {b[key]}")
    if list(a["class_names"]) != list(b["class_names"]):
        raise ValueError("cannot merge summaries with different class names")


def merge(a, b):
    """The summary of the union of the two partitions a and b summarise: counts add, extremes
    take min / max (NaN means no rows)."""
    _check_compatible(a, b)
    out = dict(a)
    for key in COUNT_FIELDS:
        out[key] = a[key] + b[key]
    out["score_min"] = np.fmin(a["score_min"], b["score_min"])
    out["score_max"] = np.fmax(a["score_max"], b["score_max"])
    out["pt_logit_min"] = np.fmin(a["pt_logit_min"], b["pt_logit_min"])
    out["pt_logit_max"] = np.fmax(a["pt_logit_max"], b["pt_logit_max"])
    return out


def summarize_dask(scores, labels, kind="auto", ignore_index=-100, class_names=None,
                   split_every=8):
    """The summary of dask arrays: one NumPy summary per row chunk (the map), then a tree of
    merges split_every wide (the reduce), computed on the current scheduler (a
    dask.distributed Client when one is active). Only summaries travel between workers."""
    import dask
    import dask.array as da

    if scores.ndim == 1:
        scores = scores[:, None]
    scores = scores.rechunk({1: -1})
    labels = labels.reshape(-1).rechunk({0: scores.chunks[0]})
    if kind == "auto":
        # Kind detection needs the whole column range first: one cheap reduction pass.
        low, high, dev = dask.compute(scores.min(), scores.max(),
                                      abs(scores.sum(axis=1) - 1).max())
        kind = ("probabilities" if low >= 0 and high <= 1
                and (scores.shape[1] == 1 or dev <= 1e-3) else "logits")
    blocks = [dask.delayed(summarize)(s, l, kind, ignore_index, class_names)
              for s, l in zip(scores.to_delayed().ravel(), labels.to_delayed().ravel())]
    while len(blocks) > 1:
        blocks = [dask.delayed(_merge_many)(*blocks[i:i + split_every])
                  for i in range(0, len(blocks), split_every)]
    return blocks[0].compute()


def _merge_many(*parts):
    out = parts[0]
    for part in parts[1:]:
        out = merge(out, part)
    return out


def save(summary, path):
    """Writes the summary as a compressed .npz (the counts are mostly zeros)."""
    arrays = {key: np.asarray(summary[key]) for key in FIELDS}
    arrays["kind"] = np.array(summary["kind"], dtype=str)
    arrays["task"] = np.array(summary["task"], dtype=str)
    np.savez_compressed(path, **arrays)


def load(path):
    with np.load(path, allow_pickle=False) as f:
        out = {key: f[key] for key in FIELDS}
    if int(out["format_version"]) != FORMAT_VERSION:
        raise ValueError(f"{path}: summary format {out['format_version']} is not {FORMAT_VERSION}")
    for key in ("format_version", "scale_bits", "range", "ignore_index", "samples", "ignored"):
        out[key] = np.int64(out[key])
    out["kind"] = str(out["kind"])
    out["task"] = str(out["task"])
    return out


def equal(a, b):
    """Whether two summaries hold the same counts, extremes and metadata."""
    for key in FIELDS:
        x, y = np.asarray(a[key]), np.asarray(b[key])
        if x.shape != y.shape:
            return False
        if x.dtype.kind == "f":
            if not np.array_equal(x, y, equal_nan=True):
                return False
        elif not np.array_equal(x, y):
            return False
    return True


def auroc_interval(summary, column):
    """(binned AUROC, w) of one class: the true AUROC lies in [A - w, A + w]."""
    pos = summary["pos_counts"][column].astype(np.float64)
    neg = summary["neg_counts"][column].astype(np.float64)
    p, n = pos.sum(), neg.sum()
    if p == 0 or n == 0:
        return float("nan"), float("nan")
    below = np.cumsum(neg) - neg
    area = (pos * (below + 0.5 * neg)).sum() / (p * n)
    return float(area), float((pos * neg).sum() / (2 * p * n))


def _softplus(z):
    return np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z)))


def focal_term(z, gamma, kind="logits", sigmoid=False):
    """(1 - p)^gamma (-log p) at p = sigmoid(z), with core's probability clamp for kind
    probabilities ([1e-12, 1] softmax, [1e-12, 1 - 1e-12] sigmoid); 0^0 = 1."""
    z = np.asarray(z, dtype=np.float64)
    if kind == "probabilities":
        low = _logit(np.float64(1e-12))
        high = -low if sigmoid else np.inf
        z = np.clip(z, low, high)
    with np.errstate(over="ignore", invalid="ignore"):
        weight = np.exp(-gamma * _softplus(z)) if gamma != 0 else np.ones_like(z)
        return weight * _softplus(-z)


def focal_bracket(summary, alpha_t, gamma):
    """[lo, hi] of the mean focal loss over counted rows; alpha_t: one weight per target."""
    bits, rng = int(summary["scale_bits"]), int(summary["range"])
    edges = bin_edges(bits, rng)
    counts = summary["pt_counts"].astype(np.float64)
    total_lo = total_hi = 0.0
    kind = summary["kind"]
    sigmoid = summary["task"] == "binary"
    for t in range(counts.shape[0]):
        if counts[t].sum() == 0:
            continue
        lower = np.concatenate(([summary["pt_logit_min"][t]], edges))
        upper = np.concatenate((edges, [summary["pt_logit_max"][t]]))
        lower = np.maximum(lower, summary["pt_logit_min"][t])
        upper = np.minimum(upper, summary["pt_logit_max"][t])
        used = counts[t] > 0
        hi = focal_term(lower[used], gamma, kind, sigmoid)
        lo = focal_term(upper[used], gamma, kind, sigmoid)
        total_lo += alpha_t[t] * (counts[t][used] * lo).sum()
        total_hi += alpha_t[t] * (counts[t][used] * hi).sum()
    rows = counts.sum()
    return total_lo / rows, total_hi / rows


def _demo_widths(path):
    with np.load(path) as f:
        s = summarize(f["logits"], f["labels"], kind="logits")
    return [auroc_interval(s, c)[1] for c in range(s["pos_counts"].shape[0])]


if __name__ == "__main__":
    import os
    import sys
    here = os.path.dirname(os.path.abspath(__file__))
    if sys.argv[1:] == ["--demo"]:
        widths = _demo_widths(os.path.join(here, "..", "resources", "demo", "demo.npz"))
        print("AUROC interval half-width w per class on the demo:",
              " ".join(f"{w:.3g}" for w in widths), f"(max width 2w = {2 * max(widths):.3g})")
