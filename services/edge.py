"""The one WSGI middleware in front of every mounted part (``services.app.create_app`` wraps it):

* **Client address behind a reverse proxy.** Only when the connecting address is a trusted proxy
  (``proxy.trusted`` in ``gdi.yml``, see ``core.config.ProxySettings``) are ``X-Forwarded-For`` and
  ``X-Forwarded-Proto`` read; ``REMOTE_ADDR`` becomes the real client, so rate limits and logs see
  citizens, not nginx. The connecting address is kept in ``environ["gdi.peer_addr"]`` (the trusted
  identity-provider header of ``services.auth`` is believed only from there).
* **Security headers on every response** (HTML pages of ``/``, ``/download``, ``/ogc``, ``/wms``,
  ``/csw``, ``/3dtiles`` and every error page): ``X-Content-Type-Options``, ``Referrer-Policy``,
  ``X-Frame-Options`` and a Content-Security-Policy with ``frame-ancestors``. A part that sets its own
  CSP (participation, viewer) keeps it. Inline scripts of generated HTML pages (pygeoapi's templates)
  are allowed by their SHA-256 hash only, so no other script runs.
* **Staff responses are never shared.** A response to a request carrying a credential (``Authorization``,
  the trusted proxy's user header, a participation staff session) gets ``Cache-Control: private``
  (``public`` is replaced, ``no-store`` kept); every response says ``Vary: Authorization``.
"""
from __future__ import annotations

import base64
import hashlib
import ipaddress
import re
from collections.abc import Callable, Iterable
from typing import Any

from core.config import Settings

PAGE_CSP = ("default-src 'self'; script-src 'self'{hashes}; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            "base-uri 'self'; form-action 'self'; frame-ancestors 'self'")
OTHER_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'"
_INLINE_SCRIPT = re.compile(rb"<script(?![^>]*\bsrc\s*=)[^>]*>(.*?)</script>", re.S | re.I)
_MAX_HTML = 8 * 1024 * 1024  # larger HTML bodies are not hashed (none is generated today)
STAFF_COOKIES = ("bp_staff",)

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def _networks(items: Iterable[str]) -> list[Network]:
    return [ipaddress.ip_network(x, strict=False) for x in items]


def _in(addr: str, nets: list[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(addr.strip())
    except ValueError:
        return False
    return any(ip in n for n in nets)


def client_address(peer: str, forwarded_for: str | None, trusted: list[Network], hops: int = 0) -> str:
    """The client's address: ``peer`` unless it is a trusted proxy; then walk ``X-Forwarded-For`` from
    the right over trusted proxies (at most ``hops`` entries when ``hops`` > 0). A malformed entry ends
    the walk at the last address that was well-formed (never a value the client made up)."""
    if not trusted or not _in(peer, trusted) or not forwarded_for:
        return peer
    chain = [x.strip() for x in forwarded_for.split(",") if x.strip()]
    current = peer
    steps = 0
    while chain and (_in(current, trusted) if hops == 0 else steps < hops):
        candidate = chain.pop()
        try:
            ipaddress.ip_address(candidate)
        except ValueError:
            break
        current, steps = candidate, steps + 1
    return current


def is_staff_request(environ: dict[str, Any], settings: Settings) -> bool:
    if environ.get("HTTP_AUTHORIZATION"):
        return True
    cookies = environ.get("HTTP_COOKIE", "")
    if any(f"{name}=" in cookies for name in STAFF_COOKIES):
        return True
    from .auth import is_staff
    return is_staff(environ, settings)


def script_hashes(body: bytes) -> list[str]:
    return ["'sha256-" + base64.b64encode(hashlib.sha256(m.group(1)).digest()).decode() + "'"
            for m in _INLINE_SCRIPT.finditer(body)]


def _merge_vary(headers: list[tuple[str, str]]) -> list[tuple[str, str]]:
    values = [v for k, v in headers if k.lower() == "vary"]
    tokens = [t.strip() for v in values for t in v.split(",") if t.strip()]
    if "*" in tokens:
        return headers
    if not any(t.lower() == "authorization" for t in tokens):
        tokens.append("Authorization")
    return [(k, v) for k, v in headers if k.lower() != "vary"] + [("Vary", ", ".join(dict.fromkeys(tokens)))]


def private_cache_control(value: str | None) -> str:
    """``public, max-age=60`` -> ``private, max-age=60``; ``no-store`` stays; nothing -> ``private, no-cache``."""
    if not value:
        return "private, no-cache"
    parts = [p.strip() for p in value.split(",") if p.strip()]
    if any(p.lower() == "no-store" for p in parts):
        return ", ".join(p for p in parts if p.lower() != "public")
    parts = [p for p in parts if p.lower() not in ("public", "private") and not p.lower().startswith("s-maxage")]
    return ", ".join(["private", *parts])


class EdgeMiddleware:
    def __init__(self, app: Callable, settings: Settings):
        self.app, self.settings = app, settings
        self.trusted = _networks(settings.proxy.trusted)
        self.hops = settings.proxy.hops

    def __call__(self, environ: dict[str, Any], start_response: Callable) -> Iterable[bytes]:
        peer = environ.get("REMOTE_ADDR") or ""
        environ["gdi.peer_addr"] = peer
        if self.trusted and _in(peer, self.trusted):
            environ["REMOTE_ADDR"] = client_address(peer, environ.get("HTTP_X_FORWARDED_FOR"), self.trusted,
                                                    self.hops)
            proto = (environ.get("HTTP_X_FORWARDED_PROTO") or "").split(",")[-1].strip().lower()
            if proto in ("http", "https"):
                environ["wsgi.url_scheme"] = proto
        staff = is_staff_request(environ, self.settings)
        captured: dict[str, Any] = {}

        def sr(status: str, headers: list[tuple[str, str]], exc_info: Any = None):
            captured.update(status=status, headers=headers, exc_info=exc_info)
            return lambda data: None  # bodies go through the iterable (no part uses write())

        result = self.app(environ, sr)
        if "status" not in captured:  # a generator that calls start_response on its first chunk
            it = iter(result)
            first = next(it, b"")
            result = _Chain(first, it, result)
        headers: list[tuple[str, str]] = list(captured.get("headers", []))
        names = {k.lower() for k, _ in headers}
        ctype = next((v for k, v in headers if k.lower() == "content-type"), "")
        body_iter: Iterable[bytes] = result
        if "content-security-policy" not in names:
            if "text/html" in ctype:
                body = b"".join(result)
                if hasattr(result, "close"):
                    result.close()
                hashes = script_hashes(body) if len(body) <= _MAX_HTML else []
                headers.append(("Content-Security-Policy", PAGE_CSP.format(hashes="".join(" " + h for h in hashes))))
                body_iter = [body]
            else:
                headers.append(("Content-Security-Policy", OTHER_CSP))
        for name, value in (("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer"),
                            ("X-Frame-Options", "SAMEORIGIN")):
            if name.lower() not in names:
                headers.append((name, value))
        if staff:
            cc = next((v for k, v in headers if k.lower() == "cache-control"), None)
            headers = [(k, v) for k, v in headers if k.lower() != "cache-control"]
            headers.append(("Cache-Control", private_cache_control(cc)))
        headers = _merge_vary(headers)
        start_response(captured["status"], headers, captured.get("exc_info"))
        return body_iter


class _Chain:
    def __init__(self, first: bytes, rest: Any, original: Any):
        self.first, self.rest, self.original = first, rest, original

    def __iter__(self):
        yield self.first
        yield from self.rest

    def close(self) -> None:
        if hasattr(self.original, "close"):
            self.original.close()
