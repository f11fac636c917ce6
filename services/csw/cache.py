"""Answers of the public catalogue kept per repository generation (INSPIRE discovery: 30 requests/s).

pycsw answers a request from its repository alone, and the repository changes only when ``load.py`` replaces
it after a publication; ``load.py`` then writes ``var/csw/generation`` (shared storage: every web node sees
it). So a successful public answer can be kept, keyed by method, query string, Content-Type, body and that
generation: a harvester or client asking the same thing again gets it without a trip to pycsw, and a new
publication is seen with the first request after the load (the key changes). The ``timestamp`` of a
GetRecords ``SearchStatus`` is set to the time of the answer.

Per web worker, least recently used first out, bounded in bytes; staff answers are never kept (they depend
on the credential). Answers carry ``X-GDI-Cache: hit`` or ``miss``. A ``csw:Acknowledgement`` (it echoes the
request and has its own time stamp) and exception reports are passed on, never kept.

Conditional requests: a public GET answer carries ``ETag: W/"<key>"`` (weak: only the SearchStatus time stamp
differs between two answers), and ``If-None-Match`` with that tag gets ``304 Not Modified`` without pycsw or
the kept body. The key covers the repository generation and the public configuration file (rewritten when
the sidecar starts or a load runs), so a tag never survives a publication.

``GDI_CSW_CACHE=0`` turns all of it off (every request goes to pycsw; for comparisons).
"""
from __future__ import annotations

import hashlib
import os
import re
import threading
from collections import OrderedDict
from datetime import UTC, datetime
from pathlib import Path

from core.config import Settings

MAX_BYTES = 64 * 1024 * 1024     # per worker
MAX_ENTRY = 2 * 1024 * 1024      # larger answers are passed on, not kept
_TIMESTAMP = re.compile(rb'(<csw:SearchStatus[^>]*\btimestamp=")[^"]*(")')


def generation_path(settings: Settings) -> Path:
    return settings.var_dir / "csw" / "generation"


def mark_new_generation(settings: Settings) -> None:
    """Called by ``load.py`` after both repositories were replaced."""
    p = generation_path(settings)
    p.parent.mkdir(parents=True, exist_ok=True)
    tmp = p.with_name(f".generation.{os.getpid()}")
    tmp.write_text(datetime.now(UTC).isoformat())
    os.replace(tmp, p)


def enabled() -> bool:
    return os.environ.get("GDI_CSW_CACHE", "1").strip() != "0"


class ResponseCache:
    def __init__(self, settings: Settings, max_bytes: int = MAX_BYTES):
        self.settings = settings
        self.max_bytes = max_bytes
        self.enabled = enabled()
        self._items: OrderedDict[str, tuple[str, list[tuple[str, str]], bytes]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def key(self, method: str, query: str, ctype: str, body: bytes | None) -> str | None:
        """The key of a public request, or None when there is no generation yet or the cache is off (nothing
        is kept)."""
        if not self.enabled:
            return None
        from .config import config_path
        try:
            gen = generation_path(self.settings).stat().st_mtime_ns
            cfg = config_path(self.settings).stat().st_mtime_ns
        except FileNotFoundError:
            return None
        h = hashlib.sha256()
        for part in (str(gen), str(cfg), method, query, ctype):
            h.update(part.encode("utf-8", "replace") + b"\0")
        h.update(body or b"")
        return h.hexdigest()

    def get(self, key: str) -> tuple[str, list[tuple[str, str]], bytes] | None:
        with self._lock:
            hit = self._items.get(key)
            if hit is not None:
                self._items.move_to_end(key)
        if hit is None:
            return None
        status, headers, body = hit
        if b"SearchStatus" in body[:4096]:
            now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ").encode()
            body = _TIMESTAMP.sub(lambda m: m.group(1) + now + m.group(2), body, count=1)
        return status, headers, body

    def put(self, key: str, status: str, headers: list[tuple[str, str]], body: bytes) -> None:
        if not keepable(status, body) or len(body) > MAX_ENTRY:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= len(old[2])
            self._items[key] = (status, headers, body)
            self._bytes += len(body)
            while self._bytes > self.max_bytes and self._items:
                _k, (_s, _h, b) = self._items.popitem(last=False)
                self._bytes -= len(b)


def keepable(status: str, body: bytes) -> bool:
    """A successful answer that is the same for the same request until the next load."""
    head = body[:2048]
    return status.startswith("200") and b"ExceptionReport" not in head and b"Acknowledgement" not in head


def etag(key: str) -> str:
    return f'W/"{key[:32]}"'


def matches(if_none_match: str, tag: str) -> bool:
    """``If-None-Match`` (a list of tags) names ``tag``; weak comparison, as RFC 9110 asks for it. ``*`` is not
    honoured (whether pycsw would answer at all is not known here): such a request gets the full answer."""
    bare = tag.removeprefix("W/")
    return any(t.strip().removeprefix("W/") == bare for t in if_none_match.split(",")) if if_none_match else False
