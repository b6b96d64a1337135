#!/usr/bin/env bash
# The Python binding's tests (python/tests) against the library just built; skipped (77) when
# pytest is not installed. .ci/run also installs the package with pip and runs them.
# usage: tests/python.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
python3 -c "import pytest" 2>/dev/null || { echo "pytest is not installed: skipped"; exit 77; }
export DEPECHE_LIBRARY="$build/libdepeche.so.0" PYTHONPATH="$root/python" PYTHONDONTWRITEBYTECODE=1
exec python3 -m pytest -q -p no:cacheprovider "$root/python/tests"
