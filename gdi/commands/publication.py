"""``gdi publication check`` and ``gdi publication rollback``: find damaged publications, switch one back."""
from __future__ import annotations

import click

from core.config import load_settings
from core.errors import GdiError


@click.group("publication")
def publication_group() -> None:
    """Check publications against their manifests; switch a dataset back to its previous version."""


@publication_group.command("check")
@click.argument("datasets", nargs=-1)
def check(datasets: tuple[str, ...]) -> None:
    """Verify every file (size, SQLite header, SHA-256 checksum) and, on PostGIS, every table of the
    current publication of DATASETS (default: all). Exit 1 when one is damaged."""
    from core.store import get_store
    settings = load_settings()
    store = get_store(settings)
    ids = list(datasets) or sorted(store.published())
    bad = 0
    for ds_id in ids:
        manifest = store.current(ds_id)
        if manifest is None:
            click.echo(f"--       {ds_id:<24} not published")
            continue
        problem = store.check(ds_id, full=True)
        if problem is None:
            click.echo(f"ok       {ds_id:<24} {manifest.get('version')}")
        else:
            bad += 1
            click.secho(f"DAMAGED  {ds_id:<24} {manifest.get('version')}: {problem}", fg="red")
    raise SystemExit(1 if bad else 0)


@publication_group.command("rollback")
@click.argument("dataset")
def rollback(dataset: str) -> None:
    """Switch DATASET back to its newest older version whose files (and PostGIS tables) are intact; the
    service configurations and metadata follow (post-publish steps)."""
    from core.hooks import run_post_publish
    from core.store import get_store
    settings = load_settings()
    store = get_store(settings)
    try:
        old, new = store.rollback(dataset)
    except GdiError as exc:
        click.secho(f"FAILED {dataset}: {exc}", fg="red", err=True)
        raise SystemExit(1) from None
    click.echo(f"{dataset}: switched back from {old} to {new}")
    run_post_publish(settings)


commands = [publication_group]
