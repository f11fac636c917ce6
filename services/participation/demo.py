"""DEMO step: a procedure for the demo plan with an ended § 3 (1) and an open § 3 (2) period, and two
staff accounts whose random passwords are written to ``var/participation/demo-staff.txt`` (mode 0600)."""
from __future__ import annotations

import json
import logging
import os
import secrets
from datetime import timedelta

import click

from core.config import Settings

from .config import load_config
from .core import Participation, now_utc, plan_wms_layers

LOGGER = logging.getLogger(__name__)
DEMO_ID = "bplan_lerchenfeld"   # the demo town's plan HI 245 (datasets/bplan_lerchenfeld, XPlanGML 6.0)
ANNOUNCEMENT = (
    "Der Entwurf des Bebauungsplans HI 245 „Am Lerchenfeld“ mit Begründung wird nach § 3 Abs. 2 BauGB im Internet "
    "veröffentlicht. "
    "Während der Frist kann jede Person eine Stellungnahme abgeben – hier online, am Bildschirm im Rathaus "
    "(Markt 1) oder schriftlich.\n\n"
    "Nicht fristgerecht abgegebene Stellungnahmen können bei der Beschlussfassung über den Bauleitplan "
    "unberücksichtigt bleiben (§ 4a Abs. 5 BauGB).\n\n"
    "Demo-Verfahren: Der Plan ist erfunden – ein generierter Plan auf einer Freifläche der Demo-Stadt, kein "
    "Bauleitplan der Stadt Hildesheim.")


def demo_documents(summary: dict, base: str) -> list[dict[str, str]]:
    """For a demo plan without documents of its own (no externeReferenz): the documents a citizen can open are
    drawn from its published data — the plan drawing as an image (a WMS GetMap of the plan area with the
    legend's colours), the designations as a table with a map (the OGC API collection's HTML page), and the
    plan's data for GIS programs (the INSPIRE download's GeoPackage). ``summary``: the plan summary
    (``var/plans/<id>.json``; its bbox and WMS layers)."""
    from urllib.parse import urlencode
    docs = []
    bbox = summary.get("bbox_crs84")
    layers = plan_wms_layers(summary)
    if bbox and len(bbox) == 4:
        import math
        w, s, e, n = (float(v) for v in bbox)
        pad_x, pad_y = (e - w) * 0.05, (n - s) * 0.05
        w, s, e, n = w - pad_x, s - pad_y, e + pad_x, n + pad_y
        aspect = (n - s) / max((e - w) * math.cos(math.radians((s + n) / 2)), 1e-9)  # on the ground
        height = max(200, min(2000, round(1600 * aspect)))
        q = {"SERVICE": "WMS", "VERSION": "1.3.0", "REQUEST": "GetMap", "STYLES": "", "CRS": "CRS:84",
             "LAYERS": layers, "BBOX": f"{w:.6f},{s:.6f},{e:.6f},{n:.6f}",
             "WIDTH": "1600", "HEIGHT": str(height), "FORMAT": "image/png", "BGCOLOR": "0xFFFFFF"}
        docs.append({"title": "Planzeichnung als Bild (PNG, aus den Plandaten gezeichnet)",
                     "url": f"{base}/wms?{urlencode(q)}"})
    docs += [{"title": "Festsetzungen als Tabelle mit Karte",
              "url": f"{base}/ogc/collections/{DEMO_ID}_zoningelement/items?f=html"},
             {"title": "Plandaten für GIS-Programme (GeoPackage)", "url": f"{base}/download/{DEMO_ID}/{DEMO_ID}.gpkg"}]
    return docs


def seed_demo(settings: Settings) -> dict[str, str]:
    cfg = load_config(settings)
    part = Participation(cfg)
    today = now_utc().astimezone(part.tz).date()
    plan_file = settings.var_dir / "plans" / f"{DEMO_ID}.json"
    title = "Bebauungsplan HI 245 „Am Lerchenfeld“ (Demo)"
    summary = json.loads(plan_file.read_text(encoding="utf-8")) if plan_file.exists() else {}
    if summary.get("title"):   # the plan's name (XPlanung name, else number): "BP2070", "Bebauungsplan HI 245 …"
        title = str(summary["title"])
        title = title if title.startswith("Bebauungsplan") else f"Bebauungsplan {title}"
        title = title if "(Demo)" in title else f"{title} (Demo)"
    base = settings.service.public_url.rstrip("/")
    # the plan's own documents (XPlanung externeReferenz) are listed on the page from the plan summary; only a
    # plan without any gets documents drawn from its published data
    documents = [] if summary.get("documents") else demo_documents(summary, base)
    part.upsert_procedure(
        DEMO_ID, title, ANNOUNCEMENT, documents,
        [("3_1", today - timedelta(days=90), today - timedelta(days=60)),
         ("3_2", today - timedelta(days=3), today + timedelta(days=30))],
        plan_id=DEMO_ID)
    creds = {}
    cfg.data_dir.mkdir(parents=True, exist_ok=True)  # with PostgreSQL nothing else creates it
    out = cfg.data_dir / "demo-staff.txt"
    if not out.exists():
        for user, role in (("moderation", "moderator"), ("planung", "planner")):
            pw = os.environ.get("GDI_DEMO_STAFF_PASSWORD") or secrets.token_urlsafe(12)
            part.add_staff(user, role, pw)
            creds[user] = pw
        from .devices import create_kiosk
        code = create_kiosk(part, "rathaus-1", "system", hours=24 * 30)
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.writelines(f"{u} {p}\n" for u, p in creds.items())
            fh.write(f"kiosk rathaus-1: {base}/beteiligung/kiosk/anmelden?code={code}\n")
        click.echo(f"participation: demo staff accounts written to {out}")
    return creds
