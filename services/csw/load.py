"""(Re)load the metadata records into the pycsw repository (POST_PUBLISH hook, after
``metadata.records:write_records``).

Runs pycsw's own loader in the pycsw venv as a subprocess (pycsw's pins clash with the main venv), into
a fresh SQLite file that then replaces the live one with one ``rename(2)``: a running pycsw serves the
old or the new catalogue, never a half-loaded one, and the server does not need to run. When the store is
PostgreSQL the repositories are tables in the store's database (``gdi_csw.gdi_csw_records``,
``gdi_csw_staff.gdi_csw_records``): the loader fills a schema ``<schema>_load`` and renames it over the live
one in one transaction, with the same guarantee (see ``_load.py``).

Restricted datasets: their records (``var/metadata/restricted/``) are never loaded into the public
repository, so the public catalogue neither lists nor finds them (and the public service records do not
couple them). A second repository (``records-staff.db``) holds all records; the proxy sends only
authenticated staff there.
"""
from __future__ import annotations

import json
import logging
import os
import subprocess
from pathlib import Path

from core.config import Settings
from core.errors import ConfigError, PublicationError
from metadata.records import metadata_dir, write_records

from .config import PG_TABLE, TABLE, db_path, on_postgres, pg_schema, pg_url, pycsw_python, write_pycsw_config

LOGGER = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent


def load_records(settings: Settings) -> dict:
    """Rebuild the public (``var/metadata/*.xml``) and the staff (+ ``restricted/``) pycsw repositories;
    return the public loader's summary."""
    py = pycsw_python()
    if not py.exists():
        raise ConfigError(f"pycsw venv not found at {py}: run scripts/setup.sh (or set GDI_PYCSW_PYTHON)")
    src = metadata_dir(settings)
    if not (src / "index.json").exists():
        write_records(settings)
    db_path(settings).parent.mkdir(parents=True, exist_ok=True)
    write_pycsw_config(settings)
    if on_postgres(settings):
        summary = _load_pg(py, src, settings, staff=False)
        staff = _load_pg(py, src, settings, staff=True)
    else:
        summary = _load(py, src, db_path(settings), recursive=False)
        staff = _load(py, src, db_path(settings, staff=True), recursive=True)
    LOGGER.info("pycsw repositories: %s public, %s staff records", summary.get("loaded"), staff.get("loaded"))
    from .cache import mark_new_generation
    mark_new_generation(settings)  # the web nodes' kept answers belong to the previous repository
    return summary


def _run(cmd: list[str], src: Path, env: dict[str, str] | None = None, secrets: tuple[str, ...] = ()) -> dict:
    proc = subprocess.run(cmd, check=False, capture_output=True, text=True, timeout=600, env=env)
    try:
        summary = json.loads(proc.stdout.strip().splitlines()[-1]) if proc.stdout.strip() else {}
    except ValueError:
        summary = {}
    if proc.returncode != 0:
        err = proc.stderr.strip()[-2000:]
        for secret in sorted(filter(None, secrets), key=len, reverse=True):
            err = err.replace(secret, "***")
        raise PublicationError(f"pycsw could not load the metadata records: {summary.get('failed') or ''} {err}",
                               file=str(src))
    return summary


def _load(py: Path, src: Path, db: Path, recursive: bool) -> dict:
    tmp = db.with_name(f".{db.stem}-{os.getpid()}.db")
    cmd = [str(py), str(HERE / "_load.py"), "--db", str(tmp), "--dir", str(src), "--table", TABLE]
    try:
        summary = _run(cmd + (["--recursive"] if recursive else []), src)
    except PublicationError:
        tmp.unlink(missing_ok=True)
        raise
    os.replace(tmp, db)
    return summary


def _load_pg(py: Path, src: Path, settings: Settings, staff: bool) -> dict:
    """Into the schema ``pg_schema(staff)`` of the store's database. The URL goes through the environment (a
    command line is visible to every user of the machine) and no error message repeats the password."""
    from urllib.parse import quote, unquote, urlsplit
    url = pg_url(settings)
    raw = urlsplit(settings.store).password or ""
    secrets = (settings.store, url, raw, unquote(raw), quote(unquote(raw), safe="")) if raw else ()
    cmd = [str(py), str(HERE / "_load.py"), "--pg-schema", pg_schema(staff), "--table", PG_TABLE, "--dir", str(src)]
    return _run(cmd + (["--recursive"] if staff else []), src, env=dict(os.environ, GDI_CSW_DATABASE=url),
                secrets=secrets)
