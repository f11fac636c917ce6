"""Issue 4 benchmark: our OGC API Features (pygeoapi + services.ogcapi.provider.GpkgProvider behind our
dispatcher) vs stock pygeoapi with its SQLiteGPKG provider, on the same GeoPackage of N generated
trees, in one run. Both are served the same way (gunicorn gthread, same workers/threads, mounted at
/ogc) one after the other; the load generator is a separate process with 1 or 8 client threads.

    .venv/bin/python benchmarks/bench_ogcapi.py [--n 1000000] [--quick] [--keep DIR]

Scenarios: items limit=1000; a street-level bbox (~250 m); a deep page near the end (limit=100);
a CQL2 filter (species and a district-size bbox, limit=100). The stock provider ignores ``filter``
(it answers the unfiltered first page): the table says so in the "correct" column.
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PY = sys.executable


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ----------------------------------------------------------------------------- servers
def serve(kind: str, var: str, port: int, workers: int, threads: int) -> None:
    """Run in a child process: gunicorn with our /ogc or stock pygeoapi at /ogc."""
    os.environ["GDI_VAR"], os.environ["GDI_PORT"] = var, str(port)
    from gunicorn.app.base import BaseApplication
    from werkzeug.middleware.dispatcher import DispatcherMiddleware

    from core.config import load_settings
    settings = load_settings()

    d = Path(var) / "stock"
    os.chdir(ROOT)
    # configurations are written here, before gunicorn forks its workers
    if kind == "ours":
        from services.ogcapi.config import write_config
        write_config(settings)
    else:
        import yaml
        from pygeoapi.openapi import get_oas

        from services.ogcapi.config import STOCK_PROVIDER, build_config
        cfg = build_config(settings, staff=False, provider=STOCK_PROVIDER)
        d.mkdir(exist_ok=True)
        (d / "cfg.yml").write_text(yaml.safe_dump(cfg, allow_unicode=True))
        (d / "oas.yml").write_text(yaml.safe_dump(get_oas(cfg, fail_on_invalid_collection=False)))

    def make():
        from flask import Flask
        root = Flask("bench")
        if kind == "ours":
            from services.ogcapi.app import create
            root.wsgi_app = DispatcherMiddleware(  # type: ignore[method-assign]  # Flask docs pattern
                root.wsgi_app, {"/ogc": create(settings)})
        else:
            from services.ogcapi.app import load_pygeoapi
            # a plain module copy of pygeoapi.flask_app (load_pygeoapi's parser patch does not touch the
            # stock provider, which ignores filters anyway)
            mod = load_pygeoapi(str(d / "cfg.yml"), str(d / "oas.yml"), "stock")
            root.wsgi_app = DispatcherMiddleware(  # type: ignore[method-assign]  # Flask docs pattern
                root.wsgi_app, {"/ogc": mod.APP})
        return root

    class App(BaseApplication):
        def load_config(self):
            self.cfg.set("bind", f"127.0.0.1:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("threads", threads)
            self.cfg.set("worker_class", "gthread")
            self.cfg.set("timeout", 300)
            self.cfg.set("accesslog", None)
            self.cfg.set("loglevel", "warning")

        def load(self):
            return make()

    App().run()


def start(kind: str, var: Path, workers: int, threads: int) -> tuple[subprocess.Popen, str]:
    port = free_port()
    with open(var / f"serve-{kind}.log", "w") as log:
        p = subprocess.Popen([PY, __file__, "--serve", kind, "--var", str(var), "--port", str(port),
                              "--workers", str(workers), "--threads", str(threads)], stdout=log,
                             stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}/ogc"
    for _ in range(240):
        try:
            if requests.get(base + "/collections?f=json", timeout=5).status_code == 200:
                return p, base
        except requests.RequestException:
            pass
        time.sleep(0.5)
    p.kill()
    raise SystemExit(f"{kind} server did not start, see {var}/serve-{kind}.log")


def stop(p: subprocess.Popen) -> None:
    os.killpg(p.pid, 15)
    try:
        p.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, 9)


# ----------------------------------------------------------------------------- load
def load(url: str, params: dict, clients: int, per_client: int, budget_s: float = 1e9) -> dict:
    lat: list[float] = []
    errors = [0]
    bodies: list[dict | None] = []
    lock = threading.Lock()

    def worker():
        s = requests.Session()
        for i in range(per_client):
            if i > 0 and time.perf_counter() - t_start > budget_s:
                break  # bounded run time: a slow server gets fewer samples
            t0 = time.perf_counter()
            try:
                r = s.get(url, params=params, timeout=300)
                ok = r.status_code == 200
                doc = r.json() if ok else None
            except (requests.RequestException, ValueError):
                ok, doc = False, None
            dt = time.perf_counter() - t0
            with lock:
                lat.append(dt)
                if not ok:
                    errors[0] += 1
                elif len(bodies) < 1:
                    bodies.append(doc)

    t_start = t0 = time.perf_counter()
    ts = [threading.Thread(target=worker) for _ in range(clients)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    wall = time.perf_counter() - t0
    return {"rps": len(lat) / wall, "p50": statistics.median(lat) * 1000, "errors": errors[0],
            "n": len(lat), "doc": bodies[0] if bodies else None}


def _count_inside(gpkg: Path, b: list[float]) -> int:
    """Trees inside a CRS84 box, computed from the GeoPackage with shapely/pyproj (not via a server)."""
    import sqlite3

    import shapely
    from pyproj import Transformer
    con = sqlite3.connect(f"file:{gpkg}?mode=ro", uri=True)
    env = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}
    wkb = [g[8 + env[(g[3] >> 1) & 7]:] for (g,) in con.execute("SELECT geom FROM trees_source")]
    con.close()
    xy = shapely.get_coordinates(shapely.from_wkb(wkb))
    lon, lat = Transformer.from_crs("EPSG:25832", "OGC:CRS84", always_xy=True).transform(xy[:, 0], xy[:, 1])
    return int(((lon >= b[0]) & (lon <= b[2]) & (lat >= b[1]) & (lat <= b[3])).sum())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--quick", action="store_true", help="100,000 trees, fewer requests")
    ap.add_argument("--keep", type=Path, default=None, help="work dir to keep/reuse (default: temp)")
    ap.add_argument("--budget", type=float, default=45.0, help="seconds per scenario and concurrency")
    ap.add_argument("--serve", choices=["ours", "stock"])
    ap.add_argument("--var"), ap.add_argument("--port", type=int)
    ap.add_argument("--workers", type=int, default=2), ap.add_argument("--threads", type=int, default=4)
    a = ap.parse_args()
    if a.serve:
        serve(a.serve, a.var, a.port, a.workers, a.threads)
        return
    n = 100_000 if a.quick else a.n
    work = a.keep or Path(tempfile.mkdtemp(prefix="bench-ogcapi-"))
    work.mkdir(parents=True, exist_ok=True)
    var = work / "var"
    csv = work / f"trees_{n}.csv"
    gpkg = var / "publish" / "trees" / "current" / "trees.gpkg"
    env = dict(os.environ, GDI_VAR=str(var))
    if not gpkg.exists():
        if not csv.exists():
            subprocess.run([str(Path(PY).parent / "gdi"), "generate", "trees", str(n), str(csv)], check=True)
        t0 = time.perf_counter()
        code = (f"import sys; from pathlib import Path; sys.path.insert(0, {str(ROOT)!r})\n"
                "from core.config import load_settings\nfrom tests.helpers import trees_dataset\n"
                "from transforms.pipeline import run_dataset\n"
                f"run_dataset(trees_dataset(Path({str(work / 'ds')!r}), Path({str(csv)!r})), load_settings(), "
                "validate=False, geojson=False)\n"
                "from services.ogcapi.config import write_config\nwrite_config(load_settings())\n")
        subprocess.run([PY, "-c", code], check=True, env=env, stdout=subprocess.DEVNULL)
        print(f"ETL of {n:,} trees: {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    man = json.loads((gpkg.parent / "manifest.json").read_text())
    count = next(c["count"] for c in man["collections"] if c["id"] == "trees_source")
    from pyproj import Transformer

    from core.area import HILDESHEIM_BBOX_25832
    t = Transformer.from_crs("EPSG:25832", "OGC:CRS84", always_xy=True)
    minx, miny, maxx, maxy = HILDESHEIM_BBOX_25832
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2

    def box84(half: float) -> list[float]:
        x1, y1 = t.transform(cx - half, cy - half)
        x2, y2 = t.transform(cx + half, cy + half)
        return [round(v, 6) for v in (x1, y1, x2, y2)]

    street, district = box84(125), box84(1000)
    expected_street = _count_inside(gpkg, street)  # independent answer for the bbox scenario
    scenarios: list[tuple[str, dict[str, Any], str | None]] = [
        ("items limit=1000", {"limit": 1000}, None),
        ("street bbox (250 m)", {"limit": 1000, "bbox": ",".join(map(str, street))}, None),
        ("deep page (offset n-100, limit=100)", {"limit": 100, "offset": count - 100}, None),
        ("CQL2 species AND bbox (2 km), limit=100",
         {"limit": 100, "filter": f"species_german = 'Winter-Linde' AND S_INTERSECTS(geometry, "
                                  f"BBOX({','.join(map(str, district))}))"},
         "species_german"),
    ]
    reps = {1: 10, 8: 4}  # requests per client (fewer if a scenario exceeds --budget)
    results: dict[tuple[str, str, int], dict] = {}
    for kind in ("stock", "ours"):
        proc, base = start(kind, var, a.workers, a.threads)
        try:
            url = f"{base}/collections/trees_source/items"
            for name, params, check in scenarios:
                p = dict(params, f="json")
                load(url, p, 8, 1)  # warm-up (caches, connections) reaching every worker
                for clients in (1, 8):
                    r = load(url, p, clients, reps[clients], budget_s=a.budget)
                    doc = r.pop("doc") or {}
                    feats = doc.get("features", [])
                    correct = True
                    if check:
                        correct = bool(feats) and all(f["properties"].get(check) == "Winter-Linde" for f in feats)
                    if "bbox" in params:
                        b = [float(x) for x in params["bbox"].split(",")]
                        correct = len(feats) == expected_street and all(
                            b[0] <= f["geometry"]["coordinates"][0] <= b[2] and
                            b[1] <= f["geometry"]["coordinates"][1] <= b[3] for f in feats)
                    r.update(correct=correct, returned=len(feats), matched=doc.get("numberMatched"))
                    results[(name, kind, clients)] = r
                    print(f"{kind:5} {name:45} c={clients} {r['rps']:7.1f} req/s p50 {r['p50']:8.1f} ms "
                          f"err {r['errors']} returned {r['returned']} correct {correct}", file=sys.stderr)
        finally:
            stop(proc)
    print(f"\n{count:,} trees (trees_source), {os.cpu_count()} cores, gunicorn {a.workers} workers x "
          f"{a.threads} threads each, load generator on the same machine\n")
    print("| scenario | clients | stock req/s | stock p50 ms | ours req/s | ours p50 ms | speed-up | "
          "errors stock/ours | stock answer correct | numberMatched (ours) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|---:|")
    for name, _, _ in scenarios:
        for clients in (1, 8):
            s, o = results[(name, "stock", clients)], results[(name, "ours", clients)]
            why = "NO: filter ignored" if "CQL2" in name else \
                f"NO: {s['returned']} features, {expected_street} inside the bbox"
            print(f"| {name} | {clients} | {s['rps']:.1f} | {s['p50']:.0f} | {o['rps']:.1f} | {o['p50']:.0f} | "
                  f"{o['rps'] / s['rps']:.1f}x | {s['errors']}/{o['errors']} | "
                  f"{'yes' if s['correct'] else why} | {o['matched']} |")


if __name__ == "__main__":
    main()
