"""Which datasets changed since their current publication (``gdi etl --changed``, the weekly timer).

A publication records in its manifest (``source_hashes``) the SHA-256 of its ``dataset.yml`` and of every
source file, taken when the run *started*: a source that is rewritten while the ETL reads it then differs
from what was recorded, and the next run publishes it again instead of keeping a half-read export.
A Shapefile counts with its sidecar files (``.dbf``, ``.shx``, ``.prj``, ``.cpg`` …: same stem), a folder
source with every file below it. A dataset is run again when

* it has no current publication, or the publication records no hashes (made before they were recorded);
* its ``dataset.yml`` or a source file differs, was added or is missing (the run will then fail and say so);
* its current publication is damaged (files that no longer match their checksums).

Hashes cover the inputs, not the code: after an upgrade that changes a mapper, run ``gdi etl`` without
``--changed`` once.
"""
from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .config import Dataset, Settings

LOGGER = logging.getLogger(__name__)
MANIFEST_KEY = "source_hashes"
_CHUNK = 1 << 20


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(_CHUNK):
            h.update(block)
    return h.hexdigest()


def _files_of(path: Path) -> list[Path]:
    """The files one source consists of: the file itself, a Shapefile's sidecars, a folder's files."""
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file())
    if path.suffix.lower() == ".shp" and path.parent.is_dir():
        stem = path.stem.lower()
        return sorted(p for p in path.parent.iterdir() if p.is_file() and p.stem.lower() == stem)
    return [path]


def _key(path: Path, folder: Path) -> str:
    """The name a file is recorded under: relative to the dataset folder when inside it, else absolute
    (moving a whole installation keeps the keys; a source moved elsewhere counts as changed)."""
    try:
        return path.resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        return str(path.resolve())


def source_hashes(ds: Dataset) -> dict[str, str | None]:
    """``{"dataset.yml": sha256, "<source file>": sha256 | None (missing or unreadable), …}``. Never
    raises for a missing source: the reader reports that with its own message."""
    folder = ds.folder or Path(".")
    out: dict[str, str | None] = {}
    candidates = [ds.yml_path] + [f for src in ds.sources for f in _files_of(ds.source_path(src))]
    for f in candidates:
        key = "dataset.yml" if f == ds.yml_path else _key(f, folder)
        try:
            out[key] = sha256_file(f)
        except OSError as exc:
            LOGGER.debug("cannot hash %s: %s", f, exc)
            out[key] = None
    return out


def why_run(ds: Dataset, manifest: dict[str, Any] | None, damaged: str | None = None) -> str | None:
    """Why ``ds`` needs a run given its current publication's ``manifest`` (None: it is up to date)."""
    if manifest is None:
        return "not published yet"
    if damaged:
        return f"its current publication is damaged ({damaged})"
    recorded = manifest.get(MANIFEST_KEY)
    if not isinstance(recorded, dict):
        return "its publication records no source hashes (published before they were recorded)"
    now = source_hashes(ds)
    changed = [k for k in sorted(set(now) | set(recorded)) if now.get(k) != recorded.get(k)]
    if not changed:
        return None
    names = ", ".join(f"{k} ({_what(recorded.get(k), now.get(k))})" for k in changed[:5])
    more = f" and {len(changed) - 5} more" if len(changed) > 5 else ""
    return f"changed since version {manifest.get('version')}: {names}{more}"


def _what(before: object, after: object) -> str:
    if before is None and after is not None:
        return "new"
    if after is None:
        return "missing"
    return "modified"


def changed_datasets(ids: list[str], datasets: dict[str, Dataset], settings: Settings) -> dict[str, str]:
    """``{dataset id: why it runs}`` for those of ``ids`` (valid registry entries in ``datasets``) that need
    a run; ids not in ``datasets`` (invalid entries) are left to the caller."""
    from .store import get_store
    store = get_store(settings)
    out: dict[str, str] = {}
    for ds_id in ids:
        ds = datasets.get(ds_id)
        if ds is None:
            continue
        manifest = store.current(ds_id)
        damaged = None
        if manifest is not None:
            try:
                damaged = store.check(ds_id)
            except Exception as exc:  # noqa: BLE001 - a store that cannot be checked: run; the run says what is wrong
                damaged = f"cannot be checked: {exc}"
        reason = why_run(ds, manifest, damaged)
        if reason is not None:
            out[ds_id] = reason
    return out
