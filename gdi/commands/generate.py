"""``gdi generate``: deterministic Hildesheim-extent test data at any scale."""
from __future__ import annotations

from pathlib import Path

import click

from transforms.generate import GENERATORS


@click.command("generate")
@click.argument("theme")
@click.argument("n", type=int)
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--seed", type=int, default=1, show_default=True)
def generate(theme: str, n: int, out: Path, seed: int) -> None:
    """Write N generated records of THEME (trees, playgrounds, sites, buildings) to OUT."""
    fn = GENERATORS.get(theme)
    path = fn(n, out, seed)
    click.echo(f"{n} {theme} written to {path}")


commands = [generate]
