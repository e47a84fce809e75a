#!/usr/bin/python3
"""Writes the reader test corpus: golden files written by NumPy / pandas / plain text under
tests/data/golden/ with their expected contents in tests/data/golden/expected.json, and the
malformed inputs under tests/data/bad/ with the expected messages in tests/data/bad/expected.tsv.

Deterministic: the arrays come from closed formulas and the zip timestamps are fixed.
Run with Debian's /usr/bin/python3 (numpy 1.24, pandas) from the repository root:
    /usr/bin/python3 tests/reference/gen_io.py
"""
import json
import os
import shutil
import struct
import time
import types
import zipfile

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(HERE, "..", "data", "golden")
BAD = os.path.join(HERE, "..", "data", "bad")

# Fixed zip timestamps, so np.savez writes the same bytes on every run.
_fixed = types.SimpleNamespace(time=lambda: 1700000000.0, localtime=time.gmtime,
                               gmtime=time.gmtime)
zipfile.time = _fixed


def base_scores(n, c):
    """Row-major n x c scores, exact in float16: ((5 i + 3 j) mod 17) / 4 - 2."""
    i = np.arange(n)[:, None]
    j = np.arange(c)[None, :]
    return (((5 * i + 3 * j) % 17) / 4.0 - 2.0).astype(np.float64)


def base_labels(n, c):
    """(3 i + 1) mod c, or i mod 2 for a binary (c == 1) task."""
    i = np.arange(n)
    return (i % 2) if c == 1 else ((3 * i + 1) % c)


def base_probs(n, c):
    """Rows summing to 1 exactly: 1/2 + 1/(2c) on the row's label, 1/(2c) elsewhere."""
    p = np.full((n, c), 0.5 / c)
    p[np.arange(n), base_labels(n, c)] += 0.5
    return p


cases = []


def case(name, path, scores, labels, kind="logits", class_names=None, labels_path="",
         fmt=None, options=None, samples=None, ignored=0, skipped=0, warnings=0):
    scores = np.asarray(scores, dtype=np.float64)
    if scores.ndim == 1:
        scores = scores[:, None]
    c = scores.shape[1]
    cases.append({
        "name": name, "path": "golden/" + path,
        "labels_path": ("golden/" + labels_path) if labels_path else "",
        "format": fmt or os.path.splitext(path)[1][1:], "options": options or {},
        "rows": int(scores.shape[0]), "classes": int(c), "kind": kind,
        "class_names": class_names or [str(k) for k in range(c)],
        "scores": scores.tolist(),
        "labels": [int(v) for v in labels],
        "samples": int(samples if samples is not None else scores.shape[0]),
        "ignored": int(ignored), "skipped": int(skipped), "warnings": int(warnings),
    })


def save_npy(path, array, version=None):
    full = os.path.join(GOLDEN, path)
    with open(full, "wb") as f:
        np.lib.format.write_array(f, array, version=version)


def write_text(directory, path, text, encoding="utf-8"):
    with open(os.path.join(directory, path), "wb") as f:
        f.write(text if isinstance(text, bytes) else text.encode(encoding))


def golden_npy():
    n, c = 6, 4
    s = base_scores(n, c)
    y = base_labels(n, c)
    save_npy("labels_6.npy", y.astype("<i8"))
    for dt in ("f2", "f4", "f8"):
        for order in ("C", "F"):
            for bo in ("<", ">"):
                arr = np.array(s, dtype=bo + dt, order=order)
                name = "scores_%s_%s_%s.npy" % (dt, order.lower(), "le" if bo == "<" else "be")
                save_npy(name, arr)
                case(name, name, s, y, labels_path="labels_6.npy")
    # Header versions 2.0 and 3.0.
    for version in ((2, 0), (3, 0)):
        name = "scores_v%d.npy" % version[0]
        save_npy(name, s.astype("<f4"), version=version)
        case(name, name, s, y, labels_path="labels_6.npy")
    # Labels of every integer dtype and both byte orders.
    for dt in ("i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8"):
        for bo in (("<", ">") if dt[1] != "1" else ("|",)):
            name = "labels_%s_%s.npy" % (dt, {"<": "le", ">": "be", "|": "na"}[bo])
            save_npy(name, y.astype(bo + dt))
            case("scores_f4_c_le+" + name, "scores_f4_c_le.npy", s, y, labels_path=name,
                 fmt="npy")
    # 1-D binary scores with bool labels and with a one-column CSV of labels.
    b = base_scores(7, 1)[:, 0]
    yb = base_labels(7, 1)
    save_npy("binary_1d.npy", b.astype("<f4"))
    save_npy("labels_b1.npy", yb.astype(bool))
    case("binary_1d.npy+labels_b1.npy", "binary_1d.npy", b, yb, labels_path="labels_b1.npy")
    write_text(GOLDEN, "labels_binary.csv", "label\n" + "".join(
        ("true\n" if v else "false\n") for v in yb))
    case("binary_1d.npy+labels_binary.csv", "binary_1d.npy", b, yb,
         labels_path="labels_binary.csv", fmt="npy")
    write_text(GOLDEN, "labels_6_noheader.csv", "".join("%d\n" % v for v in y))
    case("scores_f4_c_le+labels_6_noheader.csv", "scores_f4_c_le.npy", s, y,
         labels_path="labels_6_noheader.csv", fmt="npy")
    # The content decides over the extension: a .npy named .csv, a CSV named .dat.
    shutil.copyfile(os.path.join(GOLDEN, "scores_f4_c_le.npy"), os.path.join(GOLDEN, "npy_named.csv"))
    case("npy_named.csv", "npy_named.csv", s, y, labels_path="labels_6.npy", fmt="npy")
    # 3-D [B, N, C] and 4-D, C and Fortran order, flattened to rows in C order.
    s3 = base_scores(2 * 3, 4)
    y3 = base_labels(6, 4)
    save_npy("scores_3d.npy", s3.reshape(2, 3, 4).astype("<f4"))
    save_npy("scores_3d_f_be.npy", np.asfortranarray(s3.reshape(2, 3, 4).astype(">f8")))
    save_npy("labels_3d.npy", y3.reshape(2, 3).astype("<i4"))
    save_npy("labels_3d_f.npy", np.asfortranarray(y3.reshape(2, 3).astype("<i2")))
    case("scores_3d.npy", "scores_3d.npy", s3, y3, labels_path="labels_3d.npy")
    case("scores_3d_f_be.npy", "scores_3d_f_be.npy", s3, y3, labels_path="labels_3d_f.npy")
    s4 = base_scores(2 * 2 * 3, 5)
    y4 = base_labels(12, 5)
    save_npy("scores_4d_f.npy", np.asfortranarray(s4.reshape(2, 2, 3, 5).astype("<f2")))
    save_npy("labels_4d.npy", y4.reshape(2, 2, 3).astype("<u1"))
    case("scores_4d_f.npy", "scores_4d_f.npy", s4, y4, labels_path="labels_4d.npy")
    # Probabilities are detected; f2 subnormals and negative zero convert exactly.
    p = base_probs(6, 4)
    save_npy("probs.npy", p.astype("<f4"))
    case("probs.npy", "probs.npy", p.astype("<f4"), y, kind="probabilities",
         labels_path="labels_6.npy")
    h = np.array([[2.0 ** -24, -0.0], [65504.0, -2.0 ** -14], [0.1, 1.0 / 3.0]])
    save_npy("half_edges.npy", h.astype("<f2"))
    save_npy("labels_3.npy", np.array([0, 1, 0], dtype="<i8"))
    case("half_edges.npy", "half_edges.npy", h.astype(np.float16), [0, 1, 0],
         labels_path="labels_3.npy", kind="logits")


def golden_npz():
    n, c = 6, 4
    s = base_scores(n, c).astype(np.float32)
    y = base_labels(n, c).astype(np.int64)
    names = ["background", "person", "vélo", "犬"]
    np.savez(os.path.join(GOLDEN, "stored.npz"), scores=s, labels=y, class_names=np.array(names))
    case("stored.npz", "stored.npz", s, y, class_names=names)
    np.savez_compressed(os.path.join(GOLDEN, "deflated.npz"), scores=s, labels=y,
                        class_names=np.array(names))
    case("deflated.npz", "deflated.npz", s, y, class_names=names)
    # Every key alias, in the order of precedence; labels aliases cycle.
    score_keys = ["scores", "preds", "predictions", "probs", "probabilities", "logits",
                  "y_score", "y_pred"]
    label_keys = ["labels", "targets", "target", "y", "y_true", "gt"]
    p = base_probs(n, c).astype(np.float32)
    for k, key in enumerate(score_keys):
        lkey = label_keys[k % len(label_keys)]
        name = "key_%s.npz" % key
        data = p if key != "probs" else s  # logits under "probs": forced probabilities, warned
        np.savez(os.path.join(GOLDEN, name), **{key: data, lkey: y})
        kind = "probabilities"
        warnings = 0
        if key == "logits":
            kind = "logits"  # the key says logits although the rows sum to 1
        if key == "probs":
            warnings = 1
        case(name, name, data, y, kind=kind, warnings=warnings)
    # Precedence: "scores" wins over "logits"; "labels" over "y"; keys given explicitly win.
    np.savez(os.path.join(GOLDEN, "many_keys.npz"), logits=s, scores=p, y=y,
             labels=(y + 1) % c, other=p[::-1].copy(), other_labels=y[::-1].copy())
    case("many_keys.npz", "many_keys.npz", p, (y + 1) % c, kind="probabilities")
    case("many_keys.npz explicit", "many_keys.npz", p[::-1], y[::-1], kind="probabilities",
         options={"scores_key": "other", "labels_key": "other_labels"})
    # 3-D scores with bool labels in a compressed archive, labels from a separate CSV.
    s3 = base_scores(2 * 3, 1)
    y3 = base_labels(6, 1)
    np.savez_compressed(os.path.join(GOLDEN, "binary_3d.npz"),
                        y_score=s3.reshape(2, 3, 1).astype("<f8"), gt=y3.reshape(2, 3).astype(bool))
    case("binary_3d.npz", "binary_3d.npz", s3, y3)
    write_text(GOLDEN, "labels_6_header.csv", "class\n" + "".join("%d\n" % v for v in y))
    np.savez(os.path.join(GOLDEN, "scores_only.npz"), scores=s)
    case("scores_only.npz+csv", "scores_only.npz", s, y, labels_path="labels_6_header.csv")


def golden_csv():
    n, c = 6, 3
    s = base_scores(n, c)
    y = base_labels(n, c)
    cls = ["cat", "dog", "bird"]

    def rows(label_of=lambda i: str(y[i]), fmt="%g", sep=",", label_first=True,
             score_text=None):
        out = []
        for i in range(n):
            vals = [score_text(v) if score_text else fmt % v for v in s[i]]
            out.append(sep.join(([label_of(i)] + vals) if label_first else (vals + [label_of(i)])))
        return out

    def write(name, text, **kw):
        write_text(GOLDEN, name, text)
        kw.setdefault("class_names", cls)
        case(name, name, kw.pop("scores", s), kw.pop("labels", y),
             fmt=kw.pop("fmt", "tsv" if name.endswith(".tsv") else "csv"), **kw)

    write_text(GOLDEN, "csv_named.dat", "label,cat,dog,bird\n" + "\n".join(rows()) + "\n")
    case("csv_named.dat", "csv_named.dat", s, y, class_names=cls, fmt="csv")
    write("comma_header.csv", "label,cat,dog,bird\n" + "\n".join(rows()) + "\n")
    write("tab_header.tsv", "label\tcat\tdog\tbird\n" + "\n".join(rows(sep="\t")) + "\n")
    write("semicolon.csv", "label;cat;dog;bird\n" + "\n".join(rows(sep=";")), )
    write("no_header.csv", "\n".join(rows()) + "\n", class_names=["0", "1", "2"])
    write("comments_blanks.csv", "# predictions of a model\n\n  # indented comment\n"
          "label,cat,dog,bird\n" + "\n".join(rows()[:3]) + "\n\n   \n# middle\n"
          + "\n".join(rows()[3:]) + "\n\n")
    quoted = ['cat, big', 'dog "x"', 'bird\nline']
    write("quoted_header.csv", '"label","cat, big","dog ""x""","bird\nline"\n'
          + "\n".join(rows()) + "\n", class_names=quoted)
    write("crlf.csv", "label,cat,dog,bird\r\n" + "\r\n".join(rows()) + "\r\n")
    write("bom.csv", "\ufefflabel,cat,dog,bird\n" + "\n".join(rows()) + "\n")
    write("label_last_named.csv", "cat,dog,bird,Target\n"
          + "\n".join(rows(label_first=False)) + "\n")
    # The label column named y in the middle: scores keep their order around it.
    write("label_middle_y.csv", "cat,Y,dog,bird\n" + "\n".join(
        "%g,%d,%g,%g" % (s[i, 0], y[i], s[i, 1], s[i, 2]) for i in range(n)) + "\n")
    write("string_labels.csv", "gt,cat,dog,bird\n"
          + "\n".join(rows(label_of=lambda i: cls[y[i]])) + "\n")
    yi = y.copy()
    yi[[1, 4]] = -100
    write("ignore_index.csv", "label,cat,dog,bird\n"
          + "\n".join(rows(label_of=lambda i: str(yi[i]))) + "\n", labels=yi, ignored=2)
    yj = y.copy()
    yj[2] = 255
    write("ignore_255.csv", "label,cat,dog,bird\n"
          + "\n".join(rows(label_of=lambda i: str(yj[i]))) + "\n", labels=yj, ignored=1,
          options={"ignore_index": 255})
    write("plus_signs.csv", "label,cat,dog,bird\n" + "\n".join(
        rows(label_of=lambda i: "+%d" % y[i], score_text=lambda v: ("+%g" % v) if v >= 0 else "%g" % v))
        + "\n")
    write("quoted_fields.csv", '"label","cat","dog","bird"\n' + "\n".join(
        ",".join('"%s"' % f for f in r.split(",")) for r in rows()) + "\n")
    write("spaces.csv", "label, cat, dog, bird\n" + "\n".join(
        ", ".join(r.split(",")) for r in rows()) + "\n")
    write("float_labels.csv", "label,cat,dog,bird\n"
          + "\n".join(rows(label_of=lambda i: "%d.0" % y[i])) + "\n")
    write("exponents.csv", "label,cat,dog,bird\n"
          + "\n".join(rows(score_text=lambda v: "%.6e" % v)) + "\n")
    # pandas' own writer, as users produce these files.
    df = pd.DataFrame(s.astype(np.float32), columns=cls)
    df.insert(0, "y_true", y)
    df.to_csv(os.path.join(GOLDEN, "pandas.csv"), index=False)
    case("pandas.csv", "pandas.csv", s, y, class_names=cls, fmt="csv")
    # Binary: one score column, labels 0/1 or true/false (any case).
    b = base_probs(n, 2)[:, 1]
    yb = base_labels(n, 1)
    write("binary_01.csv", "label,score\n" + "".join(
        "%d,%g\n" % (yb[i], b[i]) for i in range(n)), scores=b, labels=yb,
        class_names=["score"], kind="probabilities")
    words = ["false", "True", "FALSE", "true", "False", "TRUE"]
    write("binary_bool.csv", "".join("%s,%g\n" % (words[i], b[i]) for i in range(n)),
          scores=b, labels=yb, class_names=["0"], kind="probabilities")
    # Probabilities whose rows sum to 1; kind forced to probabilities on logits warns.
    p = base_probs(n, c)
    write("probabilities.csv", "label,cat,dog,bird\n" + "".join(
        "%d,%.17g,%.17g,%.17g\n" % (y[i], *p[i]) for i in range(n)), scores=p,
        kind="probabilities")
    write_text(GOLDEN, "forced_probabilities.csv", "label,cat,dog,bird\n" + "".join(
        "%d,%g,%g,%g\n" % (y[i], 0.5, 0.25, 0.5) for i in range(n)))
    case("forced_probabilities.csv", "forced_probabilities.csv",
         np.tile([0.5, 0.25, 0.5], (n, 1)), y, class_names=cls, kind="probabilities",
         options={"kind": "probabilities"}, warnings=1)
    case("comma_header.csv forced logits", "comma_header.csv", s, y, class_names=cls,
         options={"kind": "logits"})
    # Non-finite scores skipped and counted.
    bad = s.copy()
    write_text(GOLDEN, "skip_nonfinite.csv", "label,cat,dog,bird\n" + "".join(
        "%d,%s\n" % (y[i], ",".join(("nan" if i == 1 else "inf" if i == 4 and j == 2 else "%g" % bad[i, j])
                                    for j in range(c))) for i in range(n)))
    keep = [0, 2, 3, 5]
    case("skip_nonfinite.csv", "skip_nonfinite.csv", s[keep], y[keep], class_names=cls,
         options={"skip_invalid": True}, samples=n, skipped=2)
    # CSV scores with labels from another file: every column is a score.
    write_text(GOLDEN, "scores_only.csv", "cat,dog,bird\n" + "".join(
        "%g,%g,%g\n" % tuple(s[i]) for i in range(n)))
    np.save(os.path.join(GOLDEN, "labels_6x3.npy"), y.astype(np.int32))
    case("scores_only.csv+npy", "scores_only.csv", s, y, class_names=cls,
         labels_path="labels_6x3.npy")
    write_text(GOLDEN, "scores_only_nan.txt", "cat\tdog\tbird\n" + "".join(
        "%s\n" % "\t".join("nan" if (i, j) == (3, 1) else "%g" % s[i, j] for j in range(c))
        for i in range(n)))
    keep = [0, 1, 2, 4, 5]
    case("scores_only_nan.txt+npy skip", "scores_only_nan.txt", s[keep], y[keep],
         class_names=cls, labels_path="labels_6x3.npy", fmt="tsv",
         options={"skip_invalid": True}, samples=n, skipped=1)
    write_text(GOLDEN, "labels_names.csv", "label\n" + "".join(cls[v] + "\n" for v in y))
    case("scores_only.csv+names", "scores_only.csv", s, y, class_names=cls,
         labels_path="labels_names.csv")


# The malformed corpus: (file, labels file or "-", options or "-", expected message part).
bad_cases = []


def bad(name, content, expected, labels="-", options="-"):
    if content is not None:
        write_text(BAD, name, content)
    bad_cases.append((name, labels, options, expected))


def npy_bytes(array):
    import io
    f = io.BytesIO()
    np.lib.format.write_array(f, array, allow_pickle=True)
    return f.getvalue()


def npy_with_header(header, data=b"", version=1):
    header = header.encode("latin1")
    pad = 64 - (10 + len(header) + 1) % 64
    header = header + b" " * pad + b"\n"
    if version == 1:
        return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header + data
    return b"\x93NUMPY" + bytes([version, 0]) + struct.pack("<I", len(header)) + header + data


def bad_corpus():
    csv_head = "label,a,b,c\n"
    good_rows = ["0,0.1,0.2,0.7", "1,0.3,0.3,0.4", "2,0.5,0.25,0.25", "1,0.2,0.6,0.2"]

    def csv(rows):
        return csv_head + "\n".join(rows) + "\n"

    bad("empty.csv", "", "empty.csv: the file is empty")
    bad("header_only.csv", csv_head, "header_only.csv:1: expected data rows after the header, found none")
    bad("comments_only.csv", "# nothing\n\n# here\n",
        "comments_only.csv: expected data rows, found only blank or comment lines")
    bad("ragged_short.csv", csv(good_rows[:2] + ["2,0.5,0.5"] + good_rows[3:]),
        "ragged_short.csv:4: expected 4 fields, found 3")
    bad("ragged_long.csv", csv(good_rows[:3] + ["1,0.2,0.6,0.2,0.0"]),
        "ragged_long.csv:5: expected 4 fields, found 5")
    bad("non_numeric.csv", csv(good_rows[:1] + ["1,0.3,abc,0.4"] + good_rows[2:]),
        "non_numeric.csv:3: column 3 ('b'): expected a number, found 'abc'")
    bad("empty_field.csv", csv(good_rows[:1] + ["1,0.3,,0.4"]),
        "empty_field.csv:3: column 3 ('b'): expected a number, found ''")
    bad("nan_score.csv", csv(good_rows[:2] + ["2,nan,0.25,0.25"] + good_rows[3:]),
        "nan_score.csv:4: column 2 ('a'): expected a finite score, found nan")
    bad("nan_score.csv", None, "OK samples=4 skipped=1", options="skip_invalid")
    bad("inf_score.csv", csv(good_rows[:3] + ["1,0.2,0.6,-inf"]),
        "inf_score.csv:5: column 4 ('c'): expected a finite score, found -inf")
    bad("inf_score.csv", None, "OK samples=4 skipped=1", options="skip_invalid")
    bad("pos_inf_score.csv", csv(["0,inf,0.2,0.7"] + good_rows[1:]),
        "pos_inf_score.csv:2: column 2 ('a'): expected a finite score, found inf")
    bad("label_out_of_range.csv", csv(good_rows[:2] + ["3,0.5,0.25,0.25"]),
        "label_out_of_range.csv:4: column 1 ('label'): expected a label in [0, 3) or the ignore "
        "index -100, found 3")
    bad("negative_label.csv", csv(good_rows[:1] + ["-1,0.3,0.3,0.4"]),
        "negative_label.csv:3: column 1 ('label'): expected a label in [0, 3) or the ignore "
        "index -100, found -1")
    bad("fractional_label.csv", csv(good_rows[:3] + ["1.5,0.2,0.6,0.2"]),
        "fractional_label.csv:5: column 1 ('label'): expected an integer label, found 1.5")
    bad("string_label_unknown.csv", "label,cat,dog\ncat,0.5,0.5\nfish,0.2,0.8\n",
        "string_label_unknown.csv:3: column 1 ('label'): expected an integer label or a class "
        "name (cat, dog), found 'fish'")
    bad("binary_label_2.csv", "label,score\n0,0.1\n2,0.9\n",
        "binary_label_2.csv:3: column 1 ('label'): expected 0 or 1 or the ignore index -100, "
        "found 2")
    bad("binary_label_word.csv", "label,score\n0,0.1\nyes,0.9\n",
        "binary_label_word.csv:3: column 1 ('label'): expected 0, 1, true, false or the ignore "
        "index -100, found 'yes'")
    bad("one_column.csv", "label\n0\n1\n",
        "one_column.csv:1: expected at least 2 fields (a label and a score), found 1")
    bad("double_sign.csv", "label,a\n1,+-0.5\n",
        "double_sign.csv:2: column 2 ('a'): expected a number, found '+-0.5'")
    bad("unclosed_quote.csv", 'label,a\n1,"0.5\n',
        "unclosed_quote.csv:2: column 2 ('a'): expected a closing quote")
    bad("binary_garbage.csv", b"\x00\x01\x02\x03garbage",
        "binary_garbage.csv: expected a text file (CSV, TSV) or .npy / .npz, found binary data "
        "(a zero byte at offset 0)")

    s = base_scores(6, 4).astype("<f4")
    y = base_labels(6, 4)
    write_text(BAD, "scores_6x4.npy", npy_bytes(s))
    write_text(BAD, "labels_5.npy", npy_bytes(y[:5].astype("<i8")))
    write_text(BAD, "labels_5.csv", "".join("%d\n" % v for v in y[:5]))
    write_text(BAD, "labels_2x3.npy", npy_bytes(y.reshape(2, 3).astype("<i8")))
    write_text(BAD, "labels_f4.npy", npy_bytes(y.astype("<f4")))
    yo = y.copy()
    yo[2] = 7
    write_text(BAD, "labels_out_of_range.npy", npy_bytes(yo.astype("<i4")))
    yn = y.copy()
    yn[3] = -5
    write_text(BAD, "labels_negative.npy", npy_bytes(yn.astype("<i2")))
    write_text(BAD, "labels_fractional.csv", "label\n0\n1\n2.5\n0\n1\n2\n")
    write_text(BAD, "labels_two_columns.csv", "label,x\n0,1\n")
    write_text(BAD, "labels_huge.npy", npy_bytes(np.array([0, 1, 2**40, 0, 1, 2], dtype="<i8")))
    bad("scores_6x4.npy", None,
        "scores_6x4.npy: a .npy file holds only scores: expected a labels file")
    bad("scores_6x4.npy", None, "labels_5.npy: labels of shape (5,) do not match the scores of "
        + "BADDIR/scores_6x4.npy: expected shape (6,)", labels="labels_5.npy")
    bad("scores_6x4.npy", None, "labels_5.csv: expected 6 labels (one per row of "
        + "BADDIR/scores_6x4.npy), found 5", labels="labels_5.csv")
    bad("scores_6x4.npy", None, "labels_2x3.npy: labels of shape (2, 3) do not match the scores "
        + "of BADDIR/scores_6x4.npy: expected shape (6,)", labels="labels_2x3.npy")
    bad("scores_6x4.npy", None, "labels_f4.npy: unsupported label dtype '<f4': expected an "
        + "integer (i1..i8, u1..u8) or bool (b1) dtype", labels="labels_f4.npy")
    bad("scores_6x4.npy", None, "labels_out_of_range.npy: element 2: expected a label in [0, 4) "
        + "or the ignore index -100, found 7", labels="labels_out_of_range.npy")
    bad("scores_6x4.npy", None, "labels_negative.npy: element 3: expected a label in [0, 4) or "
        + "the ignore index -100, found -5", labels="labels_negative.npy")
    bad("scores_6x4.npy", None, "labels_fractional.csv:4: expected an integer label, found 2.5",
        labels="labels_fractional.csv")
    bad("scores_6x4.npy", None, "labels_two_columns.csv:1: expected 1 field (a label), found 2",
        labels="labels_two_columns.csv")
    bad("scores_6x4.npy", None, "labels_huge.npy: element 2: expected a label that fits in 32 "
        + "bits, found 1099511627776", labels="labels_huge.npy")
    bad("scores_6x4.npy", None, "missing_labels.npy: cannot open: no such file",
        labels="missing_labels.npy")

    good = npy_bytes(s)
    bad("bad_magic.npy", b"NUMPY\x93" + good[6:],
        "bad_magic.npy: expected the .npy magic \\x93NUMPY, found 'NUMPY\\x93'")
    bad("text_as_npy.npy", "label,a\n0,1\n",
        "text_as_npy.npy: expected the .npy magic \\x93NUMPY, found 'label,'")
    bad("truncated_header.npy", good[:40],
        "truncated_header.npy: truncated header: expected 118 header bytes after byte 10, "
        "found 30 before the end of the file")
    bad("truncated_version.npy", good[:7],
        "truncated_version.npy: truncated header: expected a version at byte 6")
    bad("truncated_data.npy", good[:128 + 40],
        "truncated_data.npy: declared shape (6, 4) of <f4 needs 96 bytes of data, but the file "
        "holds only 40 after the header (data ends at element 10 of 24)")
    bad("version_4.npy", b"\x93NUMPY\x04\x00" + good[8:],
        "version_4.npy: unsupported .npy version 4.0 (expected 1.0, 2.0 or 3.0)")
    bad("malformed_header.npy", npy_with_header("{'descr': '<f4', 'fortran_order': Maybe, "
                                                "'shape': (2,), }", b"\0" * 8),
        "malformed_header.npy: malformed header at byte 34 of the header dict: expected True or "
        "False, found 'Maybe, 'shape': (2,)'")
    bad("missing_shape.npy", npy_with_header("{'descr': '<f4', 'fortran_order': False, }"),
        "missing_shape.npy: malformed header: expected the keys 'descr', 'fortran_order' and "
        "'shape'")
    bad("complex.npy", npy_bytes(np.zeros((3, 2), dtype="<c8")),
        "complex.npy: unsupported dtype '<c8': expected scores of dtype f2, f4 or f8")
    bad("object.npy", npy_bytes(np.array([[1.0, None]], dtype=object)),
        "object.npy: unsupported dtype '|O': expected scores of dtype f2, f4 or f8")
    bad("strings.npy", npy_bytes(np.array([["a", "bc"]])),
        "strings.npy: unsupported dtype '<U2': expected scores of dtype f2, f4 or f8")
    bad("structured.npy", npy_bytes(np.zeros(2, dtype=[("a", "<f4"), ("b", "<i4")])),
        "structured.npy: unsupported dtype '[('a', '<f4'), ('b', '<i4')]': expected scores of "
        "dtype f2, f4 or f8")
    bad("integer_scores.npy", npy_bytes(np.zeros((2, 2), dtype="<i4")),
        "integer_scores.npy: unsupported dtype '<i4': expected scores of dtype f2, f4 or f8")
    bad("huge_shape.npy", npy_with_header("{'descr': '<f4', 'fortran_order': False, "
                                          "'shape': (1000000, 1000000), }", b"\0" * 16),
        "huge_shape.npy: declared shape (1000000, 1000000) of <f4 needs 4000000000000 bytes of "
        "data, but the file holds only 16 after the header")
    bad("overflow_shape.npy", npy_with_header("{'descr': '<f8', 'fortran_order': False, "
                                              "'shape': (4611686018427387904, 16), }", b"\0" * 16),
        "overflow_shape.npy: declared shape (4611686018427387904, 16) of <f8 needs more than "
        "2^63 bytes of data, but the file holds only 16 after the header")
    bad("zero_rows.npy", npy_bytes(np.zeros((0, 3), dtype="<f4")),
        "zero_rows.npy: shape (0, 3): expected at least one row, found 0")
    bad("zero_classes.npy", npy_bytes(np.zeros((3, 0), dtype="<f4")),
        "zero_classes.npy: shape (3, 0): expected at least one class column in the last axis, "
        "found 0")
    bad("scalar.npy", npy_bytes(np.float32(1.5)),
        "scalar.npy: shape (): expected an array of at least one dimension (rows)")
    sn = s.copy()
    sn[2, 1] = np.nan
    sn[4, 0] = np.inf
    write_text(BAD, "labels_6.npy", npy_bytes(y.astype("<i8")))
    bad("nan_scores.npy", npy_bytes(sn),
        "nan_scores.npy: element 9 (row 2, column 1): expected a finite score, found nan",
        labels="labels_6.npy")
    bad("nan_scores.npy", None, "OK samples=6 skipped=2", labels="labels_6.npy",
        options="skip_invalid")

    def npz(name, compress=False, **arrays):
        (np.savez_compressed if compress else np.savez)(os.path.join(BAD, name), **arrays)

    npz("missing_keys.npz", foo=s, bar=y)
    bad("missing_keys.npz", None, "missing_keys.npz: expected an array named one of scores, "
        "preds, predictions, probs, probabilities, logits, y_score, y_pred, found foo, bar")
    bad("missing_keys.npz", None, "missing_keys.npz: expected an array named baz, found foo, bar",
        options="scores_key=baz")
    npz("no_labels.npz", scores=s)
    bad("no_labels.npz", None, "no_labels.npz: expected labels named one of labels, targets, "
        "target, y, y_true, gt (or a labels file), found scores")
    npz("labels_wrong_shape.npz", scores=s, labels=y[:4])
    bad("labels_wrong_shape.npz", None, "labels_wrong_shape.npz:labels.npy: labels of shape (4,) "
        "do not match the scores BADDIR/labels_wrong_shape.npz:scores.npy of shape (6, 4): "
        "expected shape (6,)")
    npz("complex.npz", scores=np.zeros((2, 2), dtype=np.complex128), labels=[0, 1])
    bad("complex.npz", None, "complex.npz:scores.npy: unsupported dtype '<c16': expected scores "
        "of dtype f2, f4 or f8")
    npz("nan.npz", True, scores=sn, labels=y)
    bad("nan.npz", None, "nan.npz:scores.npy: element 9 (row 2, column 1): expected a finite "
        "score, found nan")
    bad("nan.npz", None, "OK samples=6 skipped=2", options="skip_invalid")
    with open(os.path.join(BAD, "complex.npz"), "rb") as f:
        whole = f.read()
    bad("truncated.npz", whole[: len(whole) // 2],
        "truncated.npz: expected a zip archive (.npz), found a file libzip cannot open: ")
    bad("corrupt.npz", b"PK\x03\x04" + bytes(range(256)) * 4,
        "corrupt.npz: expected a zip archive (.npz), found a file libzip cannot open: ")
    bad("empty.npz", b"PK\x05\x06" + b"\0" * 18,
        "empty.npz: expected an array named one of scores, preds, predictions, probs, "
        "probabilities, logits, y_score, y_pred, found no arrays")
    bad("not_zip.npz", "label,a\n0,1\n",
        "not_zip.npz: expected a zip archive (.npz) starting with PK\\x03\\x04, found other data")
    # Deflated data damaged in the middle of the scores entry.
    big = base_scores(2000, 4).astype("<f4")
    npz("damaged.npz", True, scores=big, labels=base_labels(2000, 4))
    with open(os.path.join(BAD, "damaged.npz"), "rb") as f:
        data = bytearray(f.read())
    start = data.index(b"scores.npy") + 200
    for k in range(start, start + 64):
        data[k] ^= 0x5A
    write_text(BAD, "damaged.npz", bytes(data))
    bad("damaged.npz", None, "damaged.npz:scores.npy: corrupt entry")
    # A header claiming 10^12 elements inside an archive: refused before allocating.
    z = zipfile.ZipFile(os.path.join(BAD, "huge_entry.npz"), "w")
    with z.open("scores.npy", "w", force_zip64=True) as f:
        f.write(npy_with_header("{'descr': '<f4', 'fortran_order': False, "
                                "'shape': (1000000, 1000000), }", b"\0" * 16))
    z.close()
    bad("huge_entry.npz", None, "huge_entry.npz:scores.npy: declared shape (1000000, 1000000) of "
        "<f4 needs 4000000000000 bytes of data, but the file holds only 16 after the header")


# Inputs found by scripts/fuzz, kept byte for byte (they are not generated) with the message
# each must give.
FUZZ_FINDINGS = [
    ("fuzz_huge_stored_entry.npz", "fuzz_huge_stored_entry.npz:target.npy: corrupt entry: it "
     "declares 4294967120 compressed bytes, but the archive has only 664"),
]


def main():
    kept = {}
    for name, _ in FUZZ_FINDINGS:
        with open(os.path.join(BAD, name), "rb") as f:
            kept[name] = f.read()
    for d in (GOLDEN, BAD):
        if os.path.isdir(d):
            shutil.rmtree(d)
        os.makedirs(d)
    golden_npy()
    golden_npz()
    golden_csv()
    bad_corpus()
    for name, expected in FUZZ_FINDINGS:
        bad(name, kept[name], expected)
    with open(os.path.join(GOLDEN, "expected.json"), "w") as f:
        json.dump({"cases": cases}, f, indent=1, ensure_ascii=False)
        f.write("\n")
    with open(os.path.join(BAD, "expected.tsv"), "w") as f:
        f.write("# file\tlabels file or -\toptions or -\texpected message part (BADDIR: this "
                "folder), or OK samples=N skipped=K\n")
        for row in bad_cases:
            f.write("\t".join(row) + "\n")
    print("%d golden cases, %d malformed cases" % (len(cases), len(bad_cases)))


if __name__ == "__main__":
    main()
