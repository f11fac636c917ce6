#!/usr/bin/env bash
# Lint gate of `make test` (and of the pre-commit hook): ruff with the project's rule set and mypy
# (strict on core/, checked everywhere else). Both must report zero findings.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
echo "lint: ruff"
"$VENV/bin/ruff" check .
echo "lint: mypy"
"$VENV/bin/mypy" core transforms services metadata citymodel gdi benchmarks tests
