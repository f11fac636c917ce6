"""``/csw``: a thin WSGI reverse proxy to the pycsw sidecar.

It forwards method, query string, body and Content-Type, and answers with the sidecar's status,
Content-Type and body and a Content-Length computed from the bytes actually sent (pycsw's own gzip path
gets that wrong; we never ask pycsw for gzip).

Restricted records: the public repository does not contain them (see ``load.py``), so nothing needs
filtering. Staff (``services.auth.is_staff``: Bearer/Basic API key or trusted proxy header) are sent to
the staff repository (all records) at the same URL, as the OGC API and the downloads do; a wrong
credential gets 401. The sidecar serves its staff repository only to requests carrying the random
token from ``csw-sidecar.json``, which only this proxy knows.
"""
from __future__ import annotations

import http.client
import logging

from core.config import Settings

from .cache import etag, keepable, matches
from .config import read_state

LOGGER = logging.getLogger(__name__)
HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "server", "date"}
MAX_BODY = 10 * 1024 * 1024
# public answers: anyone may keep them, but must ask again (If-None-Match) before using them
PUBLIC = [("Access-Control-Allow-Origin", "*"), ("Vary", "Authorization"), ("Cache-Control", "no-cache")]


def create(settings: Settings):
    from .cache import ResponseCache
    cache = ResponseCache(settings)

    def app(environ, start_response):
        state = read_state(settings)
        if not state:
            return _error(start_response, "503 Service Unavailable", "CSW sidecar (pycsw) is not running")
        from services.auth import is_staff
        staff = is_staff(environ, settings)
        if environ.get("HTTP_AUTHORIZATION") and not staff:
            body = b"invalid credentials\n"
            start_response("401 Unauthorized", [("Content-Type", "text/plain"), ("Content-Length", str(len(body))),
                                                ("WWW-Authenticate", 'Basic realm="GDI Hildesheim"')])
            return [body]
        method = environ.get("REQUEST_METHOD", "GET")
        path = "/" + environ.get("PATH_INFO", "").lstrip("/")
        if path == "/staff" or path.startswith("/staff/"):
            path = "/not-found" + path  # the sidecar's staff prefix is not reachable from outside
        qs = environ.get("QUERY_STRING", "")
        payload: bytes | None = None
        if method == "POST":
            try:
                n = int(environ.get("CONTENT_LENGTH") or 0)
            except ValueError:
                n = 0
            if n > MAX_BODY:
                return _error(start_response, "413 Payload Too Large", "request body too large")
            payload = environ["wsgi.input"].read(n) if n else b""
        key = None if staff else cache.key(method, qs, environ.get("CONTENT_TYPE", ""), payload)
        tag = etag(key) if key and method == "GET" else None
        if tag and matches(environ.get("HTTP_IF_NONE_MATCH", ""), tag):
            start_response("304 Not Modified", [("ETag", tag), *PUBLIC, ("X-GDI-Cache", "not-modified")])
            return [b""]
        hit = cache.get(key) if key else None
        if hit is not None:
            status, out, data = hit
            start_response(status, [*out, *([("ETag", tag)] if tag else []), ("Content-Length", str(len(data))),
                                    ("X-GDI-Cache", "hit")])
            return [data]
        headers = {"Host": environ.get("HTTP_HOST", "localhost")}
        if staff:
            path = "/staff" + path
            headers["X-Gdi-Staff"] = state.get("staff_token", "")
        if environ.get("CONTENT_TYPE"):
            headers["Content-Type"] = environ["CONTENT_TYPE"]
        conn = http.client.HTTPConnection("127.0.0.1", int(state["port"]), timeout=120)
        try:
            conn.request(method, path + ("?" + qs if qs else ""), body=payload, headers=headers)
            resp = conn.getresponse()
            data = resp.read()
        except OSError as exc:
            LOGGER.error("CSW sidecar unreachable: %s", exc)
            return _error(start_response, "502 Bad Gateway", "CSW sidecar (pycsw) unreachable")
        finally:
            conn.close()
        out = [(k, v) for k, v in resp.getheaders() if k.lower() not in HOP and k.lower() != "cache-control"]
        status = f"{resp.status} {resp.reason}"
        if staff:
            out += [("Access-Control-Allow-Origin", "*"), ("Vary", "Authorization"),
                    ("Cache-Control", "private, no-store")]
        else:
            out += PUBLIC
        if key:
            cache.put(key, status, out, data)
        if tag and keepable(status, data):
            out = [*out, ("ETag", tag)]  # a new list: the kept one has no tag (a POST shares the key scheme)
        start_response(status, [*out, ("Content-Length", str(len(data))), ("X-GDI-Cache", "miss" if key else "no")])
        return [data]

    return app


def _error(start_response, status: str, text: str):
    body = text.encode()
    start_response(status, [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))])
    return [body]
