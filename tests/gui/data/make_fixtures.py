#!/usr/bin/python3
"""Writes the GUI tests' small input files (deterministic). Run from this folder."""
import numpy as np

rng = np.random.default_rng(20261128)
# Three classes, probabilities, with a header naming the classes.
n = 60
labels = rng.integers(0, 3, n)
logits = rng.normal(0, 1, (n, 3))
logits[np.arange(n), labels] += 1.5
p = np.exp(logits)
p /= p.sum(1, keepdims=True)
with open('three_class.csv', 'w') as f:
    f.write('# three classes, probabilities; a GUI test fixture\n')
    f.write('label,cat,dog,bird\n')
    for y, row in zip(labels, p):
        f.write(f"{y}," + ",".join(f"{v:.6f}" for v in row) + "\n")
# Binary logits.
n = 40
labels = rng.integers(0, 2, n)
x = rng.normal(0, 1, n) + 1.2 * labels
with open('binary.csv', 'w') as f:
    f.write('y_true,score\n')
    for y, v in zip(labels, x):
        f.write(f"{y},{v:.5f}\n")
# A file whose third line has a field too few.
with open('bad.csv', 'w') as f:
    f.write('label,a,b\n0,0.2,0.8\n1,0.6\n0,0.5,0.5\n')
