"""The viewer's server side through real HTTP against ``gdi serve``: page, CSP without inline scripts,
Cesium served locally with caching headers, the accessibility statement with its feedback channel, and
the place search over the published data."""
from __future__ import annotations

import html as htmllib
import json
import re
from html.parser import HTMLParser
from urllib.parse import urlparse

import pytest
import requests


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts: list[dict] = []
        self.links: list[str] = []
        self.inline_handlers: list[str] = []
        self._in_script = False
        self.inline_code = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            self.scripts.append(a)
            self._in_script = True
        if tag == "link" and a.get("href"):
            self.links.append(a["href"])
        self.inline_handlers += [k for k in a if k.startswith("on")]

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.inline_code += data.strip()


@pytest.fixture(scope="module")
def page_html(server):
    r = requests.get(server + "/viewer/", timeout=30)
    assert r.status_code == 200, r.text[:500]
    return r


def test_page_has_no_inline_scripts_and_a_strict_csp(page_html):
    csp = page_html.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "connect-src 'self'" in csp
    assert "'unsafe-inline'" not in csp.split("script-src", 1)[1].split(";")[0]
    p = _Scripts()
    p.feed(page_html.text)
    assert p.scripts, "no scripts at all?"
    assert all(s.get("src") for s in p.scripts), "inline <script> found"
    assert p.inline_code == "" and p.inline_handlers == []
    for url in [s["src"] for s in p.scripts] + p.links:
        assert not urlparse(url).netloc or url.startswith("data:"), f"foreign URL in page: {url}"
    assert re.search(r'<html lang="de"', page_html.text)
    m = re.search(r'data-config="([^"]*)"', page_html.text)
    assert m is not None, "no data-config attribute"
    cfg = json.loads(m.group(1).replace("&#34;", '"').replace("&amp;", "&").replace("&#39;", "'"))
    assert cfg["lang"] == "de" and cfg["texts"]["attr_roof"] == "Dachform"
    en = requests.get(page_html.url + "?lang=en", timeout=30)
    assert '<html lang="en"' in en.text and "Roof form" in en.text.replace("&#34;", '"')


def test_cesium_served_locally_with_long_caching_and_gzip(server, page_html):
    m = re.search(r'src="([^"]*Cesium\.js)"', page_html.text)
    assert m is not None, "no Cesium.js script"
    src = m.group(1)
    r = requests.get(server + src, headers={"Accept-Encoding": "gzip"}, timeout=60)
    assert r.status_code == 200
    assert r.headers["Content-Encoding"] == "gzip"
    assert "immutable" in r.headers["Cache-Control"] and "max-age=31536000" in r.headers["Cache-Control"]
    assert int(r.headers["Content-Length"]) < 0.5 * len(r.content)   # gzip on the wire, decoded by requests
    again = requests.get(server + src, headers={"Accept-Encoding": "gzip", "If-None-Match": r.headers["ETag"]},
                         timeout=30)
    assert again.status_code == 304
    w = requests.get(server + src.replace("Cesium.js", "Workers/createVerticesFromHeightmap.js"), timeout=30)
    assert w.status_code == 200 and "javascript" in w.headers["Content-Type"]
    assert requests.get(server + "/viewer/cesium/0.0.1/Cesium.js", timeout=30).status_code == 404
    assert requests.get(server + src.replace("Cesium.js", "../../../../package.json"), timeout=30).status_code == 404


def test_own_assets_versioned_immutable_and_revalidated_otherwise(server, page_html):
    m = re.search(r'src="(/viewer/static/viewer\.js\?v=[0-9a-f]+)"', page_html.text)
    assert m is not None, "no versioned viewer.js script"
    src = m.group(1)
    r = requests.get(server + src, timeout=30)
    assert r.status_code == 200 and "immutable" in r.headers["Cache-Control"]
    plain = requests.get(server + "/viewer/static/viewer.js", timeout=30)
    assert "must-revalidate" in plain.headers["Cache-Control"] and plain.headers.get("ETag")
    assert requests.get(server + "/viewer/static/viewer.js?v=stale", timeout=30).headers["Cache-Control"] \
        == plain.headers["Cache-Control"]
    assert page_html.headers["Cache-Control"] == "no-cache"


def test_accessibility_statement_and_feedback(server, demo_settings):
    r = requests.get(server + "/viewer/barrierefreiheit", timeout=30)
    assert r.status_code == 200
    for needle in ("Erklärung zur Barrierefreiheit", "teilweise", "Schlichtungsverfahren", "<form", "mailto:"):
        assert needle in r.text
    assert "Accessibility statement" in requests.get(server + "/viewer/barrierefreiheit?lang=en", timeout=30).text
    empty = requests.post(server + "/viewer/feedback", data={"message": "  "}, timeout=30)
    assert empty.status_code == 400 and "Bitte geben Sie eine Nachricht ein" in empty.text
    too_long = requests.post(server + "/viewer/feedback", data={"message": "x" * 5001}, timeout=30)
    assert too_long.status_code == 400
    ok = requests.post(server + "/viewer/feedback", data={"message": "Kontrast der Legende zu gering",
                                                          "contact": "test@example.org"}, timeout=30)
    assert ok.status_code == 200 and "Vielen Dank" in ok.text
    lines = (demo_settings.var_dir / "viewer" / "feedback.jsonl").read_text(encoding="utf-8").splitlines()
    assert any(json.loads(line)["message"] == "Kontrast der Legende zu gering" for line in lines)


def test_search_finds_streets_of_published_data(server, demo_settings):
    import sqlite3

    from core.publication import current_dir
    trees_dir = current_dir(demo_settings.publish_dir, "trees")
    assert trees_dir is not None
    gpkg = trees_dir / "trees.gpkg"
    con = sqlite3.connect(gpkg)
    name, n = con.execute("SELECT location_name, count(*) FROM trees_source WHERE location_name IS NOT NULL "
                          "GROUP BY location_name ORDER BY count(*) DESC LIMIT 1").fetchone()
    con.close()
    word = max(name.split(), key=len)
    r = requests.get(server + "/viewer/api/search", params={"q": word.lower()}, timeout=30)
    assert r.status_code == 200
    hits = [h for h in r.json()["results"] if h["label"] == name]
    assert hits, r.json()
    h = hits[0]
    assert h["dataset"] == "trees" and h["count"] == n
    w, s, e, nn = h["bbox"]
    assert w <= h["lon"] <= e and s <= h["lat"] <= nn and 5 < h["lon"] < 16 and 47 < h["lat"] < 56


@pytest.mark.parametrize("params, status, needle", [
    ({"q": "x" * 101}, 400, "longer than 100"),
    ({"q": "Weg", "limit": "0"}, 400, "limit must be between"),
    ({"q": "Weg", "limit": "abc"}, 400, "limit must be an integer"),
    ({"q": "a"}, 200, '"results":[]'),
    ({"q": "zzzqqqxxx"}, 200, '"results":[]'),
])
def test_search_bad_requests(server, params, status, needle):
    r = requests.get(server + "/viewer/api/search", params=params, timeout=30)
    assert r.status_code == status
    assert needle in r.text.replace(" ", "") or needle in r.text


def test_search_never_indexes_restricted_datasets(demo_settings):
    from core.publication import current_dir, published_datasets
    from services.web.search import SearchIndex, index_layer
    pubs = published_datasets(demo_settings.publish_dir)
    restricted = [k for k, m in pubs.items() if m.get("access") == "restricted"]
    assert restricted, "the demo publishes no restricted dataset (datasets/altlasten_intern missing?)"
    would_have = 0
    for ds in restricted:
        ds_dir = current_dir(demo_settings.publish_dir, ds)
        assert ds_dir is not None, ds
        gpkg = ds_dir / f"{ds}.gpkg"
        for c in pubs[ds].get("collections", []):
            if gpkg.exists():
                would_have += len(index_layer(gpkg, c.get("layer", c["id"]), ds))
    idx = SearchIndex(demo_settings.publish_dir, demo_settings.datasets_dir)
    idx.refresh(force=True)
    assert idx._entries, "index is empty"
    assert not [e for e in idx._entries if e.dataset in restricted]
    assert would_have > 0, (f"restricted datasets {restricted} have no name-like columns: the exclusion is not "
                            "observable (the demo's altlasten_intern should have some)")


def test_search_finds_building_addresses_and_their_street(server, demo_settings):
    import sqlite3

    from core.publication import current_dir, published_datasets
    pubs = published_datasets(demo_settings.publish_dir)
    bu = [k for k, m in pubs.items() if "building" in str(m.get("feature_type", "")).lower()
          and m.get("access", "public") == "public"]
    assert bu, "the demo publishes no public building dataset (datasets/gebaeude missing?)"
    ds = bu[0]
    ds_dir = current_dir(demo_settings.publish_dir, ds)
    assert ds_dir is not None
    con = sqlite3.connect(ds_dir / f"{ds}.gpkg")
    rows = [r[0] for r in con.execute(f'SELECT address FROM "{ds}_source" WHERE address IS NOT NULL')]
    con.close()
    assert rows, f"the demo's {ds} has no addresses"
    address = rows[0]
    house = re.match(r"^(.*\D)\s+\d+\s*[a-zA-Z]?$", address)
    assert house is not None, address
    street = house.group(1)
    on_street = sum(1 for a in rows if re.match(rf"^{re.escape(street)}\s+\d", a))
    res = requests.get(server + "/viewer/api/search", params={"q": address, "limit": 5}, timeout=30).json()["results"]
    assert res and res[0]["label"] == address and res[0]["dataset"] == ds and res[0]["count"] == 1
    abbreviated = street.lower().replace("straße", "str.")
    res = requests.get(server + "/viewer/api/search", params={"q": abbreviated, "limit": 5},
                       timeout=30).json()["results"]
    first = res[0]
    assert (first["label"], first["field"], first["count"]) == (street, "street", on_street)


def test_search_finds_addresses_of_the_city_model(server, demo_settings):
    """The 3D city model's footprints (the demo town, no publication) are searchable by address: the build
    records its source in report.json, and a hit's box lies on that building."""
    import sqlite3

    from pyproj import Transformer
    report = json.loads((demo_settings.var_dir / "3dtiles" / "buildings" / "report.json").read_text())
    src = report["source"]
    assert src["path"].endswith(".gpkg") and src["layer"] == "gebaeude", src
    con = sqlite3.connect(src["path"])
    rows = con.execute("SELECT strasse || ' ' || hausnummer, count(*), min(r.minx), min(r.miny), max(r.maxx), "
                       "max(r.maxy) FROM gebaeude g JOIN rtree_gebaeude_geom r ON r.id = g.fid "
                       "WHERE strasse IS NOT NULL GROUP BY 1 ORDER BY 1").fetchall()
    con.close()
    assert len(rows) > 100, "the demo city model has no addresses"
    address, n, x0, y0, x1, y1 = rows[len(rows) // 2]
    res = requests.get(server + "/viewer/api/search", params={"q": address, "limit": 10}, timeout=30).json()
    hits = [h for h in res["results"] if h["dataset"] == "citymodel" and h["label"] == address]
    assert hits, res
    h = hits[0]
    assert h["count"] == n and h["title"]["de"] == "3D-Stadtmodell"
    lon, lat = Transformer.from_crs("EPSG:25832", "OGC:CRS84", always_xy=True).transform((x0 + x1) / 2, (y0 + y1) / 2)
    w, s, e, nn = h["bbox"]
    assert w - 1e-6 <= lon <= e + 1e-6 and s - 1e-6 <= lat <= nn + 1e-6


def _config(html: str) -> dict:
    m = re.search(r'data-config="([^"]*)"', html)
    assert m is not None, "no data-config attribute"
    return json.loads(htmllib.unescape(m.group(1)))


def test_text_keys_never_collide_with_dict_or_object_members(page_html, server):
    """``t.keys`` in a template is the dict's method: the keyboard help once read "<built-in method keys …>"."""
    from services.web.i18n import RESERVED, TEXTS, reserved_clashes
    assert {"keys", "items", "values", "get", "pop", "update", "copy", "constructor", "toString"} <= RESERVED
    assert reserved_clashes() == [], f"UI text keys named like dict/Object members: {reserved_clashes()}"
    assert not set(TEXTS) & RESERVED
    for url, label in ((page_html.url, "Tastaturbedienung"), (page_html.url + "?lang=en", "Keyboard use")):
        text = requests.get(url, timeout=30).text
        assert "built-in method" not in text and "<bound method" not in text
        assert f"<summary>{label}</summary>" in text


@pytest.mark.parametrize("prefix, name, expected", [
    ("Gebäude (3D)", "Gebäude", "Gebäude (3D)"),
    ("Gebäude (3D)", "Gebäude (ALKIS-Grundrisse)", "Gebäude (ALKIS-Grundrisse) – 3D"),
    ("Gebäude (3D)", "Gebäude LoD1 (3D-Gebäudemodell)", "Gebäude LoD1 (3D-Gebäudemodell)"),
    ("Geplante Gebäude (3D)", "Planung (Demo)", "Geplante Gebäude (3D): Planung (Demo)"),
    ("Buildings (3D)", "Buildings Lorup", "Buildings Lorup (3D)"),
])
def test_layer_title_never_repeats_its_prefix(prefix, name, expected):
    from services.web.layer_titles import compose
    assert compose(prefix, name) == expected


def test_page_config_names_every_tileset_without_ids(server, page_html, demo_settings):
    """Every entry of /3dtiles/index.json gets a display name in the page's language (dataset registry +
    UI texts); none of them is a folder id such as ``planned_bplan2070_grz``."""
    from core.config import load_registry
    from services.web.i18n import texts
    index = requests.get(server + "/3dtiles/index.json", timeout=30).json()["tilesets"]
    assert index, "the demo built no tilesets"
    reg = load_registry(demo_settings.datasets_dir, check_plugins=False)
    for lang in ("de", "en"):
        html = page_html.text if lang == "de" else requests.get(page_html.url + "?lang=en", timeout=30).text
        titles = _config(html)["tilesetTitles"]
        assert set(titles) == {e["id"] for e in index}
        assert titles["buildings"] == texts(lang)["layer_buildings"]
        for e in index:
            label = titles[e["id"]]
            leaf = e["id"].rsplit("/", 1)[-1]
            assert not re.search(rf"(?<!\w){re.escape(leaf)}(?!\w)", label) and "_" not in label, \
                f"{e['id']} shown as {label!r}"
            words = [w.casefold() for w in re.findall(r"\w+", label)]
            assert len(words) == len(set(words)), f"repeated word in {label!r}"
            if e["kind"] == "buildings" and leaf in reg:
                assert getattr(reg[leaf].title, lang) in label
            m = re.fullmatch(r"planned_(.+)_(maximal|grz|minimal)", leaf)
            if m and m.group(1) in reg:
                assert label.startswith(getattr(reg[m.group(1)].title, lang).split(" – ")[0])
                assert texts(lang)[f"variant_{m.group(2)}"] in label


def test_every_plan_variant_has_a_display_name():
    from citymodel.plan_variants import VARIANTS
    from services.web.i18n import texts
    for lang in ("de", "en"):
        assert all(f"variant_{v}" in texts(lang) for v in VARIANTS)
