"""Shared fixtures. The demo datasets are run through the real ETL once per test session into a
temporary var dir, and ``gdi serve`` is started for real (gunicorn, pygeoapi, MapServer…) on a free port.

Also the skip rule of the suite (see README, "Tests"): a skipped test fails the run, unless its node id is
on ``tests/skip_allowlist.txt`` (only tests that need hardware this machine lacks, e.g. a GPU). Setup
installs everything else the tests need, so a skip would only hide a broken installation or missing data.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("GDI_SHARED", ROOT.parent / "shared"))
SHARED_DATA = SHARED / "data"
SCHEMAS = SHARED / "inspire" / "schemas"
GDI = str(Path(sys.executable).parent / "gdi")
SKIP_ALLOWLIST = Path(os.environ.get("GDI_SKIP_ALLOWLIST", Path(__file__).resolve().parent / "skip_allowlist.txt"))
# The view service's tile cache is seeded after every publication. The session demo (every WMS, QGIS and
# viewer test) and tests/test_tilecache.py run with it, as installations do; the many throw-away ETL runs of
# the other tests (own var dirs, a few datasets each) run without, so they do not all seed tiles.
os.environ.setdefault("GDI_TILECACHE", "off")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.fail(f"shared data not found at {SHARED_DATA} (set GDI_SHARED)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def schema_dir() -> Path:
    return SCHEMAS


# The store the session demo publishes into: "gpkg" (default) or "postgis" (a throw-away PostgreSQL 15 +
# PostGIS 3 cluster started for the session). scripts/run_tests.sh runs the storage-dependent tests (those
# that use the demo, marked "store" below) a second time with GDI_TEST_STORE=postgis.
TEST_STORE = os.environ.get("GDI_TEST_STORE", "gpkg")
STORE_FIXTURES = {"demo_env", "demo_settings", "server", "store_url"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if STORE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.store)


@pytest.fixture(scope="session")
def store_url() -> Iterator[str]:
    """``gpkg``, or the URL of a fresh PostGIS database on a throw-away cluster."""
    if TEST_STORE == "gpkg":
        yield "gpkg"
        return
    if TEST_STORE != "postgis":
        pytest.fail(f"GDI_TEST_STORE must be 'gpkg' or 'postgis', not {TEST_STORE!r}")
    from tests.pgcluster import new_database, postgis_cluster
    with postgis_cluster(max_connections=200) as server:
        yield new_database(server, prefix="gdi_store", postgis=True)


@pytest.fixture(scope="session")
def demo_env(tmp_path_factory, store_url) -> dict[str, str]:
    """Environment for a session-wide demo installation in a temp var dir (store: see TEST_STORE)."""
    var = tmp_path_factory.mktemp("var")
    port = free_port()
    # GDI_DEMO_BUILDINGS keeps the generated demo city model small in tests (the demo itself is larger)
    env = dict(os.environ, GDI_VAR=str(var), GDI_PORT=str(port), GDI_SCHEMAS=str(SCHEMAS),
               GDI_DEMO_BUILDINGS=os.environ.get("GDI_DEMO_BUILDINGS", "3000"), GDI_STORE=store_url,
               GDI_TILECACHE="on")
    return env


@pytest.fixture(scope="session")
def demo_settings(demo_env):
    """Settings of the session demo (ETL already run on all bundled datasets)."""
    r = subprocess.run([GDI, "demo", "--no-serve"], env=demo_env, capture_output=True, text=True, cwd=ROOT,
                       timeout=1800)
    assert r.returncode == 0, f"gdi demo --no-serve failed:\n{r.stdout}\n{r.stderr}"
    old = dict(os.environ)
    os.environ.update({k: demo_env[k] for k in ("GDI_VAR", "GDI_PORT", "GDI_SCHEMAS", "GDI_DEMO_BUILDINGS",
                                                "GDI_STORE", "GDI_TILECACHE")})
    try:
        from core.config import load_settings
        return load_settings()
    finally:
        os.environ.clear()
        os.environ.update(old)


@pytest.fixture(scope="session")
def server(demo_settings, demo_env, tmp_path_factory):
    """Base URL of a running ``gdi serve`` (real gunicorn process)."""
    from gdi import server as gdi_server
    proc = gdi_server.start(demo_env, tmp_path_factory.mktemp("serve") / "serve.log")
    yield demo_settings.service.public_url.rstrip("/")
    gdi_server.stop(proc)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory) -> Iterator[Any]:
    """A real dask.distributed cluster: ``dask scheduler`` + two ``dask worker`` processes (tests/daskcluster.py)."""
    from tests.daskcluster import Cluster
    c = Cluster(tmp_path_factory.mktemp("dask"))
    c.start()
    try:
        yield c
    finally:
        c.stop()


@pytest.fixture
def tmp_settings(tmp_path, monkeypatch):
    """Fresh settings with an empty var dir, for ETL unit tests."""
    monkeypatch.setenv("GDI_VAR", str(tmp_path / "var"))
    monkeypatch.setenv("GDI_SCHEMAS", str(SCHEMAS))
    from core.config import load_settings
    return load_settings()


def have(cmd: str) -> bool:
    return shutil.which(cmd) is not None


# --------------------------------------------------------------------------- the skip rule

def parse_skip_allowlist(text: str, source: str = "skip_allowlist.txt") -> dict[str, str]:
    """``node id pattern -> reason`` from the allow-list text. One entry a line:
    ``tests/test_x.py::test_y  # needs <hardware>: why``; ``#`` lines and blank lines are comments.
    A pattern is a node id, or a prefix ending in ``*``. An entry without a reason is an error (the
    reason is what makes the entry reviewable)."""
    entries: dict[str, str] = {}
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        pattern, _, reason = line.partition("#")
        pattern, reason = pattern.strip(), reason.strip()
        if not reason or not pattern:
            raise pytest.UsageError(f"{source}:{n}: an entry is '<node id>  # <hardware it needs and why>', "
                                    f"got {raw!r}")
        entries[pattern] = reason
    return entries


def skip_allowed(nodeid: str, entries: dict[str, str]) -> bool:
    """Whether a skipped node is on the allow-list (exact node id, or a pattern ``prefix*``)."""
    return any(nodeid == p or (p.endswith("*") and nodeid.startswith(p[:-1])) for p in entries)


class SkipCheck:
    """Plugin: collects every skipped (or xfailed) test and collector, fails the session on those not on the
    allow-list and says so in the terminal summary."""

    def __init__(self, entries: dict[str, str], source: Path):
        self.entries = entries
        self.source = source
        self.skipped: list[tuple[str, str]] = []

    @staticmethod
    def _reason(report: pytest.TestReport | pytest.CollectReport) -> str:
        wasxfail = getattr(report, "wasxfail", None)
        if wasxfail is not None:
            return f"xfail: {wasxfail}"
        lr = report.longrepr
        if isinstance(lr, tuple) and len(lr) == 3:  # (file, line, "Skipped: reason")
            return str(lr[2])
        return str(lr)

    def _add(self, report: pytest.TestReport | pytest.CollectReport) -> None:
        if report.skipped:
            self.skipped.append((report.nodeid, self._reason(report)))

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        self._add(report)

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        self._add(report)  # module-level skips (pytest.importorskip, allow_module_level=True)

    @property
    def disallowed(self) -> list[tuple[str, str]]:
        return [(n, r) for n, r in self.skipped if not skip_allowed(n, self.entries)]

    @pytest.hookimpl(tryfirst=True)
    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        bad = self.disallowed
        summary = os.environ.get("GDI_SKIP_SUMMARY")
        if summary:  # scripts/run_tests.sh checks that this rule ran at all
            lines = [f"skip-check: {len(self.skipped)} skipped, {len(bad)} not on the allow-list"]
            lines += [f"  {n}: {r}" for n, r in bad]
            Path(summary).write_text("\n".join(lines) + "\n", encoding="utf-8")
        # a run whose only module was skipped collected "no tests" (5): it fails for the skip as well
        if bad and session.exitstatus in (pytest.ExitCode.OK, pytest.ExitCode.NO_TESTS_COLLECTED):
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        bad = self.disallowed
        if not bad:
            return
        tr = terminalreporter
        tr.section("skipped tests fail this suite", sep="=", red=True, bold=True)
        tr.line(f"{len(bad)} test(s) were skipped and are not on the allow-list {self.source}: the run FAILS.",
                red=True)
        tr.line("Setup installs everything the tests need, so a skip means a broken installation or missing "
                "data. Only tests that need hardware this machine lacks (e.g. a GPU) may be allow-listed.")
        for nodeid, reason in bad:
            tr.line(f"  SKIPPED {nodeid}: {reason}", red=True)


def pytest_configure(config: pytest.Config) -> None:
    text = SKIP_ALLOWLIST.read_text(encoding="utf-8") if SKIP_ALLOWLIST.exists() else ""
    entries = parse_skip_allowlist(text, str(SKIP_ALLOWLIST))
    if not config.pluginmanager.has_plugin("gdi-skip-check"):
        config.pluginmanager.register(SkipCheck(entries, SKIP_ALLOWLIST), "gdi-skip-check")
