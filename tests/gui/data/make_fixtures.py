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
# pROC's aSAH markers as three runs on the same 113 patients (outcome P, Poor, = 1): the window's
# comparison must give pROC's paired DeLong figures (DESIGN.md, Runs and comparison).
import csv
with open('../../data/reference/asah.csv') as f:
    rows = [r for r in csv.DictReader(line for line in f if not line.startswith('#'))]
for marker in ('wfns', 's100b', 'ndka'):
    with open(f'asah_{marker}.csv', 'w') as f:
        f.write('label,score\n')
        for r in rows:
            f.write(f"{1 if r['outcome'] == 'P' else 0},{r[marker]}\n")
# A second model on three_class.csv's rows (its own noise), for the multiclass overlays.
rng = np.random.default_rng(20261202)
labels3 = np.loadtxt('three_class.csv', delimiter=',', skiprows=2, usecols=0).astype(int)
logits = rng.normal(0, 1, (len(labels3), 3))
logits[np.arange(len(labels3)), labels3] += 1.0
p = np.exp(logits)
p /= p.sum(1, keepdims=True)
with open('three_class_b.csv', 'w') as f:
    f.write('label,cat,dog,bird\n')
    for y, row in zip(labels3, p):
        f.write(f"{y}," + ",".join(f"{v:.6f}" for v in row) + "\n")
# Three folds of one binary model, each on its own rows.
for k in range(3):
    n = 50 + 10 * k
    y = rng.integers(0, 2, n)
    x = rng.normal(0, 1, n) + 1.0 * y
    with open(f'fold{k + 1}.csv', 'w') as f:
        f.write('y_true,score\n')
        for a, b in zip(y, x):
            f.write(f"{a},{b:.5f}\n")
