"""``/3dtiles``: the city model's 3D Tiles as static files, served right.

``settings.var_dir/3dtiles/**`` with the content types 3D Tiles clients expect (``application/json``,
``model/gltf-binary``, ``application/octet-stream`` for subtrees); the build's ``state.json`` and
``report.json`` stay private. gzip for JSON and glb when the client accepts it (flat-shaded meshes and
metadata shrink to ~35 %), ETag + conditional GET, Cache-Control (``tileset.json`` revalidated on
every use, because an incremental rebuild changes it in place; tiles cached for an hour), and CORS so
any viewer can load them. ``/3dtiles/index.json`` lists the available tilesets.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import logging
from pathlib import Path

from werkzeug.wrappers import Request, Response

LOGGER = logging.getLogger(__name__)

TYPES = {".json": "application/json", ".glb": "model/gltf-binary", ".subtree": "application/octet-stream",
         ".b3dm": "application/octet-stream", ".bin": "application/octet-stream"}
CORS = {"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
        "Access-Control-Allow-Headers": "*", "Access-Control-Expose-Headers": "ETag, Content-Length"}


def list_tilesets(base: Path) -> list[dict]:
    out = []
    for ts in sorted(base.glob("**/tileset.json")):
        rel = ts.parent.relative_to(base).as_posix()
        try:
            extras = json.loads(ts.read_text(encoding="utf-8")).get("asset", {}).get("extras", {})
        except (OSError, ValueError):
            continue
        kind = ("planned" if rel.startswith("planned/") else
                "pointcloud" if rel.startswith("pointcloud/") else "buildings")
        out.append({"id": rel, "kind": kind,
                    "name": extras.get("name", rel), "buildings": extras.get("buildings"),
                    "url": f"{rel}/tileset.json"})
    return out


class TilesApp:
    def __init__(self, base: Path):
        self.base = Path(base)

    def __call__(self, environ, start_response):
        req = Request(environ)
        if req.method == "OPTIONS":
            return Response(status=204, headers=CORS)(environ, start_response)
        if req.method not in ("GET", "HEAD"):
            return Response("method not allowed", status=405, headers=CORS)(environ, start_response)
        return self.serve(req)(environ, start_response)

    def serve(self, req: Request) -> Response:
        path = req.path.strip("/")
        if path in ("", "index.json"):
            body = json.dumps({"tilesets": list_tilesets(self.base) if self.base.is_dir() else []},
                              ensure_ascii=False).encode()
            return self._bytes(req, body, "application/json", "no-cache")
        target = (self.base / path).resolve()
        base = self.base.resolve()
        internal = target.suffix == ".json" and target.name != "tileset.json"  # state/report: not public
        if base not in target.parents or not target.is_file() or target.suffix not in TYPES or internal:
            return Response(json.dumps({"error": "not found", "path": path}), status=404,
                            mimetype="application/json", headers=CORS)
        cache = "no-cache" if target.name == "tileset.json" else "public, max-age=3600"
        try:
            body = target.read_bytes()
        except OSError as exc:  # a damaged or vanished file of one tileset: 503 for it, never 500
            LOGGER.error("3D tiles file %s cannot be read: %s", target, exc)
            return Response(json.dumps({"error": "unavailable", "path": path,
                                        "detail": "this file of the 3D city model cannot be read; the operators "
                                        "rebuild it with 'gdi citymodel'"}),
                            status=503, mimetype="application/json", headers={**CORS, "Retry-After": "300"})
        return self._bytes(req, body, TYPES[target.suffix], cache)

    def _bytes(self, req: Request, body: bytes, ctype: str, cache: str) -> Response:
        etag = hashlib.sha1(body).hexdigest()[:20]
        headers = dict(CORS)
        headers.update({"ETag": f'"{etag}"', "Cache-Control": cache, "Vary": "Accept-Encoding"})
        if req.if_none_match.contains(etag):
            return Response(status=304, headers=headers)
        if ctype != "application/octet-stream" and "gzip" in req.headers.get("Accept-Encoding", "") and len(body) > 256:
            body = gzip.compress(body, 6)
            headers["Content-Encoding"] = "gzip"
        resp = Response(body if req.method == "GET" else b"", content_type=ctype, headers=headers)
        resp.headers["Content-Length"] = str(len(body))
        return resp


def create(settings) -> TilesApp:
    return TilesApp(Path(settings.var_dir) / "3dtiles")
