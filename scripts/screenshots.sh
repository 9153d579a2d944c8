#!/usr/bin/env bash
# Render the README's screenshots into docs/: the workflow dialog after a run, the photo dock,
# a map tip and the styled motif map with its legend. Real QGIS (offscreen), real algorithms,
# real photos: the folder given as argument, else ../shared/data/geotagged.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
folder="${1:-$(cd "$REPO/.." && pwd)/shared/data/geotagged}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
ln -s "$REPO" "$work/photo_motifs"   # import the working copy without shadowing QGIS's processing
cd "$work"
PYTHONPATH="$work${PYTHONPATH:+:$PYTHONPATH}" "$PY" "$REPO/scripts/screenshots.py" "$folder" "$REPO/docs" "$work/project"
