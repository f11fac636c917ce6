"""Issue 6 item 4: loading the records into pycsw without a running server, and the sidecar on its own."""
from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from core.errors import PublicationError
from metadata.ids import dataset_record_id
from metadata.records import read_index
from services.csw import sidecar
from services.csw.config import config_path, db_path, pycsw_python, read_state
from services.csw.load import load_records


@pytest.fixture
def copy_settings(demo_settings, tmp_path):
    """A private var dir holding a copy of the demo's metadata records (the session's catalogue stays untouched)."""
    # the SQLite repositories of the embedded store; the PostgreSQL loader: tests/test_csw_postgres.py (a copy on
    # the session's PostGIS database would replace the catalogue the session's server reads)
    settings = demo_settings.model_copy(update={"var_dir": tmp_path / "var", "store": "gpkg"})
    shutil.copytree(demo_settings.var_dir / "metadata", settings.var_dir / "metadata")
    return settings


def _ids(db) -> dict[str, str]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("select identifier, type from records").fetchall())


def test_pycsw_venv_is_separate():
    assert pycsw_python().exists(), "scripts/setup.sh builds .venv-pycsw from services/csw/requirements.txt"


def test_load_public_records_only_and_all_for_staff(copy_settings):
    summary = load_records(copy_settings)
    index = read_index(copy_settings)
    public = {e["id"] for e in index if e["access"] == "public"}
    assert summary["loaded"] == summary["files"] == len(public)
    ids = _ids(db_path(copy_settings))
    assert set(ids) == public
    assert {ids[e["id"]] for e in index if e["kind"] == "service"} == {"service"}
    for e in index:
        if e["access"] == "restricted":
            assert dataset_record_id(e["name"]) not in ids
    staff_ids = _ids(db_path(copy_settings, staff=True))
    assert set(staff_ids) == {e["id"] for e in index}
    cfg = config_path(copy_settings).read_text()
    assert "gzip_compresslevel" not in cfg and "language = en-US" in cfg and "default_language = ger" in cfg


def test_reload_replaces_the_repository(copy_settings):
    load_records(copy_settings)
    first = set(_ids(db_path(copy_settings)))
    victim = min((copy_settings.var_dir / "metadata").glob("*.xml"))
    victim.unlink()
    load_records(copy_settings)
    assert set(_ids(db_path(copy_settings))) == first - {victim.stem}


def test_a_record_pycsw_cannot_read_fails_the_load_and_keeps_the_old_repository(copy_settings):
    load_records(copy_settings)
    before = _ids(db_path(copy_settings))
    (copy_settings.var_dir / "metadata" / "broken.xml").write_text("<gmd:MD_Metadata")
    with pytest.raises(PublicationError) as exc:
        load_records(copy_settings)
    assert "broken.xml" in str(exc.value)
    assert _ids(db_path(copy_settings)) == before


def test_sidecar_serves_and_stops(copy_settings):
    load_records(copy_settings)
    proc = sidecar.start(copy_settings)
    assert proc is not None, "the pycsw sidecar did not start (pycsw venv missing?)"
    try:
        state = read_state(copy_settings)
        assert state is not None, "the sidecar wrote no state"
        port = state["port"]
        r = requests.get(f"http://127.0.0.1:{port}/", params={"service": "CSW", "version": "2.0.2",
                                                               "request": "GetCapabilities"}, timeout=60)
        assert r.status_code == 200 and b"inspire_ds:ExtendedCapabilities" in r.content
        assert r.headers.get("Content-Encoding") is None
        # the staff repository needs the proxy's token
        q = {"service": "CSW", "version": "2.0.2", "request": "GetCapabilities"}
        assert requests.get(f"http://127.0.0.1:{port}/staff", params=q, timeout=60).status_code == 403
        wrong = requests.get(f"http://127.0.0.1:{port}/staff", params=q, headers={"X-Gdi-Staff": "x"}, timeout=60)
        assert wrong.status_code == 403
        ok = requests.get(f"http://127.0.0.1:{port}/staff", params=q, timeout=60,
                          headers={"X-Gdi-Staff": state["staff_token"]})
        assert ok.status_code == 200 and "intern" in ok.text
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    assert proc.returncode is not None


def test_sidecar_dies_with_a_killed_parent(copy_settings, tmp_path):
    """A SIGKILLed ``gdi serve`` cannot stop its sidecars; PR_SET_PDEATHSIG must end pycsw anyway."""
    load_records(copy_settings)
    script = tmp_path / "parent.py"
    script.write_text(
        "import json, sys, time\n"
        "from core.config import Settings\n"
        "from services.csw import sidecar\n"
        f"s = Settings.model_validate_json({copy_settings.model_dump_json()!r})\n"
        "p = sidecar.start(s)\n"
        "print(json.dumps({'pid': p.pid}), flush=True)\n"
        "time.sleep(600)\n")
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True,
                              cwd=str(Path(__file__).resolve().parent.parent))
    assert parent.stdout is not None
    child = json.loads(parent.stdout.readline())["pid"]
    assert Path(f"/proc/{child}").exists()
    workers: list[int] = []  # the supervisor's pycsw worker processes (GDI_CSW_WORKERS, default: the cores)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and (os.cpu_count() or 1) > 1 and not workers:
        workers = [int(p) for p in Path(f"/proc/{child}/task/{child}/children").read_text().split()]
        time.sleep(0.2)
    assert workers or (os.cpu_count() or 1) == 1, "the sidecar forked no pycsw workers"
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(_alive(p) for p in (child, *workers)):
        time.sleep(0.2)
    alive = [p for p in (child, *workers) if _alive(p)]
    for p in alive:
        os.kill(p, signal.SIGKILL)
    assert not alive, "pycsw sidecar (supervisor or workers) outlived its SIGKILLed parent"


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


def _children(pid: int) -> set[int]:
    out = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            out.add(int(stat.parent.name))
    return out


def _matched(port: int) -> int:
    import re
    r = requests.get(f"http://127.0.0.1:{port}/", timeout=60, params={
        "service": "CSW", "version": "2.0.2", "request": "GetRecords", "typeNames": "csw:Record",
        "resultType": "hits", "elementSetName": "brief"})
    assert r.status_code == 200, r.text[:300]
    m = re.search(r'numberOfRecordsMatched="(\d+)"', r.text)
    assert m, r.text[:500]
    return int(m.group(1))


def test_sidecar_workers_all_see_a_reload_and_are_kept_n_strong(copy_settings, monkeypatch):
    """Issue 16: pycsw runs as GDI_CSW_WORKERS processes on one port, each keeping the reflected repository
    table between requests. Every one of them must answer from the new repository file after a load (the
    file is replaced by rename: a new inode), a killed worker is replaced, and stopping the sidecar ends all."""
    from concurrent.futures import ThreadPoolExecutor
    monkeypatch.setenv("GDI_CSW_WORKERS", "3")
    load_records(copy_settings)
    proc = sidecar.start(copy_settings)
    assert proc is not None
    try:
        state = read_state(copy_settings)
        assert state is not None
        port = state["port"]
        deadline = time.monotonic() + 30
        while len(_children(proc.pid)) < 3 and time.monotonic() < deadline:
            time.sleep(0.1)
        workers = _children(proc.pid)
        assert len(workers) == 3, workers
        with ThreadPoolExecutor(12) as pool:  # concurrent, so every worker answers (and keeps its table)
            before = set(pool.map(lambda _: _matched(port), range(48)))
        assert len(before) == 1
        victim = min((copy_settings.var_dir / "metadata").glob("*.xml"))
        victim.unlink()
        load_records(copy_settings)
        with ThreadPoolExecutor(12) as pool:
            after = list(pool.map(lambda _: _matched(port), range(48)))
        assert set(after) == {before.pop() - 1}, after
        gone = min(workers)
        os.kill(gone, signal.SIGKILL)
        deadline = time.monotonic() + 30
        while (gone in _children(proc.pid) or len(_children(proc.pid)) < 3) and time.monotonic() < deadline:
            time.sleep(0.1)
        now = _children(proc.pid)
        assert len(now) == 3 and gone not in now, now
        assert _matched(port) == after[0]
    finally:
        workers = _children(proc.pid)
        proc.terminate()
        proc.wait(timeout=30)
    deadline = time.monotonic() + 30
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = [w for w in workers if _alive(w)]
    for w in left:
        os.kill(w, signal.SIGKILL)
    assert not left, f"pycsw workers outlived the sidecar: {left}"


GETRECORDS = {"service": "CSW", "version": "2.0.2", "request": "GetRecords", "typeNames": "csw:Record",
              "resultType": "results", "elementSetName": "brief", "maxRecords": "100"}


@pytest.fixture
def client(copy_settings):
    """The /csw proxy app (werkzeug test client) in front of a running pycsw sidecar on the loaded copy."""
    from werkzeug.test import Client

    from services.csw.app import create
    load_records(copy_settings)
    proc = sidecar.start(copy_settings)
    assert proc is not None, "the pycsw sidecar did not start"
    try:
        yield Client(create(copy_settings))
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_public_answers_are_kept_until_the_next_load(copy_settings, client):
    """The /csw proxy keeps public answers per repository generation: the same GetRecords again comes from
    the kept answer (fresh SearchStatus timestamp), a reload of the repository is seen by the next request,
    staff answers are never kept."""
    import re

    q = dict(GETRECORDS)
    first = client.get("/", query_string=q)
    again = client.get("/", query_string=q)
    assert first.status_code == again.status_code == 200
    assert (first.headers["X-GDI-Cache"], again.headers["X-GDI-Cache"]) == ("miss", "hit")
    stamp = re.compile(rb'timestamp="[^"]*"')
    assert stamp.sub(b"", first.data) == stamp.sub(b"", again.data)
    victim = min((copy_settings.var_dir / "metadata").glob("*.xml"))
    assert victim.stem.encode() in again.data
    victim.unlink()
    load_records(copy_settings)
    after = client.get("/", query_string=q)
    assert after.headers["X-GDI-Cache"] == "miss" and victim.stem.encode() not in after.data
    assert client.get("/", query_string=q).headers["X-GDI-Cache"] == "hit"
    # a POST body is part of the key
    body = (b'<csw:GetRecordById xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" service="CSW" '
            b'version="2.0.2"><csw:Id>' + victim.stem.encode() + b'</csw:Id></csw:GetRecordById>')
    r = client.post("/", data=body, content_type="application/xml")
    assert r.status_code == 200 and r.headers["X-GDI-Cache"] == "miss"
    again = client.post("/", data=body, content_type="application/xml")
    assert again.headers["X-GDI-Cache"] == "hit" and stamp.sub(b"", again.data) == stamp.sub(b"", r.data)
    assert "ETag" not in r.headers  # conditional requests: GET only
    # an Acknowledgement echoes the request and carries its own time: never kept
    validate = {**q, "resultType": "validate"}
    assert b"Acknowledgement" in client.get("/", query_string=validate).data
    assert client.get("/", query_string=validate).headers["X-GDI-Cache"] == "miss"


def test_conditional_requests_until_the_next_load(copy_settings, client):
    """Issue 16: a public GET answer carries a weak ETag of its key; If-None-Match with it gets 304 without a
    body until the next load, then the full new answer with a new tag. Staff answers get no tag."""
    q = dict(GETRECORDS)
    first = client.get("/", query_string=q)
    tag = first.headers["ETag"]
    assert first.status_code == 200 and tag.startswith('W/"') and first.headers["Cache-Control"] == "no-cache"
    assert client.get("/", query_string=q).headers["ETag"] == tag  # from the kept answer: the same tag
    for sent in (tag, tag.removeprefix("W/"), f'"other", {tag}'):
        nm = client.get("/", query_string=q, headers={"If-None-Match": sent})
        assert nm.status_code == 304 and nm.data == b"" and nm.headers["ETag"] == tag, sent
    for sent in ('"other"', "*"):
        assert client.get("/", query_string=q, headers={"If-None-Match": sent}).status_code == 200
    other = client.get("/", query_string={**q, "maxRecords": "1"})
    assert other.headers["ETag"] != tag
    victim = min((copy_settings.var_dir / "metadata").glob("*.xml"))
    victim.unlink()
    load_records(copy_settings)
    after = client.get("/", query_string=q, headers={"If-None-Match": tag})
    assert after.status_code == 200 and after.headers["ETag"] != tag and victim.stem.encode() not in after.data
    # an exception report gets no tag (and is not kept)
    bad = client.get("/", query_string={**q, "typeNames": "nosuch:Type"})
    assert b"ExceptionReport" in bad.data and "ETag" not in bad.headers


@pytest.mark.parametrize("body, secret", [
    # an external entity must not be resolved (its file's text never reaches the answer)
    (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
     b'<csw:GetRecordById xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" service="CSW" version="2.0.2">'
     b'<csw:Id>&e;</csw:Id></csw:GetRecordById>', b"root:"),
    # nested entities (billion laughs) must not be expanded
    (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
     b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
     b'<csw:GetRecordById xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" service="CSW" version="2.0.2">'
     b'<csw:Id>&d;</csw:Id></csw:GetRecordById>', b"aaaaaaaaaaaaaaaaaaaa"),
])
def test_hostile_xml_is_never_expanded(copy_settings, client, body, secret):
    """The several pycsw workers and the answer cache change nothing for hostile POST bodies: entities stay
    unresolved, asked once (pycsw) or again (the kept answer)."""
    for _ in range(2):
        r = client.post("/", data=body, content_type="application/xml")
        assert r.status_code in (200, 400) and secret not in r.data
        assert len(r.data) < 20_000
