"""Hostile and proxied requests at the edge, through a real nginx in front of a real ``gdi serve``.

Citizens are different source addresses on the loopback network (127.0.0.2, 127.0.0.3 …; Linux routes
all of 127/8 to ``lo``); nginx listens on 127.0.0.1 and appends the address it saw to
``X-Forwarded-For``; ``gdi serve`` trusts 127.0.0.1 (``GDI_TRUSTED_PROXIES``). Checked: rate limits and
logs see the citizen, not nginx, and a spoofed ``X-Forwarded-For`` changes nothing; staff login
throttling does not lock out a town hall behind one address; security headers on every page; responses
to staff credentials are private; the kiosk endpoint refuses made-up kiosks and malformed bodies.
"""
from __future__ import annotations

import http.client
import ipaddress
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any

import pytest

from gdi import server as gdi_server
from services.edge import _networks, client_address, private_cache_control
from tests import nginxconf
from tests.conftest import ROOT, SCHEMAS, free_port
from tests.nginxconf import NGINX

PW = "Demo-Passwort-2026!"
PID = "bplan_lerchenfeld"   # the demo procedure (services/participation/demo.py)
SERVER = """
server {{
  listen 127.0.0.1:{port};
  client_max_body_size 80m;
  location / {{
    proxy_pass http://127.0.0.1:{upstream};
    proxy_bind 127.0.0.1;
    proxy_set_header Host $http_host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto $scheme;
  }}
}}
"""


# -------------------------------------------------------------------------------- pure logic
def test_client_address_walks_only_trusted_proxies():
    trusted = _networks(["127.0.0.1", "10.0.0.0/24"])
    assert client_address("127.0.0.1", "203.0.113.5", trusted) == "203.0.113.5"
    # a client's own X-Forwarded-For entry is never believed: the walk stops at the first untrusted hop
    assert client_address("127.0.0.1", "198.51.100.1, 203.0.113.5", trusted) == "203.0.113.5"
    assert client_address("127.0.0.1", "203.0.113.5, 10.0.0.7", trusted) == "203.0.113.5"
    # from an untrusted peer the header is ignored
    assert client_address("192.0.2.9", "203.0.113.5", trusted) == "192.0.2.9"
    # a malformed entry ends the walk at the last well-formed address
    assert client_address("127.0.0.1", "evil, 10.0.0.7", trusted) == "10.0.0.7"
    # hop count: exactly that many entries back, whatever they are
    assert client_address("127.0.0.1", "198.51.100.1, 203.0.113.5", trusted, hops=1) == "203.0.113.5"
    assert client_address("127.0.0.1", "198.51.100.1, 203.0.113.5", trusted, hops=2) == "198.51.100.1"
    assert client_address("127.0.0.1", "", trusted) == "127.0.0.1"
    assert client_address("::1", "2001:db8::5", _networks(["::1"])) == "2001:db8::5"


def test_private_cache_control():
    assert private_cache_control("public, max-age=60") == "private, max-age=60"
    assert private_cache_control("no-store") == "no-store"
    assert private_cache_control(None) == "private, no-cache"
    assert private_cache_control("public, s-maxage=600, max-age=300") == "private, max-age=300"


def test_proxy_setting_is_validated(tmp_path, monkeypatch):
    from core.config import ConfigErrors, load_settings
    cfg = tmp_path / "gdi.yml"
    cfg.write_text("proxy:\n  trusted: [127.0.0.1, nonsense]\n")
    with pytest.raises(ConfigErrors) as exc:
        load_settings(cfg)
    assert "proxy" in str(exc.value) and "nonsense" in str(exc.value)
    cfg.write_text("proxy:\n  trusted: [10.0.0.0/24]\n  hops: 1\n")
    s = load_settings(cfg)
    assert s.proxy.trusted == ["10.0.0.0/24"] and s.proxy.hops == 1


# -------------------------------------------------------------------------------- the site
class Site:
    def __init__(self, port: int, var: Path, log: Path, token: str):
        self.port, self.var, self.log, self.token = port, var, log, token

    def call(self, method: str, path: str, *, src: str = "127.0.0.2", headers: dict[str, str] | None = None,
             body: bytes | None = None) -> tuple[int, dict[str, str], bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60, source_address=(src, 0))
        try:
            conn.request(method, path, body=body, headers=headers or {})
            r = conn.getresponse()
            hdrs: dict[str, str] = {}
            for k, v in r.getheaders():  # repeated headers (Set-Cookie, Vary) joined
                hdrs[k.lower()] = f"{hdrs[k.lower()]}, {v}" if k.lower() in hdrs else v
            return r.status, hdrs, r.read()
        finally:
            conn.close()


class Browser:
    """A citizen's client with its own source address and cookies."""

    def __init__(self, site: Site, src: str):
        self.site, self.src = site, src
        self.cookies: dict[str, str] = {}

    def req(self, method: str, path: str, form: dict[str, str] | None = None,
            headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], str]:
        from urllib.parse import urlencode
        h = dict(headers or {})
        if self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form).encode()
            h["Content-Type"] = "application/x-www-form-urlencoded"
        status, hdrs, data = self.site.call(method, path, src=self.src, headers=h, body=body)
        for part in re.split(r", (?=[A-Za-z_]+=)", hdrs.get("set-cookie", "")):
            c: SimpleCookie = SimpleCookie()
            c.load(part)
            for k, m in c.items():
                self.cookies[k] = m.value
        return status, hdrs, data.decode("utf-8", "replace")

    def csrf(self, path: str) -> str:
        _, _, text = self.req("GET", path)
        m = re.search(r'name="csrf" value="([^"]+)"', text)
        assert m is not None, text[:300]
        return m.group(1)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    assert Path(NGINX).exists(), "nginx missing: scripts/setup.sh installs the Debian package"
    root = tmp_path_factory.mktemp("edge")
    var = root / "var"
    port, lb = free_port(), free_port()
    env = dict(os.environ, GDI_VAR=str(var), GDI_PORT=str(port), GDI_SCHEMAS=str(SCHEMAS),
               GDI_DEMO_STAFF_PASSWORD=PW, GDI_BETEILIGUNG_RATE="3", GDI_TRUSTED_PROXIES="127.0.0.1",
               GDI_PUBLIC_URL=f"http://127.0.0.1:{lb}")
    code = ("from core.config import load_settings\nfrom gdi.plans_demo import import_demo_plans\n"
            "from services.participation.demo import seed_demo\nfrom services.auth import add_key\n"
            "s = load_settings(); import_demo_plans(s); seed_demo(s); print(add_key(s, 'edge-test'))\n")
    r = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True,
                       timeout=300, check=False)
    assert r.returncode == 0, r.stderr
    token = r.stdout.strip().splitlines()[-1]
    conf = nginxconf.write_conf(root / "nginx", SERVER.format(port=lb, upstream=port), connections=64)
    proc = gdi_server.start(env, root / "serve.log", args=("--workers", "2"), ready="/beteiligung/api/verfahren")
    try:
        with nginxconf.running(conf):
            s = Site(lb, var, root / "serve.log", token)
            for _ in range(100):
                try:
                    if s.call("GET", "/beteiligung/api/verfahren")[0] == 200:
                        break
                except OSError:
                    pass
                time.sleep(0.1)
            yield s
    finally:
        gdi_server.stop(proc)


def _statement(b: Browser, text: str) -> int:
    tok = b.csrf(f"/beteiligung/verfahren/{PID}")
    return b.req("POST", f"/beteiligung/verfahren/{PID}", {"csrf": tok, "text": text, "consent": "yes"})[0]


def test_rate_limit_per_citizen_behind_nginx(site: Site):
    """3 statements per address: citizen A's 4th is refused — also with a made-up X-Forwarded-For —
    while citizen B behind the same nginx still gets through."""
    a, b = Browser(site, "127.0.0.2"), Browser(site, "127.0.0.3")
    assert [_statement(a, f"A{i}") for i in range(3)] == [200, 200, 200]
    assert _statement(a, "A3") == 429
    tok = a.csrf(f"/beteiligung/verfahren/{PID}")
    for fake in ("198.51.100.1", "203.0.113.9, 127.0.0.5"):
        st = a.req("POST", f"/beteiligung/verfahren/{PID}", {"csrf": tok, "text": "spoof", "consent": "yes"},
                   headers={"X-Forwarded-For": fake})[0]
        assert st == 429, fake
    assert _statement(b, "B0") == 200


def test_login_throttle_per_account_and_address(site: Site):
    """A stranger in the town hall (same address) guessing the moderator's password is slowed down; the
    moderator on their own computer (device cookie from an earlier login) and a colleague with another
    account log in at once. The failures are logged with the citizen's address, not nginx's."""
    ip = "127.0.0.4"
    mod, colleague, stranger = Browser(site, ip), Browser(site, ip), Browser(site, ip)
    login = "/beteiligung/staff/login"

    def attempt(b: Browser, user: str, pw: str) -> int:
        return b.req("POST", login, {"csrf": b.csrf(login), "username": user, "password": pw})[0]

    assert attempt(mod, "moderation", PW) == 303 and "bp_dev" in mod.cookies
    codes = [attempt(stranger, "moderation", f"falsch{i}") for i in range(7)]
    assert codes == [401] * 5 + [429] * 2, codes
    status, hdrs, text = stranger.req("POST", login, {"csrf": stranger.csrf(login), "username": "moderation",
                                                      "password": PW})
    assert status == 429 and int(hdrs["retry-after"]) > 0 and "Sekunden" in text  # even the right password
    assert attempt(mod, "moderation", PW) == 303
    assert attempt(colleague, "planung", PW) == 303
    log = site.log.read_text()
    assert f"failed staff login for 'moderation' from {ip}" in log
    assert "from 127.0.0.1" not in log


PAGES = ["/", "/download/", "/download/feed.xml", "/ogc/?f=html", "/ogc/collections?f=html", "/ogc/conformance",
         "/wms?SERVICE=WMS&REQUEST=GetCapabilities", "/wms?SERVICE=WMS&REQUEST=Nonsense",
         "/csw?SERVICE=CSW&REQUEST=GetCapabilities", "/3dtiles/gibtsnicht.json", "/gibtsnicht",
         "/viewer/", "/beteiligung/", "/beteiligung/gibtsnicht"]


@pytest.mark.parametrize("path", PAGES)
def test_security_headers_on_every_page(site: Site, path: str):
    status, h, body = site.call("GET", path, headers={"Accept": "text/html"})
    assert status < 500, (path, status, body[:300])
    csp = h.get("content-security-policy", "")
    assert "frame-ancestors" in csp and "default-src" in csp, (path, csp)
    scripts = csp.split("script-src")[1].split(";")[0] if "script-src" in csp else "'none'"  # default-src 'none'
    assert "'unsafe-inline'" not in scripts, (path, csp)
    assert h.get("x-content-type-options") == "nosniff", path
    assert h.get("x-frame-options") in ("DENY", "SAMEORIGIN"), path
    assert h.get("referrer-policy"), path
    assert b"text_direction" not in body, path
    if path.startswith("/ogc") and "html" in h.get("content-type", ""):
        assert b'dir="ltr"' in body


STAFF_PATHS = ["/download/feed.xml", "/download/", "/ogc/collections?f=json", "/ogc/?f=html",
               "/wms?SERVICE=WMS&REQUEST=GetCapabilities", "/csw?SERVICE=CSW&REQUEST=GetCapabilities", "/health"]


@pytest.mark.parametrize("path", STAFF_PATHS)
@pytest.mark.parametrize("how", ["bearer", "basic"])
def test_staff_responses_are_private(site: Site, path: str, how: str):
    import base64
    auth = (f"Bearer {site.token}" if how == "bearer"
            else "Basic " + base64.b64encode(f"qgis:{site.token}".encode()).decode())
    status, h, _ = site.call("GET", path, headers={"Authorization": auth})
    assert status == 200, (path, status)
    cc = h.get("cache-control", "")
    assert ("private" in cc or "no-store" in cc) and "public" not in cc, (path, cc)
    assert "authorization" in h.get("vary", "").lower(), (path, h.get("vary"))
    # the public answer of the same URL says that it varies with the credential
    _, hp, _ = site.call("GET", path)
    assert "authorization" in hp.get("vary", "").lower(), path


def test_kiosk_needs_an_enrolled_device_and_a_json_object(site: Site):
    b = Browser(site, "127.0.0.6")
    tok = b.csrf(f"/beteiligung/verfahren/{PID}")
    hdr = {"Content-Type": "application/json", "X-CSRF-Token": tok}
    status, _, text = b.req("GET", "/beteiligung/kiosk?kiosk=erfunden")
    assert status == 403 and "nicht als Beteiligungs-Bildschirm angemeldet" in text
    body = b'{"procedure": "bplan_lerchenfeld", "text": "x", "consent": true, "kiosk": "erfunden"}'
    st, _, _ = _raw(site, b, "/beteiligung/kiosk/stellungnahme", body, hdr)
    assert st == 403
    # enrolment with the one-time link the demo wrote; a second use of the same code is refused
    link = (site.var / "participation" / "demo-staff.txt").read_text()
    code = re.search(r"code=(\S+)", link)
    assert code is not None
    enrol = f"/beteiligung/kiosk/anmelden?code={code.group(1)}"
    st, _, _ = b.req("POST", "/beteiligung/kiosk/anmelden", {"csrf": b.csrf(enrol), "code": code.group(1)})
    assert st == 303 and "bp_kiosk" in b.cookies
    other = Browser(site, "127.0.0.7")
    st, _, text = other.req("POST", "/beteiligung/kiosk/anmelden", {"csrf": other.csrf(enrol), "code": code.group(1)})
    assert st == 400 and "ungültig" in text
    status, _, page = b.req("GET", "/beteiligung/kiosk")
    assert status == 200
    m = re.search(r'data-csrf="([^"]+)"', page)
    assert m is not None
    hdr["X-CSRF-Token"] = m.group(1)
    for bad, want in ((b"[1, 2]", "JSON-Objekt"), (b'"text"', "JSON-Objekt"), (b"null", "JSON-Objekt"),
                      (b"{not json", "JSON-Objekt"),
                      (b'{"procedure": "bplan_lerchenfeld", "text": ["a"], "consent": true}', "text"),
                      (b'{"procedure": "bplan_lerchenfeld", "text": "a\\u0000b", "consent": true}', "U+0000")):
        st, _, text = _raw(site, b, "/beteiligung/kiosk/stellungnahme", bad, hdr)
        assert st == 400 and want in text, (bad, st, text)
    st, _, text = _raw(site, b, "/beteiligung/kiosk/stellungnahme", body, hdr)
    assert st == 201, text
    import sqlite3
    con = sqlite3.connect(site.var / "participation" / "beteiligung.db")
    kid = con.execute("SELECT kiosk_id, channel FROM statements ORDER BY id DESC LIMIT 1").fetchone()
    assert kid == ("rathaus-1", "kiosk")  # the enrolled device, never the id the client sent


def _raw(site: Site, b: Browser, path: str, body: bytes, headers: dict[str, str]) -> tuple[int, Any, str]:
    h = dict(headers, Cookie="; ".join(f"{k}={v}" for k, v in b.cookies.items()))
    st, hd, data = site.call("POST", path, src=b.src, headers=h, body=body)
    return st, hd, data.decode("utf-8", "replace")


def test_nul_bytes_rejected_with_the_field(site: Site):
    b = Browser(site, "127.0.0.8")
    tok = b.csrf(f"/beteiligung/verfahren/{PID}")
    st, _, text = b.req("POST", f"/beteiligung/verfahren/{PID}", {"csrf": tok, "text": "Hallo\x00Welt",
                                                                  "consent": "yes", "name": "Erika"})
    assert st == 400 and "text" in text and "U+0000" in text and "Hallo" in text  # form answered, text kept
    st, _, text = b.req("GET", "/beteiligung/qr.svg?verfahren=x%00y")  # (nginx itself refuses %00 in paths)
    assert st == 400 and "U+0000" in text and "verfahren" in text
    st, _, text = b.req("POST", "/beteiligung/staff/login", {"csrf": tok, "username": "a\x00b", "password": "x"})
    assert st == 400 and "U+0000" in text
    assert ipaddress.ip_address(b.src)  # the address used above is a real loopback address
