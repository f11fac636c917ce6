"""``/metrics`` and the JSON access log, through the real ``gdi serve`` (gunicorn, several workers).

The Prometheus output is read with prometheus_client's own parser, so the exposition format is checked by a
real client. Access control is tested on a second server behind a simulated trusted proxy (127.0.0.1 is a
trusted proxy there, ``X-Forwarded-For`` names the client) whose allow list excludes 127.0.0.1.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import requests
from prometheus_client.parser import text_string_to_metric_families

from tests.conftest import ROOT, free_port

Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


def scrape(base: str, **kw: Any) -> Samples:
    r = requests.get(f"{base}/metrics", timeout=30, **kw)
    assert r.status_code == 200, r.text
    assert r.headers["Content-Type"].startswith("text/plain; version=")
    out: Samples = {}
    for fam in text_string_to_metric_families(r.text):
        for s in fam.samples:
            out[(s.name, tuple(sorted(s.labels.items())))] = s.value
    return out


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def by_label(samples: Samples, name: str, label: str) -> dict[str, float]:
    return {dict(k[1])[label]: v for k, v in samples.items() if k[0] == name}


def fire(urls: list[str]) -> list[int]:
    """GET every URL, 8 at a time, each on its own connection (so gunicorn's workers share the load)."""
    def one(url: str) -> int:
        return requests.get(url, timeout=60, headers={"Connection": "close"}).status_code
    with ThreadPoolExecutor(8) as pool:
        return list(pool.map(one, urls))


def find_log_line(logs: list[Path], rid: str, timeout: float = 10.0) -> dict[str, Any]:
    """The JSON access-log line of request ``rid`` (written when the response body is closed)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        for log in logs:
            for line in log.read_text(errors="replace").splitlines():
                if rid in line and line.startswith("{"):
                    return dict(json.loads(line))
        time.sleep(0.2)
    raise AssertionError(f"no access-log line with id {rid} in {logs}")


# --------------------------------------------------------------------------- the session server


def test_metrics_for_localhost_in_prometheus_format(server: str) -> None:
    samples = scrape(server)
    names = {k[0] for k in samples}
    for name in ("gdi_http_requests_total", "gdi_http_request_duration_seconds_bucket",
                 "gdi_http_request_duration_seconds_count", "gdi_publication_age_seconds",
                 "gdi_publication_info", "gdi_etl_last_run_success", "gdi_metrics_source_up"):
        assert name in names, f"{name} missing from /metrics"
    assert by_label(samples, "gdi_metrics_source_up", "source") == {
        "publications": 1.0, "etl_reports": 1.0, "participation": 1.0}
    r = requests.post(f"{server}/metrics", timeout=10)
    assert r.status_code == 405


def test_counters_exact_across_workers(server: str, demo_settings: Any) -> None:
    """N requests to /download and M to a missing /download file raise the counters by exactly N and M,
    whichever gunicorn worker served them (and both workers did)."""
    before = scrape(server)
    ok = missing = 0
    metrics_root = demo_settings.node_dir / "metrics"
    for _burst in range(6):
        codes = fire([f"{server}/download/"] * 30 + [f"{server}/download/no-such-dataset/x.gml"] * 10)
        assert codes.count(200) == 30 and codes.count(404) == 10, codes
        ok, missing = ok + 30, missing + 10
        pids = {p.stem.split("_")[-1] for p in metrics_root.glob("*/counter_*.db")}
        if len(pids) >= 2:
            break
    assert len(pids) >= 2, f"every request went to one worker process: {pids}"
    after = scrape(server)

    def delta(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert delta("gdi_http_requests_total", service="download", status_class="2xx") == ok
    assert delta("gdi_http_requests_total", service="download", status_class="4xx") == missing
    assert delta("gdi_http_requests_total", service="download", status_class="5xx") == 0
    assert delta("gdi_http_request_errors_total", service="download") == 0
    assert delta("gdi_http_request_duration_seconds_count", service="download") == ok + missing
    # the scrape before is counted under its own service, not under download
    assert value(after, "gdi_http_requests_total", service="metrics", status_class="2xx") >= 1


def test_histogram_buckets_cumulative(server: str) -> None:
    fire([f"{server}/health", f"{server}/ogc/collections?f=json", f"{server}/"])
    samples = scrape(server)
    services = set(by_label(samples, "gdi_http_request_duration_seconds_count", "service"))
    assert {"health", "ogc", "root"} <= services
    for svc in services:
        buckets = sorted(((float(dict(k[1])["le"]), v) for k, v in samples.items()
                          if k[0] == "gdi_http_request_duration_seconds_bucket" and dict(k[1])["service"] == svc))
        counts = [v for _, v in buckets]
        assert buckets[-1][0] == float("inf")
        assert counts == sorted(counts), f"{svc}: buckets are not cumulative: {buckets}"
        count = value(samples, "gdi_http_request_duration_seconds_count", service=svc)
        assert counts[-1] == count > 0
        assert value(samples, "gdi_http_request_duration_seconds_sum", service=svc) > 0
        total = sum(v for k, v in samples.items()
                    if k[0] == "gdi_http_requests_total" and dict(k[1])["service"] == svc)
        assert total == count, f"{svc}: requests_total {total} != histogram count {count}"


def test_publications_etl_and_participation(server: str, demo_settings: Any) -> None:
    from core.store import get_store
    published = get_store(demo_settings).published()
    assert published
    samples = scrape(server)
    ages = by_label(samples, "gdi_publication_age_seconds", "dataset")
    assert set(ages) == set(published)
    versions = {dict(k[1])["dataset"]: dict(k[1])["version"] for k in samples if k[0] == "gdi_publication_info"}
    for ds, manifest in published.items():
        assert versions[ds] == manifest["version"]
        assert 0 <= ages[ds] < 7 * 86400
    success = by_label(samples, "gdi_etl_last_run_success", "dataset")
    last_ok = by_label(samples, "gdi_etl_last_success_timestamp_seconds", "dataset")
    for ds in published:  # the demo published every dataset it ran
        assert success[ds] == 1.0
        assert time.time() - 7 * 86400 < last_ok[ds] <= time.time() + 5
    # statements per procedure, as the participation database holds them
    from sqlalchemy import create_engine, text

    from services.participation.config import load_config
    engine = create_engine(load_config(demo_settings).db_url)
    with engine.connect() as conn:
        expected = {pid: float(n) for pid, n in conn.execute(text(
            "SELECT p.id, count(s.id) FROM procedures p LEFT JOIN statements s ON s.procedure_id = p.id "
            "GROUP BY p.id"))}
    engine.dispose()
    assert by_label(samples, "gdi_participation_statements", "procedure") == expected


def test_request_id_and_json_access_log(server: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    rid = f"test-{uuid.uuid4().hex[:12]}"
    r = requests.get(f"{server}/download/?token=s3cr3t-value&lang=de", headers={"X-Request-ID": rid}, timeout=30)
    assert r.status_code == 200
    assert r.headers["X-Request-ID"] == rid
    for bad in ("a b", "x" * 65, "<script>", "-leading-dash"):
        got = requests.get(f"{server}/health", headers={"X-Request-ID": bad}, timeout=30).headers["X-Request-ID"]
        assert re.fullmatch(r"[0-9a-f]{32}", got), (bad, got)
    fresh = requests.get(f"{server}/health", timeout=30).headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", fresh)
    # the session server's output (standard error: the default access log) is its serve.log
    logs = list(tmp_path_factory.getbasetemp().glob("serve*/serve.log"))
    entry = find_log_line(logs, rid)
    assert entry["id"] == rid and entry["method"] == "GET" and entry["status"] == 200
    assert entry["path"] == "/download/" and entry["service"] == "download"
    assert entry["client"] == "127.0.0.1"
    assert isinstance(entry["duration_ms"], float | int) and entry["duration_ms"] >= 0
    assert "s3cr3t" not in json.dumps(entry) and "token=REDACTED" in entry["query"] and "lang=de" in entry["query"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", entry["time"])


# --------------------------------------------------------------------------- access rule (second server)


class Restricted:
    def __init__(self, base: str, token: str, log: Path):
        self.base, self.token, self.log = base, token, log


@pytest.fixture(scope="module")
def restricted(demo_settings: Any, demo_env: dict[str, str],
               tmp_path_factory: pytest.TempPathFactory) -> Iterator[Restricted]:
    """A second node on the demo data: 127.0.0.1 is its trusted proxy, /metrics only for 10.0.0.0/8 (and
    staff), the access log in a file."""
    from gdi import server as gdi_server
    root = tmp_path_factory.mktemp("metrics")
    port = free_port()
    # the same public URL as the session's server: both nodes write the service configs into the shared var
    # dir at start-up, and the first node's links must keep pointing at the first node (as behind a balancer)
    env = dict(demo_env, GDI_PORT=str(port), GDI_RUN_DIR=str(root / "run"), GDI_TRUSTED_PROXIES="127.0.0.1",
               GDI_METRICS_ALLOW="10.0.0.0/8", GDI_ACCESS_LOG=str(root / "access.log"),
               GDI_PUBLIC_URL=demo_settings.service.public_url)
    r = subprocess.run([sys.executable, "-c", "from core.config import load_settings\n"
                        "from services.auth import add_key\nprint(add_key(load_settings(), 'metrics-test'))"],
                       env=env, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert r.returncode == 0, r.stderr
    token = r.stdout.strip().splitlines()[-1]
    proc = gdi_server.start(env, root / "serve.log")
    try:
        yield Restricted(f"http://127.0.0.1:{port}", token, root / "access.log")
    finally:
        gdi_server.stop(proc)


@pytest.mark.parametrize(("forwarded_for", "auth", "expected"), [
    (None, None, 403),                        # 127.0.0.1 itself is not on this node's allow list
    ("203.0.113.7", None, 403),               # a citizen behind the proxy
    ("203.0.113.7", "Bearer wrong", 403),     # a made-up key is no staff key
    ("10.2.3.4", None, 200),                  # the monitoring network
    ("10.2.3.4, 203.0.113.7", None, 403),     # the proxy appended the real client: not the claimed one
    ("203.0.113.7", "staff", 200),            # staff from anywhere
])
def test_metrics_access_rule(restricted: Restricted, forwarded_for: str | None, auth: str | None,
                             expected: int) -> None:
    headers = {}
    if forwarded_for:
        headers["X-Forwarded-For"] = forwarded_for
    if auth:
        headers["Authorization"] = f"Bearer {restricted.token}" if auth == "staff" else auth
    if expected == 200:   # a counted request first: this node may have answered none yet
        assert requests.get(f"{restricted.base}/ogc/?f=json", timeout=30).status_code == 200
    r = requests.get(f"{restricted.base}/metrics", headers=headers, timeout=30)
    assert r.status_code == expected, r.text
    if expected == 200:
        # a request is recorded when its body is closed, after the client has the answer: another worker may
        # serve /metrics a moment earlier (failed once in a full run), so ask again for up to 5 s
        deadline = time.monotonic() + 5
        while not any(f.name == "gdi_http_requests" for f in text_string_to_metric_families(r.text)) \
                and time.monotonic() < deadline:
            time.sleep(0.2)
            r = requests.get(f"{restricted.base}/metrics", headers=headers, timeout=30)
        assert any(f.name == "gdi_http_requests" for f in text_string_to_metric_families(r.text))
    else:
        assert "gdi_" not in r.text


def test_access_log_file_with_forwarded_client(restricted: Restricted) -> None:
    rid = uuid.uuid4().hex
    r = requests.get(f"{restricted.base}/ogc/collections?f=json",
                     headers={"X-Forwarded-For": "198.51.100.9", "X-Request-ID": rid}, timeout=60)
    assert r.status_code == 200 and r.headers["X-Request-ID"] == rid
    entry = find_log_line([restricted.log], rid)
    assert entry["client"] == "198.51.100.9"  # the address the edge computed, not the proxy's
    assert entry["service"] == "ogc" and entry["path"] == "/ogc/collections" and entry["query"] == "f=json"


# --------------------------------------------------------------------------- 5xx accounting


def test_server_errors_counted(tmp_path: Path) -> None:
    """A 5xx answer and an exception inside a part both count as errors (in a child process: multiprocess
    mode sets an environment variable that must not leak into the test session)."""
    code = """
import json
from werkzeug.test import Client
from core.config import load_settings
from services.metrics import MetricsMiddleware, metrics_app
from werkzeug.middleware.dispatcher import DispatcherMiddleware
from prometheus_client.parser import text_string_to_metric_families
s = load_settings()
def part(environ, sr):
    if environ["PATH_INFO"] == "/raise":
        raise RuntimeError("boom")
    sr("503 Service Unavailable", [("Content-Type", "text/plain")])
    return [b"damaged"]
app = MetricsMiddleware(DispatcherMiddleware(part, {"/metrics": metrics_app(s), "/wms": part}), s, ["/wms"])
c = Client(app)
for path in ("/wms/a", "/wms/b", "/wms/raise"):
    try:
        c.get(path).close()
    except RuntimeError:
        pass
text = c.get("/metrics", environ_base={"REMOTE_ADDR": "127.0.0.1"}).get_data(as_text=True)
out = {}
for fam in text_string_to_metric_families(text):
    for smp in fam.samples:
        if smp.labels.get("service") == "wms" and smp.name.startswith("gdi_http_request"):
            out[smp.name + json.dumps(smp.labels, sort_keys=True)] = smp.value
print(json.dumps(out))
"""
    env = dict(os.environ, GDI_VAR=str(tmp_path / "var"))
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    r = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True,
                       timeout=120, check=False)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout.strip().splitlines()[-1])
    assert out['gdi_http_requests_total{"service": "wms", "status_class": "5xx"}'] == 3
    assert out['gdi_http_request_errors_total{"service": "wms"}'] == 3
    assert out['gdi_http_request_duration_seconds_count{"service": "wms"}'] == 3
