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
