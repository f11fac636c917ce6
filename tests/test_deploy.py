"""Deployment files (issue 19, item 1): ``gdi deploy render`` writes systemd units, an nginx site and a
logrotate file from the settings. Checked with the real tools: every unit passes ``systemd-analyze verify``
(and its offline security review), the site passes ``nginx -t`` with a self-signed certificate, and the
rendered site really runs in front of a real ``gdi serve`` over HTTPS on 127.0.0.1: /health, /ogc, /wms, the
HTTP->HTTPS redirect, HSTS, gzip, the client's address passed through (``X-Forwarded-For`` believed because
the settings trust 127.0.0.1), systemd's readiness notification (Type=notify) and the graceful reload
(ExecReload: SIGHUP to the gunicorn arbiter)."""
from __future__ import annotations

import gzip
import http.client
import json
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from gdi import server as gdi_server
from gdi.cli import cli
from tests import nginxconf
from tests.conftest import GDI, ROOT, SCHEMAS, free_port
from tests.nginxconf import NGINX

SYSTEMD_ANALYZE = shutil.which("systemd-analyze") or "/usr/bin/systemd-analyze"
UNITS = ("gdi.service", "gdi-etl.service", "gdi-etl.timer")


def _render(tmp: Path, settings: dict[str, Any], *args: str, env: dict[str, str] | None = None) -> Any:
    """``gdi deploy render`` in-process with ``settings`` as gdi.yml (the environment's GDI_* cleared)."""
    cfg = tmp / "gdi.yml"
    cfg.write_text(yaml.safe_dump(settings))
    clean: dict[str, str | None] = {k: None for k in os.environ if k.startswith("GDI_")}
    return CliRunner().invoke(cli, ["deploy", "render", *args, "--settings", str(cfg)], env={**clean, **(env or {})},
                              catch_exceptions=False)


PRODUCTION = {"var_dir": "/srv/gdi/var", "store": "postgresql://gdi@db/gdi",
              "service": {"host": "127.0.0.1", "port": 5123, "public_url": "https://geodaten.example.org"},
              "proxy": {"trusted": ["127.0.0.1"]}, "metrics": {"access_log": "/var/log/gdi/access.log"}}


def test_render_from_the_settings(tmp_path: Path) -> None:
    out = tmp_path / "out"
    r = _render(tmp_path, PRODUCTION, str(out), "--user", "gdi-web", "--cert", "/etc/ssl/gdi/chain.pem",
                "--key", "/etc/ssl/gdi/key.pem", "--etl-arg=--scheduler", "--etl-arg=tcp://dask:8786")
    assert r.exit_code == 0, r.output
    assert "warning" not in r.output
    files = {p.name: p.read_text() for p in out.iterdir()}
    assert set(files) == {*UNITS, "nginx-gdi.conf", "logrotate-gdi"}
    web, etl, timer = files["gdi.service"], files["gdi-etl.service"], files["gdi-etl.timer"]
    assert f"ExecStart={GDI} serve\n" in web and "Type=notify\n" in web
    assert "ExecReload=/bin/kill -HUP $MAINPID\n" in web and "Restart=on-failure\n" in web
    assert f"Environment=GDI_SETTINGS={tmp_path / 'gdi.yml'}\n" in web
    assert "After=network-online.target postgresql.service\n" in web
    for unit in (web, etl):
        assert "User=gdi-web\n" in unit and "Group=gdi-web\n" in unit
        assert "ReadWritePaths=/srv/gdi/var /var/log/gdi\n" in unit  # var (run dir inside it), access log
        for line in ("ProtectSystem=strict", "NoNewPrivileges=yes", "PrivateTmp=yes", "ProtectHome=yes"):
            assert line + "\n" in unit
    assert f"ExecStart={GDI} etl --changed --scheduler tcp://dask:8786\n" in etl and "Type=oneshot\n" in etl
    assert "OnCalendar=Sun *-*-* 03:00:00\n" in timer and "Persistent=true\n" in timer
    site = files["nginx-gdi.conf"]
    assert "server 127.0.0.1:5123 " in site and "server_name geodaten.example.org;" in site
    assert "ssl_certificate /etc/ssl/gdi/chain.pem;" in site and "ssl_certificate_key /etc/ssl/gdi/key.pem;" in site
    assert "return 301 https://geodaten.example.org$request_uri;" in site
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in site
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in site
    assert site.count("add_header") == 1 and "Strict-Transport-Security" in site
    for own in ("X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Content-Security-Policy"):
        assert f"add_header {own}" not in site  # the app sets them (services/edge.py)
    body_mb = int(re.search(r"client_max_body_size (\d+)m;", site).group(1))  # type: ignore[union-attr]
    assert body_mb >= 64  # the participation's request cap
    rotate = files["logrotate-gdi"]
    assert "/var/log/gdi/access.log {" in rotate and "rotate 7" in rotate and "/srv/gdi/var/csw/pycsw.log {" in rotate


@pytest.mark.parametrize("settings, args, code, message", [
    ({"proxy": {"trusted": []}}, (), 1, "proxy.trusted in gdi.yml does not list"),
    ({"proxy": {"trusted": ["10.0.0.0/8"]}}, (), 1, "GDI_TRUSTED_PROXIES=127.0.0.1"),
    ({"proxy": {"trusted": []}}, ("--upstream", "10.0.0.7:5000"), 1, "proxy.trusted in gdi.yml is empty"),
    ({"proxy": {"trusted": ["127.0.0.0/8"]}}, (), 0, "should be https://127.0.0.1 (GDI_PUBLIC_URL)"),
    ({"proxy": {"trusted": ["127.0.0.1"]}, "var_dir": "/tmp/gdi-var"}, (), 0, "PrivateTmp=yes hides it"),
    ({"proxy": {"trusted": ["127.0.0.1"]}, "service": {"public_url": "https://a.example.org"}},
     ("--server-name", "b.example.org"), 0, "public_url names a.example.org, the site serves b.example.org"),
])
def test_render_checks_the_settings(tmp_path: Path, settings: dict[str, Any], args: tuple[str, ...], code: int,
                                    message: str) -> None:
    r = _render(tmp_path, settings, str(tmp_path / "out"), *args)
    assert r.exit_code == code, r.output
    assert message in r.output


def test_check_finds_files_that_no_longer_match_the_settings(tmp_path: Path) -> None:
    out = str(tmp_path / "out")
    assert _render(tmp_path, PRODUCTION, out).exit_code == 0
    r = _render(tmp_path, PRODUCTION, out, "--check")
    assert r.exit_code == 0 and "5 file(s)" in r.output and "match" in r.output
    changed = {**PRODUCTION, "service": {**PRODUCTION["service"], "port": 5200}}  # type: ignore[dict-item]
    r = _render(tmp_path, changed, out, "--check")
    assert r.exit_code == 1
    assert "-    server 127.0.0.1:5123" in r.output and "+    server 127.0.0.1:5200" in r.output


# ------------------------------------------------------------------------------------------ systemd
@pytest.fixture
def units(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    r = _render(tmp_path, PRODUCTION, str(out))
    assert r.exit_code == 0, r.output
    return out


def test_units_pass_systemd_analyze_verify(units: Path) -> None:
    assert Path(SYSTEMD_ANALYZE).exists(), "systemd-analyze missing: apt-get install systemd"
    r = subprocess.run([SYSTEMD_ANALYZE, "verify", *(str(units / u) for u in UNITS)], capture_output=True,
                       text=True, timeout=120, check=False)
    assert r.returncode == 0 and r.stderr.strip() == "", r.stderr
    timer = (units / "gdi-etl.timer").read_text()
    spec = re.search(r"^OnCalendar=(.+)$", timer, re.M).group(1)  # type: ignore[union-attr]
    r = subprocess.run([SYSTEMD_ANALYZE, "calendar", spec], capture_output=True, text=True, timeout=60, check=False)
    assert r.returncode == 0 and "Next elapse" in r.stdout, r.stderr


def test_verify_would_catch_a_broken_unit(units: Path) -> None:
    """The check above is not vacuous: a misspelt hardening key and a missing binary are reported."""
    bad = units / "gdi.service"
    bad.write_text(bad.read_text().replace("ProtectSystem=strict", "ProtectSystm=strict")
                   .replace(f"ExecStart={GDI}", "ExecStart=/nonexistent/gdi"))
    r = subprocess.run([SYSTEMD_ANALYZE, "verify", str(bad)], capture_output=True, text=True, timeout=120,
                       check=False)
    assert "Unknown key 'ProtectSystm'" in r.stderr and "/nonexistent/gdi" in r.stderr


@pytest.mark.parametrize("unit", ["gdi.service", "gdi-etl.service"])
def test_services_are_hardened(units: Path, unit: str) -> None:
    """systemd's own offline review: exposure below 2.5 of 10 ("OK"; a unit without hardening scores 9.6)."""
    r = subprocess.run([SYSTEMD_ANALYZE, "security", "--offline=yes", str(units / unit)], capture_output=True,
                       text=True, timeout=120, check=False)
    m = re.search(r"Overall exposure level for \S+: ([\d.]+)", r.stdout + r.stderr)
    assert m is not None, r.stdout + r.stderr
    assert float(m.group(1)) < 2.5, r.stdout


# ------------------------------------------------------------------------------------------ nginx
def _certificate(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True, timeout=120)
    return cert, key


def _render_site(tmp: Path, settings: dict[str, Any], https: int, http: int, env: dict[str, str] | None = None
                 ) -> Path:
    cert, key = _certificate(tmp)
    out = tmp / "deploy"
    r = _render(tmp, settings, str(out), "--cert", str(cert), "--key", str(key), "--listen-address", "127.0.0.1",
                "--https-port", str(https), "--http-port", str(http), "--nginx-log-dir", str(tmp / "logs"),
                env=env)
    assert r.exit_code == 0, r.output
    (tmp / "logs").mkdir(exist_ok=True)
    return out / "nginx-gdi.conf"


def test_nginx_site_passes_nginx_t(tmp_path: Path) -> None:
    assert Path(NGINX).exists(), "nginx missing: scripts/setup.sh installs the Debian package"
    site = _render_site(tmp_path, PRODUCTION, free_port(), free_port())
    r = nginxconf.check(nginxconf.write_conf(tmp_path / "nginx", f"include {site};"))
    assert r.returncode == 0 and "test is successful" in r.stderr, r.stderr


# ------------------------------------------------------------------------------------------ nginx + gdi serve
@dataclass
class Site:
    https: int
    http: int
    cert: Path
    proc: gdi_server.ServerProcess
    log: Path
    ready: bytes

    def get(self, path: str, *, src: str = "127.0.0.2", headers: dict[str, str] | None = None
            ) -> tuple[int, list[tuple[str, str]], bytes]:
        ctx = ssl.create_default_context(cafile=str(self.cert))
        conn = http.client.HTTPSConnection("127.0.0.1", self.https, context=ctx, timeout=60,
                                           source_address=(src, 0))
        try:
            conn.request("GET", path, headers=headers or {})
            r = conn.getresponse()
            return r.status, r.getheaders(), r.read()
        finally:
            conn.close()


def _header(headers: list[tuple[str, str]], name: str) -> list[str]:
    return [v for k, v in headers if k.lower() == name.lower()]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    assert Path(NGINX).exists(), "nginx missing: scripts/setup.sh installs the Debian package"
    root = tmp_path_factory.mktemp("deploy")
    port, https, http_port = free_port(), free_port(), free_port()
    env = dict(os.environ, GDI_VAR=str(root / "var"), GDI_PORT=str(port), GDI_SCHEMAS=str(SCHEMAS),
               GDI_TRUSTED_PROXIES="127.0.0.1", GDI_PUBLIC_URL=f"https://127.0.0.1:{https}")
    env.pop("GDI_SETTINGS", None)
    r = subprocess.run([GDI, "etl", "spielplatzkataster"], env=env, cwd=ROOT, capture_output=True, text=True,
                       timeout=900, check=False)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    gdi_env = {k: env[k] for k in ("GDI_VAR", "GDI_PORT", "GDI_TRUSTED_PROXIES", "GDI_PUBLIC_URL", "GDI_SCHEMAS")}
    site_conf = _render_site(root, {}, https, http_port, env=gdi_env)
    assert f"server 127.0.0.1:{port} " in site_conf.read_text()
    # systemd's readiness protocol (Type=notify): gunicorn's arbiter - the gdi serve process - says READY=1
    notify_path = root / "notify.sock"
    notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    notify.bind(str(notify_path))
    notify.settimeout(120)
    log = root / "serve.log"
    proc = gdi_server.start({**env, "NOTIFY_SOCKET": str(notify_path)}, log, args=("--workers", "2"))
    try:
        ready = notify.recv(4096)
        conf = nginxconf.write_conf(root / "nginx", f"include {site_conf};")
        with nginxconf.running(conf):
            s = Site(https, http_port, root / "cert.pem", proc, log, ready)
            deadline = time.time() + 30
            while time.time() < deadline:
                try:
                    if s.get("/health")[0] == 200:
                        break
                except OSError:
                    time.sleep(0.2)
            yield s
    finally:
        notify.close()
        gdi_server.stop(proc)


def test_gdi_serve_tells_systemd_when_it_is_ready(site: Site) -> None:
    assert site.ready.startswith(b"READY=1"), site.ready


def test_health_ogc_wms_over_https(site: Site) -> None:
    status, headers, body = site.get("/health")
    assert status == 200 and json.loads(body)["status"] in ("ok", "degraded")
    assert _header(headers, "Strict-Transport-Security") == ["max-age=63072000"]
    assert len(_header(headers, "X-Content-Type-Options")) == 1  # the app's, not repeated by nginx
    status, headers, body = site.get("/ogc/collections?f=json", headers={"Accept-Encoding": "gzip"})
    assert status == 200 and _header(headers, "Content-Encoding") == ["gzip"]
    collections = {c["id"] for c in json.loads(gzip.decompress(body))["collections"]}
    assert "spielplatzkataster_source" in collections
    # links point at the public HTTPS URL, not at the node behind nginx
    assert f"https://127.0.0.1:{site.https}/ogc" in gzip.decompress(body).decode()
    status, headers, body = site.get("/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0",
                                     headers={"Accept-Encoding": "gzip"})
    assert status == 200 and _header(headers, "Content-Encoding") == ["gzip"]
    assert b"WMS_Capabilities" in gzip.decompress(body)
    status, _, body = site.get("/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0")
    assert status == 200 and b"WMS_Capabilities" in body and b"LU.ExistingLandUse" in body


def test_http_redirects_to_https(site: Site) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", site.http, timeout=30)
    try:
        conn.request("GET", "/ogc/collections?f=json", headers={"Host": "evil.example"})
        r = conn.getresponse()
        assert r.status == 301
        assert r.getheader("Location") == f"https://127.0.0.1:{site.https}/ogc/collections?f=json"
    finally:
        conn.close()


def test_client_address_passes_through(site: Site) -> None:
    """/metrics is open to 127.0.0.1 only (metrics.allow): a citizen on 127.0.0.2 is refused through nginx
    (nginx itself connects from 127.0.0.1), also when it claims 127.0.0.1 in X-Forwarded-For; the access log
    names the citizen under nginx's request id."""
    status, headers, _ = site.get("/metrics", src="127.0.0.2")
    assert status == 403
    rid = _header(headers, "X-Request-ID")[0]
    assert re.fullmatch(r"[0-9a-f]{32}", rid)  # nginx's $request_id, kept by the app
    assert site.get("/metrics", src="127.0.0.2", headers={"X-Forwarded-For": "127.0.0.1"})[0] == 403
    status, _, body = site.get("/metrics", src="127.0.0.1")
    assert status == 200 and b"gdi_http_requests_total" in body
    deadline = time.time() + 10
    line: dict[str, Any] | None = None
    while line is None and time.time() < deadline:
        for raw in site.log.read_text(errors="replace").splitlines():
            if rid in raw and raw.lstrip().startswith("{"):
                line = json.loads(raw[raw.index("{"):])
        time.sleep(0.2)
    assert line is not None and line["client"] == "127.0.0.2" and line["status"] == 403


def test_reload_replaces_workers_without_dropping_the_site(site: Site) -> None:
    """ExecReload sends SIGHUP to the main process: gunicorn starts new workers, the site keeps answering."""
    import psutil
    main = psutil.Process(site.proc.pid)

    def workers() -> set[int]:
        return {c.pid for c in main.children() if c.cmdline() == main.cmdline()}

    before = workers()
    assert len(before) == 2
    os.kill(site.proc.pid, signal.SIGHUP)
    deadline = time.time() + 60
    while time.time() < deadline and not (len(workers()) == 2 and not workers() & before):
        assert site.get("/health")[0] == 200
        time.sleep(0.2)
    assert len(workers()) == 2 and not workers() & before
    assert site.get("/health")[0] == 200 and site.get("/ogc/collections?f=json")[0] == 200


def test_logrotate_really_rotates_the_rendered_files(tmp_path: Path) -> None:
    """Debian's logrotate runs the rendered file (forced, own state file): the access log is moved and
    created anew, pycsw's log is copied and truncated, the site's nginx logs are moved."""
    logrotate = shutil.which("logrotate") or "/usr/sbin/logrotate"
    assert Path(logrotate).exists(), "logrotate missing: scripts/setup.sh installs the Debian package"
    access = tmp_path / "log" / "access.log"
    nlogs = tmp_path / "nginx-logs"
    settings = {"var_dir": str(tmp_path / "var"), "proxy": {"trusted": ["127.0.0.1"]},
                "metrics": {"access_log": str(access)}}
    r = _render(tmp_path, settings, str(tmp_path / "out"), "--user", "root", "--nginx-log-dir", str(nlogs))
    assert r.exit_code == 0, r.output
    pycsw = tmp_path / "var" / "csw" / "pycsw.log"
    files = [access, pycsw, nlogs / "gdi-access.log", nlogs / "gdi-error.log"]
    for f in files:
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(f"a line of {f.name}\n")
    conf = tmp_path / "out" / "logrotate-gdi"
    run = subprocess.run([logrotate, "-f", "-s", str(tmp_path / "state"), str(conf)], capture_output=True,
                         text=True, timeout=60, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    for f in files:
        rotated = f.with_name(f.name + ".1")
        assert rotated.read_text() == f"a line of {f.name}\n", f"{f} was not rotated"
    assert access.exists() and access.stat().st_size == 0 and oct(access.stat().st_mode & 0o777) == "0o640"
    assert pycsw.exists() and pycsw.stat().st_size == 0  # copytruncate: the sidecar keeps writing to it
