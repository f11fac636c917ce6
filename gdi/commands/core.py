"""Core commands: config validation, ETL, file validation."""
from __future__ import annotations

import json
from pathlib import Path

import click
from tqdm import tqdm

from core.config import ConfigErrors, load_registry, load_settings
from core.errors import GdiError


@click.group("config")
def config_group() -> None:
    """Check the settings and the dataset registry."""


@config_group.command("validate")
def config_validate() -> None:
    """Report every error in gdi.yml and datasets/*/dataset.yml, with file and field (docs/datasets.md)."""
    try:
        settings = load_settings()
        reg = load_registry(settings.datasets_dir, strict=True)
    except ConfigErrors as exc:
        for m in exc.messages:
            click.secho(m, fg="red", err=True)
        raise SystemExit(1) from None
    for ds in reg.values():
        click.echo(f"ok  {ds.id:<24} {ds.mapper:<24} {ds.access:<10} {len(ds.sources)} source(s)")
    click.echo(f"{len(reg)} dataset(s) valid")


@config_group.command("docs")
@click.option("--check", is_flag=True, help="Only check that the page is current (exit 1 when stale).")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to write (default: docs/datasets.md).")
def config_docs(check: bool, output: Path | None) -> None:
    """Generate docs/datasets.md (dataset.yml fields, every reader's and mapper's options) from the models."""
    from gdi.datasets_doc import DOC_PATH, is_current, write
    path = output or DOC_PATH
    if check:
        if not is_current(path):
            click.secho(f"{path} is stale: run 'gdi config docs'", fg="red", err=True)
            raise SystemExit(1)
        click.echo(f"{path} is current")
        return
    click.echo(f"{'wrote' if write(path) else 'unchanged'} {path}")


@click.command("etl")
@click.argument("datasets", nargs=-1)
@click.option("--no-validate", is_flag=True, help="Skip XSD validation (benchmarks only).")
@click.option("--scheduler", metavar="tcp://HOST:PORT",
              help="Encode and validate the GML and GeoJSON on a dask.distributed cluster (`dask scheduler` + "
                   "`dask worker` processes on machines that see the var folder at the same path).")
@click.option("--changed", is_flag=True, help="Only datasets whose dataset.yml or source files changed since their "
              "current publication (SHA-256 in its manifest), unpublished or damaged ones (core/changes.py).")
def etl(datasets: tuple[str, ...], no_validate: bool, scheduler: str | None, changed: bool) -> None:
    """Run the ETL for DATASETS (default: all) and publish atomically."""
    from transforms.pipeline import run_dataset
    settings = load_settings()
    reg = load_registry(settings.datasets_dir)
    ids = list(dict.fromkeys(datasets)) or list(reg) + [k for k in reg.invalid if k not in reg]
    unknown = [d for d in ids if d not in reg and d not in reg.invalid]
    if unknown:
        raise click.UsageError(f"unknown dataset(s): {', '.join(unknown)}; known: {', '.join(sorted(reg))}")
    if changed:
        from core.changes import changed_datasets
        why = changed_datasets(ids, reg, settings)
        for d in ids:
            click.echo(f"{d}: {why[d]}" if d in why else f"{d}: unchanged" if d in reg else f"{d}: invalid entry")
        ids = [d for d in ids if d in why or d not in reg]
    failed: list[str] = []
    errors: dict[str, tuple[str, Path | None]] = {d: ("invalid registry entry: " + "; ".join(m), None)
                                                  for d, m in reg.invalid.items()}
    published = 0
    client = None
    if scheduler:
        from ._dask import connect
        client = connect(scheduler)
    for ds_id in ids:
        if ds_id in reg.invalid:  # one dataset's broken entry fails that dataset only
            click.secho(f"FAILED {ds_id}: its registry entry is invalid (fix it; 'gdi config validate' "
                        "lists every error):", fg="red", err=True)
            for m in reg.invalid[ds_id]:
                click.echo(f"       {m}", err=True)
            click.echo("       the previous publication (if any) stays online unchanged", err=True)
            failed.append(ds_id)
            continue
        ds = reg[ds_id]
        with tqdm(desc=f"{ds_id:<16}", unit=" rec", leave=True, dynamic_ncols=True) as bar:
            try:
                res = run_dataset(ds, settings, validate=not no_validate, progress=bar.update,
                                  client=client)
            except GdiError as exc:
                bar.close()
                click.secho(f"FAILED {ds_id}: {exc}", fg="red", err=True)
                rep = getattr(exc, "report", None)
                if rep:
                    click.echo(f"       report: {rep}", err=True)
                click.echo("       the previous publication (if any) stays online unchanged", err=True)
                errors[ds_id] = (str(exc), rep)
                failed.append(ds_id)
                continue
        published += 1
        s = res.summary
        click.echo(f"{ds_id}: read {s['read']} / repaired {s['repaired']} / rejected {s['rejected']} / "
                   f"published {s['published']} (flagged {s['flagged']}) -> version {res.version}")
        click.echo(f"       report: {res.report_html}")
    if client is not None:
        client.close()
    if published:  # service configs and records follow what did publish, whatever else failed
        try:
            _after_publication(settings)
        except Exception as exc:
            _notify(settings, {**{d: errors[d] for d in failed}, "(post-publish steps)": (repr(exc), None)})
            raise
    if failed:
        _notify(settings, {d: errors[d] for d in failed})
        click.secho(f"{len(failed)} of {len(ids)} dataset(s) failed: {', '.join(failed)}", fg="red", err=True)
        raise SystemExit(1)


def _notify(settings, failed: dict[str, tuple[str, Path | None]]) -> None:
    """The webhook and/or mail of ``notify:`` in gdi.yml (core/notify.py); undelivered ones are printed."""
    from core.notify import notify_failure
    for problem in notify_failure(settings, failed):
        click.secho(f"notification not delivered: {problem}", fg="yellow", err=True)


def _after_publication(settings) -> None:
    """Regenerate everything derived from the registry and the publications (service configs, records)."""
    from core.hooks import run_post_publish
    run_post_publish(settings)


@click.command("validate")
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path), required=True)
@click.option("--schemas", type=click.Path(file_okay=False, path_type=Path), help="Schema folder (default: settings).")
def validate_cmd(files: tuple[Path, ...], schemas: Path | None) -> None:
    """Validate GML or ISO 19139 FILES against the XSDs in the schema folder (offline)."""
    from core.xsd import validate_gml_file, validate_xml_bytes
    settings = load_settings()
    sdir = (schemas or settings.schema_dir).resolve()
    bad = 0
    for f in files:
        with open(f, "rb") as fh:
            head = fh.read(4096)
        if b"FeatureCollection" in head:
            errs = validate_gml_file(f, sdir)  # member by member, for files of any size
        else:
            errs = validate_xml_bytes(f.read_bytes(), sdir, f.name)
        if errs:
            bad += 1
            click.secho(f"INVALID {f}", fg="red")
            for e in errs[:20]:
                click.echo(f"  {e}")
        else:
            click.secho(f"valid   {f}", fg="green")
    raise SystemExit(1 if bad else 0)


@click.command("status")
def status() -> None:
    """Show the current publication of every dataset."""
    from core.publication import published_datasets
    settings = load_settings()
    click.echo(json.dumps({k: {"version": v["version"], "counts": v["counts"]}
                           for k, v in published_datasets(settings.publish_dir).items()}, indent=1))


commands = [config_group, etl, validate_cmd, status]
