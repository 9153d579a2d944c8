#!/usr/bin/env bash
# Static checks, part of README command two (scripts/test.sh) and runnable alone:
#   bash scripts/lint.sh           ruff, then the Qt 6 / QGIS 4 migration check
#   bash scripts/lint.sh ruff      only ruff (pyproject.toml's rules)
#   bash scripts/lint.sh qt6       only the Qt 6 check: QGIS's pyqt5to6 run on a copy of the plugin
#                                  must change nothing (scoped enums, exec(), qgis.PyQt imports)
# Prints one pass/fail line per check; exits non-zero when a check fails.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
which=${1:-all}
status=0

if [ "$which" = all ] || [ "$which" = ruff ]; then
  if [ ! -x "$VENV/bin/ruff" ]; then
    echo "ruff: FAIL (not installed in $VENV: run bash scripts/setup.sh --no-run)"; status=1
  elif (cd "$REPO" && "$VENV/bin/ruff" check --quiet .); then
    echo "ruff: pass"
  else
    echo "ruff: FAIL (fix the lines above; 'ruff check --fix' sorts imports)"; status=1
  fi
fi

if [ "$which" = all ] || [ "$which" = qt6 ]; then
  if ! ensure_qt6check_venv >/dev/null; then
    echo "qt6 (pyqt5to6): FAIL (could not install $REPO/requirements-qt6check.txt into $QT6CHECK_VENV)"; status=1
  else
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    mkdir -p "$work/before" "$work/after"
    (cd "$REPO" && tar --exclude=.git --exclude=__pycache__ --exclude='*.pyc' --exclude=.pytest_cache \
      -cf "$work/plugin.tar" .)
    tar -xf "$work/plugin.tar" -C "$work/before" && tar -xf "$work/plugin.tar" -C "$work/after"
    # without QGIS 4 the tool cannot introspect QGIS's own enums: it checks Qt's (its warning is dropped)
    (cd "$work/after" && QT_QPA_PLATFORM=offscreen "$QT6CHECK_VENV/bin/pyqt5to6" . 2>&1 \
      | grep -v "QGIS classes not available for introspection") || true
    if diff -ru "$work/before" "$work/after" >"$work/diff"; then
      echo "qt6 (pyqt5to6): pass (the migration tool changes nothing)"
    else
      cat "$work/diff"
      echo "qt6 (pyqt5to6): FAIL (the migration tool would change the lines above; write them that way)"; status=1
    fi
  fi
fi
exit $status
