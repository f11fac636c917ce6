"""Export for the weighing (Abwägung): XLSX, CSV (one row per statement) and GeoJSON of the locations.

The pseudonymised variant (for the council) leaves out name and e-mail and replaces them with a
stable pseudonym per person (HMAC of the e-mail or name with the installation's secret), so the
council sees that several statements come from one person without seeing who it is.

Values: CSV and XLSX are read by people (planners, the council), so they carry German words
("veröffentlicht", "Internet", "Fläche", "ja"). The GeoJSON export is read by programs (GIS, scripts):
its properties keep the stable machine values of the database and the API (``moderation: "published"``,
``location_kind: "area"``) and add the German words next to them (``moderation_label`` …).
"""
from __future__ import annotations

import csv
import hashlib
import hmac
import io
import json
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from .core import CHANNEL_LABEL, LOCATION_LABEL, MODERATION_LABEL, PERIOD_LABEL, Participation

COLUMNS = [("number", "Nr."), ("received_at", "Eingang (UTC)"), ("received_local", "Eingang (Ortszeit)"),
           ("period", "Beteiligungsschritt"), ("late", "verspätet"), ("channel", "Kanal"), ("text", "Stellungnahme"),
           ("location", "Ort (GeoJSON)"), ("location_kind", "Ortsart"), ("attachments", "Anhänge"),
           ("moderation", "Moderation"), ("assigned_to", "Zuständig (Planung)"), ("planner_note", "Vermerk Planung"),
           ("content_hash", "Prüfsumme (SHA-256)")]
PERSONAL = [("name", "Name"), ("email", "E-Mail")]
PSEUDO = [("pseudonym", "Pseudonym")]


def rows(p: Participation, pid: str | None, *, pseudonymised: bool,
         secret: bytes) -> tuple[list[tuple[str, str]], list[dict]]:
    cols = COLUMNS + (PSEUDO if pseudonymised else PERSONAL)
    out = []
    for r in p.list_statements(pid, with_personal=True):
        rec: dict[str, Any] = {k: r.get(k) for k, _ in COLUMNS}
        rec["period"] = PERIOD_LABEL.get(r["period_kind"] or "", r["period_kind"] or "")
        rec["late"] = "ja" if r["late"] else "nein"
        rec["received_local"] = _local(r["received_at"], p.tz)
        rec["channel"] = CHANNEL_LABEL.get(r["channel"], r["channel"])
        rec["location_kind"] = LOCATION_LABEL.get(r["location_kind"] or "", r["location_kind"] or "")
        rec["moderation"] = MODERATION_LABEL.get(r["moderation"], r["moderation"])
        rec["assigned_to"] = r.get("assigned_to") or ""
        rec["location"] = json.dumps(r["geometry"]) if r["geometry"] else ""
        rec["attachments"] = r["attachment_count"]
        if pseudonymised:
            who = (r.get("email") or r.get("name") or "").strip().lower()
            rec["pseudonym"] = ("P-" + hmac.new(secret, who.encode(), hashlib.sha256).hexdigest()[:10]) if who else ""
        else:
            rec["name"], rec["email"] = r.get("name") or "", r.get("email") or ""
        out.append(rec)
    return cols, out


def _local(stamp: str, tz: ZoneInfo) -> str:
    """UTC ISO 8601 -> ``04.12.2026 17:33`` in local time (sorts badly, reads well; the UTC column sorts)."""
    return datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone(tz).strftime("%d.%m.%Y %H:%M")


def _cell(v: Any) -> Any:
    """Defuse spreadsheet formula injection (a statement starting with '=' stays text)."""
    if isinstance(v, str) and v[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + v
    return v


def to_csv(cols, recs) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", quoting=csv.QUOTE_MINIMAL)
    w.writerow([label for _, label in cols])
    for r in recs:
        w.writerow([_cell(r.get(k, "")) for k, _ in cols])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")  # BOM: Excel opens UTF-8 correctly


def to_xlsx(cols, recs) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    wb = Workbook()
    ws = wb.active
    ws.title = "Stellungnahmen"
    ws.append([label for _, label in cols])
    for c in ws[1]:
        c.font = Font(bold=True)
    for r in recs:
        ws.append([_cell(r.get(k, "")) for k, _ in cols])
    widths = {"text": 80, "planner_note": 40, "location": 30, "content_hash": 20, "assigned_to": 18}
    for i, (k, _) in enumerate(cols, 1):
        ws.column_dimensions[ws.cell(1, i).column_letter].width = widths.get(k, 16)
    for row in ws.iter_rows(min_row=2):
        for c in row:
            c.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def to_geojson(p: Participation, pid: str | None) -> bytes:
    feats = [{"type": "Feature", "id": r["number"], "geometry": r["geometry"],
              "properties": {"number": r["number"], "received_at": r["received_at"], "late": bool(r["late"]),
                             "location_kind": r["location_kind"], "moderation": r["moderation"],
                             "assigned_to": r.get("assigned_to"),
                             "location_kind_label": LOCATION_LABEL.get(r["location_kind"] or "", ""),
                             "moderation_label": MODERATION_LABEL.get(r["moderation"], r["moderation"])}}
             for r in p.list_statements(pid) if r["geometry"]]
    return json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False).encode()
