"""Convert built-in backbones to ONNX in the per-user model cache.

    python -m photo_motifs.models.convert --all            convert every backbone not yet cached
    python -m photo_motifs.models.convert efficientnet_lite2 --force
    python -m photo_motifs.models.convert --list

Prints one line per backbone: cached path, size and conversion time. Exit status 1 with a
sentence on stderr when a weights package is missing.
"""
from __future__ import annotations

import argparse
import sys
import time

from . import registry


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m photo_motifs.models.convert", description=__doc__.splitlines()[0])
    ids = ", ".join(s.id for s in registry.list_backbones())
    parser.add_argument("backbone", nargs="*", help=f"backbone id(s): {ids}")
    parser.add_argument("--all", action="store_true", help="every built-in backbone")
    parser.add_argument("--force", action="store_true", help="convert again even if the cached file exists")
    parser.add_argument("--list", action="store_true", help="list the backbones and their cache state")
    args = parser.parse_args(argv)

    specs = registry.list_backbones()
    if args.list:
        for spec in specs:
            path = registry.cached_onnx_path(spec)
            state = f"cached at {path}" if path.is_file() else "not converted yet"
            print(f"{spec.id:20s} {spec.title} — {state}")
        return 0
    ids = [s.id for s in specs] if args.all else args.backbone
    if not ids:
        parser.error("name a backbone id or use --all")
    status = 0
    for backbone_id in ids:
        try:
            spec = registry.get_backbone(backbone_id)
            started = time.perf_counter()
            if args.force:
                path = registry.convert(backbone_id)
            else:
                path = registry.ensure_onnx(backbone_id)
            took = time.perf_counter() - started
            print(f"{spec.id}: {path} ({path.stat().st_size / 1e6:.1f} MB, {took:.2f} s)")
        except (KeyError, registry.BackboneUnavailable) as exc:
            print(exc.args[0] if exc.args else exc, file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
