#!/usr/bin/env bash
# Install ReserveKeeper with its test extras into .venv and run the whole test suite, on SQLite and
# on a throw-away PostgreSQL server started on loopback (required when CI=true).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test]"

if [ -z "${TEST_DATABASE_URL:-}" ]; then
  if url=$(bash scripts/start_test_postgres.sh); then
    export TEST_DATABASE_URL="$url"
    trap 'bash scripts/start_test_postgres.sh --stop' EXIT
  elif [ -n "${CI:-}" ]; then
    echo "PostgreSQL could not be started; under CI the PostgreSQL tests are required." >&2
    exit 1
  else
    echo "PostgreSQL not available: running the SQLite half only." >&2
  fi
fi

export QT_QPA_PLATFORM=offscreen
.venv/bin/python -m pytest "$@"
