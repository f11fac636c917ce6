"""``gdi serve`` and ``gdi demo``."""
from __future__ import annotations

import click

from core.config import load_settings

SERVICES = ["/ogc", "/wms", "/csw", "/download", "/viewer", "/beteiligung", "/health"]


def serve_forever(settings, *, workers: int | None = None) -> None:
    from gunicorn.app.base import BaseApplication

    from services.app import create_app
    from services.sidecars import start_sidecars, stop_sidecars

    class _App(BaseApplication):
        def load_config(self):
            self.cfg.set("bind", f"{settings.service.host}:{settings.service.port}")
            self.cfg.set("workers", workers or settings.service.workers)
            self.cfg.set("threads", settings.service.threads)
            self.cfg.set("worker_class", "gthread")
            self.cfg.set("timeout", 120)
            self.cfg.set("graceful_timeout", 5)
            self.cfg.set("accesslog", None)
            self.cfg.set("limit_request_line", 8190)

        def load(self):
            return create_app(settings)

    import os

    from core.config import PROJECT_ROOT
    os.chdir(PROJECT_ROOT)  # generated configs hold paths relative to the project root
    from services.metrics import multiprocess_dir
    # the workers' shared metrics directory, made here in the master before any worker starts
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(multiprocess_dir(settings, master_pid=os.getpid()))
    procs = start_sidecars(settings)
    try:
        _App().run()
    finally:
        stop_sidecars(procs)


@click.command("serve")
@click.option("--workers", type=int, default=None, help="gunicorn worker processes (default from gdi.yml).")
def serve(workers: int | None) -> None:
    """Serve everything on http://127.0.0.1:5000 (OGC API, WMS, CSW, downloads, viewer, participation)."""
    settings = load_settings()
    _report_registry(settings)
    _print_urls(settings)
    serve_forever(settings, workers=workers)


def _report_registry(settings) -> None:
    """Invalid registry entries do not stop the server: name them (and what is served instead) at start."""
    from core.config import load_registry
    reg = load_registry(settings.datasets_dir, check_plugins=False, publish_dir=settings.publish_dir)
    for ds_id, msgs in reg.invalid.items():
        kept = reg.fallback.get(ds_id)
        what = f"serving its publication {kept} as it was" if kept else "not served"
        click.secho(f"registry entry {ds_id} is invalid ({what}); fix it, 'gdi config validate' checks it:",
                    fg="yellow", err=True)
        for m in msgs:
            click.echo(f"  {m}", err=True)


@click.command("ogc-config")
def ogc_config() -> None:
    """Regenerate var/pygeoapi/pygeoapi-config.yml (and the staff config and OpenAPI documents) from the
    registry; the files live under the var dir (GDI_VAR), never in the checkout."""
    from services.ogcapi.config import write_config
    for k, p in write_config(load_settings()).items():
        click.echo(f"{k:<15} {p}")


def _print_urls(settings) -> None:
    base = settings.service.public_url.rstrip("/")
    click.echo("GDI Hildesheim is serving:")
    for s in SERVICES:
        click.echo(f"  {base}{s}")


@click.command("demo")
@click.option("--no-serve", is_flag=True, help="Only prepare (ETL, tiles, metadata); do not start the server.")
def demo(no_serve: bool) -> None:
    """Run everything on the bundled data, then serve it."""
    from gdi.demo import prepare_demo
    settings = load_settings()
    prepare_demo(settings)
    if not no_serve:
        _print_urls(settings)
        serve_forever(settings)


commands = [serve, ogc_config, demo]
