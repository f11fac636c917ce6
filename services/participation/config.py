"""Participation settings from the environment (the project's ``Settings`` stay untouched).

| variable | default | meaning |
|---|---|---|
| ``GDI_BETEILIGUNG_DB`` | ``sqlite:///<var>/participation/beteiligung.db`` | SQLAlchemy URL (PostgreSQL:
``postgresql+psycopg://...``) |
| ``GDI_BETEILIGUNG_RATE`` | ``20`` | statements per client IP per 10 minutes (0 = off) |
| ``GDI_BETEILIGUNG_KIOSK_RATE`` | ``120`` | statements per kiosk per 10 minutes (0 = off) |
| ``GDI_KIOSK_IDLE_S`` | ``120`` | kiosk idle reset after this many seconds |
| ``GDI_BETEILIGUNG_RETENTION_DAYS`` | ``365`` | personal data deleted this long after the period ended |
| ``GDI_BETEILIGUNG_MAX_UPLOAD_MB`` | ``5`` | per attachment; at most 3 attachments |
"""
from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel

from core.config import Settings


class ParticipationConfig(BaseModel):
    db_url: str
    data_dir: Path
    rate_per_client: int = 20
    rate_per_kiosk: int = 120
    rate_window_s: int = 600
    kiosk_idle_s: int = 120
    retention_days: int = 365
    max_upload_bytes: int = 5 * 1024 * 1024
    max_attachments: int = 3
    max_text_chars: int = 20_000
    timezone: str = "Europe/Berlin"
    consent_version: str = "2026-01"

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


def load_config(settings: Settings) -> ParticipationConfig:
    data_dir = settings.var_dir / "participation"
    env = os.environ
    return ParticipationConfig(
        db_url=env.get("GDI_BETEILIGUNG_DB", f"sqlite:///{data_dir / 'beteiligung.db'}"),
        data_dir=data_dir,
        rate_per_client=int(env.get("GDI_BETEILIGUNG_RATE", "20")),
        rate_per_kiosk=int(env.get("GDI_BETEILIGUNG_KIOSK_RATE", "120")),
        kiosk_idle_s=int(env.get("GDI_KIOSK_IDLE_S", "120")),
        retention_days=int(env.get("GDI_BETEILIGUNG_RETENTION_DAYS", "365")),
        max_upload_bytes=int(float(env.get("GDI_BETEILIGUNG_MAX_UPLOAD_MB", "5")) * 1024 * 1024),
    )
