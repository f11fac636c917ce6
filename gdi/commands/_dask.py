"""The client of a running dask.distributed scheduler, for ``--scheduler`` of ``gdi etl`` and ``gdi citymodel``."""
from __future__ import annotations

import click


def connect(address: str):  # -> distributed.Client
    """A client of a running dask scheduler; a clear error when none answers."""
    import dask.config
    from distributed import Client
    # dask's connect timeout (30 s by default; DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT or dask's config)
    timeout = dask.config.get("distributed.comm.timeouts.connect", "30s")
    try:
        return Client(address, timeout=timeout)
    except (OSError, TimeoutError) as exc:
        raise click.UsageError(f"--scheduler {address}: no dask scheduler answers ({exc})") from None
