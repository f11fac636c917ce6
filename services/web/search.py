"""Place search for the viewer over our own published data (no external geocoder).

The index is built from the *source views* of the public publications (``<id>_source`` layers of
each ``<id>.gpkg``): every distinct value of a name-like column (a tree's ``location_name``, a
building's ``address``, a playground's ``name`` …) becomes one entry with the bounding box of all its
features, so "Bahnhofsallee" finds the street, not 80 single trees. Boxes come straight from the
GeoPackage R-tree (``rtree_<layer>_<geom>``), so no geometry is parsed and 100,000 buildings index
in well under a second. Restricted datasets are never indexed.

Besides the publications, the index holds the addresses of the 3D city model (``/3dtiles/buildings/``): its
footprint file as its build recorded it in ``report.json`` (``source``), when that is a GeoPackage. The
demo's city model is the generated town, whose streets and addresses are no publication; a city's model
built from an ALKIS export is found by the addresses in that export.

The index lives in memory per worker and is rebuilt when a publication's version or the city model changes.
"""
from __future__ import annotations

import json
import logging
import re
import sqlite3
import threading
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.publication import current_dir, published_datasets
from services.errors import RequestError

LOGGER = logging.getLogger(__name__)

# name-like columns of source views, in order of preference; label expressions are SQL over the layer
NAME_COLUMNS: tuple[str, ...] = ("address", "adresse", "name", "location_name", "bezeichnung",
                                 "site_name", "street", "strasse", "district", "stadtteil")
STREET_NUMBER_PAIRS: tuple[tuple[str, str], ...] = (("street", "house_number"), ("strasse", "hausnummer"))
ADDRESS_FIELDS = {"address", "adresse", "street house_number", "strasse hausnummer"}
_HOUSE_NUMBER = re.compile(r"^(.*\D)\s+\d+\s*[a-zA-Z]?(?:\s*[-/]\s*\d+\s*[a-zA-Z]?)?$")
MAX_QUERY = 100
MAX_LIMIT = 50
RECHECK_SECONDS = 5.0

_UMLAUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def normalise(text: str) -> str:
    """Lower case, umlauts spelt out, 'str.' = 'straße', punctuation to spaces."""
    t = text.lower().translate(_UMLAUT)
    t = unicodedata.normalize("NFKD", t).encode("ascii", "ignore").decode()
    t = re.sub(r"str\.?(?=\s|\d|$)", "strasse", t)
    t = re.sub(r"[^a-z0-9]+", " ", t)
    return " ".join(t.split())


@dataclass(frozen=True)
class Entry:
    label: str
    norm: str
    dataset: str
    field: str
    count: int
    bbox: tuple[float, float, float, float]   # lon/lat (CRS84)

    def as_json(self, titles: dict[str, dict[str, str]]) -> dict[str, Any]:
        w, s, e, n = self.bbox
        return {"label": self.label, "dataset": self.dataset, "field": self.field, "count": self.count,
                "title": titles.get(self.dataset, {}), "bbox": [round(v, 7) for v in self.bbox],
                "lon": round((w + e) / 2, 7), "lat": round((s + n) / 2, 7)}


def _columns(con: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]


def _transformer(srs_id: int):
    from pyproj import Transformer
    return Transformer.from_crs(f"EPSG:{srs_id}", "OGC:CRS84", always_xy=True)


def index_layer(gpkg: Path, layer: str, dataset: str) -> list[Entry]:
    """Entries for one GeoPackage layer: one per distinct value of each name-like column."""
    con = sqlite3.connect(f"file:{gpkg}?mode=ro", uri=True)
    try:
        row = con.execute("SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?",
                          (layer,)).fetchone()
        if row is None:
            return []
        geom, srs_id = row
        rtree = f"rtree_{layer}_{geom}"
        if not con.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (rtree,)).fetchone():
            LOGGER.warning("search: %s layer %s has no spatial index; not indexed", gpkg, layer)
            return []
        cols = {c.lower(): c for c in _columns(con, layer)}
        exprs: list[tuple[str, str]] = []
        for street, number in STREET_NUMBER_PAIRS:
            if street in cols and number in cols:
                exprs.append((f"{street} {number}",
                              f"trim(t.\"{cols[street]}\" || ' ' || coalesce(t.\"{cols[number]}\", ''))"))
        exprs += [(c, f't."{cols[c]}"') for c in NAME_COLUMNS if c in cols]
        tr = _transformer(srs_id)
        out: list[Entry] = []
        for field, expr in exprs:
            # identifiers come from the GeoPackage's own gpkg_contents and are quoted; no value is interpolated
            sql = (f"SELECT {expr} AS label, min(r.minx), min(r.miny), max(r.maxx), max(r.maxy), count(*) "  # noqa: S608
                   f'FROM "{layer}" t JOIN "{rtree}" r ON r.id = t.fid '
                   f"WHERE label IS NOT NULL AND trim(label) != '' GROUP BY label")
            streets: dict[str, list[float]] = {}
            for label, minx, miny, maxx, maxy, n in con.execute(sql):
                label = str(label).strip()
                (w, e), (s, nn) = tr.transform([minx, maxx], [miny, maxy])
                out.append(Entry(label, normalise(label), dataset, field, n, (w, s, e, nn)))
                m = _HOUSE_NUMBER.match(label) if field in ADDRESS_FIELDS else None
                if m:   # "Almsstraße 13" also counts for the street "Almsstraße"
                    agg = streets.setdefault(m.group(1), [w, s, e, nn, 0])
                    agg[:4] = [min(agg[0], w), min(agg[1], s), max(agg[2], e), max(agg[3], nn)]
                    agg[4] += n
            for street, (w, s, e, nn, n) in streets.items():
                out.append(Entry(street, normalise(street), dataset, "street", int(n), (w, s, e, nn)))
        return out
    finally:
        con.close()


CITYMODEL = "citymodel"
CITYMODEL_TITLE = {"de": "3D-Stadtmodell", "en": "3D city model"}


def citymodel_source(tiles_dir: Path | None) -> tuple[Path, str] | None:
    """The GeoPackage and layer the city model in ``tiles_dir`` was built from (its ``report.json``), or None."""
    if tiles_dir is None:
        return None
    try:
        src = json.loads((tiles_dir / "report.json").read_text(encoding="utf-8")).get("source") or {}
    except (OSError, ValueError):
        return None
    path = Path(str(src.get("path") or ""))
    if path.suffix.lower() != ".gpkg" or not path.is_file():
        return None
    layer = src.get("layer")
    if not layer:   # the layer the build read: ``*_source`` if present, else the first
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            names = [r[0] for r in con.execute("SELECT table_name FROM gpkg_contents WHERE data_type = 'features' "
                                               "ORDER BY table_name")]
        except sqlite3.Error:
            return None
        finally:
            con.close()
        layer = next((n for n in names if n.endswith("_source")), names[0] if names else None)
    return (path, str(layer)) if layer else None


def _stamp(path: Path | None) -> int:
    try:
        return path.stat().st_mtime_ns if path else 0
    except OSError:
        return 0


class SearchIndex:
    """Thread-safe, lazily (re)built index over the current public publications and the city model's
    addresses (``citymodel_dir``: the tileset folder of ``/3dtiles/buildings/``)."""

    def __init__(self, publish_dir: Path, datasets_dir: Path | None = None, citymodel_dir: Path | None = None):
        self.publish_dir = publish_dir
        self.datasets_dir = datasets_dir
        self.citymodel_dir = citymodel_dir
        self._lock = threading.Lock()
        self._key: tuple = ()
        self._entries: list[Entry] = []
        self._titles: dict[str, dict[str, str]] = {}
        self._checked = 0.0

    def _current_key(self) -> tuple:
        pubs = published_datasets(self.publish_dir)
        report = self.citymodel_dir / "report.json" if self.citymodel_dir else None
        return (tuple(sorted((k, m["version"]) for k, m in pubs.items() if m.get("access", "public") == "public")),
                _stamp(report))

    def refresh(self, force: bool = False) -> None:
        with self._lock:
            now = time.monotonic()
            if not force and now - self._checked < RECHECK_SECONDS and self._checked:
                return
            self._checked = now
            key = self._current_key()
            if key == self._key and not force:
                return
            entries: list[Entry] = []
            titles: dict[str, dict[str, str]] = {}
            pubs = published_datasets(self.publish_dir)
            reg_titles = registry_titles(self.datasets_dir)
            for ds_id, _version in key[0]:
                m = pubs[ds_id]
                folder = current_dir(self.publish_dir, ds_id)
                gpkg = folder / f"{ds_id}.gpkg" if folder else None
                if gpkg is None or not gpkg.exists():
                    continue
                titles[ds_id] = reg_titles.get(ds_id) or _title(m, ds_id)
                for coll in m.get("collections", []):
                    if coll.get("view") != "source":
                        continue
                    try:
                        entries.extend(index_layer(gpkg, coll.get("layer", coll["id"]), ds_id))
                    except sqlite3.Error as exc:
                        LOGGER.warning("search: cannot index %s/%s: %s", gpkg, coll.get("layer"), exc)
            model = citymodel_source(self.citymodel_dir)
            if model is not None:
                try:
                    entries.extend(index_layer(model[0], model[1], CITYMODEL))
                    titles[CITYMODEL] = dict(CITYMODEL_TITLE)
                except sqlite3.Error as exc:
                    LOGGER.warning("search: cannot index the city model's source %s/%s: %s", *model, exc)
            entries.sort(key=lambda e: (len(e.norm), e.norm))
            self._entries, self._titles, self._key = entries, titles, key
            LOGGER.info("search index: %d entries from %d publications%s", len(entries), len(key[0]),
                        " and the city model" if CITYMODEL in titles else "")

    def search(self, q: str, limit: int = 10) -> list[dict[str, Any]]:
        if len(q) > MAX_QUERY:
            raise RequestError(f"query longer than {MAX_QUERY} characters", field="q", value=q[:20] + "…")
        if not 1 <= limit <= MAX_LIMIT:
            raise RequestError(f"limit must be between 1 and {MAX_LIMIT}", field="limit", value=limit)
        nq = normalise(q)
        if len(nq) < 2:
            return []
        self.refresh()
        tokens = nq.split()
        scored: list[tuple[int, int, Entry]] = []
        for i, e in enumerate(self._entries):
            if not all(t in e.norm for t in tokens):
                continue
            if e.norm.startswith(nq):
                rank = 0
            elif (" " + e.norm).find(" " + tokens[0]) >= 0:
                rank = 1
            else:
                rank = 2
            scored.append((rank, i, e))
            if rank == 0 and sum(1 for s in scored if s[0] == 0) >= limit * 4:
                break
        scored.sort(key=lambda t: (t[0], t[1]))
        seen: set[tuple[str, str]] = set()
        out = []
        for _, _, e in scored:
            if (e.label, e.dataset) in seen:
                continue
            seen.add((e.label, e.dataset))
            out.append(e.as_json(self._titles))
            if len(out) >= limit:
                break
        return out


def _title(manifest: dict[str, Any], ds_id: str) -> dict[str, str]:
    t = manifest.get("title")
    if isinstance(t, dict):
        return {"de": str(t.get("de", ds_id)), "en": str(t.get("en", t.get("de", ds_id)))}
    return {"de": ds_id, "en": ds_id}


def registry_titles(datasets_dir: Path | None) -> dict[str, dict[str, str]]:
    if datasets_dir is None:
        return {}
    try:
        from core.config import load_registry
        reg = load_registry(datasets_dir, check_plugins=False)
    except Exception:
        LOGGER.debug("no dataset titles from %s", datasets_dir, exc_info=True)
        return {}
    return {k: {"de": d.title.de, "en": d.title.en} for k, d in reg.items()}
