"""XPlanGML reader (XPlanung 4.1, 5.x, 6.0; a zipped XPlanArchiv or a plain ``.gml``).

Why our own reader and not PyPI ``xplan-tools`` (XLeitstelle, EUPL): its INSPIRE PLU transformation
(``migrate_6x_plu``) only accepts XPlanung 6.x, the real plans we have are 5.1, and it pins the
``gdal`` Python package >= 3.6.3 while Debian 12 ships 3.6.2. We use its *mapping tables* (the
XLeitstelle rules, see ``transforms/themes/plu_xleitstelle.csv``) and read the GML with GDAL's GML
driver, one layer per XPlanung class, through pyogrio (``/vsizip/`` for archives).

The reader yields one GeoDataFrame of all Fachobjekte (``BP_*``, ``FP_*``, ``SO_*``, ``RP_*``,
``LP_*`` except plans, Bereiche and text sections) with the columns ``key`` (gml:id), ``xplan_class``,
``ebene``, ``flaechenschluss``, ``rechtscharakter``, ``attributes`` (JSON of the class-specific
attributes) and the building-dimension columns (:data:`DIMENSIONS`, NaN where the plan sets none:
``Z``, ``Zmin``, ``Zmax``, ``Zzwingend``, ``GRZ``, ``GFZ``, ``BMZ``) plus ``hoehenangabe``: a JSON list
of every nested ``XP_Hoehenangabe`` of the object (``hoehenbezug``, ``bezugspunkt``, ``h``, ``hMin``,
``hMax``, ``hZwingend``, ``abweichenderHoehenbezug``, ``abweichenderBezugspunkt``), read from the XML
because GDAL flattens only the first of several into loose columns. Plan metadata (``*_Plan``,
``*_Bereich``, including the plan's ``bezugshoehe``) comes from :func:`plan_info`.

XPlanung 6.x nests the purpose of an area in a data type (``zweckbestimmung/BP_KomplexeZweckbestGruen/
allgemein``, ``artDerFestlegung/SO_KomplexeZweckbestStrassenverkehr/allgemein``), which GDAL flattens to a
loose ``allgemein`` column; for 6.x plans the reader puts the codes back under the property's name
(``{"zweckbestimmung": "1600"}``, a list when there are several), as 5.x plans carry them, so the XLeitstelle
tables (``zweckbestimmung.BP_KomplexeZweckbestGruen.allgemein`` …) find them (:func:`komplexe_codes`).

Broken geometries (a ring that is not closed, as in the real FNP Bad Liebenwerda) do not abort the
read: GDAL returns no geometry, and :func:`diagnose_geometries` looks the object up in the XML to name
the defect (object id, ring, first and last coordinate) so the report says what is wrong and where.
"""
from __future__ import annotations

import json
import logging
import re
import zipfile
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely
from pydantic import Field

from core import xmlguard
from core.config import Dataset, Settings, Source
from core.crs import CrsNameError, parse_crs, srs_name_of
from core.errors import SourceError
from core.plugins import Options, Reader

from .vector import gdal_path

LOGGER = logging.getLogger(__name__)
XPLAN_NS = re.compile(rb'xmlns(?::\w+)?="http://www\.xplanung\.de/xplangml/(\d+)/(\d+)"')
PLAN_CLASSES = ("BP_Plan", "FP_Plan", "SO_Plan", "RP_Plan", "LP_Plan")
SKIP_SUFFIX = ("_Plan", "_Bereich", "_TextAbschnitt", "_BegruendungAbschnitt")
COMMON = ("gml_id", "lowerCorner", "upperCorner", "ebene", "rechtscharakter", "flaechenschluss")
OPEN_OPTS = {"WRITE_GFS": "NO"}
# building dimensions read into their own columns (XPlanung 5.x names; ``GRZmax``/``GFZmax`` stand in
# for ``GRZ``/``GFZ`` where a plan gives only the upper bound)
DIMENSIONS = {"Z": ("Z",), "Zmin": ("Zmin",), "Zmax": ("Zmax",), "Zzwingend": ("Zzwingend",),
              "GRZ": ("GRZ", "GRZmax"), "GFZ": ("GFZ", "GFZmax"), "BMZ": ("BMZ", "BMZmax")}
# the elements of XP_Hoehenangabe (XPlanung 5.0-5.4); GDAL's flattened copies are dropped from ``attributes``
HOEHE_NUM = ("h", "hMin", "hMax", "hZwingend")
HOEHE_TEXT = ("hoehenbezug", "bezugspunkt", "abweichenderHoehenbezug", "abweichenderBezugspunkt")


def _gml_member(path: Path) -> str | None:
    if path.suffix.lower() != ".zip":
        return None
    with zipfile.ZipFile(path) as zf:
        names = [n for n in zf.namelist() if n.lower().endswith((".gml", ".xml"))]
    pref = [n for n in names if Path(n).name.lower() == "xplan.gml"]
    if not (pref or names):
        raise SourceError("XPlanArchiv holds no .gml file (expected xplan.gml)", file=str(path))
    return (pref or names)[0]


def _head(path: Path, member: str | None, n: int = 1 << 16) -> bytes:
    if member is None:
        with open(path, "rb") as fh:
            return fh.read(n)
    with zipfile.ZipFile(path) as zf, zf.open(member) as fh:
        return fh.read(n)


def xplan_version(path: Path) -> str:
    """'5.1' etc. from the XPlanGML namespace; raises a SourceError for non-XPlanung GML."""
    m = XPLAN_NS.search(_head(path, _gml_member(path)))
    if not m:
        raise SourceError("not an XPlanGML document (no http://www.xplanung.de/xplangml/... namespace)",
                          file=str(path))
    v = f"{int(m.group(1))}.{int(m.group(2))}"
    if v not in ("4.0", "4.1", "5.0", "5.1", "5.2", "5.3", "5.4", "6.0", "6.1"):
        raise SourceError(f"XPlanGML version {v} is not supported (4.1, 5.x, 6.0)", file=str(path), value=v)
    return v


def file_crs(path: Path) -> str | None:
    """The EPSG code of the plan's first ``srsName`` (EPSG in any spelling, AdV URNs such as
    ``urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH`` or ``urn:adv:crs:DE_DHDN_3GK3``, which GDAL does not know);
    None when the file has no srsName. An srsName no rule knows is a SourceError naming it."""
    name = srs_name_of(_head(path, _gml_member(path)))
    if name is None:
        return None
    try:
        return parse_crs(name).horizontal
    except CrsNameError as exc:
        raise SourceError(f"srsName is not a CRS this reader knows ({exc}); declare 'crs' on the source in "
                          "dataset.yml", file=str(path), field="srsName", value=name) from None


def _open(path: Path, settings: Settings) -> str:
    return gdal_path(path, settings, _gml_member(path))


_MEMBER = re.compile(rb"<(?:\w+:)?(?:featureMember|member)\b[^>]*>\s*<\w+:(\w+)")


def _layers(gpath: str, path: Path) -> list[str]:
    """Feature classes in document order, found by scanning the member elements (GDAL's
    ``list_layers`` cannot be told not to write a ``.gfs`` file next to a plain GML)."""
    member = _gml_member(path)
    if member is None:
        data = path.read_bytes()
    else:
        with zipfile.ZipFile(path) as zf:
            data = zf.read(member)
    names = list(dict.fromkeys(m.decode() for m in _MEMBER.findall(data)))
    if not names:
        raise SourceError("XPlanGML holds no feature members", file=str(path))
    return names


def _value(v: Any) -> Any:
    if v is None or (isinstance(v, float) and np.isnan(v)):
        return None
    if isinstance(v, np.ndarray):
        return [_value(x) for x in v.tolist()]
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (np.floating,)):
        return float(v)
    if isinstance(v, (pd.Timestamp,)):
        return v.isoformat()
    return v


@lru_cache(maxsize=16)
def _plan_info_cached(path_s: str, mtime: float, max_bytes: int) -> dict[str, Any]:
    path = Path(path_s)
    settings = Settings(limits={"max_source_bytes": max_bytes})  # type: ignore[arg-type]
    gpath = _open(path, settings)
    layers = _layers(gpath, path)
    plans = [n for n in layers if n in PLAN_CLASSES]
    if not plans:
        raise SourceError("XPlanGML holds no plan object (BP_Plan, FP_Plan, SO_Plan, RP_Plan or LP_Plan)",
                          file=str(path))
    cls = plans[0]
    df = pyogrio.read_dataframe(gpath, layer=cls, on_invalid="ignore", **OPEN_OPTS)
    if len(df) != 1:
        raise SourceError(f"XPlanGML holds {len(df)} {cls} objects; one plan per file is supported",
                          file=str(path), field=cls)
    rec = {k: _value(v) for k, v in df.drop(columns="geometry").iloc[0].items()}
    geom = df.geometry.iloc[0]
    bereiche = []
    for b in (n for n in layers if n.endswith("_Bereich")):
        bd = pyogrio.read_dataframe(gpath, layer=b, read_geometry=False, **OPEN_OPTS)
        bereiche += [{k: _value(v) for k, v in r.items()} for r in bd.to_dict("records")]
    problem = None
    if geom is None or geom.is_empty:
        # GDAL returns no geometry for a broken ring: name the defect, not "no Geltungsbereich"
        pid = str(rec.get("gml_id") or "")
        problem = diagnose_geometries(path, {pid}).get(pid) if pid else None
    bezug = _number(rec.get("bezugshoehe"))
    return {"class": cls, "version": xplan_version(path), "attributes": rec, "bezugshoehe": bezug,
            "geometry_wkb": None if geom is None else shapely.to_wkb(geom), "geometry_problem": problem,
            "crs": _plan_crs(path, df), "bereiche": bereiche,
            "references": external_references(path, cls)}


def _plan_crs(path: Path, df: gpd.GeoDataFrame) -> str | None:
    try:
        return file_crs(path) or (df.crs.to_string() if df.crs else None)
    except SourceError:
        return df.crs.to_string() if df.crs else None


REF_FIELDS = ("art", "referenzName", "referenzURL", "typ", "datum", "beschreibung")


def external_references(path: Path, plan_class: str) -> list[dict[str, str]]:
    """The plan object's ``externeReferenz`` entries (plan PDF, scan, Begründung …): name, URL, type code
    and date as text; the plan's own element only (parsed without entities or network)."""
    from lxml import etree
    member = _gml_member(path)
    fh = zipfile.ZipFile(path).open(member) if member else open(path, "rb")  # noqa: SIM115
    refs: list[dict[str, str]] = []
    try:
        ctx = xmlguard.iterparse(fh, str(path), events=("end",))
        for _, el in ctx:
            if etree.QName(el).localname != plan_class:
                if el.getparent() is not None and el.getparent().getparent() is None:
                    el.clear()     # a finished feature member that is not the plan
                continue
            for ext in el:
                if etree.QName(ext).localname != "externeReferenz":
                    continue
                for ref in ext:
                    vals = {etree.QName(c).localname: (c.text or "").strip() for c in ref}
                    vals = {k: v for k, v in vals.items() if k in REF_FIELDS and v}
                    if vals.get("referenzURL") or vals.get("referenzName"):
                        refs.append(vals)
            break
    except etree.XMLSyntaxError as exc:
        LOGGER.warning("%s: XML error while reading the plan's external references: %s", path, exc)
    finally:
        fh.close()
    return refs


def plan_info(path: Path, settings: Settings) -> dict[str, Any]:
    """The plan object (``BP_Plan``…): class, XPlanung version, attributes, Geltungsbereich, Bereiche."""
    info = dict(_plan_info_cached(str(path), path.stat().st_mtime, settings.limits.max_source_bytes))
    wkb = info.pop("geometry_wkb")
    info["geometry"] = None if wkb is None else shapely.from_wkb(wkb)
    return info


class XPlanOptions(Options):
    """Options of the ``xplan`` reader."""

    layer: str | None = Field(default=None, examples=["BP_BaugebietsTeilFlaeche,BP_UeberbaubareGrundstuecksFlaeche"],
                              description="comma-separated XPlanung classes to read; default: every "
                              "Fachobjekt class of the plan")


class XPlanReader(Reader):
    """XPlanGML 4.1, 5.x, 6.0 (a zipped XPlanArchiv or a plain .gml): all Fachobjekte of one plan."""

    Options = XPlanOptions

    def read(self, path: Path, source: Source, dataset: Dataset, settings: Settings,
             options: XPlanOptions) -> Iterator[gpd.GeoDataFrame]:
        return _read(path, source, settings, options)


XPLAN_READER = XPlanReader()
read_xplan = XPLAN_READER  # the callable form: read_xplan(path, source, dataset, settings)


def _read(path: Path, source: Source, settings: Settings, options: XPlanOptions) -> Iterator[gpd.GeoDataFrame]:
    """All Fachobjekte of one plan as one GeoDataFrame (plans are small: thousands of objects)."""
    version = xplan_version(path)
    gpath = _open(path, settings)
    layers = [n for n in _layers(gpath, path)
              if n[:3] in ("BP_", "FP_", "SO_", "RP_", "LP_") and not n.endswith(SKIP_SUFFIX)]
    if options.layer:
        wanted = {n.strip() for n in options.layer.split(",")}
        layers = [n for n in layers if n in wanted]
    frames = []
    gdal_crs = None
    heights = hoehenangaben(path)
    komplex = komplexe_codes(path) if version.startswith("6") else {}
    for name in layers:
        try:
            df = pyogrio.read_dataframe(gpath, layer=name, on_invalid="ignore", **OPEN_OPTS)
        except Exception as exc:  # noqa: BLE001 - GDAL raises many kinds for broken GML
            raise SourceError(f"GDAL failed reading layer {name}: {str(exc).strip()[:300]}", file=str(path),
                              field=name) from None
        if len(df) == 0 or "geometry" not in df:
            continue
        gdal_crs = gdal_crs or (df.crs.to_string() if df.crs else None)
        extra = [c for c in df.columns if c not in COMMON and c != "geometry" and not c.endswith("_uom")
                 and c not in HOEHE_NUM + HOEHE_TEXT]
        attrs = [json.dumps(_with_komplex({c: _value(r[c]) for c in extra if _value(r[c]) is not None},
                                          komplex.get(str(fid))), ensure_ascii=False, default=str)
                 for fid, r in zip(df["gml_id"], df[extra].to_dict("records"), strict=True)] if extra \
            else [json.dumps(_with_komplex({}, komplex.get(str(fid))), ensure_ascii=False) for fid in df["gml_id"]]
        frames.append(gpd.GeoDataFrame({
            "key": df["gml_id"].astype(str).to_numpy(),
            "xplan_class": name,
            "ebene": pd.to_numeric(df.get("ebene", pd.Series([0] * len(df))), errors="coerce").fillna(0)
                       .astype(int).to_numpy(),
            "flaechenschluss": df.get("flaechenschluss", pd.Series([None] * len(df))).map(_bool).to_numpy(),
            "rechtscharakter": df.get("rechtscharakter", pd.Series([None] * len(df))).map(_code).to_numpy(),
            "attributes": attrs,
            **{col: _dimension(df, keys) for col, keys in DIMENSIONS.items()},
            "hoehenangabe": [json.dumps(heights.get(str(k), []), ensure_ascii=False) for k in df["gml_id"]],
        }, geometry=df.geometry.to_numpy(), crs=df.crs))
    if not frames:
        raise SourceError("XPlanGML holds no Fachobjekte (BP_/FP_/SO_/RP_/LP_ objects)", file=str(path))
    crs = source.crs or file_crs(path) or gdal_crs
    if not crs:
        raise SourceError("the plan declares no CRS (srsName) and dataset.yml gives none", file=str(path),
                          field="crs")
    frames = [f.set_crs(crs, allow_override=True) for f in frames]
    gdf = gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), geometry="geometry", crs=crs)
    n = len(gdf)
    issues: list[list[str]] = [[] for _ in range(n)]
    missing = np.flatnonzero(shapely.is_missing(gdf.geometry.to_numpy()))
    if len(missing):
        why = diagnose_geometries(path, {gdf["key"].iat[i] for i in missing})
        for i in missing:
            k = gdf["key"].iat[i]
            issues[i].append(f"rejected: {gdf['xplan_class'].iat[i]} {k}: geometry unreadable — "
                             f"{why.get(k, 'GDAL could not build it (invalid GML geometry)')}")
    gdf["_row"] = [f"{c} {k}" for c, k in zip(gdf["xplan_class"], gdf["key"], strict=False)]
    gdf["_issues"] = issues
    gdf["_file"] = path.name
    yield gdf


def _bool(v: Any) -> bool | None:
    v = _value(v)
    if v is None:
        return None
    if isinstance(v, str):
        return v.strip().lower() in ("true", "1")
    return bool(v)


def _code(v: Any) -> str | None:
    v = _value(v)
    if v is None:
        return None
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v)


def _number(v: Any) -> float | None:
    """A positive finite number or None (a list, as GDAL returns repeated elements, gives its first)."""
    v = _value(v)
    if isinstance(v, list):
        v = v[0] if v else None
    try:
        f = float(v)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return f if np.isfinite(f) else None


def _dimension(df: pd.DataFrame, keys: tuple[str, ...]) -> np.ndarray:
    """The first of ``keys`` the object sets, as float (NaN: not set)."""
    out = np.full(len(df), np.nan)
    for k in reversed(keys):
        if k in df.columns:
            vals = np.array([np.nan if (x := _number(v)) is None else x for v in df[k]], dtype=float)
            out = np.where(np.isnan(vals), out, vals)
    return out


def _with_komplex(attrs: dict[str, Any], codes: dict[str, list[str]] | None) -> dict[str, Any]:
    """6.x: the nested purpose codes under their property name, GDAL's flattened ``allgemein`` dropped."""
    if not codes:
        return attrs
    attrs.pop("allgemein", None)
    for prop, vals in codes.items():
        attrs[prop] = vals[0] if len(vals) == 1 else vals
    return attrs


def komplexe_codes(path: Path) -> dict[str, dict[str, list[str]]]:
    """gml:id -> {property: [code, …]} for the XPlanung 6.x ``*_KomplexeZweckbest*`` / ``*_KomplexeSondernutzung``
    data types of each Fachobjekt (their ``allgemein`` code), in document order."""
    from lxml import etree
    member = _gml_member(path)
    gml_id = "{http://www.opengis.net/gml/3.2}id"
    out: dict[str, dict[str, list[str]]] = {}
    fh = zipfile.ZipFile(path).open(member) if member else open(path, "rb")  # noqa: SIM115
    try:
        for _, el in xmlguard.iterparse(fh, str(path), events=("end",)):
            if "Komplexe" not in etree.QName(el).localname:
                if el.getparent() is not None and el.getparent().getparent() is None:
                    el.clear()     # a finished feature member
                continue
            prop = el.getparent()
            owner = prop.getparent() if prop is not None else None
            fid = owner.get(gml_id) if owner is not None else None
            code = next(((c.text or "").strip() for c in el if etree.QName(c).localname == "allgemein"), "")
            if fid and code:
                out.setdefault(fid, {}).setdefault(etree.QName(prop).localname, []).append(code)
    except etree.XMLSyntaxError as exc:
        LOGGER.warning("%s: XML error while reading the purposes (Zweckbestimmung): %s", path, exc)
    finally:
        fh.close()
    return out


def hoehenangaben(path: Path) -> dict[str, list[dict[str, Any]]]:
    """gml:id -> every ``hoehenangabe/XP_Hoehenangabe`` of that Fachobjekt, in document order: numbers
    (metres, ``uom`` other than m is converted for cm/dm/km) for ``h``, ``hMin``, ``hMax``, ``hZwingend``,
    code text for ``hoehenbezug``/``bezugspunkt`` and the free-text ``abweichender...`` fields."""
    from lxml import etree
    member = _gml_member(path)
    gml_id = "{http://www.opengis.net/gml/3.2}id"
    scale = {"m": 1.0, "cm": 0.01, "dm": 0.1, "km": 1000.0}
    out: dict[str, list[dict[str, Any]]] = {}
    fh = zipfile.ZipFile(path).open(member) if member else open(path, "rb")  # noqa: SIM115
    try:
        for _, el in xmlguard.iterparse(fh, str(path), events=("end",)):
            if etree.QName(el).localname != "XP_Hoehenangabe":
                if el.getparent() is not None and el.getparent().getparent() is None:
                    el.clear()     # a finished feature member
                continue
            owner = el.getparent().getparent() if el.getparent() is not None else None
            fid = owner.get(gml_id) if owner is not None else None
            if not fid:
                continue
            rec: dict[str, Any] = {}
            for c in el:
                name = etree.QName(c).localname
                text = (c.text or "").strip()
                if name in HOEHE_NUM and (num := _number(text)) is not None:
                    rec[name] = round(num * scale.get(c.get("uom", "m"), 1.0), 6)
                elif name in HOEHE_TEXT and text:
                    rec[name] = text
            if rec:
                out.setdefault(fid, []).append(rec)
    except etree.XMLSyntaxError as exc:
        LOGGER.warning("%s: XML error while reading hoehenangabe: %s", path, exc)
    finally:
        fh.close()
    return out


def diagnose_geometries(path: Path, ids: set[str], limit: int = 200) -> dict[str, str]:
    """Name the defect of geometries GDAL could not build: unclosed rings, too few points."""
    from lxml import etree
    out: dict[str, str] = {}
    member = _gml_member(path)
    gml_id = "{http://www.opengis.net/gml/3.2}id"
    fh = zipfile.ZipFile(path).open(member) if member else open(path, "rb")  # noqa: SIM115
    try:
        ctx = xmlguard.iterparse(fh, str(path), events=("end",))
        for _, el in ctx:
            gid = el.get(gml_id)
            if gid in ids and gid not in out:
                out[gid] = _ring_problem(el) or "GDAL could not build it (invalid GML geometry)"
                if len(out) >= min(len(ids), limit):
                    break
            if el.getparent() is not None and el.getparent().getparent() is None:
                el.clear()
    except etree.XMLSyntaxError as exc:
        LOGGER.warning("%s: XML error while diagnosing geometries: %s", path, exc)
    finally:
        fh.close()
    return out


def _ring_problem(el) -> str | None:
    for ring in el.iter("{http://www.opengis.net/gml/3.2}LinearRing"):
        pl = ring.find("{http://www.opengis.net/gml/3.2}posList")
        if pl is None or not pl.text:
            continue
        vals = pl.text.split()
        dim = int(pl.get("srsDimension", "2"))
        if len(vals) < 4 * dim:
            return f"a ring has only {len(vals) // dim} points (at least 4 needed)"
        first, last = vals[:dim], vals[-dim:]
        if first != last:
            return (f"a ring is not closed (first point {' '.join(first)}, last point {' '.join(last)}); "
                    "fix the source plan so the ring ends where it starts")
    return None
