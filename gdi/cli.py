"""``gdi`` CLI. Sub-commands live in ``gdi/commands/<name>.py``; each module defines ``commands``
(a list of click commands/groups) and is discovered automatically, so parts of the project add their
commands without editing this file."""
from __future__ import annotations

import importlib
import logging
import pkgutil
import sys

import click

from core.errors import GdiError

from . import commands as _commands_pkg


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
@click.pass_context
def cli(ctx: click.Context, verbose: int) -> None:
    """GDI Hildesheim: INSPIRE ETL, OGC services, 3D city model and e-participation."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


def _discover() -> None:
    for mod in sorted(pkgutil.iter_modules(_commands_pkg.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{_commands_pkg.__name__}.{mod.name}")
        for cmd in getattr(module, "commands", []):
            cli.add_command(cmd)


_discover()


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except GdiError as exc:
        click.secho(f"error: {exc}", fg="red", err=True)
        rep = getattr(exc, "report", None)
        if rep:
            click.echo(f"report: {rep}", err=True)
        sys.exit(2)
    except SystemExit:
        raise
