"""Stable identifiers of metadata records, shared by every service that links to them.

fileIdentifiers are UUIDv5 of a fixed project namespace and a readable name, so they are the same on
every run and every machine (GDI-NI harvests by fileIdentifier; a new UUID per run would duplicate
records in the geoportal).
"""
from __future__ import annotations

import uuid

PROJECT_NS = uuid.UUID("5b1e0f4e-3c55-5d7a-9d0b-6b1f1e6a4c01")

SERVICES = ("wms", "ogcapi", "download", "csw")


def dataset_record_id(dataset_id: str) -> str:
    return str(uuid.uuid5(PROJECT_NS, f"dataset:{dataset_id}"))


def service_record_id(service: str) -> str:
    if service not in SERVICES:
        raise ValueError(f"unknown service {service!r}; known: {', '.join(SERVICES)}")
    return str(uuid.uuid5(PROJECT_NS, f"service:{service}"))


def get_record_by_id_url(base_url: str, record_id: str) -> str:
    """CSW 2.0.2 GetRecordById in ISO 19139 (what harvesters and MetadataURL links use)."""
    return (f"{base_url.rstrip('/')}/csw?service=CSW&version=2.0.2&request=GetRecordById"
            f"&outputSchema=http://www.isotc211.org/2005/gmd&elementSetName=full&id={record_id}")
