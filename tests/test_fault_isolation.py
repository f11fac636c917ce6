"""Issue 23 (and the multi-dataset run of issue 14): one dataset's fault stays with that dataset.

A site of its own (a copy of five registry entries, its own var dir and, on the PostGIS pass, its own
database on the session cluster) is published with the real ``gdi etl``; then entries are broken by hand (a
misspelt key in ``playgrounds`` and a misspelt mapper in the restricted ``altlasten_intern``, both
published; unparsable YAML in ``spielplatzkataster``, never published) and the real ``gdi serve`` is
started on it. Through HTTP: every other collection, WMS layer and download answers as before, the broken
entries with a publication keep serving it, ``/health`` is degraded and names the broken entry (restricted
datasets only for staff); ``gdi etl`` runs the rest and runs the post-publish steps; ``gdi config validate``
fails. Then the current trees publication is damaged (GeoPackage truncated; on PostGIS its schema dropped):
only the trees collections, layer and downloads answer 503; ``gdi publication rollback trees`` restores 200.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from gdi import server as gdi_server
from tests.conftest import free_port

ROOT = Path(__file__).resolve().parent.parent
GDI = gdi_server.GDI
ENTRIES = ["trees", "playgrounds", "altlasten", "altlasten_intern", "spielplatzkataster"]
GETMAP = ("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&CRS=EPSG:25832&BBOX=555000,5770000,575000,5790000"
          "&WIDTH=256&HEIGHT=256&FORMAT=image/png&STYLES=&LAYERS=")
TREES_ITEMS = "/ogc/collections/speciesdistributionunit/items?limit=3"
AM_ITEMS = "/ogc/collections/managementrestrictionorregulationzone/items?limit=3"
PLAYGROUNDS_ITEMS = "/ogc/collections/existinglanduseobject_osm_koeln/items?limit=3"


@dataclass
class Site:
    env: dict[str, str]
    root: Path
    base: str
    token: str

    @property
    def var(self) -> Path:
        return Path(self.env["GDI_VAR"])

    @property
    def postgis(self) -> bool:
        return self.env["GDI_STORE"] != "gpkg"

    def gdi(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([GDI, *args], env=self.env, cwd=ROOT, capture_output=True, text=True, timeout=900)

    def get(self, path: str, staff: bool = False) -> requests.Response:
        headers = {"Authorization": f"Bearer {self.token}"} if staff else {}
        return requests.get(self.base + path, headers=headers, timeout=60)

    def version(self, ds_id: str) -> str:
        return os.readlink(self.var / "publish" / ds_id / "current")


def _eventually(check: Callable[[], bool], what: str, timeout: float = 60.0) -> None:
    """A publication switch reaches every worker at its next request; the PostGIS table check is trusted for
    a few seconds: wait for the state, fail with ``what`` if it never comes."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.5)
    raise AssertionError(f"never reached: {what}")


@pytest.fixture(scope="module")
def site(demo_env, tmp_path_factory) -> Iterator[Site]:
    root = tmp_path_factory.mktemp("fault")
    datasets = root / "datasets"
    for ds_id in ENTRIES:
        shutil.copytree(ROOT / "datasets" / ds_id, datasets / ds_id)
    store = demo_env["GDI_STORE"]
    if store != "gpkg":  # a database of its own on the session cluster: the session demo stays untouched
        from tests.pgcluster import new_database
        store = new_database(store.rsplit("/", 1)[0], prefix="gdi_fault", postgis=True)
    env = dict(demo_env, GDI_VAR=str(root / "var"), GDI_DATASETS=str(datasets), GDI_PORT=str(free_port()),
               GDI_STORE=store)
    s = Site(env, root, f"http://127.0.0.1:{env['GDI_PORT']}", "")
    r = s.gdi("etl", "trees", "playgrounds", "altlasten", "altlasten_intern")
    assert r.returncode == 0, r.stderr[-3000:]
    r = s.gdi("etl", "trees")  # a second version: the one a rollback goes back to
    assert r.returncode == 0, r.stderr[-3000:]
    r = s.gdi("auth", "add-key", "fault-test")
    assert r.returncode == 0, r.stderr
    s.token = r.stdout.strip().rsplit(" ", 1)[-1]
    # the hand-made mistakes
    for ds_id, old, new in (("playgrounds", "\nabstract:", "\nabstrct:"),
                            ("altlasten_intern", "mapper: am_contaminated_sites", "mapper: am_contaminated_site")):
        yml = datasets / ds_id / "dataset.yml"
        yml.write_text(yml.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
        assert new in yml.read_text(encoding="utf-8")
    (datasets / "spielplatzkataster" / "dataset.yml").write_text("id: spielplatzkataster\ntitle: [unclosed\n",
                                                                 encoding="utf-8")
    proc = gdi_server.start(env, root / "serve.log")
    try:
        yield s
    finally:
        gdi_server.stop(proc)


def test_config_validate_stays_strict(site):
    r = site.gdi("config", "validate")
    assert r.returncode != 0
    assert f"{site.root}/datasets/playgrounds/dataset.yml: field 'abstrct': unknown field; did you mean 'abstract'?" \
        in r.stderr, r.stderr
    assert f"{site.root}/datasets/playgrounds/dataset.yml: field 'abstract': Field required" in r.stderr, r.stderr
    assert f"{site.root}/datasets/altlasten_intern/dataset.yml: field 'mapper': unknown mapper (value " \
        "'am_contaminated_site')" in r.stderr, r.stderr
    assert f"{site.root}/datasets/spielplatzkataster/dataset.yml: not valid YAML" in r.stderr, r.stderr


def test_serve_starts_and_every_other_dataset_answers_as_before(site):
    for path in (TREES_ITEMS, AM_ITEMS, "/ogc/collections/trees_source/items?limit=2"):
        r = site.get(path)
        assert r.status_code == 200, (path, r.text[:300])
        assert len(r.json()["features"]) >= 2
    assert site.get(TREES_ITEMS).json()["numberMatched"] == 5585   # Münster 2,585 + Hildesheim demo 3,000
    for layer in ("SD.SpeciesDistribution", "AM.RestrictedZonesAroundContaminatedSites"):
        r = site.get(GETMAP + layer)
        assert r.status_code == 200 and r.headers["Content-Type"] == "image/png", (layer, r.text[:300])
    for ds_id in ("trees", "altlasten"):
        r = site.get(f"/download/{ds_id}/{ds_id}.gpkg")
        assert r.status_code == 200 and r.content.startswith(b"SQLite format 3\x00")


def test_invalid_entry_with_a_publication_keeps_serving_it_flagged(site):
    r = site.get(PLAYGROUNDS_ITEMS)
    assert r.status_code == 200, r.text[:300]
    assert r.json()["numberMatched"] == 740
    caps = site.get("/wms?SERVICE=WMS&REQUEST=GetCapabilities").text
    lu = [n for n in re.findall(r"<Name>([^<]+)</Name>", caps) if n.startswith("LU.ExistingLandUse")]
    assert lu, "the playgrounds layer left the WMS"
    r = site.get(GETMAP + lu[0])
    assert r.status_code == 200 and r.headers["Content-Type"] == "image/png"
    assert site.get("/download/playgrounds/playgrounds.gpkg").status_code == 200
    h = site.get("/health")
    assert h.status_code == 200
    body = h.json()
    assert body["status"] == "degraded"
    pg = body["checks"]["playgrounds"]
    assert pg["state"] == "registry invalid"
    assert pg["serving"] == pg["version"] == site.version("playgrounds")
    assert any("playgrounds/dataset.yml: field 'abstrct': unknown field; did you mean 'abstract'?" in m
               for m in pg["reason"]), pg
    assert body["checks"]["trees"]["state"] == "ok" and body["checks"]["altlasten"]["state"] == "ok"


def test_public_health_names_no_restricted_dataset_staff_see_all(site):
    public = site.get("/health")
    assert public.status_code == 200
    assert "altlasten_intern" not in public.text
    assert site.version("altlasten_intern") not in public.text
    assert str(site.root) not in public.text  # reasons without the server's folders
    assert public.json()["not_listed"] >= 1
    staff = site.get("/health", staff=True).json()
    intern = staff["checks"]["altlasten_intern"]
    assert intern["state"] == "registry invalid"
    assert intern["serving"] == intern["version"] == site.version("altlasten_intern")
    assert any("unknown mapper (value 'am_contaminated_site')" in m for m in intern["reason"])
    # still served to staff, still invisible to the public
    manifest = json.loads((site.var / "publish" / "altlasten_intern" / "current" / "manifest.json").read_text())
    coll = next(c["id"] for c in manifest["collections"] if c["view"] == "inspire")
    r = site.get(f"/ogc/collections/{coll}/items?limit=2", staff=True)
    assert r.status_code == 200 and r.json()["numberMatched"] == 53, r.text[:300]
    assert site.get(f"/ogc/collections/{coll}/items?limit=2").status_code in (401, 404)
    assert coll not in site.get("/ogc/collections?f=json").text
    sk = staff["checks"]["spielplatzkataster"]
    assert sk["state"] == "registry invalid" and sk["serving"] is None and sk["version"] is None
    assert any("not valid YAML" in m for m in sk["reason"])


def test_etl_runs_the_valid_datasets_fails_the_invalid_and_runs_post_publish(site):
    config = site.var / "pygeoapi" / "pygeoapi-config.yml"
    before, old = config.stat().st_mtime_ns, site.version("altlasten")
    r = site.gdi("etl", "playgrounds", "altlasten")
    assert r.returncode == 1
    assert "FAILED playgrounds: its registry entry is invalid" in r.stderr
    assert "field 'abstrct': unknown field; did you mean 'abstract'?" in r.stderr
    assert "altlasten: read 53" in r.stdout, r.stdout + r.stderr
    assert site.version("altlasten") != old
    assert config.stat().st_mtime_ns != before, "post-publish steps skipped after a failed dataset"
    _eventually(lambda: site.get("/health").json()["datasets"].get("altlasten") == site.version("altlasten"),
                "/health shows the new altlasten version")
    # no names: every valid entry runs, the invalid ones are reported, exit non-zero
    r = site.gdi("etl")
    assert r.returncode == 1
    for ds_id in ("trees", "altlasten"):
        assert f"{ds_id}: read " in r.stdout, r.stdout + r.stderr
    for ds_id in ("playgrounds", "altlasten_intern", "spielplatzkataster"):
        assert f"FAILED {ds_id}: its registry entry is invalid" in r.stderr
    assert "3 of 5 dataset(s) failed" in r.stderr


def _damage_trees(site: Site) -> None:
    if site.postgis:
        import psycopg
        with psycopg.connect(site.env["GDI_STORE"], autocommit=True) as con:
            con.execute("DROP SCHEMA ds_trees CASCADE")
    else:
        gpkg = site.var / "publish" / "trees" / "current" / "trees.gpkg"
        with open(gpkg, "r+b") as fh:
            fh.truncate(gpkg.stat().st_size // 3)


def test_damaged_publication_answers_503_only_for_its_own_dataset(site):
    damaged = site.version("trees")
    _damage_trees(site)
    _eventually(lambda: site.get(TREES_ITEMS).status_code == 503, "trees collection 503")
    r = site.get(TREES_ITEMS)
    assert "dataset 'trees' is damaged" in r.json()["description"]
    assert site.get("/ogc/collections/trees_source/items?limit=2").status_code == 503
    assert site.get("/ogc/collections/speciesdistributionunit/queryables").status_code == 503
    _eventually(lambda: site.get(GETMAP + "SD.SpeciesDistribution").status_code == 503, "trees layer 503")
    assert b"trees is damaged" in site.get(GETMAP + "SD.SpeciesDistribution").content
    if not site.postgis:  # the download files are what was damaged
        r = site.get("/download/trees/trees.gpkg")
        assert r.status_code == 503 and "dataset 'trees' is damaged" in r.text
    # every other dataset as before
    assert site.get(AM_ITEMS).status_code == 200
    assert site.get(PLAYGROUNDS_ITEMS).status_code == 200
    r = site.get(GETMAP + "AM.RestrictedZonesAroundContaminatedSites")
    assert r.status_code == 200 and r.headers["Content-Type"] == "image/png"
    assert site.get("/download/altlasten/altlasten.gpkg").status_code == 200
    assert site.get("/basemap/11/1079/670.png").status_code == 200
    h = site.get("/health")
    assert h.status_code == 200
    trees = h.json()["checks"]["trees"]
    assert h.json()["status"] == "degraded"
    assert trees["state"] == "publication damaged" and trees["version"] == damaged
    assert ("ds_trees" in trees["reason"]) if site.postgis else ("trees.gpkg" in trees["reason"])
    r = site.gdi("publication", "check", "trees")
    assert r.returncode == 1 and "DAMAGED  trees" in r.stdout


def test_rollback_switches_back_to_the_previous_intact_version(site):
    damaged = site.version("trees")
    r = site.gdi("publication", "rollback", "trees")
    assert r.returncode == 0, r.stderr[-2000:]
    assert f"switched back from {damaged} to " in r.stdout
    restored = site.version("trees")
    assert restored < damaged
    _eventually(lambda: site.get(TREES_ITEMS).status_code == 200, "trees collection 200 after the rollback")
    assert site.get(TREES_ITEMS).json()["numberMatched"] == 5585   # Münster 2,585 + Hildesheim demo 3,000
    _eventually(lambda: site.get(GETMAP + "SD.SpeciesDistribution").status_code == 200, "trees layer 200")
    assert site.get("/download/trees/trees.gpkg").status_code == 200
    _eventually(lambda: site.get("/health").json()["checks"]["trees"] == {"state": "ok", "version": restored},
                "/health: trees ok at the restored version")
    assert site.gdi("publication", "check", "trees").returncode == 0
