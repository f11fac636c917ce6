"""Two web nodes behind nginx (Debian) on 127.0.0.1, as a county GDI runs them.

Both ``gdi serve`` nodes share the var dir (the publication store on shared storage) and one PostgreSQL
database for the participation (staff sessions, rate limits); each has its own runtime dir (its pycsw
sidecar) and announces the load balancer's URL. Checked end to end through nginx and on each node:

* a publication made while both run is served by both without a restart (OGC API, WMS, CSW, /health);
* a staff login on one node is valid on the other; failed logins are counted across both nodes;
* a node killed under load: no failed request through nginx beyond those in flight to it.
"""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests

from gdi import server as gdi_server
from tests import nginxconf
from tests.conftest import SCHEMAS, free_port
from tests.nginxconf import NGINX
from tests.pgcluster import cluster, missing_binaries, new_database
from tests.test_participation_web import PW, _csrf, _prepare

ROOT = Path(__file__).resolve().parent.parent
GDI = str(Path(sys.executable).parent / "gdi")
BALANCER = """
upstream gdi {{
  server 127.0.0.1:{p1} max_fails=1 fail_timeout=10s;
  server 127.0.0.1:{p2} max_fails=1 fail_timeout=10s;
  keepalive 16;
}}
server {{
  listen 127.0.0.1:{port};
  client_max_body_size 20m;
  location / {{
    proxy_pass http://gdi;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host $http_host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto $scheme;
    proxy_next_upstream error timeout http_502 http_503;
    proxy_connect_timeout 2s;
    proxy_read_timeout 60s;
  }}
}}
"""


@dataclass
class Site:
    lb: str
    nodes: list[str]
    env: dict[str, str]
    procs: list[subprocess.Popen[bytes]] = field(default_factory=list)


def _etl(env: dict[str, str], *datasets: str) -> None:
    r = subprocess.run([GDI, "etl", *datasets], env=env, cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    missing = missing_binaries()
    assert not missing, f"PostgreSQL missing ({missing}): scripts/setup.sh installs it"
    assert Path(NGINX).exists(), "nginx missing: scripts/setup.sh installs the Debian package"
    root = tmp_path_factory.mktemp("site")
    var = root / "var"
    lb_port, p1, p2 = free_port(), free_port(), free_port()
    with cluster() as pg:
        db = new_database(pg, prefix="beteiligung").replace("postgresql://", "postgresql+psycopg://")
        env = dict(os.environ, GDI_VAR=str(var), GDI_SCHEMAS=str(SCHEMAS), GDI_BETEILIGUNG_DB=db,
                   GDI_PUBLIC_URL=f"http://127.0.0.1:{lb_port}", GDI_DEMO_STAFF_PASSWORD=PW,
                   GDI_BETEILIGUNG_RATE="6", GDI_PORT=str(p1))
        _etl(env, "trees", "bplan2070")
        _prepare(env)  # demo procedure and staff accounts (in PostgreSQL)
        nginx_root = root / "nginx"
        conf = nginxconf.write_conf(nginx_root, BALANCER.format(p1=p1, p2=p2, port=lb_port), connections=256)
        s = Site(f"http://127.0.0.1:{lb_port}", [f"http://127.0.0.1:{p1}", f"http://127.0.0.1:{p2}"], env)
        try:
            for n, port in enumerate((p1, p2)):
                node_env = dict(env, GDI_PORT=str(port), GDI_RUN_DIR=str(root / f"node{n}"))
                s.procs.append(gdi_server.start(node_env, root / f"node{n}.log", args=("--workers", "2")))
            with nginxconf.running(conf):
                deadline = time.time() + 30
                while time.time() < deadline:
                    try:
                        if requests.get(s.lb + "/health", timeout=2).ok:
                            break
                    except requests.RequestException:
                        time.sleep(0.2)
                assert requests.get(s.lb + "/health", timeout=5).ok, (nginx_root / "error.log").read_text()
                yield s
        finally:
            for p in s.procs:
                gdi_server.stop(p)


def _collections(base: str) -> set[str]:
    r = requests.get(base + "/ogc/collections", params={"f": "json"}, timeout=30)
    r.raise_for_status()
    return {c["id"] for c in r.json()["collections"]}


def _csw_hits(base: str) -> int:
    r = requests.get(base + "/csw", params={"service": "CSW", "version": "2.0.2", "request": "GetRecords",
                                            "typeNames": "csw:Record", "resultType": "hits",
                                            "elementSetName": "brief"}, timeout=30)
    r.raise_for_status()
    m = re.search(r'numberOfRecordsMatched="(\d+)"', r.text)
    assert m is not None, r.text[:500]
    return int(m.group(1))


def _wms_layers(base: str) -> str:
    r = requests.get(base + "/wms", params={"SERVICE": "WMS", "REQUEST": "GetCapabilities"}, timeout=30)
    r.raise_for_status()
    return r.text


def test_both_nodes_and_the_balancer_serve_the_same(site: Site) -> None:
    colls = [_collections(b) for b in (site.lb, *site.nodes)]
    assert colls[0] == colls[1] == colls[2] and "trees_source" in colls[0]
    hits = [_csw_hits(b) for b in (site.lb, *site.nodes)]
    assert hits[0] == hits[1] == hits[2] > 0
    # links point at the balancer, not at a node
    doc = requests.get(site.nodes[1] + "/ogc/collections/trees_source", params={"f": "json"}, timeout=30).json()
    assert any(link["href"].startswith(site.lb) for link in doc["links"])


def test_publication_while_running_is_served_by_both_nodes(site: Site) -> None:
    before = _csw_hits(site.nodes[0])
    assert "managementrestrictionorregulationzone" not in _collections(site.nodes[0])
    _etl(site.env, "altlasten")  # a new dataset, published while both nodes run
    deadline = time.time() + 60
    seen: dict[str, bool] = {}
    while time.time() < deadline:
        seen = {b: "managementrestrictionorregulationzone" in _collections(b)
                and "AM.RestrictedZonesAroundContaminatedSites" in _wms_layers(b)
                and "altlasten" in requests.get(b + "/health", timeout=10).json()["datasets"]
                for b in site.nodes}
        if all(seen.values()):
            break
        time.sleep(1)
    assert all(seen.values()), seen
    assert _csw_hits(site.nodes[0]) == _csw_hits(site.nodes[1]) > before
    r = requests.get(site.lb + "/ogc/collections/managementrestrictionorregulationzone/items",
                     params={"f": "json", "limit": "5"}, timeout=30)
    assert r.status_code == 200 and r.json()["numberMatched"] > 0


def test_staff_session_and_rate_limits_are_shared(site: Site) -> None:
    a, b = site.nodes
    s = requests.Session()
    tok = _csrf(s, f"{a}/beteiligung/staff/login")
    r = s.post(f"{a}/beteiligung/staff/login", data={"csrf": tok, "username": "moderation", "password": PW})
    assert r.status_code == 200 and "Angemeldet als" in r.text
    r = s.get(f"{b}/beteiligung/staff", timeout=30)  # the other node knows the session
    assert r.status_code == 200 and "Angemeldet als" in r.text, r.text[:300]
    # logins from one address: 6 allowed in total across both nodes (the successful one above counts),
    # not 6 per node
    x = requests.Session()
    tok = _csrf(x, f"{a}/beteiligung/staff/login")
    codes = [x.post(f"{node}/beteiligung/staff/login",
                    data={"csrf": tok, "username": "moderation", "password": "falsch"}).status_code
             for node in (a, b) * 4]
    assert codes == [401] * 5 + [429] * 3, codes


def test_a_node_killed_under_load(site: Site) -> None:
    """4 clients through nginx for ~8 s; node 1 is killed (SIGKILL) after 3 s. nginx retries idempotent
    requests on the other node: at most the requests in flight to the killed node may fail."""
    urls = [site.lb + "/ogc/collections/trees_source/items?f=json&limit=20",
            site.lb + "/wms?SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&LAYERS=SD.SpeciesDistribution&STYLES=&"
                      "CRS=EPSG:25832&BBOX=403000,5755000,407000,5759000&WIDTH=256&HEIGHT=256&FORMAT=image/png",
            site.lb + "/health"]
    stop_at = time.time() + 8
    ok, failed = [0], []
    lock = threading.Lock()

    def client(i: int) -> None:
        n = i
        with requests.Session() as s:
            while time.time() < stop_at:
                url = urls[n % len(urls)]
                n += 1
                try:
                    r = s.get(url, timeout=30)
                    good = r.status_code == 200
                except requests.RequestException as exc:
                    good, r = False, exc  # type: ignore[assignment]
                with lock:
                    if good:
                        ok[0] += 1
                    else:
                        failed.append(f"{url}: {getattr(r, 'status_code', r)}")

    threads = [threading.Thread(target=client, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    time.sleep(3)
    victim = site.procs[0]
    os.killpg(victim.pid, signal.SIGKILL)
    for t in threads:
        t.join(60)
    print(f"under load: {ok[0]} ok, {len(failed)} failed: {failed}")
    assert ok[0] > 20
    assert len(failed) <= 4, failed  # only what was in flight to the killed node
    assert requests.get(site.lb + "/health", timeout=10).ok
