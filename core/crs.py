"""CRS names as German sources write them, the PROJ grids, and the transformation that was used.

One function, :func:`parse_crs`, reads every CRS name the project meets (``dataset.yml`` ``crs``, the
``srsName`` of XPlanGML, NAS, CityGML and plain GML) and gives the EPSG code of its horizontal part:

* EPSG in all its spellings: ``EPSG:25832``, ``urn:ogc:def:crs:EPSG::25832``, ``urn:ogc:def:crs:EPSG:6.12:25832``,
  ``http://www.opengis.net/def/crs/EPSG/0/25832``, ``urn:x-ogc:def:crs:EPSG:25832``;
* compound names: CityGML's ``urn:ogc:def:crs,crs:EPSG:6.12:25832,crs:EPSG:6.12:7837`` and
  ``http://www.opengis.net/def/crs-compound?1=…/25832&2=…/7837``;
* the AdV's URNs, the norm in XPlanGML, NAS (ALKIS) and the Länder's CityGML: ``urn:adv:crs:ETRS89_UTM32``,
  ``…_UTM33``, ``urn:adv:crs:DE_DHDN_3GK3`` (and zones 2–5), ``ETRS89_Lat-Lon`` …, compound with a height
  system ``urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH`` (and ``*DE_DHHN92_NH``, ``*DE_DHHN12_NH``, a geoid
  suffix ``*GCG2016`` …).

The core imports nothing of the project; readers and the configuration call this module.

PROJ grids: ``pyproj`` from PyPI brings its own data folder without grids, so the Gauss-Krüger -> UTM
transformation would fall back to a ≈1 m Helmert. :func:`enable_grids` adds the folders of the system's
PROJ data (Debian ``proj-data``: ``BETA2007.gsb``, which PROJ finds under its new name
``de_adv_BETA2007.tif``) and ``GDI_PROJ_DATA`` to PROJ's search path; it runs when this module is imported.
:func:`transformation_info` says which transformation PROJ uses between two CRSs and its accuracy, and
whether a better one lacks its grid, for the report and the lineage.
"""
from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

LOGGER = logging.getLogger(__name__)

# AdV CRS codes (GeoInfoDok, "Liste der Koordinatenreferenzsysteme") -> EPSG, horizontal part
ADV_HORIZONTAL: dict[str, int] = {
    "ETRS89_UTM31": 25831, "ETRS89_UTM32": 25832, "ETRS89_UTM33": 25833,
    "DE_DHDN_3GK2": 31466, "DE_DHDN_3GK3": 31467, "DE_DHDN_3GK4": 31468, "DE_DHDN_3GK5": 31469,
    "DE_RD83_3GK4": 3398, "DE_RD83_3GK5": 3399, "DE_PD83_3GK3": 3396, "DE_PD83_3GK4": 3397,
    "DE_42_83_3GK4": 2398, "DE_42_83_3GK5": 2399,
    "ETRS89_LAT-LON": 4258, "ETRS89_LAT_LON": 4258, "ETRS89_X-Y-Z": 4936,
    "DE_DHDN_LAT-LON": 4314, "WGS84_LAT-LON": 4326,
}
# AdV height systems (the part after '*') -> EPSG vertical CRS
ADV_VERTICAL: dict[str, int] = {"DE_DHHN2016_NH": 7837, "DE_DHHN92_NH": 5783, "DE_DHHN12_NH": 7699,
                                "DE_DHHN85_NN": 5784, "DE_SNN76_HN": 5785}
_ADV = re.compile(r"^(?:urn:adv:crs:|adv:)?(?P<h>[A-Za-z0-9_-]+?)(?:_(?:\d)stellen)?(?P<rest>(?:\*[A-Za-z0-9_-]+)*)$",
                  re.IGNORECASE)
_EPSG = re.compile(r"EPSG(?::[\d.]*)?[:/](?:0/)?(\d+)$|EPSG:+(\d+)$", re.IGNORECASE)
_EPSG_ANY = re.compile(r"EPSG[:/][\d.]*[:/]*(?:0/)?(\d+)", re.IGNORECASE)


@dataclass(frozen=True)
class ParsedCrs:
    """What a CRS name says: ``horizontal`` as ``EPSG:<code>``, the height system if the name has one."""

    horizontal: str
    vertical: str | None
    name: str


class CrsNameError(ValueError):
    """A CRS name that is neither EPSG, an OGC compound nor an AdV URN (plain ValueError: no project import)."""


def parse_crs(name: str) -> ParsedCrs:
    """See :func:`_parse`; the EPSG codes found are checked against PROJ's database."""
    parsed = _parse(name)
    for code in (parsed.horizontal, parsed.vertical):
        if code and not _known(code):
            raise CrsNameError(f"unknown CRS {name.strip()!r}" + ("" if code == name.strip() else f" ({code})"))
    return parsed


@lru_cache(maxsize=256)
def _known(code: str) -> bool:
    from pyproj import CRS
    from pyproj.exceptions import CRSError
    try:
        CRS.from_user_input(code)
    except CRSError:
        return False
    return True


@lru_cache(maxsize=512)  # pure; PROJ's lookups (to_authority) cost ~0.2 s each and the registry asks per request
def _parse(name: str) -> ParsedCrs:
    """EPSG code (horizontal, and the height system where given) of a CRS name in any of the spellings in
    the module docstring; any other name PROJ knows (WKT, PROJ string, ``OGC:CRS84``) is passed through
    PROJ. Raises :class:`CrsNameError` naming the value when none fits."""
    text = (name or "").strip()
    if not text:
        raise CrsNameError("empty CRS name")
    low = text.lower()
    if low.startswith(("urn:adv:crs:", "adv:")) or "*" in text:
        return _parse_adv(text)
    if low.startswith("urn:ogc:def:crs,") or "crs-compound" in low:
        codes = _EPSG_ANY.findall(text)
        if codes:
            return ParsedCrs(f"EPSG:{codes[0]}", f"EPSG:{codes[1]}" if len(codes) > 1 else None, text)
    m = _EPSG.search(text)
    if m:
        return ParsedCrs(f"EPSG:{m.group(1) or m.group(2)}", None, text)
    if text.upper() in ADV_HORIZONTAL:
        return _parse_adv(text)
    from pyproj import CRS
    from pyproj.exceptions import CRSError
    try:
        crs = CRS.from_user_input(text)
    except CRSError as exc:
        raise CrsNameError(f"unknown CRS {text!r}") from exc
    if crs.is_compound:
        h, v = crs.sub_crs_list[0], crs.sub_crs_list[1]
        return ParsedCrs(_code(h) or h.to_string(), _code(v), text)
    return ParsedCrs(_code(crs) or text, None, text)


def _code(crs: Any) -> str | None:
    auth = crs.to_authority(min_confidence=90)
    return f"{auth[0]}:{auth[1]}" if auth else None


def _parse_adv(text: str) -> ParsedCrs:
    m = _ADV.match(text)
    if not m:
        raise CrsNameError(f"unknown CRS {text!r} (not an AdV CRS URN like urn:adv:crs:ETRS89_UTM32)")
    h = m.group("h").upper()
    if h.startswith("EPSG_") or h.isdigit():
        code = int(h.rsplit("_", 1)[-1])
    elif h in ADV_HORIZONTAL:
        code = ADV_HORIZONTAL[h]
    else:
        raise CrsNameError(f"unknown AdV CRS {m.group('h')!r} in {text!r}; known: "
                           + ", ".join(sorted(k for k in ADV_HORIZONTAL if "-" not in k)))
    vertical = None
    for part in (p for p in m.group("rest").split("*") if p):
        v = ADV_VERTICAL.get(part.upper())
        if v is not None and vertical is None:
            vertical = f"EPSG:{v}"
    return ParsedCrs(f"EPSG:{code}", vertical, text)


def crs_code(name: str) -> str:
    """The horizontal EPSG code of a CRS name (``urn:adv:crs:DE_DHDN_3GK3*DE_DHHN92_NH`` -> ``EPSG:31467``)."""
    return parse_crs(name).horizontal


_SRS = re.compile(rb'srsName\s*=\s*["\']([^"\']+)["\']')


def srs_name_of(head: bytes) -> str | None:
    """The first ``srsName`` in the first bytes of an XML document (UTF-8/ASCII), or None."""
    m = _SRS.search(head)
    return m.group(1).decode("utf-8", "replace") if m else None


def compound_srs_name_of(head: bytes) -> str | None:
    """The first ``srsName`` with a height system (an OGC compound CRS, an AdV URN with ``*DE_DHHN…``) in the
    first bytes of an XML document, or None (a BU core3D file: its 3D surfaces after the 2D footprint)."""
    for m in _SRS.finditer(head):
        name = m.group(1).decode("utf-8", "replace").replace("&amp;", "&")
        try:
            if _parse(name).vertical:
                return name
        except CrsNameError:
            continue
    return None


# -- PROJ grids ----------------------------------------------------------------------------------
SYSTEM_PROJ_DIRS = ("/usr/share/proj", "/usr/local/share/proj")


def grid_dirs() -> list[str]:
    """Folders with PROJ grids besides pyproj's own: ``GDI_PROJ_DATA`` (``:``-separated), then the system's."""
    extra = [d for d in os.environ.get("GDI_PROJ_DATA", "").split(os.pathsep) if d]
    return [d for d in (*extra, *SYSTEM_PROJ_DIRS) if Path(d).is_dir()]


_ENABLED: list[str] = []


def enable_grids() -> list[str]:
    """Add the grid folders to PROJ's search path of this process (once); returns them."""
    if _ENABLED:
        return list(_ENABLED)
    try:
        import pyproj.datadir as datadir
    except ImportError:  # pragma: no cover - pyproj is a dependency
        return []
    current = datadir.get_data_dir().split(os.pathsep)
    for d in grid_dirs():
        if d not in current:
            datadir.append_data_dir(d)
        _ENABLED.append(d)
    return list(_ENABLED)


@lru_cache(maxsize=64)
def transformation_info(source: str, target: str,
                        area: tuple[float, float, float, float] | None = None) -> dict[str, Any]:
    """The operation PROJ uses from ``source`` to ``target`` (the first available one of the candidates,
    which is what ``Transformer.from_crs`` applies inside its area of use), its accuracy in metres as the EPSG
    dataset states it (None when unknown), its grids, and better ones that are not installed. ``area`` (west,
    south, east, north in degrees) limits the candidates to those whose area of use covers the data."""
    from pyproj import CRS
    from pyproj.transformer import TransformerGroup
    enable_grids()
    src, dst = CRS.from_user_input(source), CRS.from_user_input(target)
    info: dict[str, Any] = {"source": source, "target": target}
    if src.equals(dst):
        return {**info, "operation": "none (same CRS)", "accuracy_m": 0.0, "grids": [], "missing_better": []}
    aoi = None
    if area is not None:
        from pyproj.aoi import AreaOfInterest
        aoi = AreaOfInterest(*area)
    group = TransformerGroup(src, dst, always_xy=True, area_of_interest=aoi)  # type: ignore[arg-type]
    if not group.transformers:
        return {**info, "operation": "none available", "accuracy_m": None, "grids": [], "missing_better": []}
    best = group.transformers[0]
    acc = best.accuracy if best.accuracy is not None and best.accuracy >= 0 else None
    grids = sorted({g.short_name for op in best.operations for g in getattr(op, "grids", [])}) \
        if best.operations else []
    missing = []
    for op in group.unavailable_operations:
        if op.accuracy is not None and op.accuracy >= 0 and (acc is None or op.accuracy < acc):
            missing.append({"operation": op.name, "accuracy_m": op.accuracy,
                            "grids": [g.short_name for g in op.grids if not g.available]})
    return {**info, "operation": best.description, "accuracy_m": acc, "grids": grids, "missing_better": missing}


def describe_transformation(info: dict[str, Any]) -> str:
    """One sentence for the report and the lineage statement."""
    acc = info.get("accuracy_m")
    acc_s = "accuracy unknown" if acc is None else f"accuracy {acc:g} m (EPSG)"
    s = f"{info['source']} -> {info['target']}: {info['operation']}, {acc_s}"
    if info.get("grids"):
        s += f", grid {', '.join(info['grids'])}"
    if info.get("missing_better"):
        m = info["missing_better"][0]
        s += (f"; a better transformation ({m['operation']}, {m['accuracy_m']:g} m) needs the missing grid "
              f"{', '.join(m['grids'])}")
    return s


enable_grids()
