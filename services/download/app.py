"""``/download``: the current publication's files, an INSPIRE-style Atom download feed, licence texts.

* ``/download/feed.xml`` – service feed, one entry per dataset (INSPIRE TG Download Services 3.1, pre-defined
  Atom): ``describedby`` the download service's metadata record, ``search`` its OpenSearch description
* ``/download/<dataset>/feed.xml`` – dataset feed, one entry per CRS x format (one pre-defined file each)
* ``/download/opensearch.xml``, ``/download/describe``, ``/download/get``, ``/download/search`` – the
  OpenSearch description and the operations it offers (``opensearch.py``)
* ``/download/<dataset>/<dataset>.{gml,gpkg,geojson}`` – the file, with Content-Length, ETag,
  Last-Modified, Cache-Control, HEAD and Range (werkzeug's conditional responses)
* ``/download/licence/<id>`` – the licence named in dataset.yml, served by us so a link returns 200
  even where the official URL cannot be reached

Restricted datasets are invisible without a staff credential (404, as if they did not exist) and a
wrong credential gets 401 - the same rule as the OGC API.
"""
from __future__ import annotations

import html
import logging
from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from flask import Flask, Response, abort, request, send_file

from core import integrity
from core.config import Dataset, Settings, load_registry
from core.publication import current_dir, published_datasets

from . import opensearch

LOGGER = logging.getLogger(__name__)

FORMATS = opensearch.FORMATS
KNOWN_LICENCES = {
    "dl-de/by-2-0": (
        "Datenlizenz Deutschland – Namensnennung – Version 2.0",
        ("Jede Nutzung ist unter den Bedingungen dieser Lizenz gestattet: Die Daten dürfen vervielfältigt, "
        "ausgedruckt, präsentiert, verändert, bearbeitet sowie an Dritte übermittelt werden, mit eigenen "
        "Daten und Daten Anderer zusammengeführt und zu selbständigen neuen Datensätzen verbunden und in "
        "interne und externe Geschäftsprozesse, Produkte und Anwendungen eingebunden werden. Bei der "
        "Nutzung ist sicherzustellen, dass folgende Angaben als Quellenvermerk enthalten sind: "
        "Bezeichnung des Bereitstellers nach dessen Maßgabe, der Vermerk „Datenlizenz Deutschland – "
        "Namensnennung – Version 2.0“ oder „dl-de/by-2-0“ mit Verweis auf den Lizenztext, sowie ein "
        "Verweis auf den Datensatz (URI). Veränderungen, Bearbeitungen, neue Gestaltungen oder sonstige "
        "Abwandlungen sind im Quellenvermerk mit dem Hinweis zu versehen, dass die Daten geändert wurden.")),
}


def _visible(ds: Dataset | None, staff: bool) -> bool:
    return ds is not None and (ds.access == "public" or staff)


def create(settings: Settings) -> Flask:
    from services.auth import is_staff

    app = Flask("gdi_download")
    base = settings.service.public_url.rstrip("/")

    def staff() -> bool:
        if request.headers.get("Authorization") and not is_staff(request.environ, settings):
            abort(Response("invalid credentials\n", 401, {"WWW-Authenticate": 'Basic realm="GDI Hildesheim"',
                                                           "Content-Type": "text/plain"}))
        return is_staff(request.environ, settings)

    def registry() -> dict[str, Dataset]:
        return load_registry(settings.datasets_dir, check_plugins=False, publish_dir=settings.publish_dir)

    def visible_pubs() -> list[tuple[Dataset, dict, Path]]:
        """(dataset, manifest, current folder) of every publication the caller may see."""
        is_staff_ = staff()
        reg = registry()
        out = []
        for ds_id, m in published_datasets(settings.publish_dir).items():
            folder = current_dir(settings.publish_dir, ds_id)
            if _visible(reg.get(ds_id), is_staff_) and folder is not None:
                out.append((reg[ds_id], m, folder))
        return out

    @app.get("/")
    @app.get("/feed.xml")
    def service_feed():
        q = request.args.get("q")  # the OpenSearch description's Atom search: entries whose text matches
        entries = []
        for ds, m, folder in visible_pubs():
            if q is not None and not opensearch.matches_query(ds, q):
                continue
            crs = {(o.crs_uri, o.crs_label) for o in _offers(m, folder)}
            entries.append(_entry(
                id_=f"{base}/download/{ds.id}/feed.xml", title=ds.title.de, updated=m["published"],
                summary=ds.abstract.de, links=[
                    ("alternate", f"{base}/download/{ds.id}/feed.xml", "application/atom+xml", None),
                    ("describedby", _record_url(base, ds.id), "application/xml", None)],
                extra=_dataset_extra(ds, m) + "".join(
                    f"<category term={quoteattr(u)} label={quoteattr(label)}/>" for u, label in sorted(crs))))
        from metadata.ids import get_record_by_id_url, service_record_id
        return _atom(f"{base}/download/feed.xml", "GDI Hildesheim – INSPIRE-Downloaddienst (vordefinierte Datensätze)",
                     _now(), entries, [("self", f"{base}/download/feed.xml", "application/atom+xml"),
                                       ("describedby", get_record_by_id_url(base, service_record_id("download")),
                                        "application/xml"),
                                       ("search", f"{base}/download/opensearch.xml", opensearch.OSD_TYPE)],
                     extra=("<subtitle>Vordefinierte INSPIRE-Datensätze der Stadt Hildesheim (INSPIRE-GML, "
                            "GeoPackage, GeoJSON) zum Herunterladen.</subtitle><rights>Es gelten die Lizenzen der "
                            "einzelnen Datensätze (siehe deren Feeds und Metadaten).</rights>"))

    @app.get("/<ds_id>/feed.xml")
    def dataset_feed(ds_id: str):
        ds, m, folder = _lookup(ds_id)
        return _dataset_feed(ds, m, _offers(m, folder))

    def _dataset_feed(ds: Dataset, m: dict, offered: list[opensearch.FileOffer]) -> Response:
        entries = [_entry(
            id_=f"{base}/download/{ds.id}/{o.name}", title=f"{ds.title.de} – {o.label} ({o.crs_label})",
            updated=m["published"], summary=None,
            links=[("alternate", f"{base}/download/{ds.id}/{o.name}", o.media_type, o.size)],
            extra=f"<category term={quoteattr(o.crs_uri)} label={quoteattr(o.crs_label)}/>") for o in offered]
        return _atom(f"{base}/download/{ds.id}/feed.xml", ds.title.de, m["published"], entries,
                     [("self", f"{base}/download/{ds.id}/feed.xml", "application/atom+xml"),
                      ("up", f"{base}/download/feed.xml", "application/atom+xml"),
                      # Req 28: the spatial object type in the INSPIRE registry; then the dataset's record
                      ("describedby", f"https://inspire.ec.europa.eu/featureconcept/{ds.inspire.feature_type}",
                       "text/html"),
                      ("describedby", _record_url(base, ds.id), "application/xml"),
                      ("license", f"{base}/download/licence/{ds.licence.id}", "text/html")],
                     extra=_dataset_extra(ds, m))

    @app.get("/opensearch.xml")
    def opensearch_description():
        body = opensearch.description(base, [(ds, _offers(m, folder)) for ds, m, folder in visible_pubs()])
        return Response(body, 200, {"Content-Type": f"{opensearch.OSD_TYPE}; charset=utf-8",
                                    "Cache-Control": "public, max-age=60"})

    @app.get("/search")
    def search():
        q = request.args.get("q", "")
        hits = [ds for ds, _, _ in visible_pubs() if opensearch.matches_query(ds, q)]
        return Response(opensearch.search_page(base, q, hits), 200, {"Content-Type": "text/html; charset=utf-8"})

    def _by_identifier() -> tuple[Dataset, dict, Path]:
        """The visible publication named by spatial_dataset_identifier_code + _namespace (400 when a
        parameter is missing, 404 when no dataset has that identifier)."""
        code = request.args.get("spatial_dataset_identifier_code", "").strip()
        ns = request.args.get("spatial_dataset_identifier_namespace", "").strip()
        if not code or not ns:
            abort(_text(400, "parameters spatial_dataset_identifier_code and spatial_dataset_identifier_namespace "
                             f"are required (given: code {code!r}, namespace {ns!r})"))
        pubs = visible_pubs()
        ds = opensearch.find_dataset([d for d, _, _ in pubs], code, ns)
        if ds is None:
            abort(_text(404, f"no dataset with spatial_dataset_identifier_code {code!r} and "
                             f"spatial_dataset_identifier_namespace {ns!r}"))
        return next(p for p in pubs if p[0] is ds)

    @app.get("/describe")
    def describe_spatial_dataset():
        """Describe Spatial Dataset (TG DLS 3.1 Req 42): the dataset feed of the identified dataset."""
        ds, m, folder = _by_identifier()
        return _dataset_feed(ds, m, _offers(m, folder))

    @app.route("/get", methods=["GET", "HEAD"])
    def get_spatial_dataset():
        """Get Spatial Dataset (TG DLS 3.1 Req 43): the one file for identifier + CRS (+ media type); when
        several files match (no media type given), the dataset feed with just those entries."""
        ds, m, folder = _by_identifier()
        crs_arg = request.args.get("crs", "").strip()
        crs = opensearch.normalise_crs(crs_arg) if crs_arg else None
        if crs_arg and crs is None:
            abort(_text(404, f"dataset {ds.inspire.namespace} is not offered in CRS {crs_arg!r}; offered: "
                             + ", ".join(sorted({o.crs_uri for o in _offers(m, folder)}))))
        mime = request.args.get("mediatype", "").strip() or None
        hits = opensearch.matching(_offers(m, folder), crs, mime)
        if not hits:
            abort(_text(404, f"dataset {ds.inspire.namespace} has no file in CRS {crs_arg or 'any'!r} and media "
                             f"type {mime or 'any'!r}"))
        if len(hits) > 1:
            return _dataset_feed(ds, m, hits)
        return file(ds.id, hits[0].name)

    @app.get("/licence/<path:lic_id>")
    def licence(lic_id: str):
        lic = next((d.licence for d in registry().values() if d.licence.id == lic_id), None)
        if lic is None:
            abort(404)
        name, text = KNOWN_LICENCES.get(lic_id, (lic.name, ""))
        page = (f"<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>{html.escape(name)}</title>"
                f"</head><body><h1>{html.escape(name)}</h1><p>{html.escape(text)}</p>"
                f"<p>Namensnennung: {html.escape(lic.attribution)}</p>"
                f"<p>Offizieller Lizenztext: <a href=\"{html.escape(lic.url)}\">{html.escape(lic.url)}</a></p>"
                "</body></html>")
        return Response(page, 200, {"Content-Type": "text/html; charset=utf-8", "Content-Language": "de",
                                    "Cache-Control": "public, max-age=86400"})

    @app.route("/qgis/<name>", methods=["GET", "HEAD"])
    def qgis_project(name: str):
        """The planners' QGIS project (services/qgis, docs/qgis.md); its staff variant for staff only."""
        from services.qgis.project import project_file
        path = project_file(settings, name, staff=staff())
        if path is None:
            abort(404)
        resp = send_file(path, mimetype="application/zip", as_attachment=True, download_name=name,
                         conditional=True, etag=True, max_age=300)
        resp.headers["Cache-Control"] = ("public" if path.name == "hildesheim.qgz" else "private") + ", max-age=300"
        resp.headers["Vary"] = "Authorization"
        return resp

    @app.route("/<ds_id>/<name>", methods=["GET", "HEAD"])
    def file(ds_id: str, name: str):
        ds, m, folder = _lookup(ds_id)
        if name not in m.get("files", {}) or Path(name).suffix not in FORMATS:
            abort(404)
        path = folder / name
        if not path.is_file():
            abort(404)
        problem = integrity.check_folder(folder)  # cached per version: a few stat calls
        if problem:
            LOGGER.error("downloads of dataset %s not served: %s", ds_id, problem)
            return Response(f"Service Unavailable: the current publication of dataset '{ds_id}' is damaged; its "
                            "downloads answer 503 until it is republished or switched back to the previous "
                            "version. Every other dataset is served normally.\n", 503,
                            {"Content-Type": "text/plain; charset=utf-8", "Retry-After": "300",
                             "Cache-Control": "no-store"})
        resp = send_file(path, mimetype=FORMATS[path.suffix][0], as_attachment=True, download_name=name,
                         conditional=True, etag=True, max_age=300)
        resp.headers["Content-Type"] = FORMATS[path.suffix][0]  # flask would append "; charset=utf-8" to xml
        resp.headers["Cache-Control"] = ("private" if ds.access == "restricted" else "public") + ", max-age=300"
        if ds.access == "restricted":
            resp.headers["Vary"] = "Authorization"
        return resp

    def _lookup(ds_id: str):
        ds = registry().get(ds_id)
        if not _visible(ds, staff()):
            abort(404)
        folder = current_dir(settings.publish_dir, ds_id)
        if folder is None or not (folder / "manifest.json").exists():
            abort(404)
        import json
        return ds, json.loads((folder / "manifest.json").read_text()), folder

    return app


def _record_url(base: str, ds_id: str) -> str:
    from metadata.ids import dataset_record_id, get_record_by_id_url
    return get_record_by_id_url(base, dataset_record_id(ds_id))


def _offers(m: dict, folder: Path) -> list[opensearch.FileOffer]:
    """The pre-defined files of a publication that exist on disk (one dataset-feed entry each)."""
    files = {n: (folder / n).stat().st_size for n in m.get("files", {}) if (folder / n).is_file()}
    return opensearch.offers(files, folder)


def _text(status: int, message: str) -> Response:
    return Response(message + "\n", status, {"Content-Type": "text/plain; charset=utf-8"})


def _dataset_extra(ds: Dataset, m: dict) -> str:
    # the spatial dataset identifier: the same code + namespace as the ISO record's RS_Identifier
    parts = [(f"<inspire_dls:spatial_dataset_identifier_code>{escape(ds.inspire.identifier_code)}"
              "</inspire_dls:spatial_dataset_identifier_code>"),
             (f"<inspire_dls:spatial_dataset_identifier_namespace>{escape(ds.inspire.identifier_namespace)}"
             "</inspire_dls:spatial_dataset_identifier_namespace>"),
             f"<rights>{escape(ds.licence.name)}; {escape(ds.licence.attribution)}</rights>"]
    b = m.get("bbox_crs84")
    if b:
        w, s, e, n = b
        parts.append(f"<georss:polygon>{s} {w} {n} {w} {n} {e} {s} {e} {s} {w}</georss:polygon>")
    return "".join(parts)


def _entry(*, id_: str, title: str, updated: str, summary: str | None, links, extra: str = "") -> str:
    out = [f"<entry><id>{escape(id_)}</id><title>{escape(title)}</title><updated>{escape(updated)}</updated>"]
    if summary:
        out.append(f"<summary>{escape(summary)}</summary>")
    for rel, href, typ, length in links:
        ln = f" length=\"{length}\"" if length is not None else ""
        out.append(f"<link rel={quoteattr(rel)} href={quoteattr(href)} type={quoteattr(typ)} hreflang=\"de\"{ln}/>")
    out.append(extra)
    out.append("</entry>")
    return "".join(out)


def _atom(id_: str, title: str, updated: str, entries: list[str], links, extra: str = "") -> Response:
    head = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:georss="http://www.georss.org/georss" '
            'xmlns:inspire_dls="http://inspire.ec.europa.eu/schemas/inspire_dls/1.0" xml:lang="de">'
            f"<id>{escape(id_)}</id><title>{escape(title)}</title><updated>{escape(updated)}</updated>"
            "<author><name>Stadt Hildesheim</name><email>geodaten@stadt-hildesheim.de</email></author>")
    ls = "".join(f"<link rel={quoteattr(r)} href={quoteattr(h)} type={quoteattr(t)} hreflang=\"de\"/>"
                 for r, h, t in links)
    body = head + ls + extra + "".join(entries) + "</feed>"
    return Response(body, 200, {"Content-Type": "application/atom+xml; charset=utf-8",
                                "Cache-Control": "public, max-age=60"})


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
