"""``gdi etl --scheduler``: the GML and GeoJSON of a large source encoded and XSD-validated on a real
dask.distributed cluster (``dask scheduler`` + two ``dask worker`` processes on 127.0.0.1).

The publication equals the one built in one process byte for byte (GML, GeoJSON; the GeoPackage row for
row), in either store; a worker killed in the middle of a run is recovered by the scheduler without a wrong
or missing member; the members were really encoded by the workers; an unreachable scheduler is named."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pyogrio
import pytest

from core.config import Settings, load_settings
from core.plugins import MAPPERS
from tests.conftest import SCHEMAS, free_port
from tests.daskcluster import BIN, ROOT, Cluster
from tests.helpers import trees_dataset
from transforms.generate.trees import generate_trees
from transforms.pipeline import RunResult, run_dataset

NOW = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
N_TREES = 60_000


@pytest.fixture(scope="module")
def trees_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_trees(N_TREES, tmp_path_factory.mktemp("src") / "trees.csv", seed=3)


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunks of 6,000 rows: ten tasks for the cluster from a small source."""
    monkeypatch.setattr("transforms.readers.csv.CHUNK_ROWS", 6000)


def settings_for(var: Path, store_url: str, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Settings of a fresh var dir in the suite's store (a database of its own on PostGIS)."""
    store = store_url
    if store_url != "gpkg":
        from tests.pgcluster import new_database
        store = new_database(store_url.rsplit("/", 1)[0], prefix=f"etlcl_{var.name}", postgis=True)
    monkeypatch.setenv("GDI_VAR", str(var))
    monkeypatch.setenv("GDI_SCHEMAS", str(SCHEMAS))
    monkeypatch.setenv("GDI_STORE", store)
    return load_settings()


def publish(tmp: Path, name: str, csv: Path, store_url: str, monkeypatch: pytest.MonkeyPatch,
            client=None) -> tuple[RunResult, Settings]:
    settings = settings_for(tmp / name, store_url, monkeypatch)
    ds = trees_dataset(tmp / f"{name}-ds", csv)
    return run_dataset(ds, settings, now=NOW, client=client), settings


@pytest.fixture
def local_run(trees_csv: Path, store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
              small_chunks: None) -> RunResult:
    return publish(tmp_path, "local", trees_csv, store_url, monkeypatch)[0]


def same_publication(a: RunResult, b: RunResult) -> None:
    assert a.status == b.status == "published"
    assert a.summary == b.summary and a.summary["published"] == N_TREES
    assert a.published_dir is not None and b.published_dir is not None
    for suffix in (".gml", ".geojson"):
        fa, fb = a.published_dir / f"trees{suffix}", b.published_dir / f"trees{suffix}"
        assert fa.stat().st_size == fb.stat().st_size > 1_000_000, suffix
        assert fa.read_bytes() == fb.read_bytes(), suffix
    ga, gb = a.published_dir / "trees.gpkg", b.published_dir / "trees.gpkg"
    for layer, _ in pyogrio.list_layers(ga):
        da = pyogrio.read_dataframe(ga, layer=layer, fid_as_index=True)
        db = pyogrio.read_dataframe(gb, layer=layer, fid_as_index=True)
        assert da.equals(db), layer
    assert not list(b.published_dir.glob(".parts*")), "part files left in the publication"


def test_cluster_publication_is_byte_identical_and_valid(cluster: Cluster, local_run: RunResult, trees_csv: Path,
                                                         store_url: str, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         small_chunks: None) -> None:
    from distributed import Client
    with Client(cluster.address, timeout=60) as client:
        res, settings = publish(tmp_path, "dist", trees_csv, store_url, monkeypatch, client)
        # the members were encoded by the two workers: each ran encode_part tasks of this run
        counts = client.run(lambda dask_worker: sum(
            1 for k in dask_worker.state.log if isinstance(k, tuple) and "gdi-etl-trees" in str(k[0])))
    assert res.timings["cluster_tasks"] == N_TREES // 6000
    assert len(counts) == 2 and all(n > 0 for n in counts.values()), counts
    same_publication(local_run, res)
    assert json.loads(res.report_json.read_text())["validation"]["gml"] == "valid"
    from core.store import get_store
    manifest = get_store(settings).current("trees")
    assert manifest is not None and manifest["counts"]["published"] == N_TREES


def test_worker_killed_mid_run_is_recovered(cluster: Cluster, local_run: RunResult, trees_csv: Path,
                                            store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            small_chunks: None) -> None:
    """SIGKILL one worker once the first parts are appended: the scheduler reruns its tasks on the other
    worker and the publication equals the one built in one process."""
    from distributed import Client
    settings = settings_for(tmp_path / "killed", store_url, monkeypatch)
    ds = trees_dataset(tmp_path / "killed-ds", trees_csv)
    result: dict[str, object] = {}

    def run(client: Client) -> None:
        try:
            result["run"] = run_dataset(ds, settings, now=NOW, client=client)
        except Exception as exc:  # noqa: BLE001 - handed to the test thread
            result["error"] = exc

    with Client(cluster.address, timeout=60) as client:
        t = threading.Thread(target=run, args=(client,))
        t.start()
        victim = cluster.procs["worker-a"]
        deadline = time.monotonic() + 120
        while not list(settings.var_dir.rglob(".parts/*.gml")) and time.monotonic() < deadline and t.is_alive():
            time.sleep(0.02)
        assert t.is_alive(), "the run finished before a worker could be killed (make the input larger)"
        os.kill(victim.pid, signal.SIGKILL)
        t.join(600)
    assert not t.is_alive()
    assert "error" not in result, result.get("error")
    assert victim.wait(timeout=10) == -signal.SIGKILL
    run_result = result["run"]
    assert isinstance(run_result, RunResult)
    same_publication(local_run, run_result)
    cluster.start_worker("worker-a2")  # leave two workers for whatever runs next
    cluster.wait_for_workers(2)


def test_cli_etl_on_the_cluster(cluster: Cluster, trees_csv: Path, store_url: str, tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    settings = settings_for(tmp_path / "cli", store_url, monkeypatch)
    ds = trees_dataset(tmp_path / "cli-ds", trees_csv)
    env = dict(os.environ, GDI_DATASETS=str(ds.yml_path.parent.parent))
    r = subprocess.run([str(BIN / "gdi"), "etl", ds.id, "--scheduler", cluster.address], capture_output=True,
                       text=True, timeout=600, cwd=ROOT, env=env)
    assert r.returncode == 0, r.stderr[-3000:]
    assert f"published {N_TREES}" in r.stdout
    from core.store import get_store
    manifest = get_store(settings).current(ds.id)
    assert manifest is not None and manifest["counts"]["published"] == N_TREES


def test_cli_names_an_unreachable_scheduler(trees_csv: Path, tmp_path: Path) -> None:
    addr = f"tcp://127.0.0.1:{free_port()}"
    r = subprocess.run([str(BIN / "gdi"), "etl", "trees", "--scheduler", addr], capture_output=True, text=True,
                       timeout=120, cwd=ROOT, env=dict(os.environ, GDI_VAR=str(tmp_path / "var"),
                                                       DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT="3s"))
    assert r.returncode != 0
    assert addr in r.stderr and "no dask scheduler answers" in r.stderr


def test_mappers_with_stateful_members_stay_local() -> None:
    """A plan's first member carries the SpatialPlan: such mappers are never sent to the cluster."""
    assert MAPPERS.get("sd_trees").pure_members
    assert not MAPPERS.get("plu_zoning").pure_members
