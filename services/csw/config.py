"""Paths and the generated pycsw configuration (never edited by hand).

pycsw reads its ``.cfg`` on every request; the repository is one SQLite file in ``var/csw/`` that the
loader replaces atomically, so a running pycsw serves the new records from the next request on. When the
store is PostgreSQL (``store: postgresql://…``) the repositories live in the same database instead: the table
``gdi_csw_records`` in the schema ``gdi_csw`` (public) or ``gdi_csw_staff`` (staff), each replaced as a whole by
a schema rename (see ``load.py``); the configuration then holds the database URL and is readable by its owner
only.
Deliberately NOT set: ``gzip_compresslevel`` (pycsw 2.6's WSGI wrapper then sends the Content-Length of
the uncompressed body and harvesters receive truncated XML; see DESIGN.md). Server language stays
``en-US`` (``de-DE`` raises in pycsw 2.6); the metadata language ``ger`` is declared in the INSPIRE
extended capabilities.
"""
from __future__ import annotations

import configparser
import json
import os
from datetime import date
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from core.config import PROJECT_ROOT, Settings, load_registry
from core.errors import GdiError
from core.publication import published_datasets
from metadata import gdide
from metadata.common import GDI_CONTACT

TABLE = "records"            # SQLite: the table in records.db / records-staff.db
PG_TABLE = "gdi_csw_records"  # PostgreSQL: the table in the schema pg_schema(staff) (a name no dataset uses)


def csw_dir(settings: Settings) -> Path:
    return settings.var_dir / "csw"


def db_path(settings: Settings, staff: bool = False) -> Path:
    """The SQLite repository (GeoPackage store)."""
    return csw_dir(settings) / ("records-staff.db" if staff else "records.db")


def on_postgres(settings: Settings) -> bool:
    """Whether the repositories live in the store's PostgreSQL database."""
    return settings.store.startswith(("postgresql://", "postgres://"))


def pg_schema(staff: bool = False) -> str:
    """Schema of the public or the staff repository in PostgreSQL (one each: pycsw's index names are fixed)."""
    return "gdi_csw_staff" if staff else "gdi_csw"


def pg_url(settings: Settings) -> str:
    """The store's database as an SQLAlchemy/libpq URL: scheme ``postgresql``, user and password
    percent-encoded completely (no ``$`` for pycsw's expansion of environment variables, no ``@:/`` that
    could end the user part)."""
    u = urlsplit(settings.store)
    user = quote(unquote(u.username), safe="") if u.username else ""
    if u.password is not None:
        user += ":" + quote(unquote(u.password), safe="")
    host = u.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = (f"{user}@" if user else "") + host + (f":{u.port}" if u.port else "")
    return urlunsplit(("postgresql", netloc, u.path, u.query, ""))


def repository(settings: Settings, staff: bool = False) -> tuple[str, str]:
    """``(database, table)`` of pycsw's ``[repository]``: the SQLite file, or the store's PostgreSQL database
    and the schema-qualified table."""
    if on_postgres(settings):
        return pg_url(settings), f"{pg_schema(staff)}.{PG_TABLE}"
    return f"sqlite:///{db_path(settings, staff)}", TABLE


def repository_exists(settings: Settings, staff: bool = False) -> bool:
    """Whether the repository has been loaded (the sidecar loads it at start if not)."""
    if not on_postgres(settings):
        return db_path(settings, staff).exists()
    import psycopg
    with psycopg.connect(pg_url(settings), connect_timeout=30) as conn:
        row = conn.execute("SELECT to_regclass(%s)", (f"{pg_schema(staff)}.{PG_TABLE}",)).fetchone()
    return row is not None and row[0] is not None


def config_path(settings: Settings, staff: bool = False) -> Path:
    return csw_dir(settings) / ("pycsw-staff.cfg" if staff else "pycsw.cfg")


def state_path(settings: Settings) -> Path:
    """Where the running sidecar announces its port (read by the proxy in every gunicorn worker of this
    node): node-local, so web nodes sharing one var dir each reach their own pycsw."""
    return settings.node_dir / "csw-sidecar.json"


def pycsw_python() -> Path:
    return Path(os.environ.get("GDI_PYCSW_PYTHON", PROJECT_ROOT / ".venv-pycsw" / "bin" / "python"))


def _themes_en(settings: Settings) -> list[str]:
    try:
        reg = load_registry(settings.datasets_dir, check_plugins=False, publish_dir=settings.publish_dir)
    except GdiError:  # capabilities keywords must not stop the catalogue; `gdi config validate` reports it
        return []
    pubs = published_datasets(settings.publish_dir)
    keys = set()
    for ds_id in pubs:
        ds = reg.get(ds_id)
        if ds is not None and ds.access == "public":
            try:
                keys.add(gdide.theme_key(ds.inspire.theme))
            except KeyError:
                continue
    return sorted(gdide.THEMES_EN[k] for k in keys)


def write_pycsw_config(settings: Settings) -> Path:
    """Write the public and the staff configuration; return the public one's path."""
    write_one(settings, staff=True)
    return write_one(settings, staff=False)


def write_one(settings: Settings, staff: bool) -> Path:
    base = settings.service.public_url.rstrip("/")
    today = date.today().isoformat()
    cfg = configparser.ConfigParser(interpolation=None)
    cfg["server"] = {
        "home": str(csw_dir(settings)),
        "url": f"{base}/csw",
        "mimetype": "application/xml; charset=UTF-8",
        "encoding": "UTF-8",
        "language": "en-US",
        "maxrecords": "50",
        "loglevel": "WARNING",
        "logfile": str(csw_dir(settings) / "pycsw-app.log"),
        "pretty_print": "true",
        "domainquerytype": "list",
        "domaincounts": "false",
        "profiles": "apiso",
        "federatedcatalogues": "",
    }
    cfg["manager"] = {"transactions": "false", "allowed_ips": "127.0.0.1"}
    c = GDI_CONTACT
    cfg["metadata:main"] = {
        "identification_title": "GDI Hildesheim – INSPIRE-Suchdienst (CSW)",
        "identification_abstract": "Metadaten der Geodatensätze und -dienste der Stadt Hildesheim "
                                   "(ISO 19139, INSPIRE TG 2.0, GDI-DE-Konventionen)",
        "identification_keywords": "Hildesheim,INSPIRE,Metadaten,infoCatalogueService",
        "identification_keywords_type": "theme",
        "identification_fees": "keine",
        "identification_accessconstraints": "keine",
        "provider_name": "Stadt Hildesheim",
        "provider_url": c.url or "",
        "contact_name": c.organisation,
        "contact_position": "Geodatenmanagement",
        "contact_address": c.address or "",
        "contact_city": c.city or "",
        "contact_stateorprovince": "Niedersachsen",
        "contact_postalcode": c.postcode or "",
        "contact_country": c.country,
        "contact_phone": c.phone or "",
        "contact_fax": "",
        "contact_email": c.email,
        "contact_url": c.url or "",
        "contact_hours": "",
        "contact_instructions": "",
        "contact_role": "pointOfContact",
    }
    if staff:
        cfg["metadata:main"]["identification_title"] += " – intern (alle Datensätze)"
    database, table = repository(settings, staff)
    # pycsw reads its configuration with BasicInterpolation: a literal % is written %%
    cfg["repository"] = {"database": database.replace("%", "%%"), "table": table}
    cfg["metadata:inspire"] = {
        "enabled": "true",
        "languages_supported": "ger",
        "default_language": "ger",
        "date": today,
        "gemet_keywords": ",".join(_themes_en(settings)),
        "conformity_service": "notEvaluated",
        "contact_name": c.organisation,
        "contact_email": c.email,
        "temp_extent": f"{today}",
    }
    path = config_path(settings, staff)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")  # several nodes may write it at once
    # with PostgreSQL the configuration holds the database URL (and its password): owner only
    private = on_postgres(settings)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600 if private else 0o666)
    if private:
        os.fchmod(fd, 0o600)  # also when a stale temporary file was there
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write("# GENERATED by services/csw/config.py - do not edit\n"
                 + ("# staff catalogue: public + restricted records, served only to authenticated staff\n"
                    if staff else ""))
        cfg.write(fh)
    os.replace(tmp, path)
    return path


def read_state(settings: Settings) -> dict | None:
    p = state_path(settings)
    try:
        return json.loads(p.read_text())
    except (OSError, ValueError):
        return None
