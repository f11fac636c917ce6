"""/viewer and /3dtiles (nothing else) served over HTTP on 127.0.0.1 for the browser tests of point-cloud
tilesets: the real viewer app and the real tiles app, in a thread of the test process."""
from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def viewer_and_tiles(var: Path, tiles: Path) -> Iterator[str]:
    """Yields the base URL (``http://127.0.0.1:<port>``) of the viewer for the var dir ``var`` and
    ``/3dtiles`` from the folder ``tiles``."""
    from werkzeug.middleware.dispatcher import DispatcherMiddleware
    from werkzeug.serving import make_server
    from werkzeug.wrappers import Response

    from core.config import load_settings
    from services.tiles.app import TilesApp
    from services.web.viewer import create as create_viewer
    old = os.environ.get("GDI_VAR")
    os.environ["GDI_VAR"] = str(var)
    try:
        settings = load_settings()
    finally:
        if old is None:
            os.environ.pop("GDI_VAR", None)
        else:
            os.environ["GDI_VAR"] = old
    app = DispatcherMiddleware(Response("not found", status=404),
                               {"/3dtiles": TilesApp(tiles), "/viewer": create_viewer(settings)})
    srv = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{srv.server_port}"
    finally:
        srv.shutdown()
