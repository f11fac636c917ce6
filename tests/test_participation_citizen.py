"""What a citizen sees (issue 17): the receipt in local German time with a summary and a recipe that really
reproduces the hash (``sha256sum`` on the downloaded file), the receipt check, the accessibility statement
and imprint linked from every page (web and kiosk), the consent wording, the kiosk's on-screen keyboard
with § @ ( ) / " ' € % and a movable cursor, and the "Noch da?" warning with its countdown before the reset.

A real ``gdi serve`` of its own (fresh SQLite database), driven by requests and Chromium (Playwright,
touch emulation). The kiosk idle time is short (30 s, warning for the last 10 s): the tests wait for
the warning and the reset to appear, they never sleep or measure durations.
"""
from __future__ import annotations

import json
import re
import subprocess
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import requests

from tests.conftest import free_port
from tests.test_participation_web import (  # noqa: F401  (browser: the imported fixture)
    AXE,
    PID,
    _csrf,
    _db_rows,
    _env,
    _prepare,
    _receipt,
    _staff_session,
    _start,
    _stop,
    _submit,
    browser,
    enrol,
)

MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
          "Dezember"]
FEEDBACK = "barrieren@example.org"


@pytest.fixture(scope="module")
def csrv(tmp_path_factory):
    var = tmp_path_factory.mktemp("citizen")
    env = _env(var, free_port(), GDI_BETEILIGUNG_RATE="0", GDI_KIOSK_IDLE_S="30", GDI_KIOSK_WARN_S="10",
               GDI_BETEILIGUNG_BARRIEREFREIHEIT_EMAIL=FEEDBACK)
    _prepare(env)
    proc = _start(env, var / "serve.log")
    yield {"base": f"http://127.0.0.1:{env['GDI_PORT']}/beteiligung", "var": var}
    _stop(proc)


def _german(stamp: str) -> str:
    d = datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone(ZoneInfo("Europe/Berlin"))
    return f"{d.day}. {MONTHS[d.month - 1]} {d.year}, {d.hour:02d}:{d.minute:02d} Uhr"


def _inside_plan(var: Path) -> list[float]:
    """A point inside the demo plan's area (Geltungsbereich, from the plan summary the server reads)."""
    import shapely.geometry
    plan = json.loads((var / "plans" / f"{PID}.json").read_text(encoding="utf-8"))
    area = shapely.geometry.shape(plan["geltungsbereich"]["features"][0]["geometry"])
    p = area.representative_point()
    return [round(p.x, 6), round(p.y, 6)]


def _axe(page, name: str) -> None:
    page.add_script_tag(content=AXE.read_text())
    res = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                        ".map(v => ({id: v.id, impact: v.impact, t: v.nodes[0].target}))")
    bad = [v for v in res if v["impact"] in ("serious", "critical")]
    assert not bad, f"{name}: {bad}"


# -- receipt ----------------------------------------------------------------------------------------
def test_receipt_local_time_summary_and_location(csrv):
    text = "Zum § 3 BauGB: Die Linde an der Ecke muss bleiben. " + "Sie spendet Schatten und ist alt. " * 15
    point = _inside_plan(csrv["var"])
    _, r = _submit(csrv["base"], text, geometry=json.dumps({"type": "Point", "coordinates": point}),
                   location_kind="point")
    assert r.status_code == 200, r.text[:400]
    rec = _receipt(r.text)
    row = next(x for x in _db_rows(csrv["var"]) if x["number"] == rec["number"])
    assert rec["time"] == _german(row["received_at"])        # e.g. "4. Dezember 2026, 17:33 Uhr", not UTC
    assert "UTC" not in r.text.split('id="receipt-time"')[0].rsplit("<dt>", 1)[1]
    summary = rec["summary"]
    assert summary.startswith("Zum § 3 BauGB: Die Linde an der Ecke muss bleiben.") and summary.endswith(" …")
    assert len(summary) < len(text) and "Gespeichert ist Ihr ganzer Text" in r.text
    assert rec["location"].startswith("Punkt bei ") and "im Plangebiet" in rec["location"]
    assert row["consent_version"] == "2026-12"               # the wording that mentions publication


def test_receipt_without_location_says_so(csrv):
    _, r = _submit(csrv["base"], "Kurz und ohne Ort.")
    rec = _receipt(r.text)
    assert rec["summary"] == "Kurz und ohne Ort." and rec["location"] == "Kein Ort angegeben"


def test_hash_recipe_reproduces_the_hash(csrv, browser, tmp_path):  # noqa: F811 - the imported fixture
    """The receipt's recipe, followed literally: download the file it offers, run ``sha256sum`` on it, compare."""
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(f"{csrv['base']}/verfahren/{PID}")
    page.fill("#text", "Prüfen Sie mich: „Anführungszeichen“, 'Apostroph', Zeilen\nund Umlaute äöüß € §")
    page.check("#consent")
    page.click("#submit")
    page.wait_for_selector("#receipt-hash")
    chash = page.text_content("#receipt-hash").strip()
    recipe = page.text_content(".hash-help")
    assert "sha256sum" in recipe and "Name und E-Mail-Adresse gehören nicht dazu" in recipe
    with page.expect_download() as dl:
        page.click("#hash-file")
    name = dl.value.suggested_filename
    assert name == f"stellungnahme-{page.text_content('#receipt-number').strip()}.json" and name in recipe
    dl.value.save_as(tmp_path / name)
    out = subprocess.run(["sha256sum", name], cwd=tmp_path, capture_output=True, text=True, check=True).stdout
    assert out.split()[0] == chash
    # "Jetzt prüfen": the server recomputes the hash from what it stored
    page.click("#receipt-verify")
    page.wait_for_selector("#verify-result")
    result = page.text_content("#verify-result")
    assert "Gefunden" in result and "unverändert gespeichert" in result and "offen" in result
    page.close()


def test_verify_page_refuses_wrong_hash(csrv):
    base = csrv["base"]
    s, r = _submit(base, "Noch eine Stellungnahme")
    rec = _receipt(r.text)
    tok = _csrf(s, f"{base}/pruefen")
    wrong = s.post(f"{base}/pruefen", data={"csrf": tok, "nummer": rec["number"], "pruefsumme": "a" * 64})
    assert wrong.status_code == 404 and "keine Stellungnahme mit dieser Nummer und dieser Prüfsumme" in wrong.text
    assert rec["hash"] not in wrong.text and "Noch eine Stellungnahme" not in wrong.text
    right = s.post(f"{base}/pruefen", data={"csrf": tok, "nummer": rec["number"], "pruefsumme": rec["hash"]})
    assert right.status_code == 200 and "Gefunden" in right.text and 'download="stellungnahme-' in right.text


# -- accessibility statement, imprint, consent --------------------------------------------------------
def _footer_links(html: str) -> set[str]:
    footer = html[html.index('<footer class="bottom">'):]
    return set(re.findall(r'href="[^"]*?(/barrierefreiheit|/impressum|/datenschutz)"', footer))


def test_statement_and_imprint_linked_from_every_page(csrv):
    base = csrv["base"]
    anon = requests.Session()
    staff = _staff_session(base, "moderation")
    _, receipt = _submit(base, "Fußzeile?")
    pages = {path: anon.get(base + path) for path in
             ("/", f"/verfahren/{PID}", "/datenschutz", "/barrierefreiheit", "/impressum", "/pruefen", "/staff/login",
              "/kiosk/anmelden", "/verfahren/gibtsnicht")}
    pages |= {path: staff.get(base + path) for path in ("/staff", "/staff/audit", "/staff/kiosks")}
    pages["receipt"] = receipt
    for name, r in pages.items():
        assert r.headers["Content-Type"].startswith("text/html"), name
        assert _footer_links(r.text) == {"/barrierefreiheit", "/impressum", "/datenschutz"}, name
    a11y = pages["/barrierefreiheit"].text
    for part in ("Erklärung zur Barrierefreiheit", "teilweise vereinbar", "WCAG 2.1",
                 "Was ist noch nicht barrierefrei?", "Karte:", "Barrieren melden", f"mailto:{FEEDBACK}",
                 "Schlichtungsverfahren", "§ 9d", 'href="https://www.behindertenbeauftragte-niedersachsen.de"',
                 "Erstellung dieser Erklärung", "6. Dezember 2026"):
        assert part in a11y, part
    imprint = pages["/impressum"].text
    for part in ("<h1>Impressum</h1>", "Stadt Hildesheim", "Fachbereich Stadtplanung", "Markt 1, 31134 Hildesheim",
                 "mailto:stadtplanung@stadt-hildesheim.de", "Körperschaft des öffentlichen Rechts", "vertreten durch",
                 "Aufsichtsbehörde"):
        assert part in imprint, part


def test_consent_says_text_may_be_published(csrv):
    base = csrv["base"]
    form = requests.get(f"{base}/verfahren/{PID}").text
    m = re.search(r'<label for="consent">(.*?)</label>', form, re.S)
    assert m is not None
    label = " ".join(m.group(1).split())
    assert "Der Text darf veröffentlicht werden – ohne meinen Namen und meine Anschrift" in label
    assert "Unterlagen zur Abwägung für den Rat" in label and "Name und E-Mail werden nie veröffentlicht" in label
    privacy = " ".join(requests.get(f"{base}/datenschutz").text.split())
    assert "ohne Ihren Namen und ohne Ihre Anschrift" in privacy and "Unterlagen zur Abwägung für den Rat" in privacy
    assert "keine persönlichen Angaben" in privacy


# -- kiosk ----------------------------------------------------------------------------------------------
def _kiosk(chromium, base: str, name: str, *, bypass_csp: bool = False):
    ctx = chromium.new_context(has_touch=True, viewport={"width": 1366, "height": 1024}, bypass_csp=bypass_csp)
    page = ctx.new_page()
    enrol(page, base, name)
    return ctx, page


def _key(page, k: str) -> None:
    quote = "'" if k == '"' else '"'
    page.tap(f".k-key[data-key={quote}{k}{quote}]")


def _type(page, s: str) -> None:
    """Type with the on-screen keys alone: capitals through shift, blanks through the space bar."""
    for ch in s:
        if ch == " ":
            _key(page, "Leertaste")
        elif ch.isupper():
            _key(page, "⇧")
            _key(page, ch.lower())
        else:
            _key(page, ch)


def test_kiosk_keyboard_special_characters_and_cursor(csrv, browser):  # noqa: F811 - the imported fixture
    ctx, page = _kiosk(browser, csrv["base"], "tastatur-1", bypass_csp=True)  # for axe-core at the end
    page.tap("#k-open-write")
    _type(page, "§ 3 BauGB Müller@example.de")
    for _ in range(len(" Müller@example.de")):
        _key(page, "←")
    _key(page, ",")                                       # the comma goes where the cursor is
    assert page.input_value("#k-text") == "§ 3 BauGB, Müller@example.de"
    assert page.evaluate("[document.getElementById('k-text').selectionStart, "
                         "document.getElementById('k-text').selectionEnd]") == [10, 10]
    for _ in range(40):                                   # to the end (and no further)
        _key(page, "→")
    _type(page, ' (5 % / 7 €) "ja"')
    _key(page, "'")
    _key(page, "←")
    _key(page, "⌫")                                       # deletes before the cursor: the closing quote
    expected = '§ 3 BauGB, Müller@example.de (5 % / 7 €) "ja'
    assert page.input_value("#k-text") == expected + "'"
    _key(page, '"')
    assert page.input_value("#k-text") == expected + "\"'"
    keys = page.locator("#k-keyboard .k-key").evaluate_all("els => els.map(e => e.getBoundingClientRect())"
                                                         ".filter(r => r.width < 44 || r.height < 44).length")
    assert keys == 0
    page.tap("#k-consent")
    page.tap("#k-submit")
    page.wait_for_selector("#s-receipt:not([hidden])")
    number = page.text_content("#k-r-number")
    row = next(x for x in _db_rows(csrv["var"]) if x["number"] == number)
    assert row["text"] == expected + "\"'" and row["channel"] == "kiosk"
    # the kiosk's receipt: local German time, the text, the location, the hash and how to check it
    assert page.text_content("#k-r-time") == _german(row["received_at"])
    assert page.text_content("#k-r-summary") == expected + "\"'"
    assert page.text_content("#k-r-location") == "Kein Ort angegeben"
    assert page.text_content("#k-r-hash") == row["content_hash"]
    verify = " ".join(page.text_content("#k-r-verify").split())
    assert "/beteiligung/pruefen" in verify and "sha256sum" in verify
    _axe(page, "kiosk receipt")
    ctx.close()


def test_kiosk_footer_opens_statement_imprint_privacy(csrv, browser):  # noqa: F811 - the imported fixture
    ctx, page = _kiosk(browser, csrv["base"], "fuss-1")
    page.tap("#k-open-write")
    for button, screen, heading, must in (
            ("#k-foot-a11y", "#s-a11y", "Erklärung zur Barrierefreiheit", ["teilweise vereinbar", FEEDBACK, "§ 9d"]),
            ("#k-foot-imprint", "#s-imprint", "Impressum", ["Markt 1, 31134 Hildesheim", "vertreten durch"]),
            ("#k-foot-privacy", "#s-privacy", "Datenschutz", ["ohne Ihren Namen und ohne Ihre Anschrift"])):
        box = page.locator(button).bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44
        page.tap(button)
        assert page.is_visible(screen) and page.text_content(f"{screen} h2") == heading
        body = " ".join(page.text_content(screen).split())
        assert all(m in body for m in must), (screen, body[:300])
        page.tap(f"{screen} .k-back")
        assert page.is_visible("#s-write")                 # back where one was
    assert page.locator("a[href]").count() == 0             # still no way out of the kiosk
    consent = " ".join(page.text_content("label[for=k-consent]").split())
    assert "ohne meinen Namen veröffentlicht" in consent and "Unterlagen für den Rat" in consent
    ctx.close()


def test_kiosk_idle_warning_countdown_then_reset(csrv, browser):  # noqa: F811 - the imported fixture
    """30 s idle, the last 10 s a warning: it appears with a countdown (announced through aria-live),
    "Ja, ich bin noch da" keeps the text; left alone, it counts down and the kiosk starts over."""
    ctx, page = _kiosk(browser, csrv["base"], "idle-1")
    page.tap("#k-open-write")
    _type(page, "geheim")
    page.evaluate("window.__same_page = 1")
    page.wait_for_selector("#k-idle:not([hidden])", timeout=90_000)
    assert page.get_attribute("#k-idle", "role") == "alertdialog"
    assert page.get_attribute("#k-idle", "aria-modal") == "true"
    assert page.text_content("#k-idle-title") == "Noch da?"
    assert page.get_attribute("#k-idle-live", "aria-live") == "assertive"
    live = page.text_content("#k-idle-live")
    assert "Noch da?" in live and "Sekunden" in live
    first = int(page.text_content("#k-idle-count"))
    assert 1 <= first <= 10
    assert page.evaluate("document.querySelector('#app > main').inert") is True
    assert page.evaluate("document.activeElement.id") == "k-idle-continue"
    page.wait_for_function(f"Number(document.getElementById('k-idle-count').textContent) < {first}", timeout=30_000)
    page.tap("#k-idle-continue")
    assert page.is_hidden("#k-idle") and page.input_value("#k-text") == "geheim"
    assert page.evaluate("document.querySelector('#app > main').inert") is False
    # left alone: the warning again, then the reset (a navigation to a fresh kiosk page)
    page.wait_for_selector("#k-idle:not([hidden])", timeout=90_000)
    assert page.evaluate("window.__same_page") == 1        # the first warning did not reset anything
    with page.expect_navigation(timeout=60_000):
        pass
    page.wait_for_selector("#s-start:not([hidden])")
    assert page.input_value("#k-text") == "" and page.is_hidden("#k-idle")
    assert page.evaluate("window.__same_page") is None
    ctx.close()
