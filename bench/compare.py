#!/usr/bin/python3
"""The work of bench/compare: writes identical data files, times the Python peers and
focalscope-bench on them in one interleaved run, measures the CLI's peak memory, and prints a
Markdown table of medians against DESIGN.md's performance budgets.

Run it through bench/compare (which installs the packages and builds the programs first), or
directly with Debian's python3 when the build is current:
    bench/compare.py --bench build/bench/focalscope-bench --cli build/app/focalscope-cli
"""
import argparse
import dataclasses
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

SEED = 20261128
ALPHA = 0.25  # FocalParams{} defaults: scalar alpha 0.25 (class 0), gamma 2, mean
GAMMA = 2.0
# The bootstrap item: Focalscope runs B replicates per timed call; the peer, resampling and
# scikit-learn's roc_auc_score, runs PEER_REPLICATES per call (each takes a good part of a
# second at 1M rows). The table compares the time per replicate.
BOOTSTRAP_REPLICATES = 2000
PEER_REPLICATES = 5


def log(message):
    print(message, file=sys.stderr, flush=True)


@dataclasses.dataclass
class Sizes:
    binary_rows: int
    rows: int
    classes: int
    bootstrap_rows: int


FULL = Sizes(binary_rows=10_000_000, rows=1_000_000, classes=10, bootstrap_rows=1_000_000)
QUICK = Sizes(binary_rows=1_000_000, rows=100_000, classes=10, bootstrap_rows=100_000)


# ---------------------------------------------------------------------------------------------
# Data: every file the peers and Focalscope read, from one seeded generator.

def softmax32(logits):
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return (e / e.sum(axis=1, keepdims=True)).astype(np.float32)


def generate(directory, sizes, seed):
    """Writes the files and returns their paths. Labels are int64, numpy's default integer
    (what np.save of a Python list of ints writes, and what torch's gather needs)."""
    rng = np.random.default_rng(seed)
    files = {}

    # Binary: the float64 sigmoid outputs of a model whose logit moves by 1.2 for positives
    # (AUROC about 0.8), computed and written in float64 as a float64 model gives them (nearly
    # every score distinct). The budgets of the binary items are defined on float64 scores
    # (DESIGN.md: np.sort "of the same scores as float64", memory "3x the raw score bytes
    # (float64)"). The same scores rounded to float32, a float32 model's file, are written too:
    # the CLI's peak memory is also measured on them (the reader widens them to float64).
    n = sizes.binary_rows
    labels = (rng.random(n) < 0.2).astype(np.int64)
    logits = rng.standard_normal(n) + 1.2 * labels
    scores = 1.0 / (1.0 + np.exp(-logits))
    assert scores.dtype == np.float64
    files["binary_scores"] = os.path.join(directory, "binary_scores.npy")
    files["binary_scores_f32"] = os.path.join(directory, "binary_scores_f32.npy")
    files["binary_labels"] = os.path.join(directory, "binary_labels.npy")
    np.save(files["binary_scores"], scores)
    np.save(files["binary_scores_f32"], scores.astype(np.float32))
    np.save(files["binary_labels"], labels)
    # The bootstrap's 1M rows: the first rows of the same scores.
    b = sizes.bootstrap_rows
    files["bootstrap_scores"] = os.path.join(directory, "bootstrap_scores.npy")
    files["bootstrap_labels"] = os.path.join(directory, "bootstrap_labels.npy")
    np.save(files["bootstrap_scores"], scores[:b])
    np.save(files["bootstrap_labels"], labels[:b])
    distinct = np.unique(scores).size
    del labels, logits, scores

    # Multiclass: 1M x 10, class 0 the background of half the rows (a detector's imbalance);
    # logits with the true class raised by 2, and their float32 softmax.
    m, c = sizes.rows, sizes.classes
    prior = np.array([0.5] + [0.5 / (c - 1)] * (c - 1))
    labels = rng.choice(c, size=m, p=prior).astype(np.int64)
    logits = rng.standard_normal((m, c), dtype=np.float32)
    logits[np.arange(m), labels] += np.float32(2.0)
    probabilities = softmax32(logits)
    for key, array in (("labels", labels), ("logits", logits), ("probabilities", probabilities)):
        files[key] = os.path.join(directory, key + ".npy")
        np.save(files[key], array)
    # Two more models on the same rows (runs B and C of the comparison items): the true class
    # raised by 1.6 and 1.2, other noise.
    for key, lift in (("b", 1.6), ("c", 1.2)):
        other = rng.standard_normal((m, c), dtype=np.float32)
        other[np.arange(m), labels] += np.float32(lift)
        files["logits_" + key] = os.path.join(directory, f"logits_{key}.npy")
        np.save(files["logits_" + key], other)
        if key == "b":
            files["probabilities_b"] = os.path.join(directory, "probabilities_b.npy")
            np.save(files["probabilities_b"], softmax32(other))

    # The same probabilities as CSV: header label,c0..c9, about 7 significant digits.
    files["csv"] = os.path.join(directory, "predictions.csv")
    header = ",".join(["label"] + [f"c{j}" for j in range(c)])
    table = np.column_stack([labels.astype(np.float64), probabilities.astype(np.float64)])
    np.savetxt(files["csv"], table, fmt=["%d"] + ["%.7g"] * c, delimiter=",", header=header,
               comments="")
    return files, distinct


# ---------------------------------------------------------------------------------------------
# The peers, each a function of data loaded once; the time of one call is measured.

def seed_focal_loss(torch, preds, labels, alpha, gamma):
    """The seed's focal_loss.forward (yatengLG/Focal-Loss-Pytorch), size_average=True."""
    import torch.nn.functional as F
    preds = preds.view(-1, preds.size(-1))
    preds_logsoft = F.log_softmax(preds, dim=1)
    preds_softmax = torch.exp(preds_logsoft)
    preds_softmax = preds_softmax.gather(1, labels.view(-1, 1))
    preds_logsoft = preds_logsoft.gather(1, labels.view(-1, 1))
    alpha = alpha.gather(0, labels.view(-1))
    loss = -torch.mul(torch.pow((1 - preds_softmax), gamma), preds_logsoft)
    loss = torch.mul(alpha, loss.t())
    return loss.mean()


def midranks(x):
    """Each row's average ranks (ties share their mean rank), 1-based, as float64."""
    from scipy.stats import rankdata
    return rankdata(x, axis=-1, method="average")


def fast_delong(scores, positive):
    """Sun & Xu's fast DeLong, vectorised (the midrank form of yandexdataschool's
    roc_comparison, with scipy's rankdata instead of its Python loop): scores is k x n, the
    rows being k score columns of the same samples. Returns the AUCs and their covariance."""
    x = scores[:, positive]
    y = scores[:, ~positive]
    m, n = x.shape[1], y.shape[1]
    tx, ty = midranks(x), midranks(y)
    tz = midranks(np.concatenate([x, y], axis=1))
    aucs = tz[:, :m].sum(axis=1) / m / n - (m + 1.0) / 2.0 / n
    v01 = (tz[:, :m] - tx) / n
    v10 = 1.0 - (tz[:, m:] - ty) / m
    return aucs, np.cov(v01) / m + np.cov(v10) / n


def make_peers(files, classes):
    import pandas as pd
    import torch
    from sklearn.metrics import roc_auc_score

    torch.set_num_threads(1)
    binary_scores = np.load(files["binary_scores"])  # float64, as written
    assert binary_scores.dtype == np.float64
    binary_labels = np.load(files["binary_labels"])
    labels = np.load(files["labels"])
    probabilities = np.load(files["probabilities"])
    logits = torch.from_numpy(np.load(files["logits"]))
    targets = torch.from_numpy(labels)
    alpha = torch.zeros(classes)
    alpha[0] += ALPHA
    alpha[1:] += 1 - ALPHA

    def ovr():
        return {average: roc_auc_score(labels, probabilities, multi_class="ovr", average=average)
                for average in ("macro", "weighted", "micro")}

    def load_npy():
        return np.load(files["probabilities"]), np.load(files["labels"])

    # The operating point of class 1 at threshold 0.5 by NumPy: the scores split once by truth
    # (as the window ranks once), then the counts at the threshold, as a script computes them.
    class1 = probabilities[:, 1]
    positives, negatives = class1[labels == 1], class1[labels != 1]

    def threshold_counts(t=0.5):
        tp = int(np.count_nonzero(positives >= t))
        fp = int(np.count_nonzero(negatives >= t))
        return {"tp": tp, "fp": fp, "tn": negatives.size - fp, "fn": positives.size - tp}
    boot_scores = np.load(files["bootstrap_scores"])
    boot_labels = np.load(files["bootstrap_labels"])
    boot_positives = np.flatnonzero(boot_labels == 1)
    boot_negatives = np.flatnonzero(boot_labels != 1)
    boot_rng = np.random.default_rng(SEED + 1)

    def bootstrap():
        """PEER_REPLICATES stratified replicates: resample positives and negatives separately
        (pROC's default), then roc_auc_score on the resampled rows."""
        values = []
        for _ in range(PEER_REPLICATES):
            rows = np.concatenate([boot_rng.choice(boot_positives, boot_positives.size),
                                   boot_rng.choice(boot_negatives, boot_negatives.size)])
            values.append(roc_auc_score(boot_labels[rows], boot_scores[rows]))
        return {"auroc_mean": float(np.mean(values))}

    # Two runs' probabilities on the same rows, widened to float64 as Focalscope reads them.
    run_a = probabilities.astype(np.float64)
    run_b = np.load(files["probabilities_b"]).astype(np.float64)

    def paired_delong():
        """Every class of the two runs: the paired DeLong z of class c against the rest."""
        z = []
        for c in range(classes):
            positive = labels == c
            aucs, cov = fast_delong(np.vstack([run_a[:, c], run_b[:, c]]), positive)
            variance = cov[0, 0] + cov[1, 1] - 2 * cov[0, 1]
            z.append((aucs[0] - aucs[1]) / np.sqrt(variance))
        return {"z_class1": float(z[1]), "sum_z": float(np.sum(z))}

    return {
        "numpy-fast-delong": paired_delong,
        "sklearn-binary": lambda: {"auroc": roc_auc_score(binary_labels, binary_scores)},
        "np-sort": lambda: np.sort(binary_scores),
        "sklearn-ovr": ovr,
        "torch-focal": lambda: {"loss": float(seed_focal_loss(torch, logits, targets, alpha,
                                                              GAMMA))},
        "pandas-csv": lambda: pd.read_csv(files["csv"]),
        "np-load": load_npy,
        "np-threshold": threshold_counts,
        "sklearn-bootstrap": bootstrap,
    }


def time_peer(function, repeat, warm_up):
    """An optional warm-up call, then `repeat` timed calls; what a call returns is released
    after the clock stops. Returns the times in ms and the last result."""
    if warm_up:
        function()
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        output = function()
        stop = time.perf_counter()
        times.append((stop - start) * 1e3)
        result = output
        del output
    return times, result


def time_focalscope(bench, item, arguments, repeat):
    command = [bench, "--item", item, *arguments, "--repeat", str(repeat)]
    run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"{' '.join(command)}: exit status {run.returncode}: "
                           f"{run.stderr.strip()}")
    report = json.loads(run.stdout)
    return report["times_ms"], report["result"], report.get("parts_median_ms", {})


# ---------------------------------------------------------------------------------------------
# The budget items of DESIGN.md: one row per item and peer.

@dataclasses.dataclass
class Row:
    item: str
    peer: str        # the peers key, or None for an absolute budget
    peer_name: str
    budget: tuple    # ("speedup", k): peer / Focalscope >= k; ("within", k): Focalscope <= k peer;
                     # ("absolute", ms): Focalscope median <= ms
    per: tuple = (1, 1)  # work units per timed call (peer, Focalscope): times are per unit

    def budget_text(self):
        kind, value = self.budget
        if kind == "speedup":
            return f">= {value:g}x"
        if kind == "within":
            return f"within {value:g}x (ratio >= {1 / value:g}x)"
        return f"<= {value:g} ms"

    def passes(self, peer_ms, focalscope_ms):
        kind, value = self.budget
        if kind == "speedup":
            return peer_ms / focalscope_ms >= value
        if kind == "within":
            return focalscope_ms <= value * peer_ms
        return focalscope_ms <= value


ROWS = [
    Row("binary-auroc", "sklearn-binary", "scikit-learn roc_auc_score", ("speedup", 25)),
    Row("binary-auroc", "np-sort", "np.sort (float64)", ("within", 2)),
    Row("ovr-auroc", "sklearn-ovr", "scikit-learn roc_auc_score ovr macro+weighted+micro",
        ("speedup", 25)),
    Row("focal-loss", "torch-focal", "seed formula, PyTorch 1 thread", ("speedup", 5)),
    Row("csv-load", "pandas-csv", "pandas read_csv", ("speedup", 4)),
    Row("npy-load", "np-load", "np.load (scores + labels)", ("within", 2)),
    Row("recompute", None, "(absolute)", ("absolute", 16)),
    Row("threshold-point", "np-threshold", "NumPy counts at t (count_nonzero(scores >= t))",
        ("speedup", 1)),
    Row("threshold-move", None, "(absolute)", ("absolute", 16)),
    Row("bootstrap", "sklearn-bootstrap",
        "resampling + scikit-learn roc_auc_score, per replicate", ("speedup", 50),
        (PEER_REPLICATES, BOOTSTRAP_REPLICATES)),
    Row("paired-delong", "numpy-fast-delong",
        "NumPy fast DeLong (Sun & Xu, scipy rankdata), every class of 2 runs", ("absolute", 1000)),
    Row("runs-recompute", None, "(absolute)", ("absolute", 50)),
]


def bench_arguments(item, files):
    return {
        "binary-auroc": ["--scores", files["binary_scores"], "--labels", files["binary_labels"]],
        "ovr-auroc": ["--scores", files["probabilities"], "--labels", files["labels"]],
        "focal-loss": ["--scores", files["logits"], "--labels", files["labels"]],
        "recompute": ["--scores", files["logits"], "--labels", files["labels"]],
        "csv-load": ["--scores", files["csv"]],
        "npy-load": ["--scores", files["probabilities"], "--labels", files["labels"]],
        "threshold-point": ["--scores", files["probabilities"], "--labels", files["labels"]],
        "threshold-move": ["--scores", files["probabilities"], "--labels", files["labels"]],
        "bootstrap": ["--scores", files["bootstrap_scores"], "--labels", files["bootstrap_labels"],
                      "--replicates", str(BOOTSTRAP_REPLICATES)],
        "paired-delong": ["--scores", files["probabilities"], "--labels", files["labels"],
                          "--run", files["probabilities_b"]],
        "runs-recompute": ["--scores", files["logits"], "--labels", files["labels"],
                           "--run", files["logits_b"], "--run", files["logits_c"]],
    }[item]


def run_interleaved(bench, files, peers, items, rounds, repeat):
    """Each round times every item's peers and then Focalscope (the order flips each round),
    so that the load of a shared machine falls on both sides alike. The peers live in this
    process and warm up in the first round; each focalscope-bench run warms up itself."""
    peer_times = {row.peer: [] for row in ROWS if row.peer}
    ours = {item: [] for item in items}
    peer_results, our_results, our_parts, errors = {}, {}, {}, {}
    for r in range(rounds):
        for item in items:
            item_peers = [row.peer for row in ROWS if row.item == item and row.peer]
            sides = ["peers", "focalscope"] if r % 2 == 0 else ["focalscope", "peers"]
            for side in sides:
                if side == "peers":
                    for key in item_peers:
                        log(f"round {r + 1}/{rounds}: {key}")
                        times, peer_results[key] = time_peer(peers[key], repeat, r == 0)
                        peer_times[key] += times
                elif item not in errors:
                    log(f"round {r + 1}/{rounds}: focalscope-bench --item {item}")
                    try:
                        times, our_results[item], parts = time_focalscope(
                            bench, item, bench_arguments(item, files), repeat)
                        ours[item] += times
                        for part, ms in parts.items():
                            our_parts.setdefault(item, {}).setdefault(part, []).append(ms)
                    except (RuntimeError, ValueError, KeyError) as error:
                        errors[item] = str(error)
                        log(f"  failed: {error}")
    return peer_times, ours, peer_results, our_results, our_parts, errors


def measure_memory(cli, files, scores_key="binary_scores"):
    """Max RSS of `focalscope-cli --json` on the binary files, by GNU time."""
    command = ["/usr/bin/time", "-v", cli, "--json", files[scores_key], files["binary_labels"]]
    start = time.perf_counter()
    run = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr)
    if run.returncode != 0 or not match:
        message = run.stderr.split("\tCommand being timed")[0].strip()
        raise RuntimeError(f"{' '.join(command[2:])}: {message[-2000:]}")
    report = json.loads(run.stdout)
    return int(match.group(1)) * 1024, seconds, report


# ---------------------------------------------------------------------------------------------
# The report.

def milliseconds(value):
    if value >= 100:
        return f"{value:.0f} ms"
    if value >= 10:
        return f"{value:.1f} ms"
    return f"{value:.2f} ms"


def agreement_lines(peer_results, our_results, cli_report):
    """The values both sides computed, so a fast path that computes something else shows."""
    lines = []

    def check(what, theirs, ours, tolerance, relative=False):
        if theirs is None or ours is None:
            return
        difference = abs(theirs - ours) / (abs(theirs) if relative else 1.0)
        verdict = "agree" if difference <= tolerance else "**MISMATCH**"
        kind = "relative difference" if relative else "difference"
        lines.append(f"- {what}: peer {theirs:.10g}, Focalscope {ours:.10g} ({kind} "
                     f"{difference:.1e}): {verdict}")

    sk = peer_results.get("sklearn-binary")
    fs = our_results.get("binary-auroc")
    if sk and fs:
        check("binary AUROC", sk["auroc"], fs["auroc"], 1e-9)
    if sk and cli_report is not None:
        auroc = cli_report.get("auroc", {}).get("value")
        check("binary AUROC of focalscope-cli --json", sk["auroc"], auroc, 1e-9)
    sk = peer_results.get("sklearn-ovr")
    fs = our_results.get("ovr-auroc")
    if sk and fs:
        for average in ("macro", "weighted", "micro"):
            check(f"one-vs-rest AUROC {average}", sk[average], fs[average], 1e-9)
    torch_loss = peer_results.get("torch-focal")
    fs = our_results.get("focal-loss")
    if torch_loss and fs:
        check("focal loss (torch in float32)", torch_loss["loss"], fs["loss"], 1e-4,
              relative=True)
    counts = peer_results.get("np-threshold")
    fs = our_results.get("threshold-point")
    if counts and fs:
        check("TP of class 1 at threshold 0.5", float(counts["tp"]), fs["tp"], 0)
        check("FP of class 1 at threshold 0.5", float(counts["fp"]), fs["fp"], 0)
    peer_boot = peer_results.get("sklearn-bootstrap")
    fs = our_results.get("bootstrap")
    if peer_boot and fs:
        # Means of different replicates: agree within the bootstrap's own spread.
        spread = (fs["ci_upper"] - fs["ci_lower"]) / 2
        check(f"bootstrap AUROC, peer's mean of {PEER_REPLICATES} replicates vs the point estimate "
              f"(within the interval's half-width {spread:.1e})", peer_boot["auroc_mean"],
              fs["auroc"], spread)
    delong = peer_results.get("numpy-fast-delong")
    fs = our_results.get("paired-delong")
    if delong and fs:
        check("paired DeLong z of class 1", delong["z_class1"], fs["z_class1"], 1e-9,
              relative=True)
        check("paired DeLong sum of z over the classes", delong["sum_z"], fs["sum_z"], 1e-9,
              relative=True)
    frame = peer_results.get("pandas-csv")
    fs = our_results.get("csv-load")
    if frame is not None and fs:
        check("CSV rows", float(len(frame)), fs["samples"], 0)
    return lines


def environment_lines(args, sizes, distinct):
    import pandas
    import sklearn
    import torch
    cpu = platform.processor() or "?"
    try:
        with open("/proc/cpuinfo") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info
                       if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    commit = subprocess.run(["git", "-C", top, "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip() or "?"
    return [
        f"- {datetime.datetime.now().strftime('%Y-%m-%d %H:%M')}, commit {commit}, {cpu}, "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at the end",
        f"- NumPy {np.__version__}, scikit-learn {sklearn.__version__}, PyTorch "
        f"{torch.__version__}, pandas {pandas.__version__}",
        f"- sizes: binary {sizes.binary_rows:,} rows ({distinct:,} distinct float64 scores); "
        f"multiclass {sizes.rows:,} x {sizes.classes} (3 runs on the same rows for the runs "
        f"items); CSV {sizes.rows:,} x {sizes.classes + 1}; "
        f"bootstrap {sizes.bootstrap_rows:,} binary rows ({BOOTSTRAP_REPLICATES} replicates per "
        f"Focalscope call, {PEER_REPLICATES} per peer call; times per replicate)",
        f"- medians of {args.rounds} interleaved rounds x {args.repeat} timed runs per side "
        f"(after a warm-up run: per process for Focalscope, once for the in-process peers)",
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench", required=True, help="the focalscope-bench executable")
    parser.add_argument("--cli", required=True, help="the focalscope-cli executable")
    parser.add_argument("--quick", action="store_true",
                        help="1M binary rows and 100k x 10 instead of 10M and 1M x 10")
    parser.add_argument("--repeat", type=int, default=None,
                        help="timed runs per side and round (default 3)")
    parser.add_argument("--rounds", type=int, default=None,
                        help="interleaved rounds (default 3, quick 2)")
    parser.add_argument("--only", default="",
                        help="comma-separated items to run, 'memory' for the CLI's peak memory "
                             "(default: all)")
    parser.add_argument("--keep", metavar="DIR", help="write the data files to DIR and keep them")
    parser.add_argument("--output", metavar="FILE", help="also write the report to FILE")
    args = parser.parse_args()
    args.repeat = args.repeat or 3
    args.rounds = args.rounds or (2 if args.quick else 3)
    if args.repeat < 1 or args.rounds < 1:
        parser.error("--repeat and --rounds need a count >= 1")
    sizes = QUICK if args.quick else FULL
    items = list(dict.fromkeys(row.item for row in ROWS))
    if args.only:
        wanted = args.only.split(",")
        unknown = set(wanted) - set(items) - {"memory"}
        if unknown:
            parser.error(f"unknown items: {', '.join(sorted(unknown))}")
        items = [item for item in items if item in wanted]

    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
        directory = args.keep
    else:
        directory = tempfile.mkdtemp(prefix="focalscope-bench-")
    try:
        log(f"writing the data files to {directory}")
        files, distinct = generate(directory, sizes, SEED)
        log("loading the peers' data")
        peers = make_peers(files, sizes.classes)
        peer_times, ours, peer_results, our_results, our_parts, errors = run_interleaved(
            args.bench, files, peers, items, args.rounds, args.repeat)
        memory = memory_f32 = None
        if not args.only or "memory" in args.only.split(","):
            log("measuring the CLI's peak memory")
            try:
                memory = measure_memory(args.cli, files)
                memory_f32 = measure_memory(args.cli, files, "binary_scores_f32")
            except (RuntimeError, ValueError, OSError) as error:
                errors["memory"] = str(error)
    finally:
        if not args.keep:
            shutil.rmtree(directory, ignore_errors=True)

    lines = ["| item | peer | peer median | Focalscope median | ratio | budget | pass/fail |",
             "|---|---|---|---|---|---|---|"]
    failures = []
    for row in ROWS:
        if row.item not in items:
            continue
        peer_ms = statistics.median(peer_times[row.peer]) / row.per[0] if row.peer else None
        if row.item in errors or not ours[row.item]:
            lines.append(f"| {row.item} | {row.peer_name} | "
                         f"{milliseconds(peer_ms) if peer_ms else '-'} | error | - | "
                         f"{row.budget_text()} | **FAIL** (no result) |")
            failures.append(row.item)
            continue
        our_ms = statistics.median(ours[row.item]) / row.per[1]
        ratio = f"{peer_ms / our_ms:.1f}x" if peer_ms else "-"
        passed = row.passes(peer_ms, our_ms)
        if not passed:
            failures.append(row.item)
        lines.append(f"| {row.item} | {row.peer_name} | "
                     f"{milliseconds(peer_ms) if peer_ms else '-'} | {milliseconds(our_ms)} | "
                     f"{ratio} | {row.budget_text()} | {'pass' if passed else '**FAIL**'} |")
    lines.append("")

    cli_report = None
    if memory:
        rss, seconds, cli_report = memory
        raw_bytes = 8 * sizes.binary_rows  # the float64 scores of the file measured
        budget = 3 * raw_bytes + 80e6
        passed = rss <= budget
        if not passed:
            failures.append("memory")
        lines.append(
            f"Peak memory of `focalscope-cli --json` on {sizes.binary_rows:,} binary rows of "
            f"float64 scores: {rss / 1e6:.1f} MB Max RSS ({seconds:.2f} s wall), budget "
            f"{budget / 1e6:.1f} MB (3 x {raw_bytes / 1e6:.1f} MB float64 scores + 80 MB): "
            f"{'pass' if passed else '**FAIL**'}")
        if memory_f32:
            rss32, seconds32, report32 = memory_f32
            lines.append("")
            lines.append(
                f"The same scores as a float32 file (widened by the reader): {rss32 / 1e6:.1f} MB "
                f"Max RSS ({seconds32:.2f} s wall), against the same budget: "
                f"{'pass' if rss32 <= budget else '**FAIL**'} (not a budget of its own; "
                f"AUROC {report32.get('auroc', {}).get('value', float('nan')):.10g})")
        lines.append("")
    elif "memory" in errors:
        failures.append("memory")
        lines += ["Peak memory of `focalscope-cli --json`: **FAIL** (no result)", ""]

    for item, parts in our_parts.items():
        split = " + ".join(f"{part} {milliseconds(statistics.median(ms))}"
                           for part, ms in parts.items())
        lines += [f"{item} split (median of each run's medians): {split}", ""]

    agreement = agreement_lines(peer_results, our_results, cli_report)
    if agreement:
        lines += ["Values computed by both sides:"] + agreement + [""]
    if errors:
        lines += ["Errors:"] + [f"- {item}: {message}" for item, message in errors.items()] + [""]
    lines += ["Setting:"] + environment_lines(args, sizes, distinct)
    if args.quick:
        lines.append("- **quick sizes**: the budgets are defined at full size; this is a smoke run")
    lines.append("")
    lines.append(f"**FAIL**: {', '.join(dict.fromkeys(failures))}" if failures
                 else "Every budget met.")

    report = "\n".join(lines)
    print(report)
    if args.output:
        with open(args.output, "w") as out:
            out.write(report + "\n")
    return 0  # a report, not a test: failing budgets are printed, not an exit status


if __name__ == "__main__":
    sys.exit(main())
