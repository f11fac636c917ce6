"""UI texts of the viewer in German (default) and English: one table for the server-rendered page and
the strings the JavaScript needs at run time (handed over in the page's config, no second copy)."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "title": ("3D-Stadtmodell Hildesheim", "3D city model of Hildesheim"),
    "skip": ("Zum Bedienfeld springen", "Skip to the controls"),
    "map_label": (("3D-Karte. Mit Pfeiltasten verschieben, Plus und Minus zoomen, Bild auf/ab neigen, "
                  "Q und E drehen, Eingabetaste wählt das Gebäude in der Bildmitte."),
                  ("3D map. Arrow keys pan, plus and minus zoom, page up/down tilt, Q and E rotate, "
                  "Enter selects the building in the centre.")),
    "controls": ("Bedienfeld", "Controls"),
    "other_lang": ("English", "Deutsch"),
    "other_lang_code": ("en", "de"),
    "statement": ("Barrierefreiheit", "Accessibility"),
    "search": ("Suche", "Search"),
    "search_label": ("Straße, Adresse oder Ort", "Street, address or place"),
    "search_button": ("Suchen", "Search"),
    "search_none": ("Keine Treffer.", "No results."),
    "search_count": ("{n} Treffer", "{n} results"),
    "search_error": ("Die Suche ist gerade nicht verfügbar.", "Search is not available right now."),
    "view": ("Ansicht", "View"),
    "home": ("Startansicht", "Home view"),
    "mode_2d": ("2D-Ansicht", "2D view"),
    "mode_3d": ("3D-Ansicht", "3D view"),
    "select_centre": ("Gebäude in der Bildmitte wählen", "Select building in the centre"),
    "measure": ("Messen", "Measure"),
    "measure_help": ("Zwei Punkte in der Karte anklicken.", "Click two points in the map."),
    "measure_first": ("Erster Punkt gesetzt. Zweiten Punkt anklicken.", "First point set. Click the second point."),
    "measure_result": ("Entfernung {d} m (waagerecht {h} m), Höhenunterschied {v} m",
                       "Distance {d} m (horizontal {h} m), height difference {v} m"),
    "measure_off": ("Messen beendet.", "Measuring ended."),
    "share": ("Link teilen", "Share link"),
    "share_label": ("Link zu dieser Ansicht", "Link to this view"),
    "share_copied": ("Link kopiert.", "Link copied."),
    "layers": ("Ebenen", "Layers"),
    "layer_buildings": ("Gebäude (3D)", "Buildings (3D)"),
    "layer_planned": ("Geplante Gebäude (3D)", "Planned buildings (3D)"),
    "layer_pointcloud": ("Laserpunkte (3D)", "Laser points (3D)"),
    "layer_basemap": ("Stadtkarte", "City map"),
    "layer_trees": ("Bäume", "Trees"),
    "layer_playgrounds": ("Spielplätze", "Playgrounds"),
    "layer_sites": ("Altlastenflächen", "Contaminated sites"),
    "layer_pointcloud_demo": ("Laserpunkte (3D, Beispiel)", "Laser points (3D, example)"),
    "layer_pointcloud_centre": ("Laserpunkte Innenstadt (3D, Beispiel)", "Laser points, city centre (3D, example)"),
    "layer_other_3d": ("Weiteres 3D-Modell {n}", "Further 3D model {n}"),
    "layer_plan_variant": ("{plan} (3D): {variant}", "{plan} (3D): {variant}"),
    "variant_maximal": ("maximal zulässige Baukörper", "maximum permitted volumes"),
    "variant_grz": ("Baukörper nach GRZ", "volumes by site coverage ratio (GRZ)"),
    "variant_minimal": ("Mindestbebauung", "minimum development"),
    "layer_missing": ("nicht verfügbar", "not available"),
    "legend": ("Legende", "Legend"),
    "sun": ("Sonnenstand und Schatten", "Sun position and shadows"),
    "shadows": ("Schatten anzeigen", "Show shadows"),
    "date": ("Datum", "Date"),
    "time": ("Uhrzeit", "Time of day"),
    "building": ("Ausgewähltes Gebäude", "Selected building"),
    "building_none": ("Kein Gebäude ausgewählt. Klicken oder tippen Sie auf ein Gebäude.",
                      "No building selected. Click or tap a building."),
    "attr_function": ("Gebäudefunktion", "Building function"),
    "attr_roof": ("Dachform", "Roof form"),
    "attr_storeys": ("Geschosse", "Storeys"),
    "attr_height": ("Höhe", "Height"),
    "attr_block": ("Vereinfachte Darstellung", "Simplified view"),
    "block_text": (("Baublock aus {n} Gebäuden, mittlere Höhe {h} m. Zoomen Sie näher heran, um einzelne "
                    "Gebäude auszuwählen."),
                   "Block of {n} buildings, mean height {h} m. Zoom in to select single buildings."),
    "attr_address": ("Adresse", "Address"),
    "attr_id": ("Kennung", "Identifier"),
    "attr_planned": ("Planung", "Plan"),
    "unknown": ("unbekannt", "unknown"),
    "loading": ("Stadtmodell wird geladen …", "Loading the city model …"),
    "loaded": ("Stadtmodell geladen.", "City model loaded."),
    "no_tiles": ("Das 3D-Stadtmodell ist noch nicht veröffentlicht. Die Karte zeigt nur die Ebenen.",
                 "The 3D city model has not been published yet. The map shows the layers only."),
    "no_webgl": (("Ihr Browser kann keine 3D-Grafik (WebGL) anzeigen. Die Suche und die Textinformationen "
                 "funktionieren trotzdem."),
                 "Your browser cannot show 3D graphics (WebGL). Search and the text information still work."),
    "keys_title": ("Tastaturbedienung", "Keyboard use"),
    "keys_text": (("Karte mit Tab fokussieren. Pfeiltasten: verschieben. Plus/Minus: zoomen. Bild auf/ab: "
                  "neigen (nicht in der 2D-Ansicht). Q/E: drehen. Eingabetaste: Gebäude in der Bildmitte wählen. "
                  "Escape: Messen beenden und Auswahl aufheben."),
                  ("Focus the map with Tab. Arrow keys: pan. Plus/minus: zoom. Page up/down: tilt (not in the 2D "
                  "view). Q/E: rotate. Enter: select the building in the centre. Escape: end measuring and clear "
                  "the selection.")),
    "attribution": ("Daten: Stadt Hildesheim und weitere, siehe Metadaten", ("Data: City of Hildesheim and others, "
                    "see metadata")),
    "credit_cesium": ("3D-Darstellung: CesiumJS", "3D rendering: CesiumJS"),
    "m": ("m", "m"),
}

# Names a text key must never have: the templates read ``t.<key>`` and Jinja looks up attributes before
# items, so ``t.keys`` gave the dict's method ("<built-in method keys …>"); the JavaScript reads
# ``T.<key>`` where the names of Object.prototype would shadow or break in the same way.
RESERVED = frozenset(name for name in dir(dict) if not name.startswith("__")) | frozenset({
    "constructor", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "toString",
    "valueOf", "__proto__"})


def reserved_clashes() -> list[str]:
    """Text keys that collide with dict methods or JavaScript object properties (must stay empty)."""
    return sorted(k for k in TEXTS if k in RESERVED)


def texts(lang: str) -> dict[str, str]:
    i = 1 if lang == "en" else 0
    return {k: v[i] for k, v in TEXTS.items()}
