"""``/terrain/``: the Cesium terrain of the DGM (``citymodel.terrain_tiles``) as static files.

``/terrain/layer.json`` names the current version's tiles (``<key>/{z}/{x}/{y}.terrain``); it is revalidated
on every use (no-cache + ETag), while a version's tiles never change and are cached as immutable. Tiles are
stored gzipped and sent as they are (``Content-Encoding: gzip``, ``Content-Type:
application/vnd.quantized-mesh``), unzipped only for a client that does not accept gzip. A tile that is not
there (outside ``available``, or of a removed version) is 404. CORS as for ``/3dtiles``.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import logging
import re
from pathlib import Path

from werkzeug.wrappers import Request, Response

from .app import CORS

LOGGER = logging.getLogger(__name__)
QMESH = "application/vnd.quantized-mesh"
TILE = re.compile(r"^([0-9a-f]{6,40})/(\d{1,2})/(\d{1,7})/(\d{1,7})\.terrain$")


class TerrainApp:
    def __init__(self, base: Path):
        self.base = Path(base)

    def __call__(self, environ, start_response):
        req = Request(environ)
        if req.method == "OPTIONS":
            return Response(status=204, headers=CORS)(environ, start_response)
        if req.method not in ("GET", "HEAD"):
            return Response("method not allowed", status=405, headers=CORS)(environ, start_response)
        return self.serve(req)(environ, start_response)

    def _not_found(self, path: str) -> Response:
        return Response(json.dumps({"error": "not found", "path": path}), status=404, mimetype="application/json",
                        headers=CORS)

    def serve(self, req: Request) -> Response:
        path = req.path.strip("/")
        if path in ("", "layer.json"):
            try:
                body = (self.base / "layer.json").read_bytes()
            except OSError:
                return self._not_found(path or "layer.json")
            return self._send(req, body, "application/json", "no-cache", stored_gzip=False)
        m = TILE.match(path)
        if not m:
            return self._not_found(path)
        try:
            body = (self.base / path).read_bytes()   # the pattern admits no '..' and no other file
        except OSError:
            return self._not_found(path)
        return self._send(req, body, QMESH, "public, max-age=31536000, immutable", stored_gzip=True)

    def _send(self, req: Request, body: bytes, ctype: str, cache: str, stored_gzip: bool) -> Response:
        etag = hashlib.sha1(body).hexdigest()[:20]
        headers = dict(CORS)
        headers.update({"ETag": f'"{etag}"', "Cache-Control": cache, "Vary": "Accept-Encoding"})
        if req.if_none_match.contains(etag):
            return Response(status=304, headers=headers)
        accepts = "gzip" in req.headers.get("Accept-Encoding", "")
        zipped = stored_gzip and body[:2] == b"\x1f\x8b"
        if zipped and not accepts:
            body, zipped = gzip.decompress(body), False
        elif not zipped and accepts and len(body) > 256:
            body, zipped = gzip.compress(body, 6), True
        if zipped:
            headers["Content-Encoding"] = "gzip"
        resp = Response(body if req.method == "GET" else b"", content_type=ctype, headers=headers)
        resp.headers["Content-Length"] = str(len(body))
        return resp


def create(settings) -> TerrainApp:
    return TerrainApp(Path(settings.var_dir) / "terrain")
