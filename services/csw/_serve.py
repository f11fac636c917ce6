"""Run pycsw's WSGI application on 127.0.0.1:<port> (executed by the pycsw venv's python, not the
project's: it must import nothing from the project).

    .venv-pycsw/bin/python services/csw/_serve.py --config var/csw/pycsw.cfg --port 5116

A threading wsgiref server is enough: pycsw builds its response in memory per request, and the main
web app in front of it (gunicorn) does the connection handling for the outside world.
"""
import argparse
import hmac
import os
import signal
import sys
import warnings
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

warnings.filterwarnings("ignore", category=FutureWarning)  # OWSLib/shapely deprecation noise


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True


class _Quiet(WSGIRequestHandler):
    def log_message(self, fmt, *args):  # access log off; errors still reach stderr
        pass


def _die_with_parent(parent: int) -> None:
    """Linux: get SIGTERM when the process that started us (gdi serve) dies, so no stray pycsw stays."""
    try:
        import ctypes
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # parent already gone before prctl took effect
        sys.exit(0)


INSPIRE_DS = b"http://inspire.ec.europa.eu/schemas/inspire_ds/1.0"
INSPIRE_DS_XSD = INSPIRE_DS + b"/inspire_ds.xsd"


def with_inspire_schema(contents: bytes) -> bytes:
    """pycsw's capabilities carry inspire_ds:ExtendedCapabilities but name only CSW 2.0.2 in the root's
    xsi:schemaLocation, so a validating client cannot check the extended capabilities: add inspire_ds 1.0
    (namespace and schema) to the first schemaLocation of a document that uses it."""
    if INSPIRE_DS not in contents or b"ExtendedCapabilities" not in contents:
        return contents
    key = b'xsi:schemaLocation="'
    at = contents.find(key)  # the root's (pycsw puts a second one on the extended capabilities element)
    if at < 0:
        return contents
    end = at + len(key)
    if INSPIRE_DS_XSD in contents[end:contents.find(b'"', end)]:
        return contents
    return contents[:end] + INSPIRE_DS + b" " + INSPIRE_DS_XSD + b" " + contents[end:]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", required=True)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--staff-config", default=None,
                    help="config of the staff repository, served below /staff to requests carrying the "
                         "X-Gdi-Staff token from $GDI_CSW_STAFF_TOKEN (set by the proxy after authentication)")
    ap.add_argument("--parent", type=int, default=0)
    args = ap.parse_args()
    if args.parent:
        _die_with_parent(args.parent)
    config = os.path.abspath(args.config)
    staff_config = os.path.abspath(args.staff_config) if args.staff_config else None
    token = os.environ.pop("GDI_CSW_STAFF_TOKEN", "")
    os.environ["PYCSW_CONFIG"] = config
    import pycsw
    from pycsw import server

    root = os.path.dirname(os.path.dirname(os.path.abspath(pycsw.__file__)))

    def app(environ, start_response):
        """pycsw.wsgi.application without its two flaws: it takes the configuration *path* from any
        query parameter containing 'config' (a client could pick another config file, and an AnyText
        search for 'config' breaks), and its gzip path sends a wrong Content-Length. The config is fixed
        here, and responses are never compressed."""
        environ["local.app_root"] = root
        if ":" in environ.get("HTTP_HOST", ""):
            environ["HTTP_HOST"] = environ["HTTP_HOST"].split(":")[0]
        cfg = config
        path = environ.get("PATH_INFO", "")
        if path == "/staff" or path.startswith("/staff/"):
            sent = environ.get("HTTP_X_GDI_STAFF", "")
            if not (staff_config and token and hmac.compare_digest(sent.encode(), token.encode())):
                start_response("403 Forbidden", [("Content-Type", "text/plain"), ("Content-Length", "10")])
                return [b"forbidden\n"]
            cfg, environ["PATH_INFO"] = staff_config, path[len("/staff"):] or "/"
        csw = server.Csw(cfg, environ)
        status, contents = csw.dispatch_wsgi()
        contents = with_inspire_schema(contents)
        start_response(status, [("Content-Type", str(csw.contenttype)), ("Content-Length", str(len(contents)))])
        return [contents]

    httpd = make_server(args.host, args.port, app, server_class=_Server, handler_class=_Quiet)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"pycsw listening on http://{args.host}:{args.port}/", flush=True)
    try:
        httpd.serve_forever()
    finally:
        httpd.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
