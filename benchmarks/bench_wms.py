"""WMS benchmark: 1024x768 GetMap at city and street scale on generated trees + buildings.

Side by side in one run, on the same generated mapfile (``services.wms.mapfile.write_mapfile``):
  * ours:     HTTP GET against ``gdi serve`` (/wms: MapScript in-process, gunicorn workers)
  * mapscript: bare MapScript in-process (mapObj parsed once, clone + OWSDispatch per request), one
              process per concurrent client — the ceiling for anything built on MapScript
  * cgi:      the ``mapserv`` CGI binary executed per request (fork/exec + mapfile parse), no HTTP
              server in front of it (which only flatters the CGI)
p50 latency and requests/s with 1 and 4 concurrent clients. The machine has 2 cores and is shared:
figures are noisy.

    .venv/bin/python benchmarks/bench_wms.py [--quick] [--trees N] [--buildings N] [--work DIR]
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.area import CENTRE_25832, HILDESHEIM_BBOX_25832  # noqa: E402 - after the sys.path entry

CGI = "/usr/lib/cgi-bin/mapserv"
ERRORS: list[str] = []
W, H = 1024, 768


# --- data -------------------------------------------------------------------------------------------

VERSION = "20260101T000000000000Z"


def _publish(var: Path, ds_id: str, gpkg: Path, collections: list[dict], bbox: list[float], n: int,
             feature_type: str, layer_name: str) -> None:
    """A publication folder (as core.publication writes it) around a prepared GeoPackage; the ETL itself
    (GML encoding + XSD validation of 1M features) is not what this benchmark measures."""
    from pyproj import Transformer
    tr = Transformer.from_crs("EPSG:25832", "OGC:CRS84", always_xy=True)
    lo = tr.transform(bbox[0], bbox[1])
    hi = tr.transform(bbox[2], bbox[3])
    vdir = var / "publish" / ds_id / VERSION
    vdir.mkdir(parents=True, exist_ok=True)
    shutil.move(str(gpkg), vdir / f"{ds_id}.gpkg")
    for c in collections:
        c["count"] = n
    manifest = {"dataset": ds_id, "version": VERSION, "published": "2026-01-01T00:00:00+00:00",
                "access": "public", "counts": {"read": n, "published": n, "repaired": 0, "rejected": 0,
                                               "flagged": 0},
                "feature_type": feature_type, "layer_name": layer_name, "bbox_25832": bbox,
                "bbox_crs84": [lo[0], lo[1], hi[0], hi[1]], "collections": collections,
                "files": {f"{ds_id}.gpkg": (vdir / f"{ds_id}.gpkg").stat().st_size}}
    (vdir / "manifest.json").write_text(json.dumps(manifest))
    link = var / "publish" / ds_id / "current"
    if link.is_symlink():
        link.unlink()
    os.symlink(VERSION, link)


def add_overview(var: Path, ds_id: str, source_layer: str, collection: str) -> None:
    """The density grid the ETL writes for a point dataset (transforms/overview.py), added to a synthetic
    publication (and to one cached from before the grid existed)."""
    from pyogrio import write_dataframe

    from transforms.overview import grid_of_layer, manifest_entry, overview_table
    vdir = var / "publish" / ds_id / VERSION
    man_path = vdir / "manifest.json"
    manifest = json.loads(man_path.read_text())
    if manifest.get("overview"):
        return
    t0 = time.time()
    gpkg = vdir / f"{ds_id}.gpkg"
    grid = grid_of_layer(gpkg, source_layer)
    write_dataframe(grid, gpkg, layer=overview_table(collection), driver="GPKG", append=False,
                    layer_options={"SPATIAL_INDEX": "YES", "FID": "fid", "GEOMETRY_NAME": "geom"})
    manifest["overview"] = manifest_entry(collection, len(grid), manifest["counts"]["published"])
    manifest["files"][gpkg.name] = gpkg.stat().st_size
    man_path.write_text(json.dumps(manifest))
    print(f"{ds_id}: density grid of {len(grid):,} cells in {time.time() - t0:.1f} s", file=sys.stderr)


def prepare(work: Path, n_trees: int, n_buildings: int) -> Path:
    """Generate the data (cached by size) and write the mapfiles; returns the var dir."""
    var = work / f"var-{n_trees}-{n_buildings}"
    if (var / "publish" / "trees" / "current").exists():
        add_overview(var, "trees", "trees_source", "speciesdistributionunit")
        write_mapfiles(var, work)
        return var
    from transforms.generate.trees import generate_trees
    tmp = work / "tmp"
    tmp.mkdir(parents=True, exist_ok=True)
    bbox = list(HILDESHEIM_BBOX_25832)
    t0 = time.time()
    csv = generate_trees(n_trees, tmp / "trees.csv")
    utf8 = tmp / "trees_utf8.csv"
    with open(csv, encoding="latin-1") as src, open(utf8, "w", encoding="utf-8") as dst:
        shutil.copyfileobj(src, dst)
    gpkg = tmp / "trees.gpkg"
    subprocess.run(["ogr2ogr", "-f", "GPKG", str(gpkg), str(utf8),
                    "-oo", "GEOM_POSSIBLE_NAMES=gis_komplex_UTM", "-oo", "KEEP_GEOM_COLUMNS=NO",
                    "-a_srs", "EPSG:25832", "-nln", "trees_source", "-nlt", "POINT", "-dialect", "SQLite", "-sql",
                    ("SELECT ID AS key, ref_Baumart AS species_german, ref_Baumart_botanisch AS species_botanical, "
                    "CAST(Kronendurchmesser_akt_cm AS REAL) AS crown_diameter_m, CAST(Pflanzjahr AS INTEGER) "
                    "AS planting_year, gis_komplex_UTM FROM trees_utf8")], check=True, capture_output=True)
    _publish(var, "trees", gpkg, [{"id": "speciesdistributionunit", "layer": "speciesdistributionunit",
                                   "view": "inspire"}, {"id": "trees_source", "layer": "trees_source",
                                                        "view": "source"}], bbox, n_trees,
             "SpeciesDistributionUnit", "SD.SpeciesDistribution")
    print(f"trees: {n_trees:,} generated in {time.time() - t0:.0f} s", file=sys.stderr)
    add_overview(var, "trees", "trees_source", "speciesdistributionunit")
    datasets = work / "datasets"
    datasets.mkdir(exist_ok=True)
    for ds_id in ("trees", "gebaeude"):
        if not (datasets / ds_id).exists() and (ROOT / "datasets" / ds_id).is_dir():
            os.symlink(ROOT / "datasets" / ds_id, datasets / ds_id)
    if n_buildings:
        from transforms.generate.buildings import generate_buildings
        t0 = time.time()
        raw = generate_buildings(n_buildings, tmp / "buildings_raw.gpkg")
        gpkg = tmp / "gebaeude.gpkg"
        labels = ("CASE substr(gebaeudefunktion, 1, 1) WHEN '1' THEN 'Wohngebäude' WHEN '2' THEN "
                  "'Gebäude für Wirtschaft oder Gewerbe' WHEN '3' THEN 'Gebäude für öffentliche Zwecke' "
                  "ELSE 'Sonstiges Gebäude' END")
        subprocess.run(["ogr2ogr", "-f", "GPKG", str(gpkg), str(raw), "-nln", "gebaeude_source",
                        "-nlt", "MULTIPOLYGON", "-dialect", "SQLite", "-sql",
                        (f"SELECT oid AS key, CAST(gebaeudefunktion AS TEXT) AS function_code, {labels} AS "
                        f"function_label, geom FROM gebaeude")], check=True, capture_output=True)
        _publish(var, "gebaeude", gpkg, [{"id": "building", "layer": "building", "view": "inspire"},
                                         {"id": "gebaeude_source", "layer": "gebaeude_source",
                                          "view": "source"}], bbox, n_buildings,
                 "Building", "BU.Building")
        print(f"buildings: {n_buildings:,} generated in {time.time() - t0:.0f} s", file=sys.stderr)
    shutil.rmtree(tmp, ignore_errors=True)
    write_mapfiles(var, work)
    return var


def write_mapfiles(var: Path, work: Path) -> None:
    """The mapfiles exactly as the POST_PUBLISH hook writes them."""
    env_settings(var, work, 0)
    from core.config import load_settings
    from services.wms.mapfile import write_mapfile
    write_mapfile(load_settings())


def write_points_mapfile(var: Path, work: Path) -> Path:
    """The same map with the trees as points at every scale (no density grid): the baseline of the grid."""
    import mappyfile

    from core.config import WmsSettings, load_settings
    from services.wms.mapfile import build_map, collect_layers
    env_settings(var, work, 0)
    settings = load_settings().model_copy(update={"wms": WmsSettings(overview_min_features=0)})
    path = var / "wms" / "points.map"
    mapdict = build_map(settings, collect_layers(settings, staff=False), var / "wms" / "templates" / "points")
    path.write_text(mappyfile.dumps(mapdict, indent=2), encoding="utf-8")
    return path


def env_settings(var: Path, work: Path, port: int) -> dict[str, str]:
    env = {"GDI_VAR": str(var), "GDI_DATASETS": str(work / "datasets")}
    if port:
        env["GDI_PORT"] = str(port)
    os.environ.update(env)
    return env


# --- requests ---------------------------------------------------------------------------------------

def requests_for(scale: str, n: int, layers: str, seed: int = 7) -> list[str]:
    """Query strings of n GetMaps: 'city' = the whole city (16 km, ~1:55,000), 'district' = 4 km
    (~1:14,000), 'street' = 300 m (~1:1,000)."""
    rng = np.random.default_rng(seed)
    minx, miny, maxx, maxy = HILDESHEIM_BBOX_25832
    out = []
    for _ in range(n):
        if scale == "city":
            cx, cy = CENTRE_25832[0] + rng.uniform(-500, 500), CENTRE_25832[1] + rng.uniform(-500, 500)
            half_w = (maxx - minx) / 2
        elif scale == "district":
            cx, cy = rng.uniform(minx + 3000, maxx - 3000), rng.uniform(miny + 3000, maxy - 3000)
            half_w = 2000.0
        else:
            cx, cy = rng.uniform(minx + 2000, maxx - 2000), rng.uniform(miny + 2000, maxy - 2000)
            half_w = 150.0
        half_h = half_w * H / W
        out.append(urlencode({"SERVICE": "WMS", "VERSION": "1.3.0", "REQUEST": "GetMap", "LAYERS": layers,
                              "STYLES": "", "CRS": "EPSG:25832", "FORMAT": "image/png", "TRANSPARENT": "TRUE",
                              "WIDTH": W, "HEIGHT": H,
                              "BBOX": f"{cx - half_w},{cy - half_h},{cx + half_w},{cy + half_h}"}))
    return out


Result = tuple[list[float], float]  # latencies (s), wall time (s)


def _timed(fn, queries: list[str], conc: int) -> Result:
    """Latencies and wall time of running ``fn(query)`` with ``conc`` client threads."""
    lat: list[float] = []

    def one(q: str) -> None:
        t = time.perf_counter()
        size = fn(q)
        lat.append(time.perf_counter() - t)
        if size < 1000:
            raise RuntimeError(f"suspiciously small response ({size} bytes) for {q}")
    t0 = time.perf_counter()
    with ThreadPoolExecutor(conc) as ex:
        list(ex.map(one, queries))
    wall = time.perf_counter() - t0
    return lat, wall


def bench_http(base: str, queries: list[str], conc: int) -> Result:
    import threading

    import requests
    local = threading.local()

    def fn(q: str) -> int:
        if not hasattr(local, "s"):
            local.s = requests.Session()
        try:
            r = local.s.get(f"{base}/wms?{q}", timeout=300)
        except requests.ConnectionError as exc:  # counted and reported, then retried once
            ERRORS.append(repr(exc)[:200])
            local.s = requests.Session()
            r = local.s.get(f"{base}/wms?{q}", timeout=300)
        if r.status_code != 200 or r.headers["Content-Type"] != "image/png":
            raise RuntimeError(f"{r.status_code}: {r.content[:300]!r}")
        return len(r.content)
    with ThreadPoolExecutor(8) as ex:  # warm up every worker thread's map cache and data sources
        list(ex.map(fn, [queries[0]] * 16))
    return _timed(fn, queries, conc)


_MAP = None


def _ms_init(mapfile: str) -> None:
    global _MAP
    import mapscript
    _MAP = mapscript.mapObj(mapfile)


def _ms_one(q: str) -> tuple[float, int]:
    import mapscript
    t = time.perf_counter()
    assert _MAP is not None  # set by _ms_init, the pool initializer
    m = _MAP.clone()
    req = mapscript.OWSRequest()
    req.loadParamsFromURL(q)
    mapscript.msIO_installStdoutToBuffer()
    m.OWSDispatch(req)
    mapscript.msIO_stripStdoutBufferContentHeaders()
    body = mapscript.msIO_getStdoutBufferBytes()
    mapscript.msIO_resetHandlers()
    return time.perf_counter() - t, len(body)


def bench_mapscript(mapfile: Path, queries: list[str], conc: int) -> Result:
    """Bare MapScript: ``conc`` worker processes, each with the map parsed once."""
    with mp.get_context("fork").Pool(conc, initializer=_ms_init, initargs=(str(mapfile),)) as pool:
        pool.map(_ms_one, queries[:conc], chunksize=1)  # warm up
        t0 = time.perf_counter()
        res = pool.map(_ms_one, queries, chunksize=1)
        wall = time.perf_counter() - t0
    if min(s for _, s in res) < 1000:
        raise RuntimeError("bare MapScript returned an error document")
    return [t for t, _ in res], wall


def bench_cgi(mapfile: Path, queries: list[str], conc: int, work: Path) -> Result:
    conf = work / "mapserver.conf"
    conf.write_text(f'CONFIG\n  ENV\n    MS_MAPFILE "{mapfile}"\n  END\nEND\n')
    base_env = {"PATH": os.environ.get("PATH", ""), "MAPSERVER_CONFIG_FILE": str(conf), "REQUEST_METHOD": "GET"}

    def fn(q: str) -> int:
        r = subprocess.run([CGI], check=False, env={**base_env, "QUERY_STRING": q}, capture_output=True, timeout=300)
        if b"image/png" not in r.stdout[:200]:
            raise RuntimeError(r.stdout[:300])
        return len(r.stdout)
    return _timed(fn, queries, conc)


# --- server -----------------------------------------------------------------------------------------

def _combine(results: list[Result]) -> tuple[float, float]:
    """(p50 latency, requests per second) over several runs."""
    lat = [t for r in results for t in r[0]]
    return statistics.median(lat), len(lat) / sum(r[1] for r in results)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(env: dict[str, str], port: int) -> subprocess.Popen:
    from gdi import server
    return server.start({**os.environ, **env, "GDI_PORT": str(port)}, Path(env["GDI_VAR"]) / "bench-serve.log")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="100k trees, 10k buildings, few requests")
    ap.add_argument("--trees", type=int, default=None)
    ap.add_argument("--buildings", type=int, default=None)
    ap.add_argument("--work", type=Path, default=Path("/tmp/gdi-bench-wms"))
    ap.add_argument("--port", type=int, default=0)
    args = ap.parse_args()
    n_trees = args.trees or (100_000 if args.quick else 1_000_000)
    n_buildings = args.buildings if args.buildings is not None else (10_000 if args.quick else 100_000)
    n_req = {"city": 4 if args.quick else 8, "district": 4 if args.quick else 8,
             "street": 12 if args.quick else 48}
    args.work.mkdir(parents=True, exist_ok=True)
    var = prepare(args.work, n_trees, n_buildings)
    port = args.port or free_port()
    env = env_settings(var, args.work, port)
    mapfile = var / "wms" / "public.map"
    import mapscript
    m = mapscript.mapObj(str(mapfile))
    layers = ",".join(m.getLayer(i).name for i in range(m.numlayers))
    proc = start_server(env, port)
    rows = []
    try:
        for scale in ("city", "district", "street"):
            for conc in (1, 4):
                qs = requests_for(scale, max(n_req[scale], conc * 2), layers)
                runs: dict[str, list[Result]] = {"ours": [], "bare": [], "cgi": []}
                # ABC then CBA, so drifting load on the shared machine hits all three alike
                for order in (("ours", "bare", "cgi"), ("cgi", "bare", "ours")):
                    for name in order:
                        if name == "ours":
                            runs[name].append(bench_http(f"http://127.0.0.1:{port}", qs, conc))
                        elif name == "bare":
                            runs[name].append(bench_mapscript(mapfile, qs, conc))
                        else:
                            runs[name].append(bench_cgi(mapfile, qs, conc, args.work))
                ours, bare, cgi = (_combine(runs[k]) for k in ("ours", "bare", "cgi"))
                rows.append((scale, conc, ours, bare, cgi))
                print(f"{scale} x{conc}: ours {ours}, mapscript {bare}, cgi {cgi}", file=sys.stderr)
    finally:
        from gdi import server
        server.stop(proc, timeout=30)
    # the density grid against every point, at city scale, bare MapScript on both maps (ABBA)
    points_map = write_points_mapfile(var, args.work)
    pm = mapscript.mapObj(str(points_map))
    points_layers = ",".join(pm.getLayer(i).name for i in range(pm.numlayers))
    grid_runs: dict[str, list[Result]] = {"grid": [], "points": []}
    for pair in (("grid", "points"), ("points", "grid")):
        for name in pair:
            qs = requests_for("city", n_req["city"], layers if name == "grid" else points_layers)
            grid_runs[name].append(bench_mapscript(mapfile if name == "grid" else points_map, qs, 1))
    grid_p50, grid_rps = _combine(grid_runs["grid"])
    points_p50, points_rps = _combine(grid_runs["points"])
    print(f"\nWMS GetMap {W}x{H} PNG, layers {layers}; {n_trees:,} trees + {n_buildings:,} buildings; "
          f"{os.cpu_count()} cores (shared, noisy)\n")
    if ERRORS:
        print(f"connection errors against our endpoint (retried): {len(ERRORS)}: {ERRORS[:3]} "
              f"(server log: {var / 'bench-serve.log'})\n")
    print("| scale | clients | ours p50 ms | ours req/s | bare MapScript p50 ms | bare req/s | CGI p50 ms "
          "| CGI req/s | ours/bare | ours/CGI |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for scale, conc, (op, orps), (bp, brps), (cp, crps) in rows:
        print(f"| {scale} | {conc} | {op * 1000:.0f} | {orps:.1f} | {bp * 1000:.0f} | {brps:.1f} | {cp * 1000:.0f} "
              f"| {crps:.1f} | {orps / brps:.2f} | {orps / crps:.1f}x |")
    print("\nCity scale, bare MapScript, every layer: trees as density grid (the map) vs every tree as a point\n")
    print("| trees drawn as | p50 ms | req/s |")
    print("|---|---|---|")
    print(f"| density grid (100 m cells) | {grid_p50 * 1000:.0f} | {grid_rps:.2f} |")
    print(f"| {n_trees:,} points | {points_p50 * 1000:.0f} | {points_rps:.2f} |")


if __name__ == "__main__":
    main()
