"""Playgrounds -> INSPIRE LU/ELU ``ExistingLandUseObject`` (elu 4.0), HILUCS 3_4_4_OpenAirRecreationalAreas.

Two source formats share this mapper (see docs/formats.md):

* OpenStreetMap ``leisure=playground`` extracts (polygons; ways that OSM tools exported as LineStrings
  are closed when their ends meet within ``ring_tolerance_m`` and rejected with a reason otherwise);
* the municipal *Spielplatzkataster* template (name, age group, equipment items with their last
  DIN EN 1176-7 main inspection date). Equipment and inspections have no INSPIRE target: they stay in
  the source view, the INSPIRE view carries land use only.

Every object references one ``ExistingLandUseDataSet``, written after the last object (``gml_tail``)
with the envelope of all objects as extent and an ``elu:member`` reference per object.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any, ClassVar

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pydantic import Field, PositiveFloat
from pyproj import Transformer

from core.config import Source
from core.plugins import Options

from ..localid import local_ids
from .base import CODELIST, Mapper, gml_id, xml_escape

HILUCS = f"{CODELIST}/HILUCSValue/3_4_4_OpenAirRecreationalAreas"
SPECIFIC = "https://registry.gdi-de.org/codelist/de.xleitstelle.inspire_plu/LandUse/3_28_4_Spielplatz"
UNPOPULATED = f"{CODELIST}/VoidReasonValue/Unpopulated"
UNKNOWN = f"{CODELIST}/VoidReasonValue/Unknown"
AGE_GROUPS = {"kleinkinder": "Kleinkinder (0-6)", "kinder": "Kinder (6-12)", "jugendliche": "Jugendliche (12-18)",
              "alle": "alle Altersgruppen", "": ""}
INSPECTION_INTERVAL_DAYS = 365  # DIN EN 1176-7: annual main inspection
_ITEM = re.compile(r"^\s*(?P<name>[^=]+?)\s*(?:=\s*(?P<date>[^=]*?)\s*)?$")


def parse_date(raw: str) -> date | None:
    """ISO ``2024-05-03`` or German ``03.05.2024``; None when empty; ValueError when unreadable."""
    s = raw.strip()
    if not s:
        return None
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.strptime(s, fmt).date()
        except ValueError:
            pass
    raise ValueError(s)


NAME_KEYS = ("name", "geraet", "gerät", "bezeichnung", "typ", "type")
DATE_KEYS = ("pruefung", "prüfung", "pruefdatum", "prüfdatum", "inspection", "inspektion", "datum", "date",
             "letzte_pruefung", "hauptpruefung")


class NestedEquipmentError(ValueError):
    """Equipment given as JSON whose items this check cannot read (no name / date keys it knows)."""


def _parse_json_equipment(raw: str) -> tuple[list[tuple[str, date | None]], list[str]]:
    """``[{"name": "Rutsche", "pruefung": "2024-05-01"}, …]`` (nested JSON from GeoJSON) -> items, problems."""
    import json
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise NestedEquipmentError("not valid JSON") from exc
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise NestedEquipmentError(f"JSON {type(data).__name__}, expected a list of objects")
    items: list[tuple[str, date | None]] = []
    problems: list[str] = []
    for obj in data:
        if isinstance(obj, str):
            items.append((obj, None))
            continue
        if not isinstance(obj, dict):
            raise NestedEquipmentError(f"item {obj!r} is not an object")
        low = {str(k).lower(): v for k, v in obj.items()}
        name = next((str(low[k]) for k in NAME_KEYS if low.get(k) not in (None, "")), None)
        if name is None:
            raise NestedEquipmentError(f"item {json.dumps(obj, ensure_ascii=False)} has no name key "
                                       f"({', '.join(NAME_KEYS)})")
        when = next((str(low[k]) for k in DATE_KEYS if low.get(k) not in (None, "")), "")
        try:
            items.append((name, parse_date(when)))
        except ValueError:
            problems.append(f"{name}={when}")
            items.append((name, None))
    return items, problems


def parse_equipment(raw: str) -> tuple[list[tuple[str, date | None]], list[str]]:
    """``Doppelschaukel=2024-04-12 | Rutsche=12.04.2024 | Sandkasten`` -> items and problems; a JSON array of
    objects (nested GeoJSON properties) is read by its name and date keys (:func:`_parse_json_equipment`)."""
    if raw.lstrip().startswith(("[", "{")):
        return _parse_json_equipment(raw)
    items: list[tuple[str, date | None]] = []
    problems: list[str] = []
    for part in [p for p in raw.split("|") if p.strip()]:
        m = _ITEM.match(part)
        if not m:
            problems.append(part.strip())
            continue
        try:
            items.append((m.group("name"), parse_date(m.group("date") or "")))
        except ValueError:
            problems.append(part.strip())
            items.append((m.group("name"), None))
    return items, problems


def as_multi(geoms: np.ndarray) -> np.ndarray:
    """Polygons -> one-part MultiPolygons, so a GeoPackage layer has ONE geometry type whatever the
    first chunk held (GML writes MultiSurface either way)."""
    geoms = np.asarray(geoms, dtype=object).copy()
    idx = np.flatnonzero(shapely.get_type_id(geoms) == 3)
    if len(idx):
        geoms[idx] = shapely.multipolygons(geoms[idx], indices=np.arange(len(idx)))
    return geoms


class PlaygroundsOptions(Options):
    """Options of the ``elu_playgrounds`` mapper."""

    ring_tolerance_m: float = Field(
        default=0.5, ge=0, description="a LineString whose ends lie at most this far apart (metres, in "
        "EPSG:25832) is closed to a polygon; farther apart it is rejected")
    observation_date: date | None = Field(
        default=None, examples=["2020-09-14"], description="observation date of records whose "
        "`observation_date` field is empty (e.g. the date of an OpenStreetMap extract)")
    point_radius_m: PositiveFloat | None = Field(
        default=None, examples=[10], description="publish a playground given as a point as a circle of this "
        "radius (metres); flagged in the report. Default: points are rejected (ELU needs an area)")
    point_area_field: str | None = Field(
        default=None, examples=["flaeche_qm"], description="source column with the playground's area in m²: a "
        "point becomes a circle of that area (flagged); where the value is missing or not a positive number, "
        "`point_radius_m` is used if set, else the record is rejected")


class PlaygroundsMapper(Mapper):
    """Playgrounds (OpenStreetMap or the municipal Spielplatzkataster) -> INSPIRE ELU ExistingLandUseObject,
    HILUCS 3_4_4; equipment and DIN EN 1176 inspections stay in the source view."""

    pure_members = True  # members may be encoded on a dask cluster (transforms.distributed)

    Options = PlaygroundsOptions
    options: PlaygroundsOptions
    feature_type = "ExistingLandUseObject"
    collection = "existinglanduseobject"
    gml_prefix = "ELU"
    gml_geometry = "MultiSurface"
    namespaces: ClassVar[dict[str, str]] = {
        "elu": "http://inspire.ec.europa.eu/schemas/elu/4.0",
        "base": "http://inspire.ec.europa.eu/schemas/base/3.3",
    }
    schema_locations: ClassVar[dict[str, str]] = {"http://inspire.ec.europa.eu/schemas/elu/4.0":
                        "https://inspire.ec.europa.eu/schemas/elu/4.0/ExistingLandUse.xsd"}
    geometry_types = ("Polygon", "MultiPolygon")
    queryables: ClassVar[dict[str, str]] = {"name": "string", "age_group": "string"}

    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self.ring_tolerance = self.options.ring_tolerance_m
        obs = self.options.observation_date
        self.default_observation = obs.isoformat() if obs else ""
        self.dataset_local_id = f"ELUDS_{self.dataset.id}"
        self.members: list[str] = []
        self.extent = np.array([np.inf, np.inf, -np.inf, -np.inf])
        self.closed_rings = 0
        self.overdue = 0
        self.points_as_circles = 0

    # -- prepare -------------------------------------------------------------------------------
    def prepare(self, gdf: gpd.GeoDataFrame, source: Source) -> gpd.GeoDataFrame:
        self.note_crs(gdf)
        out = gpd.GeoDataFrame({"_row": gdf["_row"], "_issues": gdf["_issues"], "_file": gdf["_file"]},
                               geometry=gdf.geometry.copy(), crs=gdf.crs)
        key = self.field(gdf, source, "key")
        qual = self.field(gdf, source, "key_qualifier")
        out["key"] = np.where(qual.ne("") & key.ne(""), qual + "-" + key, key)
        out["name"] = self.field(gdf, source, "name")
        issues = out["_issues"]
        ages = self.field(gdf, source, "age_group")
        age_col = source.fields.get("age_group", "age_group")
        labels = []
        for i, a in enumerate(ages):
            lab = AGE_GROUPS.get(a.lower().split(" ")[0].rstrip(","))
            if lab is None:
                issues.iat[i].append(f"flagged: field '{age_col}' value {a!r} is not an age group of the template "
                                     f"({', '.join(k for k in AGE_GROUPS if k)}); kept as given")
                lab = a
            labels.append(lab)
        out["age_group"] = labels
        out["observation_date"] = self._dates(gdf, source, "observation_date", out["_issues"])
        self._equipment(gdf, source, out)
        self._close_lines(out)
        self._points_to_circles(gdf, out)
        return out

    def _points_to_circles(self, gdf: gpd.GeoDataFrame, out: gpd.GeoDataFrame) -> None:
        """Point playgrounds (common in open data) -> circles (options ``point_radius_m`` /
        ``point_area_field``), each flagged; without those options they are rejected with a hint."""
        geoms = out.geometry.to_numpy()
        pts = np.flatnonzero(np.isin(shapely.get_type_id(geoms), [0, 4]))
        if not len(pts):
            return
        opts = self.options
        area_col = opts.point_area_field
        areas = (pd.to_numeric(gdf[area_col].astype(str).str.replace(",", ".", regex=False), errors="coerce")
                 .to_numpy() if area_col and area_col in gdf else np.full(len(gdf), np.nan))
        geoms = geoms.copy()
        tr_in = gpd.GeoSeries(geoms[pts], crs=out.crs).to_crs("EPSG:25832").to_numpy()
        circles: list[Any] = []
        for j, i in enumerate(pts):
            a = areas[i]
            if area_col and np.isfinite(a) and a > 0:
                r = float(np.sqrt(a / np.pi))
                why = f"a circle of {a:g} m² (options.point_area_field '{area_col}', radius {r:.1f} m)"
            elif opts.point_radius_m:
                r = float(opts.point_radius_m)
                why = f"a circle of radius {r:g} m (options.point_radius_m)"
                if area_col:
                    why += f"; field '{area_col}' value {str(gdf[area_col].iat[i])!r} is not an area"
            else:
                out["_issues"].iat[i].append(
                    "rejected: playground is a point; ELU needs an area — set options.point_radius_m or "
                    "options.point_area_field to publish points as circles")
                circles.append(None)
                continue
            circles.append(shapely.buffer(tr_in[j], r, quad_segs=16))
            self.points_as_circles += 1
            out["_issues"].iat[i].append(f"flagged: point published as {why}; the real outline is unknown")
        done = [k for k, c in enumerate(circles) if c is not None]
        if done:
            back = gpd.GeoSeries([circles[k] for k in done], crs="EPSG:25832").to_crs(out.crs).to_numpy()
            for k, g in zip(done, back, strict=True):
                geoms[pts[k]] = g
        out.geometry = gpd.GeoSeries(geoms, index=out.index, crs=out.crs)

    def _dates(self, gdf, source: Source, name: str, issues) -> list[str | None]:
        raw = self.field(gdf, source, name)
        col = source.fields.get(name, name)
        vals: list[str | None] = []
        for i, r in enumerate(raw):
            try:
                d = parse_date(r)
            except ValueError:
                issues.iat[i].append(f"repaired: field '{col}' value {r!r} is not a date (YYYY-MM-DD or "
                                     "DD.MM.YYYY); left empty")
                d = None
            vals.append(d.isoformat() if d else (self.default_observation or None))
        return vals

    def _equipment(self, gdf, source: Source, out: gpd.GeoDataFrame) -> None:
        raw = self.field(gdf, source, "equipment")
        col = source.fields.get("equipment", "equipment")
        today = self.run_time.date()
        texts: list[str] = []
        counts: list[int] = []
        oldest: list[str | None] = []
        overdue: list[bool] = []
        for i, r in enumerate(raw):
            try:
                items, problems = parse_equipment(r)
            except NestedEquipmentError as exc:
                out["_issues"].iat[i].append(f"flagged: field '{col}' holds nested JSON the inspection check "
                                             f"cannot read ({exc}); kept as JSON text, inspections not checked")
                items, problems = [], []
                texts.append(r)
                counts.append(0)
                oldest.append(None)
                overdue.append(False)
                continue
            for p in problems:
                out["_issues"].iat[i].append(f"flagged: field '{col}' item {p!r} has no readable inspection date "
                                             "(expected Gerät=YYYY-MM-DD)")
            dates = [d for _, d in items if d]
            old = min(dates) if dates else None
            late = [n for n, d in items if d is None or (today - d).days > INSPECTION_INTERVAL_DAYS]
            if items and late:
                self.overdue += 1
                out["_issues"].iat[i].append(f"flagged: DIN EN 1176-7 main inspection overdue or missing for "
                                             f"{', '.join(late)}")
            texts.append(" | ".join(f"{n}={d.isoformat() if d else ''}" for n, d in items))
            counts.append(len(items))
            oldest.append(old.isoformat() if old else None)
            overdue.append(bool(items) and bool(late))
        out["equipment"] = texts
        out["equipment_count"] = counts
        out["oldest_inspection"] = oldest
        out["inspection_overdue"] = overdue

    def _close_lines(self, out: gpd.GeoDataFrame) -> None:
        """LineStrings whose ends meet are polygons in all but name: close them. Others are rejected;
        when open lines of this chunk together polygonize, the reason names the partners."""
        geoms = out.geometry.to_numpy().copy()
        is_line = shapely.get_type_id(geoms) == 1
        if not is_line.any():
            return
        idx = np.flatnonzero(is_line)
        tr = Transformer.from_crs(out.crs, "EPSG:25832", always_xy=True) if out.crs else None
        open_idx = []
        for i in idx:
            c = np.asarray(geoms[i].coords)
            (x0, y0), (x1, y1) = c[0, :2], c[-1, :2]
            if tr is not None:
                (x0, x1), (y0, y1) = tr.transform([x0, x1], [y0, y1])
            gap = float(np.hypot(x1 - x0, y1 - y0))
            if gap <= self.ring_tolerance and len(c) >= 3:
                poly = shapely.Polygon(np.vstack([c, c[:1]]) if gap > 0 else c)
                geoms[i] = poly
                self.closed_rings += 1
                out["_issues"].iat[i].append(f"repaired: LineString is a ring in all but name (ends {gap:.2f} m "
                                             "apart); closed to a polygon")
            else:
                open_idx.append((i, gap))
        if open_idx:
            lines = [geoms[i] for i, _ in open_idx]
            merged = shapely.line_merge(shapely.union_all(lines))
            rings = [g for g in getattr(merged, "geoms", [merged]) if g.is_ring]
            for i, gap in open_idx:
                partners = [out["key"].iat[j] for j, _ in open_idx
                            if j != i and any(r.covers(geoms[j]) and r.covers(geoms[i]) for r in rings)]
                hint = (f"; together with {', '.join(partners)} it forms a closed outline (probably the outer "
                        "ways of a multipolygon relation: fix the source)") if partners else ""
                out["_issues"].iat[i].append(f"rejected: LineString is not a ring (its ends are {gap:.1f} m "
                                             f"apart){hint}")
        out.geometry = gpd.GeoSeries(geoms, index=out.index, crs=out.crs)

    # -- views ---------------------------------------------------------------------------------
    def inspire_view(self, gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
        n = len(gdf)
        b = gdf.total_bounds
        self.extent = np.array([min(self.extent[0], b[0]), min(self.extent[1], b[1]),
                                max(self.extent[2], b[2]), max(self.extent[3], b[3])])
        self.members.extend(gdf["key"].tolist())
        begin = gdf["beginLifespanVersion"] if "beginLifespanVersion" in gdf else pd.Series([self.run_time_iso] * n)
        return gpd.GeoDataFrame({
            "localId": local_ids(gdf["key"]).to_numpy(),
            "inspireId": (self.namespace + "/" + local_ids(gdf["key"])).to_numpy(),
            "hilucsLandUse": [HILUCS] * n,
            "specificLandUse": [SPECIFIC] * n,
            "observationDate": gdf["observation_date"].to_numpy(),
            "beginLifespanVersion": np.asarray(begin),
            "dataset": [f"{self.namespace}/{self.dataset_local_id}"] * n,
        }, geometry=as_multi(gdf.geometry.to_numpy()), crs=gdf.crs)

    def source_view(self, gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
        cols = {k: gdf[k].to_numpy() for k in ("key", "name", "age_group", "observation_date", "equipment",
                                                "equipment_count", "oldest_inspection", "inspection_overdue")}
        cols["inspireId"] = (self.namespace + "/" + local_ids(gdf["key"])).to_numpy()
        return gpd.GeoDataFrame(cols, geometry=as_multi(gdf.geometry.to_numpy()), crs=gdf.crs)

    # -- GML -----------------------------------------------------------------------------------
    def _identifier(self, lid: str) -> str:
        return (f"<elu:inspireId><base:Identifier><base:localId>{xml_escape(lid)}</base:localId>"
                f"<base:namespace>{xml_escape(self.namespace)}</base:namespace></base:Identifier></elu:inspireId>")

    def gml_member(self, rec: dict, geom_gml: str) -> str:
        lid = str(rec["localId"])
        if rec.get("_kind") == "dataset":
            return self._dataset_member(rec, geom_gml)
        obs = rec.get("observationDate")
        obs_xml = (f"<elu:observationDate>{xml_escape(obs)}</elu:observationDate>" if obs else
                   f'<elu:observationDate xsi:nil="true" nilReason="{UNKNOWN}"/>')
        end = rec.get("endLifespanVersion")
        return (
            f'<wfs:member><elu:ExistingLandUseObject gml:id="{gml_id(self.gml_prefix, lid)}">'
            f"{self._identifier(lid)}"
            f"<elu:beginLifespanVersion>{rec['beginLifespanVersion']}</elu:beginLifespanVersion>"
            f"<elu:geometry>{geom_gml}</elu:geometry>"
            + (f"<elu:endLifespanVersion>{end}</elu:endLifespanVersion>" if end else "")
            + f'<elu:hilucsLandUse xlink:href="{HILUCS}"/>'
            f'<elu:hilucsPresence xsi:nil="true" nilReason="{UNPOPULATED}"/>'
            f'<elu:specificLandUse xlink:href="{SPECIFIC}"/>'
            f'<elu:specificPresence xsi:nil="true" nilReason="{UNPOPULATED}"/>'
            f"{obs_xml}"
            f'<elu:dataset xlink:href="#{self.dataset_local_id}"/>'
            "</elu:ExistingLandUseObject></wfs:member>\n")

    def _dataset_member(self, rec: dict, geom_gml: str) -> str:
        refs = "".join(f'<elu:member xlink:href="#{gml_id(self.gml_prefix, m)}"/>' for m in self.members)
        return (
            f'<wfs:member><elu:ExistingLandUseDataSet gml:id="{self.dataset_local_id}">'
            f"{self._identifier(self.dataset_local_id)}"
            f"<elu:extent>{geom_gml}</elu:extent>"
            f"<elu:beginLifespanVersion>{self.run_time_iso}</elu:beginLifespanVersion>"
            f"<elu:name>{xml_escape(self.dataset.title.de)}</elu:name>"
            f"{refs}</elu:ExistingLandUseDataSet></wfs:member>\n")

    def gml_tail(self) -> gpd.GeoDataFrame:
        """The ExistingLandUseDataSet, written once after all objects (its extent needs them all)."""
        if not np.all(np.isfinite(self.extent)):
            return gpd.GeoDataFrame({"localId": []}, geometry=[], crs="EPSG:25832")
        box = shapely.box(*self.extent)
        return gpd.GeoDataFrame({"localId": [self.dataset_local_id], "_kind": ["dataset"]},
                                geometry=[box], crs="EPSG:25832")

    def report_extra(self) -> dict:
        return {**self.stats, "lines_closed_to_polygons": self.closed_rings,
                "playgrounds_with_overdue_inspection": self.overdue, "points_published_as_circles":
                self.points_as_circles}
