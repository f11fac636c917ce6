"""Shared fixtures. The demo datasets are run through the real ETL once per test session into a
temporary var dir, and ``gdi serve`` is started for real (gunicorn, pygeoapi, MapServer…) on a free port."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("GDI_SHARED", ROOT.parent / "shared"))
SHARED_DATA = SHARED / "data"
SCHEMAS = SHARED / "inspire" / "schemas"
GDI = str(Path(sys.executable).parent / "gdi")


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


@pytest.fixture(scope="session")
def demo_env(tmp_path_factory) -> dict[str, str]:
    """Environment for a session-wide demo installation in a temp var dir."""
    var = tmp_path_factory.mktemp("var")
    port = free_port()
    # GDI_DEMO_BUILDINGS keeps the generated demo city model small in tests (the demo itself is larger)
    env = dict(os.environ, GDI_VAR=str(var), GDI_PORT=str(port), GDI_SCHEMAS=str(SCHEMAS),
               GDI_DEMO_BUILDINGS=os.environ.get("GDI_DEMO_BUILDINGS", "3000"))
    return env


@pytest.fixture(scope="session")
def demo_settings(demo_env):
    """Settings of the session demo (ETL already run on all bundled datasets)."""
    r = subprocess.run([GDI, "demo", "--no-serve"], env=demo_env, capture_output=True, text=True, cwd=ROOT,
                       timeout=1800)
    assert r.returncode == 0, f"gdi demo --no-serve failed:\n{r.stdout}\n{r.stderr}"
    old = dict(os.environ)
    os.environ.update({k: demo_env[k] for k in ("GDI_VAR", "GDI_PORT", "GDI_SCHEMAS", "GDI_DEMO_BUILDINGS")})
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


@pytest.fixture
def tmp_settings(tmp_path, monkeypatch):
    """Fresh settings with an empty var dir, for ETL unit tests."""
    monkeypatch.setenv("GDI_VAR", str(tmp_path / "var"))
    monkeypatch.setenv("GDI_SCHEMAS", str(SCHEMAS))
    from core.config import load_settings
    return load_settings()


def have(cmd: str) -> bool:
    return shutil.which(cmd) is not None
