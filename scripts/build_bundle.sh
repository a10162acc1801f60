#!/usr/bin/env bash
# Build the one-folder bundle dist/ReserveKeeper/ and prove it works:
#   1. install PyInstaller into the venv if it is missing
#   2. compile the translations (.ts -> .qm, pyside6-lrelease; build.spec compiles them again into
#      its build folder, this step just fails early and clearly if lrelease is missing)
#   3. the manual's screenshots (scripts/build_docs.sh), then pyinstaller build.spec
#   4. dist/ReserveKeeper/ReserveKeeper --self-test  (temporary database, migrations, one PDF)
#   5. print the bundle size
# Usage: bash scripts/build_bundle.sh   (from anywhere; Python: $PYTHON, else ./.venv, else python3)
# Windows (PowerShell, venv active):  pyinstaller --noconfirm build.spec
#                                     dist\ReserveKeeper\reserve-keeper.exe --self-test
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if [[ -n "${PYTHON:-}" ]]; then
    PY="$PYTHON"
elif [[ -x .venv/bin/python ]]; then
    PY=.venv/bin/python
else
    PY=python3
fi

if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
    echo "== installing pyinstaller into $("$PY" -c 'import sys; print(sys.prefix)')"
    "$PY" -m pip install --quiet "pyinstaller>=6.10"
fi
echo "== PyInstaller $("$PY" -c 'import PyInstaller; print(PyInstaller.__version__)')"

echo "== compiling translations"
"$PY" - <<'EOF'
from desktop.i18n import compile_translations, ts_files
built = compile_translations(force=True)
missing = [str(qm) for qm in built if not qm.exists()]
if len(built) != len(ts_files()) or missing:
    raise SystemExit(f"pyside6-lrelease could not compile the translations: {missing or 'lrelease not found'}")
print("\n".join(str(qm) for qm in built))
EOF

if [[ "${RK_SKIP_DOCS:-0}" != "1" ]]; then
    echo "== manual screenshots (scripts/build_docs.sh; RK_SKIP_DOCS=1 skips)"
    # the bundle works without them (the Help window shows captions instead), so only warn
    PYTHON="$PY" bash scripts/build_docs.sh >/dev/null 2>&1 || echo "WARNING: screenshots for the manual were not generated" >&2
fi

echo "== pyinstaller build.spec"
rm -rf dist/ReserveKeeper
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN build.spec

BUNDLE="dist/ReserveKeeper"
EXE="$BUNDLE/ReserveKeeper"
[[ -x "$EXE" ]] || EXE="$BUNDLE/ReserveKeeper.exe"

echo "== $EXE --self-test"
# the self-test never loads Qt; offscreen only guards against a display-less abort if it ever did
if ! QT_QPA_PLATFORM=offscreen "$EXE" --self-test; then
    echo "BUNDLE SELF-TEST FAILED" >&2
    exit 1
fi

SIZE=$(du -sh "$BUNDLE" | cut -f1)
FILES=$(find "$BUNDLE" -type f | wc -l)
echo "== bundle: $BUNDLE  $SIZE in $FILES files"
