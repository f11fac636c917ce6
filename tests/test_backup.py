"""``gdi backup`` / ``gdi restore`` through the real parts (docs/backup.md).

A demo installation of its own (``gdi demo --no-serve``, small city model) in a temporary var dir, on the
store of the pass (``store_url``: GeoPackage, or a fresh PostGIS database on the session's throw-away cluster;
on PostGIS the participation database is PostgreSQL too), served by a real ``gdi serve``. Statements are
submitted over HTTP by a thread WHILE ``gdi backup`` runs; the backup is restored into a fresh var dir (and
fresh databases), a second ``gdi serve`` is started on it, and the two installations are compared through
their services: OGC API ``numberMatched`` of every collection (public and staff), the SHA-256 of every
download file, the 3D tiles, the CSW record count, and the statements with their receipts (number and
content hash) and attachments. A damaged backup is refused naming the file; a non-empty target is refused
without ``--force``.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

import pytest
import requests

from gdi import server as gdi_server
from tests.conftest import GDI, ROOT, SCHEMAS, free_port

PW = "Backup-Passwort-2026!"
PID = "bplan_lerchenfeld"   # the demo procedure (services/participation/demo.py)


def _pg_server(store_url: str) -> str:
    return store_url.rsplit("/", 1)[0]


def _env(var: Path, *, store: str, part_db: str | None, settings: Path, datasets: Path | None = None) -> dict[str, str]:
    env = dict(os.environ, GDI_VAR=str(var), GDI_PORT=str(free_port()), GDI_SCHEMAS=str(SCHEMAS),
               GDI_DEMO_BUILDINGS="3000", GDI_STORE=store, GDI_DEMO_STAFF_PASSWORD=PW, GDI_BETEILIGUNG_RATE="0",
               GDI_SETTINGS=str(settings))
    for k in ("GDI_BETEILIGUNG_DB", "GDI_DATASETS", "GDI_RUN_DIR"):
        env.pop(k, None)
    if part_db:
        env["GDI_BETEILIGUNG_DB"] = part_db
    if datasets is not None:
        env["GDI_DATASETS"] = str(datasets)
    return env


def _gdi(env: dict[str, str], *args: str, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    return subprocess.run([GDI, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout,
                          check=False)


def _databases(store_url: str) -> tuple[str, str | None]:
    """(store, participation database) for one installation of this pass."""
    if store_url == "gpkg":
        return "gpkg", None
    from tests.pgcluster import new_database
    server = _pg_server(store_url)
    part = new_database(server, prefix="gdi_bk_part")
    return new_database(server, prefix="gdi_bk_store", postgis=True), part.replace("postgresql://",
                                                                                    "postgresql+psycopg://", 1)


@pytest.fixture(scope="module")
def source(tmp_path_factory, store_url):
    """The original installation: demo published, a staff key, a gdi.yml, served."""
    root = tmp_path_factory.mktemp("bk-src")
    (root / "gdi.yml").write_text("# settings of the backed-up installation\nkeep_versions: 3\n")
    store, part = _databases(store_url)
    env = _env(root / "var", store=store, part_db=part, settings=root / "gdi.yml")
    r = _gdi(env, "demo", "--no-serve", timeout=1800)
    assert r.returncode == 0, f"gdi demo --no-serve failed:\n{r.stdout}\n{r.stderr}"
    r = _gdi(env, "auth", "add-key", "backup-test")
    assert r.returncode == 0, r.stderr
    token = re.search(r"token \(shown once\): (\S+)", r.stdout)
    assert token is not None, r.stdout
    proc = gdi_server.start(env, root / "serve.log", args=("--workers", "2"))
    yield {"env": env, "root": root, "base": f"http://127.0.0.1:{env['GDI_PORT']}", "token": token.group(1),
           "store_url": store_url}
    gdi_server.stop(proc)


# -- participation over HTTP ----------------------------------------------------------------------

def _csrf(s: requests.Session, url: str) -> str:
    m = re.search(r'name="csrf" value="([^"]+)"', s.get(url, timeout=60).text)
    assert m is not None, f"no csrf token on {url}"
    return m.group(1)


def _submit(base: str, text: str, attachment: bytes | None = None) -> dict[str, str]:
    s = requests.Session()
    url = f"{base}/beteiligung/verfahren/{PID}"
    data = {"csrf": _csrf(s, url), "text": text, "consent": "yes"}
    files = {"attachments": ("anhang.pdf", attachment, "application/pdf")} if attachment else None
    r = s.post(url, data=data, files=files, timeout=60)
    assert r.status_code == 200, r.text[:400]
    rec = dict(re.findall(r'id="receipt-(\w+)"[^>]*>([^<]+)<', r.text))
    assert re.fullmatch(r"\d{4}-\d{6}", rec["number"]) and len(rec["hash"]) == 64, rec
    return {"number": rec["number"], "hash": rec["hash"], "attachment": attachment or b""}


def _staff(base: str) -> requests.Session:
    s = requests.Session()
    url = f"{base}/beteiligung/staff/login"
    r = s.post(url, data={"csrf": _csrf(s, url), "username": "planung", "password": PW}, timeout=60)
    assert r.status_code == 200 and "Angemeldet als" in r.text, r.text[:400]
    return s


def _statements(base: str) -> dict[str, str]:
    """Number -> content hash of every statement, from the staff CSV export."""
    body = _staff(base).get(f"{base}/beteiligung/staff/export.csv", timeout=120).content.decode("utf-8-sig")
    return {row["Nr."]: row["Prüfsumme (SHA-256)"] for row in csv.DictReader(io.StringIO(body), delimiter=";")}


class Submitter(threading.Thread):
    """Submits statements one after another until stopped (every third with a PDF attachment)."""

    def __init__(self, base: str):
        super().__init__(daemon=True)
        self.base = base
        self.stop = threading.Event()
        self.receipts: list[dict[str, Any]] = []
        self.errors: list[str] = []

    def run(self) -> None:
        i = 0
        while not self.stop.is_set():
            pdf = f"%PDF-1.4\n% Anhang {i} {time.time()}\n".encode() if i % 3 == 0 else None
            try:
                self.receipts.append(_submit(self.base, f"Stellungnahme während der Sicherung Nr. {i}", pdf))
            except (AssertionError, requests.RequestException) as exc:
                self.errors.append(str(exc)[:300])
            i += 1

    def wait_for(self, n: int, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while len(self.receipts) < n and time.monotonic() < deadline and not self.errors:
            time.sleep(0.1)
        assert len(self.receipts) >= n and not self.errors, self.errors


# -- comparing two installations through their services --------------------------------------------

def _collections(base: str, token: str | None = None) -> dict[str, int]:
    h = {"Authorization": f"Bearer {token}"} if token else {}
    cols = requests.get(f"{base}/ogc/collections?f=json", headers=h, timeout=120).json()["collections"]
    out = {}
    for c in cols:
        r = requests.get(f"{base}/ogc/collections/{c['id']}/items?f=json&limit=1", headers=h, timeout=120)
        assert r.status_code == 200, (c["id"], r.status_code, r.text[:300])
        out[c["id"]] = r.json()["numberMatched"]
    return out


def _downloads(base: str, publish: Path, token: str) -> dict[str, str]:
    """SHA-256 of every download file of every published dataset (staff key: restricted ones too)."""
    out = {}
    for ds in sorted(p.name for p in publish.iterdir() if (p / "current").exists()):
        manifest = json.loads((publish / ds / "current" / "manifest.json").read_text())
        for name in sorted(manifest["files"]):
            if Path(name).suffix not in (".gml", ".gpkg", ".geojson"):
                continue
            r = requests.get(f"{base}/download/{ds}/{name}", headers={"Authorization": f"Bearer {token}"},
                             timeout=300)
            assert r.status_code == 200, (ds, name, r.status_code)
            out[f"{ds}/{name}"] = hashlib.sha256(r.content).hexdigest()
    return out


def _csw_hits(base: str) -> int:
    r = requests.get(f"{base}/csw", params={"service": "CSW", "version": "2.0.2", "request": "GetRecords",
                                            "typeNames": "csw:Record", "resultType": "results",
                                            "elementSetName": "brief", "maxRecords": "1"}, timeout=120)
    m = re.search(rb'numberOfRecordsMatched="(\d+)"', r.content)
    assert r.status_code == 200 and m, r.text[:500]
    return int(m.group(1))


def _tileset(base: str) -> str:
    r = requests.get(f"{base}/3dtiles/buildings/tileset.json", timeout=60)
    assert r.status_code == 200
    return hashlib.sha256(r.content).hexdigest()


# -- the tests --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def backup(source, tmp_path_factory):
    """``gdi backup`` while a thread submits statements; the receipts before, during and after."""
    base = source["base"]
    before = [_submit(base, "Vor der Sicherung", b"%PDF-1.4\n% vorher\n"), _submit(base, "Vor der Sicherung 2")]
    sub = Submitter(base)
    sub.start()
    try:
        sub.wait_for(3)
        started = len(sub.receipts)
        dest = tmp_path_factory.mktemp("bk-out") / "backup-1"
        t0 = time.monotonic()
        r = _gdi(source["env"], "backup", str(dest))
        seconds = time.monotonic() - t0
        assert r.returncode == 0, f"gdi backup failed:\n{r.stdout}\n{r.stderr}"
        ended = len(sub.receipts)
        sub.wait_for(ended + 2)
    finally:
        sub.stop.set()
        sub.join(timeout=120)
    assert not sub.errors, sub.errors
    return {"dest": dest, "before": before + sub.receipts[:started], "submitted": before + sub.receipts,
            "during": (started, ended), "out": r.stdout, "seconds": seconds}


@pytest.fixture(scope="module")
def restored(source, backup, tmp_path_factory):
    """The backup restored into a fresh var dir, fresh databases, an empty dataset folder; served."""
    root = tmp_path_factory.mktemp("bk-dst")
    (root / "datasets").mkdir()
    store, part = _databases(source["store_url"])
    env = _env(root / "var", store=store, part_db=part, settings=root / "gdi.yml", datasets=root / "datasets")
    r = _gdi(env, "restore", str(backup["dest"]))
    assert r.returncode == 0, f"gdi restore failed:\n{r.stdout}\n{r.stderr}"
    proc = gdi_server.start(env, root / "serve.log", args=("--workers", "2"))
    yield {"env": env, "root": root, "base": f"http://127.0.0.1:{env['GDI_PORT']}", "out": r.stdout}
    gdi_server.stop(proc)


def test_manifest(backup, source):
    """Checksums and sizes of every file, the versions of the software (and PostgreSQL/PostGIS), the time."""
    m = json.loads((backup["dest"] / "manifest.json").read_text())
    assert m["format"] == "gdi-backup" and m["created"] <= m["finished"]
    assert m["software"]["gdi-hildesheim"] and m["software"]["python"]
    for rel, entry in m["files"].items():
        p = backup["dest"] / rel
        assert p.stat().st_size == entry["size"] and hashlib.sha256(p.read_bytes()).hexdigest() == entry["sha256"]
    on_disk = {p.relative_to(backup["dest"]).as_posix() for p in backup["dest"].rglob("*") if p.is_file()}
    assert on_disk - {"manifest.json"} == set(m["files"])
    assert "config/gdi.yml" in m["files"] and "config/datasets/trees/dataset.yml" in m["files"]
    assert "var/auth/keys.yml" in m["files"]
    assert any(k.startswith("var/3dtiles/buildings/") for k in m["files"])
    assert not any(k.startswith(("var/csw/", "var/pygeoapi/", "var/wms/", "var/run/")) for k in m["files"])
    # the database is in the backup through the backup API: no side file (a stale WAL would be replayed onto
    # the copy on restore), no write-gate lock file
    assert not [k for k in m["files"] if k.endswith(("-wal", "-shm", "-journal", ".writelock"))]
    publish = source["root"] / "var" / "publish"
    for ds, d in m["store"]["datasets"].items():
        assert d["versions"] == [d["current"]] == [(publish / ds / "current").resolve().name]
        assert f"publish/{ds}/{d['current']}/manifest.json" in m["files"]
    if source["store_url"] == "gpkg":
        assert m["store"]["kind"] == "gpkg" and m["participation"]["kind"] == "sqlite"
    else:
        assert m["store"]["kind"] == "postgis" and m["store"]["postgresql"].startswith("15")
        assert m["store"]["postgis"] and "pg_dump" in m["store"]["pg_dump"]
        assert m["participation"]["kind"] == "postgresql" and m["participation"]["dump"] in m["files"]


def test_same_services_after_restore(source, backup, restored):
    a, b = source["base"], restored["base"]
    assert (restored["root"] / "gdi.yml").read_text() == (source["root"] / "gdi.yml").read_text()
    assert (restored["root"] / "datasets" / "trees" / "dataset.yml").is_file()
    public = _collections(a)
    assert public and _collections(b) == public
    staff = _collections(a, source["token"])  # the staff key works on the restored installation
    assert len(staff) > len(public) and _collections(b, source["token"]) == staff
    downloads = _downloads(a, source["root"] / "var" / "publish", source["token"])
    assert downloads and _downloads(b, restored["root"] / "var" / "publish", source["token"]) == downloads
    assert _csw_hits(b) == _csw_hits(a) > 0
    assert _tileset(b) == _tileset(a)


def test_statements_after_restore(source, backup, restored):
    """The backup holds the statements submitted until some moment during the run, with no gap (one
    consistent copy), each with the receipt's number and hash; their attachments come along."""
    got = _statements(restored["base"])
    submitted = backup["submitted"]
    ours = [rec for rec in submitted if rec["number"] in got]
    k = len(ours)
    assert [rec["number"] for rec in ours] == [rec["number"] for rec in submitted[:k]], "a gap in the backup"
    assert k >= len(backup["before"]), "a statement submitted before the backup started is missing"
    assert k <= backup["during"][1] + 2, "the backup holds statements submitted after it ended"
    assert set(got) - {rec["number"] for rec in submitted} == set(_statements(source["base"])) - {
        rec["number"] for rec in submitted}
    for rec in ours:
        assert got[rec["number"]] == rec["hash"], rec["number"]
    staff = _staff(restored["base"])
    with_pdf = [rec for rec in ours if rec["attachment"]]
    assert with_pdf
    for rec in with_pdf:
        r = staff.get(f"{restored['base']}/beteiligung/staff/anhang/{rec['number']}/0", timeout=60)
        assert r.status_code == 200 and r.content == rec["attachment"], rec["number"]
    # the restored installation takes new statements, numbered after the restored ones
    new = _submit(restored["base"], "Nach der Wiederherstellung")
    assert new["number"] not in got and _statements(restored["base"])[new["number"]] == new["hash"]


def test_damaged_backup_refused(backup, source, tmp_path):
    copy = tmp_path / "damaged"
    shutil.copytree(backup["dest"], copy, symlinks=True)
    m = json.loads((copy / "manifest.json").read_text())
    victim = next(k for k in m["files"] if k.startswith("publish/trees/") and k.endswith(".gpkg"))
    data = bytearray((copy / victim).read_bytes())
    data[len(data) // 2] ^= 0xFF
    (copy / victim).write_bytes(bytes(data))
    (tmp_path / "datasets").mkdir()
    store, part = _databases(source["store_url"])
    env = _env(tmp_path / "var", store=store, part_db=part, settings=tmp_path / "gdi.yml",
               datasets=tmp_path / "datasets")
    r = _gdi(env, "restore", str(copy))
    assert r.returncode == 2, r.stdout + r.stderr
    assert victim in r.stderr and "SHA-256" in r.stderr and "nothing was restored" in r.stderr
    assert not (tmp_path / "var").exists() and not any((tmp_path / "datasets").iterdir())
    assert not (tmp_path / "gdi.yml").exists()
    if store != "gpkg":
        from core.backup.pg import user_relations
        assert user_relations(store) == []
    # a file that the manifest does not list is refused as well
    (copy / victim).write_bytes(bytes(data[: len(data) // 2]))
    (copy / "publish" / "extra.txt").write_text("x")
    r = _gdi(env, "restore", "--verify-only", str(copy))
    assert r.returncode == 2 and "extra.txt: not in the manifest" in r.stderr and "bytes, the manifest says" in r.stderr


def test_non_empty_target_needs_force(backup, restored):
    env = restored["env"]
    r = _gdi(env, "restore", str(backup["dest"]))
    assert r.returncode == 2, r.stdout + r.stderr
    assert "not empty" in r.stderr and "--force" in r.stderr and "nothing was changed" in r.stderr
    r = _gdi(env, "backup", str(backup["dest"]))  # a backup never writes into an existing backup
    assert r.returncode == 2 and "not an empty folder" in r.stderr


def test_force_restores_over_a_non_empty_target(backup, source, tmp_path):
    """With --force the restore goes over what is there: a stray file stays, the backup's data are served."""
    (tmp_path / "var" / "publish").mkdir(parents=True)
    (tmp_path / "var" / "publish" / "stray.txt").write_text("left from before")
    (tmp_path / "datasets").mkdir()
    store, part = _databases(source["store_url"])
    if store != "gpkg":
        from core.backup.pg import connect
        with connect(store, autocommit=True) as conn:
            conn.execute("CREATE TABLE public.stray (id int)")
    env = _env(tmp_path / "var", store=store, part_db=part, settings=tmp_path / "gdi.yml",
               datasets=tmp_path / "datasets")
    r = _gdi(env, "restore", str(backup["dest"]))
    assert r.returncode == 2 and "publish is not empty" in r.stderr, r.stdout + r.stderr
    if store != "gpkg":
        assert "the store database" in r.stderr and "public.stray" in r.stderr
    r = _gdi(env, "restore", "--force", str(backup["dest"]))
    assert r.returncode == 0, r.stdout + r.stderr
    assert (tmp_path / "var" / "publish" / "stray.txt").exists()
    r = _gdi(env, "publication", "check")
    assert r.returncode == 0 and r.stdout.count("ok ") == len(
        json.loads((backup["dest"] / "manifest.json").read_text())["store"]["datasets"]), r.stdout + r.stderr


def test_all_versions(source, tmp_path):
    """``--all-versions`` takes the older kept versions (files and, on PostGIS, their schemas): a rollback
    works after the restore. Without it only the current version is in the backup and in the catalog."""
    env = source["env"]
    r = _gdi(env, "etl", "playgrounds")
    assert r.returncode == 0, r.stdout + r.stderr
    for flag in ("--all-versions", None):
        dest = tmp_path / f"backup{flag or ''}"
        r = _gdi(env, "backup", *([flag] if flag else []), str(dest))
        assert r.returncode == 0, r.stdout + r.stderr
        section = json.loads((dest / "manifest.json").read_text())["store"]["datasets"]["playgrounds"]
        assert len(section["versions"]) == (2 if flag else 1) and section["current"] == section["versions"][-1]
        target = tmp_path / f"target{flag or ''}"
        (target / "datasets").mkdir(parents=True)
        store, part = _databases(source["store_url"])
        tenv = _env(target / "var", store=store, part_db=part, settings=target / "gdi.yml",
                    datasets=target / "datasets")
        r = _gdi(tenv, "restore", str(dest))
        assert r.returncode == 0, r.stdout + r.stderr
        r = _gdi(tenv, "publication", "rollback", "playgrounds")
        if flag:
            assert r.returncode == 0 and f"switched back from {section['current']} to {section['versions'][0]}" \
                in r.stdout, r.stdout + r.stderr
        else:
            assert r.returncode == 1 and "no intact version older than" in r.stderr, r.stdout + r.stderr
        if store != "gpkg":
            from core.backup.pg import connect
            with connect(store, autocommit=True) as conn:
                rows = conn.execute("SELECT count(*) FROM gdi.publications WHERE dataset = 'playgrounds'").fetchone()
            assert rows[0] == (2 if flag else 1)
