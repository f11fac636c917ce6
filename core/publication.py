"""Atomic publication: ``var/publish/<dataset>/<version>/`` and a ``current`` symlink.

A run writes into ``.staging-<version>``; only after validation passed is the folder renamed to its
version and ``current`` switched with one ``rename(2)`` of a new symlink over the old one. A failed or
killed run leaves the previous publication current and untouched; stale staging folders are removed
by the next run.
"""
from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import integrity
from .errors import PublicationError

LOGGER = logging.getLogger(__name__)


def new_version(now: datetime | None = None) -> str:
    now = now or datetime.now(UTC)
    return now.strftime("%Y%m%dT%H%M%S%fZ")


class Publication:
    """One staged publication of one dataset."""

    def __init__(self, root: Path, dataset_id: str, version: str):
        self.root = root / dataset_id
        self.dataset_id = dataset_id
        self.version = version
        self.root.mkdir(parents=True, exist_ok=True)
        # the dataset's lock for the life of the staged version (re-entrant in the thread that holds it, as
        # the pipeline does): another live run's staging folder is never removed
        self._lock = ExitStack()
        self._lock.enter_context(publication_lock(root, dataset_id))
        for old in self.root.glob(".staging-*"):
            shutil.rmtree(old, ignore_errors=True)
        self.staging = self.root / f".staging-{version}"
        self.staging.mkdir()

    def path(self, name: str) -> Path:
        return self.staging / name

    def layer_sink(self, layer: str) -> Any:
        """A sink the GeoPackage encoder hands each chunk of ``layer`` to, for a store that loads its tables
        while the files are written (PostGIS: ``core.pg_load.LayerCopy``); None: the files are all."""
        return None

    def commit(self, manifest: dict[str, Any], keep: int = 3) -> Path:
        try:
            final = self._switch(manifest)
            self._record(manifest, keep)
        finally:
            self._lock.close()
        return final

    def _switch(self, manifest: dict[str, Any]) -> Path:
        """The file part of the switch: write the manifest, rename the staging folder to its version and
        point ``current`` at it (one ``rename(2)``). A store with more to switch (PostGIS) calls it inside
        its own transaction."""
        final = self.root / self.version
        if "checksums" not in manifest:  # what services check the files against (core.integrity)
            manifest = {**manifest, "checksums": integrity.checksums(self.staging)}
        (self.staging / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False, default=str))
        for f in self.staging.iterdir():
            f.chmod(0o644)
        try:
            # durable before visible: files and folder reach the disk before `current` can name them
            fsync_tree(self.staging)
            os.replace(self.staging, final)
            fsync_dir(self.root)
            point_current(self.root, self.version)
        except OSError as exc:
            raise PublicationError(f"could not switch publication: {exc}", file=str(final)) from exc
        return final

    def _record(self, manifest: dict[str, Any], keep: int) -> None:
        """After the switch: append to ``history.json`` and prune old version folders."""
        _append_history(self.root, manifest)
        _prune(self.root, keep)

    def abort(self) -> None:
        try:
            shutil.rmtree(self.staging, ignore_errors=True)
        finally:
            self._lock.close()


def fsync_dir(path: Path) -> None:
    """fsync a directory: its entries (a rename, a new symlink) reach the disk."""
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_tree(path: Path) -> None:
    """fsync every file below ``path``, then every directory, deepest first."""
    dirs = []
    for d, _subdirs, files in os.walk(path):
        for name in files:
            fd = os.open(os.path.join(d, name), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        dirs.append(d)
    for d in reversed(dirs):
        fsync_dir(Path(d))


def point_current(root: Path, version: str) -> None:
    """Point ``<root>/current`` at ``version`` with one ``rename(2)`` of a new symlink over the old one."""
    tmp = root / f".current-{version}"
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    os.symlink(version, tmp)
    os.replace(tmp, root / "current")
    fsync_dir(root)


def versions(publish_root: Path, dataset_id: str) -> list[str]:
    """The kept version folders of a dataset, oldest first."""
    root = publish_root / dataset_id
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if p.is_dir() and not p.is_symlink() and not p.name.startswith("."))


def rollback_target(publish_root: Path, dataset_id: str,
                    check: Callable[[str], str | None]) -> tuple[str, str]:
    """(current version, the newest older version that ``check`` finds intact) for ``gdi publication
    rollback``; raises :class:`PublicationError` naming what is missing."""
    cur = current_dir(publish_root, dataset_id)
    if cur is None:
        raise PublicationError("nothing is published, there is nothing to switch back from", file=dataset_id)
    problems = []
    for v in reversed([v for v in versions(publish_root, dataset_id) if v < cur.name]):
        problem = check(v)
        if problem is None:
            return cur.name, v
        problems.append(f"{v}: {problem}")
    why = f" (damaged too: {'; '.join(problems)})" if problems else ""
    raise PublicationError(f"no intact version older than {cur.name} is kept{why}; run 'gdi etl {dataset_id}' "
                           "to publish a new one", file=dataset_id)


def record_switch(publish_root: Path, dataset_id: str, version: str, note: str) -> None:
    """Append a switch made by hand (a rollback) to ``history.json``."""
    manifest = integrity.read_manifest(publish_root / dataset_id / version) or {}
    _append_history(publish_root / dataset_id, {"version": version, "published": manifest.get("published"),
                                                "counts": manifest.get("counts", {}), "note": note})


def _append_history(root: Path, manifest: dict[str, Any]) -> None:
    hist_path = root / "history.json"
    hist = json.loads(hist_path.read_text()) if hist_path.exists() else []
    entry = {"version": manifest["version"], "published": manifest["published"],
             "counts": manifest.get("counts", {})}
    if manifest.get("note"):
        entry["note"] = manifest["note"]
    hist.append(entry)
    tmp = hist_path.with_suffix(".tmp")
    with open(tmp, "w") as fh:
        fh.write(json.dumps(hist, indent=2))
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, hist_path)
    fsync_dir(root)


def _prune(root: Path, keep: int) -> None:
    cur = current_dir(root.parent, root.name)
    versions = sorted(p for p in root.iterdir() if p.is_dir() and not p.is_symlink() and not p.name.startswith("."))
    for old in versions[:-keep]:
        if cur is None or old.resolve() != cur.resolve():
            shutil.rmtree(old, ignore_errors=True)


_HELD = threading.local()  # lock file -> depth, in the thread that holds it


@contextmanager
def publication_lock(publish_root: Path, dataset_id: str) -> Iterator[None]:
    """Only one publication of a dataset at a time (an exclusive ``flock`` on ``<dataset>/.lock``; a second
    run, in another process or thread, waits). Re-entrant in the holding thread (the pipeline holds it for the
    run, a staged :class:`Publication` for its life). The lock goes with the process: a killed run never
    leaves it behind."""
    folder = publish_root / dataset_id
    folder.mkdir(parents=True, exist_ok=True)
    key = str((folder / ".lock").resolve())
    held: dict[str, int] = _HELD.__dict__.setdefault("depth", {})
    if held.get(key):
        held[key] += 1
        try:
            yield
        finally:
            if held.get(key):   # a generator closed by the garbage collector may run in another thread
                held[key] -= 1
        return
    with open(folder / ".lock", "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        held[key] = 1
        try:
            yield
        finally:
            held.pop(key, None)
            fcntl.flock(fh, fcntl.LOCK_UN)


def current_dir(publish_root: Path, dataset_id: str) -> Path | None:
    link = publish_root / dataset_id / "current"
    return link.resolve() if link.exists() else None


def current_manifest(publish_root: Path, dataset_id: str) -> dict[str, Any] | None:
    d = current_dir(publish_root, dataset_id)
    if d is None or not (d / "manifest.json").exists():
        return None
    manifest: dict[str, Any] = json.loads((d / "manifest.json").read_text())
    return manifest


def history(publish_root: Path, dataset_id: str) -> list[dict[str, Any]]:
    p = publish_root / dataset_id / "history.json"
    return json.loads(p.read_text()) if p.exists() else []


def published_datasets(publish_root: Path) -> dict[str, dict[str, Any]]:
    out = {}
    if publish_root.is_dir():
        for d in sorted(publish_root.iterdir()):
            m = current_manifest(publish_root, d.name) if d.is_dir() else None
            if m:
                out[d.name] = m
    return out
