#!/usr/bin/env bash
# The test command (make test / .ci/run). pytest exit 5 ("no tests collected") is a failure here too:
# a suite that collects nothing has not tested anything.
set -uo pipefail
cd "$(dirname "$0")/.."
export GDI_SHARED=${GDI_SHARED:-$(cd .. && pwd)/shared}
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
rc=$?
if [ $rc -eq 5 ]; then echo "run_tests: pytest collected no tests"; exit 1; fi
exit $rc
