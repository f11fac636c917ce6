"""Run pycsw's WSGI application on 127.0.0.1:<port> (executed by the pycsw venv's python, not the
project's: it must import nothing from the project).

    .venv-pycsw/bin/python services/csw/_serve.py --config var/csw/pycsw.cfg --port 5116

A threading wsgiref server is enough: pycsw builds its response in memory per request, and the main
web app in front of it (gunicorn) does the connection handling for the outside world.
"""
import argparse
import os
import signal
import sys
import warnings

warnings.filterwarnings("ignore", category=FutureWarning)  # OWSLib/shapely deprecation noise
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server


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


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", required=True)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--parent", type=int, default=0)
    args = ap.parse_args()
    if args.parent:
        _die_with_parent(args.parent)
    os.environ["PYCSW_CONFIG"] = os.path.abspath(args.config)
    from pycsw.wsgi import application

    def app(environ, start_response):
        environ.pop("HTTP_ACCEPT_ENCODING", None)  # never gzip (see DESIGN.md); the proxy may compress
        return application(environ, start_response)

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
