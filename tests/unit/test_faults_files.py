"""Photo paths naming /dev/zero, a named pipe or a socket: refused per photo, never read.

Before the one check in core/files.py, hashing read /dev/zero until the memory ran out (devices
report size 0, and small files were read whole) and a named pipe blocked every reader forever.
Each reader runs in a child process with a memory limit and an alarm (tests/special_files.py),
so a regression fails the test instead of taking the machine down.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from photo_motifs.tests.special_files import SPECIAL, make_special_files

PACKAGE_PARENT = str(Path(__file__).resolve().parents[3])


@pytest.fixture
def special(labeled_dir, tmp_path):
    photo = sorted((labeled_dir / "intel_scenes_dev" / "forest").glob("*.jpg"))[0]
    make_special_files(tmp_path / "photos", photo)
    return tmp_path / "photos"


def run_child(case, folder):
    env = dict(os.environ, PYTHONPATH=PACKAGE_PARENT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.run([sys.executable, "-m", "photo_motifs.tests.special_files", case, str(folder)],
                          capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, f"the {case} reader died (status {proc.returncode}): {proc.stderr[-1500:]}"
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("case", ["hash", "decode", "metadata", "thumbnail"])
def test_each_reader_refuses_devices_pipes_and_sockets(special, case):
    out = run_child(case, special)
    for name in SPECIAL:
        assert out[name].get("code") == "not_a_file", (name, out[name])
        assert "not a photo file" in out[name]["text"] and "it was not opened" in out[name]["text"]
    assert "value" in out["good.jpg"], out["good.jpg"]
    assert "a device" in out["zero.jpg"]["text"] and "a named pipe" in out["pipe.jpg"]["text"]
    assert "a socket" in out["sock.jpg"]["text"]


def test_folder_scan_lists_them_with_a_reason(special):
    out = run_child("scan", special)
    assert out["records"] == ["good.jpg"]
    assert out["invalid"] == {name: "not_a_file" for name in SPECIAL}


def test_table_import_lists_them_with_a_reason(special):
    out = run_child("table", special)
    assert out["records"] == ["good.jpg"]
    assert out["invalid"] == {name: "not_a_file" for name in SPECIAL}


def test_embedding_refuses_them_per_photo(special):
    out = run_child("embed", special)
    assert out["rows"] == ["good.jpg"]
    assert out["failed"] == {name: "not_a_file" for name in SPECIAL}


def test_export_refuses_them_per_photo(special):
    out = run_child("export", special)
    assert out["copied"] == 1
    assert out["problems"] == {name: "not_a_file" for name in SPECIAL}


def test_contact_sheet_skips_them(special):
    assert run_child("sheet", special) == {"written": True}


def test_direct_device_path_and_size_limit(tmp_path):
    from photo_motifs.core.files import PhotoFileError, check_photo_file, open_photo

    with pytest.raises(PhotoFileError) as info:
        open_photo("/dev/zero")
    assert info.value.code == "not_a_file"
    big = tmp_path / "big.jpg"
    with open(big, "wb") as fh:
        fh.truncate(2048)  # sparse: the size counts, not the blocks
    with pytest.raises(PhotoFileError) as info:
        check_photo_file(big, max_bytes=1024)
    assert info.value.code == "file_too_large" and "2,048 bytes" in str(info.value)
    with open_photo(big, max_bytes=4096) as fh:
        assert fh.read() == b"\0" * 2048


def test_hashing_reads_in_bounded_chunks_and_checks_for_cancel(tmp_path):
    """full_hash reads 1 MiB at a time and asks for a cancel between chunks."""
    from photo_motifs.core.feedback import Canceled
    from photo_motifs.core.hashing import content_hash, full_hash

    path = tmp_path / "big.bin"
    path.write_bytes(os.urandom(3 << 20))
    import hashlib

    assert full_hash(path) == hashlib.sha256(path.read_bytes()).hexdigest()
    checks = []

    def check():
        checks.append(1)
        if len(checks) > 1:
            raise Canceled("stop")

    with pytest.raises(Canceled):
        full_hash(path, check=check)
    assert len(checks) == 2
    # content hash: size + first and last 64 KiB, computed here with hashlib independently
    data = path.read_bytes()
    h = hashlib.blake2b(digest_size=16)
    h.update(len(data).to_bytes(8, "little"))
    h.update(data[:65536])
    h.update(data[-65536:])
    assert content_hash(path) == h.hexdigest()
