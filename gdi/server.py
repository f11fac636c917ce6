"""Start and stop ``gdi serve`` as a child process (real gunicorn, its own process group): for the tests,
benchmarks and scripts that need the server as citizens and harvesters reach it, not the WSGI app
in-process."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parent.parent
GDI = str(Path(sys.executable).parent / "gdi")


class ServerProcess(subprocess.Popen[bytes]):
    """The ``gdi serve`` child process; ``log_file`` is its output file, closed by :func:`stop`."""

    log_file: IO[str] | None = None


def start(env: Mapping[str, str], log: Path, *, args: Sequence[str] = (), ready: str = "/health",
          timeout: float = 120.0, also: Callable[[], bool] | None = None) -> ServerProcess:
    """``gdi serve [args]`` with ``env`` (``GDI_PORT`` required), output appended to ``log``; returns once
    ``GET ready`` answers 2xx (and ``also()`` is true). Raises with the log's tail if the server exits or
    does not come up within ``timeout`` seconds."""
    import requests
    log = Path(log)
    log.parent.mkdir(parents=True, exist_ok=True)
    fh = open(log, "a")  # noqa: SIM115 - closed by stop()
    proc = ServerProcess([GDI, "serve", *args], env=dict(env), cwd=ROOT, stdout=fh, stderr=subprocess.STDOUT,
                         start_new_session=True)
    proc.log_file = fh
    url = f"http://127.0.0.1:{env['GDI_PORT']}{ready}"
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            fh.close()
            raise RuntimeError(f"gdi serve exited early (code {proc.returncode}):\n{_tail(log)}")
        try:
            if requests.get(url, timeout=2).ok and (also is None or also()):
                return proc
        except requests.RequestException:
            pass
        time.sleep(0.5)
    stop(proc, timeout=0)
    raise RuntimeError(f"gdi serve did not answer {url} within {timeout:.0f} s:\n{_tail(log)}")


def stop(proc: subprocess.Popen[Any], timeout: float = 20.0) -> None:
    """SIGTERM to the server's process group, SIGKILL after ``timeout`` seconds."""
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM if timeout > 0 else signal.SIGKILL)
            proc.wait(timeout=timeout or None)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        except ProcessLookupError:
            pass
    fh = getattr(proc, "log_file", None)
    if fh is not None and not fh.closed:
        fh.close()


def _tail(log: Path, n: int = 4000) -> str:
    try:
        return log.read_text(errors="replace")[-n:]
    except OSError:
        return "(no log)"
