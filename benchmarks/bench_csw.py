"""CSW / metadata benchmark.

Side by side in one run, on the records of all bundled datasets:
  * ours:     ``/csw`` on ``gdi serve`` (gunicorn worker -> WSGI reverse proxy -> pycsw sidecar)
  * baseline: the same pycsw sidecar addressed directly on its internal port (no proxy)
for GetCapabilities, GetRecords (ISO 19139, 10 full records) and GetRecordById (ISO 19139), with 1 and 4
concurrent clients: p50 latency and requests/s. Also the time to write all records (XSD-validated) and
to rebuild the pycsw repository. The machine has 2 cores and is shared: figures are noisy.

    .venv/bin/python benchmarks/bench_csw.py [--quick] [--n 120] [--work DIR]
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
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
GDI = str(Path(sys.executable).parent / "gdi")
sys.path.insert(0, str(ROOT))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bench(url: str, params: dict, n: int, clients: int) -> tuple[float, float]:
    """(p50 ms, requests/s) of n GETs spread over `clients` threads, one session each."""
    def worker(k: int) -> list[float]:
        s = requests.Session()
        out = []
        for _ in range(k):
            t0 = time.perf_counter()
            r = s.get(url, params=params, timeout=60)
            r.raise_for_status()
            out.append(time.perf_counter() - t0)
        return out
    per = [n // clients] * clients
    t0 = time.perf_counter()
    with ThreadPoolExecutor(clients) as ex:
        lat = [x for part in ex.map(worker, per) for x in part]
    wall = time.perf_counter() - t0
    return statistics.median(lat) * 1000, len(lat) / wall


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="fewer requests")
    ap.add_argument("--work", type=Path, default=None)
    ap.add_argument("--n", type=int, default=120, help="requests per cell")
    a = ap.parse_args()
    n = 40 if a.quick else a.n
    work = a.work or Path(tempfile.mkdtemp(prefix="bench-csw-"))
    port = free_port()
    env = dict(os.environ, GDI_VAR=str(work / "var"), GDI_PORT=str(port))
    subprocess.run([GDI, "etl"], env=env, check=True, capture_output=True)

    os.environ.update(GDI_VAR=env["GDI_VAR"], GDI_PORT=env["GDI_PORT"])
    from core.config import load_settings
    from metadata.records import write_records
    from services.csw.config import read_state
    from services.csw.load import load_records
    settings = load_settings()
    t0 = time.perf_counter()
    reps = 3
    for _ in range(reps):
        recs = write_records(settings)
    t_write = (time.perf_counter() - t0) / reps
    t0 = time.perf_counter()
    for _ in range(reps):
        summary = load_records(settings)
    t_load = (time.perf_counter() - t0) / reps

    from gdi import server
    proc = server.start(env, work / "serve.log", also=lambda: bool(read_state(settings)))
    try:
        base = f"http://127.0.0.1:{port}"
        state = read_state(settings)
        assert state is not None  # server.start waited for it (also=...)
        side = f"http://127.0.0.1:{state['port']}/"
        rid = next(iter(recs))
        gmd = "http://www.isotc211.org/2005/gmd"
        cases = {
            "GetCapabilities": {"service": "CSW", "version": "2.0.2", "request": "GetCapabilities"},
            "GetRecords gmd (10 full)": {"service": "CSW", "version": "2.0.2", "request": "GetRecords",
                                         "typeNames": "csw:Record", "resultType": "results", "maxRecords": "10",
                                         "elementSetName": "full", "outputSchema": gmd},
            "GetRecordById gmd": {"service": "CSW", "version": "2.0.2", "request": "GetRecordById", "id": rid,
                                  "elementSetName": "full", "outputSchema": gmd},
        }
        rows = []
        for name, params in cases.items():
            bench(base + "/csw", params, 4, 1)  # warm up
            for clients in (1, 4):
                p_ours, rps_ours = bench(base + "/csw", params, n, clients)
                p_base, rps_base = bench(side, params, n, clients)
                rows.append((name, clients, p_ours, rps_ours, p_base, rps_base))
    finally:
        server.stop(proc, timeout=30)

    print(f"records: {len(recs)} written (XSD-validated + rule table) in {t_write * 1000:.0f} ms; "
          f"pycsw repository rebuilt ({summary['loaded']} public records) in {t_load * 1000:.0f} ms "
          f"(mean of {reps})\n")
    print("| request | clients | ours /csw p50 ms | ours req/s | pycsw direct p50 ms | pycsw direct req/s |")
    print("|---|---|---|---|---|---|")
    for name, c, po, ro, pb, rb in rows:
        print(f"| {name} | {c} | {po:.1f} | {ro:.0f} | {pb:.1f} | {rb:.0f} |")
    print(f"\n{n} requests per cell; work dir {work}")
    (work / "bench.json").write_text(json.dumps({"rows": rows, "write_s": t_write, "load_s": t_load}))


if __name__ == "__main__":
    main()
