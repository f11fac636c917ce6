"""A backup folder: every file with its SHA-256 and size in ``manifest.json``, written last.

A backup is written into ``.<name>.partial-<pid>`` beside the destination and renamed to the destination
only when the manifest is on disk, so an interrupted run never leaves something that looks like a backup.
:func:`verify` reads a backup completely (sizes and checksums of every file, no file missing, none unknown)
before a restore touches anything.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..publication import fsync_dir, fsync_tree
from . import FORMAT, FORMAT_VERSION, BackupError

LOGGER = logging.getLogger(__name__)
MANIFEST = "manifest.json"
_BLOCK = 1 << 20
SQLITE_MAGIC = b"SQLite format 3\x00"


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(_BLOCK), b""):
            h.update(block)
    return h.hexdigest()


def is_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == SQLITE_MAGIC
    except OSError:
        return False


class Writer:
    """Builds one backup folder. Paths inside it (``rel``) are POSIX paths relative to the folder."""

    def __init__(self, dest: Path):
        dest = Path(os.path.abspath(dest))
        if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
            raise BackupError("the destination exists and is not an empty folder; give a new folder "
                              "(e.g. one named after the date)", file=str(dest))
        self.dest = dest
        self.tmp = dest.parent / f".{dest.name}.partial-{os.getpid()}"
        try:
            if self.tmp.exists():
                shutil.rmtree(self.tmp)
            self.tmp.mkdir(parents=True)
            self.tmp.chmod(0o700)  # personal data (participation), password and key hashes, restricted datasets
        except OSError as exc:
            raise BackupError(f"cannot create the backup folder: {exc.strerror}", file=str(self.tmp)) from exc
        self.files: dict[str, dict[str, Any]] = {}
        self.links: dict[str, str] = {}

    def path(self, rel: str) -> Path:
        """Where a file of the backup goes (for tools that write it themselves, then :meth:`record`)."""
        p = self.tmp / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        return p

    def record(self, rel: str) -> dict[str, Any]:
        p = self.tmp / rel
        entry = {"sha256": sha256(p), "size": p.stat().st_size}
        self.files[rel] = entry
        return entry

    def copy(self, src: Path, rel: str, expect_sha256: str | None = None) -> dict[str, Any]:
        """Copy ``src`` to ``rel``, hashing on the way; ``expect_sha256`` (a publication manifest's checksum)
        must match what was read."""
        out = self.path(rel)
        h = hashlib.sha256()
        size = 0
        try:
            with open(src, "rb") as fin, open(out, "wb") as fout:
                for block in iter(lambda: fin.read(_BLOCK), b""):
                    h.update(block)
                    fout.write(block)
                    size += len(block)
        except OSError as exc:
            raise BackupError(f"cannot copy: {exc.strerror}", file=str(src)) from exc
        shutil.copystat(src, out)
        digest = h.hexdigest()
        if expect_sha256 is not None and digest != expect_sha256:
            raise BackupError(f"checksum {digest[:12]}… does not match its publication manifest's "
                              f"{expect_sha256[:12]}… (damaged publication: 'gdi publication check')", file=str(src))
        entry = {"sha256": digest, "size": size}
        self.files[rel] = entry
        return entry

    def sqlite(self, src: Path, rel: str) -> dict[str, Any]:
        """A consistent copy of a live SQLite database through the online backup API (one step: the whole
        database in one read transaction, so writers in WAL mode go on and the copy is one moment)."""
        out = self.path(rel)
        try:
            source = sqlite3.connect(f"file:{src}?mode=ro", uri=True, timeout=60)
            try:
                target = sqlite3.connect(out)
                try:
                    source.backup(target)
                    row = target.execute("PRAGMA quick_check").fetchone()
                    if not row or row[0] != "ok":
                        raise BackupError(f"the copy fails SQLite's check: {row}", file=str(src))
                finally:
                    target.close()
            finally:
                source.close()
        except sqlite3.Error as exc:
            raise BackupError(f"SQLite backup failed: {exc}", file=str(src)) from exc
        return self.record(rel)

    def copy_tree(self, src: Path, rel: str, skip: Callable[[Path], bool] | None = None) -> int:
        """Every file below ``src`` to ``rel/…`` (SQLite databases through :meth:`sqlite`); symbolic links are
        recorded as links. Returns the number of files."""
        n = 0
        for d, subdirs, names in os.walk(src):
            here = Path(d)
            subdirs[:] = sorted(s for s in subdirs if not (skip and skip(here / s)))
            for s in list(subdirs):
                if (here / s).is_symlink():
                    subdirs.remove(s)
                    self.links[f"{rel}/{(here / s).relative_to(src).as_posix()}"] = os.readlink(here / s)
            for name in sorted(names):
                p = here / name
                if skip and skip(p):
                    continue
                target = f"{rel}/{p.relative_to(src).as_posix()}"
                if p.is_symlink():
                    link = os.readlink(p)
                    if os.path.isabs(link) or ".." in Path(link).parts:
                        LOGGER.warning("%s: a link outside the folder (%s) is not backed up", p, link)
                    else:
                        self.links[target] = link
                elif p.is_file():
                    if name.endswith(("-wal", "-shm", "-journal")):
                        continue  # part of a live SQLite database, copied through the backup API
                    (self.sqlite if is_sqlite(p) else self.copy)(p, target)
                    n += 1
        return n

    def finish(self, meta: dict[str, Any]) -> Path:
        """Write the manifest, make everything durable, rename into place; returns the backup folder."""
        manifest = {"format": FORMAT, "format_version": FORMAT_VERSION, **meta, "finished": now_iso(),
                    "links": dict(sorted(self.links.items())), "files": dict(sorted(self.files.items()))}
        (self.tmp / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False, default=str))
        fsync_tree(self.tmp)  # durable before visible, as a publication (core.publication)
        if self.dest.exists():
            self.dest.rmdir()  # the empty folder checked at the start
        os.replace(self.tmp, self.dest)
        fsync_dir(self.dest.parent)  # the rename itself
        return self.dest

    def abort(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)


def read_manifest(src: Path) -> dict[str, Any]:
    path = Path(src) / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BackupError("not a backup: manifest.json is missing", file=str(src)) from None
    except (OSError, ValueError) as exc:
        raise BackupError(f"manifest unreadable: {exc}", file=str(path)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("files"), dict):
        raise BackupError(f"not a {FORMAT} manifest", file=str(path))
    if data.get("format_version") != FORMAT_VERSION:
        raise BackupError(f"backup format version {data.get('format_version')} is not supported by this "
                          f"software (it reads version {FORMAT_VERSION})", file=str(path))
    return data


def verify(src: Path, progress: Callable[[int], None] | None = None) -> dict[str, Any]:
    """The backup's manifest after every file was found with its size and SHA-256 and no file is unknown;
    otherwise a :class:`BackupError` naming each damaged file."""
    src = Path(src)
    manifest = read_manifest(src)
    files: dict[str, dict[str, Any]] = manifest["files"]
    problems: list[str] = []
    for rel, entry in files.items():
        p = src / rel
        if ".." in Path(rel).parts or Path(rel).is_absolute():
            problems.append(f"{rel}: not a path inside the backup")
            continue
        try:
            size = p.stat().st_size
        except OSError:
            problems.append(f"{p}: missing")
            continue
        if size != entry.get("size"):
            problems.append(f"{p}: {size} bytes, the manifest says {entry.get('size')}")
        elif sha256(p) != entry.get("sha256"):
            problems.append(f"{p}: SHA-256 does not match the manifest (damaged or changed)")
        if progress:
            progress(size)
    for d, _subdirs, names in os.walk(src):
        for name in names:
            rel = (Path(d) / name).relative_to(src).as_posix()
            if rel != MANIFEST and rel not in files:
                problems.append(f"{src / rel}: not in the manifest")
    for rel, target in (manifest.get("links") or {}).items():
        if ".." in Path(rel).parts or Path(rel).is_absolute() or os.path.isabs(target) or ".." in Path(target).parts:
            problems.append(f"{rel}: link outside the backup ({target})")
    if problems:
        more = f" (and {len(problems) - 20} more)" if len(problems) > 20 else ""
        raise BackupError("the backup is damaged, nothing was restored:\n  " + "\n  ".join(problems[:20]) + more,
                          file=str(src))
    return manifest


def install(src: Path, out: Path) -> None:
    """Copy ``src`` to ``out`` (a temporary name, then one rename); an SQLite database replaced this way loses
    the write-ahead log of the file it replaces (that log belongs to the old database)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.restoring")
    shutil.copy2(src, tmp)
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{out}{suffix}").unlink(missing_ok=True)
    os.replace(tmp, out)


def restore_tree(src: Path, manifest: dict[str, Any], prefix: str, target: Path) -> int:
    """Copy every file of the (verified) backup below ``prefix/`` to ``target`` (links recreated); returns the
    number of files."""
    n = 0
    for rel in manifest["files"]:
        if not rel.startswith(prefix + "/"):
            continue
        out = target / rel[len(prefix) + 1:]
        out.parent.mkdir(parents=True, exist_ok=True)
        install(src / rel, out)
        n += 1
    for rel, link in (manifest.get("links") or {}).items():
        if rel.startswith(prefix + "/"):
            out = target / rel[len(prefix) + 1:]
            out.parent.mkdir(parents=True, exist_ok=True)
            if out.is_symlink() or out.exists():
                out.unlink()
            os.symlink(link, out)
    return n
