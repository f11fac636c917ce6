"""``gdi qgis-project``: the planners' QGIS projects (public + staff variant) from the registry (docs/qgis.md)."""
from __future__ import annotations

from pathlib import Path

import click

from core.config import load_settings
from core.errors import GdiError


@click.command("qgis-project")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for hildesheim.qgz and hildesheim-intern.qgz (default: <var>/qgis, served at "
                   "/download/qgis/).")
def qgis_project(out: Path | None) -> None:
    """Write the QGIS projects (also done after every publication). Needs PyQGIS (apt: python3-qgis)."""
    from services.qgis.project import generate
    try:
        result = generate(load_settings(), out)
    except GdiError as exc:
        raise click.ClickException(str(exc)) from exc
    for kind, path in result["files"].items():
        click.echo(f"{kind}: {path}")
    for note in result.get("notes", []):
        click.echo(f"note: {note}")


commands = [qgis_project]
