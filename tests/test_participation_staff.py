"""Staff side of issue 17 on a real ``gdi serve`` (fresh SQLite database; the PostgreSQL pass is in
``test_participation_postgres``): assigning a statement to a planner (stored, shown in the queue, filtered,
exported, audited), German values in the CSV/XLSX export with the machine values kept in GeoJSON, and
401 (not logged in) versus 403 (logged in, role lacks the right) on every staff action.
"""
from __future__ import annotations

import csv
import io

import pytest
import requests

from tests.conftest import free_port
from tests.test_participation_web import (  # noqa: F401  (browser: the imported fixture)
    PID,
    PW,
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
)


@pytest.fixture(scope="module")
def ssrv(tmp_path_factory):
    var = tmp_path_factory.mktemp("staff")
    env = _env(var, free_port(), GDI_BETEILIGUNG_RATE="0")
    _prepare(env)
    proc = _start(env, var / "serve.log")
    yield {"base": f"http://127.0.0.1:{env['GDI_PORT']}/beteiligung", "var": var}
    _stop(proc)


def _csv(s: requests.Session, base: str) -> dict[str, dict[str, str]]:
    body = s.get(f"{base}/staff/export.csv").content.decode("utf-8-sig")
    return {r["Nr."]: r for r in csv.DictReader(io.StringIO(body), delimiter=";")}


def test_assign_to_planner_in_the_queue(ssrv, browser):  # noqa: F811 - the imported fixture
    base = ssrv["base"]
    _, r = _submit(base, "Bitte die Kreuzung prüfen.")
    number = _receipt(r.text)["number"]
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{base}/staff/login")
    page.fill("#username", "moderation")
    page.fill("#password", PW)
    page.click("button[type=submit]")
    page.wait_for_selector("table.queue")
    assert page.text_content(f"#s-{number} .assignee").strip() == "niemand"
    options = page.locator(f"#assign-{number} option").all_text_contents()
    assert options == ["niemand", "planung"]                       # planners only
    page.select_option(f"#assign-{number}", "planung")
    page.click(f"#s-{number} form.assign button")
    page.wait_for_selector("table.queue")
    assert page.text_content(f"#s-{number} .assignee").strip() == "planung"
    row = next(x for x in _db_rows(ssrv["var"]) if x["number"] == number)
    assert row["assigned_to"] == "planung" and row["assigned_by"] == "moderation"
    page.goto(f"{base}/staff/audit")
    audit = page.text_content("table.queue")
    assert "assign" in audit and "– -> planung" in audit and number in audit
    page.close()
    planner = _staff_session(base, "planung")
    mine = planner.get(f"{base}/staff?zustaendig=planung").text
    assert f'id="s-{number}"' in mine and 'id="filter-mine"' in mine and "zugewiesen an planung" in mine
    exported = _csv(planner, base)[number]
    assert exported["Zuständig (Planung)"] == "planung"
    gj = planner.get(f"{base}/staff/export.geojson").json()
    assert all("assigned_to" in f["properties"] for f in gj["features"])
    from openpyxl import load_workbook
    ws = load_workbook(io.BytesIO(planner.get(f"{base}/staff/export.xlsx").content)).active
    header = [c.value for c in ws[1]]
    xrow = next(r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == number)
    assert xrow[header.index("Zuständig (Planung)")] == "planung"
    tok = _csrf(planner, f"{base}/staff")                          # unassign
    assert planner.post(f"{base}/staff/assign/{number}", data={"csrf": tok, "assignee": ""}).status_code == 200
    assert _csv(planner, base)[number]["Zuständig (Planung)"] == ""
    bad = planner.post(f"{base}/staff/assign/{number}", data={"csrf": tok, "assignee": "moderation"})
    assert bad.status_code == 400 and "nur an ein Konto der Planung" in bad.text


def test_export_values_in_german(ssrv):
    base = ssrv["base"]
    _, r1 = _submit(base, "Veröffentlichen bitte")
    _, r2 = _submit(base, "Bitte nicht veröffentlichen")
    n1, n2 = _receipt(r1.text)["number"], _receipt(r2.text)["number"]
    n3 = _receipt(_submit(base, "Noch offen")[1].text)["number"]
    mod = _staff_session(base, "moderation")
    tok = _csrf(mod, f"{base}/staff")
    mod.post(f"{base}/staff/moderate/{n1}", data={"csrf": tok, "decision": "published"})
    mod.post(f"{base}/staff/moderate/{n2}", data={"csrf": tok, "decision": "rejected"})
    rows = _csv(mod, base)
    assert [rows[n]["Moderation"] for n in (n1, n2, n3)] == ["veröffentlicht", "nicht veröffentlicht", "offen"]
    assert rows[n1]["Kanal"] == "Internet" and rows[n1]["verspätet"] == "nein"
    body = mod.get(f"{base}/staff/export.csv").content.decode("utf-8-sig")
    for english in (";pending;", ";published;", ";rejected;", ";web;"):
        assert english not in body
    queue = mod.get(f"{base}/staff?status=pending").text
    assert "Stellungnahmen (offen)" in queue and "(pending)" not in queue


# who, action -> status: 401 only without a login, 403 for a login whose role lacks the right
ACTIONS: list[tuple[str, str, dict[str, str]]] = [
    ("POST", "/staff/note/{n}", {"note": "Vermerk"}),
    ("POST", "/staff/moderate/{n}", {"decision": "published"}),
    ("POST", "/staff/assign/{n}", {"assignee": "planung"}),
    ("GET", "/staff/export.csv", {}),
    ("GET", "/staff/export.xlsx", {}),
    ("GET", "/staff/export.geojson", {}),
    ("GET", "/staff/audit", {}),
    ("GET", "/staff/kiosks", {}),
    ("POST", "/staff/kiosks", {"kiosk": "geraet-x"}),
    ("POST", "/staff/kiosks/rathaus-1/sperren", {}),
    ("GET", "/staff/anhang/{n}/0", {}),
]
EXPECTED = {  # (who, path) -> status; anything not listed: 401 for nobody, 2xx/3xx for staff
    ("moderation", "/staff/note/{n}"): 403,
    ("moderation", "/staff/anhang/{n}/0"): 404,   # that statement has no attachment
    ("planung", "/staff/anhang/{n}/0"): 404,
}


@pytest.mark.parametrize("who", ["nobody", "expired", "moderation", "planung"])
def test_401_only_without_login_403_for_the_wrong_role(ssrv, who):
    base = ssrv["base"]
    number = _receipt(_submit(base, "Rechte prüfen")[1].text)["number"]
    if who in ("nobody", "expired"):
        s = requests.Session()
        if who == "expired":
            s.cookies.set("bp_staff", "abgelaufen-oder-erfunden", path="/")
    else:
        s = _staff_session(base, who)
    tok = _csrf(s, f"{base}/verfahren/{PID}")
    got = {}
    for method, path, data in ACTIONS:
        url = base + path.format(n=number)
        r = s.post(url, data={**data, "csrf": tok}, allow_redirects=False) if method == "POST" else \
            s.get(url, allow_redirects=False)
        got[path] = r.status_code
        if r.status_code == 403:
            assert "nur die Planung" in r.text
    want = {path: EXPECTED.get((who, path), 401 if who in ("nobody", "expired") else None) for _, path, _ in ACTIONS}
    for path, code in got.items():
        if want[path] is None:
            assert code < 400, (who, path, code)
        else:
            assert code == want[path], (who, path, code)
    if who == "moderation":  # the refused note left no trace
        row = next(x for x in _db_rows(ssrv["var"]) if x["number"] == number)
        assert row["planner_note"] == ""
