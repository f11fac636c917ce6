"""The store interface: where the published features of a dataset version live and how services read them.

The ETL writes a version through :meth:`Store.begin` (a staged :class:`~core.publication.Publication`),
services ask :meth:`Store.layer` for a collection of the current version and get a :class:`LayerRef`
they can hand to their own reader (pygeoapi provider, MapServer ``CONNECTIONTYPE``, GDAL/pyogrio).

The embedded default, :class:`GpkgStore`, keeps each version as a folder with a GeoPackage beside the
download files (``var/publish/<dataset>/<version>/``). The PostGIS store (:mod:`core.store_postgis`) implements
the same interface with the same files and one schema per kept version; ``store:`` in ``gdi.yml`` or
``GDI_STORE`` selects it with a ``postgresql://`` URL (``gpkg`` is the default).
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from . import integrity, publication
from .errors import ConfigError

if TYPE_CHECKING:
    from .config import Settings


@dataclass(frozen=True)
class LayerRef:
    """One collection of one published version, as a service reads it."""

    kind: Literal["gpkg", "postgis"]
    dataset: str
    version: str
    table: str
    path: Path | None = None   # gpkg: the GeoPackage file
    dsn: str | None = None     # postgis: the connection string
    schema: str | None = None  # postgis: the schema of the version

    @property
    def ogr_source(self) -> str:
        """What GDAL/OGR opens (a file name, or a ``PG:`` connection string limited to the schema)."""
        if self.kind == "gpkg":
            return str(self.path)
        return f"PG:{self.pg_conninfo} schemas={self.schema}"

    @property
    def pg_conninfo(self) -> str:
        """libpq key=value connection string (MapServer ``CONNECTION``, GDAL ``PG:``) from the URL ``dsn``."""
        if self.dsn is None:
            raise ValueError(f"layer {self.dataset}/{self.table} has no PostgreSQL connection")
        return pg_conninfo(self.dsn)


def pg_conninfo(url: str) -> str:
    """``postgresql://user:pw@host:port/db?sslmode=x`` -> ``host=... port=... dbname=... user=... password=...``."""
    from urllib.parse import parse_qsl, unquote, urlsplit
    u = urlsplit(url)
    parts = {"host": u.hostname, "port": str(u.port) if u.port else None, "dbname": u.path.lstrip("/") or None,
             "user": unquote(u.username) if u.username else None,
             "password": unquote(u.password) if u.password else None, **dict(parse_qsl(u.query))}

    def quote(v: str) -> str:
        if v and not any(c in v for c in " '\\"):
            return v
        return "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'"
    return " ".join(f"{k}={quote(v)}" for k, v in parts.items() if v is not None)


class Store(ABC):
    """Published versions of datasets: staging, the current version, history, layers for services."""

    name: str

    def __init__(self, settings: Settings):
        self.settings = settings

    @property
    def files_root(self) -> Path:
        """Where the download files and reports of every version live (all stores keep files on disk)."""
        return self.settings.publish_dir

    def begin(self, dataset_id: str, version: str) -> publication.Publication:
        """Stage a new version; ``commit`` makes it current atomically, ``abort`` throws it away."""
        return publication.Publication(self.files_root, dataset_id, version)

    def lock(self, dataset_id: str) -> Any:
        """Context manager: only one publication of a dataset at a time."""
        return publication.publication_lock(self.files_root, dataset_id)

    def current(self, dataset_id: str) -> dict[str, Any] | None:
        """Manifest of the current version, None when nothing is published."""
        return publication.current_manifest(self.files_root, dataset_id)

    def current_dir(self, dataset_id: str) -> Path | None:
        """Folder of the current version's files (download files, report), None when unpublished."""
        return publication.current_dir(self.files_root, dataset_id)

    def history(self, dataset_id: str) -> list[dict[str, Any]]:
        return publication.history(self.files_root, dataset_id)

    def published(self) -> dict[str, dict[str, Any]]:
        """Manifest of the current version of every published dataset."""
        return publication.published_datasets(self.files_root)

    def check(self, dataset_id: str, version: str | None = None, *, full: bool = False) -> str | None:
        """None when the version (default: current) is intact, else why it is damaged: a file missing, of
        another size or checksum than the manifest says, a GeoPackage SQLite cannot read (``core.integrity``;
        cached per version, so services may ask on every request)."""
        folder = self.current_dir(dataset_id) if version is None else self.files_root / dataset_id / version
        if folder is None:
            return None
        return integrity.check_folder(folder, full=full)

    def rollback(self, dataset_id: str) -> tuple[str, str]:
        """Switch ``current`` back to the newest older version whose files are intact (checksums verified);
        returns (the version switched away from, the version now current). Under the dataset's lock."""
        with self.lock(dataset_id):
            old, new = publication.rollback_target(self.files_root, dataset_id,
                                                         lambda v: self.check(dataset_id, v, full=True))
            self._switch_back(dataset_id, old, new)
            publication.record_switch(self.files_root, dataset_id, new, f"rollback from {old}")
        return old, new

    def _switch_back(self, dataset_id: str, old: str, new: str) -> None:
        """The switch of a rollback: the ``current`` link (a store with more to switch extends it)."""
        publication.point_current(self.files_root / dataset_id, new)

    @abstractmethod
    def layer(self, dataset_id: str, collection: str, version: str | None = None) -> LayerRef | None:
        """Where a collection of a version (default: current) is read from; None when unpublished."""


class GpkgStore(Store):
    """Embedded default: one GeoPackage per version, ``<dataset>.gpkg``, one table per collection."""

    name = "gpkg"

    def layer(self, dataset_id: str, collection: str, version: str | None = None) -> LayerRef | None:
        """For the current version the path goes through the ``current`` link, so a service that keeps it
        reads the next publication without being told."""
        folder: Path | None
        if version is None:
            folder = self.current_dir(dataset_id)
            stable = self.files_root / dataset_id / "current"
        else:
            folder = stable = self.files_root / dataset_id / version
        if folder is None or not folder.is_dir() or not (folder / f"{dataset_id}.gpkg").exists():
            return None
        return LayerRef("gpkg", dataset_id, folder.name, collection, path=stable / f"{dataset_id}.gpkg")


# stores selected by name; the PostGIS store (core.store_postgis.PostgisStore) is selected by its URL
STORES: dict[str, type[Store]] = {"gpkg": GpkgStore}


def get_store(settings: Settings) -> Store:
    """The store selected by ``settings.store`` (``gdi.yml`` ``store:`` or ``GDI_STORE``): ``gpkg`` or a
    ``postgresql://`` URL. The PostGIS store is imported only then (the GeoPackage mode needs no psycopg)."""
    spec = settings.store
    if spec.startswith(("postgresql://", "postgres://")):
        try:
            from .store_postgis import PostgisStore
        except ImportError as exc:
            raise ConfigError(f"the PostGIS store needs psycopg and GDAL's Python bindings: {exc}",
                              field="store", value="postgresql://…") from None  # the URL may hold a password
        return PostgisStore(settings)
    if spec not in STORES:
        if spec == "postgis":
            raise ConfigError("the PostGIS store is selected by its URL: postgresql://user:password@host:port/db",
                              field="store", value=spec)
        raise ConfigError(f"unknown store; valid: {', '.join(sorted(STORES))} or a postgresql:// URL",
                          field="store", value=spec)
    return STORES[spec](settings)
