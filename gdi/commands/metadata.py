"""``gdi metadata``: ISO 19139 records for every dataset and service, and the pycsw catalogue."""
from __future__ import annotations

from pathlib import Path

import click

from core.config import load_settings


@click.group("metadata")
def metadata_group() -> None:
    """ISO 19139 metadata (INSPIRE TG 2.0 + GDI-DE) and the CSW catalogue."""


@metadata_group.command("write")
@click.option("--no-load", is_flag=True, help="Only write var/metadata/*.xml; do not reload pycsw.")
def write_cmd(no_load: bool) -> None:
    """Write all records (validated) and reload the pycsw repository (same as after every ETL run)."""
    from metadata.records import read_index, write_records
    settings = load_settings()
    write_records(settings)
    for e in read_index(settings):
        click.echo(f"{e['kind']:<8} {e['name']:<22} {e['access']:<10} {e['id']}  {e['file']}")
    if not no_load:
        from services.csw.load import load_records
        s = load_records(settings)
        click.echo(f"pycsw: {s.get('loaded')} public records loaded (restricted records are not loaded)")


@metadata_group.command("check")
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--url", default=None, help="Also harvest the running services at this URL (CSW, Atom, /ogc) "
              "and compare every dataset's identifier there.")
def check_cmd(files: tuple[Path, ...], url: str | None) -> None:
    """Check records (default: all written ones) against the XSDs and the TG 2.0 / GDI-DE rule table; without
    FILES also cross-check each dataset's identifier (record, GML, Atom, OGC API) and its uniqueness."""
    from core.xsd import validate_xml_bytes
    from metadata import rules
    from metadata.records import metadata_dir, parse
    settings = load_settings()
    paths = list(files) or sorted(metadata_dir(settings).rglob("*.xml"))
    if not paths:
        raise click.ClickException("no records; run `gdi metadata write` first")
    bad = 0
    for p in paths:
        problems = [f"xsd: {e}" for e in validate_xml_bytes(p.read_bytes(), settings.schema_dir, p.name)]
        problems += rules.check(parse(p))
        bad += bool(problems)
        click.echo(f"{'OK  ' if not problems else 'FAIL'} {p}")
        for msg in problems:
            click.echo(f"     {msg}")
    if not files:
        from metadata import crosscheck
        cross = crosscheck.check_files(settings)
        if url:
            cross += crosscheck.check_harvest(settings, url)
        click.echo(f"{'OK  ' if not cross else 'FAIL'} spatial dataset identifiers (record, GML"
                   + (", CSW, Atom, OGC API" if url else "") + "): one per dataset, the same everywhere, unique")
        for msg in cross:
            click.echo(f"     {msg}")
        bad += bool(cross)
    if bad:
        raise SystemExit(1)


commands = [metadata_group]
