"""Reader ``nas`` for ALKIS NAS files (GeoInfoDok 6.0/7.1, GML 3.2): ``AX_Gebaeude`` with its address, and the
state after NAS update files (NBA / Fortführung).

What the state survey office delivers is a Bestandsdatenauszug (or an NBA whose ``wfs:Insert`` holds every
object) and later update files of ``wfs:Insert``/``Replace``/``Delete``. One source is one state:

```yaml
sources:
  - path: nas/bestand_2024.xml          # the full state, streamed
    reader: nas
    options:
      updates: [nas/nba_0001.xml, nas/nba_0002.xml]   # applied in this order, by gml:id (oid)
    fields: {key: gml_id, function: gebaeudefunktion, roof_form: dachform, storeys: anzahlDerOberirdischenGeschosse,
             height: objekthoehe, address: address}
```

Each run rebuilds the current state (base file + updates) and the incremental publication compares it with
the previous one by key (= oid): a replaced building is *changed*, an inserted one *new*, a deleted one
*removed* (``endLifespanVersion`` in the GML). Add each new update file to ``updates`` as it arrives (or start
from a new Bestandsdatenauszug and empty the list).

Why not GDAL's NAS driver: pyogrio's GDAL has no NAS driver (it needs Xerces; only Debian's GDAL has it),
without the norGIS schema file it guesses types per file (``lage`` 00123 becomes the integer 123), it keeps arcs
as curves, it does not follow ``zeigtAuf``, and it reports updates as a layer of ``Delete`` rows the caller must
apply. This reader streams the XML itself (lxml ``iterparse``, objects dropped once read: memory holds one
object, the address index and the update deltas), after ``core.xmlguard``'s hostile-XML check. Two passes over
the base file: addresses (``AX_LagebezeichnungMitHausnummer``, street names from
``AX_LagebezeichnungKatalogeintrag``), then buildings.

Columns: ``gml_id`` (the oid, key), ``object_type``, ``beginnt``, ``gebaeudefunktion``,
``weitereGebaeudefunktion``, ``dachform``, ``anzahlDerOberirdischenGeschosse``,
``anzahlDerUnterirdischenGeschosse``, ``objekthoehe`` (m), ``hochhaus``, ``lageZurErdoberflaeche``, ``name``,
``baujahr``, ``bauweise``, ``zustand``, ``address`` (``street number``, several joined by ``; ``),
``strasse``, ``hausnummer``, ``lage`` (street key of the first address), ``zeigtAuf`` (oids) + the footprint
(arcs linearised). A record whose ``gebaeudefunktion`` is no code, whose footprint cannot be read or whose
``srsName`` differs from the file's CRS is rejected with the field and the value.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import geopandas as gpd
import shapely
from pydantic import Field, PositiveFloat, PositiveInt

from core.config import Dataset, Settings, Source
from core.crs import CrsNameError, parse_crs, srs_name_of
from core.errors import SourceError
from core.plugins import Options, Reader

from ..safety import check_size
from .nas_objects import (
    ADDRESS,
    BUILDING,
    CATALOG,
    Address,
    gml_id,
    key_text,
    local,
    oid_of,
    parse_address,
    parse_building,
    parse_catalog,
    stream,
)
from .nas_update import Changes, read_changes

LOGGER = logging.getLogger(__name__)
CHUNK = 20_000
COLUMNS = ("gml_id", "object_type", "beginnt", "gebaeudefunktion", "weitereGebaeudefunktion", "dachform",
           "anzahlDerOberirdischenGeschosse", "anzahlDerUnterirdischenGeschosse", "objekthoehe", "hochhaus",
           "lageZurErdoberflaeche", "name", "baujahr", "bauweise", "zustand", "address", "strasse", "hausnummer",
           "lage", "zeigtAuf")


class NasOptions(Options):
    """Options of the ``nas`` reader (the CRS comes from ``crs`` on the source, else the file's
    ``koordinatenangaben``, else its first ``srsName``)."""

    updates: list[str] = Field(
        default=[], examples=[["nba_0001.xml", "nba_0002.xml"]],
        description="NAS update files (NBA / Fortführung: `wfs:Transaction` with Insert, Replace, Delete, Update), "
        "relative to the dataset folder, applied in this order to the state of `path` by oid: replaced buildings "
        "are read in their new version, deleted ones left out, inserted ones added; replaced and deleted addresses "
        "and street names count for every building")
    address_files: list[str] = Field(
        default=[], description="further NAS files whose `AX_LagebezeichnungMitHausnummer` and "
        "`AX_LagebezeichnungKatalogeintrag` resolve the buildings' `zeigtAuf` (their buildings are not read)")
    arc_tolerance_m: PositiveFloat = Field(
        default=0.01, description="largest distance in metres between a circular arc (`gml:Arc`, `ArcString`, "
        "`Circle`) and the straight segments that replace it")
    max_bytes: PositiveInt | None = Field(default=None, description="size limit of each file in bytes; default: "
                                          "`limits.max_source_bytes` of gdi.yml")


@dataclass
class NasUpdate:
    """An update file read on its own (:func:`read_update`): the buildings it inserts or replaces (their new
    version, addresses resolved from the file itself) and the oids of the buildings it deletes."""

    buildings: gpd.GeoDataFrame
    inserted: list[str]
    replaced: list[str]
    deleted: list[str]


@dataclass
class AddressIndex:
    """oid -> address, street key -> street name, built from the base file, the address files and the updates."""

    addresses: dict[str, Address] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)  # gml:identifier oid -> gml:id oid, where they differ
    streets: dict[tuple[str, ...], str] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

    def scan(self, path: Path, changes: Changes, label: str) -> tuple[str | None, list[str], int]:
        """Index one file (objects ``changes`` replaced or deleted are skipped); returns its standard CRS, the
        transaction operations it holds (Replace/Delete/Update: an update file) and its number of objects."""
        self.files.append(path.name)
        crs, ops, n = None, [], 0
        for ev in stream(path, label):
            if ev.kind == "crs":
                crs = crs or ev.crs
            elif ev.kind in ("replace", "delete", "update"):
                ops.append(f"wfs:{ev.kind.capitalize()}")
            elif ev.kind == "object" and ev.element is not None:
                n += 1
                name = local(ev.element.tag)
                if name not in (ADDRESS, CATALOG) or oid_of(gml_id(ev.element)) in changes.objects:
                    continue
                if name == ADDRESS:
                    self._add(*parse_address(ev.element))
                else:
                    key, street = parse_catalog(ev.element)
                    if key and street:
                        self.streets[key] = street
        return crs, ops, n

    def _add(self, oid: str, ident: str, addr: Address) -> None:
        self.addresses[oid] = addr
        if ident and ident != oid:
            self.aliases[ident] = oid

    def apply(self, changes: Changes) -> None:
        for oid, v in changes.objects.items():
            if v is None:
                self.addresses.pop(oid, None)
            elif v.address is not None:
                self._add(oid, oid, v.address)
            elif v.catalog is not None and v.catalog[0] and v.catalog[1]:
                self.streets[v.catalog[0]] = v.catalog[1]

    def resolve(self, rec: dict[str, Any]) -> None:
        """Fill ``address``, ``strasse``, ``hausnummer``, ``lage`` from ``zeigtAuf``; notes for what is missing."""
        parts: list[str] = []
        oids = rec.pop("_zeigtauf")
        rec.update(address=None, strasse=None, hausnummer=None, lage=None, zeigtAuf=" ".join(oids) or None)
        where = ", ".join(self.files)
        for oid in oids:
            a = self.addresses.get(self.aliases.get(oid, oid))
            if a is None:
                rec["_issues"].append(f"flagged: field 'zeigtAuf' value 'urn:adv:oid:{oid}' names no "
                                      f"AX_LagebezeichnungMitHausnummer in {where}; not part of the address")
                continue
            street = self.streets.get(a.key) if a.key else None
            if street is None:
                street = a.street
            if street is None and a.key:
                street = a.key[-1]
                rec["_issues"].append(f"flagged: field 'zeigtAuf' value 'urn:adv:oid:{oid}': street key "
                                      f"{key_text(a.key)} has no AX_LagebezeichnungKatalogeintrag in {where}; "
                                      f"its key {street!r} stands for the street name")
            if not parts:
                rec["strasse"], rec["hausnummer"] = street, a.number or None
                rec["lage"] = key_text(a.key) if a.key else None
            parts.append(" ".join(p for p in (street, a.number) if p))
        rec["address"] = "; ".join(dict.fromkeys(p for p in parts if p)) or None


class NasReader(Reader):
    """ALKIS NAS (GeoInfoDok 6.0/7.1): AX_Gebaeude with address (zeigtAuf), arcs linearised, NBA updates applied."""

    Options = NasOptions

    def read(self, path: Path, source: Source, dataset: Dataset, settings: Settings,
             options: NasOptions) -> Iterator[gpd.GeoDataFrame]:
        return _read(path, source, dataset, settings, options)


NAS_READER = NasReader()
read_nas = NAS_READER  # the callable form: read_nas(path, source, dataset, settings)


def _file_crs(path: Path, header: str | None) -> str:
    """The horizontal EPSG code of a NAS file: its ``koordinatenangaben``, else its first srsName."""
    if header is not None:
        return _crs_code(header, str(path), "koordinatenangaben/crs")
    with open(path, "rb") as fh:
        name = srs_name_of(fh.read(1 << 20))
    if name is None:
        raise SourceError("the file declares no CRS (no koordinatenangaben, no srsName) and dataset.yml gives none: "
                          "declare 'crs' (e.g. EPSG:25832) on the source", file=str(path), field="crs")
    return _crs_code(name, str(path), "srsName")


def _crs_code(name: str, file: str, fld: str) -> str:
    try:
        return parse_crs(name).horizontal
    except CrsNameError as exc:
        raise SourceError(f"not a CRS this reader knows ({exc}); declare 'crs' on the source in dataset.yml",
                          file=file, field=fld, value=name) from None


@lru_cache(maxsize=64)
def _srs_code(name: str) -> str | None:
    try:
        return parse_crs(name).horizontal
    except CrsNameError:
        return None


def _check_srs(rec: dict[str, Any], srs: set[str], crs: str | None) -> None:
    for name in sorted(srs) if crs else []:
        code = _srs_code(name)
        if code is None:
            rec["_issues"].append(f"rejected: field 'srsName' value {name!r} is not a CRS this reader knows")
        elif code != crs:
            rec["_issues"].append(f"rejected: field 'srsName' value {name!r} is {code}, not the file's CRS {crs}")


def _out(rec: dict[str, Any], geom: shapely.Geometry | None, srs: set[str], crs: str | None, index: AddressIndex,
         row: str, file: str) -> dict[str, Any]:
    _check_srs(rec, srs, crs)
    index.resolve(rec)
    rec.pop("endet", None)
    rec["_row"], rec["_file"], rec["_geometry"] = row, file, geom
    return rec


def _read(path: Path, source: Source, dataset: Dataset, settings: Settings,
          options: NasOptions) -> Iterator[gpd.GeoDataFrame]:
    limit = options.max_bytes or settings.limits.max_source_bytes
    folder = dataset.folder or Path(".")
    updates = [_side_file(folder, p, "options.updates", limit) for p in options.updates]
    extra = [_side_file(folder, p, "options.address_files", limit) for p in options.address_files]
    check_size(path, limit)
    tol = options.arc_tolerance_m
    changes = read_changes(updates, tol)
    index = AddressIndex()
    header, ops, n_objects = index.scan(path, changes, str(path))
    if not n_objects and not ops:
        raise SourceError("file holds no NAS objects (elements of the AdV namespace http://www.adv-online.de/"
                          "namespaces/adv/gid/6.0 or 7.x inside wfs:member, gml:featureMember or wfs:Insert): "
                          "not a NAS file?", file=str(path))
    if ops:
        raise SourceError(f"the file holds NAS update operations ({', '.join(sorted(set(ops)))}): give the full "
                          "state (a Bestandsdatenauszug) as the source's path and update files under "
                          "options.updates", file=str(path))
    for p in extra:
        index.scan(p, changes, str(p))
    index.apply(changes)
    crs = source.crs or _file_crs(path, header)
    ref: str | None = crs  # what each geometry's srsName must say: the file's own CRS (None: not checked)
    if source.crs:
        try:
            ref = _file_crs(path, header)
        except SourceError:
            ref = None  # the file names no CRS this reader knows: the declaration stands in for it
        if ref is not None and ref != crs:
            LOGGER.warning("%s: file says %s, dataset.yml declares %s; the declaration wins", path, ref, crs)
    for fc, upath in zip(changes.files, updates, strict=True):
        if fc.crs and ref and _crs_code(fc.crs, str(upath), "koordinatenangaben/crs") != ref:
            raise SourceError(f"the update file's CRS differs from the base file {path.name}'s ({ref})",
                              file=str(upath), field="koordinatenangaben/crs", value=fc.crs)
    yield from _frames(_records(path, changes, index, ref, tol), crs)


def _side_file(folder: Path, name: str, fld: str, limit: int) -> Path:
    p = Path(name).expanduser()
    p = p if p.is_absolute() else folder / p
    if not p.is_file():
        raise SourceError("file not found", file=str(p), field=fld, value=name)
    check_size(p, limit)
    return p


def _records(path: Path, changes: Changes, index: AddressIndex, crs: str | None,
             tol: float) -> Iterator[dict[str, Any]]:
    n = historic = 0
    seen: set[str] = set()
    for ev in stream(path, str(path)):
        if ev.kind != "object" or ev.element is None or local(ev.element.tag) != BUILDING:
            continue
        n += 1
        oid = oid_of(gml_id(ev.element))
        seen.add(oid)
        if oid in changes.objects:
            continue  # replaced or deleted by an update: its new version (if any) follows below
        rec, geom, srs = parse_building(ev.element, tol)
        if rec["endet"]:
            historic += 1  # an ended (historic) version: not part of the current state
            continue
        yield _out(rec, geom, srs, crs, index, f"AX_Gebaeude {n} ({gml_id(ev.element)})", path.name)
    if historic:
        LOGGER.info("%s: %d historic AX_Gebaeude versions (lebenszeitintervall/endet set) left out", path, historic)
    buildings = changes.of_kind(BUILDING)
    if n == 0 and not buildings:
        raise SourceError("file holds no AX_Gebaeude (a NAS Bestandsdatenauszug of ALKIS buildings expected)",
                          file=str(path))
    for oid, v in changes.objects.items():
        if v is None and changes.deleted_type.get(oid) == BUILDING and oid not in seen:
            LOGGER.warning("%s: an update deletes AX_Gebaeude %s, which is not in the base file", path.name, oid)
    for v in buildings.values():
        if v.building is None:
            continue
        rec, geom, srs = v.building
        rec = _copy(rec)
        if v.op == "Replace" and not v.known and v.replaces not in seen:
            rec["_issues"].append(f"flagged: wfs:Replace names {v.replaces}, which is not in {path.name}; "
                                  "read as a new building")
        yield _out(rec, geom, srs, crs, index, v.row, v.file)


def _copy(rec: dict[str, Any]) -> dict[str, Any]:
    """A record of an update, copied: the notes of the stored version stay as they were."""
    return {**rec, "_issues": list(rec["_issues"]), "_zeigtauf": list(rec["_zeigtauf"])}


def _frames(records: Iterator[dict[str, Any]], crs: str) -> Iterator[gpd.GeoDataFrame]:
    batch: list[dict[str, Any]] = []
    for rec in records:
        batch.append(rec)
        if len(batch) >= CHUNK:
            yield _frame(batch, crs)
            batch = []
    if batch:
        yield _frame(batch, crs)


def _frame(recs: list[dict[str, Any]], crs: str) -> gpd.GeoDataFrame:
    geoms = [r.pop("_geometry") for r in recs]
    gdf = gpd.GeoDataFrame(recs, geometry=gpd.GeoSeries(geoms), crs=crs)
    for c in COLUMNS:
        gdf[c] = gdf[c].astype(object).where(gdf[c].notna(), None) if c in gdf else None  # missing: None, not NaN
    return gdf


def read_update(path: Path, *, arc_tolerance_m: float = 0.01, crs: str | None = None) -> NasUpdate:
    """One NAS update file on its own: the buildings it inserts or replaces and the oids it deletes (for a
    look at a delivery before it is added to ``options.updates``; addresses only from the file itself)."""
    changes = read_changes([path], arc_tolerance_m)
    fc = changes.files[0]
    index = AddressIndex(files=[path.name])
    index.apply(changes)
    ref = crs or _file_crs(path, fc.crs)
    recs = []
    for v in changes.of_kind(BUILDING).values():
        if v.building is None:
            continue
        rec, geom, srs = v.building
        recs.append(_out(_copy(rec), geom, srs, ref, index, v.row, v.file))
    gdf = _frame(recs, ref) if recs else gpd.GeoDataFrame({c: [] for c in COLUMNS}, geometry=[], crs=ref)
    return NasUpdate(gdf, fc.inserted, fc.replaced, fc.deleted)
