"""Paths that a model folder or a layer names: resolved in one place, never outside their folder.

A model folder's ``signature.json`` names its model file, an ONNX model names its external
weight files, a layer's path field names photos. Whoever made those files chose the names:
``../../other/model.onnx``, ``/etc/passwd`` or a symbolic link that leaves the folder must not
make Photo Motifs read (and later show or copy) a file from somewhere else.

* :func:`safe_child` — a file a folder refers to (model files, external data): resolved against
  that folder with symbolic links followed, refused with :class:`UnsafePathError` (a sentence)
  when the result is not inside the folder.
* :func:`resolve_against` — a photo path from a layer: a relative path resolves against the
  layer's own folder (as QGIS resolves relative paths), never against the working directory;
  :func:`layer_source_folder` finds that folder. Every algorithm and the photo dock use them.
  Photos may live anywhere, so this one does not confine; what may be *copied* is limited to
  image files by the caller.
"""
from __future__ import annotations

import os
from pathlib import Path


class UnsafePathError(ValueError):
    """A file named by a model folder or layer lies outside the folder; the message is a sentence."""


def safe_child(base, name, what: str = "file") -> Path:
    """``base / name`` resolved (symbolic links followed); refused unless it stays inside ``base``.

    ``name`` may be relative (the usual case) or absolute (accepted only when it points inside
    ``base``). ``what`` names the file in the sentence ("model file", "external data file").
    """
    base_path = Path(os.fspath(base))
    text = os.fspath(name)
    if not text or "\x00" in text:
        raise UnsafePathError(f"The {what} name {text!r} given in {base_path} is empty or invalid.")
    root = base_path.resolve()
    target = (root / text).resolve()  # an absolute name replaces root here, then is checked below
    try:
        target.relative_to(root)
    except ValueError:
        raise UnsafePathError(
            f"The {what} '{text}' named in {base_path} lies outside that folder ({target}); "
            "only files inside the model's own folder are read."
        ) from None
    return target


def layer_source_folder(uri) -> str | None:
    """The absolute folder of a layer's file from its data source (``path|layername=...``), or
    None when the layer has no file (memory layers, databases, web services)."""
    path = str(uri or "").split("|")[0].split("?")[0]
    if path.startswith("file://"):
        from urllib.parse import unquote

        path = unquote(path[len("file://"):])
    if not path or not os.path.isfile(path):
        return None
    return os.path.dirname(os.path.abspath(path))


def resolve_against(root, text) -> str:
    """A photo path from a layer: relative paths resolve against ``root`` (the layer's folder).

    Returns ``""`` for an empty value, and a relative path unchanged when there is no ``root``
    (a memory layer): the caller then reports it as not found rather than guessing.
    """
    text = "" if text is None else os.fspath(text)
    if not text:
        return ""
    if os.path.isabs(text) or not root:
        return text
    return os.path.normpath(os.path.join(os.fspath(root), text))
