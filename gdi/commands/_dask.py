"""The client of a running dask.distributed scheduler, for ``--scheduler`` of ``gdi etl`` and ``gdi citymodel``."""
from __future__ import annotations

import click


def connect(address: str):  # -> distributed.Client
    """A client of a running dask scheduler; a clear error when none answers."""
    from distributed import Client
    try:
        return Client(address, timeout=30)
    except (OSError, TimeoutError) as exc:
        raise click.UsageError(f"--scheduler {address}: no dask scheduler answers ({exc})") from None
