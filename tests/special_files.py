"""Photo paths that are no photo files, tried in a child process with limits (tests only).

``python -m photo_motifs.tests.special_files CASE FOLDER`` runs one reader of photos (CASE) over
the special files of FOLDER (made by :func:`make_special_files`: a link to ``/dev/zero``, a named
pipe, a socket, a real photo) and prints one JSON line ``{name: outcome}``. The child has a memory
limit (a reader of ``/dev/zero`` dies of MemoryError instead of taking the machine's memory) and
an alarm (a reader blocked on a pipe is killed): the tests read the outcome or the death.
"""
from __future__ import annotations

import json
import os
import resource
import signal
import socket
import sys
from pathlib import Path

SPECIAL = ("zero.jpg", "pipe.jpg", "sock.jpg")
MEMORY_LIMIT = 3 << 30
ALARM_SECONDS = 30


def make_special_files(folder, photo) -> dict:
    """zero.jpg -> /dev/zero, pipe.jpg (FIFO), sock.jpg (a bound Unix socket) and good.jpg."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    os.symlink("/dev/zero", folder / "zero.jpg")
    os.mkfifo(folder / "pipe.jpg")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(str(folder / "sock.jpg"))
    sock.close()  # the socket file stays
    (folder / "good.jpg").write_bytes(Path(photo).read_bytes())
    return {name: folder / name for name in (*SPECIAL, "good.jpg")}


def _outcome(call):
    try:
        value = call()
    except MemoryError:
        return {"error": "MemoryError"}
    except Exception as exc:  # what the reader raised: its type, code and sentence
        return {"error": type(exc).__name__, "code": getattr(exc, "code", None), "text": str(exc)}
    return {"value": value}


def _each(folder, reader):
    return {name: _outcome(lambda p=Path(folder) / name: reader(p)) for name in (*SPECIAL, "good.jpg")}


def run_case(case: str, folder: Path) -> dict:
    if case == "hash":
        from photo_motifs.core.hashing import content_hash

        return _each(folder, lambda p: content_hash(p))
    if case == "decode":
        from photo_motifs.core.decode import open_oriented

        return _each(folder, lambda p: list(open_oriented(p, min_side=64).size))
    if case == "metadata":
        from photo_motifs.core.photometa import read_photo

        return _each(folder, lambda p: read_photo(p).photo_id)
    if case == "thumbnail":
        from photo_motifs.core.thumbnails import thumbnail

        return _each(folder, lambda p: thumbnail(p, 64, cache_dir=folder.parent / "thumbs").name)
    if case == "scan":
        from photo_motifs.core.photometa import scan_folder

        records, invalid = scan_folder(folder, keep_unlocated=True)
        return {"records": [Path(r.photo).name for r in records],
                "invalid": {Path(b.path).name: b.reason_code for b in invalid}}
    if case == "table":
        from photo_motifs.core.table_import import join_table

        rows = [{"filename": n, "latitude": "58.3", "longitude": "26.7"} for n in (*SPECIAL, "good.jpg")]
        records, invalid = join_table(rows, folder)
        return {"records": [Path(r.photo).name for r in records],
                "invalid": {Path(b.path).name or b.filename: b.reason_code for b in invalid}}
    if case == "embed":
        from photo_motifs.core.embed import compute_embeddings
        from photo_motifs.models.registry import ensure_onnx, get_backbone

        spec = get_backbone("efficientnet_lite0")
        paths = [str(folder / n) for n in (*SPECIAL, "good.jpg")]
        result = compute_embeddings(paths, spec, ensure_onnx(spec.id), workers=1, streams=1)
        return {"rows": [Path(paths[i]).name for i in result.rows],
                "failed": {Path(p).name: code for _i, p, code, _s in result.failed}}
    if case == "export":
        from photo_motifs.core.exportgroups import export_groups

        rows = [{"photo": str(folder / n), "cluster": "C1"} for n in (*SPECIAL, "good.jpg")]
        report = export_groups(rows, folder.parent / "export", write_tables=())
        return {"copied": report.copied, "problems": {Path(p).name: code for p, code, _s in report.problems}}
    if case == "sheet":
        from photo_motifs.core.sheets import contact_sheet

        out = folder.parent / "sheet.png"
        contact_sheet([str(folder / n) for n in (*SPECIAL, "good.jpg")], out, title="t")
        return {"written": out.is_file()}
    raise SystemExit(f"unknown case {case}")


def main(argv) -> None:
    case, folder = argv[1], Path(argv[2])
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    signal.alarm(ALARM_SECONDS)  # a reader blocked on the pipe dies here (SIGALRM's default action)
    print(json.dumps(run_case(case, folder)), flush=True)


if __name__ == "__main__":
    main(sys.argv)
