"""``gdi etl`` of N generated trees in one process vs ``--scheduler`` on ``dask scheduler`` + 2 and 1 separate
``dask worker`` processes (GML and GeoJSON encoded and XSD-validated on the workers), side by side in one run.

    .venv/bin/python benchmarks/bench_etl_cluster.py [--quick] [--n N]

Each run is the real pipeline (read, check, map, INSPIRE GML + GeoJSON + GeoPackage, XSD validation) into a
fresh var folder with the same run time, so the GML and GeoJSON must be byte-identical; the script checks it.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
NOW = dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.UTC)


def digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(1 << 22):
            h.update(block)
    return h.hexdigest()


def run(work: Path, name: str, csv: Path, address: str | None) -> dict:
    os.environ["GDI_VAR"] = str(work / name)
    os.environ["GDI_STORE"] = "gpkg"
    from core.config import load_settings
    from tests.helpers import trees_dataset
    from transforms.pipeline import run_dataset
    settings = load_settings()
    ds = trees_dataset(work / f"{name}-ds", csv)
    client = None
    if address:
        from distributed import Client
        client = Client(address, timeout=60)
    t0 = time.perf_counter()
    res = run_dataset(ds, settings, now=NOW, client=client)
    wall = time.perf_counter() - t0
    if client is not None:
        client.close()
    assert res.published_dir is not None
    out = {"name": name, "wall": wall, "published": res.summary["published"],
           "gml": digest(res.published_dir / "trees.gml"), "geojson": digest(res.published_dir / "trees.geojson"),
           "gml_bytes": (res.published_dir / "trees.gml").stat().st_size}
    shutil.rmtree(work / name, ignore_errors=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true", help="200,000 trees")
    ap.add_argument("--n", type=int, default=1_000_000)
    a = ap.parse_args()
    n = 200_000 if a.quick else a.n
    work = Path(tempfile.mkdtemp(prefix="bench-etl-cluster-"))
    os.environ.setdefault("GDI_SCHEMAS", str(Path(os.environ.get("GDI_SHARED", ROOT.parent / "shared"))
                                             / "inspire" / "schemas"))
    started, load_before = dt.datetime.now(dt.UTC), os.getloadavg()
    from tests.daskcluster import Cluster
    from transforms.generate.trees import generate_trees
    csv = generate_trees(n, work / "trees.csv", 1)
    rows = [run(work, "local", csv, None)]
    cluster = Cluster(work)
    cluster.start()
    try:
        rows.append(run(work, "scheduler + 2 workers", csv, cluster.address))
        cluster.procs["worker-b"].terminate()
        cluster.procs["worker-b"].wait(30)
        rows.append(run(work, "scheduler + 1 worker", csv, cluster.address))
    finally:
        cluster.stop()
        shutil.rmtree(work, ignore_errors=True)
    load_after = os.getloadavg()
    print(f"\n{n:,} trees, {os.cpu_count()} cores, {started:%Y-%m-%d %H:%M} UTC, load average "
          f"{load_before[0]:.1f} before / {load_after[0]:.1f} after (1 min)\n")
    print("| run | wall s | records/s | vs one process | GML + GeoJSON identical |")
    print("|---|---:|---:|---:|---|")
    base = rows[0]
    for r in rows:
        same = r["gml"] == base["gml"] and r["geojson"] == base["geojson"] and r["published"] == base["published"]
        print(f"| {r['name']} | {r['wall']:.1f} | {r['published'] / r['wall']:,.0f} | "
              f"{base['wall'] / r['wall']:.2f}x | {'yes' if same else 'NO'} |")
    if not all(r["gml"] == base["gml"] and r["geojson"] == base["geojson"] for r in rows):
        raise SystemExit("the cluster's files differ from the one-process build")


if __name__ == "__main__":
    main()
