"""Start pycsw from its own venv as its own process (SIDECARS entry, started and stopped by ``gdi serve``).

Its repositories are the SQLite files of ``var/csw/`` or, when the store is PostgreSQL, tables in the store's
database (``config.repository``); either is loaded first if it does not exist yet.
It listens on 127.0.0.1 on a free port (or ``GDI_CSW_PORT``) and announces the port in
``<node dir>/csw-sidecar.json`` (``GDI_RUN_DIR``, default ``var/run``); the ``/csw`` proxy in every
gunicorn worker reads it from there. The child
dies with its parent (``_serve.py`` sets PR_SET_PDEATHSIG), so a killed ``gdi serve`` leaves no stray pycsw behind.

INSPIRE discovery asks for 30 requests/s; one pycsw process is GIL-bound, so the sidecar runs
``GDI_CSW_WORKERS`` server processes on the one port (default: the machine's cores, at most 4), each keeping
pycsw's reflected repository table between requests (``GDI_CSW_MEMO=0``: pycsw's own per-request
reflection). ``GDI_CSW_WORKERS=1 GDI_CSW_MEMO=0`` (and ``GDI_CSW_CACHE=0`` for the proxy) is the
configuration before issue 16's measurements, kept for comparison.
"""
from __future__ import annotations

import json
import logging
import os
import secrets
import socket
import subprocess
import time
from pathlib import Path

from core.config import Settings

from .config import config_path, csw_dir, pycsw_python, repository_exists, state_path, write_pycsw_config

LOGGER = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_ready(port: int, proc: subprocess.Popen, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.1)
    return False


def workers() -> int:
    """pycsw server processes: ``GDI_CSW_WORKERS`` or the cores (at most 4: each holds ~60 MB)."""
    raw = os.environ.get("GDI_CSW_WORKERS", "").strip()
    if raw:
        try:
            return max(1, int(raw))
        except ValueError:
            LOGGER.warning("GDI_CSW_WORKERS=%r is not a number; using the cores", raw)
    return max(1, min(4, os.cpu_count() or 1))


def start(settings: Settings) -> subprocess.Popen | None:
    py = pycsw_python()
    if not py.exists():
        LOGGER.error("pycsw venv not found at %s (run scripts/setup.sh); /csw will answer 503", py)
        return None
    if not repository_exists(settings) or not repository_exists(settings, staff=True):
        from .load import load_records
        load_records(settings)
    cfg = write_pycsw_config(settings)
    port = int(os.environ.get("GDI_CSW_PORT") or _free_port())
    log = open(csw_dir(settings) / "pycsw.log", "ab")  # noqa: SIM115 - handed to the child
    token = secrets.token_urlsafe(32)
    proc = subprocess.Popen([str(py), str(HERE / "_serve.py"), "--config", str(cfg), "--port", str(port),
                             "--staff-config", str(config_path(settings, staff=True)),
                             "--parent", str(os.getpid()), "--workers", str(workers()),
                             *(["--no-memo"] if os.environ.get("GDI_CSW_MEMO", "1").strip() == "0" else [])],
                            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                            close_fds=True, env=dict(os.environ, GDI_CSW_STAFF_TOKEN=token))
    log.close()
    if not _wait_ready(port, proc):
        proc.kill()
        raise RuntimeError(f"pycsw sidecar did not start; see {csw_dir(settings) / 'pycsw.log'}")
    state_path(settings).parent.mkdir(parents=True, exist_ok=True)
    tmp = state_path(settings).with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # holds the staff token
    with os.fdopen(fd, "w") as fh:
        fh.write(json.dumps({"port": port, "pid": proc.pid, "staff_token": token}))
    os.replace(tmp, state_path(settings))
    LOGGER.info("pycsw sidecar pid %s on 127.0.0.1:%s", proc.pid, port)
    return proc
