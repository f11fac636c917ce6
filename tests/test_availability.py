"""Availability under load (issue 16, INSPIRE: 99 % of the time): a graceful worker restart (SIGHUP, what
``systemctl reload gdi`` sends) and a new publication while requests arrive at a fixed rate lose no request.

Open loop: requests start on a fixed schedule whether or not earlier ones finished (as the regulation's
"simultaneous requests per second"), over the view, download and discovery-facing paths of a real
``gdi serve`` (gunicorn, 2 workers). Every answer must be a success; after the publication the services show
the new version."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from tests.conftest import GDI, ROOT, SCHEMAS, free_port

DS = "spielplatzkataster"
RATE = 12.0      # requests per second
PATHS = [
    "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=LU.ExistingLandUse&STYLES=&CRS=EPSG:25832"
    "&BBOX=563000,5777000,566000,5780000&WIDTH=800&HEIGHT=600&FORMAT=image/png&TRANSPARENT=TRUE",
    "/ogc/collections/existinglanduseobject/items?f=json&limit=50",
    "/download/",
    "/wms?SERVICE=WMS&REQUEST=GetCapabilities",
    "/health",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    from gdi import server as gdi_server
    root = tmp_path_factory.mktemp("availability")
    shutil.copytree(ROOT / "datasets" / DS, root / "ds" / DS)
    env = dict(os.environ, GDI_VAR=str(root / "var"), GDI_DATASETS=str(root / "ds"), GDI_PORT=str(free_port()),
               GDI_SCHEMAS=str(SCHEMAS), GDI_ACCESS_LOG="off")
    env.pop("GDI_SETTINGS", None)
    r = subprocess.run([GDI, "etl", DS], env=env, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    proc = gdi_server.start(env, root / "serve.log", args=["--workers", "2"])
    try:
        yield root, env, proc, f"http://127.0.0.1:{env['GDI_PORT']}"
    finally:
        gdi_server.stop(proc)


def _load(base: str, stop: threading.Event, results: list[tuple[float, str, int | str]]) -> None:
    """Open loop until ``stop``: request i starts at t0 + i / RATE (a pool large enough that no request
    waits for a thread); the outcome of each request is recorded."""
    t0 = time.monotonic()
    lock = threading.Lock()

    def one(i: int) -> None:
        path = PATHS[i % len(PATHS)]
        try:
            r = requests.get(base + path, timeout=30)
            outcome: int | str = r.status_code
        except requests.RequestException as exc:
            outcome = type(exc).__name__
        with lock:
            results.append((time.monotonic() - t0, path, outcome))

    with ThreadPoolExecutor(max_workers=64) as pool:
        i = 0
        while not stop.is_set():
            delay = t0 + i / RATE - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            pool.submit(one, i)
            i += 1


def test_reload_and_publication_under_load_lose_no_request(site) -> None:
    import psutil
    root, env, proc, base = site
    main = psutil.Process(proc.pid)

    def workers() -> set[int]:
        return {c.pid for c in main.children() if c.cmdline() == main.cmdline()}

    before_workers = workers()
    before_version = os.readlink(root / "var" / "publish" / DS / "current")
    n_before = requests.get(f"{base}/ogc/collections/existinglanduseobject/items?f=json&limit=1", timeout=30).json()[
        "numberMatched"]
    # the new version: one playground fewer
    csv = root / "ds" / DS / "spielplaetze.csv"
    lines = csv.read_text(encoding="utf-8").splitlines()
    results: list[tuple[float, str, int | str]] = []
    stop = threading.Event()
    loader = threading.Thread(target=_load, args=(base, stop, results))
    loader.start()
    try:
        time.sleep(3)
        os.kill(proc.pid, signal.SIGHUP)  # graceful: new workers start, the old ones finish their requests
        time.sleep(3)
        csv.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
        etl = subprocess.run([GDI, "etl", DS], env=env, cwd=ROOT, capture_output=True, text=True, timeout=600,
                             check=False)
        time.sleep(3)  # and a little after the switch
    finally:
        stop.set()
        loader.join(timeout=120)
    assert etl.returncode == 0, etl.stdout[-2000:] + etl.stderr[-2000:]
    assert not loader.is_alive()
    assert not workers() & before_workers, "SIGHUP did not replace the workers"
    assert os.readlink(root / "var" / "publish" / DS / "current") != before_version
    assert len(results) >= 9 * RATE, len(results)
    failed = [(round(t, 2), p[:60], o) for t, p, o in results if o != 200]
    assert not failed, f"{len(failed)} of {len(results)} requests failed during reload/publication: {failed[:10]}"
    n_after = requests.get(f"{base}/ogc/collections/existinglanduseobject/items?f=json&limit=1", timeout=30).json()[
        "numberMatched"]
    assert n_after == n_before - 1, (n_before, n_after)
