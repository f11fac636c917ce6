"""Unit tests (no demo run) of the suite's skip rule: a skipped test fails the run unless it is on
``tests/skip_allowlist.txt`` (README, "Tests"). The plugin (``SkipCheck`` in ``tests/conftest.py``) and
``scripts/run_tests.sh`` are run for real on small throw-away test files."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SKIP_ALLOWLIST, parse_skip_allowlist, skip_allowed

SKIPS = '''
import pytest

def test_passes():
    assert True

def test_skips():
    pytest.skip("chromium not installed")
'''


def test_parse_allowlist() -> None:
    text = ("# comment\n\n"
            "tests/test_gpu.py::test_render  # needs an NVIDIA GPU: CUDA rendering\n"
            "tests/test_touch.py::*   # needs a touchscreen\n"
            "tests/test_gpu.py::test_shade[a b]  # needs a GPU\n")  # parametrised ids may hold spaces
    assert parse_skip_allowlist(text) == {"tests/test_gpu.py::test_render": "needs an NVIDIA GPU: CUDA rendering",
                                          "tests/test_touch.py::*": "needs a touchscreen",
                                          "tests/test_gpu.py::test_shade[a b]": "needs a GPU"}


@pytest.mark.parametrize("line", ["tests/test_gpu.py::test_render", "tests/test_gpu.py::test_render   #  ",
                                  "tests/test_gpu.py::test_render#"])
def test_allowlist_entries_need_an_id_and_a_reason(line: str) -> None:
    with pytest.raises(pytest.UsageError, match=r"skip_allowlist\.txt:2"):
        parse_skip_allowlist("# header\n" + line + "\n")


@pytest.mark.parametrize(("nodeid", "allowed"), [
    ("tests/test_gpu.py::test_render", True),
    ("tests/test_gpu.py::test_render[a]", False),   # exact ids only, unless the entry ends in '*'
    ("tests/test_gpu.py::test_other", False),
    ("tests/test_touch.py::test_tap[1]", True),
    ("tests/test_touch.py", False),
    ("tests/test_touchy.py::test_tap", False),
])
def test_skip_allowed(nodeid: str, allowed: bool) -> None:
    entries = {"tests/test_gpu.py::test_render": "gpu", "tests/test_touch.py::*": "touchscreen"}
    assert skip_allowed(nodeid, entries) is allowed


def test_the_shipped_allowlist_parses() -> None:
    parse_skip_allowlist(SKIP_ALLOWLIST.read_text(encoding="utf-8"), str(SKIP_ALLOWLIST))


def _run(tmp_path: Path, source: str, allowlist: str = "", *, script: bool = False,
         plugin: bool = True) -> tuple[int, str, str]:
    """pytest (or scripts/run_tests.sh) on one throw-away test file; returns (exit code, output, summary)."""
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    (tmp_path / "test_sample.py").write_text(source)
    (tmp_path / "allow.txt").write_text(allowlist)
    summary = tmp_path / "summary.txt"
    env = {**os.environ, "GDI_SKIP_ALLOWLIST": str(tmp_path / "allow.txt"), "GDI_SKIP_SUMMARY": str(summary),
           "PYTHONPATH": str(ROOT)}
    args = [*(["-p", "tests.conftest"] if plugin else []), "-c", str(tmp_path / "pytest.ini"),
            "--rootdir", str(tmp_path), str(tmp_path / "test_sample.py")]
    if script:
        cmd = ["bash", str(ROOT / "scripts" / "run_tests.sh"), *args]
        env.pop("GDI_SKIP_SUMMARY")  # the script sets its own
    else:
        cmd = [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", *args]
    r = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False)
    return r.returncode, r.stdout + r.stderr, summary.read_text() if summary.exists() else ""


def test_a_skip_fails_the_run(tmp_path: Path) -> None:
    rc, out, summary = _run(tmp_path, SKIPS)
    assert rc == 1, out
    assert "skipped tests fail this suite" in out
    assert "SKIPPED test_sample.py::test_skips: Skipped: chromium not installed" in out
    assert summary.startswith("skip-check: 1 skipped, 1 not on the allow-list")


def test_an_allowlisted_skip_passes(tmp_path: Path) -> None:
    rc, out, summary = _run(tmp_path, SKIPS, "test_sample.py::test_skips  # needs a GPU\n")
    assert rc == 0, out
    assert "skipped tests fail this suite" not in out
    assert summary.startswith("skip-check: 1 skipped, 0 not on the allow-list")


@pytest.mark.parametrize("source", [
    "import pytest\npytest.importorskip('gdi_module_that_does_not_exist')\n\ndef test_x():\n    pass\n",
    "import pytest\n\n@pytest.mark.skipif(True, reason='no qgis')\ndef test_x():\n    pass\n",
    "import pytest\n\n@pytest.fixture\ndef data():\n    pytest.skip('no data')\n\ndef test_x(data):\n    pass\n",
    "import pytest\n\n@pytest.mark.xfail(reason='known bug')\ndef test_x():\n    assert False\n",
], ids=["module-level", "skipif", "fixture", "xfail"])
def test_every_kind_of_skip_fails_the_run(tmp_path: Path, source: str) -> None:
    rc, out, _ = _run(tmp_path, source)
    assert rc == 1, out
    assert "skipped tests fail this suite" in out


def test_a_failing_run_keeps_its_exit_code(tmp_path: Path) -> None:
    rc, out, _ = _run(tmp_path, "def test_x():\n    assert False\n")
    assert rc == 1, out
    assert "skipped tests fail this suite" not in out


def test_run_tests_script_fails_on_skips_with_a_clear_message(tmp_path: Path) -> None:
    rc, out, _ = _run(tmp_path, SKIPS, script=True)
    assert rc == 1, out
    assert "run_tests: FAILED: tests were skipped that are not on tests/skip_allowlist.txt" in out
    assert "SKIPPED [1] " in out and "test_sample.py:8: chromium not installed" in out  # -rs: with the reason


def test_run_tests_script_passes_a_clean_run(tmp_path: Path) -> None:
    rc, out, _ = _run(tmp_path, "def test_x():\n    pass\n", script=True)
    assert rc == 0, out


def test_run_tests_script_fails_when_the_skip_check_did_not_run(tmp_path: Path) -> None:
    rc, out, _ = _run(tmp_path, SKIPS, script=True, plugin=False)
    assert rc == 1, out
    assert "the skip check (tests/conftest.py, SkipCheck) did not run" in out


def test_run_tests_script_fails_when_nothing_is_collected(tmp_path: Path) -> None:
    rc, out, _ = _run(tmp_path, "# no tests here\n", script=True)
    assert rc == 1, out
    assert "pytest collected no tests" in out
