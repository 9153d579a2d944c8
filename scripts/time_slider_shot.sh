#!/usr/bin/env bash
# Screenshot of QGIS desktop animating a motif layer with the Temporal Controller:
#   bash scripts/time_slider_shot.sh RESULTS_FOLDER      -> docs/time_slider.png
# RESULTS_FOLDER holds motifs.gpkg written by qgis_process (scripts/workflow.sh, e.g. the sample's
# ~/.local/share/photo_motifs/results). The layer is added as a user adds it; its time settings
# come from the style stored in the GeoPackage (restored by the plugin). A temporary profile
# with the installed plugin keeps the user's own profile as it was.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
RESULTS="$(cd "${1:?results folder}" && pwd)"
"$PY" "$REPO/scripts/install_plugin.py" --plugins-dir "$PLUGINS_DIR" >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/profiles/default/QGIS" "$tmp/profiles/default/python/plugins"
ln -s "$PLUGINS_DIR/photo_motifs" "$tmp/profiles/default/python/plugins/photo_motifs"
printf '[PythonPlugins]\nphoto_motifs=true\n' > "$tmp/profiles/default/QGIS/QGIS3.ini"
sp=$(echo "$VENV"/lib/python3*/site-packages)
QGIS_CUSTOM_CONFIG_PATH="$tmp" PHOTO_MOTIFS_REPO="$REPO" PHOTO_MOTIFS_RESULTS="$RESULTS" PYTHONPATH="$sp" \
  QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1400x900x24" /usr/bin/qgis.bin --nologo --noversioncheck \
  --code "$REPO/scripts/time_slider_shot.py" > "$tmp/qgis.log" 2>&1 || { tail -20 "$tmp/qgis.log" >&2; exit 1; }
grep -E "^time slider:" "$tmp/qgis.log" || true
log "wrote $REPO/docs/time_slider.png"
