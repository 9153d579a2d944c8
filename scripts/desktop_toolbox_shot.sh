#!/usr/bin/env bash
# Screenshot of the Processing toolbox in real QGIS desktop in a language (default et):
#   bash scripts/desktop_toolbox_shot.sh [LANG]      -> docs/toolbox_<LANG>.png
# QGIS desktop needs an X server (Xvfb; the offscreen Qt platform crashes in QgsClipboard), and
# `qgis --lang` writes the language into the profile's settings: a temporary profile with the
# installed plugin keeps the user's own profile (and its locale) as it was.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
LANG_CODE="${1:-et}"
"$PY" "$REPO/scripts/install_plugin.py" --plugins-dir "$PLUGINS_DIR"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/profiles/default/QGIS" "$tmp/profiles/default/python/plugins"
ln -s "$PLUGINS_DIR/photo_motifs" "$tmp/profiles/default/python/plugins/photo_motifs"
printf '[PythonPlugins]\nphoto_motifs=true\n' > "$tmp/profiles/default/QGIS/QGIS3.ini"
sp=$(echo "$VENV"/lib/python3*/site-packages)
QGIS_CUSTOM_CONFIG_PATH="$tmp" PHOTO_MOTIFS_REPO="$REPO" PYTHONPATH="$sp" QT_QPA_PLATFORM=xcb \
  xvfb-run -a -s "-screen 0 1400x900x24" /usr/bin/qgis.bin --lang "$LANG_CODE" --nologo --noversioncheck \
  --code "$REPO/scripts/desktop_toolbox_shot.py" > "$tmp/qgis.log" 2>&1 || { tail -20 "$tmp/qgis.log" >&2; exit 1; }
log "wrote $REPO/docs/toolbox_$LANG_CODE.png"
