#!/usr/bin/python3
"""Writes demo.npz: the bundled demo dataset, a detector's class head on 20000 boxes.

Deterministic (fixed seed). 5 classes, background about 80%. The logits come from a plausible,
imperfect model: each class has its own separability, similar classes (person / bicycle,
car / background) are confused more often, and a few rows are confidently wrong.
"""
import numpy as np

CLASSES = ["background", "person", "car", "bicycle", "dog"]
PRIORS = np.array([0.80, 0.08, 0.06, 0.03, 0.03])
ROWS = 20000
# How far the true class's logit stands out, per class (background is easy, bicycle hard).
MARGIN = np.array([3.2, 2.4, 2.7, 1.6, 2.0])
# Extra logit given to a confusable class.
CONFUSION = {0: [(2, 0.8)], 1: [(3, 1.0)], 2: [(0, 1.2)], 3: [(1, 1.3)], 4: [(1, 0.7), (0, 0.6)]}


def demo_rows(rng, rows):
    """rows of the demo's distribution from the generator rng: (float32 logits rows x 5, int64
    labels): demo_labels, then demo_logits from the same generator."""
    labels = demo_labels(rng, rows)
    return demo_logits(rng, labels), labels


def demo_labels(rng, rows):
    """The labels of rows rows of the demo's distribution (int64)."""
    return rng.choice(len(CLASSES), size=rows, p=PRIORS).astype(np.int64)


def demo_logits(rng, labels):
    """float32 logits (rows x 5) of the demo's distribution for these labels.
    bench/summary_scale.py draws 10^9 rows, chunk by chunk, labels and logits as two tasks."""
    rows = len(labels)
    logits = rng.normal(0.0, 1.0, size=(rows, len(CLASSES)))
    logits[:, 0] += 0.5  # the background logit is higher everywhere, as in real detectors
    difficulty = rng.gamma(shape=2.0, scale=0.5, size=rows)  # per-row hardness
    for c in range(len(CLASSES)):
        mine = labels == c
        logits[mine, c] += MARGIN[c] * rng.normal(1.0, 0.35, size=mine.sum()) / np.maximum(difficulty[mine], 0.3) ** 0.5
        for other, strength in CONFUSION[c]:
            logits[mine, other] += strength * rng.random(mine.sum())
    wrong = rng.random(rows) < 0.01  # confidently wrong rows
    shift = rng.integers(1, len(CLASSES), size=rows)
    logits[wrong, (labels[wrong] + shift[wrong]) % len(CLASSES)] += 5.0
    return logits.astype(np.float32)


def main():
    logits, labels = demo_rows(np.random.default_rng(20261128), ROWS)
    np.savez_compressed("demo.npz", logits=logits, labels=labels,
                        class_names=np.array(CLASSES))


if __name__ == "__main__":
    main()
