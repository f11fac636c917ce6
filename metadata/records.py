"""Write every dataset and service record into ``var/metadata/`` (POST_PUBLISH hook).

Layout::

    var/metadata/<fileIdentifier>.xml             public records (loaded into the public catalogue)
    var/metadata/restricted/<fileIdentifier>.xml  records of restricted datasets (never loaded publicly)
    var/metadata/index.json                       what was written: id, kind, name, access, file

Every record is validated against the ISO 19139 / INSPIRE XSDs (apiso-inspire) before it is written,
and checked against the TG 2.0 / GDI-DE rule table; an invalid record stops the hook with an error that
names the file (a catalogue silently serving broken records is worse than a loud failure).
"""
from __future__ import annotations

import json
import logging
import os
import shutil
from pathlib import Path
from typing import Any

from lxml import etree

from core.config import Dataset, Settings, load_registry
from core.errors import ValidationError
from core.publication import current_dir, history, published_datasets
from core.xsd import validate_xml_bytes

from . import rules
from .dataset import build_dataset_record, publication_dates
from .ids import dataset_record_id, service_record_id
from .service import SERVICES, build_service_record
from .xml import tostring

LOGGER = logging.getLogger(__name__)


def metadata_dir(settings: Settings) -> Path:
    return settings.var_dir / "metadata"


def _report(settings: Settings, ds_id: str) -> dict[str, Any]:
    d = current_dir(settings.publish_dir, ds_id)
    p = d / "report.json" if d else None
    return json.loads(p.read_text(encoding="utf-8")) if p and p.exists() else {}


def build_records(settings: Settings) -> list[dict[str, Any]]:
    """All records as dicts {id, kind, name, access, dataset?, xml: etree root}."""
    base = settings.service.public_url
    reg = load_registry(settings.datasets_dir, check_plugins=False, publish_dir=settings.publish_dir)
    pubs = published_datasets(settings.publish_dir)
    out: list[dict[str, Any]] = []
    public: list[tuple[Dataset, dict[str, Any]]] = []
    all_dates: list[dict[str, str]] = []
    for ds_id, manifest in pubs.items():
        ds = reg.get(ds_id)
        if ds is None:
            LOGGER.warning("publication %s has no dataset.yml any more; no metadata record", ds_id)
            continue
        hist = history(settings.publish_dir, ds_id)
        root = build_dataset_record(ds, manifest, hist, _report(settings, ds_id), base)
        out.append({"id": dataset_record_id(ds_id), "kind": "dataset", "name": ds_id, "access": ds.access,
                    "xml": root})
        all_dates.append(publication_dates(hist, manifest))
        if ds.access == "public":
            public.append((ds, manifest))
    dates = _service_dates(all_dates)
    for svc in SERVICES:
        root = build_service_record(svc, public, base, dates)
        out.append({"id": service_record_id(svc.key), "kind": "service", "name": svc.key, "access": "public",
                    "xml": root})
    return out


def _service_dates(all_dates: list[dict[str, str]]) -> dict[str, str]:
    """A service is created with the first publication and revised with every later one."""
    days = sorted({d for dd in all_dates for d in dd.values()})
    if not days:
        from datetime import date
        days = [date.today().isoformat()]
    out = {"creation": days[0], "publication": days[0]}
    if days[-1] != days[0]:
        out["revision"] = days[-1]
    return out


def write_records(settings: Settings) -> dict[str, Path]:
    """Write all records atomically (a fresh folder swapped in), return {record id: file}."""
    target = metadata_dir(settings)
    tmp = target.with_name(".metadata-tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    (tmp / "restricted").mkdir(parents=True)
    index, written = [], {}
    for rec in build_records(settings):
        data = tostring(rec["xml"])
        rel = (f"restricted/{rec['id']}.xml" if rec["access"] == "restricted" else f"{rec['id']}.xml")
        errors = validate_xml_bytes(data, settings.schema_dir, rel)
        if errors:
            shutil.rmtree(tmp, ignore_errors=True)
            raise ValidationError("metadata record does not validate against apiso-inspire: "
                                  + "; ".join(errors[:5]), file=str(target / rel), record=rec["name"])
        for fail in rules.check(rec["xml"]):
            LOGGER.warning("metadata %s (%s): %s", rec["name"], rec["id"], fail)
        (tmp / rel).write_bytes(data)
        index.append({k: rec[k] for k in ("id", "kind", "name", "access")} | {"file": rel})
        written[rec["id"]] = target / rel
    (tmp / "index.json").write_text(json.dumps(index, indent=2), encoding="utf-8")
    old = target.with_name(".metadata-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(tmp, target)
    shutil.rmtree(old, ignore_errors=True)
    LOGGER.info("metadata: %d records written to %s", len(index), target)
    return written


def read_index(settings: Settings) -> list[dict[str, Any]]:
    p = metadata_dir(settings) / "index.json"
    return json.loads(p.read_text(encoding="utf-8")) if p.exists() else []


def parse(path: Path) -> etree._Element:
    return etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
