"""What a citizen gets back: the receipt in local German time with a short summary of what was
received, the data behind the content hash (to recompute it with ``sha256sum``), and the check of a
receipt against what the city has stored (``/pruefen``).

The hash covers procedure, text, location, receipt time (UTC) and the attachments' SHA-256, never name
or e-mail (``core.canonical_content``). Whoever holds number *and* hash — the citizen, from the receipt —
can have the stored statement checked and get the hashed data again; the 256-bit hash cannot be guessed,
and the number alone reveals nothing.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from . import db as T
from .core import LOCATION_LABEL, MODERATION_LABEL, Participation, canonical_content

MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
          "November", "Dezember")
SUMMARY_CHARS = 300


def de_datetime(stamp: str, tz: str | ZoneInfo = "Europe/Berlin") -> str:
    """``2026-12-04T16:33:26.312665Z`` -> ``4. Dezember 2026, 17:33 Uhr`` (local time, CET/CEST)."""
    zone = tz if isinstance(tz, ZoneInfo) else ZoneInfo(tz)
    d = datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone(zone)
    return f"{d.day}. {MONTHS[d.month - 1]} {d.year}, {d:%H:%M} Uhr"


def de_date(d: date | str) -> str:
    """``date(2026, 12, 6)`` or ``"2026-12-06"`` -> ``6. Dezember 2026`` (text that is no date: as it is)."""
    if isinstance(d, str):
        try:
            day = date.fromisoformat(d[:10])
        except ValueError:
            return d
    else:
        day = d
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def shorten(text: str, limit: int = SUMMARY_CHARS) -> tuple[str, bool]:
    """The text up to ``limit`` characters, cut at a word boundary with "…"; (text, shortened)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text, False
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(",;:.-–") + " …", True


def _de_num(x: float, digits: int = 5) -> str:
    return f"{x:.{digits}f}".replace(".", ",")


def describe_location(geometry: dict[str, Any] | None, kind: str | None,
                      plan: dict[str, Any] | None) -> str | None:
    """Plain German: what kind of place, where, and whether it lies in the plan's area (Geltungsbereich)."""
    if not geometry:
        return None
    import shapely.geometry
    g = shapely.geometry.shape(geometry)
    c = g.centroid if g.geom_type != "Point" else g
    what = LOCATION_LABEL.get(kind or "", "Ort")
    if g.geom_type == "LineString":
        what += f" mit {len(geometry['coordinates'])} Punkten"
    elif g.geom_type == "Polygon":
        what += f" mit {len(geometry['coordinates'][0]) - 1} Eckpunkten"
    where = f"{_de_num(c.y)}° N, {_de_num(c.x)}° O"
    if kind == "3d" and len(geometry.get("coordinates", [])) == 3:
        where += f", Höhe {_de_num(geometry['coordinates'][2], 1)} m"
    text = f"{what} bei {where}" if g.geom_type == "Point" else f"{what}, Mitte bei {where}"
    area = [f.get("geometry") for f in ((plan or {}).get("geltungsbereich") or {}).get("features", [])]
    shapes = [shapely.geometry.shape(a) for a in area if a]
    if shapes:
        inside = any(s.intersects(g) for s in shapes)  # 2D test; a 3D spot's height is ignored
        text += " – im Plangebiet (Geltungsbereich des Plans)" if inside else " – außerhalb des Plangebiets"
    return text


def data_url(hashed: str) -> str:
    return "data:application/json;charset=utf-8;base64," + base64.b64encode(hashed.encode()).decode()


def view(receipt: dict[str, Any], tz: str, plan: dict[str, Any] | None) -> dict[str, Any]:
    """The receipt as the web page and the kiosk show it (everything as plain text; escaping is the
    template's or ``textContent``'s job)."""
    summary, shortened = shorten(receipt["text"])
    return {
        "number": receipt["number"], "received_at": receipt["received_at"], "content_hash": receipt["content_hash"],
        "received_local": de_datetime(receipt["received_at"], tz),
        "procedure": receipt["procedure"], "period": receipt["period"], "late": receipt["late"],
        "summary": summary, "summary_shortened": shortened, "text_chars": len(receipt["text"]),
        "location": describe_location(receipt.get("geometry"), receipt.get("location_kind"), plan),
        "attachments": receipt.get("attachments", []),
        "hash_file": f"stellungnahme-{receipt['number']}.json", "hash_data_url": data_url(receipt["hashed"]),
    }


def check(part: Participation, number: str, chash: str) -> dict[str, Any] | None:
    """Look a receipt up: None when no statement has this number *and* hash (which of the two is wrong
    is not said). Otherwise the hash is recomputed from the stored content; ``intact`` says whether it
    still matches, so a change of the stored statement after its receipt would show."""
    number, chash = (number or "").strip(), (chash or "").strip().lower()
    if not number or len(number) > 40 or len(chash) != 64:
        return None
    with part.db.read() as c:
        r = c.execute(select(T.statements).where(T.statements.c.number == number)).mappings().first()
        if r is None or not hmac.compare_digest(r["content_hash"], chash):
            return None
        att = list(c.execute(select(T.attachments.c.sha256).where(T.attachments.c.statement_id == r["id"])
                             .order_by(T.attachments.c.id)).scalars())
    hashed = canonical_content(r["procedure_id"], r["text"], json.loads(r["geometry"]) if r["geometry"] else None,
                               r["received_at"], att)
    return {"number": number, "content_hash": chash, "received_local": de_datetime(r["received_at"], part.tz),
            "intact": hashlib.sha256(hashed).hexdigest() == chash,
            "moderation": MODERATION_LABEL.get(r["moderation"], r["moderation"]),
            "published": r["moderation"] == "published",
            "procedure_id": r["procedure_id"], "hash_file": f"stellungnahme-{number}.json",
            "hash_data_url": data_url(hashed.decode())}
