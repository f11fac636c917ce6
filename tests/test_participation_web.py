"""E-participation through its real protocols: a real ``gdi serve`` (gunicorn) of our own with a fresh
SQLite database, driven by requests and by Chromium (Playwright, touch emulation), checked with axe-core.

The module starts its own server (not the shared ``server`` fixture) because it needs a short kiosk
idle time, known staff passwords, and — for the durability test — a process it may kill with SIGKILL.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest
import requests

from gdi import server as gdi_server
from tests.conftest import ROOT, SCHEMAS, free_port

if TYPE_CHECKING:
    from playwright.sync_api import Dialog

PW = "Demo-Passwort-2026!"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
PID = "bplan_lerchenfeld"   # the demo procedure: the demo town's plan HI 245 (services/participation/demo.py)


def _env(var: Path, port: int, **extra: str) -> dict[str, str]:
    env = dict(os.environ, GDI_VAR=str(var), GDI_PORT=str(port), GDI_SCHEMAS=str(SCHEMAS),
               GDI_DEMO_STAFF_PASSWORD=PW, GDI_KIOSK_IDLE_S="300")
    env.update(extra)
    return env


def _prepare(env: dict[str, str]) -> None:
    code = ("from core.config import load_settings\n"
            "from gdi.plans_demo import import_demo_plans\n"
            "from services.participation.demo import seed_demo\n"
            "s = load_settings(); import_demo_plans(s); seed_demo(s)\n")
    r = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300,
                       check=False)
    assert r.returncode == 0, r.stderr


def _start(env: dict[str, str], log: Path) -> subprocess.Popen:
    return gdi_server.start(env, log, args=("--workers", "2"), ready="/beteiligung/api/verfahren")


_stop = gdi_server.stop


@pytest.fixture(scope="module")
def bsrv(tmp_path_factory):
    var = tmp_path_factory.mktemp("bvar")
    env = _env(var, free_port())
    _prepare(env)
    proc = _start(env, var / "serve.log")
    yield {"base": f"http://127.0.0.1:{env['GDI_PORT']}/beteiligung", "var": var, "env": env}
    _stop(proc)


@pytest.fixture(scope="module")
def strict_srv(tmp_path_factory):
    """A second server (two workers, fresh var) with a tiny rate limit and a 10 s kiosk idle reset."""
    var = tmp_path_factory.mktemp("strict")
    env = _env(var, free_port(), GDI_BETEILIGUNG_RATE="3", GDI_KIOSK_IDLE_S="10")
    _prepare(env)
    proc = _start(env, var / "serve.log")
    yield {"base": f"http://127.0.0.1:{env['GDI_PORT']}/beteiligung", "var": var}
    _stop(proc)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield b
        b.close()


def _csrf(s: requests.Session, url: str) -> str:
    m = re.search(r'name="csrf" value="([^"]+)"', s.get(url).text)
    assert m is not None, f"no csrf token on {url}"
    return m.group(1)


def _submit(base: str, text: str, **extra) -> tuple[requests.Session, requests.Response]:
    s = requests.Session()
    tok = _csrf(s, f"{base}/verfahren/{PID}")
    data = {"csrf": tok, "text": text, "consent": "yes", **extra}
    return s, s.post(f"{base}/verfahren/{PID}", data=data)


def _receipt(html: str) -> dict[str, str]:
    return dict(re.findall(r'id="receipt-(\w+)"[^>]*>([^<]+)<', html))


def _staff_session(base: str, user: str) -> requests.Session:
    s = requests.Session()
    tok = _csrf(s, f"{base}/staff/login")
    r = s.post(f"{base}/staff/login", data={"csrf": tok, "username": user, "password": PW})
    assert r.status_code == 200 and "Angemeldet als" in r.text, r.text[:500]
    return s


def _db_rows(var: Path) -> list[dict]:
    from services.participation.config import ParticipationConfig
    from services.participation.core import Participation
    cfg = ParticipationConfig(db_url=f"sqlite:///{var / 'participation' / 'beteiligung.db'}",
                              data_dir=var / "participation")
    return Participation(cfg).list_statements(with_personal=True)


# -- HTTP ------------------------------------------------------------------------------------------
def test_security_headers(bsrv):
    r = requests.get(f"{bsrv['base']}/verfahren/{PID}")
    csp = r.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in csp
    assert r.headers["Referrer-Policy"] == "no-referrer"
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert "<script>" not in r.text  # no inline scripts at all
    assert 'SameSite=Strict' in r.headers["Set-Cookie"] and "HttpOnly" in r.headers["Set-Cookie"]


def test_procedure_page_says_what_the_plan_allows_in_german(bsrv):
    """The plan page in plain words: each building area of the demo plan with what it allows (from the
    published plan), the periods as German dates."""
    import re
    html = requests.get(f"{bsrv['base']}/verfahren/{PID}", timeout=30).text
    assert "<h1>Bebauungsplan HI 245 „Am Lerchenfeld“ (Demo)</h1>" in html   # named once, not "Bebauungsplan …" twice
    assert "Was der Plan festsetzt" in html
    zones = re.search(r'<ul id="plan-zones">(.*?)</ul>', html, re.S)
    assert zones is not None
    items = re.findall(r"<li>(.*?)</li>", zones.group(1), re.S)
    assert any(i.startswith("Allgemeines Wohngebiet (WA): höchstens 2 Vollgeschosse; Grundflächenzahl (GRZ) 0,4 – "
                            "höchstens 40 % des Grundstücks") and "offene Bauweise" in i for i in items), items
    legend = re.search(r'<figure class="legend" id="plan-legend">\s*<img src="([^"]+)"', html)
    assert legend is not None
    img = requests.get(bsrv["base"].rsplit("/beteiligung", 1)[0] + legend.group(1).replace("&amp;", "&"), timeout=60)
    assert img.status_code == 200 and img.headers["Content-Type"] == "image/png" and img.content[:4] == b"\x89PNG"
    from PIL import Image
    w, h = Image.open(io.BytesIO(img.content)).size
    assert w >= 100 and h >= 100, (w, h)  # the layer's legend with its classes by land use, not an empty image
    # the demo plan's documents (its XPlanung externeReferenz: drawing, tables, data), and each of them opens
    docs = re.search(r'<ul id="plan-documents">(.*?)</ul>', html, re.S)
    assert docs is not None
    links = {t: u.replace("&amp;", "&") for u, t in re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', docs.group(1))}
    assert set(links) == {"Planzeichnung (Entwurf), aus den Plandaten gezeichnet",
                          "Festsetzungen (Baugebiete, Verkehrs- und Grünflächen) als Tabelle mit Karte",
                          "Baugrenzen, Straßenbegrenzungslinien und Anpflanzungen als Tabelle mit Karte",
                          "Plandaten für GIS-Programme (GeoPackage)"}, links
    site = bsrv["base"].rsplit("/beteiligung", 1)[0]
    for title, url in links.items():
        parts = urlsplit(url)  # the demo names the public URL; this server listens on its own port
        r = requests.get(site + parts.path + (f"?{parts.query}" if parts.query else ""), timeout=120)
        assert r.status_code == 200, (title, url, r.text[:300])
        if title.startswith("Planzeichnung"):
            import numpy as np
            from PIL import Image
            drawing = np.asarray(Image.open(io.BytesIO(r.content)).convert("RGB"), dtype=np.int16)
            assert r.headers["Content-Type"] == "image/png" and (drawing.min(axis=2) < 230).mean() > 0.05
        elif title.startswith("Plandaten"):
            assert r.content[:16] == b"SQLite format 3\x00", title
        else:
            assert r.headers["Content-Type"].startswith("text/html"), (title, r.headers["Content-Type"])
    # the procedure map draws the plan's own WMS layers (not the primary PLU layers of another plan)
    assert 'data-layers="PLU.ZoningElement.bplan_lerchenfeld,PLU.SupplementaryRegulation.bplan_lerchenfeld_sr"' in html
    fristen = html.split('id="h-frist"')[1].split("</section>")[0]
    assert not re.search(r"\d{4}-\d{2}-\d{2}", fristen)
    assert len(re.findall(r"\d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
                          r"Dezember) \d{4}", fristen)) == 4


def test_receipt_and_stored_content(bsrv):
    _, r = _submit(bsrv["base"], "Bitte mehr Bäume an der Straße.", name="Erika Muster", email="erika@example.org",
                   geometry=json.dumps({"type": "Point", "coordinates": [9.9772, 52.1577]}), location_kind="point")
    assert r.status_code == 200, r.text[:400]
    rec = _receipt(r.text)
    assert re.fullmatch(r"\d{4}-\d{6}", rec["number"]) and len(rec["hash"]) == 64
    row = next(x for x in _db_rows(bsrv["var"]) if x["number"] == rec["number"])
    assert row["text"] == "Bitte mehr Bäume an der Straße." and row["content_hash"] == rec["hash"]
    assert row["email"] == "erika@example.org" and row["late"] is False and row["period_kind"] == "3_2"


@pytest.mark.parametrize("how", ["no token", "foreign token", "no cookie"])
def test_csrf_attempts_refused(bsrv, how):
    base = bsrv["base"]
    victim = requests.Session()
    tok = _csrf(victim, f"{base}/verfahren/{PID}")
    before = len(_db_rows(bsrv["var"]))
    attacker = requests.Session()
    _csrf(attacker, f"{base}/verfahren/{PID}")  # the attacker has a session of its own
    data = {"text": "CSRF", "consent": "yes"}
    if how == "no token":
        r = victim.post(f"{base}/verfahren/{PID}", data=data)
    elif how == "foreign token":
        r = attacker.post(f"{base}/verfahren/{PID}", data={**data, "csrf": tok})
    else:
        r = requests.post(f"{base}/kiosk/stellungnahme", json={"procedure": PID, "text": "x", "consent": True},
                          headers={"X-CSRF-Token": tok})
    assert r.status_code == 403
    assert len(_db_rows(bsrv["var"])) == before


def test_honeypot_size_and_type_limits(bsrv):
    base = bsrv["base"]
    before = len(_db_rows(bsrv["var"]))
    _, r = _submit(base, "Bot", website="http://spam.example")
    assert r.status_code == 400
    s = requests.Session()
    tok = _csrf(s, f"{base}/verfahren/{PID}")
    r = s.post(f"{base}/verfahren/{PID}", data={"csrf": tok, "text": "exe", "consent": "yes"},
               files={"attachments": ("x.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")})
    assert r.status_code == 400 and "nur PDF, PNG oder JPEG" in r.text
    r = s.post(f"{base}/verfahren/{PID}", data={"csrf": tok, "text": "Mein langer Text zum Plan", "consent": "yes"},
               files={"attachments": ("big.pdf", b"%PDF-" + b"0" * (20 * 1024 * 1024), "application/pdf")})
    # answered in the form, the text kept, the limit the form states
    assert r.status_code == 400 and "größer als 5 MB" in r.text, r.text[:300]
    assert "Mein langer Text zum Plan</textarea>" in r.text and "je höchstens 5 MB" in r.text
    assert len(_db_rows(bsrv["var"])) == before


def test_attachment_stored_outside_web_root(bsrv):
    base = bsrv["base"]
    s = requests.Session()
    tok = _csrf(s, f"{base}/verfahren/{PID}")
    pdf = b"%PDF-1.4\n% Anhang\n"
    r = s.post(f"{base}/verfahren/{PID}", data={"csrf": tok, "text": "mit Anhang", "consent": "yes"},
               files={"attachments": ("plan notiz.pdf", pdf, "application/pdf")})
    assert r.status_code == 200
    number = _receipt(r.text)["number"]
    import hashlib
    stored = bsrv["var"] / "participation" / "attachments" / hashlib.sha256(pdf).hexdigest()
    assert stored.read_bytes() == pdf
    assert requests.get(f"{base}/staff/anhang/{number}/0").status_code == 401  # not public
    staff = _staff_session(base, "moderation")
    assert staff.get(f"{base}/staff/anhang/{number}/0").content == pdf


def test_no_personal_data_in_public_api(bsrv):
    base = bsrv["base"]
    _, r = _submit(base, "Öffentlich sichtbar, bitte", name="Geheim Name", email="geheim@example.org")
    number = _receipt(r.text)["number"]
    staff = _staff_session(base, "moderation")
    tok = _csrf(staff, f"{base}/staff")
    assert staff.post(f"{base}/staff/moderate/{number}", data={"csrf": tok, "decision": "published"}).status_code == 200
    pub = requests.get(f"{base}/api/verfahren/{PID}/stellungnahmen.geojson").text
    assert number in pub
    everything = pub + requests.get(f"{base}/api/verfahren").text + requests.get(f"{base}/verfahren/{PID}").text
    assert "geheim@example.org" not in everything and "Geheim Name" not in everything


def test_rate_limit_per_client(strict_srv):
    """Limit 3 per address: the 4th statement in the window is refused, whichever worker gets it."""
    codes = [_submit(strict_srv["base"], f"Rate {i}")[1].status_code for i in range(4)]
    assert codes == [200, 200, 200, 429]


def test_durability_sigkill(bsrv, tmp_path):
    """Receipts shown before a SIGKILL are all in the database after a restart, with the same hashes."""
    var = tmp_path / "var"
    env = _env(var, free_port())
    _prepare(env)
    proc = _start(env, tmp_path / "serve.log")
    base = f"http://127.0.0.1:{env['GDI_PORT']}/beteiligung"
    receipts = []
    try:
        for i in range(5):
            _, r = _submit(base, f"Dauerhaft {i}")
            assert r.status_code == 200
            receipts.append(_receipt(r.text))
    finally:
        gdi_server.stop(proc, timeout=0)    # SIGKILL: no shutdown handlers run
    proc = _start(env, tmp_path / "serve.log")
    try:
        staff = _staff_session(base, "planung")
        body = staff.get(f"{base}/staff/export.csv").content.decode("utf-8-sig")
    finally:
        _stop(proc)
    rows = {r["Nr."]: r for r in csv.DictReader(io.StringIO(body), delimiter=";")}
    for rec in receipts:
        assert rows[rec["number"]]["Prüfsumme (SHA-256)"] == rec["hash"]


# -- Chromium ----------------------------------------------------------------------------------------
def test_xss_payload_shown_as_text(bsrv, browser):
    base = bsrv["base"]
    payload = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'
    _, r = _submit(base, payload)
    number = _receipt(r.text)["number"]
    assert "<img src=x" not in r.text
    staff = _staff_session(base, "moderation")
    tok = _csrf(staff, f"{base}/staff")
    staff.post(f"{base}/staff/moderate/{number}", data={"csrf": tok, "decision": "published"})
    page = browser.new_page()
    dialogs: list[str] = []

    def on_dialog(d: Dialog) -> None:
        dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", on_dialog)
    page.goto(f"{base}/verfahren/{PID}")
    assert page.get_by_text(payload, exact=True).count() == 1  # shown literally, as text
    assert page.evaluate("window.__xss") is None and not dialogs
    page.close()


def test_web_flow_drawn_area(bsrv, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(f"{bsrv['base']}/verfahren/{PID}")
    page.click("button[data-draw=area]")
    box = page.locator("#map").bounding_box()
    for dx, dy in ((0.3, 0.3), (0.7, 0.3), (0.6, 0.7)):
        page.mouse.click(box["x"] + box["width"] * dx, box["y"] + box["height"] * dy)
    page.click("button[data-draw=finish]")
    assert "Fläche gewählt (3 Punkte)" in page.text_content("#draw-status")
    page.fill("#text", "Hier bitte einen Spielplatz.")
    page.check("#consent")
    page.click("#submit")
    page.wait_for_selector("#receipt-number")
    number = page.text_content("#receipt-number").strip()
    page.close()
    row = next(x for x in _db_rows(bsrv["var"]) if x["number"] == number)
    assert row["geometry"]["type"] == "Polygon" and len(row["geometry"]["coordinates"][0]) == 4
    assert row["location_kind"] == "area" and row["channel"] == "web"


def kiosk_enrolment_url(base: str, name: str) -> str:
    """Staff create a kiosk device in the staff area; the page shows its one-time enrolment link."""
    s = _staff_session(base, "moderation")
    tok = _csrf(s, f"{base}/staff/kiosks")
    r = s.post(f"{base}/staff/kiosks", data={"csrf": tok, "kiosk": name})
    m = re.search(r'id="kiosk-enroll-url">([^<]+)<', r.text)
    assert r.status_code == 200 and m is not None, r.text[:500]
    return m.group(1)


def enrol(page, base: str, name: str = "rathaus-1") -> None:
    page.goto(kiosk_enrolment_url(base, name))
    page.click("#kiosk-enroll")
    page.wait_for_url(f"{base}/kiosk")


def _kiosk(browser, base):
    ctx = browser.new_context(has_touch=True, is_mobile=False, viewport={"width": 1366, "height": 1024})
    page = ctx.new_page()
    enrol(page, base)
    return ctx, page


def test_kiosk_full_flow_touch(bsrv, browser):
    ctx, page = _kiosk(browser, bsrv["base"])
    page.tap("#k-open-plan")
    box = page.locator("#k-map").bounding_box()
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert page.text_content("#k-loc-status") == "Ort gewählt."
    page.tap("#k-to-write")
    for key in ["⇧", "h", "a", "l", "l", "o", "Leertaste", "ä", "ß", "⌫", "?"]:
        page.tap(f'.k-key[data-key="{key}"]')
    assert page.input_value("#k-text") == "Hallo ä?"
    page.tap("#k-consent")
    page.tap("#k-submit")
    page.wait_for_selector("#s-receipt:not([hidden])")
    number = page.text_content("#k-r-number")
    assert len(page.text_content("#k-r-hash")) == 64
    storage = page.evaluate("[localStorage.length, sessionStorage.length, document.cookie]")
    ctx.close()
    assert storage == [0, 0, ""]  # nothing readable left on the device (session cookie is HttpOnly)
    row = next(x for x in _db_rows(bsrv["var"]) if x["number"] == number)
    assert row["text"] == "Hallo ä?" and row["channel"] == "kiosk" and row["kiosk_id"] == "rathaus-1"
    assert row["geometry"]["type"] == "Point" and row["email"] is None


def test_kiosk_idle_reset(strict_srv, browser):
    ctx, page = _kiosk(browser, strict_srv["base"])
    first_sid = next(c["value"] for c in ctx.cookies() if c["name"] == "bp_sid")
    page.tap("#k-open-write")
    for key in ["g", "e", "h", "e", "i", "m"]:
        page.tap(f'.k-key[data-key="{key}"]')
    assert page.input_value("#k-text") == "geheim"
    # GDI_KIOSK_IDLE_S=10: wait for the reset (a navigation), not for a fixed time
    with page.expect_navigation(timeout=30_000):
        pass
    page.wait_for_selector("#s-start:not([hidden])")
    assert page.input_value("#k-text") == ""
    assert page.is_hidden("#s-write")
    second_sid = next(c["value"] for c in ctx.cookies() if c["name"] == "bp_sid")
    assert second_sid != first_sid  # a fresh session
    ctx.close()


def test_kiosk_touch_targets_and_no_way_out(bsrv, browser):
    ctx, page = _kiosk(browser, bsrv["base"])
    assert page.locator("a[href]").count() == 0
    for screen in ("s-start", "s-write"):
        if screen == "s-write":
            page.tap("#k-open-write")
        small = page.evaluate("""(id) => [...document.querySelectorAll(
                '#' + id + ' button, #' + id + ' input, header button')]
            .filter(e => e.offsetParent !== null)
            .map(e => [e.id || e.textContent.trim(), e.getBoundingClientRect()])
            .filter(([n, r]) => r.width < 44 || r.height < 44).map(([n]) => n)""", screen)
        assert small == [], f"touch targets under 44 px on {screen}: {small}"
    page.tap("#k-bigger")
    assert page.evaluate("document.body.classList.contains('big')")
    assert page.get_attribute("#k-bigger", "aria-pressed") == "true"
    qr = requests.get(f"{bsrv['base']}/qr.svg?verfahren={PID}")
    assert qr.headers["Content-Type"].startswith("image/svg+xml") and b"<svg" in qr.content
    ctx.close()


def test_kiosk_3d_planned_variants(bsrv, browser):
    """CesiumJS (offline, from node_modules) starts under the kiosk's CSP and loads a planned variant."""
    ctx, page = _kiosk(browser, bsrv["base"])
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.tap("#k-open-3d")
    page.wait_for_selector("#k-cesium canvas", state="attached", timeout=90_000)
    # the screen reports itself complete (buildings, terrain and base map in): what bench_kiosk3d.py times
    page.wait_for_selector("#app[data-ready3d=true]", state="attached", timeout=90_000)
    marks = page.evaluate("gdiKiosk.timings")
    assert 0 < marks["viewerCreated"] <= marks["buildingsLoaded"] <= marks["ready"]
    labels = page.locator("#s-3d button.variant").all_text_contents()
    assert labels == ["Nur heute", "Plan: maximal", "Plan: nach GRZ"]  # two variants of the plan
    page.tap("#s-3d button.variant >> nth=2")
    page.wait_for_selector("#app[data-loaded=planned_bplan_lerchenfeld_grz]", state="attached", timeout=90_000)
    assert page.get_attribute("#s-3d button.variant >> nth=2", "aria-pressed") == "true"
    assert page.get_attribute("#app", "data-brdf-table") == "precomputed"   # the viewer's table, shared
    # the CesiumJS credit as plain text, as in /viewer: no link out of the kiosk
    page.wait_for_selector("#k-cesium .gdi-credit", state="attached", timeout=30_000)
    assert "CesiumJS" in page.text_content("#k-cesium .cesium-widget-credits")
    # the plan map's base map (the demo town's streets) under the buildings, its source note as text
    assert page.get_attribute("#app", "data-basemap3d") == "xyz"
    page.wait_for_function("document.querySelector('#k-cesium .cesium-widget-credits').textContent"
                           ".indexOf('Stadtplan') >= 0", timeout=30_000)
    assert page.locator("#k-cesium .cesium-widget-credits a[href]").count() == 0
    box = page.locator("#k-cesium").bounding_box()
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # pick a 3D spot
    page.wait_for_function("document.getElementById('k-3d-status').textContent === 'Ort in 3D gewählt.'")
    page.tap("#s-3d button.k-btn.primary")
    page.tap('.k-key[data-key="d"]')
    page.tap("#k-consent")
    page.tap("#k-submit")
    page.wait_for_selector("#s-receipt:not([hidden])")
    number = page.text_content("#k-r-number")
    assert errors == []
    ctx.close()
    row = next(x for x in _db_rows(bsrv["var"]) if x["number"] == number)
    assert row["location_kind"] == "3d" and len(row["geometry"]["coordinates"]) == 3
    lon, lat = row["geometry"]["coordinates"][:2]
    # inside the plan area (the demo town's free field): the pick waits for the terrain tiles under the tap;
    # on the ellipsoid ~140 m below the DGM it would land up to ~1 km beyond the plan
    assert 9.974 < lon < 9.981 and 52.155 < lat < 52.160


def test_staff_moderation_notes_export(bsrv, browser):
    base = bsrv["base"]
    _, r = _submit(base, "Zur Abwägung: Verkehr", name="Hans Privat", email="hans@example.org")
    number = _receipt(r.text)["number"]
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{base}/staff/login")
    page.fill("#username", "planung")
    page.fill("#password", PW)
    page.click("button[type=submit]")
    page.wait_for_selector("table.queue")
    page.fill(f"#note-{number}", "Berücksichtigt: Tempo 30 prüfen")
    page.click(f"#s-{number} form.note button")
    page.click(f"#s-{number} button[value=published]")
    assert page.text_content(f"#s-{number} td.status").strip() == "veröffentlicht"
    with page.expect_download() as dl:
        page.click("#export-xlsx")
    assert dl.value.suggested_filename == "stellungnahmen.xlsx"
    from openpyxl import load_workbook
    ws = load_workbook(io.BytesIO(Path(dl.value.path()).read_bytes())).active
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, [c.value for c in r], strict=True)) for r in ws.iter_rows(min_row=2)]
    mine = next(x for x in rows if x["Nr."] == number)
    assert mine["Vermerk Planung"] == "Berücksichtigt: Tempo 30 prüfen" and mine["Moderation"] == "veröffentlicht"
    assert mine["E-Mail"] == "hans@example.org" and mine["verspätet"] == "nein"
    assert len(rows) == len(_db_rows(bsrv["var"]))
    pseudo = page.request.get(f"{base}/staff/export.csv?pseudonym=1").text()
    assert "hans@example.org" not in pseudo and "Hans Privat" not in pseudo and "Pseudonym" in pseudo
    gj = page.request.get(f"{base}/staff/export.geojson").json()
    assert gj["type"] == "FeatureCollection" and all(f["geometry"] for f in gj["features"])
    page.goto(f"{base}/staff/audit")
    audit = page.text_content("table.queue")
    assert "moderate:published" in audit and "note" in audit and "export:xlsx" in audit
    page.close()
    assert requests.get(f"{base}/staff/export.csv").status_code == 401


def test_axe_every_page(bsrv, browser):
    base = bsrv["base"]
    ctx = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 1000}, has_touch=True)
    page = ctx.new_page()
    axe = AXE.read_text()

    def check(name: str) -> None:
        page.add_script_tag(content=axe)
        res = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                            ".map(v => ({id: v.id, impact: v.impact, n: v.nodes.length, t: v.nodes[0].target}))")
        bad = [v for v in res if v["impact"] in ("serious", "critical")]
        assert not bad, f"{name}: {bad}"

    for path in ("/", f"/verfahren/{PID}", "/datenschutz", "/barrierefreiheit", "/impressum", "/pruefen",
                 "/staff/login", "/verfahren/gibtsnicht"):
        page.goto(base + path)
        check(path)
    page.goto(f"{base}/verfahren/{PID}")
    page.fill("#text", "Barrierefrei?")
    page.check("#consent")
    page.click("#submit")
    page.wait_for_selector("#receipt-number")
    check("receipt")
    page.click("#receipt-verify")
    page.wait_for_selector("#verify-result")
    check("receipt check")
    enrol(page, base, "axe-kiosk")
    check("kiosk start")
    for btn, name in (("#k-open-plan", "kiosk plan"), ("#k-open-write", "kiosk write"),
                      ("#k-foot-a11y", "kiosk accessibility statement"), ("#k-foot-imprint", "kiosk imprint"),
                      ("#k-foot-privacy", "kiosk privacy")):
        page.goto(f"{base}/kiosk")
        page.tap(btn)
        check(name)
    page.evaluate("document.getElementById('k-idle').hidden = false")  # the "Noch da?" warning, as it shows
    check("kiosk idle warning")
    page.goto(f"{base}/staff/login")
    page.fill("#username", "moderation")
    page.fill("#password", PW)
    page.click("button[type=submit]")
    page.wait_for_selector("table.queue")
    check("staff queue")
    page.goto(f"{base}/staff/audit")
    check("staff audit")
    ctx.close()
