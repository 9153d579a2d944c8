"""core.deps (missing-package sentences) and core.files (folder listing)."""
import sys

from photo_motifs.core import deps
from photo_motifs.core.files import list_files, list_image_files


def test_missing_message_names_package_and_command(monkeypatch):
    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    monkeypatch.setitem(sys.modules, "sklearn", None)
    assert deps.missing("embed") == ["onnxruntime"]
    msg = deps.missing_message("cluster")
    assert "scikit-learn" in msg and "pip install 'scikit-learn'" in msg
    assert deps.missing_message("import") is None


def test_venv_location_follows_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("PHOTO_MOTIFS_HOME", str(tmp_path))
    monkeypatch.delenv("PHOTO_MOTIFS_VENV", raising=False)
    assert deps.venv_dir() == tmp_path / "venv"
    (tmp_path / "venv/lib/python3.11/site-packages").mkdir(parents=True)
    added = deps.add_venv_to_path()
    try:
        assert added == [str(tmp_path / "venv/lib/python3.11/site-packages")]
        assert sys.path[0] == added[0]
        assert "/venv/bin/python -m pip install" in deps.install_command(["numpy"])
    finally:
        for p in added:
            sys.path.remove(p)


def test_list_files_sorted_hidden_skipped(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ["b/z.JPG", "a.heic", "notes.txt", ".hidden/x.jpg", ".dot.jpg", "b/y.tif"]:
        (tmp_path / name).write_bytes(b"x")
    assert [p.relative_to(tmp_path).as_posix() for p in list_files(tmp_path)] == [
        "a.heic", "b/y.tif", "b/z.JPG", "notes.txt"]
    assert [p.name for p in list_image_files(tmp_path)] == ["a.heic", "y.tif", "z.JPG"]
    assert [p.name for p in list_image_files(tmp_path, recursive=False)] == ["a.heic"]


def test_content_hash_identity(tmp_path):
    from photo_motifs.core.hashing import content_hash, full_hash

    big = bytes(range(256)) * 2000  # 512 000 bytes: sampled head and tail
    a = tmp_path / "a.jpg"
    a.write_bytes(big)
    renamed = tmp_path / "sub" / "renamed.jpg"
    renamed.parent.mkdir()
    renamed.write_bytes(big)
    assert content_hash(a) == content_hash(renamed)
    head = bytearray(big)
    head[10] ^= 1
    tail = bytearray(big)
    tail[-10] ^= 1
    for i, variant in enumerate([bytes(head), bytes(tail), big + b"x", big[:1000]]):
        p = tmp_path / f"v{i}.jpg"
        p.write_bytes(variant)
        assert content_hash(p) != content_hash(a)
    middle = bytearray(big)
    middle[len(big) // 2] ^= 1  # only the full hash sees a change in the middle
    m = tmp_path / "m.jpg"
    m.write_bytes(bytes(middle))
    assert full_hash(m) != full_hash(a)
