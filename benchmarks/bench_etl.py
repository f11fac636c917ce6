"""Issue 2 benchmark: our trees ETL (read -> map -> INSPIRE GML + GeoPackage) on N generated trees vs
``ogr2ogr -f GML`` on the same CSV, in the same run. Wall time and peak RSS of each as its own process
(os.wait4 gives the child's own rusage). XSD validation of our GML is timed separately.

    .venv/bin/python benchmarks/bench_etl.py [--n 1000000] [--quick]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable

OURS = r"""
import sys, time, json
from pathlib import Path
sys.path.insert(0, {root!r})
from core.config import load_settings
from tests.helpers import trees_dataset
from transforms.pipeline import run_dataset
s = load_settings()
ds = trees_dataset(Path({tmp!r}), Path({csv!r}))
res = run_dataset(ds, s, validate={validate}, geojson=False)
print(json.dumps(res.summary))
"""


def run(cmd: list[str], env: dict | None = None) -> tuple[float, float, str]:
    with tempfile.TemporaryFile() as fo, tempfile.TemporaryFile() as fe:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=fo, stderr=fe, env=env)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        fo.seek(0), fe.seek(0)
        out = fo.read().decode(errors="replace")
        err = fe.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"command failed: {' '.join(cmd)}\n{out}\n{err}")
    return wall, ru.ru_maxrss / 1024, out.strip()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--quick", action="store_true", help="100,000 trees")
    ap.add_argument("--keep", type=Path, default=None, help="work dir to keep (default: temp)")
    a = ap.parse_args()
    n = 100_000 if a.quick else a.n
    work = a.keep or Path(tempfile.mkdtemp(prefix="bench-etl-"))
    work.mkdir(parents=True, exist_ok=True)
    csv = work / f"trees_{n}.csv"
    if not csv.exists():
        subprocess.run([str(Path(PY).parent / "gdi"), "generate", "trees", str(n), str(csv)], check=True)
    env = dict(os.environ, GDI_VAR=str(work / "var"))
    rows = []
    # baseline: ogr2ogr reading the same CSV (WKT column, ';', latin-1) and writing GML 3.2
    ogr_out = work / "ogr.gml"
    ogr_out.unlink(missing_ok=True)
    w, m, _ = run(["ogr2ogr", "-f", "GML", str(ogr_out), str(csv), "-oo", "SEPARATOR=SEMICOLON",
                   "-oo", "GEOM_POSSIBLE_NAMES=gis_komplex_UTM", "-oo", "KEEP_GEOM_COLUMNS=NO",
                   "-a_srs", "EPSG:25832", "-dsco", "FORMAT=GML3.2", "--config", "SHAPE_ENCODING", "ISO-8859-1"],
                  env=env)
    rows.append(("ogr2ogr -f GML (baseline)", w, m, ogr_out.stat().st_size))
    import shutil
    runs = [("gdi ETL: read, check, map, GML + GeoPackage", False, "fresh"),
            ("gdi ETL, the same + XSD validation of every feature", True, "fresh"),
            ("gdi ETL re-run on unchanged data (+ validation, lifespan diff against the previous version)",
             True, "again")]
    for label, validate, mode in runs:
        var = work / "var"
        if mode == "fresh":
            shutil.rmtree(var, ignore_errors=True)  # a first publication, nothing to diff against
        code = OURS.format(root=str(ROOT), tmp=str(work / "ds"), csv=str(csv), validate=validate)
        w, m, _out = run([PY, "-c", code], env=dict(env, GDI_VAR=str(var)))
        pub = max((var / "publish" / "trees").glob("2*"))
        rows.append((label, w, m, (pub / "trees.gml").stat().st_size + (pub / "trees.gpkg").stat().st_size))
    base = rows[0][1]
    print(f"\n{n:,} trees, {os.cpu_count()} cores\n")
    print("| run | wall s | peak RSS MB | output MB | time vs ogr2ogr |")
    print("|---|---:|---:|---:|---:|")
    for label, w, m, size in rows:
        print(f"| {label} | {w:.1f} | {m:.0f} | {size / 1e6:.0f} | {w / base:.2f}x |")


if __name__ == "__main__":
    main()
