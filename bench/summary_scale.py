#!/usr/bin/python3
"""Summaries at scale (issue 14; DESIGN.md, Summaries and Performance budgets), one run:

1. ROWS rows of the demo's distribution (resources/demo/make_demo.py's demo_labels and
   demo_logits: 5-class float32 logits, 80% background), generated inside the Dask graph chunk
   by chunk (each chunk its own seeds; never one array), summarised by focalscope_summary.summarize_dask on a
   LocalCluster of WORKERS single-threaded worker processes. Timed from the submission of the
   graph to the merged summary in this process (generation included). Budget: 10^9 rows in
   <= 10 minutes on this 2-core machine. Each worker's peak resident memory (VmHWM) is read
   after the run, and this process's (the scheduler and the client).
2. The summary saved as .npz (its size on disk) and its AUROC interval widths 2w per class
   (budget <= 1e-4).
3. focalscope-cli --json SUMMARY: the wall time of the whole process (budget < 1 s), median of
   RUNS runs; and focalscope-bench --item summary-read (readSummary alone).
4. focalscope-bench --item summary-recompute: the focal-loss bracket for a new gamma each run,
   O(bins) (budget < 5 ms median).

Prints a Markdown report. Exits 0 when a budget fails (it is a report; FAIL is printed).
Usage: bench/summary_scale [--rows N] [--chunk N] [--workers N] [--runs N] [--keep DIR]
(bench/summary_scale builds the two programs first; this script takes --cli and --bench).
"""
import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PYTHON_DIRS = [os.path.join(TOP, "python"), os.path.join(TOP, "resources", "demo")]
sys.path[:0] = PYTHON_DIRS
import focalscope_summary as fs  # noqa: E402
import make_demo  # noqa: E402

SEED = 20261202


def chunk_labels(index, rows):
    """Chunk index's labels of the demo's distribution (its own generator: independent chunks)."""
    return make_demo.demo_labels(np.random.default_rng([SEED, index, 0]), rows)


def chunk_logits(index, labels):
    """Chunk index's logits for its labels (another generator of its own). Two tasks rather
    than one returning both: Dask's graph optimisation would copy a (logits, labels) task into
    each of its two getitem branches and generate every chunk twice."""
    return make_demo.demo_logits(np.random.default_rng([SEED, index, 1]), labels)


def peak_rss_mb():
    """This process's peak resident set (VmHWM), in MB (10^6 bytes)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024 / 1e6
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6


def cpu_seconds():
    """This process's CPU time so far (user + system)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def summarize_on_cluster(rows, chunk, workers):
    import dask
    import dask.array as da
    from dask.distributed import Client, LocalCluster

    # The workers import focalscope_summary and make_demo by name.
    os.environ["PYTHONPATH"] = os.pathsep.join(
        PYTHON_DIRS + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p])
    classes = len(make_demo.CLASSES)
    sizes = [chunk] * (rows // chunk) + ([rows % chunk] if rows % chunk else [])
    # dask.distributed starts its workers with MALLOC_TRIM_THRESHOLD_=65536, which (glibc)
    # freezes the mmap threshold at 128 KiB: every array of a chunk is then mapped, page-faulted
    # and unmapped anew, and summarize costs 1.6x the CPU (measured: 1.8 s against 1.15 s per
    # 2M-row chunk). The workers here start without it; README.md says so for a real cluster.
    environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ", {}))
    environ.pop("MALLOC_TRIM_THRESHOLD_", None)
    with dask.config.set({"distributed.nanny.pre-spawn-environ": environ}), \
            LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                         dashboard_address=":0") as cluster, Client(cluster) as client:
        label_parts = [dask.delayed(chunk_labels, pure=True)(i, n) for i, n in enumerate(sizes)]
        logit_parts = [dask.delayed(chunk_logits, pure=True)(i, part)
                       for i, part in enumerate(label_parts)]
        scores = da.concatenate([da.from_delayed(p, (n, classes), np.float32)
                                 for p, n in zip(logit_parts, sizes)])
        labels = da.concatenate([da.from_delayed(p, (n,), np.int64)
                                 for p, n in zip(label_parts, sizes)])
        start = time.perf_counter()
        summary = fs.summarize_dask(scores, labels, kind="logits",
                                    class_names=make_demo.CLASSES)
        seconds = time.perf_counter() - start
        worker_peaks = sorted(client.run(peak_rss_mb).values())
        worker_cpu = sorted(client.run(cpu_seconds).values())
    return summary, seconds, worker_peaks, worker_cpu, len(sizes)


def median_wall(command, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)}: exit {done.returncode}: {done.stderr}")
    return statistics.median(times), done.stdout


def bench_item(bench, item, path, repeat):
    done = subprocess.run([bench, "--item", item, "--scores", path, "--repeat", str(repeat)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def verdict(ok):
    return "pass" if ok else "**FAIL**"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=float, default=1e9, help="rows to summarise (1e9)")
    parser.add_argument("--chunk", type=float, default=2e6, help="rows per Dask chunk (2e6)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (2)")
    parser.add_argument("--runs", type=int, default=5, help="runs of the CLI to time (5)")
    parser.add_argument("--cli", required=True, help="focalscope-cli")
    parser.add_argument("--bench", required=True, help="focalscope-bench")
    parser.add_argument("--keep", help="write the summary here and keep it")
    args = parser.parse_args()
    rows, chunk = int(args.rows), int(args.chunk)

    load_before = os.getloadavg()[0]
    summary, seconds, worker_peaks, worker_cpu, chunks = summarize_on_cluster(
        rows, chunk, args.workers)
    load_after = os.getloadavg()[0]
    assert int(summary["samples"]) == rows, summary["samples"]

    directory = args.keep or tempfile.mkdtemp(prefix="focalscope-summary-")
    os.makedirs(directory, exist_ok=True)
    path = os.path.join(directory, "summary.npz")
    fs.save(summary, path)
    file_mb = os.path.getsize(path) / 1e6
    memory_mb = sum(np.asarray(summary[k]).nbytes for k in fs.COUNT_FIELDS) / 1e6

    names = list(summary["class_names"])
    intervals = [fs.auroc_interval(summary, c) for c in range(len(names))]
    widths = [2 * w for _, w in intervals]

    open_s, out = median_wall([args.cli, "--json", path], args.runs)
    report = json.loads(out)
    assert report["binned"] is True and report["input"]["samples"] == rows
    read = bench_item(args.bench, "summary-read", path, 7)
    recompute = bench_item(args.bench, "summary-recompute", path, 51)

    print(f"## Summaries at scale: {rows:,} rows of the demo's distribution\n")
    print("| measure | value | budget | pass/fail |")
    print("|---|---|---|---|")
    print(f"| summarize_dask, {args.workers} worker processes x 1 thread, {chunks} chunks of "
          f"{chunk:,} rows (generation included) | {seconds:.1f} s "
          f"({rows / seconds / 1e6:.2f} M rows/s) | {'<= 600 s for 10^9 rows' if rows >= 1e9 else '(10^9 rows: <= 600 s)'} "
          f"| {verdict(seconds <= 600) if rows >= 1e9 else '-'} |")
    print(f"| AUROC interval width 2w, widest class | {max(widths):.3g} | <= 1e-4 | "
          f"{verdict(max(widths) <= 1e-4)} |")
    print(f"| focalscope-cli --json SUMMARY (whole process, median of {args.runs}) | "
          f"{open_s * 1000:.0f} ms | < 1 s | {verdict(open_s < 1)} |")
    print(f"| readSummary alone (focalscope-bench summary-read, median) | "
          f"{read['median_ms']:.1f} ms | - | - |")
    print(f"| focal-loss bracket for a new gamma (focalscope-bench summary-recompute, median "
          f"of 51) | {recompute['median_ms']:.3f} ms | < 5 ms | "
          f"{verdict(recompute['median_ms'] < 5)} |")
    print()
    print("Per class (binned AUROC, interval width 2w, positives):")
    for c, name in enumerate(names):
        area, _ = intervals[c]
        print(f"- {name}: {area:.6f}, {widths[c]:.3g}, {int(summary['pos_counts'][c].sum()):,}")
    print()
    print(f"CPU time of the workers (user + system, started with the cluster): "
          f"{', '.join(f'{t:.0f}' for t in worker_cpu)} s; on {args.workers} otherwise idle "
          f"cores the wall time would be about the largest of them.")
    print()
    print(f"Memory: worker peak resident {', '.join(f'{m:.0f}' for m in worker_peaks)} MB; "
          f"this process (scheduler and client) {peak_rss_mb():.0f} MB. The summary: "
          f"{memory_mb:.1f} MB of counts in memory, {file_mb:.2f} MB on disk (deflated .npz).")
    print()
    print(f"Setting: {time.strftime('%Y-%m-%d %H:%M')}, {platform.processor() or platform.machine()}"
          f", {os.cpu_count()} cores, load average {load_before:.2f} before and {load_after:.2f} "
          f"after the Dask run; NumPy {np.__version__}, Dask {__import__('dask').__version__}, "
          f"distributed {__import__('distributed').__version__}")
    if not args.keep:
        os.remove(path)
        os.rmdir(directory)


if __name__ == "__main__":
    main()
