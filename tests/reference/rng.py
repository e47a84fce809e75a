"""Deterministic data shared with tests/common/test_rng.h (see there for the definitions)."""
import numpy as np

GOLDEN = np.uint64(0x9E3779B97F4A7C15)
M1 = np.uint64(0xBF58476D1CE4E5B9)
M2 = np.uint64(0x94D049BB133111EB)


def mix(seed, idx):
    with np.errstate(over="ignore"):
        z = np.uint64(seed) + (np.asarray(idx, dtype=np.uint64) + np.uint64(1)) * GOLDEN
        z = (z ^ (z >> np.uint64(30))) * M1
        z = (z ^ (z >> np.uint64(27))) * M2
        return z ^ (z >> np.uint64(31))


def random_labels(seed, n, classes):
    return (mix(seed, np.arange(n, dtype=np.uint64)) % np.uint64(classes)).astype(np.int32)


def random_logits(seed, n, classes, labels, signal):
    k = np.arange(n * classes, dtype=np.uint64)
    raw = (mix(np.uint64(seed) ^ np.uint64(0x5DEECE66D), k) >> np.uint64(44)).astype(np.int64) - (1 << 19)
    x = (raw.astype(np.float64) / 65536.0).reshape(n, classes)
    x[np.arange(n), labels] += signal
    return x.astype(np.float32)


def random_unit_scores(seed, n, bits):
    raw = mix(np.uint64(seed) ^ np.uint64(0x2545F491), np.arange(n, dtype=np.uint64)) >> np.uint64(64 - bits)
    return (raw.astype(np.float64) / float(1 << bits)).astype(np.float32)
