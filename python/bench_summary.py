#!/usr/bin/python3
"""Throughput of summarize_dask on this machine: N binary rows (logit = label + N(0, 1)) made
inside the Dask graph chunk by chunk (never one array), summarised on a LocalCluster of 2
single-threaded worker processes. Usage: bench_summary.py [N] [CHUNK]. Not a test."""
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import focalscope_summary as fs  # noqa: E402


def main():
    import dask.array as da
    from dask.distributed import Client, LocalCluster

    n = int(float(sys.argv[1])) if len(sys.argv) > 1 else 10**8
    chunk = int(float(sys.argv[2])) if len(sys.argv) > 2 else 5 * 10**6
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster):
        rs = da.random.RandomState(14)
        labels = (rs.random_sample(n, chunks=chunk) < 0.3).astype(np.int8)
        scores = rs.standard_normal(n, chunks=chunk) + labels
        start = time.perf_counter()
        s = fs.summarize_dask(scores, labels, kind="logits")
        seconds = time.perf_counter() - start
    area, w = fs.auroc_interval(s, 0)
    print(f"{n:.3g} rows in {seconds:.1f} s ({n / seconds / 1e6:.2f} M rows/s); "
          f"binned AUROC {area:.6f}, interval width {2 * w:.3g}")


if __name__ == "__main__":
    main()
