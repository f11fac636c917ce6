"""A real dask.distributed cluster for the tests: ``dask scheduler`` and two ``dask worker`` processes on
127.0.0.1, as they would run on several machines (the folders they use at the same paths)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import free_port

BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parent.parent


class Cluster:
    def __init__(self, root: Path):
        self.port = free_port()
        self.address = f"tcp://127.0.0.1:{self.port}"
        self.root = root
        self.procs: dict[str, subprocess.Popen[bytes]] = {}

    def _spawn(self, name: str, args: list[str]) -> None:
        log = open(self.root / f"{name}.log", "wb")  # noqa: SIM115 - handed to the child
        self.procs[name] = subprocess.Popen([str(BIN / "dask"), *args], stdout=log, stderr=subprocess.STDOUT,
                                            cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)))
        log.close()

    def start(self) -> None:
        self._spawn("scheduler", ["scheduler", "--host", "127.0.0.1", "--port", str(self.port),
                                  "--no-dashboard"])
        for w in ("worker-a", "worker-b"):
            self.start_worker(w)
        self.wait_for_workers(2)

    def start_worker(self, name: str) -> None:
        # --no-nanny: the process we start is the worker itself, so killing it kills the worker
        self._spawn(name, ["worker", self.address, "--name", name, "--nthreads", "1", "--no-nanny",
                           "--no-dashboard", "--local-directory", str(self.root / name)])

    def wait_for_workers(self, n: int) -> None:
        from distributed import Client
        with Client(self.address, timeout=60) as c:
            c.wait_for_workers(n, timeout=120)

    def stop(self) -> None:
        for p in self.procs.values():
            if p.poll() is None:
                p.terminate()
        for p in self.procs.values():
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
