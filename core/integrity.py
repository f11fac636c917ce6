"""Is a published version intact? Cheap checks of its files against its manifest.

Every publication records the size (``files``) and the SHA-256 (``checksums``) of each of its files in
``manifest.json``. A service asks :func:`check_folder` before it serves a dataset: the sizes and the
SQLite header of each GeoPackage are compared on every call (a few ``stat`` calls), the checksums once per
version and file state (the result is cached by version folder, size, mtime and inode) for files up to
:data:`HASH_LIMIT` bytes, and for every file when ``full=True`` (after a read error, ``gdi publication
check``, before a rollback). A damaged publication then answers 503 in its own collections, layers and
downloads; every other dataset is untouched.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
from pathlib import Path
from typing import Any

LOGGER = logging.getLogger(__name__)

HASH_LIMIT = 512 * 1024**2  # larger files are hashed only after a read error or on request (full=True)
_SQLITE_MAGIC = b"SQLite format 3\x00"
_CACHE: dict[tuple[str, bool], tuple[tuple[Any, ...], str | None]] = {}
_LOCK = threading.Lock()


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def checksums(folder: Path) -> dict[str, str]:
    """SHA-256 of every file of a staged version (the manifest itself excluded)."""
    return {p.name: sha256(p) for p in sorted(folder.iterdir()) if p.is_file() and p.name != "manifest.json"}


def sqlite_header_problem(path: Path, size: int) -> str | None:
    """A GeoPackage whose SQLite header is missing or says it has more pages than the file holds."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(100)
    except OSError as exc:
        return f"cannot read: {exc.strerror}"
    if len(head) < 100 or not head.startswith(_SQLITE_MAGIC):
        return "not an SQLite database (header missing)"
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    valid = head[24:28] == head[92:96]  # the in-header size is valid when the change counters agree
    if valid and pages and page_size and pages * page_size > size:
        return f"truncated: {size} bytes, the SQLite header says {pages * page_size}"
    return None


def _signature(folder: Path, names: list[str]) -> tuple[Any, ...]:
    sig: list[Any] = [str(folder)]
    for name in names:
        try:
            st = os.stat(folder / name)
            sig.append((name, st.st_size, st.st_mtime_ns, st.st_ino))
        except OSError:
            sig.append((name, None))
    return tuple(sig)


def read_manifest(folder: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((folder / "manifest.json").read_text())
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def check_folder(folder: Path, *, full: bool = False) -> str | None:
    """None when the version in ``folder`` is intact, else the reason (file and what is wrong)."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    if manifest is None:
        if not os.path.lexists(folder.parent / "current"):
            return None   # not a version of a publication (a GeoPackage configured by path): nothing to compare
        return f"{folder / 'manifest.json'}: missing or not readable"
    sizes: dict[str, int] = manifest.get("files") or {}
    sums: dict[str, str] = manifest.get("checksums") or {}
    names = sorted(set(sizes) | set(sums))
    key = (str(folder), full)
    sig = _signature(folder, names)
    with _LOCK:
        hit = _CACHE.get(key)
    if hit is not None and hit[0] == sig:
        return hit[1]
    problem = _check(folder, names, sizes, sums, full)
    with _LOCK:
        if len(_CACHE) > 1024:
            _CACHE.clear()
        _CACHE[key] = (sig, problem)
    if problem:
        LOGGER.error("damaged publication: %s", problem)
    return problem


def _check(folder: Path, names: list[str], sizes: dict[str, int], sums: dict[str, str], full: bool) -> str | None:
    for name in names:
        path = folder / name
        try:
            size = path.stat().st_size
        except OSError:
            return f"{path}: file missing"
        if name in sizes and size != sizes[name]:
            return f"{path}: {size} bytes, the manifest says {sizes[name]} (truncated or overwritten)"
        if name.endswith(".gpkg"):
            bad = sqlite_header_problem(path, size)
            if bad:
                return f"{path}: {bad}"
        if name in sums and (full or size <= HASH_LIMIT):
            try:
                digest = sha256(path)
            except OSError as exc:
                return f"{path}: cannot read: {exc.strerror}"
            if digest != sums[name]:
                return f"{path}: checksum {digest[:12]}… does not match the manifest's {sums[name][:12]}…"
    return None


def forget(folder: Path | None = None) -> None:
    """Drop cached results (all, or those of one version folder)."""
    with _LOCK:
        for k in [k for k in _CACHE if folder is None or k[0] == str(folder)]:
            del _CACHE[k]
