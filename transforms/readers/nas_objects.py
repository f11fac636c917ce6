"""Streaming a NAS document and reading its objects (part of the ``nas`` reader).

:func:`stream` walks a NAS file (GeoInfoDok 6.0/7.x: ``AX_Bestandsdatenauszug``, ``AX_NutzerbezogeneBestands-
datenaktualisierung_NBA``, ``AX_Fortfuehrungsauftrag`` …) with lxml ``iterparse`` after the hostile-XML check of
``core.xmlguard``, and yields one event per object or transaction operation; each object is cleared and dropped
from the tree once handled, so memory holds one object (or one ``wfs:Replace``) at a time, whatever the size of
the file. Objects are found by position, not by a schema: an AdV element directly inside ``wfs:member``,
``gml:featureMember(s)`` or ``wfs:Insert``. The AdV namespace (``…/adv/gid/6.0``, ``7.1`` …) is taken from the
document's namespace declarations, so GeoInfoDok 6.0 and 7.1 files are read alike.

:func:`parse_building`, :func:`parse_address` and :func:`parse_catalog` read ``AX_Gebaeude``,
``AX_LagebezeichnungMitHausnummer`` and ``AX_LagebezeichnungKatalogeintrag``.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import shapely
from lxml import etree

from core import xmlguard
from core.errors import SourceError

from .nas_geometry import GeometryError, footprint

ADV_PREFIX = "http://www.adv-online.de/namespaces/adv/gid/"
_ADV_NS = re.compile(rb'xmlns(?::[\w.-]+)?\s*=\s*["\'](http://www\.adv-online\.de/namespaces/adv/gid/\d[\d.]*)["\']')
KNOWN_ADV = ("6.0", "7.0", "7.1")
GML_IDS = ("{http://www.opengis.net/gml/3.2}id", "{http://www.opengis.net/gml}id")
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
MEMBERS = frozenset({"member", "featureMember", "featureMembers", "Insert"})
OPERATIONS = ("Replace", "Delete", "Update")
BUILDING, ADDRESS, CATALOG = "AX_Gebaeude", "AX_LagebezeichnungMitHausnummer", "AX_LagebezeichnungKatalogeintrag"
_TIMESTAMP = re.compile(r"^(.{16})(\d{8}T\d{6}(?:\.\d+)?Z)$")
_CODE = re.compile(r"^\d{4}$")


def local(tag: object) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def oid_of(ref: str | None) -> str:
    """The object identifier (oid, 16 characters in ALKIS) of a gml:id, ``urn:adv:oid:…`` reference or
    ``fes:ResourceId``/``ogc:FeatureId``: version timestamps (``DENW…pewY20131011T071138Z``) are cut off."""
    s = (ref or "").strip()
    for prefix in ("urn:adv:oid:", "#"):
        if s.startswith(prefix):
            s = s[len(prefix):]
    m = _TIMESTAMP.match(s)
    return m.group(1) if m else s


def gml_id(el: etree._Element) -> str:
    return next((str(el.get(a)) for a in GML_IDS if el.get(a)), "")


def value(el: etree._Element | None) -> str:
    """Text of a property, or the code at the end of its ``xlink:href`` (GeoInfoDok 7 code list references)."""
    if el is None:
        return ""
    text = (el.text or "").strip()
    if text:
        return text
    href = el.get(XLINK_HREF) or ""
    return href.rstrip("/").rpartition("/")[2] if href else ""


def _child(el: etree._Element, name: str) -> etree._Element | None:
    return next((c for c in el if local(c.tag) == name), None)


def _path(el: etree._Element, *names: str) -> etree._Element | None:
    cur: etree._Element | None = el
    for n in names:
        if cur is None:
            return None
        cur = _child(cur, n)
    return cur


# -- streaming -----------------------------------------------------------------------------------
@dataclass
class Event:
    """One thing found in a NAS document: ``kind`` is ``crs`` (the standard CRS of ``koordinatenangaben``),
    ``object`` (an object of a Bestandsdatenauszug or of a ``wfs:Insert``), ``replace`` (``element`` replaces
    ``targets``), ``delete`` or ``update`` (``targets`` of ``type_name``; ``ended`` when the update sets
    ``lebenszeitintervall/endet``). ``index`` counts events of the kind from 1."""

    kind: str
    index: int
    element: etree._Element | None = None
    targets: list[str] = field(default_factory=list)
    type_name: str = ""
    ended: str | None = None
    crs: str | None = None


def adv_namespaces(path: Path) -> list[str]:
    with open(path, "rb") as fh:
        head = fh.read(1 << 16)
    found = list(dict.fromkeys(m.decode() for m in _ADV_NS.findall(head)))
    return found or [ADV_PREFIX + v for v in KNOWN_ADV]


def _drop(el: etree._Element) -> None:
    """Free a handled element and what was parsed before it (the tree stays small)."""
    el.clear(keep_tail=False)
    while el.getprevious() is not None:
        parent = el.getparent()
        if parent is None:
            break
        del parent[0]


def _targets(op: etree._Element) -> list[str]:
    out = []
    for e in op.iter():
        name = local(e.tag)
        if name == "ResourceId" and e.get("rid"):
            out.append(str(e.get("rid")))
        elif name in ("FeatureId", "GmlObjectId") and (e.get("fid") or gml_id(e)):
            out.append(str(e.get("fid") or gml_id(e)))
    return out


def _ended(op: etree._Element) -> str | None:
    for prop in (e for e in op.iter() if local(e.tag) == "Property"):
        name = next((c.text or "" for c in prop if local(c.tag) in ("Name", "ValueReference")), "")
        if name.strip().rpartition("/")[2].rpartition(":")[2] == "endet":
            return next(((c.text or "").strip() for c in prop if local(c.tag) == "Value"), "") or None
    return None


def _crs(koord: etree._Element) -> str | None:
    """The standard CRS of ``koordinatenangaben`` (the one marked ``standard`` true, else the first)."""
    angaben = [a for a in koord if local(a.tag) == "AA_Koordinatenreferenzsystemangaben"]
    std = [a for a in angaben if value(_child(a, "standard")).lower() == "true"] or angaben
    for a in std:
        crs = _child(a, "crs")
        if crs is not None and (crs.get(XLINK_HREF) or (crs.text or "").strip()):
            return str(crs.get(XLINK_HREF) or (crs.text or "").strip())
    return None


def stream(path: Path, name: str | None = None) -> Iterator[Event]:
    """The events of one NAS file, in document order (see :class:`Event`). Raises SourceError naming the file
    for hostile XML (a DOCTYPE/ENTITY) and for XML that is not well-formed."""
    label = name or str(path)
    with open(path, "rb") as fh:
        magic = fh.read(4)
    packed = "gzip" if magic[:2] == b"\x1f\x8b" else "zip" if magic == b"PK\x03\x04" else ""
    if packed:  # libxml2 would unpack a gzip file by itself, past the hostile-XML check of the raw bytes
        raise SourceError(f"the file is {packed}-compressed; unpack the NAS delivery and give the .xml files",
                          file=label)
    adv = adv_namespaces(path)
    advs = {f"{{{ns}}}" for ns in adv}
    tags = [f"{{{ns}}}*" for ns in adv]
    tags += [f"{{*}}{t}" for t in (*MEMBERS, *OPERATIONS)]
    counts: dict[str, int] = {}

    def event(kind: str, **kw: Any) -> Event:
        counts[kind] = counts.get(kind, 0) + 1
        return Event(kind, counts[kind], **kw)

    ctx = xmlguard.iterparse(path, label, events=("end",), tag=tags, remove_comments=True, remove_pis=True)
    try:
        for _, el in ctx:
            name_ = local(el.tag)
            parent = el.getparent()
            pname = local(parent.tag) if parent is not None else ""
            if el.tag.partition("}")[0] + "}" in advs:
                if pname in MEMBERS or (parent is None and name_ in (BUILDING, ADDRESS, CATALOG)):
                    yield event("object", element=el)
                    _drop(el)
                elif name_ == "koordinatenangaben":
                    yield event("crs", crs=_crs(el))
                    _drop(el)
                continue
            if name_ == "Replace":
                objs = [c for c in el if isinstance(c.tag, str) and c.tag.partition("}")[0] + "}" in advs]
                if objs:
                    yield event("replace", element=objs[0], targets=_targets(el))
            elif name_ in ("Delete", "Update"):
                yield event(name_.lower(), targets=_targets(el),
                            type_name=(el.get("typeNames") or el.get("typeName") or "").rpartition(":")[2],
                            ended=_ended(el) if name_ == "Update" else None)
            _drop(el)
    except etree.XMLSyntaxError as exc:
        done = ", ".join(f"{n} {k}" for k, n in counts.items()) or "nothing"
        raise SourceError(f"XML is not well-formed ({exc.msg}, line {exc.lineno}) after {done}; truncated or "
                          "corrupt file?", file=label) from None


# -- objects -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Address:
    """An ``AX_LagebezeichnungMitHausnummer``: the street key (land, regierungsbezirk, kreis, gemeinde, lage)
    or an unencoded street name, and the house number."""

    key: tuple[str, ...] | None
    street: str | None
    number: str


def street_key(el: etree._Element | None) -> tuple[str, ...] | None:
    """(land, regierungsbezirk, kreis, gemeinde, lage) of an ``AX_VerschluesselteLagebezeichnung``."""
    if el is None:
        return None
    parts = tuple(value(_child(el, n)) for n in ("land", "regierungsbezirk", "kreis", "gemeinde", "lage"))
    return parts if parts[-1] else None


def parse_address(el: etree._Element) -> tuple[str, str, Address]:
    """(oid, identifier oid, address) of an ``AX_LagebezeichnungMitHausnummer`` (GeoInfoDok 6.0 and 7.x)."""
    lb = _path(el, "lagebezeichnung", "AX_Lagebezeichnung")
    key, street = None, None
    if lb is not None:
        key = street_key(_path(lb, "verschluesselt", "AX_VerschluesselteLagebezeichnung"))
        street = value(_child(lb, "unverschluesselt")) or None
    else:  # flat form: land … lage directly on the object
        key = street_key(el)
    number = value(_child(el, "hausnummer"))
    return oid_of(gml_id(el)), oid_of(value(_child(el, "identifier"))), Address(key, street, number)


def parse_catalog(el: etree._Element) -> tuple[tuple[str, ...] | None, str]:
    """(street key, street name) of an ``AX_LagebezeichnungKatalogeintrag``."""
    key = street_key(_path(el, "schluessel", "AX_VerschluesselteLagebezeichnung"))
    return key, value(_child(el, "bezeichnung"))


def key_text(key: tuple[str, ...]) -> str:
    return " ".join(p for p in key if p)


# AX_Gebaeude properties read as they are (codes stay text: the mapper parses numbers and reports bad ones)
SIMPLE = ("gebaeudefunktion", "dachform", "anzahlDerOberirdischenGeschosse", "anzahlDerUnterirdischenGeschosse",
          "lageZurErdoberflaeche", "bauweise", "zustand", "hochhaus")
LISTS = ("weitereGebaeudefunktion", "name", "baujahr")
UOM_TO_M = {"m": 1.0, "cm": 0.01, "dm": 0.1, "km": 1000.0, "urn:adv:uom:m": 1.0}
LAGE_ZUR_ERDOBERFLAECHE = {"1200": "unter der Erdoberfläche", "1400": "aufgeständert"}


def parse_building(el: etree._Element, tolerance: float) -> tuple[dict[str, Any], shapely.Geometry | None,
                                                                     set[str]]:
    """One ``AX_Gebaeude``: its record (source columns, ``_zeigtauf`` oids, ``_issues``), footprint and
    srsNames. Every problem is a note naming the field and the value; ``rejected:`` notes drop the record."""
    issues: list[str] = []
    rec: dict[str, Any] = {"gml_id": oid_of(gml_id(el)), "object_type": local(el.tag)}
    props: dict[str, list[etree._Element]] = {}
    for c in el:
        if isinstance(c.tag, str):
            props.setdefault(local(c.tag), []).append(c)
    life = _path(el, "lebenszeitintervall", "AA_Lebenszeitintervall")
    rec["beginnt"] = value(_child(life, "beginnt")) if life is not None else ""
    rec["endet"] = (value(_child(life, "endet")) if life is not None else "") or None
    for name in SIMPLE:
        rec[name] = value(props[name][0]) if name in props else ""
    for name in LISTS:
        rec[name] = "; ".join(v for v in (value(e) for e in props.get(name, [])) if v)
    fn = rec["gebaeudefunktion"]
    if not fn:
        issues.append("rejected: field 'gebaeudefunktion' is missing (mandatory in AX_Gebaeude)")
    elif not _CODE.match(fn):
        issues.append(f"rejected: field 'gebaeudefunktion' value {fn!r} is not an ALKIS code "
                      "(AX_Gebaeudefunktion: 4 digits, e.g. 1010)")
    h = props.get("objekthoehe", [None])[0]
    rec["objekthoehe"] = value(h)
    if h is not None and rec["objekthoehe"]:
        uom = (h.get("uom") or "m").strip()
        try:
            rec["objekthoehe"] = repr(float(rec["objekthoehe"]) * UOM_TO_M[uom])
        except KeyError:
            issues.append(f"flagged: field 'objekthoehe' value {rec['objekthoehe']!r} has unit {uom!r} "
                          "(m expected); height left empty")
            rec["objekthoehe"] = ""
        except ValueError:
            pass  # not a number: the mapper reports it
    hh = rec["hochhaus"].lower()
    rec["hochhaus"] = {"true": True, "1": True, "false": False, "0": False}.get(hh)
    if hh and rec["hochhaus"] is None:
        issues.append(f"flagged: field 'hochhaus' value {hh!r} is not a Boolean; left empty")
    lage = rec["lageZurErdoberflaeche"]
    if lage and lage not in LAGE_ZUR_ERDOBERFLAECHE:
        issues.append(f"flagged: field 'lageZurErdoberflaeche' value {lage!r} is not a code of "
                      "AX_LageZurErdoberflaeche_Gebaeude (1200, 1400)")
    rec["_zeigtauf"] = [oid_of(z.get(XLINK_HREF)) for z in props.get("zeigtAuf", []) if z.get(XLINK_HREF)]
    geom: shapely.Geometry | None = None
    srs: set[str] = set()
    pos = props.get("position")
    if not pos:
        issues.append("rejected: field 'position' is missing: the building has no footprint")
    else:
        try:
            geom, srs = footprint(pos[0], tolerance)
        except GeometryError as exc:
            issues.append(f"rejected: field 'position': {exc}")
    rec["_issues"] = issues
    return rec, geom, srs
