"""Staff authentication shared by every service (OGC API, WMS, CSW, downloads).

Choice: hashed API keys in a YAML file (``auth_file`` in gdi.yml, default ``var/auth/keys.yml``).
A key is a random 32-byte token shown once by ``gdi auth add-key``; only its SHA-256 is stored (the
token has 256 bits of entropy, so a fast hash is sufficient; passwords chosen by people would need
argon2). Clients send ``Authorization: Bearer <token>`` or HTTP Basic with any user name and the token
as password (so QGIS's Basic authentication works). Behind TLS only in production.

A city with its own identity provider (Keycloak, ADFS, Shibboleth) puts a reverse proxy in front that
authenticates users and sets a header; set ``trusted_user_header`` in the auth file (e.g.
``X-Remote-User``) and requests from ``trusted_proxies`` carrying it count as staff.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
import threading
import time
from pathlib import Path
from typing import Any

import yaml

from core.config import Settings

_CACHE: dict[str, Any] = {"path": None, "mtime": None, "data": None}
_LOCK = threading.Lock()


def auth_file(settings: Settings) -> Path:
    return settings.auth_file or (settings.var_dir / "auth" / "keys.yml")


def _load(path: Path) -> dict[str, Any]:
    with _LOCK:
        try:
            mtime = path.stat().st_mtime
        except FileNotFoundError:
            return {"keys": []}
        if _CACHE["path"] != path or _CACHE["mtime"] != mtime:
            _CACHE.update(path=path, mtime=mtime, data=yaml.safe_load(path.read_text()) or {"keys": []})
        return _CACHE["data"]


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def add_key(settings: Settings, name: str) -> str:
    """Create a new key, store its hash, return the token (shown once)."""
    path = auth_file(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = yaml.safe_load(path.read_text()) if path.exists() else None
    data = data or {"keys": []}
    token = secrets.token_urlsafe(32)
    data["keys"] = [k for k in data.get("keys", []) if k.get("name") != name]
    data["keys"].append({"name": name, "sha256": hash_token(token), "created": time.strftime("%Y-%m-%d")})
    tmp = path.with_suffix(".tmp")
    tmp.write_text(yaml.safe_dump(data, sort_keys=False))
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)
    return token


def _token_from(environ: dict) -> str | None:
    h = environ.get("HTTP_AUTHORIZATION", "")
    if h.startswith("Bearer "):
        return h[7:].strip()
    if h.startswith("Basic "):
        try:
            user_pw = base64.b64decode(h[6:]).decode("utf-8")
        except (ValueError, UnicodeDecodeError):
            return None
        return user_pw.split(":", 1)[1] if ":" in user_pw else None
    return None


def staff_identity(environ: dict, settings: Settings) -> str | None:
    """Name of the authenticated staff key/user for a WSGI request, or None for the public."""
    data = _load(auth_file(settings))
    header = data.get("trusted_user_header")
    if header:
        proxies = set(data.get("trusted_proxies", ["127.0.0.1"]))
        user = environ.get("HTTP_" + header.upper().replace("-", "_"))
        if user and environ.get("gdi.peer_addr", environ.get("REMOTE_ADDR")) in proxies:  # the connecting proxy
            return user
    token = _token_from(environ)
    if not token:
        return None
    digest = hash_token(token)
    for k in data.get("keys", []):
        if hmac.compare_digest(k.get("sha256", ""), digest):
            return k.get("name", "staff")
    return None


def is_staff(environ: dict, settings: Settings) -> bool:
    return staff_identity(environ, settings) is not None
