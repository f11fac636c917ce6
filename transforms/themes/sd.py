"""Baumkataster -> INSPIRE SD ``SpeciesDistributionUnit`` (sd 4.0), one unit per tree.

Species identifiers: ``species_de.csv`` maps botanical names to EU-Nomen GUIDs. An entry carries a GUID
only when it was verified against a citable source (column ``source``). Every other species gets an
honest fallback: a resolvable EU-Nomen *name search* URI, and is listed in the report as unverified.
"""
from __future__ import annotations

import csv
import re
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import ClassVar, Literal
from urllib.parse import quote_plus

import geopandas as gpd
import numpy as np
import pandas as pd
from pydantic import Field

from core.config import Source
from core.plugins import Options

from ..localid import local_ids
from . import sd_measured
from .base import CODELIST, Mapper, gml_id, xml_escape

SPECIES_TABLE = Path(__file__).with_name("species_de.csv")
EUNOMEN_TAXON = "http://www.eu-nomen.eu/portal/taxon.php?GUID={guid}"
EUNOMEN_SEARCH = "http://www.eu-nomen.eu/portal/search.php?search=simp&txt_Search={name}"
NO_TREE = {"standort ohne baum", "baumstandort ohne baum", "ohne baum"}
UNKNOWN = {"", "unbekannt", "unknown", "biotopbaum", "?"}
_CULTIVAR = re.compile(r"^(?P<name>[^']+?)\s*'(?P<cv>.+)'\s*$")
MIN_PLANTING_YEAR = 1700  # older street trees exist but are recorded with estimated age, not a year


@lru_cache(maxsize=4)
def load_species_table(path: Path = SPECIES_TABLE) -> dict[str, dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return {row["botanical_name"].strip(): row for row in csv.DictReader(fh) if row.get("botanical_name")}


def normalise_botanical(raw: str) -> tuple[str, str | None, str]:
    """'Crataegus laevigata 'Paul's Scarlet' ' -> ('Crataegus laevigata', "Paul's Scarlet", 'species');
    'Sorbus spec.' -> ('Sorbus', None, 'genus'); trailing '*' markers are dropped."""
    s = raw.strip().rstrip("*").strip()
    cv = None
    m = _CULTIVAR.match(s)
    if m:
        s, cv = m.group("name").strip(), m.group("cv").strip()
    s = re.sub(r"\s+", " ", s)
    for suffix in (" spec.", " spp.", " sp.", " spec"):
        if s.lower().endswith(suffix):
            return s[: -len(suffix)].strip(), cv, "genus"
    return s, cv, "species"


NON_TREE_DEFAULT = ["Bestandsfläche", "waldartiger Bestand", "Baumgruppe"]


class TreesOptions(Options):
    """Options of the ``sd_trees`` mapper (the source's ``fields`` say where species, planting year and sizes
    are)."""

    non_tree_values: list[str] = Field(
        default_factory=lambda: list(NON_TREE_DEFAULT), examples=[NON_TREE_DEFAULT],
        description="species values (botanical or German name, case-insensitive) that describe no single tree: "
        "stands, groups, wooded areas. What happens to such records: `non_tree_action`")
    non_tree_action: Literal["reject", "flag"] = Field(
        default="reject", description="`reject`: such records are not published (reason in the report); "
        "`flag`: published as given and flagged in the report")
    measurements: str | None = Field(
        default=None, min_length=1, examples=["{var}/pointcloud/trees/tree_metrics.gpkg"],
        description="measured heights and crowns from a laser scan: the `tree_metrics.gpkg` table(s) `gdi "
        "pointcloud trees` writes; a path or glob, relative to the dataset folder, absolute, or below the var "
        "dir with `{var}`. Joined by tree key (the table's `id`) into the source view as `height_measured_m`, "
        "`crown_measured_m`, `measured_on`, `measurement_source`, `measurement_quality` (NULL for trees "
        "without a measured height); not in the INSPIRE view (SD has no place for them). A missing or "
        "malformed table fails the run (the previous publication stays); see docs/pointcloud.md")


class TreesMapper(Mapper):
    """Baumkataster -> INSPIRE SD SpeciesDistributionUnit (sd 4.0), one unit per tree; planting year,
    height, trunk circumference and crown diameter stay in the source view."""

    pure_members = True  # members may be encoded on a dask cluster (transforms.distributed)

    Options = TreesOptions
    feature_type = "SpeciesDistributionUnit"
    collection = "speciesdistributionunit"
    gml_prefix = "SDU"
    namespaces: ClassVar[dict[str, str]] = {
        "sd": "http://inspire.ec.europa.eu/schemas/sd/4.0",
        "base": "http://inspire.ec.europa.eu/schemas/base/3.3",
    }
    schema_locations: ClassVar[dict[str, str]] = {"http://inspire.ec.europa.eu/schemas/sd/4.0":
                        "https://inspire.ec.europa.eu/schemas/sd/4.0/SpeciesDistribution.xsd"}
    geometry_types = ("Point",)
    # empty in every row of a version without measurements: such a row hashes as if the columns were absent
    # (transforms.lifecycle), so switching measurements on does not make every unmeasured tree "changed"
    optional_columns: ClassVar[tuple[str, ...]] = sd_measured.MEASURED_COLUMNS
    source_fields = ("key", "site_no", "species_botanical", "species_german", "planting_year", "height_m",
                     "trunk_circumference_cm", "crown_diameter_m", "stem_count", "location_name", "district")

    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self.table = load_species_table()
        self.unverified: dict[str, int] = {}
        self.unknown: dict[str, int] = {}
        self.non_trees: dict[str, int] = {}
        self.measurements: sd_measured.Measurements | None = None

    @classmethod
    def input_files(cls, dataset, settings) -> list[Path]:
        """Files read besides the sources (the measurements tables): ``gdi etl --changed`` hashes them."""
        opts: TreesOptions = cls.options_for(dataset)  # type: ignore[assignment]
        if not opts.measurements:
            return []
        return sd_measured.resolve(opts.measurements, dataset.folder or Path("."), settings.var_dir)[1]

    def _measured(self) -> sd_measured.Measurements | None:
        """The measurements tables, read at the first chunk (inside the run: a broken table fails the run
        with its report, and the previous publication stays)."""
        opts: TreesOptions = self.options  # type: ignore[assignment]
        if opts.measurements and self.measurements is None:
            self.measurements = sd_measured.load(opts.measurements, self.dataset.folder or Path("."),
                                                 self.settings.var_dir)
        return self.measurements

    def prepare(self, gdf: gpd.GeoDataFrame, source: Source) -> gpd.GeoDataFrame:
        self.note_crs(gdf)
        out = gpd.GeoDataFrame({"_row": gdf["_row"], "_issues": gdf["_issues"], "_file": gdf["_file"]},
                               geometry=gdf.geometry, crs=gdf.crs)
        out["key"] = self.field(gdf, source, "key")
        out["site_no"] = self.field(gdf, source, "site_no")
        bot = self.field(gdf, source, "species_botanical")
        out["species_german"] = self.field(gdf, source, "species_german")
        this_year = datetime.now(UTC).year
        out["planting_year"] = self.number(gdf, source, "planting_year", lo=MIN_PLANTING_YEAR, hi=this_year,
                                           what=f"planting year before {MIN_PLANTING_YEAR} or in the future")
        out["height_m"] = self.number(gdf, source, "height_m", lo=0, hi=80, what="tree height outside 0..80 m")
        out["trunk_circumference_cm"] = self.number(gdf, source, "trunk_circumference_cm", lo=0, hi=2000)
        out["crown_diameter_m"] = self.number(gdf, source, "crown_diameter_m", lo=0, hi=50)
        out["stem_count"] = self.number(gdf, source, "stem_count", lo=0, hi=50)
        out["location_name"] = self.field(gdf, source, "location_name")
        out["district"] = self.field(gdf, source, "district")
        meas = self._measured()
        if meas is not None:
            joined = meas.join(out["key"])
            for c in sd_measured.MEASURED_COLUMNS:
                out[c] = joined[c]
            if meas.notes:
                for i, k in enumerate(out["key"].tolist()):
                    if k in meas.notes:
                        out["_issues"].iat[i].extend(meas.notes[k])
        # resolve each distinct species text once (a million trees have a few hundred species)
        resolved = {raw: self._resolve(raw) for raw in bot.unique()}
        issues = out["_issues"].tolist()
        names, cvs, ranks, ids, verified = [], [], [], [], []
        for i, raw in enumerate(bot.tolist()):
            name, cv, rank, ident, ok, note = resolved[raw]
            if note:
                issues[i].append(note)
                if note.startswith("flagged"):
                    self.unknown[raw or "(empty)"] = self.unknown.get(raw or "(empty)", 0) + 1
            elif not ok:
                self.unverified[name] = self.unverified.get(name, 0) + 1
            names.append(name)
            cvs.append(cv)
            ranks.append(rank)
            ids.append(ident)
            verified.append(ok)
        self._non_trees(gdf, source, bot, issues)
        out["species_botanical"] = bot
        out["reference_name"] = names
        out["cultivar"] = cvs
        out["rank"] = ranks
        out["reference_id"] = ids
        out["reference_verified"] = verified
        return out

    def _non_trees(self, gdf: gpd.GeoDataFrame, source: Source, bot: pd.Series, issues: list[list[str]]) -> None:
        """Values of ``options.non_tree_values`` in the botanical or German species field: rejected or flagged."""
        opts: TreesOptions = self.options  # type: ignore[assignment]
        bad = {" ".join(v.split()).casefold() for v in opts.non_tree_values}
        if not bad:
            return
        ger = self.field(gdf, source, "species_german")
        for name, col in (("species_botanical", bot), ("species_german", ger)):
            label = source.fields.get(name, name)
            hits = col.map(lambda v: " ".join(str(v).split()).casefold() in bad).to_numpy()
            for i in np.flatnonzero(hits):
                v = col.iat[i]
                if opts.non_tree_action == "reject":
                    issues[i].append(f"rejected: not a single tree: field '{label}' value {v!r} is listed in "
                                     "options.non_tree_values")
                else:
                    issues[i].append(f"flagged: field '{label}' value {v!r} is listed in options.non_tree_values "
                                     "(no single tree); published as given")
                self.non_trees[str(v)] = self.non_trees.get(str(v), 0) + 1

    def _resolve(self, raw: str) -> tuple[str, str | None, str, str, bool, str | None]:
        """(reference name, cultivar, rank, reference id, verified, note) for one species text."""
        low = raw.strip().rstrip("*").strip().lower()
        if low in NO_TREE:
            return "", None, "", "", False, f"rejected: no tree at this site (species field {raw!r})"
        if low in UNKNOWN:
            return ("Plantae", None, "kingdom", EUNOMEN_SEARCH.format(name="Plantae"), False,
                    f"flagged: species unknown ({raw!r}); published as Plantae")
        name, cv, rank = normalise_botanical(raw)
        entry = self.table.get(name)
        if entry and entry.get("eunomen_guid"):
            return name, cv, rank, EUNOMEN_TAXON.format(guid=entry["eunomen_guid"]), True, None
        return name, cv, rank, EUNOMEN_SEARCH.format(name=quote_plus(name)), False, None

    def inspire_view(self, gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
        # columns stay pandas Series (Arrow-backed strings): converting to numpy object arrays and back
        # costs more than the mapping itself on a million trees
        local = gdf["species_german"].where(gdf["cultivar"].isna(),
                                            gdf["species_german"] + " '" + gdf["cultivar"].fillna("") + "'")
        begin = gdf.get("beginLifespanVersion", self.run_time_iso)
        lid = local_ids(gdf["key"])  # INSPIRE's localId characters; the source key stays in the source view
        return gpd.GeoDataFrame({
            "localId": lid,
            "inspireId": self.namespace + "/" + lid,
            "referenceSpeciesId": gdf["reference_id"],
            "referenceSpeciesScheme": f"{CODELIST}/ReferenceSpeciesSchemeValue/eunomen",
            "referenceSpeciesName": gdf["reference_name"],
            "localSpeciesName": local.where(local != "", None),
            "occurrenceCategory": f"{CODELIST}/OccurrenceCategoryValue/present",
            "populationSize": 1,
            "beginLifespanVersion": begin,
        }, geometry=gdf.geometry, crs=gdf.crs)

    def source_view(self, gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
        cols = {k: gdf[k] for k in ("key", "site_no", "species_botanical", "species_german")}
        cols.update({
            "planting_year": gdf["planting_year"].round().astype("Int32"),
            "height_m": gdf["height_m"],
            "trunk_circumference_cm": gdf["trunk_circumference_cm"],
            "crown_diameter_m": gdf["crown_diameter_m"],
            **{c: gdf[c] for c in sd_measured.MEASURED_COLUMNS if c in gdf.columns},
            "stem_count": gdf["stem_count"].round().astype("Int32"),
            "location_name": gdf["location_name"],
            "district": gdf["district"],
            "inspireId": self.namespace + "/" + local_ids(gdf["key"]),
        })
        return gpd.GeoDataFrame(cols, geometry=gdf.geometry, crs=gdf.crs)

    def gml_member(self, rec: dict, geom_gml: str) -> str:
        lid = rec["localId"]
        gid = gml_id(self.gml_prefix, lid)
        local = rec.get("localSpeciesName")
        local_xml = f"<sd:localSpeciesName>{xml_escape(local)}</sd:localSpeciesName>" if local else ""
        return (
            f'<wfs:member><sd:SpeciesDistributionUnit gml:id="{gid}">'
            f"<sd:inspireId><base:Identifier><base:localId>{xml_escape(lid)}</base:localId>"
            f"<base:namespace>{xml_escape(self.namespace)}</base:namespace></base:Identifier></sd:inspireId>"
            f"<sd:geometry>{geom_gml}</sd:geometry>"
            f"<sd:speciesName><sd:SpeciesNameType>"
            f'<sd:referenceSpeciesId xlink:href="{xml_escape(rec["referenceSpeciesId"])}"/>'
            f'<sd:referenceSpeciesScheme xlink:href="{CODELIST}/ReferenceSpeciesSchemeValue/eunomen"/>'
            f"<sd:referenceSpeciesName>{xml_escape(rec['referenceSpeciesName'])}</sd:referenceSpeciesName>"
            f"{local_xml}</sd:SpeciesNameType></sd:speciesName>"
            f"<sd:distributionInfo><sd:DistributionInfoType>"
            f'<sd:occurrenceCategory xlink:href="{CODELIST}/OccurrenceCategoryValue/present"/>'
            f"<sd:populationSize><sd:PopulationSizeType>"
            f'<sd:countingMethod xlink:href="{CODELIST}/CountingMethodValue/counted"/>'
            f'<sd:countingUnit xlink:href="{CODELIST}/CountingUnitValue/individuals"/>'
            f"<sd:populationSize><sd:RangeType><sd:upperBound>1</sd:upperBound><sd:lowerBound>1</sd:lowerBound>"
            f"</sd:RangeType></sd:populationSize></sd:PopulationSizeType></sd:populationSize>"
            f'<sd:collectedFrom xsi:nil="true" nilReason="{CODELIST}/VoidReasonValue/Unpopulated"/>'
            f'<sd:collectedTo xsi:nil="true" nilReason="{CODELIST}/VoidReasonValue/Unpopulated"/>'
            f"</sd:DistributionInfoType></sd:distributionInfo>"
            f"<sd:beginLifespanVersion>{rec['beginLifespanVersion']}</sd:beginLifespanVersion>"
            + (f"<sd:endLifespanVersion>{rec['endLifespanVersion']}</sd:endLifespanVersion>"
               if rec.get("endLifespanVersion") else "")
            + "</sd:SpeciesDistributionUnit></wfs:member>\n"
        )

    def report_extra(self) -> dict:
        return {**self.stats, "species_unverified": dict(sorted(self.unverified.items())),
                "non_tree_values": dict(sorted(self.non_trees.items())),
                "species_unknown": dict(sorted(self.unknown.items())),
                **({"measurements": self.measurements.report()} if self.measurements is not None else {}),
                "species_note": "EU-Nomen identifiers are given only where verified against a citable "
                                "source (species_de.csv); the others use an EU-Nomen name-search URI."}
