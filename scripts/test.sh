#!/usr/bin/env bash
# README command two: run the whole test suite (unit tests without QGIS, then tests in QGIS, then
# the static checks of scripts/lint.sh: ruff and the Qt 6 migration check)
# against the plugin as installed in the QGIS profile. Extra arguments go to pytest.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

if [ ! -x "$PY" ] || [ ! -d "$PLUGINS_DIR/photo_motifs" ]; then
  bash "$REPO/scripts/setup.sh" --no-run || exit 1
fi
"$PY" "$REPO/scripts/install_plugin.py" --plugins-dir "$PLUGINS_DIR" || exit 1
export PHOTO_MOTIFS_SHARED_DATA="${PHOTO_MOTIFS_SHARED_DATA:-$(cd "$REPO/.." && pwd)/shared/data}"
out="$PM_HOME/test-results"; mkdir -p "$out"
cd "$PLUGINS_DIR" || exit 1
# 1) core/ and models/ without QGIS: pytest-qgis is disabled and nothing may import qgis
"$PY" -m pytest -p no:cacheprovider -p no:pytest_qgis --junitxml="$out/unit.xml" photo_motifs/tests/unit "$@"
unit=$?
# 2) inside real QGIS 3.22 (pytest-qgis), Processing algorithms and qgis_process
"$PY" -m pytest -p no:cacheprovider --junitxml="$out/qgis.xml" photo_motifs/tests/qgis "$@"
qgis=$?
# 3) static checks: ruff, and QGIS's Qt 6 migration tool must change nothing (bash scripts/lint.sh)
bash "$REPO/scripts/lint.sh" > "$out/lint.log" 2>&1
lint=$?
grep -v -E '^(ruff|qt6 \(pyqt5to6\)): ' "$out/lint.log" | head -200
"$PY" "$REPO/scripts/junit_summary.py" "$out/unit.xml" "$out/qgis.xml"
summary=$?
grep -E '^(ruff|qt6 \(pyqt5to6\)): ' "$out/lint.log"
if [ $unit -ne 0 ] || [ $qgis -ne 0 ] || [ $summary -ne 0 ] || [ $lint -ne 0 ]; then exit 1; fi
