"""Processes that run beside the web app (e.g. pycsw from its own venv), started and stopped by
``gdi serve``. Each entry is ``module:function(settings) -> subprocess.Popen | None``."""
from __future__ import annotations

import logging
import subprocess

from core.plugins import require

LOGGER = logging.getLogger(__name__)

SIDECARS: list[str] = [
    "services.csw.sidecar:start",   # pycsw from its own venv
]


def start_sidecars(settings) -> list:
    procs = []
    for path in SIDECARS:
        start = require(path, what="sidecar")
        p = start(settings)
        if p is not None:
            procs.append(p)
    return procs


def stop_sidecars(procs) -> None:
    for p in procs:
        p.terminate()
    for p in procs:
        try:
            p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            p.kill()
