"""A throw-away Debian nginx for the tests that put one in front of ``gdi serve`` (deploy, edge, two nodes).

Every such test needs the same thing around its own ``http`` contents: a prefix folder nginx can write as
any user (its workers run as nobody when the tests run as root), pid, logs and temp paths inside it, no
daemon, and a graceful stop. Only the ``http`` block (an ``include`` of a rendered site, or server blocks)
and the number of connections differ, so those are the arguments.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
TEMP_DIRS = ("body", "proxy", "fastcgi", "uwsgi", "scgi")
WRAPPER = """
worker_processes 1;
daemon off;
pid {root}/nginx.pid;
error_log {root}/error.log warn;
events {{ worker_connections {connections}; }}
http {{
  access_log {root}/access.log;
  client_body_temp_path {root}/tmp/body;
  proxy_temp_path {root}/tmp/proxy;
  fastcgi_temp_path {root}/tmp/fastcgi;
  uwsgi_temp_path {root}/tmp/uwsgi;
  scgi_temp_path {root}/tmp/scgi;
{http}
}}
"""


def write_conf(root: Path, http: str, *, connections: int = 128) -> Path:
    """``root/nginx.conf`` with ``http`` as the contents of its ``http`` block; ``root`` is the prefix
    (pid, error and access log, temp folders). Returns the path of the configuration."""
    for d in TEMP_DIRS:
        (root / "tmp" / d).mkdir(parents=True, exist_ok=True)
    for p in [root, *root.rglob("*")]:
        if p.is_dir():
            os.chmod(p, 0o777)  # nginx's workers run as nobody when the tests run as root
    conf = root / "nginx.conf"
    block = textwrap.indent(textwrap.dedent(http).strip("\n"), "  ")
    conf.write_text(WRAPPER.format(root=root, connections=connections, http=block))
    return conf


def command(conf: Path, *options: str) -> list[str]:
    """nginx with ``conf`` and its folder as prefix; ``-e`` so not even startup writes to /var/log/nginx."""
    root = conf.parent
    return [NGINX, *options, "-c", str(conf), "-p", str(root), "-e", str(root / "error.log")]


def check(conf: Path) -> subprocess.CompletedProcess[str]:
    """``nginx -t`` on ``conf`` (the verdict is in ``stderr``)."""
    return subprocess.run(command(conf, "-t"), capture_output=True, text=True, timeout=60, check=False)


@contextmanager
def running(conf: Path) -> Iterator[subprocess.Popen[bytes]]:
    """nginx in the foreground with ``conf`` for the duration of the block, stopped gracefully (SIGQUIT)."""
    proc = subprocess.Popen(command(conf), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield proc
    finally:
        proc.send_signal(signal.SIGQUIT)
        proc.wait(timeout=20)
