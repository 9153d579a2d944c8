#!/usr/bin/env bash
# Screenshots of 'Motifs from words' and 'Find photos by words or by a photo' in real QGIS desktop:
#   bash scripts/clip_screenshots.sh CLIP_FOLDER [OUT_DIR]   (OUT_DIR default: docs/)
# CLIP_FOLDER: a folder written by photomotifs:addclip (the tests' random-weight models do).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
CLIP_FOLDER="$(cd "$1" && pwd)"
OUT="$(mkdir -p "${2:-$REPO/docs}" && cd "${2:-$REPO/docs}" && pwd)"
"$PY" "$REPO/scripts/install_plugin.py" --plugins-dir "$PLUGINS_DIR" >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/profiles/default/QGIS" "$tmp/profiles/default/python/plugins"
ln -s "$PLUGINS_DIR/photo_motifs" "$tmp/profiles/default/python/plugins/photo_motifs"
printf '[PythonPlugins]\nphoto_motifs=true\n' > "$tmp/profiles/default/QGIS/QGIS3.ini"
sp=$(echo "$VENV"/lib/python3*/site-packages)
QGIS_CUSTOM_CONFIG_PATH="$tmp" PHOTO_MOTIFS_CLIP_FOLDER="$CLIP_FOLDER" PHOTO_MOTIFS_SHOTS="$OUT" \
  PHOTO_MOTIFS_SHARED_DATA="${PHOTO_MOTIFS_SHARED_DATA:-$(cd "$REPO/.." && pwd)/shared/data}" \
  PYTHONPATH="$sp" QT_QPA_PLATFORM=xcb \
  xvfb-run -a -s "-screen 0 1400x900x24" /usr/bin/qgis.bin --lang en --nologo --noversioncheck \
  --code "$REPO/scripts/clip_screenshots.py" > "$tmp/qgis.log" 2>&1 || { tail -20 "$tmp/qgis.log" >&2; exit 1; }
grep -a "selected:" "$tmp/qgis.log" || true
log "wrote $OUT/zeroshot_dialog.png, search_dialog.png, search_selection.png"
