"""Tell someone when an unattended ``gdi etl`` run failed (the weekly ``gdi-etl.timer``): a JSON POST to a
webhook and/or a mail over SMTP, configured by ``notify:`` in ``gdi.yml``::

    notify:
      webhook: https://chat.example.org/hooks/abc        # POST application/json
      mail:
        host: smtp.hildesheim.de
        port: 587
        security: starttls                               # none | starttls | ssl
        username: gdi
        password: ${GDI_SMTP_PASSWORD}
        from: gdi@hildesheim.de
        to: [geodaten@hildesheim.de]

The webhook body: ``{"event": "gdi.etl.failed", "host", "time", "command", "failed": [{"dataset", "message",
"report", "report_html"}], "text"}`` — ``text`` is the same summary as the mail, so chat tools that show a
``text`` field (Mattermost, Slack, Rocket.Chat) need no adapter. A notification that cannot be delivered
is logged and returned as a message; it never hides the ETL failure itself (the command still exits 1).
"""
from __future__ import annotations

import json
import logging
import smtplib
import socket
import ssl
import sys
import time
import urllib.request
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:
    from .config import Settings

LOGGER = logging.getLogger(__name__)


class MailSettings(BaseModel):
    """SMTP delivery of failure mails."""
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    host: str = Field(description="SMTP server")
    port: int = Field(default=25, ge=1, le=65535, description="SMTP port (587 with starttls, 465 with ssl)")
    security: Literal["none", "starttls", "ssl"] = Field(default="none", description="transport security")
    username: str | None = Field(default=None, description="SMTP login (with password)")
    password: str | None = Field(default=None, description="SMTP password; use ${VAR} substitution")
    sender: str = Field(alias="from", description="From address")
    to: list[str] = Field(min_length=1, description="recipients")
    timeout: float = Field(default=20.0, gt=0, description="seconds per SMTP step")


class NotifySettings(BaseModel):
    """Where failures of ``gdi etl`` are reported (core/notify.py); nothing configured: only the exit code
    and the output (the systemd journal) say it."""
    model_config = ConfigDict(extra="forbid")
    webhook: str | None = Field(default=None, pattern=r"^https?://\S+$", description="URL a JSON summary is POSTed to")
    mail: MailSettings | None = Field(default=None, description="SMTP settings for a failure mail")
    timeout: float = Field(default=10.0, gt=0, description="seconds for the webhook request")


def failure_payload(settings: Settings, failed: dict[str, tuple[str, Path | None]], *,
                    command: str | None = None, now: datetime | None = None) -> dict[str, Any]:
    """The notification of a failed run: ``failed`` maps dataset -> (message, failure report or None)."""
    host = socket.getfqdn()
    when = (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    items = []
    for ds_id, (message, report) in failed.items():
        html = report.with_suffix(".html") if report is not None else None
        items.append({"dataset": ds_id, "message": message,
                      "report": str(report) if report is not None else None,
                      "report_html": str(html) if html is not None and html.exists() else None})
    cmd = command or " ".join(["gdi", *sys.argv[1:]])
    lines = [f"{cmd} on {host} at {when}: {len(items)} dataset(s) failed; the previous publications stay online."]
    for it in items:
        lines.append(f"- {it['dataset']}: {it['message']}")
        if it["report"]:
            lines.append(f"  report: {it['report_html'] or it['report']}")
    return {"event": "gdi.etl.failed", "host": host, "time": when, "command": cmd,
            "var_dir": str(settings.var_dir), "failed": items, "text": "\n".join(lines)}


def send_webhook(url: str, payload: dict[str, Any], timeout: float = 10.0, attempts: int = 2) -> None:
    """POST ``payload`` as JSON; any 2xx is success. Retries once after 2 s (a chat server restarting)."""
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    for attempt in range(attempts):
        req = urllib.request.Request(url, data=body, method="POST",
                                     headers={"Content-Type": "application/json; charset=utf-8",
                                              "User-Agent": "gdi-hildesheim-notify"})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                if 200 <= resp.status < 300:
                    return
                raise OSError(f"HTTP {resp.status}")
        except OSError:
            if attempt + 1 >= attempts:
                raise
            time.sleep(2)


def send_mail(cfg: MailSettings, subject: str, text: str, attachment: dict[str, Any] | None = None) -> None:
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = cfg.sender
    msg["To"] = ", ".join(cfg.to)
    msg["Date"] = datetime.now(UTC).strftime("%a, %d %b %Y %H:%M:%S +0000")
    msg.set_content(text)
    if attachment is not None:
        msg.add_attachment(json.dumps(attachment, indent=1, ensure_ascii=False).encode("utf-8"),
                           maintype="application", subtype="json", filename="gdi-etl-failure.json")
    smtp: smtplib.SMTP
    if cfg.security == "ssl":
        smtp = smtplib.SMTP_SSL(cfg.host, cfg.port, timeout=cfg.timeout, context=ssl.create_default_context())
    else:
        smtp = smtplib.SMTP(cfg.host, cfg.port, timeout=cfg.timeout)
    with smtp:
        if cfg.security == "starttls":
            smtp.starttls(context=ssl.create_default_context())
        if cfg.username:
            smtp.login(cfg.username, cfg.password or "")
        smtp.send_message(msg)


def notify_failure(settings: Settings, failed: dict[str, tuple[str, Path | None]], *,
                   command: str | None = None) -> list[str]:
    """Send the configured notifications for a failed run; returns one line per notification that could not
    be delivered (the caller prints them). Nothing configured: nothing sent, nothing returned."""
    cfg: NotifySettings = settings.notify
    if not failed or (cfg.webhook is None and cfg.mail is None):
        return []
    payload = failure_payload(settings, failed, command=command)
    problems: list[str] = []
    if cfg.webhook:
        try:
            send_webhook(cfg.webhook, payload, timeout=cfg.timeout)
            LOGGER.info("failure notification posted to the webhook")
        except (OSError, ValueError) as exc:
            problems.append(f"webhook {cfg.webhook.split('?')[0]}: {exc}")
    if cfg.mail is not None:
        subject = f"[GDI] gdi etl: {len(failed)} dataset(s) failed on {payload['host']}: {', '.join(failed)}"
        try:
            send_mail(cfg.mail, subject[:200], payload["text"], attachment=payload)
            LOGGER.info("failure mail sent to %s", ", ".join(cfg.mail.to))
        except (OSError, smtplib.SMTPException) as exc:
            problems.append(f"mail via {cfg.mail.host}:{cfg.mail.port}: {exc}")
    for p in problems:
        LOGGER.warning("failure notification not delivered: %s", p)
    return problems
