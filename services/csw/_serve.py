"""Run pycsw's WSGI application on 127.0.0.1:<port> (executed by the pycsw venv's python, not the
project's: it must import nothing from the project).

    .venv-pycsw/bin/python services/csw/_serve.py --config var/csw/pycsw.cfg --port 5116

A threading wsgiref server per process is enough: pycsw builds its response in memory per request, and
the main web app in front of it (gunicorn) does the connection handling for the outside world. pycsw's
request is pure Python (GIL-bound), so ``--workers N`` (default 1) forks N such servers that accept from
one listening socket (their parent only watches them and replaces one that dies), and each
process keeps the reflected repository table between requests (``install_repository_memo``, off with
``--no-memo``: pycsw's own path). ``sidecar.py`` chooses N (``GDI_CSW_WORKERS``, default: the cores).
"""
import argparse
import contextlib
import hmac
import os
import signal
import sys
import time
import warnings
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

warnings.filterwarnings("ignore", category=FutureWarning)  # OWSLib/shapely deprecation noise


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True
    # socketserver's default listen backlog is 5: a burst of proxied requests overflowed it and the kernel
    # dropped connection attempts, which the proxy's connect() only retries after 1 s
    request_queue_size = 128


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


def _repository_identity(database: str, app_root):
    """What must stay the same for a reflected table to be reused: the SQLite file itself (``load.py``
    renames a new file over it, a new inode), or nothing for a server database (its loader swaps a schema of
    the same layout; pycsw's engine and its pool stay)."""
    if not database.startswith("sqlite:///"):
        return None
    path = database[len("sqlite:///"):]
    if app_root and not path.startswith("/"):
        path = os.path.join(app_root, path)
    try:
        st = os.stat(path)
    except OSError:
        return "missing"  # pycsw reports it as before
    return (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size)


def install_repository_memo() -> None:
    """pycsw 2.6 builds a new declarative class and reflects the records table (several PRAGMA queries) for
    every request, and since the class is new, SQLAlchemy's compiled-statement cache never hits either: about
    half of a request's time. Keep the reflected class per (database, table, file identity) and give each
    request its own session and queryables, exactly what ``Repository.__init__`` would have made: a reloaded
    repository file (new inode) is reflected anew with its first request."""
    import threading

    from pycsw.core import repository
    from sqlalchemy.orm import create_session

    base_cls = repository.Repository
    if getattr(base_cls, "_gdi_memo", False):
        return
    templates: dict = {}
    lock = threading.Lock()

    class Repository(base_cls):  # type: ignore[misc,valid-type]
        _gdi_memo = True

        def __init__(self, database, context, app_root=None, table="records", repo_filter=None):
            key = (database, table, app_root, _repository_identity(database, app_root))
            tpl = templates.get(key)
            if tpl is None:
                super().__init__(database, context, app_root, table, repo_filter)
                with lock:
                    for k in [k for k in templates if k[:3] == key[:3]]:
                        del templates[k]  # the previous file's class
                    templates[key] = {k: v for k, v in vars(self).items()
                                      if k not in ("session", "context", "filter", "queryables")}
                return
            self.__dict__.update(tpl)
            self.context = context
            self.filter = repo_filter
            self.session = create_session(self.engine)
            self.queryables = {}
            for tname in context.model["typenames"]:
                for qname, qdef in context.model["typenames"][tname]["queryables"].items():
                    self.queryables[qname] = dict(qdef)
            self.queryables["_all"] = {}
            for qbl in list(self.queryables):
                self.queryables["_all"].update(self.queryables[qbl])
            self.queryables["_all"].update(context.md_core_model["mappings"])

    repository.Repository = Repository  # type: ignore[misc]


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
    ap.add_argument("--workers", type=int, default=1, help="server processes accepting from the one socket")
    ap.add_argument("--no-memo", action="store_true", help="pycsw reflects its table on every request (as shipped)")
    args = ap.parse_args()
    if args.parent:
        _die_with_parent(args.parent)
    config = os.path.abspath(args.config)
    staff_config = os.path.abspath(args.staff_config) if args.staff_config else None
    token = os.environ.pop("GDI_CSW_STAFF_TOKEN", "")
    os.environ["PYCSW_CONFIG"] = config
    import pycsw
    from pycsw import server

    if not args.no_memo:
        install_repository_memo()

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
    workers = max(1, args.workers)
    print(f"pycsw listening on http://{args.host}:{args.port}/ ({workers} process{'es' if workers > 1 else ''})",
          flush=True)
    try:
        if workers == 1:
            httpd.serve_forever()
        else:
            _supervise(httpd, workers)
    finally:
        httpd.server_close()
    return 0


def _supervise(httpd, n: int) -> None:
    """Fork ``n`` servers on ``httpd``'s listening socket and keep them ``n`` (one that dies is replaced).
    This process serves nothing itself: it has no threads when it forks, and no request, SQLite connection
    or engine crosses a fork. SIGTERM (``gdi serve`` stopping, or its death) ends the workers with it."""
    children: set[int] = set()
    parent = os.getpid()

    def fork() -> None:
        pid = os.fork()
        if pid == 0:
            try:
                signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
                _die_with_parent(parent)
                httpd.serve_forever()
            finally:
                os._exit(0)
        children.add(pid)

    try:
        for _ in range(n):
            fork()
        while True:
            pid, _status = os.wait()
            if pid in children:
                children.discard(pid)
                time.sleep(0.5)  # a worker that dies at once must not spin
                fork()
    finally:
        for pid in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        for pid in children:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)

if __name__ == "__main__":
    sys.exit(main())
