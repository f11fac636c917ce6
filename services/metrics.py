"""Monitoring at the web edge: ``/metrics`` (Prometheus text format), request ids and a JSON access log.

* :class:`MetricsMiddleware` sits inside ``services.edge.EdgeMiddleware`` (so it sees the client address the
  edge computed behind trusted proxies) and around every mounted part. Per request it counts
  ``gdi_http_requests_total{service,status_class}`` (and ``gdi_http_request_errors_total{service}`` for 5xx),
  observes ``gdi_http_request_duration_seconds{service}`` (until the body is sent: the iterable's
  ``close``), gives the request an id (a safe incoming ``X-Request-ID``, else a new one) returned in
  ``X-Request-ID``, and writes one JSON line to the ``gdi.access`` logger.
* gunicorn runs several worker processes; a scrape lands in one of them. Counters and histograms therefore
  use prometheus_client's multiprocess mode: every worker writes its values to memory-mapped files in one
  directory, ``/metrics`` sums the files of every worker (dead workers' counts included, so counters never
  go back). The directory is ``<run dir>/metrics/<master pid>-<master start>``: one per server start, so a
  restart begins at zero; directories of masters that no longer run are removed by the first worker of the
  next start. An operator who sets ``PROMETHEUS_MULTIPROC_DIR`` (own gunicorn config, ``preload_app``)
  gets that directory instead and cleans it at start as prometheus_client documents.
* The state of the GDI (publications and their age, ETL runs, participation statements) is read at
  scrape time by :class:`StateCollector`, not counted: it is the same in every process.
* ``/metrics`` answers addresses in ``metrics.allow`` (gdi.yml, ``GDI_METRICS_ALLOW``; default
  127.0.0.1 and ::1) and staff keys (``services.auth``); others get **403** (docs/operations.md, "Monitoring").
"""
from __future__ import annotations

import ipaddress
import json
import logging
import logging.handlers
import os
import re
import shutil
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

from core.config import Settings

LOGGER = logging.getLogger(__name__)
ACCESS_LOGGER = logging.getLogger("gdi.access")

BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, float("inf"))
_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,63}")
# query parameters whose values never reach the log (tokens, keys, passwords, session and kiosk codes)
_SECRET_PARAM = re.compile(r"token|key|pass|secret|auth|session|sig|code|csrf|cookie|credential", re.I)
_REPORT = re.compile(r"(?P<ds>[a-z][a-z0-9_-]*)-(?P<version>\d{8}T\d{12}Z)(?P<failed>-failed)?\.json")
_MAX_REPORT_BYTES = 64 * 1024 * 1024  # larger reports: status from the file name, time from the file


# --------------------------------------------------------------------------- multiprocess set-up

_STATE: dict[str, Any] = {}
_STATE_LOCK = threading.Lock()


def _master_key(pid: int | None = None) -> str:
    """``<pid>-<start>`` of the process whose workers share the directory: ``pid`` when given (``gdi serve``
    passes the gunicorn master's), else the parent when this is a gunicorn worker, else this process."""
    import psutil
    if pid is None:
        pid = os.getppid() if "gunicorn.arbiter" in sys.modules else os.getpid()
    try:
        started = psutil.Process(pid).create_time()
    except psutil.Error:
        started = 0.0
    return f"{pid}-{round(started * 100)}"


def _alive(key: str) -> bool:
    import psutil
    try:
        pid, started = (int(x) for x in key.split("-", 1))
        return round(psutil.Process(pid).create_time() * 100) == started
    except (ValueError, psutil.Error):
        return False


def multiprocess_dir(settings: Settings, master_pid: int | None = None) -> Path:
    """The directory the workers of this server share (created; stale ones of earlier starts removed).
    ``gdi serve`` calls this in the gunicorn master before the workers start and hands the path down in
    ``PROMETHEUS_MULTIPROC_DIR``; a worker started some other way finds its master itself."""
    given = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if given:
        Path(given).mkdir(parents=True, exist_ok=True)
        return Path(given)
    base = settings.node_dir / "metrics"
    here = base / _master_key(master_pid)
    here.mkdir(parents=True, exist_ok=True)
    for old in base.iterdir():
        if old != here and old.is_dir() and not _alive(old.name):
            shutil.rmtree(old, ignore_errors=True)
    return here


def _instruments(settings: Settings) -> dict[str, Any]:
    """The counters and the histogram of this process, created once, in multiprocess mode."""
    with _STATE_LOCK:
        if _STATE:
            return _STATE
        path = multiprocess_dir(settings)
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(path)  # read by prometheus_client when a value is made
        from prometheus_client import Counter, Histogram, values
        if not isinstance(values.ValueClass, type) or values.ValueClass.__name__ != "MmapedValue":
            values.ValueClass = values.MultiProcessValue()  # imported before the directory was known
        _STATE.update(
            path=path,
            requests=Counter("gdi_http_requests", "HTTP requests by service (mount prefix) and status class",
                             ["service", "status_class"], registry=None),
            errors=Counter("gdi_http_request_errors", "HTTP requests answered with a 5xx status, by service",
                           ["service"], registry=None),
            duration=Histogram("gdi_http_request_duration_seconds", "Time from the request to the last byte of "
                               "the response body, by service", ["service"], buckets=BUCKETS, registry=None))
        return _STATE


# --------------------------------------------------------------------------- the middleware

def request_id(incoming: str | None) -> str:
    """The incoming ``X-Request-ID`` when it is a short token of safe characters (an id from nginx or a
    load balancer, so one id follows the request), else a new random one (32 hex digits, like nginx's)."""
    if incoming and _REQUEST_ID.fullmatch(incoming.strip()):
        return incoming.strip()
    return uuid.uuid4().hex


def safe_query(query: str) -> str:
    """The query string with the values of secret-looking parameters replaced by ``REDACTED``."""
    if not query:
        return ""
    pairs = parse_qsl(query, keep_blank_values=True)
    return urlencode([(k, "REDACTED" if _SECRET_PARAM.search(k) else v) for k, v in pairs])[:2000]


def service_of(path: str, prefixes: Iterable[str]) -> str:
    """The metric label of a path: its mount prefix without the slash (``ogc``, ``wms``…), ``health``, or
    ``root`` for everything else the root app answers (the index page, unknown paths)."""
    first = "/" + path.lstrip("/").split("/", 1)[0]
    if first in prefixes:
        return first[1:]
    return "health" if first == "/health" else "root"


class MetricsMiddleware:
    """Counts, times, identifies and logs every request (see the module docstring)."""

    def __init__(self, app: Callable[..., Iterable[bytes]], settings: Settings, prefixes: Iterable[str]):
        self.app, self.settings = app, settings
        self.prefixes = frozenset(prefixes) | {"/metrics"}
        configure_access_log(settings)

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        t0 = time.perf_counter()
        rid = request_id(environ.get("HTTP_X_REQUEST_ID"))
        environ["gdi.request_id"] = environ["HTTP_X_REQUEST_ID"] = rid
        path = (environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "")) or "/"
        record = _Record(self, environ, rid, path, service_of(path, self.prefixes), t0)

        def sr(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            record.status = int(status.split(" ", 1)[0]) if status[:3].isdigit() else 500
            headers = [(k, v) for k, v in headers if k.lower() != "x-request-id"] + [("X-Request-ID", rid)]
            return start_response(status, headers, exc_info) if exc_info else start_response(status, headers)

        try:
            result = self.app(environ, sr)
        except BaseException:
            record.status = 500
            record.finish()
            raise
        return _Body(result, record)


class _Record:
    """One request's measurements, finished once (when the body is closed, or on an exception)."""

    def __init__(self, mw: MetricsMiddleware, environ: dict[str, Any], rid: str, path: str, service: str,
                 t0: float):
        self.mw, self.environ, self.rid, self.path, self.service, self.t0 = mw, environ, rid, path, service, t0
        self.status = 0
        self.bytes = 0
        self.aborted = False
        self.done = False

    def finish(self) -> None:
        if self.done:
            return
        self.done = True
        seconds = time.perf_counter() - self.t0
        status = self.status or 500  # the app never started a response: the server answers 500
        try:
            inst = _instruments(self.mw.settings)
            inst["requests"].labels(self.service, f"{status // 100}xx").inc()
            if status >= 500:
                inst["errors"].labels(self.service).inc()
            inst["duration"].labels(self.service).observe(seconds)
        except Exception:  # measuring must never break a response
            LOGGER.exception("recording metrics failed")
        if ACCESS_LOGGER.isEnabledFor(logging.INFO) and ACCESS_LOGGER.handlers:
            env = self.environ
            extra = {"aborted": True} if self.aborted else {}
            ACCESS_LOGGER.info(json.dumps({
                "time": datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
                "id": self.rid, "method": env.get("REQUEST_METHOD", ""), "path": self.path,
                "query": safe_query(env.get("QUERY_STRING", "")), "status": status,
                "duration_ms": round(seconds * 1000, 2), "bytes": self.bytes,
                "client": env.get("REMOTE_ADDR", ""), "service": self.service,
                "agent": (env.get("HTTP_USER_AGENT") or "")[:200], **extra}, ensure_ascii=False))


class _Body:
    """The response body passed through; counts bytes and finishes the record when the server closes it."""

    def __init__(self, result: Iterable[bytes], record: _Record):
        self.result, self.record = result, record

    def __iter__(self) -> Iterator[bytes]:
        try:
            for chunk in self.result:
                self.record.bytes += len(chunk)
                yield chunk
        except GeneratorExit:  # the server stopped sending: the client went away (not a server error)
            self.record.aborted = True
            raise
        except BaseException:
            self.record.status = 500  # the part's body broke off: a server error, whatever the status line said
            raise

    def close(self) -> None:
        try:
            close = getattr(self.result, "close", None)
            if close is not None:
                close()
        finally:
            self.record.finish()


def configure_access_log(settings: Settings) -> None:
    """Give the ``gdi.access`` logger its handler (one JSON object a line) unless someone configured it
    already (a logging config of the operator wins): ``metrics.access_log`` ``-`` = standard error (the
    server's output: the journal under systemd), a path = that file (reopened after logrotate moves it),
    null = no access log."""
    if ACCESS_LOGGER.handlers:
        return
    target = settings.metrics.access_log
    ACCESS_LOGGER.propagate = False
    if not target:
        ACCESS_LOGGER.setLevel(logging.CRITICAL + 1)
        return
    handler: logging.Handler
    if target == "-":
        handler = logging.StreamHandler(sys.stderr)
    else:
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.WatchedFileHandler(target, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(message)s"))
    ACCESS_LOGGER.addHandler(handler)
    ACCESS_LOGGER.setLevel(logging.INFO)


# --------------------------------------------------------------------------- /metrics

def _networks(items: Iterable[str]) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    return [ipaddress.ip_network(x, strict=False) for x in items]


def allowed(environ: dict[str, Any], settings: Settings,
            nets: list[ipaddress.IPv4Network | ipaddress.IPv6Network]) -> bool:
    """A client in ``metrics.allow`` (the address the edge computed behind trusted proxies) or staff."""
    try:
        addr = ipaddress.ip_address((environ.get("REMOTE_ADDR") or "").strip())
    except ValueError:
        addr = None
    if addr is not None and any(addr.version == n.version and addr in n for n in nets):
        return True
    from .auth import is_staff
    return is_staff(environ, settings)


def metrics_app(settings: Settings) -> Callable[..., Iterable[bytes]]:
    """The WSGI app mounted at ``/metrics``."""
    nets = _networks(settings.metrics.allow)
    state = StateCollector(settings)

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        def plain(status: str, text: str, *extra: tuple[str, str]) -> list[bytes]:
            body = text.encode()
            start_response(status, [("Content-Type", "text/plain; charset=utf-8"), ("Cache-Control", "no-store"),
                                    ("Content-Length", str(len(body))), *extra])
            return [body]

        if environ.get("PATH_INFO", "") not in ("", "/"):
            return plain("404 Not Found", "not found\n")
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return plain("405 Method Not Allowed", "GET only\n", ("Allow", "GET, HEAD"))
        if not allowed(environ, settings, nets):
            return plain("403 Forbidden", "/metrics is served to the monitoring addresses (metrics.allow) and "
                         "to staff keys only\n")
        from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
        registry = CollectorRegistry()
        _register_worker_files(registry, path=str(_instruments(settings)["path"]))
        registry.register(state)
        body = generate_latest(registry)
        start_response("200 OK", [("Content-Type", CONTENT_TYPE_LATEST), ("Cache-Control", "no-store"),
                                  ("Content-Length", str(len(body)))])
        return [] if environ.get("REQUEST_METHOD") == "HEAD" else [body]

    return app


def _worker_files_class() -> type:
    from prometheus_client.multiprocess import MultiProcessCollector

    class WorkerFiles(MultiProcessCollector):
        """prometheus_client's collector, without the value files a worker has just created and not yet
        sized (a scrape in that instant failed with a 500 while reading its empty header)."""

        def collect(self) -> Iterator[Any]:
            import glob
            files = [f for f in glob.glob(os.path.join(self._path, "*.db")) if _sized(f)]
            return self.merge(files, accumulate=True)

    return WorkerFiles


def _sized(path: str) -> bool:
    try:
        return os.path.getsize(path) >= 8
    except OSError:
        return False


def _register_worker_files(registry: Any, path: str) -> None:
    _worker_files_class()(registry, path=path)


# --------------------------------------------------------------------------- the GDI's state at scrape time

def _epoch(value: Any) -> float | None:
    """Seconds since the epoch of an ISO 8601 time or a version stamp (``20261205T141734466333Z``)."""
    if not value:
        return None
    text = str(value)
    for parse in (datetime.fromisoformat, lambda t: datetime.strptime(t, "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)):
        try:
            dt = parse(text)
        except ValueError:
            continue
        return (dt if dt.tzinfo else dt.replace(tzinfo=UTC)).timestamp()
    return None


class StateCollector:
    """Publications, ETL runs and participation statements, read when Prometheus scrapes. A source that
    cannot be read (PostGIS down, a locked database) is reported as ``gdi_metrics_source_up{source} 0``
    and logged; the other metrics are still served."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._reports: dict[tuple[str, int, int], dict[str, Any]] = {}

    def collect(self) -> Iterator[Any]:
        from prometheus_client.core import GaugeMetricFamily
        up = GaugeMetricFamily("gdi_metrics_source_up", "1 when the source of these metrics could be read",
                               labels=["source"])
        for name, part in (("publications", self._publications), ("etl_reports", self._etl),
                           ("participation", self._participation)):
            try:
                families = list(part())
            except Exception:  # one unreadable source must not hide the others
                LOGGER.exception("metrics: cannot read %s", name)
                up.add_metric([name], 0)
                continue
            up.add_metric([name], 1)
            yield from families
        yield up

    def describe(self) -> list[Any]:
        return []  # collected on demand only (no registration-time collect)

    def _publications(self) -> Iterator[Any]:
        from prometheus_client.core import GaugeMetricFamily

        from core.store import get_store
        info = GaugeMetricFamily("gdi_publication_info", "The version being served, per dataset (value 1)",
                                 labels=["dataset", "version", "access"])
        stamp = GaugeMetricFamily("gdi_publication_timestamp_seconds", "When the served version was published",
                                  labels=["dataset"])
        age = GaugeMetricFamily("gdi_publication_age_seconds", "Age of the served version", labels=["dataset"])
        feats = GaugeMetricFamily("gdi_publication_features", "Records published in the served version",
                                  labels=["dataset"])
        now = time.time()
        for ds, manifest in sorted(get_store(self.settings).published().items()):
            version = str(manifest.get("version", ""))
            info.add_metric([ds, version, str(manifest.get("access", "public"))], 1)
            t = _epoch(manifest.get("published")) or _epoch(version)
            if t is not None:
                stamp.add_metric([ds], t)
                age.add_metric([ds], max(0.0, now - t))
            count = (manifest.get("counts") or {}).get("published")
            if isinstance(count, int | float):
                feats.add_metric([ds], count)
        yield from (info, stamp, age, feats)

    def _report(self, path: Path) -> dict[str, Any]:
        """``status``, ``finished`` (epoch) and ``seconds`` of one report JSON, cached by path, size, mtime."""
        st = path.stat()
        key = (str(path), st.st_size, st.st_mtime_ns)
        got = self._reports.get(key)
        if got is None:
            data: dict[str, Any] = {}
            if st.st_size <= _MAX_REPORT_BYTES:
                try:
                    data = json.loads(path.read_text(encoding="utf-8"))
                except ValueError:
                    data = {}
            got = {"finished": _epoch(data.get("finished")) or st.st_mtime, "seconds": data.get("seconds"),
                   "summary": data.get("summary") if isinstance(data.get("summary"), dict) else {}}
            if len(self._reports) > 4096:
                self._reports.clear()
            self._reports[key] = got
        return got

    def _etl(self) -> Iterator[Any]:
        from prometheus_client.core import GaugeMetricFamily
        last: dict[str, tuple[str, bool, Path]] = {}  # dataset -> newest (version, failed, path)
        ok: dict[str, tuple[str, Path]] = {}  # dataset -> newest successful (version, path)
        folder = self.settings.var_dir / "reports"
        if folder.is_dir():
            for entry in os.scandir(folder):
                m = _REPORT.fullmatch(entry.name)
                if not m:
                    continue
                ds, version, failed = m["ds"], m["version"], bool(m["failed"])
                if ds not in last or version > last[ds][0]:
                    last[ds] = (version, failed, Path(entry.path))
                if not failed and (ds not in ok or version > ok[ds][0]):
                    ok[ds] = (version, Path(entry.path))
        success = GaugeMetricFamily("gdi_etl_last_run_success", "1 when the last ETL run of the dataset "
                                    "published, 0 when it failed", labels=["dataset"])
        status = GaugeMetricFamily("gdi_etl_last_run_info", "The last ETL run (value 1): version and status",
                                   labels=["dataset", "version", "status"])
        ran = GaugeMetricFamily("gdi_etl_last_run_timestamp_seconds", "When the last ETL run ended",
                                labels=["dataset"])
        took = GaugeMetricFamily("gdi_etl_last_run_duration_seconds", "How long the last ETL run took",
                                 labels=["dataset"])
        records = GaugeMetricFamily("gdi_etl_last_run_records", "Records of the last ETL run by outcome",
                                    labels=["dataset", "outcome"])
        good = GaugeMetricFamily("gdi_etl_last_success_timestamp_seconds", "When the last successful ETL run "
                                 "ended", labels=["dataset"])
        for ds, (version, failed, path) in sorted(last.items()):
            rep = self._report(path)
            success.add_metric([ds], 0 if failed else 1)
            status.add_metric([ds, version, "failed" if failed else "published"], 1)
            ran.add_metric([ds], rep["finished"])
            if isinstance(rep["seconds"], int | float):
                took.add_metric([ds], rep["seconds"])
            for outcome, n in sorted(rep["summary"].items()):
                if isinstance(n, int | float):
                    records.add_metric([ds, str(outcome)], n)
        for ds, (_version, path) in sorted(ok.items()):
            good.add_metric([ds], self._report(path)["finished"])
        yield from (success, status, ran, took, records, good)

    def _participation(self) -> Iterator[Any]:
        from prometheus_client.core import GaugeMetricFamily
        from sqlalchemy import case, func, select

        from .participation.config import load_config
        from .participation.db import get_db, procedures, statements
        total = GaugeMetricFamily("gdi_participation_statements", "Statements received per procedure",
                                  labels=["procedure"])
        pending = GaugeMetricFamily("gdi_participation_statements_pending", "Statements awaiting moderation "
                                    "per procedure", labels=["procedure"])
        url = load_config(self.settings).db_url
        if url.startswith("sqlite:///") and not Path(url[len("sqlite:///"):]).exists():
            yield from (total, pending)  # participation never used on this installation: nothing to count
            return
        query = (select(procedures.c.id, func.count(statements.c.id),
                        func.coalesce(func.sum(case((statements.c.moderation == "pending", 1), else_=0)), 0))
                 .select_from(procedures.outerjoin(statements, statements.c.procedure_id == procedures.c.id))
                 .group_by(procedures.c.id).order_by(procedures.c.id))
        with get_db(url).read() as conn:
            for proc_id, n, n_pending in conn.execute(query):
                total.add_metric([proc_id], n)
                pending.add_metric([proc_id], n_pending)
        yield from (total, pending)
