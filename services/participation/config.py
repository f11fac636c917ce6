"""Participation settings from the environment (the project's ``Settings`` stay untouched).

| variable | default | meaning |
|---|---|---|
| ``GDI_BETEILIGUNG_DB`` | ``sqlite:///<var>/participation/beteiligung.db`` | SQLAlchemy URL (PostgreSQL:
``postgresql+psycopg://...``) |
| ``GDI_BETEILIGUNG_RATE`` | ``20`` | statements per client IP per 10 minutes (0 = off) |
| ``GDI_BETEILIGUNG_KIOSK_RATE`` | ``120`` | statements per kiosk per 10 minutes (0 = off) |
| ``GDI_KIOSK_IDLE_S`` | ``120`` | kiosk idle reset after this many seconds without a touch |
| ``GDI_KIOSK_WARN_S`` | ``30`` | "Noch da?" warning: counts down this long before the reset (at most half the idle) |
| ``GDI_BETEILIGUNG_RETENTION_DAYS`` | ``365`` | personal data deleted this long after the period ended |
| ``GDI_BETEILIGUNG_MAX_UPLOAD_MB`` | ``5`` | per attachment; at most 3 attachments |

Who runs the participation (imprint, accessibility statement, footer) — Hildesheim defaults, each
overridable: ``GDI_BETEILIGUNG_STADT``, ``GDI_BETEILIGUNG_STELLE``, ``GDI_BETEILIGUNG_ANSCHRIFT``,
``GDI_BETEILIGUNG_EMAIL``, ``GDI_BETEILIGUNG_TELEFON``, ``GDI_BETEILIGUNG_WEB``,
``GDI_BETEILIGUNG_VERTRETUNG``, ``GDI_BETEILIGUNG_AUFSICHT``, ``GDI_BETEILIGUNG_BARRIEREFREIHEIT_STAND``
(``vollständig`` | ``teilweise`` | ``nicht``), ``GDI_BETEILIGUNG_BARRIEREFREIHEIT_DATUM`` (YYYY-MM-DD),
``GDI_BETEILIGUNG_BARRIEREFREIHEIT_EMAIL``, ``GDI_BETEILIGUNG_SCHLICHTUNG``,
``GDI_BETEILIGUNG_SCHLICHTUNG_URL``.
"""
from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from core.config import Settings


class Operator(BaseModel):
    """The public body behind ``/beteiligung``: imprint, accessibility statement, feedback contact.
    The defaults are the city's (the same address and mailbox as the plan datasets' ``contact``)."""
    city: str = "Stadt Hildesheim"
    office: str = "Fachbereich Stadtplanung"
    address: str = "Markt 1, 31134 Hildesheim"
    email: str = "stadtplanung@stadt-hildesheim.de"
    phone: str = ""
    website: str = "https://www.hildesheim.de"
    represented_by: str = "den Oberbürgermeister"
    supervisory: str = "Niedersächsisches Ministerium für Inneres und Sport (Kommunalaufsicht)"
    a11y_status: Literal["vollständig", "teilweise", "nicht"] = "teilweise"
    a11y_date: date = date(2026, 12, 6)
    a11y_email: str = ""                      # feedback on barriers; empty: ``email``
    conciliation: str = ("Schlichtungsstelle nach § 9d des Niedersächsischen Behindertengleichstellungsgesetzes "
                         "(NBGG) bei der oder dem Landesbeauftragten für Menschen mit Behinderungen")
    conciliation_url: str = "https://www.behindertenbeauftragte-niedersachsen.de"

    @property
    def feedback_email(self) -> str:
        return self.a11y_email or self.email


class ParticipationConfig(BaseModel):
    db_url: str
    data_dir: Path
    rate_per_client: int = 20
    rate_per_kiosk: int = 120
    rate_window_s: int = 600
    kiosk_idle_s: int = 120
    kiosk_warn_s: int = 30
    retention_days: int = 365
    max_upload_bytes: int = 5 * 1024 * 1024
    max_attachments: int = 3
    max_text_chars: int = 20_000
    timezone: str = "Europe/Berlin"
    # 2026-12: the wording says that the text may be published without name and address (on the
    # procedure page after moderation and in the council's weighing documents)
    consent_version: str = "2026-12"
    operator: Operator = Operator()

    @property
    def attachments_dir(self) -> Path:
        return self.data_dir / "attachments"

    @property
    def max_upload_mb(self) -> str:
        """The per-attachment limit as the form, the browser check and the server's messages state it."""
        return f"{self.max_upload_bytes / 1024 / 1024:g}"

    @property
    def max_request_bytes(self) -> int:
        """Hard cap on a request body. Larger than the attachments allow, on purpose: an over-size file
        up to this cap is read and dropped, and the form is answered with the citizen's text kept."""
        return max(64 * 1024 * 1024, 4 * self.max_attachments * self.max_upload_bytes + 1024 * 1024)

    @property
    def kiosk_idle(self) -> tuple[int, int]:
        """(seconds until the reset, seconds of warning before it): the idle time is at least 10 s and the
        warning at most half of it, so a short test setting still leaves time to see the warning."""
        idle = max(10, self.kiosk_idle_s)
        return idle, max(1, min(self.kiosk_warn_s, idle // 2))


_OPERATOR_ENV = {"city": "STADT", "office": "STELLE", "address": "ANSCHRIFT", "email": "EMAIL", "phone": "TELEFON",
                 "website": "WEB", "represented_by": "VERTRETUNG", "supervisory": "AUFSICHT",
                 "a11y_status": "BARRIEREFREIHEIT_STAND", "a11y_date": "BARRIEREFREIHEIT_DATUM",
                 "a11y_email": "BARRIEREFREIHEIT_EMAIL", "conciliation": "SCHLICHTUNG",
                 "conciliation_url": "SCHLICHTUNG_URL"}


def load_config(settings: Settings) -> ParticipationConfig:
    data_dir = settings.var_dir / "participation"
    env = os.environ
    operator = Operator.model_validate({field: env[f"GDI_BETEILIGUNG_{name}"] for field, name in _OPERATOR_ENV.items()
                                        if f"GDI_BETEILIGUNG_{name}" in env})
    return ParticipationConfig(
        db_url=env.get("GDI_BETEILIGUNG_DB", f"sqlite:///{data_dir / 'beteiligung.db'}"),
        data_dir=data_dir,
        rate_per_client=int(env.get("GDI_BETEILIGUNG_RATE", "20")),
        rate_per_kiosk=int(env.get("GDI_BETEILIGUNG_KIOSK_RATE", "120")),
        kiosk_idle_s=int(env.get("GDI_KIOSK_IDLE_S", "120")),
        kiosk_warn_s=int(env.get("GDI_KIOSK_WARN_S", "30")),
        retention_days=int(env.get("GDI_BETEILIGUNG_RETENTION_DAYS", "365")),
        max_upload_bytes=int(float(env.get("GDI_BETEILIGUNG_MAX_UPLOAD_MB", "5")) * 1024 * 1024),
        operator=operator,
    )
