"""City model at Lower Saxony scale on a real dask cluster: ``dask scheduler`` + ``dask worker`` processes.

One run, side by side (the machine is shared and noisy; every ratio compares minutes of the same run):

* data: N generated LoD2 footprints (ALKIS export: storeys, measured/ridge/eaves heights, ``dachform``)
  in settlements spread over a Lower-Saxony-sized extent (350 × 280 km, EPSG:25832): each settlement is
  the deterministic Hildesheim generator (``transforms.generate.buildings``, its own seed) moved to its
  own place on a 20 km grid; one GeoPackage the city model reads, plus a DGM over the whole extent;
* baseline: ``ogr2ogr -f GPKG`` copying the same footprints (buildings/s of a plain copy);
* ours: the real ``gdi citymodel --input … --dgm … --scheduler tcp://…`` (LoD2 with generalised blocks,
  the default), end to end (read, pass 1, tiles, parent blocks, tileset.json), on a fresh
  ``dask scheduler`` with (a) 2 and (b) 1 ``dask worker`` processes (``--nthreads 1 --no-nanny``);
  the two results are compared file by file (byte-identical).

Memory: the resident set of every worker process (and of the client and the scheduler), polled with
psutil every 0.2 s; the peak is reported per process. The projection for N machines uses Amdahl's law
fitted to the 1 → 2 worker runs (see ``projection``).

    .venv/bin/python benchmarks/bench_citymodel_cluster.py [--quick] [--n 4500000] [--work DIR] [--keep]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent

# Lower Saxony, roughly (Emden .. Wendland, Göttingen .. Cuxhaven), EPSG:25832
LOWER_SAXONY_25832 = (340_000.0, 5_690_000.0, 690_000.0, 5_970_000.0)
TOWN = 20_000          # buildings per generated settlement (the last one takes the rest)
SPACING = 20_000.0     # settlement grid (each settlement covers the generator's 16 × 16 km)


def generate(n: int, out: Path) -> Path:
    """N footprints in settlements over the Lower Saxony extent (cached by n in ``out``)."""
    import numpy as np
    import pyogrio
    import shapely

    from core.area import HILDESHEIM_BBOX_25832
    from transforms.generate.buildings import generate_buildings
    if out.exists():
        return out
    part = out.with_suffix(".part.gpkg")
    part.unlink(missing_ok=True)
    minx, miny, maxx, maxy = LOWER_SAXONY_25832
    slots = [(x, y) for x in np.arange(minx, maxx - 16_000, SPACING) for y in np.arange(miny, maxy - 16_000, SPACING)]
    towns = max(1, n // TOWN)
    if towns > len(slots):
        raise ValueError(f"{n} buildings need {towns} settlements, the extent has {len(slots)} places")
    order = np.random.default_rng(15).permutation(len(slots))[:towns]
    tmp = out.with_suffix(".town.gpkg")
    done = 0
    for t, slot in enumerate(order):
        k = TOWN if t < towns - 1 else n - done
        generate_buildings(k, tmp, seed=1000 + t)
        gdf = pyogrio.read_dataframe(tmp, use_arrow=True)
        sx, sy = slots[slot]
        dx, dy = sx - HILDESHEIM_BBOX_25832[0], sy - HILDESHEIM_BBOX_25832[1]
        gdf["geometry"] = shapely.transform(gdf.geometry.values, lambda xy, dx=dx, dy=dy: xy + np.array([dx, dy]))
        gdf["oid"] = [f"DENI{t:04d}{i:08d}" for i in range(k)]
        pyogrio.write_dataframe(gdf, part, layer="gebaeude", driver="GPKG", append=t > 0, promote_to_multi=False)
        done += k
    tmp.unlink(missing_ok=True)
    os.replace(part, out)
    return out


class Poller(threading.Thread):
    """Peak RSS per named process (psutil, every 0.2 s) and when the first tile appeared."""

    def __init__(self, procs: dict[str, int], tiles: Path | None = None):
        super().__init__(daemon=True)
        import psutil
        self.procs = {name: psutil.Process(pid) for name, pid in procs.items()}
        self.peak = dict.fromkeys(procs, 0)
        self.tiles, self.t0 = tiles, time.perf_counter()
        self.first_tile: float | None = None
        self.stop = threading.Event()

    def add(self, name: str, pid: int) -> None:
        import psutil
        self.procs[name] = psutil.Process(pid)
        self.peak[name] = 0

    def run(self) -> None:
        import psutil
        while not self.stop.is_set():
            for name, p in list(self.procs.items()):
                try:
                    rss = p.memory_info().rss
                    rss += sum(c.memory_info().rss for c in p.children(recursive=True))
                except psutil.Error:
                    continue
                self.peak[name] = max(self.peak[name], rss)
            if self.first_tile is None and self.tiles is not None and self.tiles.is_dir() \
                    and next(self.tiles.glob("*.glb"), None) is not None:
                self.first_tile = time.perf_counter() - self.t0
            self.stop.wait(0.2)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def spawn(args: list[str], log: Path) -> subprocess.Popen[bytes]:
    with open(log, "wb") as fh:
        return subprocess.Popen(args, stdout=fh, stderr=subprocess.STDOUT, cwd=ROOT,
                                env=dict(os.environ, PYTHONPATH=str(ROOT)))


def ogr_copy(src: Path, work: Path) -> dict[str, Any]:
    dst = work / "copy.gpkg"
    dst.unlink(missing_ok=True)
    t0 = time.perf_counter()
    p = spawn(["ogr2ogr", "-f", "GPKG", str(dst), str(src)], work / "ogr2ogr.log")
    poll = Poller({"ogr2ogr": p.pid})
    poll.start()
    rc = p.wait()
    wall = time.perf_counter() - t0
    poll.stop.set()
    poll.join()
    if rc != 0:
        raise RuntimeError((work / "ogr2ogr.log").read_text()[-2000:])
    dst.unlink()
    return {"wall": wall, "peak_mb": poll.peak["ogr2ogr"] / 2**20}


def cluster_run(src: Path, dgm: Path, work: Path, workers: int) -> dict[str, Any]:
    """A fresh scheduler + ``workers`` worker processes; ``gdi citymodel --scheduler`` timed end to end."""
    from distributed import Client
    port = free_port()
    addr = f"tcp://127.0.0.1:{port}"
    out = work / f"tiles_{workers}w"
    shutil.rmtree(out, ignore_errors=True)
    logs = work / f"logs_{workers}w"
    logs.mkdir(exist_ok=True)
    procs = {"scheduler": spawn([str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                 "--no-dashboard"], logs / "scheduler.log")}
    for i in range(workers):
        procs[f"worker-{i + 1}"] = spawn([str(BIN / "dask"), "worker", addr, "--name", f"worker-{i + 1}",
                                          "--nthreads", "1", "--no-nanny", "--no-dashboard", "--memory-limit", "0",
                                          "--local-directory", str(logs / f"w{i + 1}")], logs / f"worker-{i + 1}.log")
    try:
        with Client(addr, timeout=60) as c:
            c.wait_for_workers(workers, timeout=120)
        poll = Poller({k: p.pid for k, p in procs.items()}, out / "tiles")
        t0 = time.perf_counter()
        poll.t0 = t0
        cli = spawn([str(BIN / "gdi"), "citymodel", "--input", str(src), "--dgm", str(dgm), "--out", str(out),
                     "--scheduler", addr, "--json"], logs / "gdi.log")
        poll.add("client", cli.pid)
        poll.start()
        rc = cli.wait()
        wall = time.perf_counter() - t0
        poll.stop.set()
        poll.join()
        text = (logs / "gdi.log").read_text(errors="replace")
        if rc != 0:
            raise RuntimeError(f"gdi citymodel on {workers} worker(s) failed:\n{text[-3000:]}")
        rep = json.loads(text[text.index("{\n"):])
        dead = [k for k, p in procs.items() if p.poll() is not None]
        if dead:
            raise RuntimeError(f"{', '.join(dead)} died during the run (see {logs})")
    finally:
        for p in procs.values():
            p.terminate()
        for p in procs.values():
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()
    return {"workers": workers, "wall": wall, "first_tile": poll.first_tile, "out": out, "report": rep,
            "peak_mb": {k: v / 2**20 for k, v in poll.peak.items()}}


def digest(folder: Path) -> dict[str, str]:
    """sha1 of tileset.json and every tile (relative path -> hash)."""
    out = {}
    for f in sorted([folder / "tileset.json", *(folder / "tiles").glob("*.glb")]):
        out[str(f.relative_to(folder))] = hashlib.sha1(f.read_bytes()).hexdigest()
    return out


def projection(t1: float, t2: float, machines: tuple[int, ...] = (1, 2, 4, 8, 16, 32),
               workers_per_machine: int = 2) -> tuple[float, float, list[tuple[int, float]]]:
    """Amdahl fitted to the measured runs: T(w) = s + p / w with T(1) = t1, T(2) = t2, so p = 2 (t1 - t2)
    and s = 2 t2 - t1 (the part that does not shrink with more workers: the client's pass 1, scheduling,
    the top parent levels, tileset.json). N machines of this kind = ``workers_per_machine`` × N workers."""
    p = 2 * (t1 - t2)
    s = max(t1 - p, 0.0)
    return s, p, [(m, s + p / (workers_per_machine * m)) for m in machines]


def load_average() -> str:
    return " / ".join(f"{v:.1f}" for v in os.getloadavg())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=4_500_000)
    ap.add_argument("--quick", action="store_true", help="200,000 buildings")
    ap.add_argument("--work", type=Path, help="work folder (the generated GeoPackage is kept there for reruns)")
    ap.add_argument("--keep", action="store_true", help="keep the tilesets")
    ap.add_argument("--workers", default="2,1", help="worker counts to run, in this order (default 2,1)")
    a = ap.parse_args()
    from citymodel.terrain import make_demo_dgm
    n = 200_000 if a.quick else a.n
    work = a.work or Path(tempfile.mkdtemp(prefix="bench_citymodel_cluster_"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"load average before: {load_average()}  (cores: {os.cpu_count()})", flush=True)
    t = time.perf_counter()
    src = generate(n, work / f"buildings_ni_{n}.gpkg")
    dgm = make_demo_dgm(work / "dgm_ni.tif", LOWER_SAXONY_25832, res=200.0)
    print(f"{n:,} footprints ready in {time.perf_counter() - t:.0f} s ({src.stat().st_size / 1e6:,.0f} MB)",
          flush=True)
    copy = ogr_copy(src, work)
    print(f"ogr2ogr copy: {copy['wall']:.1f} s, {n / copy['wall']:,.0f} buildings/s", flush=True)
    runs = []
    for w in (int(v) for v in a.workers.split(",")):
        r = cluster_run(src, dgm, work, w)
        runs.append(r)
        print(f"{w} worker(s): {r['wall']:.1f} s, {n / r['wall']:,.0f} buildings/s, "
              f"{n / r['wall'] / (n / copy['wall']):.3f}x the copy; load {load_average()}", flush=True)
    copy2 = ogr_copy(src, work)   # the copy again after the builds: the load of the machine moves
    print(f"ogr2ogr copy (again): {copy2['wall']:.1f} s", flush=True)
    same = all(digest(r["out"]) == digest(runs[0]["out"]) for r in runs[1:])
    if len(runs) > 1:
        print(f"tilesets of {' and '.join(str(r['workers']) for r in runs)} workers byte-identical: {same}",
              flush=True)
    copy_rate = n / ((copy["wall"] + copy2["wall"]) / 2)
    rep = runs[0]["report"]
    print(f"\n{n:,} buildings, {rep['tiles']:,} leaf tiles, {rep['coarse_tiles']} block tiles, "
          f"{(rep['bytes'] + rep['parent_bytes']) / 1e9:.2f} GB; load average after: {load_average()}\n")
    print("| run | wall s | buildings/s | vs ogr2ogr copy | first tile after s | peak RSS per worker MB | "
          "client MB | scheduler MB |")
    print("|---|---:|---:|---:|---:|---|---:|---:|")
    for c, label in ((copy, "`ogr2ogr -f GPKG` copy (before)"), (copy2, "`ogr2ogr -f GPKG` copy (after)")):
        print(f"| {label} | {c['wall']:.1f} | {n / c['wall']:,.0f} | {n / c['wall'] / copy_rate:.2f}x | – | "
              f"{c['peak_mb']:,.0f} (ogr2ogr) | – | – |")
    for r in runs:
        pk = r["peak_mb"]
        wk = ", ".join(f"{pk[k]:,.0f}" for k in sorted(pk) if k.startswith("worker"))
        print(f"| `gdi citymodel --scheduler`, {r['workers']} worker(s) | {r['wall']:.1f} | {n / r['wall']:,.0f} | "
              f"**{n / r['wall'] / copy_rate:.3f}x** | {r['first_tile'] or 0:.1f} | {wk} | {pk['client']:,.0f} | "
              f"{pk['scheduler']:,.0f} |")
    walls = {r["workers"]: r["wall"] for r in runs}
    if 1 in walls and 2 in walls:
        s, p, proj = projection(walls[1], walls[2])
        print(f"\nAmdahl fit: serial {s:.1f} s, parallel {p:.1f} s (1 worker); speed-up 1 -> 2 workers "
              f"{walls[1] / walls[2]:.2f}x")
        print("| machines (2 workers each) | projected wall s | buildings/s |\n|---:|---:|---:|")
        for m, tw in proj:
            print(f"| {m} | {tw:,.0f} | {n / tw:,.0f} |")
    keep = ("buildings", "tiles", "coarse_tiles", "bytes", "parent_bytes", "seconds", "roofs", "height_sources")
    print(json.dumps({"n": n, "copy": [copy, copy2], "identical": same,
                      "runs": [{**{k: v for k, v in r.items() if k not in ("out", "report")},
                                "report": {k: r["report"][k] for k in keep}} for r in runs]}, default=str))
    if not a.keep:
        for r in runs:
            shutil.rmtree(r["out"], ignore_errors=True)
    if not same:
        raise SystemExit("the 1-worker and 2-worker tilesets differ")


if __name__ == "__main__":
    main()
