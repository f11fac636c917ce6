"""Participation core on a real SQLite database (WAL): periods by the Berlin clock, late statements,
receipts, migrations, retention, export, staff passwords, input checks."""
from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import UTC, date, datetime

import pytest
from click.testing import CliRunner

from services.errors import AuthError, NotFoundError, RequestError
from services.participation import export as X
from services.participation.config import ParticipationConfig
from services.participation.core import Participation, check_geometry
from services.participation.db import SCHEMA_VERSION, Database, get_db


@pytest.fixture
def part(tmp_path) -> Participation:
    cfg = ParticipationConfig(db_url=f"sqlite:///{tmp_path / 'p.db'}", data_dir=tmp_path)
    p = Participation(cfg)
    p.upsert_procedure("bp1", "BP 1", "Bekanntmachung", [{"title": "Plan", "url": "/x.pdf"}],
                       [("3_1", date(2026, 3, 1), date(2026, 3, 31)), ("3_2", date(2026, 6, 1), date(2026, 6, 30))])
    return p


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def test_wal_mode_and_schema_version(part, tmp_path):
    con = sqlite3.connect(tmp_path / "p.db")
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("SELECT version FROM schema_version").fetchone()[0] == SCHEMA_VERSION


def test_migration_from_version_1(tmp_path):
    from services.participation import db as D
    url = f"sqlite:///{tmp_path / 'old.db'}"
    old = Database(url)
    with old.write() as c:  # a database as version 1 left it
        D.schema_version.create(c)
        D.MIGRATIONS[0](c)
        c.execute(D.schema_version.insert().values(version=1))
    assert Database(url).migrate() == 1
    con = sqlite3.connect(tmp_path / "old.db")
    assert con.execute("SELECT version FROM schema_version").fetchone()[0] == SCHEMA_VERSION
    assert "ix_statements_received" in {r[1] for r in con.execute("PRAGMA index_list('statements')")}


@pytest.mark.parametrize("at,accepting,late,kind", [
    (utc(2026, 2, 28, 22, 59), "not_yet", None, None),     # 23:59 in Berlin: not yet open
    (utc(2026, 2, 28, 23, 0), "open", False, "3_1"),       # 00:00 CET on 1 March: open
    (utc(2026, 3, 31, 21, 59), "open", False, "3_1"),      # 23:59 CEST on the last day
    (utc(2026, 3, 31, 22, 0), "late", True, "3_1"),        # 00:00 CEST next day: late
    (utc(2026, 6, 15, 12, 0), "open", False, "3_2"),
    (utc(2026, 7, 1, 9, 0), "late", True, "3_2"),          # after the formal period: kept, flagged
])
def test_periods_by_berlin_clock(part, at, accepting, late, kind):
    assert part.procedure("bp1", at)["accepting"] == accepting
    if accepting == "not_yet":
        with pytest.raises(RequestError, match="noch nicht begonnen"):
            part.submit("bp1", "zu früh", consent=True, at=at)
        return
    r = part.submit("bp1", "Text", consent=True, at=at)
    assert r["late"] is late
    st = part.statement(r["number"])
    assert st["late"] is late and st["period_kind"] == kind


def test_receipt_hash_covers_content(part):
    import hashlib
    at = utc(2026, 6, 2, 8)
    g = {"type": "Point", "coordinates": [9.95, 52.15]}
    r = part.submit("bp1", "  Bäume erhalten\r\n ", geometry=g, location_kind="point", consent=True, at=at,
                    name="A", email="a@example.org")
    content = {"procedure": "bp1", "text": "Bäume erhalten", "geometry": g, "received_at": r["received_at"],
               "attachments": []}
    assert r["content_hash"] == hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False,
                                                          separators=(",", ":")).encode()).hexdigest()
    assert r["number"] == "2026-000001"
    st = part.statement(r["number"])
    assert "name" not in st and "email" not in st  # personal data lives apart


@pytest.mark.parametrize("geom,kind,error", [
    ({"type": "Point", "coordinates": [9.9, 52.1]}, None, None),
    ({"type": "LineString", "coordinates": [[9.9, 52.1], [9.91, 52.11]]}, None, None),
    ({"type": "Polygon", "coordinates": [[[9.9, 52.1], [9.91, 52.1], [9.91, 52.11], [9.9, 52.1]]]}, None, None),
    ({"type": "Point", "coordinates": [9.9, 52.1, 80.0]}, "3d", None),
    ({"type": "Point", "coordinates": [500000, 5800000]}, None, "außerhalb gültiger Koordinaten"),
    ({"type": "MultiPoint", "coordinates": [[9.9, 52.1]]}, None, "Punkt, Linie oder Fläche"),
    ("{not json", None, "kein gültiges GeoJSON"),
    ({"type": "Point", "coordinates": []}, None, "keine gültige Geometrie"),
])
def test_geometry_checks(geom, kind, error):
    if error:
        with pytest.raises(RequestError, match=error):
            check_geometry(geom, kind)
    else:
        g, k = check_geometry(geom, kind)
        assert g is not None
        assert g["type"] == geom["type"] and k in ("point", "line", "area", "3d")


@pytest.mark.parametrize("data,error", [
    (b"MZ\x90\x00", "nur PDF, PNG oder JPEG"),
    (b"<svg onload=alert(1)>", "nur PDF, PNG oder JPEG"),
    (b"%PDF-" + b"x" * (2 * 1024 * 1024), "größer als"),
])
def test_attachment_checks(tmp_path, data, error):
    cfg = ParticipationConfig(db_url=f"sqlite:///{tmp_path / 'a.db'}", data_dir=tmp_path,
                              max_upload_bytes=1024 * 1024)
    p = Participation(cfg)
    p.upsert_procedure("bp", "BP", "", [], [("3_2", date(2020, 1, 1), date(2099, 1, 1))])
    with pytest.raises(RequestError, match=error):
        p.submit("bp", "x", consent=True, files=[("a.pdf", "application/pdf", data)])
    assert p.list_statements() == []


def test_submit_refuses_without_consent_or_text(part):
    with pytest.raises(RequestError, match="Einwilligung"):
        part.submit("bp1", "x", at=utc(2026, 6, 2))
    with pytest.raises(RequestError, match="Text"):
        part.submit("bp1", "   ", consent=True, at=utc(2026, 6, 2))
    with pytest.raises(NotFoundError):
        part.submit("nope", "x", consent=True)


def test_staff_argon2_roles_audit(part, tmp_path):
    part.add_staff("mod", "moderator", "ein langes Passwort")
    raw = sqlite3.connect(tmp_path / "p.db").execute("SELECT password_hash FROM staff").fetchone()[0]
    assert raw.startswith("$argon2id$") and "langes" not in raw
    with pytest.raises(AuthError):
        part.login("mod", "falsch")
    with pytest.raises(AuthError):
        part.login("niemand", "ein langes Passwort")
    token = part.login("mod", "ein langes Passwort")
    user = part.session_user(token)
    assert user == {"username": "mod", "role": "moderator"}
    r = part.submit("bp1", "x", consent=True, at=utc(2026, 6, 2))
    part.moderate(user, r["number"], "published")
    with pytest.raises(AuthError):
        part.note(user, r["number"], "moderators do not write planning notes")
    with pytest.raises(RequestError):
        part.add_staff("kurz", "planner", "short")
    actions = [a["action"] for a in part.audit_log()]
    assert actions[:2] == ["moderate:published", "login"] and "login:failed" in actions
    part.logout(token)
    assert part.session_user(token) is None


def test_retention_deletes_personal_data_only(part):
    r1 = part.submit("bp1", "früh", consent=True, name="A", email="a@x.de", at=utc(2026, 3, 5))
    r2 = part.submit("bp1", "formal", consent=True, name="B", email="b@x.de", at=utc(2026, 6, 5))
    n = part.purge_personal(days=30, at=utc(2026, 5, 15))  # § 3 (1) ended > 30 days ago, § 3 (2) not
    assert n == 1
    rows = {r["number"]: r for r in part.list_statements(with_personal=True)}
    assert rows[r1["number"]]["email"] is None and rows[r1["number"]]["text"] == "früh"
    assert rows[r2["number"]]["email"] == "b@x.de"


def test_export_csv_xlsx_pseudonymised(part):
    part.submit("bp1", "=HYPERLINK(\"http://evil\")", consent=True, email="p@x.de", at=utc(2026, 6, 2))
    part.submit("bp1", "zweite", consent=True, email="P@x.de ", at=utc(2026, 6, 3),
                geometry={"type": "Point", "coordinates": [9.9, 52.1]}, location_kind="point")
    cols, recs = X.rows(part, "bp1", pseudonymised=True, secret=b"k")
    body = X.to_csv(cols, recs).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body), delimiter=";"))
    assert "p@x.de" not in body and rows[0]["Pseudonym"] == rows[1]["Pseudonym"] != ""
    assert rows[0]["Stellungnahme"].startswith("'=")  # formula injection defused
    from openpyxl import load_workbook
    cols, recs = X.rows(part, "bp1", pseudonymised=False, secret=b"k")
    ws = load_workbook(io.BytesIO(X.to_xlsx(cols, recs))).active
    assert ws.max_row == 3 and [c.value for c in ws[1]][-1] == "E-Mail"
    gj = json.loads(X.to_geojson(part, "bp1"))
    assert len(gj["features"]) == 1 and gj["features"][0]["geometry"]["type"] == "Point"


def test_cli_staff_retention_export(tmp_path, monkeypatch):
    from gdi.commands.beteiligung import beteiligung
    monkeypatch.setenv("GDI_VAR", str(tmp_path / "var"))
    runner = CliRunner()
    r = runner.invoke(beteiligung, ["add-staff", "planerin", "--role", "planner", "--password", "sehr-geheim-123"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(beteiligung, ["retention", "--days", "0"])
    assert r.exit_code == 0 and "personal data deleted for 0 statements" in r.output
    out = tmp_path / "e.xlsx"
    r = runner.invoke(beteiligung, ["export", str(out), "--pseudonymised"])
    assert r.exit_code == 0 and out.read_bytes()[:2] == b"PK"
    db = get_db(f"sqlite:///{tmp_path / 'var' / 'participation' / 'beteiligung.db'}")
    with db.read() as c:
        actions = [r[0] for r in c.exec_driver_sql("SELECT action FROM audit ORDER BY id")]
    assert actions == ["staff:set", "retention", "export:xlsx"]


@pytest.mark.parametrize("periods,error", [
    ([("3_2", date(2026, 6, 1), date(2026, 6, 29))], "at least 30 days"),   # 29 days
    ([("3_1", date(2026, 6, 10), date(2026, 6, 1))], "ends before it starts"),
    ([("4_1", date(2026, 6, 1), date(2026, 7, 1))], "3_1 or 3_2"),
])
def test_procedure_period_rules(part, periods, error):
    with pytest.raises(RequestError, match=error):
        part.upsert_procedure("bp2", "BP 2", "", [], periods)
    part.upsert_procedure("bp2", "BP 2", "", [], [("3_2", date(2026, 6, 1), date(2026, 6, 30))])  # 30 days: ok


# -- issue 17: assignment to planners, German export values, 403 for the wrong role, receipt time --------
def test_assignment_stored_listed_exported_audited(part):
    part.add_staff("mod", "moderator", "ein langes Passwort")
    part.add_staff("anna", "planner", "ein langes Passwort")
    part.add_staff("ben", "planner", "ein langes Passwort")
    mod = {"username": "mod", "role": "moderator"}
    r1 = part.submit("bp1", "Lärmschutz fehlt", consent=True, at=utc(2026, 6, 2))
    r2 = part.submit("bp1", "Radweg", consent=True, at=utc(2026, 6, 3))
    assert part.planners() == ["anna", "ben"]
    part.assign(mod, r1["number"], "anna")
    rows = {r["number"]: r for r in part.list_statements("bp1", with_personal=True)}
    assert rows[r1["number"]]["assigned_to"] == "anna" and rows[r1["number"]]["assigned_by"] == "mod"
    assert rows[r2["number"]]["assigned_to"] is None
    assert [r["number"] for r in part.list_statements(assignee="anna")] == [r1["number"]]
    part.assign({"username": "anna", "role": "planner"}, r1["number"], "ben")   # re-assigned by a planner
    part.assign(mod, r2["number"], "anna")
    part.assign(mod, r2["number"], "")                                          # assignment removed
    cols, recs = X.rows(part, "bp1", pseudonymised=False, secret=b"k")
    body = X.to_csv(cols, recs).decode("utf-8-sig")
    out = {r["Nr."]: r for r in csv.DictReader(io.StringIO(body), delimiter=";")}
    assert out[r1["number"]]["Zuständig (Planung)"] == "ben" and out[r2["number"]]["Zuständig (Planung)"] == ""
    gj = json.loads(X.to_geojson(part, "bp1"))
    assert gj["features"] == []  # no locations: nothing to show on a map
    log = [(a["actor"], a["action"], a["statement_number"], a["detail"]) for a in part.audit_log()]
    assert log[:4] == [("mod", "assign:remove", r2["number"], "anna -> –"),
                       ("mod", "assign", r2["number"], "– -> anna"),
                       ("anna", "assign", r1["number"], "anna -> ben"),
                       ("mod", "assign", r1["number"], "– -> anna")]


@pytest.mark.parametrize("assignee,error", [
    ("mod", "nur an ein Konto der Planung"),       # a moderator's account
    ("niemand-da", "nur an ein Konto der Planung"),
    ("anna\x00", "Steuerzeichen"),
])
def test_assignment_refused(part, assignee, error):
    part.add_staff("mod", "moderator", "ein langes Passwort")
    part.add_staff("anna", "planner", "ein langes Passwort")
    r = part.submit("bp1", "x", consent=True, at=utc(2026, 6, 2))
    with pytest.raises(RequestError, match=error):
        part.assign({"username": "mod", "role": "moderator"}, r["number"], assignee)
    with pytest.raises(NotFoundError):
        part.assign({"username": "mod", "role": "moderator"}, "2026-999999", "anna")
    assert part.list_statements()[0]["assigned_to"] is None


def test_wrong_role_is_forbidden_not_unauthenticated(part):
    """A logged-in member of staff whose role lacks the right gets ForbiddenError (403 at the web edge)."""
    from services.participation.core import ForbiddenError
    r = part.submit("bp1", "x", consent=True, at=utc(2026, 6, 2))
    with pytest.raises(ForbiddenError, match="nur die Planung"):
        part.note({"username": "mod", "role": "moderator"}, r["number"], "Vermerk")
    for call in (lambda u: part.moderate(u, r["number"], "published"), lambda u: part.assign(u, r["number"], "")):
        with pytest.raises(ForbiddenError):
            call({"username": "gast", "role": "viewer"})
    assert part.statement(r["number"])["planner_note"] == "" and part.statement(r["number"])["moderation"] == "pending"


def test_export_values_german_geojson_machine(part):
    area = {"type": "Polygon", "coordinates": [[[9.9, 52.1], [9.91, 52.1], [9.91, 52.11], [9.9, 52.1]]]}
    r1 = part.submit("bp1", "eins", consent=True, at=utc(2026, 6, 2, 16, 33), geometry=area)
    r2 = part.submit("bp1", "zwei", consent=True, at=utc(2026, 7, 2))      # late
    part.moderate({"username": "mod", "role": "moderator"}, r1["number"], "published")
    part.moderate({"username": "mod", "role": "moderator"}, r2["number"], "rejected")
    part.submit("bp1", "drei", consent=True, at=utc(2026, 6, 4))
    cols, recs = X.rows(part, "bp1", pseudonymised=True, secret=b"k")
    rows = list(csv.DictReader(io.StringIO(X.to_csv(cols, recs).decode("utf-8-sig")), delimiter=";"))
    assert [r["Moderation"] for r in rows] == ["veröffentlicht", "nicht veröffentlicht", "offen"]
    assert [r["verspätet"] for r in rows] == ["nein", "ja", "nein"] and rows[0]["Kanal"] == "Internet"
    assert rows[0]["Ortsart"] == "Fläche" and rows[0]["Eingang (Ortszeit)"] == "02.06.2026 18:33"  # CEST
    from openpyxl import load_workbook
    ws = load_workbook(io.BytesIO(X.to_xlsx(cols, recs))).active
    header = [c.value for c in ws[1]]
    assert [ws.cell(i, header.index("Moderation") + 1).value for i in (2, 3, 4)] == \
        ["veröffentlicht", "nicht veröffentlicht", "offen"]
    props = json.loads(X.to_geojson(part, "bp1"))["features"][0]["properties"]
    assert props["moderation"] == "published" and props["moderation_label"] == "veröffentlicht"   # stable code + label
    assert props["location_kind"] == "area" and props["location_kind_label"] == "Fläche"


def test_receipt_local_time_summary_and_recipe(part):
    import hashlib

    from services.participation import receipt as RC
    long_text = "Bitte die Linde an der Ecke erhalten. " * 20
    r = part.submit("bp1", long_text, geometry={"type": "Point", "coordinates": [9.95, 52.15]}, location_kind="point",
                    consent=True, name="Erika", at=utc(2026, 6, 4, 16, 33, 26))
    plan = {"geltungsbereich": {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},
            "geometry": {"type": "Polygon", "coordinates": [[[9.9, 52.1], [10.0, 52.1], [10.0, 52.2], [9.9, 52.1]]]}}]}}
    v = RC.view(r, "Europe/Berlin", plan)
    assert v["received_local"] == "4. Juni 2026, 18:33 Uhr"                       # CEST
    assert RC.de_datetime("2026-12-04T16:33:26.312665Z") == "4. Dezember 2026, 17:33 Uhr"  # CET
    assert v["summary_shortened"] and v["summary"].endswith(" …") and len(v["summary"]) <= RC.SUMMARY_CHARS + 2
    assert long_text.startswith(v["summary"][:-2])
    assert v["location"] == "Punkt bei 52,15000° N, 9,95000° O – im Plangebiet (Geltungsbereich des Plans)"
    import base64
    data = base64.b64decode(v["hash_data_url"].split(",", 1)[1])
    assert hashlib.sha256(data).hexdigest() == r["content_hash"] and b"Erika" not in data
    checked = RC.check(part, r["number"], r["content_hash"].upper())
    assert checked is not None and checked["intact"] and checked["moderation"] == "offen"
    assert checked["hash_data_url"] == v["hash_data_url"]
    assert RC.check(part, r["number"], "0" * 64) is None and RC.check(part, "2026-999999", r["content_hash"]) is None
    with part.db.write() as c:   # the stored text changed after the receipt: the check says so
        c.exec_driver_sql("UPDATE statements SET text = 'anders'")
    changed = RC.check(part, r["number"], r["content_hash"])
    assert changed is not None and changed["intact"] is False


def test_migration_from_version_4_adds_assignments(tmp_path):
    from services.participation import db as D
    url = f"sqlite:///{tmp_path / 'v4.db'}"
    old = Database(url)
    with old.write() as c:  # a database as version 4 left it, with a statement in it
        D.schema_version.create(c)
        for m in D.MIGRATIONS[:4]:
            m(c)
        c.execute(D.schema_version.insert().values(version=4))
    old.engine.dispose()
    assert Database(url).migrate() == 4
    con = sqlite3.connect(tmp_path / "v4.db")
    assert con.execute("SELECT version FROM schema_version").fetchone()[0] == SCHEMA_VERSION == 5
    assert {r[1] for r in con.execute("PRAGMA table_info('assignments')")} == {
        "statement_id", "assignee", "assigned_by", "assigned_at"}


# -- issue 16: the write path under concurrency (write gate, group commit) ---------------------------------
def test_concurrent_submissions_all_stored_with_their_numbers(part):
    """8 threads x 25 statements (group commit: several statements share one COMMIT): every receipt is in the
    database under its number (the year and the row id), no number twice, every hash recomputes from the row."""
    import hashlib
    import threading

    from services.participation.core import canonical_content
    receipts: list[dict] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def client(i: int) -> None:
        try:
            mine = [part.submit("bp1", f"Client {i}, Nr. {k}", consent=True, at=utc(2026, 6, 2, 8)) for k in range(25)]
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
            return
        with lock:
            receipts.extend(mine)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(receipts) == 200
    rows = {r["number"]: r for r in part.list_statements()}
    assert len(rows) == 200 == len({r["number"] for r in receipts})
    for r in receipts:
        row = rows[r["number"]]
        assert r["number"] == f"2026-{row['id']:06d}" and row["text"] == r["text"]
        hashed = canonical_content("bp1", row["text"], row["geometry"], row["received_at"], [])
        assert hashlib.sha256(hashed).hexdigest() == row["content_hash"] == r["content_hash"]


def test_group_commit_keeps_the_others_when_one_work_fails(tmp_path):
    """Writers queued behind the write gate go into one transaction; a work that raises is rolled back to its
    savepoint and its own caller gets the error, the others are committed."""
    import threading
    import time

    from services.participation import db as D
    db = Database(f"sqlite:///{tmp_path / 'g.db'}")
    db.migrate()
    results: dict[int, object] = {}

    def work(i: int):
        def w(c):
            c.execute(D.audit.insert().values(at="t", actor=f"a{i}", action="test", detail=""))
            if i == 3:
                raise ValueError("kaputt")
            return i
        return w

    def writer(i: int) -> None:
        try:
            results[i] = db.write_grouped(work(i))
        except ValueError as exc:
            results[i] = exc

    assert db._gate is not None and db._group is not None
    threads = [threading.Thread(target=writer, args=(i,)) for i in range(6)]
    with db._gate.hold():  # this thread holds the gate: all six queue behind it, then commit as one group
        for t in threads:
            t.start()
        deadline = time.monotonic() + 20
        while len(db._group._queue) < 6 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert len(db._group._queue) == 6
    for t in threads:
        t.join(20)
    assert isinstance(results[3], ValueError) and all(results[i] == i for i in (0, 1, 2, 4, 5))
    with db.read() as c:
        actors = {r[0] for r in c.exec_driver_sql("SELECT actor FROM audit WHERE action = 'test'")}
    assert actors == {"a0", "a1", "a2", "a4", "a5"}


def test_write_gate_between_processes_waits_then_times_out(tmp_path):
    """Two gates on one lock file (two processes: two open file descriptions) exclude each other; a waiter
    goes on as soon as the holder is done, and gives up with 'database is locked' after its timeout."""
    import threading
    import time

    from services.participation.gate import WriteGate
    path = tmp_path / "x.db.writelock"
    a, b, impatient = WriteGate(path), WriteGate(path), WriteGate(path, timeout=0.2)
    entered = threading.Event()

    def take_b() -> None:
        with b.hold():
            entered.set()

    with a.hold():
        t = threading.Thread(target=take_b)
        t.start()
        with pytest.raises(sqlite3.OperationalError, match="database is locked"), impatient.hold():
            pass
        time.sleep(0.2)
        assert not entered.is_set()
    t.join(10)
    assert entered.is_set()


def test_submit_with_procedure_read_before_judges_the_period_at_receipt(part):
    """The web form hands the procedure it read to submit (no second read); the periods are judged again at
    the time of receipt: read at 23:59 on the last day, received at 00:00, the statement is late."""
    proc = part.procedure("bp1", utc(2026, 3, 31, 21, 59))
    assert proc["accepting"] == "open"
    r = part.submit("bp1", "knapp", consent=True, at=utc(2026, 3, 31, 22, 0), procedure=proc)
    assert r["late"] is True and part.statement(r["number"])["period_kind"] == "3_1"
    with pytest.raises(NotFoundError):  # a procedure of another id is not taken for this one
        part.submit("gibt-es-nicht", "x", consent=True, procedure=proc)


def test_plan_wms_layers_own_else_primary():
    from services.participation.core import plan_wms_layers
    assert plan_wms_layers({"wms_layers": ["PLU.ZoningElement.x", "PLU.SupplementaryRegulation.x_sr"]}) == \
        "PLU.ZoningElement.x,PLU.SupplementaryRegulation.x_sr"
    assert plan_wms_layers({"wms_layers": []}) == plan_wms_layers(None) == \
        "PLU.ZoningElement,PLU.SupplementaryRegulation"
