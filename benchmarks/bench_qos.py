"""INSPIRE quality of service (Commission Regulation (EC) No 976/2009, Annex I) under open-loop load.

Each service is offered its regulation rate for ``--duration`` seconds by an open-loop generator
(``qos_load.py``: request i is started at start + i/rate whether or not earlier ones were answered, every
time counted from that due time, so queueing is never hidden):

  discovery (/csw)        30 req/s, answer <= 3 s     GetRecords (CQL and XML filters, paging), GetRecordById,
                                                      GetCapabilities
  view (/wms)             20 req/s, GetMap <= 5 s     800x600 PNG at city, district and street scale, any
                                                      layer or all, EPSG:25832 / 4326 / 3857
  download (/download,    10 req/s; metadata <= 10 s  Atom feeds, OpenSearch description, OGC API landing
  /ogc)                                               page and collections
                          Get Spatial Data Set /      dataset files (GML, GeoPackage, GeoJSON) and OGC API
                          Object: first byte <= 30 s, items pages (limit 10..1000, offsets, bboxes) and
                          then >= 0.5 MB/s or >= 500  items by id
                          objects/s

Reading of the criteria: "normal situation" is 90 % of the time (Annex I, 1), so a criterion is met when
>= 90 % of the requests offered at the regulation rate succeeded within its time (failures and timeouts
count against it). Discovery, view and metadata times are complete answers (stricter than the initial
response); for data sets and objects the first byte, then the rate after it (MB = 2^20 bytes). Before
each open-loop run the same mix is sent one request at a time (closed loop, 1 client) as the baseline;
each service gets a fresh ``gdi serve`` (a backlog left by an overloaded run must not slow the next),
and the load average is recorded before and after it. Two data scales: ``demo`` (the bundled datasets as
``gdi etl`` publishes them) and ``large`` (1M trees + 100k buildings from bench_wms's generator + plans).

    .venv/bin/python benchmarks/bench_qos.py [--quick] [--scale demo|large|both] [--duration 60]
        [--services discovery,view,download] [--json out.json] [--work DIR]
"""
from __future__ import annotations

import argparse
import asyncio
import functools
import json
import os
import random
import re
import resource
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

import requests
from pyproj import Transformer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import bench_wms  # noqa: E402 - after the sys.path entry
from benchmarks.qos_load import Req, Sample, as_dicts, run_closed, run_open, summarize, transfer  # noqa: E402
from core.area import HILDESHEIM_BBOX_25832  # noqa: E402
from gdi import server  # noqa: E402

GDI = str(Path(sys.executable).parent / "gdi")
PLANS = ("bplan2070", "bplan2070_sr")
W, H = 800, 600  # ~470 KB at 8 bits a pixel: the regulation's example image
GMD = "http://www.isotc211.org/2005/gmd"


@dataclass
class Service:
    name: str
    rate: float
    criteria: dict[str, float]  # category -> seconds (complete answer; first byte for dataset/object)


SERVICES = {
    "discovery": Service("discovery", 30, {"discovery": 3.0}),
    "view": Service("view", 20, {"view": 5.0}),
    "download": Service("download", 10, {"metadata": 10.0, "dataset": 30.0, "object": 30.0}),
}
FIRST_BYTE = {"dataset", "object"}


# --- data -------------------------------------------------------------------------------------------

def prepare_demo(work: Path) -> dict[str, str]:
    """The bundled datasets published by ``gdi etl`` (with its post-publish hooks) into work/demo/var."""
    var = work / "demo" / "var"
    env = {"GDI_VAR": str(var), "GDI_DATASETS": str(ROOT / "datasets")}
    if not (var / "etl.done").exists():
        t0 = time.time()
        subprocess.run([GDI, "etl"], env={**os.environ, **env}, check=True, capture_output=True, cwd=ROOT)
        (var / "etl.done").write_text("ok\n")
        print(f"demo: gdi etl in {time.time() - t0:.0f} s", file=sys.stderr)
    return env


def prepare_large(work: Path, n_trees: int, n_buildings: int) -> dict[str, str]:
    """bench_wms's generated trees and buildings, plus the plan datasets through the real ETL."""
    base = work / "large"
    base.mkdir(parents=True, exist_ok=True)
    var = bench_wms.prepare(base, n_trees, n_buildings)
    for ds in PLANS:
        link = base / "datasets" / ds
        if not link.exists():
            os.symlink(ROOT / "datasets" / ds, link)
    env = {"GDI_VAR": str(var), "GDI_DATASETS": str(base / "datasets")}
    if not (var / "plans.done").exists():
        t0 = time.time()
        subprocess.run([GDI, "etl", *PLANS], env={**os.environ, **env}, check=True, capture_output=True, cwd=ROOT)
        (var / "plans.done").write_text("ok\n")
        print(f"large: plans ETL (+ post-publish hooks) in {time.time() - t0:.0f} s", file=sys.stderr)
    return env


# --- what the services offer (asked over HTTP, as a client would) ------------------------------------

@dataclass
class Catalogue:
    layers: list[tuple[str, tuple[float, ...]]] = field(default_factory=list)  # (name, EPSG:25832 bbox)
    root_layer: str = ""
    record_ids: list[str] = field(default_factory=list)
    n_records: int = 0
    collections: list[tuple[str, list[float], int, list[str]]] = field(default_factory=list)  # id, bbox, n, ids
    feeds: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    file_sizes: dict[str, int] = field(default_factory=dict)
    broken: list[str] = field(default_factory=list)  # collections that fail: left out of the mix


def discover(base: str) -> Catalogue:
    from lxml import etree
    cat = Catalogue()
    s = requests.Session()
    caps = etree.fromstring(s.get(f"{base}/wms", params={"SERVICE": "WMS", "REQUEST": "GetCapabilities",
                                                          "VERSION": "1.3.0"}, timeout=60).content)
    ns = {"w": "http://www.opengis.net/wms"}
    for i, lay in enumerate(caps.iterfind(".//w:Layer[w:Name]", ns)):
        bb = lay.find("w:BoundingBox[@CRS='EPSG:25832']", ns)
        if bb is not None:
            box = tuple(float(bb.get(k)) for k in ("minx", "miny", "maxx", "maxy"))
            if i == 0:
                cat.root_layer = lay.findtext("w:Name", namespaces=ns)
            else:
                cat.layers.append((lay.findtext("w:Name", namespaces=ns), box))
    recs = etree.fromstring(s.get(f"{base}/csw", params={
        "service": "CSW", "version": "2.0.2", "request": "GetRecords", "typeNames": "csw:Record",
        "resultType": "results", "elementSetName": "brief", "maxRecords": "100"}, timeout=60).content)
    cat.record_ids = [e.text for e in recs.iterfind(".//{http://purl.org/dc/elements/1.1/}identifier")]
    cat.n_records = int(recs.find(".//{http://www.opengis.net/cat/csw/2.0.2}SearchResults")
                        .get("numberOfRecordsMatched"))
    for c in s.get(f"{base}/ogc/collections", params={"f": "json"}, timeout=60).json()["collections"]:
        url = f"{base}/ogc/collections/{c['id']}/items"
        r = s.get(url, params={"f": "json", "limit": "20"}, timeout=120)
        if r.status_code != 200:  # bench_wms's publications declare views their GeoPackage lacks
            cat.broken.append(f"{c['id']} (HTTP {r.status_code})")
            continue
        first = r.json()
        n = int(first.get("numberMatched", len(first["features"])))
        deep = s.get(url, params={"f": "json", "limit": "20", "offset": str(n // 2)}, timeout=120).json()
        ids = [str(f["id"]) for f in first["features"] + deep["features"]]
        cat.collections.append((c["id"], c["extent"]["spatial"]["bbox"][0], n, ids))
    service_feed = s.get(f"{base}/download/feed.xml", timeout=60).text
    cat.feeds = ["/download/feed.xml", *sorted({urlsplit(h).path for h in re.findall(
        r'href="([^"]+/download/[^/"]+/feed\.xml)"', service_feed)})]
    for feed in cat.feeds[1:]:
        for h in sorted(set(re.findall(r'href="([^"]+/download/[^/"]+/[^/"]+\.(?:gml|gpkg|geojson))"',
                                       s.get(base + feed, timeout=60).text))):
            path = urlsplit(h).path
            cat.files.append(path)
            cat.file_sizes[path] = int(s.head(base + path, timeout=60).headers.get("Content-Length", 0))
    return cat


# --- request mixes ----------------------------------------------------------------------------------

def _pick(rng: random.Random, weighted: dict[str, float]) -> str:
    return rng.choices(list(weighted), weights=list(weighted.values()))[0]


@functools.cache
def _transformer(crs: str) -> Transformer:
    return Transformer.from_crs("EPSG:25832", crs, always_xy=True)


def _bbox_param(box: tuple[float, float, float, float], crs: str) -> str:
    """A EPSG:25832 box as a WMS 1.3.0 BBOX in ``crs`` (EPSG:4326: latitude first)."""
    if crs == "EPSG:25832":
        return ",".join(f"{v:.2f}" for v in box)
    x0, y0, x1, y1 = _transformer(crs).transform_bounds(*box)
    return f"{y0:.7f},{x0:.7f},{y1:.7f},{x1:.7f}" if crs == "EPSG:4326" else f"{x0:.2f},{y0:.2f},{x1:.2f},{y1:.2f}"


HALF_WIDTH = {"city": 8000.0, "district": 2000.0, "street": 150.0}  # metres, as bench_wms's scales


def view_request(cat: Catalogue, rng: random.Random) -> Req:
    scale = _pick(rng, {"city": 0.2, "district": 0.3, "street": 0.5})
    if rng.random() < 0.3 or not cat.layers:  # all layers (the root layer) over the city
        layer, (x0, y0, x1, y1) = cat.root_layer, HILDESHEIM_BBOX_25832
    else:
        layer, (x0, y0, x1, y1) = rng.choice(cat.layers)
    if scale == "city":
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    else:
        cx, cy = rng.uniform(x0, x1), rng.uniform(y0, y1)
    hw = HALF_WIDTH[scale]
    hh = hw * H / W
    crs = rng.choice(["EPSG:25832", "EPSG:4326", "EPSG:3857"])
    q = {"SERVICE": "WMS", "VERSION": "1.3.0", "REQUEST": "GetMap", "LAYERS": layer, "STYLES": "", "CRS": crs,
         "BBOX": _bbox_param((cx - hw, cy - hh, cx + hw, cy + hh), crs), "WIDTH": W, "HEIGHT": H,
         "FORMAT": "image/png", "TRANSPARENT": "TRUE"}
    return Req(f"GetMap {scale}", "view", "/wms?" + urlencode(q), validate="png")


TERMS = ("Baum", "Gebäude", "Spielplatz", "Bebauungsplan", "Altlast", "INSPIRE", "Hildesheim", "Dienst")
_GETRECORDS_XML = """<?xml version="1.0" encoding="UTF-8"?>
<csw:GetRecords xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" xmlns:ogc="http://www.opengis.net/ogc"
 xmlns:gml="http://www.opengis.net/gml" service="CSW" version="2.0.2" resultType="results" startPosition="1"
 maxRecords="10" outputSchema="{gmd}"><csw:Query typeNames="csw:Record"><csw:ElementSetName>full</csw:ElementSetName>
<csw:Constraint version="1.1.0"><ogc:Filter><ogc:And><ogc:BBOX><ogc:PropertyName>ows:BoundingBox</ogc:PropertyName>
<gml:Envelope><gml:lowerCorner>{y0:.4f} {x0:.4f}</gml:lowerCorner><gml:upperCorner>{y1:.4f} {x1:.4f}</gml:upperCorner>
</gml:Envelope></ogc:BBOX><ogc:PropertyIsEqualTo><ogc:PropertyName>dc:type</ogc:PropertyName>
<ogc:Literal>{type}</ogc:Literal></ogc:PropertyIsEqualTo></ogc:And></ogc:Filter></csw:Constraint></csw:Query>
</csw:GetRecords>"""


def discovery_request(cat: Catalogue, rng: random.Random) -> Req:
    kind = _pick(rng, {"GetCapabilities": 0.05, "GetRecords paging": 0.25, "GetRecords CQL": 0.2,
                       "GetRecords XML bbox (POST)": 0.15, "GetRecordById": 0.35})
    q = {"service": "CSW", "version": "2.0.2", "request": kind.split()[0]}
    if kind == "GetRecords XML bbox (POST)":
        x0, y0 = rng.uniform(6.0, 13.0), rng.uniform(50.0, 53.5)
        d = rng.choice([0.05, 0.2, 1.0])
        body = _GETRECORDS_XML.format(gmd=GMD, x0=x0, y0=y0, x1=x0 + d, y1=y0 + d,
                                      type=rng.choice(["dataset", "service"])).encode()
        return Req(kind, "discovery", "/csw", method="POST", body=body, content_type="application/xml",
                   validate="xml")
    if kind == "GetRecords paging":
        size = rng.choice([10, 20, 50])
        q.update(typeNames="csw:Record", resultType="results", elementSetName=rng.choice(["brief", "summary"]),
                 maxRecords=str(size), startPosition=str(rng.randint(1, max(1, cat.n_records - 1))))
    elif kind == "GetRecords CQL":
        q.update(typeNames="csw:Record", resultType="results", elementSetName="summary", maxRecords="10",
                 constraintLanguage="CQL_TEXT", constraint_language_version="1.1.0",
                 constraint=f"csw:AnyText like '%{rng.choice(TERMS)}%'")
    elif kind == "GetRecordById":
        q.update(id=rng.choice(cat.record_ids), elementSetName="full")
        if rng.random() < 0.7:
            q["outputSchema"] = GMD
    return Req(kind, "discovery", "/csw?" + urlencode(q), validate="xml")


def download_request(cat: Catalogue, rng: random.Random) -> Req:
    cat_ = _pick(rng, {"metadata": 0.2, "dataset": 0.1, "object": 0.7})
    if cat_ == "metadata" or (cat_ == "dataset" and not cat.files):
        kind = _pick(rng, {"Atom service feed": 1, "Atom dataset feed": 2, "OpenSearch description": 0.5,
                           "OGC API landing page": 1, "OGC API collections": 1, "OGC API collection": 2})
        cid = rng.choice(cat.collections)[0]
        path = {"Atom service feed": "/download/feed.xml", "Atom dataset feed": rng.choice(cat.feeds[1:] or ["/"]),
                "OpenSearch description": "/download/opensearch.xml", "OGC API landing page": "/ogc?f=json",
                "OGC API collections": "/ogc/collections?f=json",
                "OGC API collection": f"/ogc/collections/{cid}?f=json"}[kind]
        return Req(kind, "metadata", path, validate="json" if "OGC" in kind else "xml")
    if cat_ == "dataset":
        path = rng.choice(cat.files)
        return Req(f"file .{path.rsplit('.', 1)[1]}", "dataset", path)
    # half of the object requests go to collections in proportion to their size (the big ones are what
    # users download), half uniformly (the many small plan and source collections)
    weights = [c[2] for c in cat.collections] if rng.random() < 0.5 else None
    cid, bbox, n, ids = rng.choices(cat.collections, weights=weights)[0]
    kind = _pick(rng, {"items page": 0.4, "items bbox": 0.3, "item by id": 0.3})
    if kind == "item by id" and ids:
        return Req(kind, "object", f"/ogc/collections/{cid}/items/{quote(rng.choice(ids), safe='')}?f=json",
                   validate="feature")
    limit = rng.choice([10, 50, 100, 500, 1000])
    q: dict[str, object] = {"f": "json", "limit": limit}
    if kind == "items bbox":
        x, y = rng.uniform(bbox[0], bbox[2]), rng.uniform(bbox[1], bbox[3])
        d = rng.choice([0.003, 0.03])  # ~ a street (300 m) or a district (3 km)
        q["bbox"] = f"{x - d:.6f},{y - d / 1.6:.6f},{x + d:.6f},{y + d / 1.6:.6f}"
    else:
        kind = "items page"
        q["offset"] = rng.randint(0, max(0, n - limit))
    return Req(f"{kind} (limit {limit})" if limit >= 500 else kind, "object",
               f"/ogc/collections/{cid}/items?" + urlencode(q), validate="features")


MIXES = {"discovery": discovery_request, "view": view_request, "download": download_request}


# --- runs -------------------------------------------------------------------------------------------

def judge(svc: Service, samples: list[Sample], baseline: list[Sample]) -> dict:
    """Summaries per category and per kind, and the verdicts."""
    out: dict = {"all": summarize(samples), "baseline": summarize(baseline), "categories": {}, "kinds": {},
                 "verdicts": []}
    sent = out["all"]["sent_per_s"] or 0.0
    for category, limit in svc.criteria.items():
        part = [s for s in samples if s.category == category]
        fb = category in FIRST_BYTE
        summ = summarize(part, limit, first_byte=fb)
        summ["baseline"] = summarize([s for s in baseline if s.category == category], limit, first_byte=fb)
        if fb:
            summ.update(transfer(part))
        out["categories"][category] = summ
        if not part:
            continue
        what = {"discovery": "answer", "view": "GetMap", "metadata": "service metadata"}.get(
            category, f"Get Spatial {'Data Set' if category == 'dataset' else 'Object'}: first byte")
        crit = f"{what} <= {limit:g} s at {svc.rate:g} req/s"
        out["verdicts"].append({"criterion": crit, "n": len(part), "measured": summ["within"],
                                "met": summ["within"] >= 0.9 and sent >= 0.95 * svc.rate})
        if fb:
            share = summ["rate_ok_share"]
            out["verdicts"].append({"criterion": f"{'data set' if category == 'dataset' else 'objects'}: "
                                                 ">= 0.5 MB/s or >= 500 objects/s after the first byte "
                                                 "(answers >= 0.5 MB or >= 500 objects)",
                                    "n": summ["rate_judged"], "measured": share,
                                    "met": None if share is None else share >= 0.9})
    for kind in sorted({s.kind for s in samples}):
        cat = next(s.category for s in samples if s.kind == kind)
        out["kinds"][kind] = summarize([s for s in samples if s.kind == kind], svc.criteria[cat],
                                       first_byte=cat in FIRST_BYTE)
        out["kinds"][kind]["baseline"] = summarize([s for s in baseline if s.kind == kind])
    return out


def run_service(svc: Service, env: dict[str, str], cat: Catalogue | None, args: argparse.Namespace,
                seed: int) -> tuple[dict, Catalogue, list[Sample]]:
    """A fresh server; warm-up; closed-loop baseline; the open-loop run at the regulation rate."""
    port = bench_wms.free_port()
    proc = bench_wms.start_server(env, port)
    base = f"http://127.0.0.1:{port}"
    try:
        c: Catalogue = cat or discover(base)
        mix = MIXES[svc.name]
        rng = random.Random(seed)
        asyncio.run(run_open("127.0.0.1", port, lambda i: mix(c, rng), 4, 3, args.timeout))  # warm-up
        t0 = time.time()
        baseline = asyncio.run(run_closed("127.0.0.1", port, lambda i: mix(c, rng), args.baseline, args.timeout,
                                          budget=args.baseline_budget))
        t_base = time.time() - t0
        rng = random.Random(seed + 1)
        reqs = [mix(c, rng) for _ in range(round(svc.rate * args.duration))]
        load_before, started = os.getloadavg(), datetime.now(UTC).isoformat()
        t0 = time.time()
        samples = asyncio.run(run_open("127.0.0.1", port, reqs.__getitem__, svc.rate, args.duration, args.timeout))
        wall = time.time() - t0
        load_after = os.getloadavg()
    finally:
        server.stop(proc, timeout=30)
    res = judge(svc, samples, baseline)
    res.update(service=svc.name, rate=svc.rate, duration=args.duration, wall_s=wall, baseline_wall_s=t_base,
               load_before=load_before, load_after=load_after, started=started)
    return res, c, baseline + samples


# --- report -----------------------------------------------------------------------------------------

def _s(v: float | None) -> str:
    if v is None:
        return "–"
    return "timeout" if v == float("inf") else f"{v:.2f}" if v < 10 else f"{v:.0f}"


def _pct(v: float | None) -> str:
    return "–" if v is None else f"{v * 100:.1f} %"


def report(results: dict) -> None:
    print("\n## INSPIRE quality of service\n")
    print(f"{os.cpu_count()} cores, shared and noisy; load generator on the same machine. Times in seconds from "
          "each request's scheduled start (open loop); baseline = the same mix, one request at a time.\n")
    print("| scale | service | target | sent (req/s) | served/s (to the last answer) | p50 | p95 | p99 | errors "
          "| baseline p50 / p95 | load avg before → after |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for scale, svcs in results.items():
        for r in svcs.values():
            a, b = r["all"], r["baseline"]
            print(f"| {scale} | {r['service']} | {r['rate']:g}/s × {r['duration']:g} s | {a['n']} "
                  f"({a['sent_per_s'] or 0:.1f}) | {a['served_per_s']:.1f} | {_s(a['p50'])} | {_s(a['p95'])} | "
                  f"{_s(a['p99'])} | {_pct(a['error_rate'])} | {_s(b['p50'])} / {_s(b['p95'])} | "
                  f"{r['load_before'][0]:.1f} → {r['load_after'][0]:.1f} |")
    print("\n| scale | service | criterion | requests | within (≥ 90 %) | verdict |")
    print("|---|---|---|---:|---:|---|")
    for scale, svcs in results.items():
        for r in svcs.values():
            for v in r["verdicts"]:
                print(f"| {scale} | {r['service']} | {v['criterion']} | {v['n']} | {_pct(v['measured'])} | "
                      f"{'n/a' if v['met'] is None else '**met**' if v['met'] else '**not met**'} |")
    print("\n| scale | download | requests | first byte p50 / p95 | bulk answers (>= 0.5 MB or >= 500 objects) | "
          "MB/s after first byte p50 / worst | objects/s after first byte p50 / worst | MB/s, objects/s end to "
          "end p50 | rate met |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for scale, svcs in results.items():
        for name, c in svcs.get("download", {}).get("categories", {}).items():
            if name in FIRST_BYTE and c["n"]:
                print(f"| {scale} | {name} | {c['n']} | {_s(c['ttfb_p50'])} / {_s(c['ttfb_p95'])} | {c['bulk']} | "
                      f"{_s(c['mb_s_after_first_byte_p50'])} / {_s(c['mb_s_after_first_byte_min'])} | "
                      f"{_s(c['objects_s_after_first_byte_p50'])} / {_s(c['objects_s_after_first_byte_min'])} | "
                      f"{_s(c['mb_s_end_to_end_p50'])}, {_s(c['objects_s_end_to_end_p50'])} | "
                      f"{_pct(c['rate_ok_share'])} |")
    print("\n| scale | service | request kind | n | p50 | p95 | errors | within limit | baseline p50 |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|")
    for scale, svcs in results.items():
        for r in svcs.values():
            for kind, k in r["kinds"].items():
                print(f"| {scale} | {r['service']} | {kind} | {k['n']} | {_s(k['p50'])} | {_s(k['p95'])} | "
                      f"{k['errors']} | {_pct(k.get('within'))} | {_s(k['baseline'].get('p50'))} |")


def rejudge(doc: dict) -> dict:
    """The results of a --json file, recomputed from its samples (after a change of the statistics)."""
    out: dict[str, dict] = {}
    for scale, svcs in doc["results"].items():
        for name, old in svcs.items():
            ss = {k: [Sample(**d) for d in v] for k, v in doc["samples"][scale][name].items()}
            res = judge(SERVICES[name], ss["open"], ss["baseline"])
            out.setdefault(scale, {})[name] = {**old, **res}
    return out


def service_env() -> dict[str, str]:
    """The service switches the servers inherit (e.g. ``GDI_CSW_WORKERS=1 GDI_CSW_MEMO=0 GDI_CSW_CACHE=0``, the
    discovery service before issue 16's work), kept with the results so runs can be told apart."""
    return {k: v for k, v in sorted(os.environ.items()) if k.startswith("GDI_CSW_")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="10 s runs, 10 baseline requests, large = 100k trees")
    ap.add_argument("--scale", choices=["demo", "large", "both"], default="both")
    ap.add_argument("--services", default="discovery,view,download")
    ap.add_argument("--duration", type=float, default=None, help="seconds per open-loop run (default 60)")
    ap.add_argument("--baseline", type=int, default=None, help="closed-loop requests per service (default 60)")
    ap.add_argument("--timeout", type=float, default=60.0,
                    help="a request without a first byte this long after its scheduled start is a timeout")
    ap.add_argument("--trees", type=int, default=None)
    ap.add_argument("--buildings", type=int, default=None)
    ap.add_argument("--work", type=Path, default=Path("/tmp/gdi-bench-qos"))
    ap.add_argument("--json", type=Path, default=None, help="write the results (and every sample) here")
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--report", type=Path, default=None, help="only print the tables of an earlier --json file "
                    "(figures recomputed from its samples)")
    args = ap.parse_args()
    if args.report:
        report(rejudge(json.loads(args.report.read_text())))
        return
    args.duration = args.duration or (10.0 if args.quick else 60.0)
    args.baseline = args.baseline or (10 if args.quick else 60)
    args.baseline_budget = 20.0 if args.quick else 90.0
    n_trees = args.trees or (100_000 if args.quick else 1_000_000)
    n_buildings = args.buildings if args.buildings is not None else (10_000 if args.quick else 100_000)
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)  # one socket per request in flight
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    args.work.mkdir(parents=True, exist_ok=True)
    results: dict[str, dict] = {}
    samples: dict[str, dict[str, dict[str, list[dict]]]] = {}
    data: dict[str, dict] = {}
    for scale in (["demo", "large"] if args.scale == "both" else [args.scale]):
        env = prepare_demo(args.work) if scale == "demo" else prepare_large(args.work, n_trees, n_buildings)
        cat = None
        for i, name in enumerate(args.services.split(",")):
            svc = SERVICES[name]
            print(f"{scale} {name}: baseline, then {svc.rate:g} req/s for {args.duration:g} s "
                  f"(load {os.getloadavg()[0]:.1f}) {' '.join(f'{k}={v}' for k, v in service_env().items())}",
                  file=sys.stderr)
            res, cat, ss = run_service(svc, env, cat, args, args.seed + 10 * i)  # baseline first
            results.setdefault(scale, {})[name] = res
            n_base = res["baseline"]["n"]
            samples.setdefault(scale, {})[name] = {"baseline": as_dicts(ss[:n_base]), "open": as_dicts(ss[n_base:])}
            a = res["all"]
            print(f"  sent {a['n']} at {a['sent_per_s'] or 0:.1f}/s, p50 {_s(a['p50'])} p95 {_s(a['p95'])} s, "
                  f"errors {a['errors']} {a['error_examples'][:1]}; "
                  + "; ".join(f"{v['criterion']}: {v['met']}" for v in res["verdicts"]),
                  file=sys.stderr)
        assert cat is not None
        data[scale] = {"var": env["GDI_VAR"], "layers": len(cat.layers) + 1, "records": cat.n_records,
                       "collections": {c[0]: c[2] for c in cat.collections}, "files": cat.file_sizes,
                       "collections_left_out": cat.broken}
        if cat.broken:
            print(f"{scale}: collections left out of the mix (they fail without load): {cat.broken}",
                  file=sys.stderr)
    report(results)
    if args.json:
        args.json.write_text(json.dumps({"args": {k: str(v) for k, v in vars(args).items()},
                                         "env": service_env(), "cores": os.cpu_count(), "data": data,
                                         "results": results,
                                         "samples": samples}, indent=1, default=str))
        print(f"\nresults: {args.json}")


if __name__ == "__main__":
    main()
