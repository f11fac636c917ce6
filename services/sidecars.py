"""Processes that run beside the web app (e.g. pycsw from its own venv), started and stopped by
``gdi serve``. Each entry is ``module:function(settings) -> subprocess.Popen | None``."""
from __future__ import annotations

import importlib
import logging

LOGGER = logging.getLogger(__name__)

SIDECARS: list[str] = [
    "services.csw.sidecar:start",   # pycsw from its own venv
]


def start_sidecars(settings) -> list:
    procs = []
    for path in SIDECARS:
        mod, _, fn = path.partition(":")
        try:
            p = getattr(importlib.import_module(mod), fn)(settings)
        except ModuleNotFoundError as exc:
            if exc.name and mod.startswith(exc.name):
                LOGGER.warning("sidecar %s skipped: %s", path, exc)
                continue
            raise
        if p is not None:
            procs.append(p)
    return procs


def stop_sidecars(procs) -> None:
    for p in procs:
        p.terminate()
    for p in procs:
        try:
            p.wait(timeout=10)
        except Exception:  # noqa: BLE001
            p.kill()
