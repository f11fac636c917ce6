"""Static files with proper caching: ETag + conditional GET, long-lived ``immutable`` caching for
versioned URLs, and gzip for text assets (compressed once per worker and kept in memory)."""
from __future__ import annotations

import gzip
import hashlib
import mimetypes
import threading
from functools import lru_cache
from pathlib import Path

from flask import Response, abort, request
from werkzeug.security import safe_join

YEAR = 31_536_000
COMPRESSIBLE = {".js", ".css", ".json", ".html", ".svg", ".glsl", ".txt", ".xml", ".wasm", ".b3dm", ".glb", ".rg8"}
MIN_GZIP = 1024
_GZ_LOCK = threading.Lock()
_GZ: dict[tuple[str, float], bytes] = {}
_GZ_BYTES_MAX = 64 * 1024**2

mimetypes.add_type("application/wasm", ".wasm")
mimetypes.add_type("model/gltf-binary", ".glb")
mimetypes.add_type("text/javascript", ".js")


@lru_cache(maxsize=256)
def file_hash(path: str, mtime: float) -> str:
    """Short content hash, used as ``?v=`` so changed files get new URLs."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]


def asset_version(root: Path, name: str) -> str:
    p = root / name
    return file_hash(str(p), p.stat().st_mtime)


def _gzipped(path: Path, mtime: float) -> bytes:
    key = (str(path), mtime)
    with _GZ_LOCK:
        hit = _GZ.get(key)
    if hit is not None:
        return hit
    data = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
    with _GZ_LOCK:
        if sum(len(v) for v in _GZ.values()) + len(data) <= _GZ_BYTES_MAX:
            _GZ[key] = data
    return data


def send_static(root: Path, name: str, *, immutable: bool) -> Response:
    """Serve ``root/name``; ``immutable`` marks URLs that change whenever the content changes."""
    joined = safe_join(str(root), name)
    if joined is None:
        abort(404)
    path = Path(joined)
    if not path.is_file():
        abort(404)
    st = path.stat()
    etag = hashlib.sha1(f"{path}:{st.st_mtime_ns}:{st.st_size}".encode()).hexdigest()[:20]
    ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if ctype.startswith("text/") or ctype in ("application/json", "application/javascript"):
        ctype += "; charset=utf-8"
    use_gz = (path.suffix.lower() in COMPRESSIBLE and st.st_size >= MIN_GZIP
              and "gzip" in request.headers.get("Accept-Encoding", ""))
    tag = f'"{etag}{"-gz" if use_gz else ""}"'
    headers = {
        "ETag": tag,
        "Cache-Control": f"public, max-age={YEAR}, immutable" if immutable else "public, max-age=0, must-revalidate",
        "Vary": "Accept-Encoding",
        "X-Content-Type-Options": "nosniff",
        "Access-Control-Allow-Origin": "*",
    }
    if tag in [t.strip() for t in request.headers.get("If-None-Match", "").split(",")]:
        return Response(status=304, headers=headers)
    if use_gz:
        body = _gzipped(path, st.st_mtime)
        headers["Content-Encoding"] = "gzip"
    else:
        body = path.read_bytes()
    if request.method == "HEAD":
        resp = Response(status=200, headers=headers, content_type=ctype)
        resp.headers["Content-Length"] = str(len(body))
        return resp
    return Response(body, headers=headers, content_type=ctype)
