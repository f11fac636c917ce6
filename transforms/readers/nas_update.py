"""NAS update files (NBA, Fortführung): what a sequence of ``wfs:Transaction``s does to the objects, by oid
(part of the ``nas`` reader).

A state-based update of ALKIS (NBA, "nutzerbezogene Bestandsdatenaktualisierung", and the results of a
Fortführung) is a ``wfs:Transaction`` of

* ``wfs:Insert`` — new objects (an object delivered again with an oid already known replaces it: the AdV
  delivers unchanged context objects as inserts too);
* ``wfs:Replace`` (GeoInfoDok 6.0 ``wfsext:Replace``) — the object inside replaces the one named by the filter;
* ``wfs:Delete`` — the objects named by the filter are gone;
* ``wfs:Update`` — in NAS only used to end an object's life (``lebenszeitintervall/endet``): read as a delete.

Filters name objects as ``fes:ResourceId/@rid`` (7.x) or ``ogc:FeatureId/@fid`` (6.0), usually the oid followed
by the version's timestamp (``DENI…0001`` + ``20240105T101500Z``); objects are matched by the oid alone, which is
also the key the incremental publication (``transforms/lifecycle.py``) matches objects by.

:func:`read_changes` applies the files in the order given and keeps, per oid, the last thing that happened:
the object's new version (a building, an address, a street catalogue entry) or ``None`` (deleted). Update
files hold deltas, so this is held in memory; the full state (the Bestandsdatenauszug) is streamed by the
reader and never held.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import shapely

from .nas_objects import (
    ADDRESS,
    BUILDING,
    CATALOG,
    Address,
    gml_id,
    local,
    oid_of,
    parse_address,
    parse_building,
    parse_catalog,
    stream,
)

LOGGER = logging.getLogger(__name__)


@dataclass
class Version:
    """An object as an update file delivers it."""

    kind: str                       # BUILDING, ADDRESS or CATALOG
    op: str                         # "Insert" or "Replace"
    file: str
    row: str
    building: tuple[dict[str, Any], shapely.Geometry | None, set[str]] | None = None
    address: Address | None = None
    catalog: tuple[tuple[str, ...] | None, str] | None = None
    replaces: str | None = None     # the oid named by a Replace's filter
    known: bool = False             # that oid was inserted or replaced by an earlier operation


@dataclass
class FileChanges:
    """What one update file did to buildings (oids, in document order)."""

    file: str
    crs: str | None = None
    inserted: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    ignored_updates: int = 0


@dataclass
class Changes:
    """The net effect of update files applied in order: ``objects[oid]`` is the last version or None (deleted);
    ``deleted_type`` says which type a delete named (empty when the filter gave none)."""

    objects: dict[str, Version | None] = field(default_factory=dict)
    deleted_type: dict[str, str] = field(default_factory=dict)
    files: list[FileChanges] = field(default_factory=list)

    def set(self, oid: str, version: Version | None, type_name: str = "") -> None:
        self.objects.pop(oid, None)  # re-inserted at the end: the order is that of the last operation
        self.objects[oid] = version
        if version is None:
            self.deleted_type[oid] = type_name
        else:
            self.deleted_type.pop(oid, None)

    def of_kind(self, kind: str) -> dict[str, Version]:
        return {o: v for o, v in self.objects.items() if v is not None and v.kind == kind}


def _version(el: Any, op: str, file: str, row: str, tolerance: float) -> Version | None:
    kind = local(el.tag)
    if kind == BUILDING:
        return Version(kind, op, file, row, building=parse_building(el, tolerance))
    if kind == ADDRESS:
        return Version(kind, op, file, row, address=parse_address(el)[2])
    if kind == CATALOG:
        return Version(kind, op, file, row, catalog=parse_catalog(el))
    return None


def read_file(path: Path, changes: Changes, tolerance: float) -> FileChanges:
    """Apply one update file to ``changes``; returns what it did to buildings."""
    fc = FileChanges(path.name)
    for ev in stream(path, str(path)):
        if ev.kind == "crs":
            fc.crs = fc.crs or ev.crs
        elif ev.kind in ("object", "replace") and ev.element is not None:
            op = "Insert" if ev.kind == "object" else "Replace"
            el = ev.element
            oid = oid_of(gml_id(el))
            v = _version(el, op, path.name, f"wfs:{op} {ev.index} ({gml_id(el)})", tolerance)
            if v is None:
                continue
            targets = [oid_of(t) for t in ev.targets]
            if op == "Replace":
                v.replaces = targets[0] if targets else oid
                v.known = changes.objects.get(v.replaces) is not None
                for t in targets:
                    if t != oid:
                        changes.set(t, None, v.kind)
            if v.kind == BUILDING:
                (fc.replaced if op == "Replace" or oid in changes.objects else fc.inserted).append(oid)
            changes.set(oid, v)
        elif ev.kind in ("delete", "update"):
            if ev.kind == "update" and not ev.ended:
                fc.ignored_updates += 1
                LOGGER.warning("%s: wfs:Update %d of %s sets no lebenszeitintervall/endet; ignored", path,
                               ev.index, ev.type_name or "an object")
                continue
            if ev.type_name and ev.type_name not in (BUILDING, ADDRESS, CATALOG):
                continue
            for t in ev.targets:
                oid = oid_of(t)
                if ev.type_name in (BUILDING, ""):
                    fc.deleted.append(oid)
                changes.set(oid, None, ev.type_name)
    LOGGER.info("NAS update %s: %d buildings inserted, %d replaced, %d deleted", path.name, len(fc.inserted),
                len(fc.replaced), len(fc.deleted))
    changes.files.append(fc)
    return fc


def read_changes(paths: list[Path], tolerance: float) -> Changes:
    """The net changes of the update files, applied in the order given."""
    changes = Changes()
    for p in paths:
        read_file(p, changes, tolerance)
    return changes
