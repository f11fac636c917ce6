"""Named plugin registries (pygeoapi ``plugin.py`` style).

Readers, INSPIRE mappers and encoders are looked up by the names used in ``dataset.yml``.
Built-in plugins are registered lazily by dotted path, so importing the registry stays cheap;
a city adds its own with ``READERS.register("name", "package.module:Class")`` or the decorator.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from .errors import PluginError

T = TypeVar("T")


class Registry(Generic[T]):
    def __init__(self, kind: str, builtins: dict[str, str]):
        self.kind = kind
        self._paths: dict[str, str] = dict(builtins)
        self._loaded: dict[str, T] = {}

    def register(self, name: str, obj: T | str | None = None) -> Callable[[T], T] | None:
        """Register ``obj`` (an object or a ``module:attr`` path) under ``name``; usable as decorator."""
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
        return sorted(set(self._paths) | set(self._loaded))

    def __contains__(self, name: object) -> bool:
        return name in self._paths or name in self._loaded

    def get(self, name: str) -> T:
        if name in self._loaded:
            return self._loaded[name]
        if name not in self._paths:
            raise PluginError(f"unknown {self.kind} {name!r}; valid {self.kind}s: {', '.join(self.names())}")
        mod, _, attr = self._paths[name].partition(":")
        obj: Any = getattr(importlib.import_module(mod), attr)
        self._loaded[name] = obj
        return obj


READERS: Registry = Registry("reader", {
    "csv": "transforms.readers.csv:read_csv",
    "vector": "transforms.readers.vector:read_vector",
    "citygml": "transforms.readers.citygml:read_citygml",
    "xplan": "transforms.readers.xplan:read_xplan",
})

MAPPERS: Registry = Registry("mapper", {
    "sd_trees": "transforms.themes.sd:TreesMapper",
    "elu_playgrounds": "transforms.themes.elu:PlaygroundsMapper",
    "am_contaminated_sites": "transforms.themes.am:ContaminatedSitesMapper",
    "bu_buildings": "transforms.themes.bu:BuildingsMapper",
    "plu_zoning": "transforms.themes.plu:ZoningMapper",
    "plu_supplementary": "transforms.themes.plu:SupplementaryMapper",
})

ENCODERS: Registry = Registry("encoder", {
    "gml": "transforms.encoders.gml:GmlEncoder",
    "geojson": "transforms.encoders.geojson:GeoJsonEncoder",
    "gpkg": "transforms.encoders.gpkg:GpkgEncoder",
})


def load_optional(path: str) -> Any | None:
    """Resolve ``module:attr``; None when the module itself is not there (a part not installed yet).
    An import error *inside* an existing module is raised, not hidden."""
    mod, _, attr = path.partition(":")
    try:
        module = importlib.import_module(mod)
    except ModuleNotFoundError as exc:
        if exc.name and mod.startswith(exc.name):
            return None
        raise
    return getattr(module, attr)
