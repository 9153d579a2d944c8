"""Export photos into one folder per cluster, plus the attribute table as XLSX and CSV.

What it never does (unlike Orange's Save Images): delete, empty or overwrite anything in the
output folder, move or modify a source photo, or shorten a file name at its first dot.

* Each photo goes to ``<out_dir>/<group>/<its full file name>``; group names are made safe for
  Windows, macOS and Linux file systems (two names that become the same folder get " (2)").
* A name already taken gets ``name (2).jpg``, ``name (3).jpg``... unless the existing file has
  the same bytes as what would be written: then nothing is written and the photo is reported as
  already there (re-running an export is harmless).
* ``mode='copy'`` copies bytes and timestamps. ``mode='link'`` makes a hard link where the file
  system allows (no extra space; the two names share one file, so editing the exported photo
  edits the original), else a symbolic link, else a copy; the report says which.
* ``strip_metadata=True`` ("for sharing") re-encodes every copy as JPEG (quality 95) without EXIF,
  GPS, XMP or comments, with the EXIF orientation applied to the pixels; the colour profile is
  kept. A non-JPEG source keeps its full name with ``.jpg`` appended. Links are impossible then.
  Its tables leave out every column that could locate, date or identify a photo, its camera or
  its owner (:func:`sharing_columns`), and the report's notes say which.
* The table: every row's fields, then ``export_file`` (path relative to ``out_dir``) and
  ``export_status``, then embedding columns ``f0``, ``f1``... when ``vectors`` is given. Written
  next to the group folders, under a new name if one already exists.

Problems (missing photo, not an image, unreadable photo, unwritable folder) are rows
``(path, reason_code, sentence)`` in ``ExportReport.problems``; the export carries on.

Safety (see README "Safety"):

* Only image files are copied (Pillow must recognise the content, the same check as the
  import): a path field pointing at ``/etc/passwd`` exports nothing. Relative paths resolve
  against ``root`` (the layer's folder), never against the working directory.
* Every photo and table is written under a temporary name in its target folder and renamed
  when complete, so a cancelled run or a full disk never leaves a truncated file under a
  photo's name.
* A full disk (or a read-only file system) stops the export: the run removes every file and
  folder it created and raises :class:`ExportError` saying so. A cancelled run does the same
  and re-raises :class:`~.feedback.Canceled` with that sentence. Nothing that existed before
  the run is touched.
* A metadata-stripping export refuses a folder that already holds unstripped copies of the
  same photos (an earlier copy or link export): the folder would still carry their GPS.
* Table cells are written with :mod:`.safe_cells` (text, never formulas).
"""
from __future__ import annotations

import errno
import filecmp
import glob
import io
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .feedback import Canceled, CoreFeedback, ensure_feedback
from .files import PhotoFileError, check_photo_file, open_photo
from .messages import Message, msg
from .options import EXPORT_MODE_OPTIONS, values
from .safe_cells import save_csv, save_xlsx
from .safe_paths import resolve_against
from .safe_write import TEMP_PREFIX, write_complete

MODES = values(EXPORT_MODE_OPTIONS)

TABLE_NAME = "photo_motifs_export"
MAX_NAME = 120
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
_JPEG_EXT = {".jpg", ".jpeg", ".jpe", ".jfif"}
# table columns an export "for sharing" (without metadata) leaves out: location, time, camera, file
# paths and names, owners, identifiers and free text of a photo. Short words must be whole words of the
# column name (``x``, ``id``, ``make``); long unambiguous ones count anywhere in it (``GPSLatitude``).
_PRIVATE_WORD = re.compile(
    r"(?:^|_)(?:lat|lon|lng|long|alt|x|y|z|geom|geometry|direction|heading|accuracy|gps|location|date|time|"
    r"taken|upload|make|model|lens|serial|photo|path|file|url|uri|source|user|author|creator|id|secret|title|"
    r"tags|comment)(?:$|_)", re.IGNORECASE)
_PRIVATE_PART = re.compile(
    r"latitude|longitude|altitude|elevation|datetime|timestamp|taken|upload|camera|owner|username|userid|"
    r"filename|filepath|relpath|description", re.IGNORECASE)
# errors that concern the whole output, not one photo: stop instead of failing every photo
FATAL_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EIO}


class ExportError(ValueError):
    """The export stopped (full disk, read-only file system); the message says what is left."""


@dataclass
class ExportReport:
    """Counts of what happened to each photo, the files written and the problems met."""

    out_dir: str
    mode: str
    copied: int = 0
    hardlinked: int = 0
    symlinked: int = 0
    stripped: int = 0
    skipped_identical: int = 0
    renamed: int = 0
    failed: int = 0
    groups: dict = field(default_factory=dict)  # group name -> folder written to
    tables: list = field(default_factory=list)
    problems: list = field(default_factory=list)  # (path, reason_code, sentence)
    notes: list = field(default_factory=list)
    created_files: list = field(default_factory=list)  # written by this run, in order
    created_dirs: list = field(default_factory=list)
    extra: list = field(default_factory=list)  # (export_file, export_status) per row

    def summary(self) -> Message:
        """What the export did, as a message (``str()`` gives the English sentence)."""
        parts = [msg("export_copied", self.copied)]
        for code, count in (("export_hardlinked", self.hardlinked), ("export_symlinked", self.symlinked),
                            ("export_stripped", self.stripped), ("export_identical", self.skipped_identical),
                            ("export_renamed", self.renamed), ("export_failed", self.failed)):
            if count:
                parts.append(Message(code, (count,)))
        return msg("export_summary", parts, len(self.groups), self.out_dir)


def safe_folder_name(name) -> str:
    """A folder name valid on Windows, macOS and Linux that stays close to ``name``."""
    text = "" if name is None else str(name)
    text = _FORBIDDEN.sub("_", text).strip().rstrip(". ")
    if not text or text in (".", ".."):
        text = "unassigned"
    if text.split(".")[0].upper() in _RESERVED:
        text = f"{text}_"
    return text[:MAX_NAME].rstrip(". ") or "unassigned"


def _numbered(name: str, i: int) -> str:
    stem, ext = os.path.splitext(name)
    return f"{stem} ({i}){ext}"


def _same_bytes(path: Path, data: bytes | None, source: Path | None) -> bool:
    try:
        check_photo_file(path)  # a pipe or device in the output folder is never read
        if data is not None:
            return path.stat().st_size == len(data) and path.read_bytes() == data
        return filecmp.cmp(path, source, shallow=False)
    except OSError:
        return False


def _stripped_jpeg(source: Path) -> bytes:
    """The photo re-encoded as JPEG q95: orientation applied, no EXIF/GPS/XMP/comments."""
    from PIL import Image

    from .decode import open_oriented

    img = open_oriented(source)
    icc = img.info.get("icc_profile")
    clean = Image.new("RGB", img.size)
    clean.paste(img)
    out = io.BytesIO()
    kwargs = {"icc_profile": icc} if icc else {}
    clean.save(out, format="JPEG", quality=95, optimize=True, **kwargs)
    return out.getvalue()


def _place(source: Path, folder: Path, name: str, data: bytes | None, mode: str, report: ExportReport,
           check=None) -> tuple:
    """Write one photo under the first free (or identical) name; (relative file, status)."""
    i = 1
    candidate = name
    while True:
        dest = folder / candidate
        if dest.exists() or dest.is_symlink():
            if _same_bytes(dest, data, source):
                report.skipped_identical += 1
                return dest, "already there"
            i += 1
            candidate = _numbered(name, i)
            continue
        try:
            status = _write(source, dest, data, mode, check)
        except FileExistsError:
            continue  # created meanwhile by someone else: try the same name again
        report.created_files.append(str(dest))
        if i > 1:
            report.renamed += 1
        return dest, status


class _CheckedReader:
    """A file that asks for a cancel (``check`` raises Canceled) before each block after a full
    one: a long copy stops within a block, a small photo (one short read) is not slowed."""

    def __init__(self, fh, check):
        self.fh, self.check, self.full = fh, check, False

    def read(self, n=-1):
        if self.full and self.check is not None:
            self.check()
        block = self.fh.read(n)
        self.full = n > 0 and len(block) == n
        return block


def _write(source: Path, dest: Path, data: bytes | None, mode: str, check=None) -> str:
    if data is not None:
        write_complete(dest, lambda tmp: tmp.write_bytes(data))
        return "re-encoded without metadata"
    if mode == "link":
        try:
            os.link(source, dest)
            return "hard link"
        except FileExistsError:
            raise
        except OSError:
            pass
        try:
            os.symlink(source.resolve(), dest)
            return "symbolic link"
        except FileExistsError:
            raise
        except OSError:
            pass

    def fill(tmp: Path) -> None:
        with open_photo(source) as src, open(tmp, "xb") as dst:
            shutil.copyfileobj(_CheckedReader(src, check), dst, 1 << 20)  # 1 MiB at a time
        shutil.copystat(source, tmp)

    write_complete(dest, fill)
    return "copied"


def _count(report: ExportReport, status: str) -> None:
    if status == "copied":
        report.copied += 1
    elif status == "hard link":
        report.hardlinked += 1
    elif status == "symbolic link":
        report.symlinked += 1
    elif status == "re-encoded without metadata":
        report.stripped += 1


def _free_name(path: Path) -> Path:
    i = 1
    out = path
    while out.exists() or out.is_symlink():
        i += 1
        out = path.with_name(_numbered(path.name, i))
    return out


def _cell(value):
    """A value openpyxl and csv can write (numpy scalars to Python, paths and objects to text)."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, np.generic):
        return value.item()
    return str(value)


def sharing_columns(columns, keep=()) -> tuple:
    """(columns a table "for sharing" keeps, columns it leaves out): out go the ones that could
    locate, date or identify a photo, its camera or its owner (``latitude``, ``taken_at``,
    ``make``, ``owner``, ``photo``, ``title``...), matched by name; ``keep`` stays in any case."""
    kept, left = [], []
    for column in columns:
        private = _PRIVATE_WORD.search(str(column)) or _PRIVATE_PART.search(str(column))
        (kept if column in keep or not private else left).append(column)
    return kept, left


def _write_tables(rows, extra, vectors, out_dir: Path, formats, report: ExportReport, sharing=None) -> None:
    columns: list = []
    for row in rows:
        for key in row:
            if key not in columns:
                columns.append(key)
    if sharing is not None:  # the group field that must stay
        columns, left = sharing_columns(columns, keep=(sharing,))
        if left:
            report.notes.append(msg("export_sharing", len(left), ", ".join(map(str, left))))
    columns += ["export_file", "export_status"]
    dims = 0 if vectors is None else vectors.shape[1]
    header = [str(c) for c in columns] + [f"f{j}" for j in range(dims)]

    def records():
        for i, row in enumerate(rows):
            values = [_cell(row.get(c)) for c in columns[:-2]] + list(extra[i])
            if dims:
                values += [float(v) for v in vectors[i]]
            yield values

    for fmt in ("xlsx", "csv"):
        if fmt not in formats:
            continue
        path = _free_name(out_dir / f"{TABLE_NAME}.{fmt}")
        if fmt == "xlsx":
            save_xlsx(path, header, records(), replace=False)
        else:
            save_csv(path, header, records(), encoding="utf-8-sig", replace=False)
        report.created_files.append(str(path))
        report.tables.append(str(path))


def _is_image(path: Path) -> bool:
    """Pillow recognises the content as an image (the import's check); reads the header only."""
    from PIL import Image, UnidentifiedImageError

    from .decode import register_heif

    register_heif()
    try:
        with open_photo(path) as fh, Image.open(fh):
            return True
    except UnidentifiedImageError:
        return False
    except Exception:
        return True


def _unstripped_copies(rows, out: Path, path_field: str, group_field: str, root) -> list:
    """Files in the output's group folders that are unstripped copies (or links) of these photos."""
    found = []
    for row in rows:
        raw = resolve_against(root, row.get(path_field))
        if not raw or not os.path.isabs(raw):
            continue
        source = Path(raw)
        group = row.get(group_field)
        folder = out / safe_folder_name("" if group is None else str(group))
        if not folder.is_dir() or not source.is_file():
            continue
        try:
            check_photo_file(source)
        except OSError:
            continue
        stem, ext = os.path.splitext(source.name)
        for existing in folder.glob(f"{glob.escape(stem)}*{glob.escape(ext)}"):
            if existing.name.startswith(TEMP_PREFIX):
                continue
            try:
                check_photo_file(existing)
                same = os.path.samefile(existing, source) or filecmp.cmp(existing, source, shallow=False)
            except OSError:
                same = False
            if same:
                found.append(existing)
    return found


def _undo(report: ExportReport) -> str:
    """Remove what this run created (files, then its empty folders); a sentence on what is left."""
    removed, kept = 0, []
    for path in reversed(report.created_files):
        try:
            os.unlink(path)
            removed += 1
        except FileNotFoundError:
            removed += 1
        except OSError:
            kept.append(path)
    kept_dirs = []
    for folder in reversed(report.created_dirs):
        try:
            os.rmdir(folder)
        except FileNotFoundError:
            pass
        except OSError:  # not empty: something else wrote into it meanwhile
            kept_dirs.append(folder)
    report.created_files = kept
    if kept:
        return (f"Removed {removed} files this run had written; {len(kept)} could not be removed and "
                f"are left, e.g. {kept[0]}. Nothing that existed before the run was changed.")
    if kept_dirs:
        return (f"Removed the {removed} files this run had written; {len(kept_dirs)} folders it made are "
                f"left because they are not empty, e.g. {kept_dirs[0]}.")
    return (f"Removed the {removed} files this run had written; the output folder is as it was before "
            "the run.")


def export_groups(rows: list, out_dir, path_field: str = "photo", group_field: str = "cluster", mode: str = "copy",
                  strip_metadata: bool = False, write_tables=("xlsx", "csv"), vectors=None,
                  feedback: CoreFeedback | None = None, root=None, skip_folder=None,
                  skip_empty: bool = False) -> ExportReport:
    """Copy (or link) every row's photo into ``<out_dir>/<group>/``; see the module docstring.

    ``rows``: one dict per photo with at least ``path_field`` (the photo's path) and
    ``group_field`` (its cluster; empty means "unassigned"). ``vectors``: optional matrix
    aligned with ``rows`` whose columns are appended to the tables as ``f0``, ``f1``...
    ``root``: the layer's folder, against which relative photo paths resolve (without it a
    relative path is reported, not guessed). ``skip_empty``: photos without a group (e.g. not
    labelled yet) are left out instead of going to "unassigned" — a class-folder dataset as Lobe
    reads it. Raises :class:`ExportError` (full disk) or
    :class:`~.feedback.Canceled` after removing what the run created.
    """
    if mode not in MODES:
        raise ValueError(f"Unknown export mode '{mode}'; choose 'copy' or 'link'.")
    if strip_metadata and mode == "link":
        raise ValueError("Removing metadata needs new files; choose 'copy' instead of 'link' "
                         "(a link shares the original's bytes).")
    formats = tuple(write_tables or ())
    unknown = [f for f in formats if f not in ("xlsx", "csv")]
    if unknown:
        raise ValueError(f"Unknown table format(s) {', '.join(map(str, unknown))}; choose xlsx and/or csv.")
    rows = list(rows)
    if vectors is not None:
        vectors = np.asarray(vectors)
        if vectors.ndim != 2 or len(vectors) != len(rows):
            raise ValueError(f"The embedding matrix has {len(vectors)} rows for {len(rows)} photos; "
                             "they must match one to one.")
    fb = ensure_feedback(feedback)
    out = Path(out_dir)
    report = ExportReport(out_dir=str(out), mode=mode)
    missing = []
    parent = out
    while not parent.exists() and parent != parent.parent:
        missing.append(parent)
        parent = parent.parent
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ValueError(f"Cannot create the output folder {out}: {exc.strerror or exc}.") from exc
    report.created_dirs.extend(str(p) for p in reversed(missing))
    if not os.access(out, os.W_OK | os.X_OK):
        raise ValueError(f"The output folder {out} is not writable; choose another folder.")
    if strip_metadata:
        unstripped = _unstripped_copies(rows, out, path_field, group_field, root)
        if unstripped:
            raise ValueError(
                f"{out} already holds {len(unstripped)} copies of these photos with their metadata "
                f"(GPS included), e.g. {unstripped[0]}, from an earlier export without stripping. "
                "Stripped copies next to them would not make the folder safe to share: choose an empty "
                "output folder or remove those copies first."
            )
    try:
        _export_rows(rows, out, path_field, group_field, mode, strip_metadata, root, skip_folder, report, fb,
                     skip_empty)
        if formats:
            fb.check()
            _write_tables(rows, report.extra, vectors, out, formats, report,
                          sharing=group_field if strip_metadata else None)
    except Canceled:
        raise Canceled(f"The export was canceled. {_undo(report)}") from None
    except OSError as exc:
        if exc.errno not in FATAL_ERRNOS:
            raise
        where = exc.filename or out
        raise ExportError(
            f"Writing to {where} failed: {exc.strerror or exc} (the disk may be full or read-only). "
            f"{_undo(report)}"
        ) from exc
    fb.progress(100)
    return report


def _export_rows(rows, out: Path, path_field, group_field, mode, strip_metadata, root, skip_folder,
                 report: ExportReport, fb: CoreFeedback, skip_empty: bool = False) -> None:
    folder_of: dict = {}  # group value -> folder name
    taken: dict = {}  # folder name -> group value
    extra = report.extra
    skip = Path(skip_folder).resolve() if skip_folder else None
    for i, row in enumerate(rows):
        fb.check()
        fb.progress(90.0 * i / max(1, len(rows)))
        raw_path = row.get(path_field)
        group = row.get(group_field)
        group_key = "" if group is None else str(group)
        if skip_empty and not group_key.strip():
            extra.append(("", "left out (no group)"))
            continue
        if group_key not in folder_of:
            base = name = safe_folder_name(group_key)
            n = 1
            while name in taken:
                n += 1
                name = f"{base} ({n})"
            folder_of[group_key] = name
            taken[name] = group_key
            report.groups[group_key or "unassigned"] = str(out / name)
        folder = out / folder_of[group_key]
        if raw_path in (None, ""):
            report.failed += 1
            report.problems.append(("", "no_path", f"Row {i + 1} has no photo path in field '{path_field}'."))
            extra.append(("", "no path"))
            continue
        resolved = resolve_against(root, raw_path)
        if not os.path.isabs(resolved):
            report.failed += 1
            report.problems.append((resolved, "relative_path", f"{resolved} is a relative path and the layer has "
                                    "no folder to resolve it against; it was not exported."))
            extra.append(("", "missing"))
            continue
        source = Path(resolved)
        try:
            check_photo_file(source)  # a device, pipe or socket is never opened
        except PhotoFileError as exc:
            report.failed += 1
            report.problems.append((str(source), exc.code, exc.sentence))
            extra.append(("", "not a photo file"))
            continue
        except OSError:
            pass  # missing or unreadable: said just below
        if not source.is_file():
            report.failed += 1
            report.problems.append((str(source), "missing", f"{source} was not found; it was not exported."))
            extra.append(("", "missing"))
            continue
        if skip is not None and skip in source.resolve().parents:
            extra.append(("", "skipped (in the output folder)"))
            continue
        if not _is_image(source):
            report.failed += 1
            report.problems.append((str(source), "not_an_image", f"{source} is not an image file; only photos "
                                    "are exported."))
            extra.append(("", "not an image"))
            continue
        try:
            if not folder.is_dir():
                folder.mkdir()
                report.created_dirs.append(str(folder))
            data = None
            name = source.name
            if strip_metadata:
                data = _stripped_jpeg(source)
                if source.suffix.lower() not in _JPEG_EXT:
                    name = f"{name}.jpg"
            dest, status = _place(source, folder, name, data, mode, report, fb.check)
        except Canceled:
            raise
        except OSError as exc:
            if exc.errno in FATAL_ERRNOS:
                raise
            report.failed += 1
            report.problems.append((str(source), "write_failed",
                                    f"{source} could not be exported: {exc.strerror or exc}."))
            extra.append(("", "failed"))
            continue
        except Exception as exc:
            report.failed += 1
            sentence = getattr(exc, "sentence", None) or f"{source} could not be re-encoded: {exc}."
            report.problems.append((str(source), getattr(exc, "code", "reencode_failed"), sentence))
            extra.append(("", "failed"))
            continue
        _count(report, status)
        extra.append((dest.relative_to(out).as_posix(), status))
    if report.symlinked:
        report.notes.append(msg("export_symlinks_instead"))
    if mode == "link" and report.copied:
        report.notes.append(msg("export_copied_not_linked", report.copied))
    if report.hardlinked:
        report.notes.append(msg("export_hardlink_shared"))
