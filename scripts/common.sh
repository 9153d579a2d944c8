# Shared settings of the setup, test and workflow scripts (sourced, not run).
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PM_HOME="${PHOTO_MOTIFS_HOME:-$HOME/.local/share/photo_motifs}"
VENV="${PHOTO_MOTIFS_VENV:-$PM_HOME/venv}"
PY="$VENV/bin/python"
QGIS_PROFILE_DIR="${QGIS_PROFILE_DIR:-$HOME/.local/share/QGIS/QGIS3/profiles/default}"
PLUGINS_DIR="$QGIS_PROFILE_DIR/python/plugins"
export PHOTO_MOTIFS_HOME="$PM_HOME" PHOTO_MOTIFS_VENV="$VENV"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp/runtime-$(id -u)}"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
# Debian's /usr/bin/qgis_process wrapper adds --noversioncheck, which 3.22 rejects: use the binary.
QGIS_PROCESS=/usr/bin/qgis_process.bin
SYSTEM_PACKAGES=(qgis python3-qgis qgis-providers python3-venv python3-pip python3-dev build-essential
                 libheif-dev mate-backgrounds libgeos-dev libproj-dev proj-bin poppler-utils
                 fonts-dejavu-core)

# QGIS's Qt 6 migration tool lives in a venv of its own (PyQt6 must not meet QGIS 3's PyQt5)
QT6CHECK_VENV="$PM_HOME/qt6check-venv"

ensure_qt6check_venv() {
  # creates or updates the venv from requirements-qt6check.txt (pinned); quiet when up to date
  local stamp="$QT6CHECK_VENV/.photo_motifs_requirements" want
  want=$(sha256sum "$REPO/requirements-qt6check.txt" | cut -d' ' -f1)
  [ "$(cat "$stamp" 2>/dev/null)" = "$want" ] && [ -x "$QT6CHECK_VENV/bin/pyqt5to6" ] && return 0
  log "installing the Qt 6 migration checker into $QT6CHECK_VENV"
  [ -x "$QT6CHECK_VENV/bin/python" ] || /usr/bin/python3 -m venv "$QT6CHECK_VENV" || return 1
  "$QT6CHECK_VENV/bin/python" -m pip install -q --disable-pip-version-check --ignore-requires-python \
    -r "$REPO/requirements-qt6check.txt" || return 1
  echo "$want" > "$stamp"
}

log() { printf '\033[1m[photo-motifs]\033[0m %s\n' "$*"; }

qgis_process() {
  # the plugin puts the venv on sys.path itself; PYTHONPATH makes the order certain
  local sp; sp=$(echo "$VENV"/lib/python3*/site-packages)
  PYTHONPATH="$sp${PYTHONPATH:+:$PYTHONPATH}" "$QGIS_PROCESS" "$@" 2> >(grep -vE 'XDG_RUNTIME_DIR|setapi\(\) is deprecated|^$' >&2)
}
