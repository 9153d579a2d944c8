#!/usr/bin/env bash
# Render docs/curation_panel.png and docs/review_mode.png: the Motifs panel on real scene photos
# (clustered, named, merged, one motif marked 'not a motif') and its review mode after training
# from labels. Real QGIS (offscreen), real algorithms; the folder given as argument (one subfolder
# per scene), else ../shared/data/labeled/intel_scenes_dev.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
folder="${1:-$(cd "$REPO/.." && pwd)/shared/data/labeled/intel_scenes_dev}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
ln -s "$REPO" "$work/photo_motifs"   # import the working copy without shadowing QGIS's processing
cd "$work"
PYTHONPATH="$work${PYTHONPATH:+:$PYTHONPATH}" "$PY" "$REPO/scripts/curation_screenshots.py" "$folder" "$REPO/docs" "$work/project"
