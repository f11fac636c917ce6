"""``/download``: the current publication's files, an INSPIRE-style Atom download feed, licence texts.

* ``/download/feed.xml`` – service feed, one entry per dataset (INSPIRE TG download services, Atom)
* ``/download/<dataset>/feed.xml`` – dataset feed, one entry per predefined file
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

from core.config import Dataset, Settings, load_registry
from core.publication import current_dir, published_datasets

LOGGER = logging.getLogger(__name__)

FORMATS = {
    ".gml": ("application/gml+xml", "INSPIRE GML 3.2", "http://www.opengis.net/def/crs/EPSG/0/25832", "EPSG:25832"),
    ".gpkg": ("application/geopackage+sqlite3", "GeoPackage", "http://www.opengis.net/def/crs/EPSG/0/25832",
              "EPSG:25832"),
    ".geojson": ("application/geo+json", "GeoJSON", "http://www.opengis.net/def/crs/OGC/1.3/CRS84", "CRS84"),
}
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
        return load_registry(settings.datasets_dir, check_plugins=False)

    @app.get("/")
    @app.get("/feed.xml")
    def service_feed():
        is_staff_ = staff()
        reg = registry()
        pubs = {k: m for k, m in published_datasets(settings.publish_dir).items() if _visible(reg.get(k), is_staff_)}
        entries = []
        for ds_id, m in pubs.items():
            ds = reg[ds_id]
            entries.append(_entry(
                id_=f"{base}/download/{ds_id}/feed.xml", title=ds.title.de, updated=m["published"],
                summary=ds.abstract.de, links=[
                    ("alternate", f"{base}/download/{ds_id}/feed.xml", "application/atom+xml", None),
                    ("describedby", _record_url(base, ds_id), "application/xml", None)],
                extra=_dataset_extra(ds, m)))
        return _atom(f"{base}/download/feed.xml", "GDI Hildesheim – INSPIRE-Downloaddienst (vordefinierte Datensätze)",
                     _now(), entries, [("self", f"{base}/download/feed.xml", "application/atom+xml")])

    @app.get("/<ds_id>/feed.xml")
    def dataset_feed(ds_id: str):
        ds, m, folder = _lookup(ds_id)
        entries = []
        for name in sorted(m.get("files", {})):
            suffix = Path(name).suffix
            if suffix not in FORMATS or not (folder / name).exists():
                continue
            mime, label, crs_uri, crs_label = FORMATS[suffix]
            size = (folder / name).stat().st_size
            entries.append(_entry(
                id_=f"{base}/download/{ds_id}/{name}", title=f"{ds.title.de} – {label} ({crs_label})",
                updated=m["published"], summary=None,
                links=[("alternate", f"{base}/download/{ds_id}/{name}", mime, size)],
                extra=f'<category term={quoteattr(crs_uri)} label={quoteattr(crs_label)}/>'))
        return _atom(f"{base}/download/{ds_id}/feed.xml", ds.title.de, m["published"], entries,
                     [("self", f"{base}/download/{ds_id}/feed.xml", "application/atom+xml"),
                      ("up", f"{base}/download/feed.xml", "application/atom+xml"),
                      ("describedby", _record_url(base, ds_id), "application/xml"),
                      ("license", f"{base}/download/licence/{ds.licence.id}", "text/html")],
                     extra=_dataset_extra(ds, m))

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

    @app.route("/<ds_id>/<name>", methods=["GET", "HEAD"])
    def file(ds_id: str, name: str):
        ds, m, folder = _lookup(ds_id)
        if name not in m.get("files", {}) or Path(name).suffix not in FORMATS:
            abort(404)
        path = folder / name
        if not path.is_file():
            abort(404)
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


def _dataset_extra(ds: Dataset, m: dict) -> str:
    code = escape(ds.id)
    parts = [f"<inspire_dls:spatial_dataset_identifier_code>{code}</inspire_dls:spatial_dataset_identifier_code>",
             (f"<inspire_dls:spatial_dataset_identifier_namespace>{escape(ds.inspire.namespace)}"
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
