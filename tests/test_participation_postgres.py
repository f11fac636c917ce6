"""The participation storage on a real PostgreSQL 15 server (a throw-away cluster started per module).

Same code path as the app: ``ParticipationConfig.db_url`` / ``GDI_BETEILIGUNG_DB`` set to a
``postgresql+psycopg://`` URL. The SQLite tests of ``test_participation_core`` that only use the
``part`` fixture are imported and run again here against PostgreSQL (pytest resolves ``part`` to the
fixture of this module); PostgreSQL-specific checks (migrations, concurrent writers) follow.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest
import requests
from click.testing import CliRunner
from sqlalchemy import text

from services.errors import AuthError
from services.participation import db as D
from services.participation.config import ParticipationConfig
from services.participation.core import Participation
from services.participation.db import SCHEMA_VERSION, Database, get_db
from tests.conftest import free_port
from tests.pgcluster import cluster, missing_binaries, new_database
from tests.test_participation_core import (  # noqa: F401  (collected again here, with the PostgreSQL `part`)
    test_assignment_refused,
    test_assignment_stored_listed_exported_audited,
    test_export_csv_xlsx_pseudonymised,
    test_export_values_german_geojson_machine,
    test_periods_by_berlin_clock,
    test_procedure_period_rules,
    test_receipt_hash_covers_content,
    test_receipt_local_time_summary_and_recipe,
    test_retention_deletes_personal_data_only,
    test_submit_refuses_without_consent_or_text,
    test_wrong_role_is_forbidden_not_unauthenticated,
    utc,
)
from tests.test_participation_web import (
    PID,
    _csrf,
    _env,
    _prepare,
    _receipt,
    _staff_session,
    _start,
    _stop,
    _submit,
)


@pytest.fixture(scope="module")
def pg_server() -> Iterator[str]:
    """A real PostgreSQL server on 127.0.0.1:<free port>; yields the URL prefix without database name."""
    missing = missing_binaries()
    if missing:
        pytest.fail(f"PostgreSQL server binaries missing ({', '.join(missing)}): "
                    "apt-get install postgresql (scripts/setup.sh does) or set GDI_PG_BIN")
    with cluster() as server:
        yield server.replace("postgresql://", "postgresql+psycopg://")


@pytest.fixture
def pg_url(pg_server) -> Iterator[str]:
    """A new, empty database per test (so numbering and migrations start from scratch)."""
    url = new_database(pg_server.replace("postgresql+psycopg://", "postgresql://"), prefix="beteiligung")
    url = url.replace("postgresql://", "postgresql+psycopg://")
    yield url
    db = D._DBS.pop(url, None)
    if db is not None:
        db.engine.dispose()


@pytest.fixture
def part(pg_url, tmp_path) -> Participation:
    """As ``test_participation_core.part``, on PostgreSQL."""
    p = Participation(ParticipationConfig(db_url=pg_url, data_dir=tmp_path))
    p.upsert_procedure("bp1", "BP 1", "Bekanntmachung", [{"title": "Plan", "url": "/x.pdf"}],
                       [("3_1", date(2026, 3, 1), date(2026, 3, 31)), ("3_2", date(2026, 6, 1), date(2026, 6, 30))])
    return p


def test_server_is_postgresql(part):
    assert part.db.engine.dialect.name == "postgresql" and not part.db.is_sqlite
    with part.db.read() as c:
        assert c.execute(text("SELECT version()")).scalar().startswith("PostgreSQL 15")


def test_migrations_from_scratch(pg_url):
    db = Database(pg_url)
    assert db.migrate() == 0
    assert db.migrate() == SCHEMA_VERSION  # idempotent
    with db.read() as c:
        assert c.execute(text("SELECT version FROM schema_version")).scalar_one() == SCHEMA_VERSION
        tables = set(c.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars())
        indexes = set(c.execute(text("SELECT indexname FROM pg_indexes WHERE tablename = 'statements'")).scalars())
    assert tables >= {"schema_version", "procedures", "periods", "statements", "personal", "attachments",
                      "staff", "sessions", "audit"}
    assert "ix_statements_received" in indexes
    db.engine.dispose()


def test_migration_from_version_1(pg_url):
    old = Database(pg_url)
    with old.write() as c:  # a database as version 1 left it
        D.schema_version.create(c)
        D.MIGRATIONS[0](c)
        c.execute(D.schema_version.insert().values(version=1))
    old.engine.dispose()
    db = Database(pg_url)
    assert db.migrate() == 1
    with db.read() as c:
        assert c.execute(text("SELECT version FROM schema_version")).scalar_one() == SCHEMA_VERSION
        ix = c.execute(text("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_statements_received'")).scalar()
        assert ix == 1
    db.engine.dispose()


def test_migration_from_version_4_adds_assignments(pg_url):
    """Migration 5 (assignments) on a PostgreSQL database that version 4 left, with statements in it."""
    old = Database(pg_url)
    with old.write() as c:
        D.schema_version.create(c)
        for m in D.MIGRATIONS[:4]:
            m(c)
        c.execute(D.schema_version.insert().values(version=4))
        c.execute(D.procedures.insert().values(id="bp", title="BP", announcement="", documents="[]", created_at="x"))
        c.execute(D.statements.insert().values(number="2026-000001", procedure_id="bp", channel="web", text="t",
                                               received_at="2026-06-01T00:00:00.000000Z", content_hash="0" * 64,
                                               consent_version="2026-01", moderation="pending", planner_note=""))
    old.engine.dispose()
    db = Database(pg_url)
    assert db.migrate() == 4
    with db.read() as c:
        assert c.execute(text("SELECT version FROM schema_version")).scalar_one() == SCHEMA_VERSION == 5
        cols = set(c.execute(text("SELECT column_name FROM information_schema.columns "
                                  "WHERE table_name = 'assignments'")).scalars())
    assert cols == {"statement_id", "assignee", "assigned_by", "assigned_at"}
    db.engine.dispose()
    p = Participation(ParticipationConfig(db_url=pg_url, data_dir=Path("/nonexistent")))
    p.add_staff("anna", "planner", "ein langes Passwort")
    p.assign({"username": "mod", "role": "moderator"}, "2026-000001", "anna")
    assert p.list_statements()[0]["assigned_to"] == "anna"
    D._DBS.pop(pg_url).engine.dispose()


def test_concurrent_first_migration(pg_url):
    """Several workers start on an empty database at once: one migrates, the others wait (advisory lock)."""
    dbs = [Database(pg_url) for _ in range(4)]
    found: list[int] = []
    errors: list[BaseException] = []

    def run(db: Database) -> None:
        try:
            found.append(db.migrate())
        except BaseException as e:  # noqa: BLE001 - reported by the assertion below
            errors.append(e)

    threads = [threading.Thread(target=run, args=(db,)) for db in dbs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(found) == [0] + [SCHEMA_VERSION] * 3
    with dbs[0].read() as c:
        assert c.execute(text("SELECT count(*) FROM schema_version")).scalar() == 1
    for db in dbs:
        db.engine.dispose()


def test_staff_argon2_moderation_audit(part):
    part.add_staff("mod", "moderator", "ein langes Passwort")
    with part.db.read() as c:
        raw = c.execute(text("SELECT password_hash FROM staff")).scalar_one()
    assert raw.startswith("$argon2id$") and "langes" not in raw
    with pytest.raises(AuthError):
        part.login("mod", "falsch")
    token = part.login("mod", "ein langes Passwort")
    user = part.session_user(token)
    assert user == {"username": "mod", "role": "moderator"}
    r = part.submit("bp1", "x", consent=True, at=utc(2026, 7, 2))  # after the last period: late
    assert r["late"] is True
    part.moderate(user, r["number"], "published")
    assert part.statement(r["number"])["moderation"] == "published"
    assert [s["number"] for s in part.public_statements("bp1")] == [r["number"]]
    with pytest.raises(AuthError):
        part.note(user, r["number"], "moderators do not write planning notes")
    log = part.audit_log()
    assert [a["action"] for a in log[:2]] == ["moderate:published", "login"]
    assert log[0]["statement_number"] == r["number"] and "login:failed" in [a["action"] for a in log]
    part.logout(token)
    assert part.session_user(token) is None


def test_cli_with_env_url(pg_url, tmp_path, monkeypatch):
    """``gdi beteiligung`` pointed at PostgreSQL the way an installation does it: GDI_BETEILIGUNG_DB."""
    from gdi.commands.beteiligung import beteiligung
    monkeypatch.setenv("GDI_VAR", str(tmp_path / "var"))
    monkeypatch.setenv("GDI_BETEILIGUNG_DB", pg_url)
    runner = CliRunner()
    r = runner.invoke(beteiligung, ["migrate"])
    assert r.exit_code == 0 and pg_url in r.output, r.output
    r = runner.invoke(beteiligung, ["add-staff", "planerin", "--role", "planner", "--password", "sehr-geheim-123"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(beteiligung, ["retention", "--days", "0"])
    assert r.exit_code == 0 and "personal data deleted for 0 statements" in r.output, r.output
    out = tmp_path / "e.csv"
    r = runner.invoke(beteiligung, ["export", str(out), "--pseudonymised"])
    assert r.exit_code == 0 and out.read_bytes().startswith("\ufeffNr.;".encode()), r.output
    with get_db(pg_url).read() as c:
        actions = list(c.execute(text("SELECT action FROM audit ORDER BY id")).scalars())
    assert actions == ["staff:set", "retention", "export:csv"]
    assert not (tmp_path / "var" / "participation" / "beteiligung.db").exists()  # nothing went to SQLite


def test_concurrent_writers_lose_nothing(part):
    """8 threads x 25 statements through one Participation (one engine pool, like a threaded worker)."""
    per_thread, n_threads = 25, 8
    receipts: list[dict] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def writer(i: int) -> None:
        try:
            for j in range(per_thread):
                g = {"type": "Point", "coordinates": [9.9 + i / 100, 52.1 + j / 1000]}
                r = part.submit("bp1", f"Thread {i} Nr. {j} – Grünfläche", geometry=g, consent=True,
                                email=f"t{i}@example.org", at=utc(2026, 6, 10, 12))
                with lock:
                    receipts.append(r)
        except BaseException as e:  # noqa: BLE001 - reported by the assertion below
            errors.append(e)

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(n_threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    rows = part.list_statements("bp1", with_personal=True)
    assert len(rows) == len(receipts) == per_thread * n_threads
    assert {r["number"] for r in rows} == {r["number"] for r in receipts}
    by_number = {r["number"]: r for r in receipts}
    for row in rows:  # recompute each content hash from what is stored
        content = {"procedure": "bp1", "text": row["text"], "geometry": row["geometry"],
                   "received_at": row["received_at"], "attachments": []}
        h = hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False,
                                      separators=(",", ":")).encode()).hexdigest()
        assert h == row["content_hash"] == by_number[row["number"]]["content_hash"]
        assert row["email"].startswith("t")


def test_served_app_on_postgresql(pg_url, tmp_path):
    """A real ``gdi serve`` (gunicorn, 2 workers migrating the empty database at once) on PostgreSQL:
    receipts over HTTP are in PostgreSQL, moderation shows in the public API, parallel posts are all kept."""
    env = _env(tmp_path / "var", free_port(), GDI_BETEILIGUNG_DB=pg_url, GDI_BETEILIGUNG_RATE="0")
    proc = _start(env, tmp_path / "serve.log")  # start first: the workers create the schema
    try:
        _prepare(env)
        base = f"http://127.0.0.1:{env['GDI_PORT']}/beteiligung"
        _, r = _submit(base, "Bitte Radweg verbreitern.", name="Erika Muster", email="erika@example.org")
        assert r.status_code == 200, r.text[:400]
        rec = _receipt(r.text)
        with ThreadPoolExecutor(4) as ex:
            codes = list(ex.map(lambda i: _submit(base, f"Parallel {i}")[1].status_code, range(20)))
        assert codes == [200] * 20
        staff = _staff_session(base, "moderation")
        tok = _csrf(staff, f"{base}/staff")
        assert staff.post(f"{base}/staff/moderate/{rec['number']}",
                          data={"csrf": tok, "decision": "published"}).status_code == 200
        pub = requests.get(f"{base}/api/verfahren/{PID}/stellungnahmen.geojson").text
        assert rec["number"] in pub and "erika@example.org" not in pub
        # assignment to a planner and the German export, over HTTP, stored in PostgreSQL
        assert staff.post(f"{base}/staff/assign/{rec['number']}",
                          data={"csrf": tok, "assignee": "planung"}).status_code == 200
        assert staff.post(f"{base}/staff/note/{rec['number']}", data={"csrf": tok, "note": "x"}).status_code == 403
        body = staff.get(f"{base}/staff/export.csv").content.decode("utf-8-sig")
        row = next(r for r in csv.DictReader(io.StringIO(body), delimiter=";") if r["Nr."] == rec["number"])
        assert row["Zuständig (Planung)"] == "planung" and row["Moderation"] == "veröffentlicht"
    finally:
        _stop(proc)
    p = Participation(ParticipationConfig(db_url=pg_url, data_dir=tmp_path / "var" / "participation"))
    rows = p.list_statements(PID, with_personal=True)
    assert len(rows) == 21 and len({r["number"] for r in rows}) == 21
    row = next(r for r in rows if r["number"] == rec["number"])
    assert row["content_hash"] == rec["hash"] and row["email"] == "erika@example.org"
    assert row["moderation"] == "published" and row["assigned_to"] == "planung"
    assert [a["action"] for a in p.audit_log() if a["statement_number"] == rec["number"]][:1] == ["assign"]
    assert not (tmp_path / "var" / "participation" / "beteiligung.db").exists()  # nothing went to SQLite


def test_rate_limit_shared_by_web_nodes(pg_url):
    """Two web nodes (two RateLimiter objects with their own engines, as two hosts would have) on one
    PostgreSQL database share one budget per key; the window slides; other keys are independent."""
    from services.participation.security import RateLimiter
    node_a, node_b = Database(pg_url), Database(pg_url)
    node_a.migrate()
    a = RateLimiter(5, 600, db=node_a)
    b = RateLimiter(5, 600, db=node_b)
    with ThreadPoolExecutor(8) as ex:
        results = list(ex.map(lambda i: (a if i % 2 else b).allow("ip:203.0.113.7"), range(12)))
    assert results.count(True) == 5  # not 5 per node
    assert not a.allow("ip:203.0.113.7") and not b.allow("ip:203.0.113.7")
    assert a.allow("ip:198.51.100.1")  # another client has its own budget
    with node_a.write() as c:  # the window slides: hits older than the window no longer count
        c.execute(text("UPDATE rate_hits SET t = t - 601 WHERE key = 'ip:203.0.113.7'"))
    assert b.allow("ip:203.0.113.7")
    with node_b.read() as c:
        n = c.execute(text("SELECT count(*) FROM rate_hits WHERE key = 'ip:203.0.113.7'")).scalar_one()
    assert n == 1  # the old hits were removed, the new one stored
    node_a.engine.dispose()
    node_b.engine.dispose()


def test_two_app_nodes_share_login_limits(pg_url, tmp_path, monkeypatch):
    """Two instances of the app (two web nodes, each with its own var dir) on one PostgreSQL database:
    failed staff logins (account and address) are counted across both nodes."""
    from core.config import load_settings
    from services.participation import security
    from services.participation.app import create
    monkeypatch.setenv("GDI_BETEILIGUNG_DB", pg_url)
    monkeypatch.setenv("GDI_BETEILIGUNG_RATE", "3")
    clients = []
    for node in ("a", "b"):
        monkeypatch.setenv("GDI_VAR", str(tmp_path / node))
        settings = load_settings()
        app = create(settings)
        secret = security.load_secret(settings.var_dir / "participation")
        client = app.test_client()
        client.environ_base["REMOTE_ADDR"] = "192.0.2.10"
        client.set_cookie(security.SID_COOKIE, "sid-" + node)
        clients.append((client, security.csrf_token(secret, "sid-" + node)))
    codes = [c.post("/staff/login", data={"username": "nobody", "password": "wrong", "csrf": t}).status_code
             for c, t in (clients[0], clients[1]) * 3]
    assert codes == [401] * 5 + [429]  # 5 failures of one account from one address in total, not 5 per node
    assert not (tmp_path / "a" / "participation" / "ratelimit.db").exists()
