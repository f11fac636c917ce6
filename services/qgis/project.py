"""``gdi qgis-project`` and the post-publish hook: the planners' QGIS projects under ``<var>/qgis/``.

Two files: ``hildesheim.qgz`` (every public dataset; served to everyone at ``/download/qgis/hildesheim.qgz``)
and ``hildesheim-intern.qgz`` (also the restricted datasets, whose layers name the QGIS authentication
configuration ``gdihild``; served to staff only, 404 for everyone else like every restricted download).
PyQGIS exists only in Debian's system Python (``python3-qgis``), so ``build.py`` runs there in a subprocess;
without it the command fails with a :class:`QgisError` and the hook logs a warning and publishes on.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from core.config import Settings
from core.errors import GdiError

from .spec import PUBLIC_FILE, STAFF_FILE, project_spec

LOGGER = logging.getLogger(__name__)

SYSTEM_PYTHON = os.environ.get("GDI_QGIS_PYTHON", "/usr/bin/python3")
BUILD_SCRIPT = Path(__file__).with_name("build.py")
TIMEOUT_S = 600


class QgisError(GdiError, RuntimeError):
    """PyQGIS is missing or could not write the project."""


def output_dir(settings: Settings) -> Path:
    return settings.var_dir / "qgis"


def qgis_env(home: str) -> dict[str, str]:
    """Environment for PyQGIS in the system Python: headless Qt, no virtual environment's Python paths,
    a throw-away home (QGIS writes a profile and an authentication database there)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON"))}
    runtime = Path(home) / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    env.update(QT_QPA_PLATFORM="offscreen", HOME=home, XDG_RUNTIME_DIR=str(runtime),
               XDG_CONFIG_HOME=str(Path(home) / ".config"), QGIS_CUSTOM_CONFIG_PATH=str(Path(home) / "qgis"))
    return env


def qgis_problem() -> str | None:
    """Why PyQGIS cannot be used here (None when it can)."""
    if not shutil.which(SYSTEM_PYTHON) and not Path(SYSTEM_PYTHON).exists():
        return f"{SYSTEM_PYTHON} not found"
    with tempfile.TemporaryDirectory(prefix="gdi-qgis-home-") as home:
        r = subprocess.run([SYSTEM_PYTHON, "-c", "import qgis.core"], capture_output=True, text=True,
                           env=qgis_env(home), timeout=120)
    if r.returncode != 0:
        return f"`{SYSTEM_PYTHON} -c 'import qgis.core'` failed: {r.stderr.strip()[-300:]}"
    return None


def generate(settings: Settings, out_dir: Path | None = None) -> dict[str, Any]:
    """Write both project variants; returns ``{"files": {"public": path, "staff": path}, "notes": [...],
    "qgis": version}``. Raises :class:`QgisError` when PyQGIS is missing or fails."""
    problem = qgis_problem()
    if problem:
        raise QgisError(f"PyQGIS is not available: {problem}. Install it with `apt-get install python3-qgis` "
                        "(scripts/setup.sh does) or point GDI_QGIS_PYTHON at a Python that has it")
    out_dir = out_dir or output_dir(settings)
    spec = project_spec(settings)
    with tempfile.TemporaryDirectory(prefix="gdi-qgis-") as tmp:
        spec_file = Path(tmp) / "spec.json"
        spec_file.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
        home = Path(tmp) / "home"
        home.mkdir()
        try:
            r = subprocess.run([SYSTEM_PYTHON, str(BUILD_SCRIPT), str(spec_file), str(out_dir)],
                               capture_output=True, text=True, env=qgis_env(str(home)), timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired as exc:
            raise QgisError(f"PyQGIS did not finish the project within {TIMEOUT_S} s") from exc
    line = next((ln for ln in r.stdout.splitlines() if ln.startswith("RESULT ")), None)
    if r.returncode != 0 or line is None:
        raise QgisError(f"PyQGIS could not write the QGIS project (exit {r.returncode}): "
                        f"{(r.stderr or r.stdout).strip()[-1500:]}")
    result: dict[str, Any] = json.loads(line[len("RESULT "):])
    for note in result.get("notes", []):
        LOGGER.info("QGIS project: %s", note)
    return result


def write_project(settings: Settings) -> dict[str, Any] | None:
    """POST_PUBLISH hook: regenerate the projects; never fails the publication (a missing QGIS or a QGIS
    failure is logged as a warning, the previous files stay)."""
    try:
        result = generate(settings)
    except QgisError as exc:
        LOGGER.warning("QGIS project not written: %s", exc)
        return None
    LOGGER.info("QGIS projects written: %s", ", ".join(str(p) for p in result["files"].values()))
    return result


def project_file(settings: Settings, name: str, *, staff: bool) -> Path | None:
    """The project file a ``/download/qgis/<name>`` request may get: the public one for everyone, the
    staff one for staff only (None: answer 404)."""
    allowed = {PUBLIC_FILE} | ({STAFF_FILE} if staff else set())
    if name not in allowed:
        return None
    path = output_dir(settings) / name
    return path if path.is_file() else None
