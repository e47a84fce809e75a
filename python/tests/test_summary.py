#!/usr/bin/python3
"""Tests of python/focalscope_summary.py: run by CTest (python_summary) with /usr/bin/python3.

NumPy and Dask (with dask.distributed) are required: scripts/deps.sh installs them. Only the
scikit-learn comparison is skipped, and says so, when scikit-learn is missing.
"""
import os
import sys
import tempfile
import unittest

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import focalscope_summary as fs  # noqa: E402

try:
    from sklearn.metrics import roc_auc_score
except ImportError:
    roc_auc_score = None


def exact_focal_mean(z, t, alpha_t, gamma):
    """Mean focal loss from the exact logit(p_t) of every row."""
    return float(np.mean(alpha_t[t] * fs.focal_term(z, gamma)))


def random_multiclass(rng, n, c):
    logits = rng.normal(size=(n, c)) * 3
    labels = rng.integers(0, c, size=n)
    logits[np.arange(n), labels] += 2
    return logits, labels


class SummaryTest(unittest.TestCase):
    def setUp(self):
        self.rng = np.random.default_rng(14)

    def test_merge_equals_summary_of_concatenation(self):
        x, y = random_multiclass(self.rng, 5000, 4)
        y[::17] = -100
        whole = fs.summarize(x, y, kind="logits")
        parts = fs.merge(fs.summarize(x[:1234], y[:1234], kind="logits"),
                         fs.summarize(x[1234:], y[1234:], kind="logits"))
        self.assertTrue(fs.equal(whole, parts))
        self.assertEqual(int(whole["ignored"]), len(y[::17]))
        self.assertEqual(int(whole["pos_counts"].sum()), 5000 - len(y[::17]))

    def test_save_load_round_trip(self):
        x = self.rng.uniform(size=3000)
        y = self.rng.integers(0, 2, size=3000)
        s = fs.summarize(x, y)
        self.assertEqual(s["kind"], "probabilities")
        with tempfile.TemporaryDirectory() as d:
            fs.save(s, os.path.join(d, "s.npz"))
            self.assertTrue(fs.equal(s, fs.load(os.path.join(d, "s.npz"))))

    def test_auroc_interval_contains_exact(self):
        if roc_auc_score is None:
            self.skipTest("scikit-learn is not installed: exact AUROC comparison skipped")
        x, y = random_multiclass(self.rng, 20000, 3)
        s = fs.summarize(x, y, kind="logits")
        p = np.exp(x - x.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        for c in range(3):
            area, w = fs.auroc_interval(s, c)
            exact = roc_auc_score(y == c, p[:, c])
            self.assertLessEqual(abs(exact - area), w + 1e-12)
            self.assertLess(2 * w, 1e-4)
        # adversarial: every score in one bin -> the interval is [0, 1] around 0.5
        s = fs.summarize(np.full(100, 0.5), np.arange(100) % 2)
        area, w = fs.auroc_interval(s, 0)
        self.assertEqual((area, w), (0.5, 0.5))
        # one class only: undefined
        s = fs.summarize(self.rng.uniform(size=50), np.ones(50, int))
        self.assertTrue(np.isnan(fs.auroc_interval(s, 0)[0]))

    def test_focal_bracket_contains_exact(self):
        x, y = random_multiclass(self.rng, 4000, 3)
        s = fs.summarize(x, y, kind="logits")
        zt, t = fs._pt_logits(x, y, "logits")
        for gamma in (0.0, 0.5, 2.0, 5.0):
            alpha_t = np.array([0.25, 0.75, 0.75])
            lo, hi = fs.focal_bracket(s, alpha_t, gamma)
            exact = exact_focal_mean(zt, t, alpha_t, gamma)
            self.assertLessEqual(lo, exact * (1 + 1e-12))
            self.assertGreaterEqual(hi, exact * (1 - 1e-12))
            self.assertLess(hi - lo, 2e-3 * exact)

    def test_softmax_path_matches_the_reference_formulas(self):
        # summarize's one-exp path for C >= 2 logits against _ranked and _pt_logits, the
        # formulas the module documents, on ordinary logits and on logits ~800 apart (where
        # p_t or the others' sum underflows and the row takes _pt_logits' formula).
        b = fs.bin_count()
        for scale in (1.0, 30.0, 800.0):
            x = self.rng.normal(size=(6000, 4)) * scale
            y = self.rng.integers(0, 4, size=6000)
            s = fs.summarize(x, y, kind="logits")
            ranked, z = fs._ranked(x, "logits")
            for c in range(4):
                k = fs.bin_index(z[:, c])
                np.testing.assert_array_equal(
                    s["pos_counts"][c], np.bincount(k[y == c], minlength=b))
                np.testing.assert_array_equal(
                    s["neg_counts"][c], np.bincount(k[y != c], minlength=b))
                self.assertEqual(s["score_min"][c], ranked[:, c].min())
                self.assertEqual(s["score_max"][c], ranked[:, c].max())
            zt, t = fs._pt_logits(x, y, "logits")
            self.assertTrue(np.isfinite(zt).all())
            for target in range(4):
                mine = zt[t == target]
                np.testing.assert_allclose(s["pt_logit_min"][target], mine.min(), rtol=1e-13)
                np.testing.assert_allclose(s["pt_logit_max"][target], mine.max(), rtol=1e-13)
            # Bins may differ only for a row within rounding of a bin edge: none here.
            np.testing.assert_array_equal(
                s["pt_counts"], np.bincount(t * b + fs.bin_index(zt), minlength=4 * b)
                .reshape(4, b))

    def test_input_is_not_modified(self):
        # Fortran-order float64 logits (x.T is C-contiguous) and a single row, whose rows the
        # fast path must copy before it computes the softmax in place.
        for x, y in ((np.asfortranarray(self.rng.normal(size=(500, 3)) * 9),
                      self.rng.integers(0, 3, size=500)),
                     (np.array([[0.0, 800.0]]), np.array([0]))):
            before = x.copy()
            s = fs.summarize(x, y, kind="logits")
            np.testing.assert_array_equal(x, before)
            zt, t = fs._pt_logits(before, y, "logits")
            for target in np.unique(t):
                np.testing.assert_allclose(
                    s["pt_logit_min"][target], zt[t == target].min(), rtol=1e-13)
        self.assertEqual(fs.summarize(np.array([[0.0, 800.0]]), [0])["pt_logit_min"][0], -800.0)
        self.assertEqual(int(fs.bin_index(0.0)), fs.bin_count() // 2)

    def test_dask_on_local_cluster_equals_numpy(self):
        import dask.array as da
        from dask.distributed import Client, LocalCluster

        x, y = random_multiclass(self.rng, 30000, 5)
        y[::101] = -100
        expected = fs.summarize(x, y, kind="auto")
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster):
            got = fs.summarize_dask(da.from_array(x, chunks=(3000, 5)),
                                    da.from_array(y, chunks=3000), kind="auto", split_every=3)
        self.assertTrue(fs.equal(expected, got))


if __name__ == "__main__":
    unittest.main(verbosity=2)
