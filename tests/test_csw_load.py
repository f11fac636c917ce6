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
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and _alive(child):
        time.sleep(0.2)
    if _alive(child):
        os.kill(child, signal.SIGKILL)
        pytest.fail("pycsw sidecar outlived its SIGKILLed parent")


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


def test_public_answers_are_kept_until_the_next_load(copy_settings):
    """The /csw proxy keeps public answers per repository generation: the same GetRecords again comes from
    the kept answer (fresh SearchStatus timestamp), a reload of the repository is seen by the next request,
    staff answers are never kept."""
    import re

    from werkzeug.test import Client

    from services.csw.app import create
    load_records(copy_settings)
    proc = sidecar.start(copy_settings)
    assert proc is not None
    try:
        client = Client(create(copy_settings))
        q = {"service": "CSW", "version": "2.0.2", "request": "GetRecords", "typeNames": "csw:Record",
             "resultType": "results", "elementSetName": "brief", "maxRecords": "100"}
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
    finally:
        proc.terminate()
        proc.wait(timeout=30)
