"""Unit tests (no demo run) of the publication API and the store interface: staging, the atomic switch of
``current``, abort, history, pruning, the per-dataset lock, ``GpkgStore.layer`` and ``get_store``."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from core import publication
from core.config import Settings
from core.errors import ConfigError
from core.publication import (
    Publication,
    current_dir,
    current_manifest,
    history,
    publication_lock,
    published_datasets,
)
from core.store import GpkgStore, LayerRef, get_store

from .conftest import ROOT

DS = "trees"


def manifest(version: str, published: int = 10) -> dict[str, Any]:
    return {"version": version, "published": f"published {version}", "counts": {"published": published},
            "access": "public"}


def publish(root: Path, version: str, content: str = "data", keep: int = 3, dataset: str = DS) -> Path:
    pub = Publication(root, dataset, version)
    pub.path(f"{dataset}.gpkg").write_text(content)
    return pub.commit(manifest(version), keep=keep)


def cur_version(root: Path, dataset: str = DS) -> str:
    man = current_manifest(root, dataset)
    assert man is not None, f"{dataset} has no current version"
    return str(man["version"])


def cur_dir(root: Path, dataset: str = DS) -> Path:
    d = current_dir(root, dataset)
    assert d is not None, f"{dataset} has no current version"
    return d


def versions_on_disk(root: Path, dataset: str = DS) -> list[str]:
    return sorted(p.name for p in (root / dataset).iterdir()
                  if p.is_dir() and not p.is_symlink() and not p.name.startswith("."))


# --------------------------------------------------------------------------- staging and commit

def test_staging_is_invisible_until_commit(tmp_path: Path) -> None:
    pub = Publication(tmp_path, DS, "v01")
    staged = pub.path("trees.gml")
    staged.write_text("<gml/>")
    assert staged.parent == tmp_path / DS / ".staging-v01"
    assert current_dir(tmp_path, DS) is None and current_manifest(tmp_path, DS) is None
    assert published_datasets(tmp_path) == {}
    assert versions_on_disk(tmp_path) == []

    final = pub.commit(manifest("v01"))
    assert final == tmp_path / DS / "v01"
    assert not (tmp_path / DS / ".staging-v01").exists()
    assert (final / "trees.gml").read_text() == "<gml/>"
    assert current_dir(tmp_path, DS) == final.resolve()
    stored = current_manifest(tmp_path, DS)
    assert stored is not None and set(stored.pop("checksums")) == {"trees.gml"}  # added by the switch
    assert stored == manifest("v01")
    assert json.loads((final / "manifest.json").read_text())["version"] == "v01"
    assert {k: {f: v for f, v in m.items() if f != "checksums"} for k, m in published_datasets(tmp_path).items()} \
        == {DS: manifest("v01")}


def test_commit_switches_current_to_the_new_version(tmp_path: Path) -> None:
    publish(tmp_path, "v01", "old")
    pub = Publication(tmp_path, DS, "v02")
    pub.path("trees.gpkg").write_text("new")
    assert cur_version(tmp_path) == "v01"  # staged, not yet current
    pub.commit(manifest("v02"))
    link = tmp_path / DS / "current"
    assert link.is_symlink() and os.readlink(link) == "v02"  # relative: the var dir can move
    assert (cur_dir(tmp_path) / "trees.gpkg").read_text() == "new"
    assert not list((tmp_path / DS).glob(".current-*")), "temporary link left behind"


def test_current_is_never_missing_during_a_switch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each rename of the commit sees a complete current version (the link is replaced, never removed and
    re-created), and a reader polling during many commits always finds one."""
    publish(tmp_path, "v00")
    real_replace = os.replace
    seen: list[str] = []

    def checked_replace(src: Any, dst: Any) -> None:
        man = current_manifest(tmp_path, DS)
        assert man is not None, f"no current version while renaming {src} -> {dst}"
        seen.append(man["version"])
        real_replace(src, dst)

    monkeypatch.setattr("core.publication.os.replace", checked_replace)
    publish(tmp_path, "v01")
    assert seen and cur_version(tmp_path) == "v01"
    monkeypatch.undo()

    stop, missing = threading.Event(), []

    def reader() -> None:
        while not stop.is_set():
            if current_manifest(tmp_path, DS) is None:
                missing.append(time.time())

    t = threading.Thread(target=reader)
    t.start()
    try:
        for i in range(2, 40):
            publish(tmp_path, f"v{i:02d}")
    finally:
        stop.set()
        t.join()
    assert missing == []
    assert cur_version(tmp_path) == "v39"


def test_abort_leaves_the_previous_current_untouched(tmp_path: Path) -> None:
    publish(tmp_path, "v01", "good")
    before = {p.name: p.read_bytes() for p in cur_dir(tmp_path).iterdir()}
    pub = Publication(tmp_path, DS, "v02")
    pub.path("trees.gpkg").write_text("half-written")
    pub.abort()
    assert not (tmp_path / DS / ".staging-v02").exists()
    assert not (tmp_path / DS / "v02").exists()
    assert cur_version(tmp_path) == "v01"
    assert {p.name: p.read_bytes() for p in cur_dir(tmp_path).iterdir()} == before
    assert [h["version"] for h in history(tmp_path, DS)] == ["v01"]


def test_a_killed_run_leaves_staging_that_the_next_run_removes(tmp_path: Path) -> None:
    publish(tmp_path, "v01")
    Publication(tmp_path, DS, "v02").path("trees.gpkg").write_text("killed mid-run")  # never committed
    assert (tmp_path / DS / ".staging-v02").is_dir()
    assert cur_version(tmp_path) == "v01"
    Publication(tmp_path, DS, "v03")
    assert not (tmp_path / DS / ".staging-v02").exists()
    assert cur_version(tmp_path) == "v01"


def test_new_version_sorts_by_time() -> None:
    from datetime import UTC, datetime
    a = publication.new_version(datetime(2026, 1, 1, 23, 59, 59, 999999, tzinfo=UTC))
    b = publication.new_version(datetime(2026, 1, 2, 0, 0, 0, 1, tzinfo=UTC))
    assert a == "20260101T235959999999Z" and a < b


# --------------------------------------------------------------------------- history and pruning

def test_history_lists_every_commit_in_order(tmp_path: Path) -> None:
    for i, n in enumerate((5, 7, 9), 1):
        pub = Publication(tmp_path, DS, f"v0{i}")
        pub.commit(manifest(f"v0{i}", published=n), keep=10)
    h = history(tmp_path, DS)
    assert [e["version"] for e in h] == ["v01", "v02", "v03"]
    assert [e["counts"]["published"] for e in h] == [5, 7, 9]
    assert all(set(e) == {"version", "published", "counts"} for e in h)
    assert history(tmp_path, "never_published") == []


def test_pruning_keeps_the_newest_n(tmp_path: Path) -> None:
    for i in range(1, 6):
        publish(tmp_path, f"v0{i}", keep=2)
    assert versions_on_disk(tmp_path) == ["v04", "v05"]
    assert cur_version(tmp_path) == "v05"
    assert len(history(tmp_path, DS)) == 5  # history outlives pruned folders
    assert (tmp_path / DS / "history.json").exists()


def test_pruning_never_removes_the_current_version(tmp_path: Path) -> None:
    """A version that sorts last by name (a clock that was ahead) is kept as 'newest'; the current one,
    which sorts first, must survive anyway."""
    publish(tmp_path, "29990101T000000000000Z", keep=1)
    publish(tmp_path, "20260101T000000000000Z", keep=1)
    assert cur_version(tmp_path) == "20260101T000000000000Z"
    assert (cur_dir(tmp_path) / "trees.gpkg").exists()
    assert versions_on_disk(tmp_path) == ["20260101T000000000000Z", "29990101T000000000000Z"]


# --------------------------------------------------------------------------- the lock

def test_lock_serialises_threads(tmp_path: Path) -> None:
    events: list[str] = []
    inside = threading.Event()

    def first() -> None:
        with publication_lock(tmp_path, DS):
            events.append("first in")
            inside.set()
            time.sleep(0.4)
            events.append("first out")

    def second() -> None:
        inside.wait(5)
        with publication_lock(tmp_path, DS):
            events.append("second in")

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert events == ["first in", "first out", "second in"]


def test_lock_is_per_dataset(tmp_path: Path) -> None:
    got = threading.Event()

    def other() -> None:
        with publication_lock(tmp_path, "playgrounds"):
            got.set()

    with publication_lock(tmp_path, DS):
        t = threading.Thread(target=other)
        t.start()
        assert got.wait(5), "the lock of one dataset blocked another dataset"
        t.join()


HOLD = """
import sys, time
from pathlib import Path
from core.publication import publication_lock
with publication_lock(Path(sys.argv[1]), sys.argv[2]):
    print("locked", flush=True)
    time.sleep(float(sys.argv[3]))
    Path(sys.argv[1], "released").write_text("yes")
"""


def _holder(tmp_path: Path, seconds: float) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(tmp_path), DS, str(seconds)], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    return proc


def test_lock_serialises_processes(tmp_path: Path) -> None:
    proc = _holder(tmp_path, 1.0)
    try:
        t0 = time.monotonic()
        with publication_lock(tmp_path, DS):
            waited = time.monotonic() - t0
            assert (tmp_path / "released").exists(), "got the lock while the other process held it"
        assert waited > 0.3
    finally:
        proc.wait(30)


def test_lock_of_a_killed_process_is_released(tmp_path: Path) -> None:
    proc = _holder(tmp_path, 60)
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    t0 = time.monotonic()
    with publication_lock(tmp_path, DS):
        assert time.monotonic() - t0 < 5
    assert not (tmp_path / "released").exists()


# --------------------------------------------------------------------------- the store

@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("GDI_VAR", str(tmp_path / "var"))
    monkeypatch.delenv("GDI_STORE", raising=False)
    monkeypatch.delenv("GDI_SETTINGS", raising=False)
    from core.config import load_settings
    return load_settings()


def test_gpkg_store_layer_of_current_and_of_a_version(settings: Settings) -> None:
    store = get_store(settings)
    assert isinstance(store, GpkgStore)
    assert store.layer(DS, "speciesdistributionunit") is None  # nothing published yet
    with store.lock(DS):
        pub = store.begin(DS, "v01")
        pub.path(f"{DS}.gpkg").write_text("one")
        pub.commit(manifest("v01"))
    pub = store.begin(DS, "v02")
    pub.path(f"{DS}.gpkg").write_text("two")
    pub.commit(manifest("v02"))

    cur = store.layer(DS, "speciesdistributionunit")
    # the current layer's path is the stable one through the ``current`` link
    assert cur == LayerRef("gpkg", DS, "v02", "speciesdistributionunit",
                           path=settings.publish_dir / DS / "current" / f"{DS}.gpkg")
    assert cur is not None and cur.path is not None
    assert cur.path.resolve() == (settings.publish_dir / DS / "v02" / f"{DS}.gpkg").resolve()
    assert cur.ogr_source == str(cur.path) and cur.path.read_text() == "two"
    old = store.layer(DS, "trees_source", version="v01")
    assert old is not None and old.version == "v01" and old.table == "trees_source"
    assert old.path is not None and old.path.read_text() == "one"
    assert store.layer(DS, "speciesdistributionunit", version="v99") is None
    assert store.layer("playgrounds", "x") is None
    assert (store.current(DS) or {}).get("version") == "v02"
    assert [h["version"] for h in store.history(DS)] == ["v01", "v02"]
    assert list(store.published()) == [DS]
    # the stable path goes through the link, so a service keeping it sees the next publication
    kept = cur.path
    pub = store.begin(DS, "v03")
    pub.path(f"{DS}.gpkg").write_text("three")
    pub.commit(manifest("v03"))
    assert kept.read_text() == "three"


def test_gpkg_store_layer_is_none_for_a_version_without_geopackage(settings: Settings) -> None:
    store = get_store(settings)
    pub = store.begin(DS, "v01")
    pub.path(f"{DS}.gml").write_text("<gml/>")
    pub.commit(manifest("v01"))
    assert store.current(DS) is not None
    assert store.layer(DS, "speciesdistributionunit") is None


@pytest.mark.parametrize("spec", ["gpkg"])
def test_get_store_gpkg(settings: Settings, spec: str) -> None:
    assert type(get_store(settings.model_copy(update={"store": spec}))) is GpkgStore


def test_get_store_unknown_value_lists_the_valid_ones(settings: Settings) -> None:
    with pytest.raises(ConfigError) as exc:
        get_store(settings.model_copy(update={"store": "oracle"}))
    msg = str(exc.value)
    assert "field 'store'" in msg and "'oracle'" in msg
    assert "gpkg" in msg and "postgresql://" in msg


@pytest.mark.parametrize("url", ["postgresql://gdi:s3cr3t-PW@db.example:5432/gdi",
                                 "postgres://gdi:s3cr3t-PW@db.example/gdi"])
def test_get_store_postgresql_url_selects_postgis_without_echoing_the_password(settings: Settings,
                                                                              url: str) -> None:
    from core.store_postgis import PostgisStore
    store = get_store(settings.model_copy(update={"store": url}))  # no connection is made here
    assert isinstance(store, PostgisStore)
    assert "s3cr3t-PW" not in store.safe_url and "***" in store.safe_url


def test_get_store_postgresql_url_without_database_is_refused(settings: Settings) -> None:
    with pytest.raises(ConfigError) as exc:
        get_store(settings.model_copy(update={"store": "postgresql://gdi:s3cr3t-PW@db.example:5432"}))
    err = exc.value
    assert "field 'store'" in str(err)
    for text in (str(err), repr(err), repr(err.value), repr(err.args)):
        assert "s3cr3t-PW" not in text


def test_get_store_reads_gdi_store_from_the_environment(settings: Settings,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from core.config import load_settings
    from core.store_postgis import PostgisStore
    monkeypatch.setenv("GDI_STORE", "postgresql://u:hunter2@h/db")
    store = get_store(load_settings())
    assert isinstance(store, PostgisStore) and "hunter2" not in store.safe_url
