"""OpenSearch description and operations of the Atom download service (INSPIRE TG Download Services 3.1,
pre-defined datasets, chapter 5.2).

The description (``/download/opensearch.xml``) offers, as TG DLS 3.1 Requirements 39-45 ask:

* ``rel="self"``: its own URL;
* ``rel="results"``, ``text/html``: a generic search over titles and abstracts (``/download/search?q=``);
* ``rel="describedby"``, ``application/atom+xml``: *Describe Spatial Dataset* — the dataset feed for an
  identifier code + namespace (``/download/describe``);
* ``rel="results"``, one per media type: *Get Spatial Dataset* — the file for an identifier code +
  namespace, CRS, language and that media type (``/download/get``);
* one ``<Query role="example">`` per dataset with its code, namespace and default CRS and language.

Everything here is pure (strings in, strings out); ``app.py`` wires it to Flask.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote
from xml.sax.saxutils import escape, quoteattr

from core.config import Dataset
from core.crs import compound_srs_name_of, parse_crs

LANGUAGES = ("de",)  # the service language; the data carry German attribute values only
OSD_TYPE = "application/opensearchdescription+xml"

# suffix -> (media type, format label, CRS URI, CRS label): one dataset-feed entry per CRS x format
FORMATS: dict[str, tuple[str, str, str, str]] = {
    ".gml": ("application/gml+xml", "INSPIRE GML 3.2", "http://www.opengis.net/def/crs/EPSG/0/25832", "EPSG:25832"),
    ".gpkg": ("application/geopackage+sqlite3", "GeoPackage", "http://www.opengis.net/def/crs/EPSG/0/25832",
              "EPSG:25832"),
    ".geojson": ("application/geo+json", "GeoJSON", "http://www.opengis.net/def/crs/OGC/1.3/CRS84", "CRS84"),
}
_CRS_ALIASES = {"epsg:25832": "http://www.opengis.net/def/crs/EPSG/0/25832",
                "urn:ogc:def:crs:epsg::25832": "http://www.opengis.net/def/crs/EPSG/0/25832",
                "http://www.opengis.net/def/crs/epsg/0/25832": "http://www.opengis.net/def/crs/EPSG/0/25832",
                "crs84": "http://www.opengis.net/def/crs/OGC/1.3/CRS84",
                "ogc:crs84": "http://www.opengis.net/def/crs/OGC/1.3/CRS84",
                "urn:ogc:def:crs:ogc:1.3:crs84": "http://www.opengis.net/def/crs/OGC/1.3/CRS84",
                "http://www.opengis.net/def/crs/ogc/1.3/crs84": "http://www.opengis.net/def/crs/OGC/1.3/CRS84"}


@dataclass(frozen=True)
class FileOffer:
    """One pre-defined file of a dataset: one dataset-feed entry (one CRS x format)."""
    name: str
    media_type: str
    label: str
    crs_uri: str
    crs_label: str
    size: int


# INSPIRE BU core3D (``<id>_core3d.gml``, transforms.themes.bu_core3d): LoD2 surfaces with absolute heights in
# the compound CRS of its srsName (ETRS89 / UTM 32N + the height system, DHHN2016 unless the source says else)
CORE3D_SUFFIX = "_core3d.gml"
CORE3D_LABEL = "INSPIRE GML 3.2, Gebäude 3D (BU core3D, LoD2)"
COMPOUND = "http://www.opengis.net/def/crs-compound?"
CRS_3D_DEFAULT = f"{COMPOUND}1=http://www.opengis.net/def/crs/EPSG/0/25832&2=http://www.opengis.net/def/crs/EPSG/0/7837"


def _crs_3d(path: Path | None) -> tuple[str, str]:
    """The compound CRS of a core3D file (its first srsName with a height system, read from the file's head)
    and its label."""
    uri = CRS_3D_DEFAULT
    if path is not None:
        try:
            with open(path, "rb") as fh:
                uri = compound_srs_name_of(fh.read(65536)) or uri
        except OSError:
            pass
    parsed = parse_crs(uri)
    return uri, f"{parsed.horizontal} + {parsed.vertical}" + (" (DHHN2016)" if parsed.vertical == "EPSG:7837" else "")


def offers(files: dict[str, int], folder: Path | None = None) -> list[FileOffer]:
    """The files of a publication that are offered for download, in a stable order (``folder``: where they
    lie, for the CRS written in a core3D file)."""
    out = []
    for name in sorted(files):
        suffix = "." + name.rsplit(".", 1)[-1] if "." in name else ""
        if name.endswith(CORE3D_SUFFIX):
            uri, label = _crs_3d(folder / name if folder is not None else None)
            out.append(FileOffer(name, "application/gml+xml", CORE3D_LABEL, uri, label, files[name]))
        elif suffix in FORMATS:
            mime, label, crs_uri, crs_label = FORMATS[suffix]
            out.append(FileOffer(name, mime, label, crs_uri, crs_label, files[name]))
    return out


def normalise_crs(value: str) -> str | None:
    """A CRS parameter as its OGC URI (the category term of the feeds); None for a CRS we do not offer."""
    v = value.strip().replace("&amp;", "&")
    return _CRS_ALIASES.get(v.lower()) or (v if v in {f[2] for f in FORMATS.values()} or v.startswith(COMPOUND)
                                           else None)


def find_dataset(datasets: list[Dataset], code: str, namespace: str) -> Dataset | None:
    """The dataset with this spatial dataset identifier (code + namespace, compared exactly; a trailing
    slash of the namespace is ignored)."""
    ns = namespace.rstrip("/")
    return next((d for d in datasets if d.inspire.identifier_code == code
                 and d.inspire.identifier_namespace == ns), None)


def matching(offered: list[FileOffer], crs: str | None, media_type: str | None) -> list[FileOffer]:
    return [o for o in offered if (crs is None or o.crs_uri == crs)
            and (media_type is None or o.media_type == media_type)]


def default_crs(offered: list[FileOffer]) -> str:
    """The CRS of the example query: the one of the INSPIRE GML (EPSG:25832), else the first offered."""
    return next((o.crs_uri for o in offered if o.media_type == "application/gml+xml"
                 and not o.name.endswith(CORE3D_SUFFIX)), offered[0].crs_uri)


def _q(param: str) -> str:
    return f"{{{param}}}"


def description(base: str, datasets: list[tuple[Dataset, list[FileOffer]]]) -> str:
    """The OpenSearch description document (OpenSearch 1.1 + the INSPIRE DLS extension)."""
    dl = f"{base}/download"
    ident = ("spatial_dataset_identifier_code={inspire_dls:spatial_dataset_identifier_code}"
             "&amp;spatial_dataset_identifier_namespace={inspire_dls:spatial_dataset_identifier_namespace}")
    urls = [
        f'<Url type="{OSD_TYPE}" rel="self" template={quoteattr(f"{dl}/opensearch.xml")}/>',
        f'<Url type="text/html" rel="results" template="{escape(dl)}/search?q={_q("searchTerms")}"/>',
        f'<Url type="application/atom+xml" rel="results" template="{escape(dl)}/feed.xml?q={_q("searchTerms")}"/>',
        f'<Url type="application/atom+xml" rel="describedby" template="{escape(dl)}/describe?{ident}'
        f'&amp;language={_q("language")}"/>',
    ]
    for mime in dict.fromkeys(m for m, *_ in FORMATS.values()):  # GML first: the INSPIRE encoding
        urls.append(f'<Url type="{mime}" rel="results" template="{escape(dl)}/get?{ident}'
                    f'&amp;crs={_q("inspire_dls:crs")}&amp;language={_q("language")}'
                    f'&amp;mediatype={quote(mime, safe="")}&amp;q={_q("searchTerms?")}"/>')
    queries = []
    for ds, offered in datasets:
        if not offered:
            continue
        queries.append(
            '<Query role="example" '
            f"inspire_dls:spatial_dataset_identifier_namespace={quoteattr(ds.inspire.identifier_namespace)} "
            f"inspire_dls:spatial_dataset_identifier_code={quoteattr(ds.inspire.identifier_code)} "
            f'inspire_dls:crs={quoteattr(default_crs(offered))} language="{LANGUAGES[0]}" '
            f"title={quoteattr(ds.title.de)} count=\"1\"/>")
    langs = "".join(f"<Language>{lang}</Language>" for lang in LANGUAGES)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/" '
            'xmlns:inspire_dls="http://inspire.ec.europa.eu/schemas/inspire_dls/1.0" '
            'xmlns:geo="http://a9.com/-/opensearch/extensions/geo/1.0/">'
            "<ShortName>GDI Hildesheim</ShortName>"   # OpenSearch 1.1: at most 16 characters
            "<LongName>GDI Hildesheim – INSPIRE-Download (Atom)</LongName>"   # at most 48
            "<Description>INSPIRE-Downloaddienst der Stadt Hildesheim für vordefinierte Datensätze (Atom): "
            "Datensätze beschreiben (Describe Spatial Dataset) und herunterladen (Get Spatial Dataset) nach "
            "Kennung (Code und Namensraum), Bezugssystem, Sprache und Format.</Description>"
            "<Tags>INSPIRE Hildesheim Download Atom</Tags>"
            "<Contact>geodaten@stadt-hildesheim.de</Contact>"
            + "".join(urls) + "".join(queries)
            + "<Developer>Stadt Hildesheim, Geodatenmanagement</Developer>"
            "<Attribution>Stadt Hildesheim</Attribution>"
            "<SyndicationRight>open</SyndicationRight><AdultContent>false</AdultContent>"
            + langs + "<OutputEncoding>UTF-8</OutputEncoding><InputEncoding>UTF-8</InputEncoding>"
            "</OpenSearchDescription>")


def search_page(base: str, q: str, hits: list[Dataset]) -> str:
    """The generic search's HTML answer: the datasets whose title, abstract or keywords contain ``q``."""
    from html import escape as h
    rows = "".join(
        f'<li><a href="{h(base)}/download/{h(d.id)}/feed.xml">{h(d.title.de)}</a> '
        f"<small>({h(d.inspire.namespace)})</small><br>{h(d.abstract.de)}</li>" for d in hits)
    return ('<!doctype html><html lang="de"><head><meta charset="utf-8">'
            f"<title>Suche: {h(q)} – GDI Hildesheim Download</title></head><body>"
            f"<h1>Vordefinierte Datensätze: Suche nach „{h(q)}“</h1>"
            f"<p>{len(hits)} Treffer</p><ul>{rows}</ul></body></html>")


def matches_query(ds: Dataset, q: str) -> bool:
    """Case-insensitive substring search in title, abstract, keywords and identifier (empty ``q``: all)."""
    q = q.strip().casefold()
    text = " ".join([ds.title.de, ds.title.en, ds.abstract.de, ds.abstract.en, *ds.keywords,
                     ds.inspire.namespace]).casefold()
    return all(word in text for word in q.split())
