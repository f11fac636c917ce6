#!/usr/bin/env bash
# The test command (make test / .ci/run).
# * pytest exit 5 ("no tests collected") is a failure here too: a suite that collects nothing has not
#   tested anything.
# * A skipped test is a failure too (README, "Tests"): setup installs everything the tests need, so a skip
#   only hides a broken installation or missing data. The rule lives in tests/conftest.py (SkipCheck);
#   the only exceptions are the tests on tests/skip_allowlist.txt (hardware this machine lacks, e.g. a GPU).
#   -rsx prints the reason of every skip and xfail.
set -uo pipefail
cd "$(dirname "$0")/.."
export GDI_SHARED=${GDI_SHARED:-$(cd .. && pwd)/shared}
summary=$(mktemp "${TMPDIR:-/tmp}/gdi-skip-check.XXXXXX")
trap 'rm -f "$summary"' EXIT
rm -f "$summary"   # the plugin writes it; its absence means the rule did not run
GDI_SKIP_SUMMARY="$summary" .venv/bin/python -m pytest -q -rsx -p no:cacheprovider "$@"
rc=$?
if [ $rc -eq 5 ]; then echo "run_tests: FAILED: pytest collected no tests"; exit 1; fi
if [ ! -f "$summary" ]; then
  [ $rc -ne 0 ] && exit $rc   # pytest stopped before the end of the session and has said why
  echo "run_tests: FAILED: the skip check (tests/conftest.py, SkipCheck) did not run"
  exit 1
fi
if ! head -n1 "$summary" | grep -q ", 0 not on the allow-list$"; then
  echo "run_tests: FAILED: tests were skipped that are not on tests/skip_allowlist.txt:"
  tail -n +2 "$summary"
  exit 1
fi
exit $rc
