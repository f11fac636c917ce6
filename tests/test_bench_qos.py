"""The open-loop load generator of benchmarks/bench_qos.py (benchmarks/qos_load.py) against a tiny local HTTP
server: requests start on schedule while the server holds every answer back, a late start is counted in
the latency (no coordinated omission), timeouts and bad answers are errors, and the statistics behind the
INSPIRE verdicts. No timed assertions on the real services: those are the benchmark's figures."""
from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from benchmarks.qos_load import MB, Req, Sample, percentile, rate_ok, run_closed, run_open, summarize, transfer


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128
    release = threading.Event()
    arrivals: list[float]
    answered: list[float]
    lock = threading.Lock()


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def _send(self, status: int, body: bytes, ctype: str = "text/plain") -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        with self.server.lock:
            self.server.arrivals.append(time.monotonic())  # asyncio's loop.time() is this clock
        if self.path == "/held":  # answered only once the test releases all of them
            self.server.release.wait(10)
            with self.server.lock:
                self.server.answered.append(time.monotonic())
            self._send(200, b"ok")
        elif self.path == "/never":
            time.sleep(2)
            self._send(200, b"too late")
        elif self.path == "/error":
            self._send(500, b"boom")
        elif self.path == "/png":
            self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(1000), "image/png")
        elif self.path == "/chunked":
            self.send_response(200)
            self.send_header("Content-Type", "application/geo+json")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for part in (b'{"type": "FeatureCollection", "features": [', b'{"type": "Feature"}, ' * 3,
                         b'{"type": "Feature"}]}'):
                self.wfile.write(f"{len(part):x}\r\n".encode() + part + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")
        else:
            self._send(200, b"plain text, not a PNG")


@pytest.fixture
def http() -> Iterator[_Server]:
    srv = _Server(("127.0.0.1", 0), _Handler)
    srv.release = threading.Event()
    srv.arrivals, srv.answered = [], []
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield srv
    srv.release.set()
    srv.shutdown()
    srv.server_close()


def _port(srv: _Server) -> int:
    return srv.server_address[1]


def test_requests_start_on_schedule_while_the_server_answers_none(http: _Server) -> None:
    """10 requests at 50/s to a server that holds every answer until all 10 have arrived: a closed loop
    would wait for the first answer forever; the open loop sends all of them on schedule."""
    n, rate = 10, 50.0

    def releaser() -> None:
        deadline = time.monotonic() + 5
        while len(http.arrivals) < n and time.monotonic() < deadline:
            time.sleep(0.005)
        http.release.set()
    threading.Thread(target=releaser, daemon=True).start()
    samples = asyncio.run(run_open("127.0.0.1", _port(http), lambda i: Req("held", "x", "/held"), rate,
                                   n / rate, timeout=10))
    assert len(samples) == n and all(s.ok for s in samples), [s.error for s in samples]
    assert len(http.arrivals) == n
    assert max(http.arrivals) < min(http.answered), "a request was only sent after an earlier one was answered"
    # the arrivals follow the schedule (i / rate), not a burst at the end
    spread = max(http.arrivals) - min(http.arrivals)
    assert (n - 1) / rate * 0.5 < spread < 2.0
    # each latency is counted from its own due time: due + latency is the (common) release time
    ends = [s.due + (s.total or 0) for s in samples]
    assert max(ends) - min(ends) < 0.1
    assert samples[0].total is not None and samples[-1].total is not None
    assert samples[0].total - samples[-1].total > (n - 1) / rate * 0.5


def test_a_late_start_counts_in_the_latency(http: _Server) -> None:
    """If the client cannot start a request on time (here: building request 3 blocks the event loop for
    0.3 s), the delay is part of that request's latency: no coordinated omission."""
    def make(i: int) -> Req:
        if i == 3:
            time.sleep(0.3)
        return Req("fast", "x", "/png", validate="png")
    samples = asyncio.run(run_open("127.0.0.1", _port(http), make, 20.0, 0.5, timeout=10))
    assert all(s.ok for s in samples), [s.error for s in samples]
    late = samples[3]
    assert late.lag > 0.1 and late.total is not None and late.total >= late.lag
    assert all(s.total is not None and s.total >= s.lag >= 0 for s in samples)
    assert summarize(samples)["lag_max"] >= late.lag


def test_timeouts_and_bad_answers_are_errors(http: _Server) -> None:
    reqs = [Req("never", "x", "/never"), Req("error", "x", "/error"), Req("not png", "x", "/text", validate="png"),
            Req("png", "x", "/png", validate="png"), Req("chunked", "x", "/chunked", validate="features")]
    samples = asyncio.run(run_closed("127.0.0.1", _port(http), reqs.__getitem__, len(reqs), timeout=0.5))
    by = {s.kind: s for s in samples}
    assert by["never"].error == "timeout" and by["never"].ttfb is None
    assert by["error"].status == 500 and by["error"].error is not None and "HTTP 500" in by["error"].error
    assert by["not png"].error is not None and "not a PNG" in by["not png"].error
    assert by["png"].ok and by["png"].nbytes == 1008
    assert by["chunked"].ok and by["chunked"].objects == 4
    summ = summarize(samples, limit=0.4)
    assert summ["n"] == 5 and summ["errors"] == 3 and summ["timeouts"] == 1
    assert summ["within"] == pytest.approx(2 / 5)  # failures count as outside the limit
    assert summ["p99"] == float("inf")  # the timeout is infinitely late, not left out


def _sample(total: float, ttfb: float = 0.0, nbytes: int = 0, objects: int | None = None,
            error: str | None = None) -> Sample:
    return Sample("k", "object", 0.0, ttfb=ttfb, total=total, status=200, nbytes=nbytes, objects=objects,
                  error=error)


@pytest.mark.parametrize(("sample", "expected"), [
    (_sample(0.01, 0.005, nbytes=1000, objects=10), None),               # small answer: not judged
    (_sample(1.5, 0.5, nbytes=MB), True),                                # 1 MB in 1 s after the first byte
    (_sample(3.5, 0.5, nbytes=MB), False),                               # 1 MB in 3 s: 0.33 MB/s
    (_sample(3.5, 0.5, nbytes=MB, objects=2000), True),                  # ... but 667 objects/s
    (_sample(9.0, 1.0, nbytes=100_000, objects=1000), False),            # 125 objects/s, 0.01 MB/s
    (_sample(0.0, 1.0, error="timeout (body)"), False),                  # first byte, then nothing
    (_sample(0.0, error="timeout"), None),                               # judged by the first-byte time
])
def test_download_rate_criterion(sample: Sample, expected: bool | None) -> None:
    assert rate_ok(sample) is expected


def test_percentiles_and_transfer_figures() -> None:
    assert percentile([3.0, 1.0, 2.0, 4.0], 50) == 2.0
    assert percentile([1.0] * 99 + [float("inf")], 99) == 1.0
    assert percentile([1.0] * 98 + [float("inf")] * 2, 99) == float("inf")
    assert percentile([], 50) is None
    t = transfer([_sample(1.5, 0.5, nbytes=2 * MB), _sample(0.1, 0.05, nbytes=100, objects=1)])
    assert t["mb_s_after_first_byte_p50"] == pytest.approx(2.0)
    assert t["rate_judged"] == 1 and t["rate_ok_share"] == 1.0


def test_wms_bbox_axis_order() -> None:
    """EPSG:4326 in WMS 1.3.0 is latitude first; EPSG:3857 and 25832 are easting first."""
    from benchmarks.bench_qos import _bbox_param
    box = (564_000.0, 5_778_000.0, 565_000.0, 5_779_000.0)  # Hildesheim
    lat0, lon0, _, _ = map(float, _bbox_param(box, "EPSG:4326").split(","))
    assert 52.0 < lat0 < 52.3 and 9.8 < lon0 < 10.1
    x0, y0, _, _ = map(float, _bbox_param(box, "EPSG:3857").split(","))
    assert 1.0e6 < x0 < 1.2e6 and 6.8e6 < y0 < 6.9e6
    assert _bbox_param(box, "EPSG:25832").startswith("564000.00,5778000.00")
