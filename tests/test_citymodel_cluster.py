"""The city model on a real dask.distributed cluster: ``dask scheduler`` and two ``dask worker`` processes
on 127.0.0.1, as they would run on several machines (the input and the output folder at the same paths).

The tiles built there are byte-identical to the single-machine build, and a worker killed in the middle
of a run is recovered by the scheduler (its tiles are rebuilt elsewhere) without a wrong or missing tile.
"""
from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

from citymodel.build import CityModelOptions, build_tileset
from tests.conftest import free_port
from tests.daskcluster import BIN, ROOT, Cluster
from transforms.generate.buildings import generate_buildings


@pytest.fixture(scope="module")
def footprints(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fp") / "gebaeude.gpkg"
    return generate_buildings(4000, path, seed=7)


OPTS = CityModelOptions(max_features=100, workers=1)


@pytest.fixture(scope="module")
def local_build(footprints: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("local")
    build_tileset(footprints, out, OPTS)
    return out


def same_tiles(a: Path, b: Path) -> None:
    names_a = sorted(p.name for p in (a / "tiles").glob("*.glb"))
    names_b = sorted(p.name for p in (b / "tiles").glob("*.glb"))
    assert names_a == names_b and len(names_a) > 20
    for name in names_a:
        assert (a / "tiles" / name).read_bytes() == (b / "tiles" / name).read_bytes(), name
    assert (a / "tileset.json").read_text() == (b / "tileset.json").read_text()


def test_cli_on_scheduler_and_workers_is_byte_identical(cluster: Cluster, footprints: Path, local_build: Path,
                                                        tmp_path: Path) -> None:
    out = tmp_path / "dist"
    r = subprocess.run([str(BIN / "gdi"), "citymodel", "--input", str(footprints), "--out", str(out),
                        "--max-features", "100", "--scheduler", cluster.address, "--check"],
                       capture_output=True, text=True, timeout=600, cwd=ROOT,
                       env=dict(os.environ, GDI_VAR=str(tmp_path / "var")))
    assert r.returncode == 0, r.stderr[-2000:]
    assert "check: ok" in r.stdout
    same_tiles(local_build, out)
    # the tiles were built by the workers, not by the client process
    from distributed import Client
    with Client(cluster.address, timeout=30) as c:
        assert len(c.scheduler_info()["workers"]) == 2


def test_cli_names_an_unreachable_scheduler(footprints: Path, tmp_path: Path) -> None:
    addr = f"tcp://127.0.0.1:{free_port()}"
    r = subprocess.run([str(BIN / "gdi"), "citymodel", "--input", str(footprints), "--out", str(tmp_path / "x"),
                        "--scheduler", addr], capture_output=True, text=True, timeout=120, cwd=ROOT,
                       env=dict(os.environ, GDI_VAR=str(tmp_path / "var"),
                                DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT="3s"))
    assert r.returncode != 0
    assert addr in r.stderr and "no dask scheduler answers" in r.stderr


def test_worker_killed_mid_run_is_recovered(cluster: Cluster, footprints: Path, local_build: Path,
                                            tmp_path: Path) -> None:
    """SIGKILL one worker after the first tiles are written: the scheduler reschedules its tasks on the
    other worker, and the result equals the single-machine build."""
    from distributed import Client
    out = tmp_path / "killed"
    result: dict[str, object] = {}

    def run() -> None:
        try:
            with Client(cluster.address, timeout=60) as client:
                result["report"] = build_tileset(footprints, out, OPTS, client=client)
        except Exception as exc:  # noqa: BLE001 - handed to the test thread
            result["error"] = exc

    t = threading.Thread(target=run)
    t.start()
    deadline = time.monotonic() + 120
    while len(list((out / "tiles").glob("*.glb"))) < 3 and time.monotonic() < deadline and t.is_alive():
        time.sleep(0.05)
    victim = cluster.procs["worker-a"]
    assert t.is_alive(), "the build finished before a worker could be killed (make the input larger)"
    os.kill(victim.pid, signal.SIGKILL)
    t.join(600)
    assert not t.is_alive()
    assert "error" not in result, result.get("error")
    assert victim.wait(timeout=10) == -signal.SIGKILL
    with Client(cluster.address, timeout=30) as c:  # the run finished on the one worker left
        assert [w["name"] for w in c.scheduler_info()["workers"].values()] == ["worker-b"]
    same_tiles(local_build, out)
    cluster.start_worker("worker-a2")  # leave two workers for whatever runs next
    cluster.wait_for_workers(2)
