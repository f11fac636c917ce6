"""Named plugin registries (pygeoapi ``plugin.py`` style) and the abstract bases of each plugin kind.

Readers, INSPIRE mappers, encoders and data generators are looked up by the names used in
``dataset.yml`` and on the command line. The built-in ones are declared as Python entry points
(``[project.entry-points."gdi.readers"]`` etc. in ``pyproject.toml``), so the core names no module
of another package; a city adds its own plugins the same way from its own package, or at run time
with ``MAPPERS.register("name", "package.module:Class")`` (readers are registered as instances:
``READERS.register("name", "package.module:READER")``).

Loading is strict: a name that is registered but cannot be imported raises :class:`PluginError`
naming the plugin and the import error. Nothing is skipped silently.
"""
from __future__ import annotations

import importlib
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from datetime import datetime
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from pydantic import BaseModel, ConfigDict

from .errors import PluginError

if TYPE_CHECKING:
    import geopandas as gpd

    from .config import Dataset, Settings, Source

T = TypeVar("T")


def require(path: str, *, what: str = "plugin") -> Any:
    """Resolve ``module:attr``; any failure raises :class:`PluginError` naming ``path``."""
    mod, _, attr = path.partition(":")
    if not mod or not attr:
        raise PluginError(f"{what} {path!r} is not of the form 'package.module:attribute'")
    try:
        module = importlib.import_module(mod)
    except Exception as exc:  # an installation fault must stop start-up with its cause, never be skipped
        raise PluginError(f"{what} {path!r} cannot be loaded: {type(exc).__name__}: {exc}") from exc
    try:
        return getattr(module, attr)
    except AttributeError:
        raise PluginError(f"{what} {path!r} cannot be loaded: module {mod!r} has no attribute {attr!r}") from None


_SCAN_LOCK = threading.RLock()  # entry points are read once per registry, by one thread

class Registry(Generic[T]):
    """Names -> plugin objects, filled from an entry-point group and from :meth:`register`."""

    def __init__(self, kind: str, group: str | None = None, builtins: dict[str, str] | None = None):
        self.kind = kind
        self.group = group
        self._paths: dict[str, str] = dict(builtins or {})
        self._loaded: dict[str, T] = {}
        self._scanned = group is None

    def _scan(self) -> None:
        """Read the entry points once. Threads of a web worker may ask at the same moment: the flag is set
        only after the names are in, under a lock, so no thread ever sees a half-filled registry."""
        if self._scanned:
            return
        with _SCAN_LOCK:
            if self._scanned:
                return
            for ep in entry_points(group=self.group or ""):
                self._paths.setdefault(ep.name, ep.value)
            self._scanned = True

    def register(self, name: str, obj: T | str | None = None) -> Callable[[T], T] | None:
        """Register ``obj`` (an object or a ``module:attr`` path) under ``name``; usable as decorator."""
        self._scan()
        if obj is None:
            def deco(o: T) -> T:
                self._loaded[name] = o
                return o
            return deco
        if isinstance(obj, str):
            self._paths[name] = obj
            self._loaded.pop(name, None)
        else:
            self._loaded[name] = obj
        return None

    def names(self) -> list[str]:
        self._scan()
        return sorted(set(self._paths) | set(self._loaded))

    def __contains__(self, name: object) -> bool:
        self._scan()
        return name in self._paths or name in self._loaded

    def path(self, name: str) -> str | None:
        """The ``module:attr`` a name was registered with (None for objects registered directly)."""
        self._scan()
        return self._paths.get(name)

    def get(self, name: str) -> T:
        self._scan()
        if name in self._loaded:
            return self._loaded[name]
        if name not in self._paths:
            raise PluginError(f"unknown {self.kind} {name!r}; valid {self.kind}s: {', '.join(self.names())}")
        obj: T = require(self._paths[name], what=f"{self.kind} {name!r}")
        self._loaded[name] = obj
        return obj

    def items(self) -> Iterator[tuple[str, T]]:
        """Every plugin, loaded (a plugin that does not load raises)."""
        for name in self.names():
            yield name, self.get(name)


class Options(BaseModel):
    """Base of every plugin's options model: unknown keys are an error, never silently ignored.

    Give every field a type, a default and ``Field(description=...)``: docs/datasets.md is generated
    from these models (``gdi config docs``); ``Field(examples=[...])`` feeds its YAML snippets."""

    model_config = ConfigDict(extra="forbid")


# the base under another name, for annotations inside plugin classes (their ``Options`` shadows it)
_Options = Options


class Reader(ABC):
    """Reads one source file into GeoDataFrame chunks (bounded memory), CRS set where the file has one.

    ``Options`` declares the keys the reader understands under ``sources[].options`` in dataset.yml.
    A reader is registered as an *instance* (``csv = "transforms.readers.csv:CSV_READER"``): readers
    hold no state, and the registry hands out the object the pipeline calls.
    """

    Options: ClassVar[type[Options]] = Options

    @abstractmethod
    def read(self, path: Path, source: Source, dataset: Dataset, settings: Settings,
             options: Any) -> Iterator[gpd.GeoDataFrame]:
        """Yield chunks; ``options`` is an instance of ``Options`` (already validated)."""

    def options_for(self, source: Source, dataset: Dataset | None = None) -> _Options:
        """The source's options as this reader's ``Options``; a wrong key or value raises
        :class:`~core.config.ConfigErrors` naming dataset.yml and ``sources.<i>.options.<key>``."""
        from .config import validate_options
        i = next((n for n, s in enumerate(dataset.sources) if s is source), None) if dataset else None
        return validate_options(self.Options, source.options,
                                file=dataset.yml_path if dataset else "dataset.yml",
                                prefix=("sources", i, "options") if i is not None else ("options",),
                                owner=f"reader {source.reader!r}", context={"dataset": dataset})

    def __call__(self, path: Path, source: Source, dataset: Dataset,
                 settings: Settings) -> Iterator[gpd.GeoDataFrame]:
        return self.read(path, source, dataset, settings, self.options_for(source, dataset))


class Mapper(ABC):
    """Turns checked source records (one chunk at a time) into the INSPIRE view and the source view,
    and writes GML members. ``Options`` declares the keys under ``options`` in dataset.yml."""

    Options: ClassVar[type[Options]] = Options
    feature_type: ClassVar[str] = ""
    collection: str = ""
    gml_prefix: ClassVar[str] = ""
    gml_geometry: ClassVar[str] = ""
    namespaces: ClassVar[dict[str, str]] = {}
    schema_locations: ClassVar[dict[str, str]] = {}
    geometry_types: ClassVar[tuple[str, ...]] = ()
    queryables: ClassVar[dict[str, str]] = {}
    # gml_member is a pure function of the record (and of what __init__ read): chunks may then be encoded
    # on the workers of a dask cluster (``gdi etl --scheduler``); False when members depend on earlier ones
    pure_members: ClassVar[bool] = False
    run_time_iso: str

    @classmethod
    def options_for(cls, dataset: Dataset) -> _Options:
        """The dataset's ``options`` as this mapper's ``Options`` (validated with the dataset as context,
        so a model can check e.g. source paths); errors name dataset.yml and ``options.<key>``."""
        from .config import validate_options
        return validate_options(cls.Options, dataset.options, file=dataset.yml_path, prefix=("options",),
                                owner=f"mapper {dataset.mapper!r}", context={"dataset": dataset})

    @abstractmethod
    def __init__(self, dataset: Dataset, settings: Settings, run_time: datetime): ...

    @abstractmethod
    def prepare(self, gdf: gpd.GeoDataFrame, source: Source) -> gpd.GeoDataFrame:
        """Check and repair one chunk; every row gets its notes in the ``_issues`` column."""

    @abstractmethod
    def inspire_view(self, gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
        """Properties flattened per the INSPIRE GeoJSON encoding rule."""

    @abstractmethod
    def source_view(self, gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
        """Attributes with no INSPIRE target."""

    @abstractmethod
    def gml_member(self, rec: dict[str, Any], geom_gml: str) -> str:
        """One GML member's XML."""

    def gml_tail(self) -> gpd.GeoDataFrame | None:
        """Members that need all objects first (e.g. an ELU DataSet's extent); None when there are none."""
        return None

    def report_extra(self) -> dict[str, Any]:
        return {}


class Encoder(ABC):
    """Writes one view of a dataset to one file, chunk by chunk."""

    suffix: ClassVar[str] = ""
    path: Path

    @abstractmethod
    def __init__(self, path: Path, *, mapper: Mapper, layer: str, run_time_iso: str,
                 validator_factory: Callable[..., Any] | None = None): ...

    @abstractmethod
    def write(self, view: gpd.GeoDataFrame) -> None: ...

    @abstractmethod
    def close(self) -> None:
        """Finish the file (called once, after the last chunk)."""

    def abort(self) -> None:
        """Release open files after a failure; the staged file is thrown away with the staging folder."""
        return None

    def validation_errors(self) -> list[str] | None:
        """Schema errors of what was written (waits for a validator running beside the writer);
        None when this encoder does not validate."""
        return None


READERS: Registry[Reader] = Registry("reader", "gdi.readers")
MAPPERS: Registry[type[Mapper]] = Registry("mapper", "gdi.mappers")
ENCODERS: Registry[type[Encoder]] = Registry("encoder", "gdi.encoders")
GENERATORS: Registry[Callable[..., Path]] = Registry("generator", "gdi.generators")
