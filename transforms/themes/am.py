"""Altlastenkataster -> INSPIRE AM ``ManagementRestrictionOrRegulationZone`` (am 4.0),
zoneType ``restrictedZonesAroundContaminatedSites``, environmentalDomain ``soil``.

Contaminated-site data are sensitive (owners, former business, remarks). One mapper, two views chosen by
``options.view`` in dataset.yml:

* ``public`` (default): zone geometry and status only; sites whose status is listed in
  ``options.exclude_status`` (default: "Verdacht ausgeräumt") are not published at all;
* ``full``: everything, for a dataset marked ``access: restricted`` (served to staff only).

Point sources (e.g. map symbols of a Flächennutzungsplan) have no area: they become a circular zone of
``options.point_buffer_m`` metres (default 50) and every such record is flagged in the report.
"""
from __future__ import annotations

from difflib import get_close_matches
from typing import Any, ClassVar, Literal

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pydantic import Field, PositiveFloat, ValidationInfo, field_validator, model_validator

from core.config import Source
from core.plugins import Options

from ..localid import local_ids
from .base import CODELIST, Mapper, gml_id, xml_escape
from .elu import as_multi, parse_date

ZONE_TYPE = f"{CODELIST}/ZoneTypeCode/restrictedZonesAroundContaminatedSites"
DOMAIN = f"{CODELIST}/EnvironmentalDomain/soil"
ROLE_AUTHORITY = f"{CODELIST}/RelatedPartyRoleValue/authority"
UNPOPULATED = f"{CODELIST}/VoidReasonValue/Unpopulated"
STATUS_REGISTER = "https://registry.gdi-de.org/codelist/de.ni.hildesheim/AltlastStatus"
# canonical status code -> (German label, accepted spellings)
STATUS: dict[str, tuple[str, tuple[str, ...]]] = {
    "altlastverdaechtigeFlaeche": ("Altlastverdachtsfläche", ("altlastverdachtsfläche", "altlastverdachtsflaeche",
                                   "altlastverdächtige fläche", "verdachtsfläche", "avf")),
    "altlast": ("Altlast", ("altlast",)),
    "saniert": ("saniert", ("saniert", "altlast saniert")),
    "verdachtAusgeraeumt": ("Verdacht ausgeräumt", ("verdacht ausgeräumt", "verdacht ausgeraeumt")),
}
_STATUS_LOOKUP = {s: code for code, (_, spell) in STATUS.items() for s in spell}
LEGISLATION: dict[str, dict[str, str]] = {
    "BBodSchG": {"name": "Bundes-Bodenschutzgesetz (BBodSchG)", "date": "1998-03-17",
                 "link": "https://www.gesetze-im-internet.de/bbodschg/", "level": "national"},
    "NBodSchG": {"name": "Niedersächsisches Bodenschutzgesetz (NBodSchG)", "date": "1999-02-19",
                 "link": "", "level": "sub-national"},
    "BbgAbfBodG": {"name": "Brandenburgisches Abfall- und Bodenschutzgesetz (BbgAbfBodG)", "date": "1997-06-06",
                   "link": "", "level": "sub-national"},
}
DEFAULT_AUTHORITY = "Stadt Hildesheim, Untere Bodenschutzbehörde"
PUBLIC_COLUMNS = ("key", "status", "status_label")
FULL_COLUMNS = (*PUBLIC_COLUMNS, "site_name", "branch", "former_use", "owner", "remarks", "designation_date",
                "authority", "area_m2", "geometry_origin")


def status_code(raw: str) -> str | None:
    return _STATUS_LOOKUP.get(" ".join(raw.strip().lower().split()))


def _known_status(v: list[str] | None) -> list[str] | None:
    for s in v or []:
        if status_code(s) is None:
            raise ValueError(f"unknown status {s!r}; valid: {', '.join(lab for lab, _ in STATUS.values())}")
    return v


def _known_laws(v: list[str] | None) -> list[str] | None:
    for k in v or []:
        if k not in LEGISLATION:
            raise ValueError(f"unknown legislation {k!r}; known: {', '.join(LEGISLATION)}")
    return v


class SourceDefaults(Options):
    """Values for the records of one source file that has no such column."""

    status: str | None = Field(default=None, description="status of every record (e.g. Altlastverdachtsfläche)")
    authority: str | None = Field(default=None, description="competent authority of these sites")
    legal_basis: list[str] | None = Field(default=None, description="legislation keys (see `legal_basis`)")

    @field_validator("status")
    @classmethod
    def _status_ok(cls, v: str | None) -> str | None:
        _known_status([v] if v else None)
        return v

    @field_validator("legal_basis")
    @classmethod
    def _laws_ok(cls, v: list[str] | None) -> list[str] | None:
        return _known_laws(v)


class ContaminatedSitesOptions(Options):
    """Options of the ``am_contaminated_sites`` mapper."""

    view: Literal["public", "full"] = Field(
        default="public", description="`public`: zone geometry and status only, statuses in `exclude_status` "
        "left out; `full`: every attribute and status, for an `access: restricted` dataset")
    exclude_status: list[str] | None = Field(
        default=None, examples=[["Verdacht ausgeräumt"]], description="statuses not published at all; "
        "default: `[Verdacht ausgeräumt]` in the public view, none in the full view")
    point_buffer_m: PositiveFloat = Field(
        default=50, description="radius in metres of the circular zone a point source (map symbol) becomes")
    identifier_scheme: str = Field(default="Altlastenkataster Stadt Hildesheim",
                                   description="identifierScheme of the thematicId (the cadastre number)")
    authority: str = Field(default=DEFAULT_AUTHORITY, description="competentAuthority of the zones")
    legal_basis: list[str] = Field(
        default=["BBodSchG", "NBodSchG"], description=f"legislation keys written as legalBasis; known: "
        f"{', '.join(LEGISLATION)}")
    source_defaults: dict[str, SourceDefaults] = Field(
        default_factory=dict, examples=[{"fnp_kennzeichnung.geojson": {
            "status": "Altlastverdachtsfläche", "legal_basis": ["BBodSchG", "BbgAbfBodG"]}}],
        description="per source (key: the source's `path` as written in `sources`): status, authority and "
        "legal basis for records without such a column")

    @field_validator("exclude_status")
    @classmethod
    def _status_ok(cls, v: list[str] | None) -> list[str] | None:
        return _known_status(v)

    @field_validator("legal_basis")
    @classmethod
    def _laws_ok(cls, v: list[str]) -> list[str]:
        return _known_laws(v) or []

    @field_validator("source_defaults")
    @classmethod
    def _sources_exist(cls, v: dict[str, SourceDefaults], info: ValidationInfo) -> dict[str, SourceDefaults]:
        ds = (info.context or {}).get("dataset")
        if ds is None:  # validated without its dataset (e.g. in a unit test): nothing to compare with
            return v
        paths: list[str] = [s.path for s in ds.sources]
        for key in v:
            if key not in paths:
                close = get_close_matches(key, paths, n=1)
                hint = f"did you mean {close[0]!r}?" if close else f"the sources are: {', '.join(paths)}"
                raise ValueError(f"{key!r} is not the path of a source of this dataset; {hint}")
        return v

    @model_validator(mode="after")
    def _default_exclusion(self) -> ContaminatedSitesOptions:
        if self.exclude_status is None:
            self.exclude_status = ["Verdacht ausgeräumt"] if self.view == "public" else []
        return self


class ContaminatedSitesMapper(Mapper):
    """Altlastenkataster -> INSPIRE AM ManagementRestrictionOrRegulationZone, zoneType
    restrictedZonesAroundContaminatedSites: a public view (geometry and status) or a full view for staff;
    point symbols become circular zones."""

    pure_members = True  # members may be encoded on a dask cluster (transforms.distributed)

    Options = ContaminatedSitesOptions
    options: ContaminatedSitesOptions
    feature_type = "ManagementRestrictionOrRegulationZone"
    collection = "managementrestrictionorregulationzone"
    gml_prefix = "AM"
    gml_geometry = "MultiSurface"
    namespaces: ClassVar[dict[str, str]] = {
        "am": "http://inspire.ec.europa.eu/schemas/am/4.0",
        "base": "http://inspire.ec.europa.eu/schemas/base/3.3",
        "base2": "http://inspire.ec.europa.eu/schemas/base2/2.0",
        "gmd": "http://www.isotc211.org/2005/gmd",
        "gco": "http://www.isotc211.org/2005/gco",
    }
    schema_locations: ClassVar[dict[str, str]] = {
        "http://inspire.ec.europa.eu/schemas/am/4.0":
        "https://inspire.ec.europa.eu/schemas/am/4.0/AreaManagementRestrictionRegulationZone.xsd"}
    geometry_types = ("Polygon", "MultiPolygon")
    queryables: ClassVar[dict[str, str]] = {"status": "string"}

    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        opts = self.options
        self.view = opts.view
        self.exclude = {status_code(s) or s for s in opts.exclude_status or []}
        self.buffer_m = float(opts.point_buffer_m)
        self.scheme = opts.identifier_scheme
        self.per_source = opts.source_defaults
        self.authority = opts.authority
        self.legal = list(opts.legal_basis)
        self.buffered = 0

    def prepare(self, gdf: gpd.GeoDataFrame, source: Source) -> gpd.GeoDataFrame:
        self.note_crs(gdf)
        defaults = self.per_source.get(source.path) or SourceDefaults()
        out = gpd.GeoDataFrame({"_row": gdf["_row"], "_issues": gdf["_issues"], "_file": gdf["_file"]},
                               geometry=gdf.geometry.copy(), crs=gdf.crs)
        issues = out["_issues"]
        out["key"] = self.field(gdf, source, "key")
        raw = self.field(gdf, source, "status")
        if "status" not in source.fields:
            raw = pd.Series([defaults.status or ""] * len(gdf), index=gdf.index)
        col = source.fields.get("status", "status")
        codes = []
        for i, r in enumerate(raw):
            code = status_code(r)
            if code is None:
                issues.iat[i].append(f"rejected: field '{col}' value {r!r} is not a status of the Altlastenkataster "
                                     f"({', '.join(lab for lab, _ in STATUS.values())})")
            elif code in self.exclude:
                issues.iat[i].append(f"rejected: status {STATUS[code][0]!r} is not published in this view "
                                     "(options.exclude_status)")
            codes.append(code or "")
        out["status"] = codes
        out["status_label"] = [STATUS[c][0] if c else "" for c in codes]
        for name in ("site_name", "branch", "former_use", "owner", "remarks"):
            out[name] = self.field(gdf, source, name).replace("", None)
        dates = []
        dcol = source.fields.get("designation_date", "designation_date")
        for i, r in enumerate(self.field(gdf, source, "designation_date")):
            try:
                d = parse_date(r)
            except ValueError:
                issues.iat[i].append(f"repaired: field '{dcol}' value {r!r} is not a date; left empty")
                d = None
            dates.append(d.isoformat() if d else None)
        out["designation_date"] = dates
        out["authority"] = defaults.authority or self.authority
        out["legal_basis"] = ",".join(defaults.legal_basis if defaults.legal_basis is not None else self.legal)
        self._points_to_zones(out)
        return out

    def _points_to_zones(self, out: gpd.GeoDataFrame) -> None:
        geoms = out.geometry.to_numpy()
        pts = np.isin(shapely.get_type_id(geoms), [0, 4])
        out["geometry_origin"] = np.where(pts, f"point buffered {self.buffer_m:g} m", "polygon")
        if not pts.any():
            return
        sel = gpd.GeoSeries(geoms[pts], crs=out.crs).to_crs("EPSG:25832").buffer(self.buffer_m, 16)
        geoms = geoms.copy()
        geoms[pts] = sel.to_crs(out.crs).to_numpy()
        out.geometry = gpd.GeoSeries(geoms, index=out.index, crs=out.crs)
        self.buffered += int(pts.sum())
        for i in np.flatnonzero(pts):
            out["_issues"].iat[i].append(f"flagged: point symbol mapped to a circular zone of radius "
                                         f"{self.buffer_m:g} m (options.point_buffer_m); the real extent of "
                                         "the site is unknown")

    def inspire_view(self, gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
        n = len(gdf)
        begin = gdf["beginLifespanVersion"] if "beginLifespanVersion" in gdf else pd.Series([self.run_time_iso] * n)
        return gpd.GeoDataFrame({
            "localId": local_ids(gdf["key"]).to_numpy(),
            "inspireId": (self.namespace + "/" + local_ids(gdf["key"])).to_numpy(),
            "zoneType": [ZONE_TYPE] * n,
            "specialisedZoneType": [f"{STATUS_REGISTER}/{c}" for c in gdf["status"]],
            "status": gdf["status_label"].to_numpy(),
            "environmentalDomain": [DOMAIN] * n,
            "designationPeriodBegin": gdf["designation_date"].to_numpy() if self.view == "full" else [None] * n,
            "competentAuthority": gdf["authority"].to_numpy(),
            "legalBasis": gdf["legal_basis"].to_numpy(),
            "beginLifespanVersion": np.asarray(begin),
        }, geometry=as_multi(gdf.geometry.to_numpy()), crs=gdf.crs)

    def source_view(self, gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
        cols = PUBLIC_COLUMNS if self.view == "public" else FULL_COLUMNS
        data: dict[str, Any] = {}
        for c in cols:
            data[c] = gdf.geometry.area.round(1).to_numpy() if c == "area_m2" else gdf[c].to_numpy()
        data["inspireId"] = (self.namespace + "/" + local_ids(gdf["key"])).to_numpy()
        return gpd.GeoDataFrame(data, geometry=as_multi(gdf.geometry.to_numpy()), crs=gdf.crs)

    # -- GML -----------------------------------------------------------------------------------
    def _legal(self, keys: str, gid: str) -> str:
        out = []
        for j, k in enumerate([k for k in keys.split(",") if k.strip()]):
            lg = LEGISLATION.get(k.strip())
            if lg is None:
                continue
            link = (f"<base2:link>{xml_escape(lg['link'])}</base2:link>" if lg["link"] else
                    f'<base2:link xsi:nil="true" nilReason="{UNPOPULATED}"/>')
            out.append(
                f'<am:legalBasis><base2:LegislationCitation gml:id="{gid}-lb{j + 1}">'
                f"<base2:name>{xml_escape(lg['name'])}</base2:name>"
                f"<base2:date><gmd:CI_Date><gmd:date><gco:Date>{lg['date']}</gco:Date></gmd:date>"
                "<gmd:dateType><gmd:CI_DateTypeCode codeList=\"http://standards.iso.org/iso/19139/resources/"
                'gmxCodelists.xml#CI_DateTypeCode" codeListValue="publication">publication</gmd:CI_DateTypeCode>'
                "</gmd:dateType></gmd:CI_Date></base2:date>"
                f"{link}"
                f'<base2:level xlink:href="{CODELIST}/LegislationLevelValue/{lg["level"]}"/>'
                "</base2:LegislationCitation></am:legalBasis>")
        return "".join(out) or f'<am:legalBasis xsi:nil="true" nilReason="{UNPOPULATED}"/>'

    def gml_member(self, rec: dict, geom_gml: str) -> str:
        lid = str(rec["localId"])
        gid = gml_id(self.gml_prefix, lid)
        begin = rec.get("designationPeriodBegin")
        period = (f'<am:designationPeriod><gml:TimePeriod gml:id="{gid}-dp"><gml:beginPosition>{begin}'
                  '</gml:beginPosition><gml:endPosition indeterminatePosition="unknown"/></gml:TimePeriod>'
                  "</am:designationPeriod>" if begin else
                  f'<am:designationPeriod xsi:nil="true" nilReason="{UNPOPULATED}"/>')
        auth = rec.get("competentAuthority")
        authority = (f"<am:competentAuthority><base2:RelatedParty><base2:organisationName><gco:CharacterString>"
                     f"{xml_escape(auth)}</gco:CharacterString></base2:organisationName>"
                     f'<base2:role xlink:href="{ROLE_AUTHORITY}"/></base2:RelatedParty></am:competentAuthority>'
                     if auth else f'<am:competentAuthority xsi:nil="true" nilReason="{UNPOPULATED}"/>')
        end = rec.get("endLifespanVersion")
        return (
            f'<wfs:member><am:ManagementRestrictionOrRegulationZone gml:id="{gid}">'
            f"<am:inspireId><base:Identifier><base:localId>{xml_escape(lid)}</base:localId>"
            f"<base:namespace>{xml_escape(self.namespace)}</base:namespace></base:Identifier></am:inspireId>"
            f"<am:thematicId><base2:ThematicIdentifier><base2:identifier>{xml_escape(lid)}</base2:identifier>"
            f"<base2:identifierScheme>{xml_escape(self.scheme)}</base2:identifierScheme></base2:ThematicIdentifier>"
            f"</am:thematicId>"
            f"<am:geometry>{geom_gml}</am:geometry>"
            f'<am:zoneType xlink:href="{ZONE_TYPE}"/>'
            f'<am:specialisedZoneType xlink:href="{xml_escape(rec["specialisedZoneType"])}"/>'
            f"{period}"
            f'<am:environmentalDomain xlink:href="{DOMAIN}"/>'
            f"{authority}"
            f"<am:beginLifespanVersion>{rec['beginLifespanVersion']}</am:beginLifespanVersion>"
            + (f"<am:endLifespanVersion>{end}</am:endLifespanVersion>" if end else "")
            + self._legal(str(rec.get("legalBasis") or ""), gid)
            + "</am:ManagementRestrictionOrRegulationZone></wfs:member>\n")

    def report_extra(self) -> dict:
        return {**self.stats, "view": self.view, "excluded_status": sorted(self.exclude),
                "points_buffered": self.buffered, "point_buffer_m": self.buffer_m}
