"""Benchmark: concurrent statement submissions against the embedded default (SQLite WAL, synchronous=FULL).

ours:     N clients x M statements through the real web stack (``gdi serve``: gunicorn, 2 workers x 4
          threads, CSRF, form parsing, receipt page), each statement committed before its receipt.
baseline: the same number of rows inserted straight into a SQLite WAL database (synchronous=FULL, one
          connection per client thread, one transaction per row) — the storage ceiling without the web.

Afterwards every receipt is checked against the database: count, and content hash recomputed from the
stored row. Usage: ``.venv/bin/python benchmarks/bench_participation.py [--quick]``.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
GDI = str(Path(sys.executable).parent / "gdi")


def free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))]


def start_server(var: Path, port: int) -> subprocess.Popen:
    env = dict(os.environ, GDI_VAR=str(var), GDI_PORT=str(port), GDI_BETEILIGUNG_RATE="0",
               GDI_DEMO_STAFF_PASSWORD="bench-passwort-123")
    code = ("from core.config import load_settings\nfrom services.participation.demo import seed_demo\n"
            "seed_demo(load_settings())\n")
    subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, check=True, capture_output=True)
    from gdi import server
    return server.start(env, var / "serve.log", ready="/beteiligung/api/verfahren",
                        timeout=600)  # all mounts start; slow when the shared machine is busy


def run_web(base: str, clients: int, per_client: int) -> tuple[list[float], list[dict], float]:
    lat: list[float] = []
    receipts: list[dict] = []
    lock = threading.Lock()

    def client(c: int) -> None:
        s = requests.Session()
        page = s.get(f"{base}/verfahren/bplan2070").text
        found = re.search(r'name="csrf" value="([^"]+)"', page)
        if found is None:
            raise RuntimeError("no CSRF token on the procedure page")
        tok = found.group(1)
        mine, times = [], []
        for i in range(per_client):
            text = f"Benchmark client {c} statement {i}: bitte Radweg prüfen."
            t0 = time.perf_counter()
            r = s.post(f"{base}/verfahren/bplan2070", data={"csrf": tok, "text": text, "consent": "yes"})
            times.append(time.perf_counter() - t0)
            if r.status_code != 200:
                raise RuntimeError(f"HTTP {r.status_code}: {r.text[:200]}")
            rec = dict(re.findall(r'id="receipt-(\w+)"[^>]*>([^<]+)<', r.text))
            rec["text"] = text
            mine.append(rec)
        with lock:
            lat.extend(times)
            receipts.extend(mine)

    t0 = time.perf_counter()
    with ThreadPoolExecutor(clients) as ex:
        list(ex.map(client, range(clients)))
    return lat, receipts, time.perf_counter() - t0


def verify(var: Path, receipts: list[dict]) -> tuple[int, int, int]:
    """(rows in db, receipts missing, hash mismatches)."""
    con = sqlite3.connect(var / "participation" / "beteiligung.db")
    rows = {r[0]: r for r in con.execute("SELECT number, procedure_id, text, geometry, received_at, content_hash "
                                         "FROM statements")}
    missing = mismatch = 0
    for rec in receipts:
        row = rows.get(rec["number"])
        if row is None:
            missing += 1
            continue
        content = {"procedure": row[1], "text": row[2], "geometry": json.loads(row[3]) if row[3] else None,
                   "received_at": row[4], "attachments": []}
        h = hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False,
                                      separators=(",", ":")).encode()).hexdigest()
        if not (h == row[5] == rec["hash"] and row[2] == rec["text"]):
            mismatch += 1
    return len(rows), missing, mismatch


def run_baseline(path: Path, clients: int, per_client: int) -> tuple[list[float], float, int]:
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE s (id INTEGER PRIMARY KEY, text TEXT, received_at TEXT, content_hash TEXT)")
    con.close()
    lat: list[float] = []
    lock = threading.Lock()

    def client(c: int) -> None:
        cx = sqlite3.connect(path, timeout=60, isolation_level=None)
        cx.execute("PRAGMA synchronous=FULL")
        times = []
        for i in range(per_client):
            text = f"Benchmark client {c} statement {i}"
            t0 = time.perf_counter()
            cx.execute("BEGIN IMMEDIATE")
            cx.execute("INSERT INTO s (text, received_at, content_hash) VALUES (?, ?, ?)",
                       (text, time.time(), hashlib.sha256(text.encode()).hexdigest()))
            cx.execute("COMMIT")
            times.append(time.perf_counter() - t0)
        with lock:
            lat.extend(times)

    t0 = time.perf_counter()
    with ThreadPoolExecutor(clients) as ex:
        list(ex.map(client, range(clients)))
    wall = time.perf_counter() - t0
    n = sqlite3.connect(path).execute("SELECT count(*) FROM s").fetchone()[0]
    return lat, wall, n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="10 clients x 20 statements")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--per-client", type=int, default=200)
    a = ap.parse_args()
    clients, per = (10, 20) if a.quick else (a.clients, a.per_client)
    with tempfile.TemporaryDirectory(prefix="bench-beteiligung-") as tmp:
        var = Path(tmp) / "var"
        var.mkdir()
        port = free_port()
        proc = start_server(var, port)
        try:
            lat, receipts, wall = run_web(f"http://127.0.0.1:{port}/beteiligung", clients, per)
        finally:
            from gdi import server
            server.stop(proc, timeout=30)
        n_rows, missing, mismatch = verify(var, receipts)
        blat, bwall, bn = run_baseline(Path(tmp) / "baseline.db", clients, per)
    total = clients * per
    print(f"\n{clients} concurrent clients x {per} statements = {total} (2 cores, shared machine: noisy)\n")
    print("| run | statements stored | lost | hash mismatches | throughput /s | p50 ms | p95 ms | max ms |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| ours: HTTP form -> gunicorn -> SQLite WAL (FULL) | {n_rows} | {total - n_rows + missing} | {mismatch} | "
          f"{total / wall:.0f} | {statistics.median(lat) * 1000:.1f} | {pct(lat, 95) * 1000:.1f} | "
          f"{max(lat) * 1000:.1f} |")
    print(f"| baseline: direct SQLite WAL insert (FULL), no web | {bn} | {total - bn} | – | {total / bwall:.0f} | "
          f"{statistics.median(blat) * 1000:.2f} | {pct(blat, 95) * 1000:.2f} | {max(blat) * 1000:.2f} |")
    if n_rows != total or missing or mismatch:
        raise SystemExit("LOST OR CORRUPTED STATEMENTS")


if __name__ == "__main__":
    main()
