"""Cartography of the WMS layers, kept in one place per INSPIRE theme.

Each theme has one ``ThemeStyle``: which attributes it needs (so the generator can pick the published
view that has them), the MapServer CLASSes as mappyfile dicts, the scale range, the label column and the
German/English labels used by GetFeatureInfo. The mapfile generator (``mapfile.py``) turns these into
LAYER blocks; nothing here knows about a particular dataset, so a new dataset of a known theme is styled
without code, and an unknown theme falls back to a style by geometry type.

All classes sit in the class group ``inspire_common:DEFAULT`` (INSPIRE TG View Services: every layer
offers that style).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

STYLE_NAME = "inspire_common:DEFAULT"

# readable labels for feature info (German first; English for LANGUAGE=eng is not needed by MapServer
# templates, which are per layer, so the HTML shows German, as the service's default language)
FIELD_LABELS: dict[str, str] = {
    "localId": "Lokale Kennung",
    "inspireId": "INSPIRE-Kennung",
    "key": "Schlüssel",
    "referenceSpeciesId": "Referenzart (URI)",
    "referenceSpeciesScheme": "Referenzliste",
    "referenceSpeciesName": "Art (Referenzname)",
    "localSpeciesName": "Art (deutsch)",
    "occurrenceCategory": "Vorkommen",
    "populationSize": "Anzahl",
    "beginLifespanVersion": "Version seit",
    "site_no": "Standortnummer",
    "species_botanical": "Art (botanisch)",
    "species_german": "Art",
    "planting_year": "Pflanzjahr",
    "height_m": "Höhe (m)",
    "trunk_circumference_cm": "Stammumfang (cm)",
    "crown_diameter_m": "Kronendurchmesser (m)",
    "height_measured_m": "Höhe gemessen (m)",
    "crown_measured_m": "Kronendurchmesser gemessen (m)",
    "measured_on": "Gemessen am",
    "measurement_source": "Messquelle",
    "measurement_quality": "Messgüte",
    "stem_count": "Anzahl Stämme",
    "location_name": "Standort",
    "district": "Bezirk",
    "name": "Name",
    "label": "Bezeichnung",
    "hilucsLandUse": "Flächennutzung (HILUCS)",
    "specificLandUse": "Spezifische Nutzung",
    "zoneType": "Zonentyp",
    "specialisedZoneType": "Spezieller Zonentyp",
    "environmentalDomain": "Umweltbereich",
    "legalBasis": "Rechtsgrundlage",
    "function_code": "Gebäudefunktion (Schlüssel)",
    "function_label": "Gebäudefunktion",
    "currentUse": "Aktuelle Nutzung",
    "numberOfFloorsAboveGround": "Geschosse",
    "storeys": "Geschosse",
    "height": "Höhe (m)",
    "roof_form": "Dachform",
    "hilucsValue": "Flächennutzung (HILUCS)",
    "regulationNature": "Rechtscharakter",
    "specificSupplementaryRegulation": "Festsetzung",
    "supplementaryRegulation": "Festsetzung",
    "plan_name": "Plan",
    "area_m2": "Fläche (m²)",
    "status": "Status",
    "status_label": "Status",
    "competentAuthority": "Zuständige Behörde",
    "designationPeriodBegin": "Festgesetzt seit",
    "observationDate": "Beobachtungsdatum",
    "dataset": "Datensatz",
    "xplanClass": "XPlanung-Klasse",
    "processStepGeneral": "Verfahrensstand",
    "plan": "Plan",
    "planTitle": "Plantitel",
    "GRZ": "Grundflächenzahl (GRZ)",
    "GFZ": "Geschossflächenzahl (GFZ)",
    "buildingNature": "Gebäudeart",
    "heightAboveGround": "Höhe über Grund (m)",
    "heightStatus": "Höhenangabe",
    "conditionOfConstruction": "Bauzustand",
    "height_status": "Höhenangabe",
    "ridge_height_m": "Firsthöhe (m)",
    "eaves_height_m": "Traufhöhe (m)",
    "ground_height_m": "Geländehöhe (m)",
    "address": "Adresse",
    "roof_form_label": "Dachform",
    "object_class": "Objektart (Schlüssel)",
    "age_group": "Altersgruppe",
    "observation_date": "Beobachtungsdatum",
    "equipment": "Ausstattung",
    "equipment_count": "Anzahl Spielgeräte",
    "oldest_inspection": "Älteste Prüfung",
    "inspection_overdue": "Prüfung überfällig",
    "xplan_class": "XPlanung-Klasse",
    "ebene": "Ebene",
    "rechtscharakter": "Rechtscharakter",
    "attributes": "Attribute",
    "flaechenschluss": "Flächenschluss",
    "site_name": "Standortname",
    "branch": "Branche",
    "former_use": "Frühere Nutzung",
    "owner": "Eigentümer",
    "remarks": "Bemerkungen",
    "designation_date": "Festgesetzt am",
    "authority": "Behörde",
    "geometry_origin": "Herkunft der Geometrie",
    "count": "Anzahl in der Zelle (je Hektar)",
    "cell_m": "Zellgröße (m)",
}


def label_for(column: str) -> str:
    """A German label for GetFeatureInfo; an unknown camelCase or snake_case name becomes words
    ("competentAuthority" -> "Competent authority", never "Competentauthority")."""
    if column in FIELD_LABELS or column.isupper():
        return FIELD_LABELS.get(column, column)
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", column).replace("_", " ").split()
    return " ".join(words).capitalize()


def _color(hex_: str) -> str:
    return hex_


def _style(**kw: Any) -> dict[str, Any]:
    return {"__type__": "style", **kw}


def _label(item_color: str = "#1a1a1a", size: int = 8) -> dict[str, Any]:
    return {"__type__": "label", "type": "truetype", "font": "sans", "size": size, "color": item_color,
            "minsize": size, "maxsize": size + 1,  # fixed pixel size even with SIZEUNITS meters
            "outlinecolor": "#ffffff", "outlinewidth": 2, "position": "auto", "partials": False,
            "mindistance": 80, "buffer": 2}


def _class(name: str, title: str, styles: list[dict], *, expression: str | None = None,
           maxscale: float | None = None, minscale: float | None = None,
           label: dict | None = None) -> dict[str, Any]:
    c: dict[str, Any] = {"__type__": "class", "name": name, "title": title, "group": STYLE_NAME,
                         "styles": styles}
    if expression:
        c["expression"] = expression
    if maxscale:
        c["maxscaledenom"] = maxscale
    if minscale:
        c["minscaledenom"] = minscale
    if label:
        c["labels"] = [label]
    return c


@dataclass
class ThemeStyle:
    """What the generator needs to draw one INSPIRE theme."""
    needs: tuple[str, ...] = ()          # columns the classes use; the view having them is drawn
    maxscale: float = 500_000            # layer invisible beyond 1:maxscale (absurd zoom-outs stay cheap)
    label_candidates: tuple[str, ...] = ()
    label_maxscale: float = 5_000
    sizeunits: str | None = None
    classitem: str | None = None
    label_item: str | None = None        # resolved by with_label() against the drawn view's columns
    classes: list[dict[str, Any]] = field(default_factory=list)


def _trees() -> ThemeStyle:
    # crown drawn to ground size (SIZEUNITS meters, SIZE = crown diameter) at street scale; plain dots
    # when zoomed out. MINSIZE keeps small/unknown crowns visible.
    crown = _style(symbol="circle", size="[crown_diameter_m]", minsize=4, maxsize=120,
                   color="#4c9a2a", opacity=70, outlinecolor="#1f5c12", width=0.3, minwidth=1, maxwidth=1.5)
    dot = _style(symbol="circle", size=1, minsize=3, maxsize=3, color="#2e7d32")
    return ThemeStyle(
        # no trees beyond 1:30,000: at city scale a million dots are a green blanket, not information
        needs=("crown_diameter_m",), maxscale=30_000, sizeunits="meters",
        label_candidates=("species_german", "localSpeciesName"), label_maxscale=1_500,
        classes=[
            _class("baum_krone", "Baum (Krone maßstäblich)", [crown], maxscale=5_000),
            _class("baum", "Baum", [dot], minscale=5_000),
        ])


def _trees_plain() -> ThemeStyle:
    """SD without crown diameters (a dataset whose views lack the column): dots at all scales."""
    dot = _style(symbol="circle", size=5, color="#2e7d32", outlinecolor="#ffffff", width=0.5)
    small = _style(symbol="circle", size=3, color="#2e7d32")
    return ThemeStyle(maxscale=30_000, label_candidates=("localSpeciesName", "species_german"),
                      label_maxscale=1_500, classes=[
                          _class("baum", "Baum", [dot], maxscale=5_000),
                          _class("baum_klein", "Baum (Übersicht)", [small], minscale=5_000)])


# the density grid of a large point dataset (services/wms/overview.py): features per hectare, light to dark
OVERVIEW_CLASSES = ((1, 5), (6, 20), (21, 50), (51, 100), (101, None))
OVERVIEW_OPACITY = 70  # per cent: the buildings and the base map beneath stay readable
OVERVIEW_RAMPS = {"sd": ("#e5f5e0", "#a1d99b", "#74c476", "#31a354", "#006d2c")}
OVERVIEW_DEFAULT_RAMP = ("#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c")
OVERVIEW_NOUNS = {"sd": ("Bäume", "trees")}


def overview_nouns(theme: str) -> tuple[str, str]:
    """What the grid counts, German and English ("Bäume", "trees"; "Objekte" for any other theme)."""
    return OVERVIEW_NOUNS.get(theme.lower(), ("Objekte", "features"))


def overview_style(theme: str, maxscale: float) -> ThemeStyle:
    """Five classes of ``count`` (features in a 100 m cell, i.e. per hectare) in the theme's colour ramp."""
    ramp = OVERVIEW_RAMPS.get(theme.lower(), OVERVIEW_DEFAULT_RAMP)
    noun = overview_nouns(theme)[0]
    classes = []
    for (lo, hi), color in zip(OVERVIEW_CLASSES, ramp, strict=True):
        expr = f"([count] >= {lo} AND [count] <= {hi})" if hi is not None else f"([count] >= {lo})"
        title = f"{lo}–{hi} {noun} je ha" if hi is not None else f"über {lo - 1} {noun} je ha"
        classes.append(_class(f"dichte_{lo}", title, [_style(color=color, opacity=OVERVIEW_OPACITY)],
                              expression=expr))
    return ThemeStyle(maxscale=maxscale, classes=classes)


def _polygons(fill: str, outline: str, title: str, labels: tuple[str, ...], *, opacity: int = 60,
              maxscale: float = 250_000) -> ThemeStyle:
    return ThemeStyle(maxscale=maxscale, label_candidates=labels, label_maxscale=10_000, classes=[
        _class("flaeche", title, [_style(color=fill, opacity=opacity),
                                  _style(outlinecolor=outline, width=1.2)])])


def _zoning() -> ThemeStyle:
    """PLU zoning elements by their HILUCS land use (required in every INSPIRE PLU ZoningElement, so any
    plan is classified, whatever its national codes), coloured after the German Planzeichenverordnung:
    residential red, industry grey, green and water, agriculture, services and community facilities
    orange, traffic and utilities yellow. First match wins (water before the natural areas it belongs to)."""
    def fill(name: str, title: str, color: str, outline: str, expr: str | None) -> dict:
        return _class(name, title, [_style(color=color, opacity=55), _style(outlinecolor=outline, width=1.0)],
                      expression=expr)
    h = "/HILUCSValue.{}/"  # the URI's path: .../codelist/HILUCSValue/5_1_... (no slash inside a MapServer regex)
    return ThemeStyle(
        needs=("hilucsLandUse",), maxscale=250_000, classitem="hilucsLandUse", label_candidates=("name", "label"),
        label_maxscale=10_000, classes=[
            fill("wohnen", "Wohnen", "#f4a3a3", "#c0392b", h.format("5_")),
            fill("gewerbe", "Gewerbe und Industrie", "#c8c8c8", "#606060", h.format("2_")),
            fill("wasser", "Wasserflächen", "#a6d4f2", "#2c7fb8", h.format("6_3_2")),
            fill("gruen", "Grün, Wald, Natur, Erholung", "#b5dd9c", "#3a7d2a", h.format("(3_4_4|6_3|1_2)")),
            fill("landwirtschaft", "Landwirtschaft", "#f3efb2", "#9a8f2a", h.format("1_")),
            fill("dienste", "Dienstleistung, Gemeinbedarf, Sondergebiete", "#f2c38c", "#b8651b", h.format("3_")),
            fill("verkehr", "Verkehr, Ver- und Entsorgung", "#fde38a", "#b08d00", h.format("4_")),
            fill("sonstige", "Sonstige Festsetzung", "#fde0ef", "#c51b7d", None),
        ])


def _buildings() -> ThemeStyle:
    # ALKIS Gebäudefunktion: 1xxx Wohnen, 2xxx Wirtschaft/Gewerbe, 3xxx öffentliche Zwecke
    def fill(name: str, title: str, color: str, expr: str | None) -> dict:
        # outlines only from 1:15,000 on: at city scale they are invisible and halve the rendering speed
        return _class(name, title, [_style(color=color),
                                    _style(outlinecolor="#5a4a3a", width=0.5, maxscaledenom=15_000)],
                      expression=expr)
    # CLASSITEM + regular expression: compiled once per class, not per feature as a logical
    # expression with ~ would be (a 10x difference at 100k buildings)
    regex = "/^(31001_)?{d}/"
    return ThemeStyle(
        needs=("function_code",), maxscale=100_000, classitem="function_code", label_candidates=("function_label",),
        label_maxscale=1_500, classes=[
            fill("wohnen", "Wohngebäude", "#f0c8a0", regex.format(d=1)),
            fill("gewerbe", "Wirtschaft und Gewerbe", "#c8a0d2", regex.format(d=2)),
            fill("oeffentlich", "Öffentliche Zwecke", "#e88a8a", regex.format(d=3)),
            fill("sonstige", "Sonstige Gebäude", "#c8c8c8", None),
        ])


def _buildings_plain() -> ThemeStyle:
    return _polygons("#d9c8b4", "#7a6a5a", "Gebäude", ("name",), opacity=100, maxscale=100_000)


def theme_style(theme: str, geometry: str, columns: set[str]) -> ThemeStyle:
    """The style of ``theme`` for a view with ``columns``; falls back by geometry type."""
    theme = theme.lower()
    if theme == "sd":
        st = _trees()
        return st if set(st.needs) <= columns else _trees_plain()
    if theme == "bu":
        st = _buildings()
        return st if set(st.needs) <= columns else _buildings_plain()
    if theme in ("lu", "elu"):
        return _polygons("#b5e3a1", "#3f8f2a", "Flächennutzung", ("name",))  # no URIs as labels
    if theme == "am":
        return _polygons("#f4a582", "#b2182b", "Zone um Altlast", ("name", "label"), opacity=50)
    if theme == "plu":
        st = _zoning()
        # supplementary regulations (no land use) lie over the zoning: outline and a faint tint, so the zoning's
        # colours stay readable beneath them
        return st if set(st.needs) <= columns else _polygons("#fde0ef", "#c51b7d", "Festsetzung", ("name", "label"),
                                                             opacity=15)
    return fallback_style(geometry)


def fallback_style(geometry: str) -> ThemeStyle:
    g = geometry.lower()
    if "point" in g:
        return ThemeStyle(classes=[_class("objekt", "Objekt", [_style(symbol="circle", size=6,
                                                                        color="#3366cc")])])
    if "line" in g or "curve" in g:
        return ThemeStyle(classes=[_class("objekt", "Objekt", [_style(color="#3366cc", width=2)])])
    return _polygons("#9ecae1", "#3182bd", "Objekt", ("name",))


def preferred_columns(theme: str) -> tuple[str, ...]:
    """Columns the full style of ``theme`` needs (used to choose between the INSPIRE and source view)."""
    theme = theme.lower()
    if theme == "sd":
        return _trees().needs
    if theme == "bu":
        return _buildings().needs
    return ()


def draw_filter(theme: str, columns: set[str]) -> str | None:
    """Which rows of the drawn view the layer of ``theme`` draws: an SQL condition on the row's own columns
    that GeoPackage (SQLite) and PostgreSQL read alike, None for all rows.

    The BU views of a CityGML dataset hold one record per building and one per ``BuildingPart``
    (transforms/themes/bu.py). The layer BU.Building draws every footprint once (INSPIRE has a layer
    BU.BuildingPart of its own), so no part is drawn on top of its building and GetFeatureInfo answers with
    one feature:

    * INSPIRE view (``featureType``): the buildings only; their geometry is the union of body and parts;
    * source view (``own_body``): every record holds its own body; the parts of a building with a body of its
      own lie beside it and complete its footprint, so they are drawn; a building without one has the union of
      its parts as geometry and is left out, as its parts already cover exactly that area. (Leaving out the
      parts instead would need a look-up of their building per row: measured 400 ms instead of 2 ms a GetMap
      on 100,000 rows, since the spatial index is no longer used.)
    """
    if theme.lower() != "bu":
        return None
    if "featureType" in columns:
        return "\"featureType\" IS NULL OR \"featureType\" <> 'BuildingPart'"
    if "own_body" in columns:
        return "\"own_body\" IS NOT FALSE"
    return None


def with_label(st: ThemeStyle, columns: set[str]) -> ThemeStyle:
    """Add a label class to the first class of each scale band where a label column exists."""
    item = next((c for c in st.label_candidates if c in columns), None)
    if item is None:
        for c in st.classes:
            c.pop("labels", None)
        return st
    for c in st.classes:
        lo = c.get("minscaledenom") or 0
        if lo < st.label_maxscale:
            lab = _label()
            lab["maxscaledenom"] = st.label_maxscale
            c.setdefault("labels", []).append(lab)
    st.label_item = item
    return st


def part_style(st: ThemeStyle, kind: str) -> ThemeStyle:
    """The style of one geometry kind of a mixed-geometry layer, in the theme's colours."""
    if kind == "polygon":
        return st
    color = next((s.get("outlinecolor") for c in st.classes for s in c["styles"] if s.get("outlinecolor")),
                 "#3366cc")
    title = st.classes[0]["title"] if st.classes else "Objekt"
    if kind == "line":
        classes = [_class("linie", f"{title} (Linie)", [_style(color=color, width=1.5)])]
    else:
        classes = [_class("punkt", f"{title} (Punkt)", [_style(symbol="circle", size=7, color=color,
                                                                outlinecolor="#ffffff", width=1)])]
    return ThemeStyle(maxscale=st.maxscale, classes=classes)
