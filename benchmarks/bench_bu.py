"""Benchmark: N generated ALKIS-style buildings -> INSPIRE BU GML + GeoPackage, beside ``ogr2ogr`` on the
same input in the same run. Wall time and peak RSS of each run (measured as a child process, so every
run starts cold and RSS is its own). Prints a markdown table.

    .venv/bin/python benchmarks/bench_bu.py            # 100,000 buildings
    .venv/bin/python benchmarks/bench_bu.py --quick    # 10,000 buildings

Rows:
* ``ogr2ogr -f GML`` (GML 3.2, the baseline named in the issue): a plain format conversion, no INSPIRE
  model, no checks;
* ``ogr2ogr -f GML + ogr2ogr -f GPKG``: the same two output formats we write;
* ``gdi ETL: BU GML + GeoPackage``: read, checks (CRS extent, keys, polygon validity), ALKIS mapping,
  INSPIRE GML + GeoPackage with the INSPIRE view and the source view (two layers), no XSD validation;
* ``gdi ETL, full``: as run by ``gdi etl``: + GeoJSON (CRS84) + XSD validation of every feature.
"""
from __future__ import annotations

import argparse
import copy
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def measure(cmd: list[str], env: dict | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of ``cmd`` and its descendants, via a launcher process."""
    launcher = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
                "r = subprocess.run(sys.argv[1:]); w = time.perf_counter() - t; "
                "print('BENCH', w, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(r.returncode)")
    out = subprocess.run([sys.executable, "-c", launcher, *cmd], capture_output=True, text=True, env=env, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"{cmd} failed:\n{out.stdout}\n{out.stderr}")
    line = [ln for ln in out.stdout.splitlines() if ln.startswith("BENCH ")][-1].split()
    return float(line[1]), int(line[2]) / 1024


def child_etl(yml: str, var: str, full: bool) -> None:
    os.environ["GDI_VAR"] = var
    from core.config import load_dataset, load_settings
    from transforms.pipeline import run_dataset
    res = run_dataset(load_dataset(Path(yml)), load_settings(), validate=full, geojson=full)
    print(json.dumps(res.summary))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("-n", type=int, default=None)
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        child_etl(a.child[0], a.child[1], a.child[2] == "full")
        return
    n = a.n or (10_000 if a.quick else 100_000)
    from transforms.generate.buildings import generate_buildings
    tmp = Path(tempfile.mkdtemp(prefix="bench_bu_"))
    try:
        src = tmp / "gebaeude.gpkg"
        t = time.perf_counter()
        generate_buildings(n, src, seed=1)
        gen_s = time.perf_counter() - t
        raw = copy.deepcopy(yaml.safe_load((ROOT / "datasets" / "gebaeude" / "dataset.yml").read_text("utf-8")))
        raw["id"] = "bench_bu"
        raw["sources"][0]["path"] = str(src)
        (tmp / "ds").mkdir()
        yml = tmp / "ds" / "dataset.yml"
        yml.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
        rows = []
        gml = ["ogr2ogr", "-f", "GML", "-dsco", "FORMAT=GML3.2", str(tmp / "ogr.gml"), str(src), "gebaeude"]
        gpkg = ["ogr2ogr", "-f", "GPKG", str(tmp / "ogr.gpkg"), str(src), "gebaeude"]
        w, m = measure(gml)
        rows.append(("ogr2ogr -f GML (GML 3.2)", w, m))
        w2, m2 = measure(gpkg)
        rows.append(("ogr2ogr -f GML + ogr2ogr -f GPKG", w + w2, max(m, m2)))
        env = dict(os.environ)
        w, m = measure([sys.executable, __file__, "--child", str(yml), str(tmp / "var1"), "lean"], env)
        rows.append(("gdi ETL: INSPIRE BU GML + GeoPackage (2 layers)", w, m))
        w, m = measure([sys.executable, __file__, "--child", str(yml), str(tmp / "var2"), "full"], env)
        rows.append(("gdi ETL full: + GeoJSON + XSD validation", w, m))
        base = rows[0][1]
        print(f"\n{n:,} generated buildings (generation {gen_s:.1f} s, input {src.stat().st_size / 2**20:.1f} MiB), "
              f"{os.cpu_count()} cores, noisy shared machine\n")
        print("| run | wall s | peak RSS MiB | x ogr2ogr -f GML |")
        print("|---|---:|---:|---:|")
        for name, w, m in rows:
            print(f"| {name} | {w:.2f} | {m:.0f} | {w / base:.2f} |")
        sizes = {p.name: p.stat().st_size for p in (tmp / "var1").rglob("bench_bu.*")}
        print("\noutput sizes (ours): " + ", ".join(f"{k} {v / 2**20:.1f} MiB" for k, v in sorted(sizes.items())))
        print(f"output size ogr2ogr GML: {(tmp / 'ogr.gml').stat().st_size / 2**20:.1f} MiB")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    main()
