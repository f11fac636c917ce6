"""Open-loop HTTP load generation and its statistics, for ``bench_qos.py`` (no project imports).

Open loop: request i is *due* at ``start + i / rate`` and is started then, whether or not earlier requests
have been answered (one asyncio task per request, no connection pool, no cap on requests in flight).
Every time is counted from the due time, so a request the client itself could only start late (event loop
busy) carries that delay in its latency: coordinated omission, where a slow server silently lowers the
offered load and hides the queueing, cannot happen. The closed-loop baseline (:func:`run_closed`) sends one
request at a time.

The HTTP/1.1 client is a small one on asyncio streams (one connection per request, ``Connection: close``):
the standard library's clients are blocking, and an open loop needs hundreds of requests in flight.
"""
from __future__ import annotations

import asyncio
import contextlib
import math
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass

import orjson

MB = 1024 * 1024  # "0.5 Megabyte per second" read as 0.5 MiB/s, the stricter reading


@dataclass
class Req:
    """One request of a mix. ``category`` selects the criterion it is judged by; ``validate`` how its answer
    is checked ("png", "xml", "json", "features", "feature" or "" for any 2xx body, which is not kept)."""

    kind: str
    category: str
    path: str
    method: str = "GET"
    body: bytes | None = None
    content_type: str = ""
    validate: str = ""


@dataclass
class Sample:
    """One request's outcome; times in seconds from its due time (``lag``: how late it was started)."""

    kind: str
    category: str
    due: float
    lag: float = 0.0
    ttfb: float | None = None
    total: float | None = None
    status: int | None = None
    nbytes: int = 0
    objects: int | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class HttpError(Exception):
    """The answer was not what the request expects (status, content type, exception report, bad body)."""


def _parse_head(line: bytes) -> int:
    parts = line.decode("latin-1").split(" ", 2)
    if len(parts) < 2 or not parts[0].startswith("HTTP/"):
        raise HttpError(f"bad status line {line[:80]!r}" if line else "connection closed without an answer")
    return int(parts[1])


async def _read_headers(reader: asyncio.StreamReader) -> dict[str, str]:
    headers: dict[str, str] = {}
    while True:
        h = await reader.readline()
        if h in (b"\r\n", b"\n", b""):
            return headers
        k, _, v = h.decode("latin-1").partition(":")
        headers[k.strip().lower()] = v.strip()


async def _read_body(reader: asyncio.StreamReader, headers: dict[str, str], keep: bool) -> tuple[int, bytes]:
    """(bytes received, body if ``keep``): Content-Length, chunked, or up to the end of the connection."""
    parts: list[bytes] = []
    n = 0

    def take(b: bytes) -> None:
        nonlocal n
        n += len(b)
        if keep:
            parts.append(b)
    if "chunked" in headers.get("transfer-encoding", "").lower():
        while True:
            size = int((await reader.readline()).split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while (await reader.readline()) not in (b"\r\n", b"\n", b""):
                    pass
                break
            take(await reader.readexactly(size))
            await reader.readexactly(2)
    elif "content-length" in headers:
        left = int(headers["content-length"])
        while left > 0:
            b = await reader.read(min(left, 1 << 18))
            if not b:
                raise HttpError(f"connection closed with {left} bytes of the body missing")
            take(b)
            left -= len(b)
    else:
        while b := await reader.read(1 << 18):
            take(b)
    return n, b"".join(parts)


def check(req: Req, status: int, headers: dict[str, str], body: bytes) -> int | None:
    """Raise :class:`HttpError` if the answer is not a valid one for ``req``; return its object count if any."""
    if not 200 <= status < 300:
        raise HttpError(f"HTTP {status}: {body[:120]!r}")
    ctype = headers.get("content-type", "")
    if req.validate == "png":
        if not body.startswith(b"\x89PNG"):
            raise HttpError(f"not a PNG ({ctype}): {body[:120]!r}")
    elif req.validate == "xml":
        if b"ExceptionReport" in body[:2000] or b"ServiceException" in body[:2000]:
            raise HttpError(f"exception report: {body[:300]!r}")
    elif req.validate in ("json", "features", "feature"):
        try:
            doc = orjson.loads(body)
        except orjson.JSONDecodeError as exc:
            raise HttpError(f"invalid JSON ({ctype}): {exc}") from None
        if req.validate == "features":
            return len(doc.get("features", []))
        if req.validate == "feature":
            return 1
    return None


async def fetch(host: str, port: int, req: Req, due: float, timeout: float, sample: Sample) -> None:
    """Send ``req`` and fill ``sample``; the first byte must arrive within ``timeout`` of ``due`` and the
    rest within ``timeout`` of the first byte (else the sample is a timeout)."""
    loop = asyncio.get_running_loop()
    sample.lag = loop.time() - due
    writer = None
    try:
        async with asyncio.timeout_at(due + timeout):
            reader, writer = await asyncio.open_connection(host, port, limit=1 << 20)
            head = [f"{req.method} {req.path} HTTP/1.1", f"Host: {host}:{port}", "User-Agent: gdi-bench-qos",
                    "Accept-Encoding: identity", "Connection: close"]
            if req.body is not None:
                head += [f"Content-Type: {req.content_type}", f"Content-Length: {len(req.body)}"]
            writer.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + (req.body or b""))
            await writer.drain()
            line = await reader.readline()  # the status line: the answer's first bytes
            sample.ttfb = loop.time() - due
            status = _parse_head(line)
        sample.status = status
        async with asyncio.timeout(timeout):
            headers = await _read_headers(reader)
            n, body = await _read_body(reader, headers, keep=bool(req.validate) or not 200 <= status < 300)
        sample.total = loop.time() - due
        sample.nbytes = n
        sample.objects = check(req, status, headers, body)
    except TimeoutError:
        sample.error = "timeout" + (" (body)" if sample.ttfb is not None else "")
    except (OSError, HttpError, ValueError, asyncio.IncompleteReadError) as exc:
        sample.error = f"{type(exc).__name__}: {exc}"[:300]
    finally:
        if writer is not None:
            writer.close()
            with contextlib.suppress(OSError, asyncio.CancelledError):
                await writer.wait_closed()


async def run_open(host: str, port: int, make: Callable[[int], Req], rate: float, duration: float,
                   timeout: float) -> list[Sample]:
    """``round(rate * duration)`` requests, request i due at ``start + i / rate``; waits for all of them."""
    loop = asyncio.get_running_loop()
    n = max(1, round(rate * duration))
    start = loop.time() + 0.05
    tasks: list[asyncio.Task[None]] = []
    samples: list[Sample] = []
    for i in range(n):
        due = start + i / rate
        req = make(i)  # built before its due time, so building it does not delay it
        delay = due - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        s = Sample(req.kind, req.category, due - start)
        samples.append(s)
        tasks.append(asyncio.create_task(fetch(host, port, req, due, timeout, s)))
    await asyncio.gather(*tasks)
    return samples


async def run_closed(host: str, port: int, make: Callable[[int], Req], n: int, timeout: float,
                     budget: float = math.inf) -> list[Sample]:
    """One request at a time (the baseline): at most ``n`` requests, none started after ``budget`` s."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    samples = []
    for i in range(n):
        if i and loop.time() - start > budget:
            break
        req = make(i)
        due = loop.time()
        s = Sample(req.kind, req.category, due - start)
        await fetch(host, port, req, due, timeout, s)
        samples.append(s)
    return samples


# --- statistics --------------------------------------------------------------------------------------

def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile (``inf`` entries stand for requests that never completed)."""
    if not values:
        return None
    v = sorted(values)
    return v[min(len(v) - 1, max(0, math.ceil(q / 100 * len(v)) - 1))]


def rate_ok(s: Sample, mb_s: float = 0.5, objects_s: float = 500.0) -> bool | None:
    """The download rate criterion: after the first byte, at least ``mb_s`` MB/s or ``objects_s`` objects/s,
    i.e. the rest of the answer took no longer than the more generous of the two allows. Judged only on bulk
    answers, those the guaranteed rate needs at least a second for (>= ``mb_s`` MB or >= ``objects_s``
    objects): for a smaller answer the time after its first byte is a few milliseconds of scheduling noise,
    not a sustained rate (``None``). An answer whose body timed out fails."""
    if s.error is not None:
        return False if s.error == "timeout (body)" else None
    if s.ttfb is None or s.total is None:
        return None
    if s.nbytes < mb_s * MB and (s.objects or 0) < objects_s:
        return None
    return s.total - s.ttfb <= max(s.nbytes / (mb_s * MB), (s.objects or 0) / objects_s)


def summarize(samples: Iterable[Sample], limit: float | None = None, *, first_byte: bool = False) -> dict:
    """Counts, rates, latency percentiles (complete answers, or first bytes) and the share of requests that
    succeeded within ``limit`` seconds of their due time. Failed requests count as outside the limit; in
    the percentiles a timeout counts as infinitely late."""
    ss = list(samples)
    if not ss:
        return {"n": 0}
    n = len(ss)
    ok = [s for s in ss if s.ok]
    timeouts = sum(1 for s in ss if s.error and s.error.startswith("timeout"))

    def lat(s: Sample) -> float:
        t = s.ttfb if first_byte else s.total
        return math.inf if t is None else t
    lats = [lat(s) for s in ss]
    starts = sorted(s.due + s.lag for s in ss)
    span = ss[-1].due - ss[0].due
    out: dict = {
        "n": n, "ok": len(ok), "errors": n - len(ok), "timeouts": timeouts, "error_rate": (n - len(ok)) / n,
        "sent_per_s": (n - 1) / (starts[-1] - starts[0]) if n > 1 and starts[-1] > starts[0] else None,
        # successful answers per second, from the first due time to the last answer
        "served_per_s": len(ok) / max(s.due + (s.total or 0.0) - ss[0].due for s in ok) if ok else 0.0,
        "lag_p99": percentile([s.lag for s in ss], 99), "lag_max": max(s.lag for s in ss),
        "span_s": span,
        "p50": percentile(lats, 50), "p95": percentile(lats, 95), "p99": percentile(lats, 99),
        "ttfb_p50": percentile([math.inf if s.ttfb is None else s.ttfb for s in ss], 50),
        "ttfb_p95": percentile([math.inf if s.ttfb is None else s.ttfb for s in ss], 95),
        "mean_bytes": sum(s.nbytes for s in ok) / len(ok) if ok else None,
        "error_examples": sorted({s.error for s in ss if s.error})[:3],
    }
    if limit is not None:
        out["limit_s"] = limit
        out["within"] = sum(1 for s in ok if lat(s) <= limit) / n
    return out


def transfer(samples: Iterable[Sample]) -> dict:
    """Download figures over the bulk answers (:func:`rate_ok`): MB/s and objects/s after the first byte
    (the regulation's sustained rate; median and worst; an answer read in under 1 ms counts as 1 ms) and end
    to end (from the due time, so queueing included), and the share of bulk answers meeting the rate."""
    ss = list(samples)
    judged = [ok for ok in map(rate_ok, ss) if ok is not None]
    bulk = [(s, s.ttfb, s.total) for s in ss
            if s.ok and s.ttfb is not None and s.total is not None and rate_ok(s) is not None]
    mb_after = [s.nbytes / MB / max(total - ttfb, 0.001) for s, ttfb, total in bulk]
    obj_after = [s.objects / max(total - ttfb, 0.001) for s, ttfb, total in bulk if s.objects]
    return {
        "bulk": len(bulk),
        "mb_s_after_first_byte_p50": percentile(mb_after, 50),
        "mb_s_after_first_byte_min": min(mb_after, default=None),
        "objects_s_after_first_byte_p50": percentile(obj_after, 50),
        "objects_s_after_first_byte_min": min(obj_after, default=None),
        "mb_s_end_to_end_p50": percentile([s.nbytes / MB / total for s, _, total in bulk], 50),
        "objects_s_end_to_end_p50": percentile([s.objects / total for s, _, total in bulk if s.objects], 50),
        "objects_total": sum(s.objects or 0 for s in ss if s.ok),
        "mb_total": sum(s.nbytes for s in ss if s.ok) / MB,
        "rate_judged": len(judged), "rate_ok_share": sum(judged) / len(judged) if judged else None,
    }


def as_dicts(samples: Iterable[Sample]) -> list[dict]:
    return [asdict(s) for s in samples]
