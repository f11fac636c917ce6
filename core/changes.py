"""Which datasets changed since their current publication (``gdi etl --changed``, the weekly timer).

A publication records in its manifest (``source_hashes``) the SHA-256 of its ``dataset.yml`` and of every
source file, taken when the run *started*: a source that is rewritten while the ETL reads it then differs
from what was recorded, and the next run publishes it again instead of keeping a half-read export.
A Shapefile counts with its sidecar files (``.dbf``, ``.shx``, ``.prj``, ``.cpg`` …: same stem), a folder
source with every file below it, and a source with the files its reader options name (NAS ``updates``).
A dataset is run again when

* it has no current publication, or the publication records no hashes (made before they were recorded);
* its ``dataset.yml`` or a source file differs, was added or is missing (the run will then fail and say so);
  files a mapper reads besides the sources count as source files (the trees' ``measurements`` tables);
* its current publication is damaged (files that no longer match their checksums).

Hashes cover the inputs, not the code: after an upgrade that changes a mapper, run ``gdi etl`` without
``--changed`` once.

Reading every source at every start costs 2-3 s per GB, so with the settings given the digests are cached in
``<var>/cache/source-hashes.json`` by path, size, mtime, ctime and inode: a file whose ``stat`` still matches is
not read again; a rewritten, touched, replaced (new inode) or restored file is. A file modified less than
:data:`RACY_NS` before it was hashed is not cached (a second write within the same timestamp tick would go
unnoticed, git's "racy clean" problem). The cache is only an optimisation: unreadable, damaged or lost, it
is rebuilt by hashing.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .config import Dataset, Settings

LOGGER = logging.getLogger(__name__)
MANIFEST_KEY = "source_hashes"
_CHUNK = 1 << 20
CACHE_FILE = Path("cache") / "source-hashes.json"  # below the var dir
RACY_NS = 2_000_000_000  # a file modified this shortly before being hashed is not cached


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(_CHUNK):
            h.update(block)
    return h.hexdigest()


class DigestCache:
    """SHA-256 of files by ``(path, size, mtime_ns, ctime_ns, inode)``, kept in one JSON file (a plain file
    replaced with one rename: safe on the shared storage of several machines, where SQLite's locks are not).
    Two runs saving at once merge what each found; the worst a lost entry costs is reading the file again."""

    def __init__(self, path: Path):
        self.path = path
        self.entries = self._read()
        self.found: dict[str, dict[str, Any]] = {}

    def _read(self) -> dict[str, dict[str, Any]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            LOGGER.warning("source hash cache %s unreadable, hashing again: %s", self.path, exc)
            return {}
        return data if isinstance(data, dict) else {}

    def digest(self, path: Path) -> str:
        """The file's SHA-256: from the cache while its ``stat`` matches, else read (raises ``OSError``)."""
        name = str(path.resolve())
        st = os.stat(path)
        key = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]
        entry = self.entries.get(name)
        if isinstance(entry, dict) and entry.get("stat") == key and isinstance(entry.get("sha256"), str):
            return str(entry["sha256"])
        hashed_at = time.time_ns()
        digest = sha256_file(path)
        if st.st_mtime_ns < hashed_at - RACY_NS and os.stat(path).st_mtime_ns == st.st_mtime_ns:
            self.found[name] = {"stat": key, "sha256": digest}
        return digest

    def save(self) -> None:
        """Merge the new digests into the file on disk (entries of files that no longer exist dropped)."""
        if not self.found:
            return
        merged = {k: v for k, v in self._read().items() if k not in self.found and os.path.exists(k)}
        merged.update(self.found)
        tmp: Path | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp")
            tmp = Path(name)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(merged, fh, indent=0, sort_keys=True)
            os.replace(tmp, self.path)
        except OSError as exc:
            LOGGER.warning("cannot write the source hash cache %s: %s", self.path, exc)
            if tmp is not None:
                tmp.unlink(missing_ok=True)
            return
        self.entries, self.found = merged, {}


def _files_of(path: Path) -> list[Path]:
    """The files one source consists of: the file itself, a Shapefile's sidecars, a folder's files."""
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file())
    if path.suffix.lower() == ".shp" and path.parent.is_dir():
        stem = path.stem.lower()
        return sorted(p for p in path.parent.iterdir() if p.is_file() and p.stem.lower() == stem)
    return [path]


def _option_files(ds: Dataset, options: dict[str, Any]) -> list[Path]:
    """Files a reader reads besides its ``path``, named in its options (the NAS reader's ``updates`` and
    ``address_files``, a terrain file …): every option value, or item of a list value, that names an existing
    file relative to the dataset folder (or absolute). An update file rewritten in place is an input change
    like the base file; one named but missing is reported by the reader."""
    folder = ds.folder or Path(".")
    out: list[Path] = []
    for value in options.values():
        for item in value if isinstance(value, list) else [value]:
            if not isinstance(item, str) or not item or "\n" in item or len(item) > 1024:
                continue
            p = Path(os.path.expanduser(item))
            p = p if p.is_absolute() else folder / p
            try:
                if p.is_file():
                    out.append(p)
            except OSError:  # a value that is no file name at all
                continue
    return out


def _mapper_files(ds: Dataset, settings: Settings | None) -> list[Path]:
    """Files the dataset's mapper reads besides the sources (the trees' laser measurements, option
    ``measurements``): its ``input_files(dataset, settings)`` where it has one. A mapper or option that
    cannot be loaded adds nothing here: the run itself reports it."""
    from .plugins import MAPPERS
    try:
        fn = getattr(MAPPERS.get(ds.mapper), "input_files", None)
        if fn is None:
            return []
        if settings is None:
            from .config import load_settings
            settings = load_settings()
        return [p for p in fn(ds, settings) if p.is_file()]
    except Exception as exc:  # noqa: BLE001 - see above
        LOGGER.debug("%s: no mapper input files: %s", ds.id, exc)
        return []


def _key(path: Path, folder: Path) -> str:
    """The name a file is recorded under: relative to the dataset folder when inside it, else absolute
    (moving a whole installation keeps the keys; a source moved elsewhere counts as changed)."""
    try:
        return path.resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        return str(path.resolve())


def source_hashes(ds: Dataset, settings: Settings | None = None) -> dict[str, str | None]:
    """``{"dataset.yml": sha256, "<source file>": sha256 | None (missing or unreadable), …}``. Never
    raises for a missing source: the reader reports that with its own message. With ``settings``, unchanged
    files are not read again (the cache in the var dir, see above)."""
    folder = ds.folder or Path(".")
    cache = DigestCache(settings.var_dir / CACHE_FILE) if settings is not None else None
    out: dict[str, str | None] = {}
    candidates = [ds.yml_path] + [f for src in ds.sources
                                  for path in (ds.source_path(src), *_option_files(ds, src.options))
                                  for f in _files_of(path)] + _mapper_files(ds, settings)
    for f in candidates:
        key = "dataset.yml" if f == ds.yml_path else _key(f, folder)
        try:
            out[key] = cache.digest(f) if cache is not None else sha256_file(f)
        except OSError as exc:
            LOGGER.debug("cannot hash %s: %s", f, exc)
            out[key] = None
    if cache is not None:
        cache.save()
    return out


def why_run(ds: Dataset, manifest: dict[str, Any] | None, damaged: str | None = None,
            settings: Settings | None = None) -> str | None:
    """Why ``ds`` needs a run given its current publication's ``manifest`` (None: it is up to date);
    ``settings`` for the digest cache."""
    if manifest is None:
        return "not published yet"
    if damaged:
        return f"its current publication is damaged ({damaged})"
    recorded = manifest.get(MANIFEST_KEY)
    if not isinstance(recorded, dict):
        return "its publication records no source hashes (published before they were recorded)"
    now = source_hashes(ds, settings)
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
        reason = why_run(ds, manifest, damaged, settings)
        if reason is not None:
            out[ds_id] = reason
    return out
