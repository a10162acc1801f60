#!/usr/bin/env bash
# Generate the manual's screenshots into docs/images/ (never committed: docs/images/ is ignored).
# Runs scripts/screenshots.py offscreen with a fresh demo county, then copies each picture to a stable
# name without its number (10_home.png -> home.png) so docs/manual.md can refer to it by path.
# Usage: bash scripts/build_docs.sh [--language en]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [[ -n "${PYTHON:-}" ]]; then PY="$PYTHON"; elif [[ -x .venv/bin/python ]]; then PY=.venv/bin/python; else PY=python3; fi

SHOTS="$(mktemp -d)"
trap 'rm -rf "$SHOTS"' EXIT
QT_QPA_PLATFORM=offscreen "$PY" scripts/screenshots.py "$SHOTS" "$@"

mkdir -p docs/images
for shot in "$SHOTS"/*.png; do
    name="$(basename "$shot")"
    cp "$shot" "docs/images/${name#[0-9][0-9]_}"
done

# every picture the manuals refer to must now exist
missing=0
for image in $(grep -ohE 'images/[A-Za-z0-9_.-]+\.png' docs/manual.md docs/manual.en.md | sort -u); do
    if [[ ! -f "docs/$image" ]]; then
        echo "missing screenshot: docs/$image" >&2
        missing=1
    fi
done
echo "== $(ls docs/images/*.png | wc -l) screenshots in docs/images/"
exit $missing
