"""Cross-check of the spatial dataset identifiers (``gdi metadata check``).

One identifier per published dataset — code + namespace, TG Metadata 2.0 / TG Download Services 3.1 — must
be the same in the ISO record (``RS_Identifier`` code, codeSpace and the code's ``xlink:href``), in the GML
(every ``inspireId`` namespace), in the Atom feeds (``inspire_dls:spatial_dataset_identifier_code`` /
``_namespace``) and in the OGC API collection (``rel="cite-as"`` link), and unique in the catalogue; every
GML ``localId`` must keep to INSPIRE's characters. Without a URL the written records and the published files
are read; with ``base_url`` the running services are harvested as a client would (CSW GetRecordById, the
Atom service and dataset feeds, ``/ogc/collections``).
"""
from __future__ import annotations

import json
import re
import urllib.request
from pathlib import Path
from typing import Any

from lxml import etree

from core.config import Dataset, Settings, load_registry
from core.publication import current_dir, published_datasets

from .ids import dataset_record_id, get_record_by_id_url
from .xml import xpath

LOCAL_ID = re.compile(r"[A-Za-z0-9_.\-]+")
ATOM = "http://www.w3.org/2005/Atom"
DLS = "http://inspire.ec.europa.eu/schemas/inspire_dls/1.0"
GML_SAMPLE = 2000  # inspireIds read per GML file (the encoder writes them all alike)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def record_identifier(md: etree._Element) -> tuple[str, str, str] | None:
    """(code, codeSpace, code's xlink:href) of a dataset record's resource identifier."""
    rs = xpath(md, "gmd:identificationInfo/*/gmd:citation/gmd:CI_Citation/gmd:identifier/gmd:RS_Identifier")
    if not rs:
        return None
    code_el = xpath(rs[0], "gmd:code/*")
    space = xpath(rs[0], "gmd:codeSpace/*")
    if not code_el:
        return None
    href = code_el[0].get("{http://www.w3.org/1999/xlink}href") or ""
    return (code_el[0].text or "").strip(), (space[0].text or "").strip() if space else "", href


def gml_identifiers(path: Path, limit: int = GML_SAMPLE) -> tuple[set[str], list[str]]:
    """The ``inspireId`` namespaces and the first bad localIds among the first ``limit`` identifiers."""
    spaces: set[str] = set()
    bad: list[str] = []
    events = etree.iterparse(str(path), tag="{*}Identifier", resolve_entities=False, no_network=True,
                             huge_tree=True)
    for n, (_, el) in enumerate(events, start=1):
        lid = next((c.text or "" for c in el if etree.QName(c).localname == "localId"), None)
        ns = next((c.text or "" for c in el if etree.QName(c).localname == "namespace"), None)
        if ns is not None:
            spaces.add(ns)
        if lid is not None and not LOCAL_ID.fullmatch(lid) and len(bad) < 5:
            bad.append(lid)
        el.clear()
        if n >= limit:
            break
    return spaces, bad


def _expect(ds: Dataset) -> tuple[str, str]:
    return ds.inspire.identifier_code, ds.inspire.identifier_namespace


def check_files(settings: Settings) -> list[str]:
    """Records written to ``var/metadata`` and the published GML against the registry."""
    problems: list[str] = []
    reg = load_registry(settings.datasets_dir, check_plugins=False)
    mdir = settings.var_dir / "metadata"
    seen: dict[str, str] = {}
    for ds_id, manifest in sorted(published_datasets(settings.publish_dir).items()):
        ds = reg.get(ds_id)
        if ds is None:
            continue
        code, ns = _expect(ds)
        rid = dataset_record_id(ds_id)
        rec = next((p for p in (mdir / f"{rid}.xml", mdir / "restricted" / f"{rid}.xml") if p.exists()), None)
        if rec is None:
            problems.append(f"{ds_id}: no metadata record {rid}.xml in {mdir}; run `gdi metadata write`")
        else:
            got = record_identifier(etree.parse(str(rec), _PARSER).getroot())
            if got != (code, ns, ds.inspire.namespace):
                problems.append(f"{rec}: record of dataset {ds_id}: resource identifier {got!r}, expected code "
                                f"{code!r}, codeSpace {ns!r}, href {ds.inspire.namespace!r}")
        if ds.inspire.namespace in seen:
            problems.append(f"{ds_id}: identifier {ds.inspire.namespace} is also dataset "
                            f"{seen[ds.inspire.namespace]}'s")
        seen[ds.inspire.namespace] = ds_id
        insp = [c["id"] for c in manifest.get("collections", []) if c.get("view") == "inspire"]
        if insp and insp != [ds.collection_id]:
            problems.append(f"{ds_id}: published collection {insp} is not the registry's {ds.collection_id!r}; "
                            f"republish with `gdi etl {ds_id}`")
        folder = current_dir(settings.publish_dir, ds_id)
        gml = folder / f"{ds_id}.gml" if folder else None
        if gml is not None and gml.exists():
            spaces, bad = gml_identifiers(gml)
            if spaces != {ds.inspire.namespace}:
                problems.append(f"{gml}: inspireId namespaces {sorted(spaces)}, expected {ds.inspire.namespace!r}")
            if bad:
                problems.append(f"{gml}: localIds outside INSPIRE's characters (A-Z a-z 0-9 _ . -): {bad}")
    return problems


def _get(url: str, timeout: float = 30) -> bytes:
    with urllib.request.urlopen(url, timeout=timeout) as r:
        return r.read()  # type: ignore[no-any-return]


def harvest(base_url: str) -> dict[str, dict[str, Any]]:
    """What a harvester sees per dataset identifier URI, from the public services: ``{uri: {"csw": (code,
    codeSpace, href), "atom": (code, namespace), "ogc": [collection ids]}}`` (keys present where found)."""
    base = base_url.rstrip("/")
    out: dict[str, dict[str, Any]] = {}
    feed = etree.fromstring(_get(f"{base}/download/feed.xml"), _PARSER)
    for e in feed.findall(f"{{{ATOM}}}entry"):
        code = e.findtext(f"{{{DLS}}}spatial_dataset_identifier_code") or ""
        ns = e.findtext(f"{{{DLS}}}spatial_dataset_identifier_namespace") or ""
        entry = out.setdefault(f"{ns}/{code}", {})
        entry.setdefault("atom", []).append((code, ns))
        for link in e.findall(f"{{{ATOM}}}link"):
            if link.get("rel") == "describedby" and link.get("type") == "application/xml":
                md = etree.fromstring(_get(link.get("href", "")), _PARSER)
                found = md if etree.QName(md).localname == "MD_Metadata" else next(iter(md.iter(
                    "{http://www.isotc211.org/2005/gmd}MD_Metadata")), None)
                if found is not None:
                    entry.setdefault("csw", []).append(record_identifier(found))
            if link.get("rel") == "alternate":
                dfeed = etree.fromstring(_get(link.get("href", "")), _PARSER)
                entry.setdefault("atom_dataset", []).append(
                    (dfeed.findtext(f"{{{DLS}}}spatial_dataset_identifier_code") or "",
                     dfeed.findtext(f"{{{DLS}}}spatial_dataset_identifier_namespace") or ""))
    colls = json.loads(_get(f"{base}/ogc/collections?f=json"))
    for c in colls.get("collections", []):
        for link in c.get("links", []):
            if link.get("rel") == "cite-as":
                out.setdefault(link["href"], {}).setdefault("ogc", []).append(c["id"])
    return out


def check_harvest(settings: Settings, base_url: str) -> list[str]:
    """Every public published dataset has one identifier, the same in CSW, Atom and OGC API, used by no
    other dataset."""
    problems: list[str] = []
    seen = harvest(base_url)
    reg = load_registry(settings.datasets_dir, check_plugins=False)
    for ds_id, manifest in sorted(published_datasets(settings.publish_dir).items()):
        ds = reg.get(ds_id)
        if ds is None or ds.access != "public":
            continue
        uri = ds.inspire.namespace
        code, ns = _expect(ds)
        got = seen.get(uri, {})
        if got.get("atom") != [(code, ns)]:
            problems.append(f"{ds_id}: Atom service feed entries for {uri}: {got.get('atom')}, "
                            f"expected one {(code, ns)}")
        if got.get("atom_dataset") != [(code, ns)]:
            problems.append(f"{ds_id}: Atom dataset feed identifier {got.get('atom_dataset')}, expected {(code, ns)}")
        if got.get("csw") != [(code, ns, uri)]:
            problems.append(f"{ds_id}: CSW record ({get_record_by_id_url(base_url, dataset_record_id(ds_id))}) "
                            f"identifier {got.get('csw')}, expected {(code, ns, uri)}")
        # every collection of the publication cites the identifier; collections derived from one (e.g. one
        # per geometry type of a mixed-geometry view: ``<id>_points``) cite it too, and no other does
        colls = [c["id"] for c in manifest.get("collections", [])]
        citing = got.get("ogc", [])
        if not set(colls) <= set(citing) or any(not any(c == m or c.startswith(m + "_") for m in colls)
                                                for c in citing):
            problems.append(f"{ds_id}: OGC API collections citing {uri}: {citing}, expected {colls} (and "
                            "collections derived from them)")
    return problems
