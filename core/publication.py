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
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

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
        for old in self.root.glob(".staging-*"):
            shutil.rmtree(old, ignore_errors=True)
        self.staging = self.root / f".staging-{version}"
        self.staging.mkdir()

    def path(self, name: str) -> Path:
        return self.staging / name

    def commit(self, manifest: dict[str, Any], keep: int = 3) -> Path:
        final = self._switch(manifest)
        self._record(manifest, keep)
        return final

    def _switch(self, manifest: dict[str, Any]) -> Path:
        """The file part of the switch: write the manifest, rename the staging folder to its version and
        point ``current`` at it (one ``rename(2)``). A store with more to switch (PostGIS) calls it inside
        its own transaction."""
        final = self.root / self.version
        (self.staging / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False, default=str))
        for f in self.staging.iterdir():
            f.chmod(0o644)
        try:
            os.replace(self.staging, final)
            tmp = self.root / f".current-{self.version}"
            if tmp.is_symlink() or tmp.exists():
                tmp.unlink()
            os.symlink(self.version, tmp)
            os.replace(tmp, self.root / "current")
        except OSError as exc:
            raise PublicationError(f"could not switch publication: {exc}", file=str(final)) from exc
        return final

    def _record(self, manifest: dict[str, Any], keep: int) -> None:
        """After the switch: append to ``history.json`` and prune old version folders."""
        _append_history(self.root, manifest)
        _prune(self.root, keep)

    def abort(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)


def _append_history(root: Path, manifest: dict[str, Any]) -> None:
    hist_path = root / "history.json"
    hist = json.loads(hist_path.read_text()) if hist_path.exists() else []
    hist.append({"version": manifest["version"], "published": manifest["published"],
                 "counts": manifest.get("counts", {})})
    tmp = hist_path.with_suffix(".tmp")
    tmp.write_text(json.dumps(hist, indent=2))
    os.replace(tmp, hist_path)


def _prune(root: Path, keep: int) -> None:
    cur = current_dir(root.parent, root.name)
    versions = sorted(p for p in root.iterdir() if p.is_dir() and not p.is_symlink() and not p.name.startswith("."))
    for old in versions[:-keep]:
        if cur is None or old.resolve() != cur.resolve():
            shutil.rmtree(old, ignore_errors=True)


@contextmanager
def publication_lock(publish_root: Path, dataset_id: str) -> Iterator[None]:
    """Only one publication of a dataset at a time (an exclusive ``flock`` on ``<dataset>/.lock``; a second
    run waits). The lock goes with the process: a killed run never leaves it behind."""
    folder = publish_root / dataset_id
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
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
