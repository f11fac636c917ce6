"""``gdi beteiligung ...``: staff accounts, retention, export, migrations of the participation."""
from __future__ import annotations

from pathlib import Path

import click

from core.config import load_settings


def _part():
    from services.participation.config import load_config
    from services.participation.core import Participation
    return Participation(load_config(load_settings()))


@click.group("beteiligung")
def beteiligung() -> None:
    """E-participation (Bauleitplanung): staff, retention, export."""


@beteiligung.command("migrate")
def migrate() -> None:
    """Create or upgrade the database schema (also done on first use)."""
    from services.participation.db import SCHEMA_VERSION
    p = _part()
    click.echo(f"schema version {SCHEMA_VERSION} ({p.cfg.db_url})")


@beteiligung.command("add-staff")
@click.argument("username")
@click.option("--role", type=click.Choice(["moderator", "planner"]), required=True)
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True,
              help="at least 12 characters; prompted when not given")
def add_staff(username: str, role: str, password: str) -> None:
    """Create a staff account (or reset its password/role); the password is stored as an argon2 hash."""
    _part().add_staff(username, role, password)
    click.echo(f"staff account {username} ({role}) saved")


@beteiligung.command("retention")
@click.option("--days", type=int, default=None, help="default: GDI_BETEILIGUNG_RETENTION_DAYS (365)")
def retention(days: int | None) -> None:
    """Delete names and e-mail addresses of statements whose period ended more than DAYS ago."""
    n = _part().purge_personal(days)
    click.echo(f"personal data deleted for {n} statements")


@beteiligung.command("export")
@click.argument("out", type=click.Path(path_type=Path))
@click.option("--procedure", "pid", default=None)
@click.option("--pseudonymised", is_flag=True, help="no names/e-mails, a stable pseudonym instead (for the council)")
def export(out: Path, pid: str | None, pseudonymised: bool) -> None:
    """Export statements for the weighing: OUT ending in .xlsx, .csv or .geojson."""
    from services.participation import export as X
    from services.participation.security import load_secret
    p = _part()
    if out.suffix == ".geojson":
        data = X.to_geojson(p, pid)
    else:
        cols, recs = X.rows(p, pid, pseudonymised=pseudonymised, secret=load_secret(p.cfg.data_dir))
        data = X.to_xlsx(cols, recs) if out.suffix == ".xlsx" else X.to_csv(cols, recs)
    out.write_bytes(data)
    p.audit("cli", f"export:{out.suffix.lstrip('.')}", None, f"procedure={pid or 'all'} pseudonymised={pseudonymised}")
    click.echo(f"{out} written")


commands = [beteiligung]
