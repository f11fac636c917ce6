"""What a Bebauungsplan allows, in plain German, for citizens (the participation's plan page).

One line per building area (``BP_BaugebietsTeilFlaeche``) of the plan's source view, from the XPlanung code
lists and numbers the reader keeps: the kind of area (``besondereArtDerBaulNutzung``, else
``allgArtDerBaulNutzung``), the number of full storeys (``Z``, ``Zmin``–``Zmax``, ``Zzwingend``), the site
coverage ratio (GRZ), the floor area ratio (GFZ), the building mass ratio (BMZ) and the building pattern
(``bauweise``), e.g. "Allgemeines Wohngebiet (WA): höchstens 3 Vollgeschosse, Grundflächenzahl (GRZ) 0,4 –
höchstens 40 % des Grundstücks dürfen überbaut werden". Equal lines are merged with their count and area.
Codes from the XPlanung 5.x/6.0 enumerations ``XP_BesondereArtDerBaulNutzung``, ``XP_AllgArtDerBaulNutzung``
and ``BP_Bauweise``; an unknown code is named as such with its number (never left out silently).
"""
from __future__ import annotations

import json
import math
from typing import Any

import geopandas as gpd

BESONDERE = {1000: "Kleinsiedlungsgebiet (WS)", 1100: "Reines Wohngebiet (WR)", 1200: "Allgemeines Wohngebiet (WA)",
             1300: "Besonderes Wohngebiet (WB)", 1400: "Dorfgebiet (MD)", 1450: "Dörfliches Wohngebiet (MDW)",
             1500: "Mischgebiet (MI)", 1550: "Urbanes Gebiet (MU)", 1600: "Kerngebiet (MK)",
             1700: "Gewerbegebiet (GE)", 1800: "Industriegebiet (GI)",
             2000: "Sondergebiet, das der Erholung dient (SO)", 2100: "Sonstiges Sondergebiet (SO)",
             3000: "Wochenendhausgebiet (SO)", 4000: "Sondergebiet (SO)",
             9999: "Sonstiges Gebiet"}
ALLGEMEINE = {1000: "Wohnbaufläche (W)", 2000: "Gemischte Baufläche (M)", 3000: "Gewerbliche Baufläche (G)",
              4000: "Sonderbaufläche (S)", 9999: "Sonstige Baufläche"}
BAUWEISE = {1000: "offene Bauweise", 2000: "geschlossene Bauweise", 3000: "abweichende Bauweise"}
ZONE_CLASS = "BP_BaugebietsTeilFlaeche"


def _num(v: Any) -> float | None:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def _de(x: float) -> str:
    """0.4 -> "0,4", 3.0 -> "3" (German decimal comma)."""
    return (f"{x:.2f}".rstrip("0").rstrip(".")).replace(".", ",")


def _code(attrs: dict[str, Any], key: str) -> int | None:
    n = _num(attrs.get(key))
    return int(n) if n is not None else None


def area_kind(attrs: dict[str, Any]) -> str:
    """The kind of building area in words (special kind first, else the general one)."""
    for key, table in (("besondereArtDerBaulNutzung", BESONDERE), ("allgArtDerBaulNutzung", ALLGEMEINE)):
        code = _code(attrs, key)
        if code is not None:
            return table.get(code, f"Baugebiet (Schlüssel {key} {code})")
    return "Baugebiet ohne festgesetzte Art der Nutzung"


def _storeys(row: dict[str, Any]) -> str | None:
    z, zmin, zmax, zz = (_num(row.get(k)) for k in ("Z", "Zmin", "Zmax", "Zzwingend"))
    if zz is not None:
        return f"genau {_de(zz)} Vollgeschoss{'e' if zz != 1 else ''}"
    if zmin is not None and zmax is not None:
        return f"{_de(zmin)} bis {_de(zmax)} Vollgeschosse"
    top = z if z is not None else zmax
    if top is not None:
        return f"höchstens {_de(top)} Vollgeschoss{'e' if top != 1 else ''}"
    if zmin is not None:
        return f"mindestens {_de(zmin)} Vollgeschoss{'e' if zmin != 1 else ''}"
    return None


def describe(row: dict[str, Any]) -> str:
    """One building area in plain German."""
    attrs = row.get("attributes")
    if isinstance(attrs, str):
        try:
            attrs = json.loads(attrs)
        except ValueError:
            attrs = {}
    attrs = attrs if isinstance(attrs, dict) else {}
    parts: list[str] = []
    if storeys := _storeys(row):
        parts.append(storeys)
    grz, gfz, bmz = (_num(row.get(k)) for k in ("GRZ", "GFZ", "BMZ"))
    if grz is not None:
        parts.append(f"Grundflächenzahl (GRZ) {_de(grz)} – höchstens {_de(grz * 100)} % des Grundstücks "
                     "dürfen überbaut werden")
    if gfz is not None:
        parts.append(f"Geschossflächenzahl (GFZ) {_de(gfz)} – die Geschossfläche aller Vollgeschosse darf höchstens "
                     f"das {_de(gfz)}-Fache der Grundstücksfläche betragen")
    if bmz is not None:
        parts.append(f"Baumassenzahl (BMZ) {_de(bmz)} – höchstens {_de(bmz)} m³ Baumasse je m² Grundstück")
    bw = _code(attrs, "bauweise")
    if bw is not None:
        parts.append(BAUWEISE.get(bw, f"Bauweise (Schlüssel {bw})"))
    kind = area_kind(attrs)
    return f"{kind}: {'; '.join(parts)}" if parts else f"{kind}: keine Angaben zu Geschossen und Maß der Nutzung"


def zone_summaries(objects: gpd.GeoDataFrame | None) -> list[dict[str, Any]]:
    """``[{"text", "count", "area_m2"}]`` for the building areas of a plan's objects (metric CRS), equal lines
    merged, the largest total area first."""
    if objects is None or "xplan_class" not in objects.columns:
        return []
    zones = objects[objects["xplan_class"] == ZONE_CLASS]
    merged: dict[str, dict[str, Any]] = {}
    for row, geom in zip(zones.to_dict("records"), zones.geometry, strict=True):
        text = describe(row)
        entry = merged.setdefault(text, {"text": text, "count": 0, "area_m2": 0.0})
        entry["count"] += 1
        entry["area_m2"] += float(geom.area) if geom is not None and not geom.is_empty else 0.0
    out = sorted(merged.values(), key=lambda e: -e["area_m2"])
    for e in out:
        e["area_m2"] = round(e["area_m2"])
    return out


# XP_ExterneReferenzTyp (XPlanung 5.x and 6.0; 4000/5000 since 5.3)
REF_TYPES = {"1000": "Beschreibung", "1010": "Begründung", "1020": "Legende", "1030": "Rechtsplan",
             "1040": "Plangrundlage", "1050": "Umweltbericht", "1060": "Satzung", "1065": "Verordnung",
             "1070": "Karte", "1080": "Erläuterung", "1090": "Zusammenfassende Erklärung",
             "2000": "Koordinatenliste", "2100": "Grundstücksverzeichnis", "2200": "Pflanzliste",
             "2300": "Grünordnungsplan", "2400": "Erschließungsvertrag", "2500": "Durchführungsvertrag",
             "2600": "Städtebaulicher Vertrag", "2700": "Umweltbezogene Stellungnahmen", "2800": "Beschluss",
             "2900": "Vorhaben- und Erschließungsplan", "3000": "Metadaten des Plans", "4000": "Genehmigung",
             "5000": "Bekanntmachung", "9998": "Rechtsverbindliches Dokument", "9999": "Informelles Dokument"}


def plan_documents(plan: dict[str, Any]) -> list[dict[str, Any]]:
    """The plan's ``externeReferenz`` entries as links for citizens: ``{"title", "url", "kind", "date", "pdf"}``
    (``date`` as in the plan, ISO; the page shows it in German with the participation's ``de_date``).
    Only http(s) URLs become links (a ``javascript:`` or file URL in a plan file is dropped); a reference
    without a usable URL is listed by name."""
    from urllib.parse import unquote, urlsplit
    out: list[dict[str, Any]] = []
    for ref in plan.get("references") or []:
        if not isinstance(ref, dict):
            continue
        url = str(ref.get("referenzURL") or "").strip()
        parts = urlsplit(url) if url else None
        usable = parts is not None and parts.scheme in ("http", "https") and bool(parts.netloc)
        name = str(ref.get("referenzName") or "").strip()
        if not name and usable and parts is not None:
            name = unquote(parts.path.rsplit("/", 1)[-1]) or parts.netloc
        if not name and not usable:
            continue
        out.append({"title": name or url, "url": url if usable else None,
                    "kind": REF_TYPES.get(str(ref.get("typ") or "").split(".")[0]),
                    "date": str(ref.get("datum") or "")[:10] or None,
                    "pdf": usable and (parts is not None and parts.path.lower().endswith(".pdf"))})
    return out
