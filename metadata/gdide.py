"""INSPIRE TG Metadata 2.0 and GDI-DE convention values in one place.

What GDI-NI/GovData look for is exact text: the keyword ``inspireidentifiziert``, the keyword
``opendata``, the licence as a JSON object in ``otherConstraints``, GEMET theme labels in the metadata
language with a ``gmx:Anchor`` to the INSPIRE theme register, the regulation titles in German. The
record writers take every such value from here, and the rule table (``rules.py``) checks them.
"""
from __future__ import annotations

import json
from pathlib import Path

from core.config import Dataset
from core.errors import ConfigError

KEYWORD_INSPIRE = "inspireidentifiziert"
KEYWORD_OPENDATA = "opendata"

THEME_REGISTER = "http://inspire.ec.europa.eu/theme"
GEMET_THESAURUS = "GEMET - INSPIRE themes, version 1.0"
GEMET_THESAURUS_HREF = "http://www.eionet.europa.eu/gemet/inspire_themes"
GEMET_THESAURUS_DATE = "2008-06-01"

# INSPIRE themes: register short name -> German GEMET label (metadata language is ger)
THEMES_DE: dict[str, str] = {
    "ad": "Adressen", "au": "Verwaltungseinheiten", "bu": "Gebäude",
    "cp": "Flurstücke/Grundstücke (Katasterparzellen)", "el": "Höhe", "gn": "Geografische Bezeichnungen",
    "hy": "Gewässernetz", "lc": "Bodenbedeckung", "lu": "Bodennutzung", "oi": "Orthofotografie",
    "ps": "Schutzgebiete", "so": "Boden", "sd": "Verteilung der Arten",
    "am": "Bewirtschaftungsgebiete/Schutzgebiete/geregelte Gebiete und Berichterstattungseinheiten",
    "us": "Versorgungswirtschaft und staatliche Dienste", "tn": "Verkehrsnetze",
    "hh": "Gesundheit und Sicherheit", "ef": "Umweltüberwachung", "pf": "Produktions- und Industrieanlagen",
    "nz": "Gebiete mit naturbedingten Risiken", "hb": "Lebensräume und Biotope",
    "pd": "Verteilung der Bevölkerung — Demografie", "ge": "Geologie", "mr": "Mineralische Bodenschätze",
    "er": "Energiequellen", "af": "Landwirtschaftliche Anlagen und Aquakulturanlagen",
    "ac": "Atmosphärische Bedingungen", "mf": "Meteorologisch-geografische Kennwerte",
    "of": "Ozeanografisch-geografische Kennwerte", "sr": "Meeresregionen", "br": "Biogeografische Regionen",
    "su": "Statistische Einheiten", "gg": "Geografische Gittersysteme", "rs": "Koordinatenreferenzsysteme",
}
# English labels (pycsw writes its INSPIRE extended capabilities keywords as inspireTheme_eng)
THEMES_EN: dict[str, str] = {
    "ad": "Addresses", "au": "Administrative units", "bu": "Buildings", "cp": "Cadastral parcels",
    "el": "Elevation", "gn": "Geographical names", "hy": "Hydrography", "lc": "Land cover", "lu": "Land use",
    "oi": "Orthoimagery", "ps": "Protected sites", "so": "Soil", "sd": "Species distribution",
    "am": "Area management/restriction/regulation zones and reporting units",
    "us": "Utility and governmental services", "tn": "Transport networks", "hh": "Human health and safety",
    "ef": "Environmental monitoring facilities", "pf": "Production and industrial facilities",
    "nz": "Natural risk zones", "hb": "Habitats and biotopes", "pd": "Population distribution — demography",
    "ge": "Geology", "mr": "Mineral resources", "er": "Energy resources",
    "af": "Agricultural and aquaculture facilities", "ac": "Atmospheric conditions",
    "mf": "Meteorological geographical features", "of": "Oceanographic geographical features",
    "sr": "Sea regions", "br": "Bio-geographical regions", "su": "Statistical units",
    "gg": "Geographical grid systems", "rs": "Coordinate reference systems",
}
# application-schema short names used in dataset.yml that belong to a theme of another name
THEME_ALIASES = {"elu": "lu", "plu": "lu", "lu-elu": "lu", "lu-plu": "lu"}


def theme_key(short: str) -> str:
    key = THEME_ALIASES.get(short.lower(), short.lower())
    if key not in THEMES_DE:
        raise KeyError(f"unknown INSPIRE theme {short!r}; known: {', '.join(sorted(THEMES_DE))}")
    return key


def inspire_theme(short: str) -> tuple[str, str]:
    """('sd') -> ('Verteilung der Arten', 'http://inspire.ec.europa.eu/theme/sd')."""
    key = theme_key(short)
    return THEMES_DE[key], f"{THEME_REGISTER}/{key}"


# Spatial data service categories (Regulation 1205/2008 Part D.4) by our service kind
SERVICE_CATEGORY_REGISTER = "http://inspire.ec.europa.eu/metadata-codelist/SpatialDataServiceCategory"
SERVICE_CATEGORIES = {
    "view": "infoMapAccessService",
    "download": "infoFeatureAccessService",
    "download-predefined": "infoProductAccessService",
    "discovery": "infoCatalogueService",
}

# Conformity: title (ger) + anchor + publication date
REG_1089 = (("Verordnung (EG) Nr. 1089/2010 der Kommission vom 23. November 2010 zur Durchführung der "
            "Richtlinie 2007/2/EG des Europäischen Parlaments und des Rates hinsichtlich der Interoperabilität "
            "von Geodatensätzen und -diensten"), "http://data.europa.eu/eli/reg/2010/1089", "2010-12-08")
REG_976 = (("Verordnung (EG) Nr. 976/2009 der Kommission vom 19. Oktober 2009 zur Durchführung der "
           "Richtlinie 2007/2/EG des Europäischen Parlaments und des Rates hinsichtlich der Netzdienste"),
           "http://data.europa.eu/eli/reg/2009/976", "2009-10-20")

# Limitations on public access (INSPIRE metadata code list), German labels
ACCESS_REGISTER = "http://inspire.ec.europa.eu/metadata-codelist/LimitationsOnPublicAccess"
ACCESS_PUBLIC = ("noLimitations", "Es gelten keine Zugriffsbeschränkungen")
# restricted datasets of a municipality are typically withheld for the protection of personal data
# (Art. 13(1)(f)); the value can be overridden per dataset in dataset.yml ``access_limitation``
ACCESS_RESTRICTED = {
    "INSPIRE_Directive_Article13_1a": "Vertraulichkeit der Arbeitsweise von Behörden",
    "INSPIRE_Directive_Article13_1b": "Internationale Beziehungen, öffentliche Sicherheit oder Landesverteidigung",
    "INSPIRE_Directive_Article13_1c": "Laufende Gerichtsverfahren",
    "INSPIRE_Directive_Article13_1d": "Vertraulichkeit von Geschäfts- oder Betriebsinformationen",
    "INSPIRE_Directive_Article13_1e": "Rechte an geistigem Eigentum",
    "INSPIRE_Directive_Article13_1f": "Vertraulichkeit personenbezogener Daten",
    "INSPIRE_Directive_Article13_1g": "Schutz von Personen, die Informationen freiwillig zur Verfügung gestellt haben",
    "INSPIRE_Directive_Article13_1h": "Schutz der Umweltbereiche, auf die sich die Informationen beziehen",
}
DEFAULT_RESTRICTED = "INSPIRE_Directive_Article13_1f"

# GovData licence ids for the GDI-DE JSON licence statement (dataset.yml ids may use the URL form)
LICENCE_IDS = {
    "dl-de/by-2-0": "dl-by-de/2.0", "dl-by-de/2.0": "dl-by-de/2.0",
    "dl-de/zero-2-0": "dl-zero-de/2.0", "dl-zero-de/2.0": "dl-zero-de/2.0",
    "cc-by-4.0": "cc-by/4.0", "cc-by/4.0": "cc-by/4.0",
    "cc-by-sa-4.0": "cc-by-sa/4.0", "cc-by-sa/4.0": "cc-by-sa/4.0",
    "cc0-1.0": "cc-zero", "cc-zero": "cc-zero", "cc0": "cc-zero",
}

# media types (INSPIRE media-types register where it has the type, IANA otherwise)
FORMATS = {
    "gml": ("GML", "3.2.1", "http://inspire.ec.europa.eu/media-types/application/gml+xml"),
    "gpkg": ("GeoPackage", "1.3", "https://www.iana.org/assignments/media-types/application/geopackage+sqlite3"),
    "geojson": ("GeoJSON", "RFC 7946", "https://www.iana.org/assignments/media-types/application/geo+json"),
}


def is_open(ds: Dataset) -> bool:
    """Open data in the GDI-DE sense: public and under an open licence."""
    return ds.access == "public" and ds.licence.open


def licence_json(ds: Dataset) -> str:
    """The GDI-DE licence statement: JSON with id, name, url and (for attribution licences) quelle."""
    lid = LICENCE_IDS.get(ds.licence.id.lower(), ds.licence.id)
    obj = {"id": lid, "name": ds.licence.name, "url": ds.licence.url}
    if "by" in lid or "by" in ds.licence.id:
        obj["quelle"] = ds.licence.attribution
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def licence_text(ds: Dataset) -> str:
    """The human-readable use constraint that precedes the JSON (GDI-DE: licence name + source note)."""
    text = f"Nutzungsbedingungen: {ds.licence.name} ({ds.licence.url})"
    if ds.licence.attribution:
        text += f"; Quellenvermerk: {ds.licence.attribution}"
    return text


def access_limitation(ds: Dataset) -> tuple[str, str, str]:
    """(value, German label, register URI) of the limitation on public access."""
    if ds.access == "public":
        value, label = ACCESS_PUBLIC
    else:
        value = ds.access_limitation or DEFAULT_RESTRICTED
        if value not in ACCESS_RESTRICTED:
            raise ConfigError(f"unknown limitation on public access; valid: {', '.join(ACCESS_RESTRICTED)}",
                              file=str((ds.folder or Path(".")) / "dataset.yml"),
                              field="access_limitation", value=value)
        label = ACCESS_RESTRICTED[value]
    return value, label, f"{ACCESS_REGISTER}/{value}"
