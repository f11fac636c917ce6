"""``gdi deploy render OUTDIR``: the systemd units, nginx site and logrotate file of an installation,
rendered from its settings (``gdi.yml`` + environment) and the templates in ``deploy/``, and checked against
them: nginx must connect from an address ``proxy.trusted`` lists, or the app would see every citizen as
nginx (rate limits, logs, ``/metrics``). ``--check`` compares existing files with a fresh rendering."""
from __future__ import annotations

import difflib
import ipaddress
import math
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import click

from core.config import PROJECT_ROOT, Settings, load_settings

TEMPLATES = PROJECT_ROOT / "deploy"
OUTPUTS = {  # rendered file -> template
    "gdi.service": "gdi.service.j2",
    "gdi-etl.service": "gdi-etl.service.j2",
    "gdi-etl.timer": "gdi-etl.timer.j2",
    "nginx-gdi.conf": "nginx-gdi.conf.j2",
    "logrotate-gdi": "logrotate-gdi.j2",
}


@dataclass
class Options:
    """What the settings do not say about the machine (command-line options of ``gdi deploy render``)."""
    settings_file: Path
    user: str = "gdi"
    group: str | None = None
    gdi: Path = field(default_factory=lambda: Path(sys.executable).parent / "gdi")
    project: Path = PROJECT_ROOT
    env_file: Path = Path("/etc/gdi/gdi.env")
    server_name: str | None = None
    tls_cert: Path | None = None
    tls_key: Path | None = None
    upstreams: tuple[str, ...] = ()
    listen_address: str | None = None
    https_port: int = 443
    http_port: int = 80
    nginx_log_dir: Path = Path("/var/log/nginx")
    acme_root: Path = Path("/var/www/letsencrypt")
    hsts_max_age: int = 63072000
    download_timeout: int = 600
    etl_calendar: str = "Sun *-*-* 03:00:00"
    etl_timeout: str = "6h"
    etl_args: tuple[str, ...] = ()
    access_log_days: int = 7


class DeployError(click.ClickException):
    """The settings and the options do not fit together (e.g. nginx would not be a trusted proxy)."""


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _trusts(trusted: list[str], address: str) -> bool:
    ip = ipaddress.ip_address(address)
    return any(ip in ipaddress.ip_network(t, strict=False) for t in trusted)


def context(settings: Settings, opts: Options) -> tuple[dict[str, Any], list[str]]:
    """The template variables and the warnings; raises :class:`DeployError` for what would not work."""
    warnings: list[str] = []
    svc = settings.service
    public = urlsplit(svc.public_url)
    server_name = opts.server_name or public.hostname or "localhost"
    if public.scheme != "https":
        warnings.append(f"service.public_url is {svc.public_url}: behind this TLS site it should be "
                        f"https://{server_name}{'' if opts.https_port == 443 else f':{opts.https_port}'} "
                        "(GDI_PUBLIC_URL), or links in capabilities and feeds point past nginx")
    elif public.hostname != server_name:
        warnings.append(f"service.public_url names {public.hostname}, the site serves {server_name}")
    local_host = "127.0.0.1" if svc.host in ("0.0.0.0", "::", "") else svc.host
    upstreams = list(opts.upstreams) or [f"{local_host}:{svc.port}"]
    if all(_is_loopback(u.rsplit(":", 1)[0]) for u in upstreams):
        nginx_from = "::1" if any(u.startswith("[") for u in upstreams) else "127.0.0.1"
        if not _trusts(settings.proxy.trusted, nginx_from):
            raise DeployError(
                f"nginx connects to gdi serve from {nginx_from}, which proxy.trusted in gdi.yml does not list "
                f"({', '.join(settings.proxy.trusted) or 'empty'}): the app would see every citizen as nginx. "
                f"Add it to proxy.trusted ({nginx_from}) or set GDI_TRUSTED_PROXIES={nginx_from}")
    elif not settings.proxy.trusted:
        raise DeployError("proxy.trusted in gdi.yml is empty: list the address nginx connects to the nodes from")
    cert = opts.tls_cert or Path(f"/etc/letsencrypt/live/{server_name}/fullchain.pem")
    key = opts.tls_key or Path(f"/etc/letsencrypt/live/{server_name}/privkey.pem")
    access_log = settings.metrics.access_log
    access_file = Path(access_log) if access_log and access_log != "-" else None
    write_paths = [settings.var_dir, settings.node_dir] + ([access_file.parent] if access_file else [])
    write_paths = [p for i, p in enumerate(write_paths)
                   if not any(p == q or p.is_relative_to(q) for q in write_paths[:i])]
    for p in write_paths:
        if p.is_relative_to("/tmp") or p.is_relative_to("/var/tmp"):
            warnings.append(f"{p} is under /tmp: the units' PrivateTmp=yes hides it from the service")
    read_paths = [opts.project, opts.gdi, opts.settings_file, settings.datasets_dir, settings.schema_dir,
                  *write_paths]
    homes = [p for p in read_paths if any(p.is_relative_to(h) for h in ("/home", "/root", "/run/user"))]
    from services.participation.config import load_config
    body_bytes = load_config(settings).max_request_bytes
    ctx: dict[str, Any] = {
        "header": f"generated by `gdi deploy render` from {opts.settings_file}; edit gdi.yml or the options "
                  "and render again, do not edit this file",
        "project": opts.project, "gdi": opts.gdi, "settings_file": opts.settings_file, "env_file": opts.env_file,
        "user": opts.user, "group": opts.group or opts.user,
        "write_paths": [str(p) for p in write_paths], "protect_home": "read-only" if homes else "yes",
        "postgres": settings.store.startswith("postgres"),
        "etl_calendar": opts.etl_calendar, "etl_timeout": opts.etl_timeout, "etl_args": list(opts.etl_args),
        "server_name": server_name, "tls_cert": cert, "tls_key": key, "upstreams": upstreams,
        "trusted": settings.proxy.trusted,
        "listen_http": _listen(opts.listen_address, opts.http_port),
        "listen_https": _listen(opts.listen_address, opts.https_port),
        "https_port_suffix": "" if opts.https_port == 443 else f":{opts.https_port}",
        "nginx_log_dir": opts.nginx_log_dir, "nginx_logs": opts.nginx_log_dir != Path("/var/log/nginx"),
        "acme_root": opts.acme_root, "hsts_max_age": opts.hsts_max_age,
        "client_max_body_mb": math.ceil(body_bytes / 2**20) + 1, "download_timeout": opts.download_timeout,
        "access_log": access_file, "access_log_days": opts.access_log_days,
        "pycsw_log": settings.var_dir / "csw" / "pycsw.log",
    }
    return ctx, warnings


def _listen(address: str | None, port: int) -> list[str]:
    if address is None:
        return [str(port), f"[::]:{port}"]
    return [f"[{address}]:{port}" if ":" in address else f"{address}:{port}"]


def render(settings: Settings, opts: Options) -> tuple[dict[str, str], list[str]]:
    """``{file name: text}`` of every deployment file, and the warnings."""
    import jinja2
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                             autoescape=False)
    ctx, warnings = context(settings, opts)
    return {name: env.get_template(tpl).render(**ctx) for name, tpl in OUTPUTS.items()}, warnings


@click.group("deploy")
def deploy_group() -> None:
    """Deployment files (systemd, nginx, logrotate) from the settings: docs/deployment.md."""


@deploy_group.command("render")
@click.argument("outdir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--settings", "settings_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="gdi.yml of the installation (default: GDI_SETTINGS or <project>/gdi.yml); the units set "
                   "GDI_SETTINGS to it.")
@click.option("--user", default="gdi", show_default=True, help="system user the services run as")
@click.option("--group", default=None, help="group (default: the user's name)")
@click.option("--gdi", "gdi_bin", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="the gdi command (default: the one running now, in the project's venv)")
@click.option("--env-file", type=click.Path(dir_okay=False, path_type=Path), default=Path("/etc/gdi/gdi.env"),
              show_default=True, help="optional environment file of the units (secrets: GDI_STORE, passwords)")
@click.option("--server-name", default=None, help="host name of the site (default: from service.public_url)")
@click.option("--cert", "tls_cert", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="TLS certificate chain (default: /etc/letsencrypt/live/<server name>/fullchain.pem)")
@click.option("--key", "tls_key", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="TLS private key (default: /etc/letsencrypt/live/<server name>/privkey.pem)")
@click.option("--upstream", "upstreams", multiple=True, metavar="HOST:PORT",
              help="a gdi serve node (repeat for several; default: service.host:service.port of gdi.yml)")
@click.option("--listen-address", default=None, help="address nginx listens on (default: every IPv4 and IPv6)")
@click.option("--https-port", type=int, default=443, show_default=True)
@click.option("--http-port", type=int, default=80, show_default=True)
@click.option("--nginx-log-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("/var/log/nginx"),
              show_default=True)
@click.option("--etl-calendar", default="Sun *-*-* 03:00:00", show_default=True,
              help="when gdi-etl.timer runs (systemd OnCalendar=)")
@click.option("--etl-arg", "etl_args", multiple=True, help="extra argument of `gdi etl --changed` (repeat), "
              "e.g. --etl-arg=--scheduler --etl-arg=tcp://dask:8786")
@click.option("--check", is_flag=True, help="render nothing; exit 1 when the files in OUTDIR differ from a "
              "fresh rendering (gdi.yml or the templates changed since)")
def render_cmd(outdir: Path, settings_file: Path | None, user: str, group: str | None, gdi_bin: Path | None,
               env_file: Path, server_name: str | None, tls_cert: Path | None, tls_key: Path | None,
               upstreams: tuple[str, ...], listen_address: str | None, https_port: int, http_port: int,
               nginx_log_dir: Path, etl_calendar: str, etl_args: tuple[str, ...], check: bool) -> None:
    """Render the systemd units, the nginx site and the logrotate file into OUTDIR."""
    path = (settings_file or Path(os.environ.get("GDI_SETTINGS", PROJECT_ROOT / "gdi.yml"))).absolute()
    settings = load_settings(path)
    opts = Options(settings_file=path, user=user, group=group, env_file=env_file, server_name=server_name,
                   tls_cert=tls_cert, tls_key=tls_key, upstreams=upstreams, listen_address=listen_address,
                   https_port=https_port, http_port=http_port, nginx_log_dir=nginx_log_dir.absolute(),
                   etl_calendar=etl_calendar, etl_args=etl_args)
    if gdi_bin is not None:
        opts.gdi = gdi_bin.absolute()
    files, warnings = render(settings, opts)
    for w in warnings:
        click.secho(f"warning: {w}", fg="yellow", err=True)
    if check:
        stale = 0
        for name, text in files.items():
            old = (outdir / name).read_text() if (outdir / name).exists() else ""
            if old != text:
                stale += 1
                click.echo("".join(difflib.unified_diff(old.splitlines(True), text.splitlines(True),
                                                        str(outdir / name), "rendered now")))
        if stale:
            click.secho(f"{stale} file(s) in {outdir} differ from the settings: render again", fg="red", err=True)
            raise SystemExit(1)
        click.echo(f"{len(files)} file(s) in {outdir} match the settings")
        return
    outdir.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (outdir / name).write_text(text)
        click.echo(f"wrote {outdir / name}")
    click.echo("install: see docs/deployment.md (units to /etc/systemd/system/, nginx-gdi.conf "
               "to /etc/nginx/sites-available/gdi.conf, logrotate-gdi to /etc/logrotate.d/gdi)")


commands = [deploy_group]
