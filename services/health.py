"""``/health``: liveness and, per dataset, whether it is served as it should be.

Per dataset one ``state``:

* ``ok`` — a valid registry entry and an intact current publication;
* ``registry invalid`` — ``dataset.yml`` does not validate (``reason``: the messages of ``gdi config
  validate``); if the dataset has a publication it keeps being served (``serving``: that version);
* ``publication damaged`` — the current version's files (size, SQLite header, checksum of the manifest) or,
  on PostGIS, its schema/tables cannot be read; its collections, layers and downloads answer 503;
* ``not published`` — a valid entry that was never published (or nothing kept).

Overall ``status``: ``ok``; ``degraded`` (some dataset is not ok, the others are served) with HTTP **200**;
``down`` (no dataset can be served) with HTTP **503**. A load balancer keeps a degraded node in rotation
(every node shares the same data: taking it out would only take the healthy datasets down too); monitoring
reads ``status`` — the convention of the IETF health check draft (``warn`` is 2xx, ``fail`` is 5xx) and of
Spring Boot / Consul style checks. The public answer never names a restricted dataset or its version
(they are counted in ``not_listed``); staff (a staff key) see every dataset.
"""
from __future__ import annotations

import logging
import os
from typing import Any

import yaml

from core.config import Registry, Settings, load_registry
from core.store import Store, get_store

LOGGER = logging.getLogger(__name__)


def _raw_access(settings: Settings, ds_id: str) -> str | None:
    """The ``access`` an invalid entry declares (None when it cannot be read)."""
    for yml in settings.datasets_dir.glob("*/dataset.yml"):
        try:
            data = yaml.safe_load(yml.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        if isinstance(data, dict) and (data.get("id") == ds_id or yml.parent.name == ds_id):
            access = data.get("access", "public")
            return access if isinstance(access, str) else None
    return None


_REG_CACHE: dict[str, tuple[tuple[Any, ...], Registry]] = {}


def _registry(settings: Settings) -> Registry:
    """The registry as ``gdi config validate`` judges it (plugins and their options checked), re-read only
    when a ``dataset.yml`` or a ``current`` link changed: monitoring asks every few seconds."""
    def sig() -> tuple[Any, ...]:
        out: list[Any] = []
        for p in sorted(settings.datasets_dir.glob("*/dataset.yml")):
            try:
                st = p.stat()
                out.append((str(p), st.st_mtime_ns, st.st_size))
            except OSError:
                continue
        if settings.publish_dir.is_dir():
            for d in sorted(settings.publish_dir.iterdir()):
                try:
                    out.append((d.name, os.readlink(d / "current")))
                except OSError:
                    continue
        return tuple(out)
    key, now = str(settings.datasets_dir), sig()
    hit = _REG_CACHE.get(key)
    if hit is None or hit[0] != now:
        hit = _REG_CACHE[key] = (now, load_registry(settings.datasets_dir, publish_dir=settings.publish_dir))
    return hit[1]


def dataset_states(settings: Settings, store: Store | None = None,
                   reg: Registry | None = None) -> dict[str, dict[str, Any]]:
    """``{dataset: {state, reason, version, serving, access}}`` for every registry entry and publication."""
    store = store or get_store(settings)
    reg = reg if reg is not None else _registry(settings)
    pubs = store.published()
    out: dict[str, dict[str, Any]] = {}
    for ds_id in sorted(set(reg) | set(reg.invalid) | set(pubs)):
        manifest = pubs.get(ds_id)
        version = manifest.get("version") if manifest else None
        ds = reg.get(ds_id)
        access = ds.access if ds is not None else (manifest or {}).get("access") or _raw_access(settings, ds_id)
        info: dict[str, Any] = {"state": "ok", "version": version, "access": access}
        damage = store.check(ds_id) if manifest else None
        if ds_id in reg.invalid:
            info["state"] = "registry invalid"
            info["reason"] = reg.invalid[ds_id]
            info["serving"] = reg.fallback.get(ds_id) if damage is None else None
            if damage:
                info["damage"] = damage
        elif damage:
            info["state"], info["reason"] = "publication damaged", damage
        elif manifest is None:
            info["state"], info["reason"] = "not published", "no publication yet: run 'gdi etl " + ds_id + "'"
        elif ds is None:
            info["state"], info["reason"] = "registry invalid", "published, but no datasets/*/dataset.yml names it"
            info["serving"] = None
        out[ds_id] = info
    return out


def _relative(info: dict[str, Any], settings: Settings) -> dict[str, Any]:
    def rel(text: Any) -> Any:
        if isinstance(text, list):
            return [rel(t) for t in text]
        if not isinstance(text, str):
            return text
        return text.replace(f"{settings.datasets_dir}/", "datasets/").replace(f"{settings.publish_dir}/", "publish/")
    return {k: rel(v) if k in ("reason", "damage") else v for k, v in info.items()}


def health(settings: Settings, *, staff: bool, mounts: list[str]) -> tuple[dict[str, Any], int]:
    """The ``/health`` document and its HTTP status."""
    states = dataset_states(settings)
    served = [k for k, v in states.items()
              if v["state"] == "ok" or (v["state"] == "registry invalid" and v.get("serving"))]
    if all(v["state"] == "ok" for v in states.values()):
        status, code = "ok", 200
    elif served or not any(v.get("version") for v in states.values()):
        status, code = "degraded", 200
    else:
        status, code = "down", 503
    visible = {k: v for k, v in states.items() if staff or v.get("access") == "public"}
    if not staff:  # the public reads the reasons without the server's folders
        visible = {k: _relative(v, settings) for k, v in visible.items()}
    body: dict[str, Any] = {
        "status": status,
        "datasets": {k: v["version"] for k, v in visible.items() if v["version"] and k in served},
        "checks": {k: {f: x for f, x in v.items() if f != "access"} for k, v in visible.items()},
        "mounts": mounts,
    }
    if not staff:
        body["not_listed"] = len(states) - len(visible)
    return body, code
