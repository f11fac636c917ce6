#!/usr/bin/env bash
# The test command (make test / .ci/run).
# * pytest exit 5 ("no tests collected") is a failure here too: a suite that collects nothing has not
#   tested anything.
# * A skipped test is a failure too (README, "Tests"): setup installs everything the tests need, so a skip
#   only hides a broken installation or missing data. The rule lives in tests/conftest.py (SkipCheck);
#   the only exceptions are the tests on tests/skip_allowlist.txt (hardware this machine lacks, e.g. a GPU).
#   -rsx prints the reason of every skip and xfail.
# * Both stores, one suite: the storage-dependent tests run a second time on PostGIS (see below).
set -uo pipefail
cd "$(dirname "$0")/.."
export GDI_SHARED=${GDI_SHARED:-$(cd .. && pwd)/shared}
# run_pass NAME ARGS...: one pytest session with the skip rule checked; returns its exit status
run_pass() {
  local name=$1; shift
  local summary
  summary=$(mktemp "${TMPDIR:-/tmp}/gdi-skip-check.XXXXXX")
  rm -f "$summary"   # the plugin writes it; its absence means the rule did not run
  echo "run_tests: pass '$name'"
  GDI_SKIP_SUMMARY="$summary" .venv/bin/python -m pytest -q -rsx -p no:cacheprovider "$@"
  local rc=$?
  if [ $rc -eq 5 ]; then echo "run_tests: FAILED ($name): pytest collected no tests"; rm -f "$summary"; return 1; fi
  if [ ! -f "$summary" ]; then
    [ $rc -ne 0 ] && return $rc   # pytest stopped before the end of the session and has said why
    echo "run_tests: FAILED ($name): the skip check (tests/conftest.py, SkipCheck) did not run"
    return 1
  fi
  if ! head -n1 "$summary" | grep -q ", 0 not on the allow-list$"; then
    echo "run_tests: FAILED: tests were skipped that are not on tests/skip_allowlist.txt (pass $name):"
    tail -n +2 "$summary"
    rm -f "$summary"
    return 1
  fi
  rm -f "$summary"
  return $rc
}

# 1. the whole suite on the embedded store (GeoPackage)
run_pass gpkg "$@"
rc1=$?
# 2. every storage-dependent test (those that use the published demo, marker "store") again with the
#    demo published into PostGIS (a throw-away PostgreSQL 15 + PostGIS 3 cluster); skipped when the caller
#    selected tests itself (arguments given), so `scripts/run_tests.sh tests/test_x.py` stays one pass
rc2=0
if [ $# -eq 0 ] || [ "${GDI_TEST_BOTH_STORES:-0}" = 1 ]; then
  GDI_TEST_STORE=postgis run_pass postgis -m store "$@"
  rc2=$?
fi
[ $rc1 -ne 0 ] && exit $rc1
exit $rc2
