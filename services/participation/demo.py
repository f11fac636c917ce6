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
from .core import Participation, now_utc

LOGGER = logging.getLogger(__name__)
DEMO_ID = "bplan2070"
ANNOUNCEMENT = (
    "Der Entwurf des Bebauungsplans 2070 mit Begründung wird nach § 3 Abs. 2 BauGB im Internet veröffentlicht. "
    "Während der Frist kann jede Person eine Stellungnahme abgeben – hier online, am Bildschirm im Rathaus "
    "(Markt 1) oder schriftlich.\n\n"
    "Nicht fristgerecht abgegebene Stellungnahmen können bei der Beschlussfassung über den Bauleitplan "
    "unberücksichtigt bleiben (§ 4a Abs. 5 BauGB).\n\n"
    "Demo-Verfahren: Der Plan stammt aus Bremen (Testdaten), nicht aus Hildesheim.")


def seed_demo(settings: Settings) -> dict[str, str]:
    cfg = load_config(settings)
    part = Participation(cfg)
    today = now_utc().astimezone(part.tz).date()
    plan_file = settings.var_dir / "plans" / f"{DEMO_ID}.json"
    title = "Bebauungsplan 2070 (Demo)"
    if plan_file.exists():
        title = f"Bebauungsplan {json.loads(plan_file.read_text(encoding='utf-8'))['title']} (Demo)"
    base = settings.service.public_url.rstrip("/")
    part.upsert_procedure(
        DEMO_ID, title, ANNOUNCEMENT,
        # the shared data hold no plan PDFs: the demo links the plan's own published data instead
        [{"title": "Geltungsbereich des Plans (GeoJSON)", "url": f"{base}/beteiligung/api/plaene/{DEMO_ID}.geojson"},
         {"title": "Festsetzungen als INSPIRE-Daten (OGC API – Features)", "url": f"{base}/ogc/collections"}],
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
