"""Post-publication hooks: whatever is generated from the registry and the publications (pygeoapi
config, mapfile, metadata records, download feed) registers a function here and is refreshed after
every ETL run. Modules are imported by dotted path so ``transforms`` never imports ``services``;
a hook whose module does not exist yet is skipped."""
from __future__ import annotations

import logging

from transforms.registry import load_optional

LOGGER = logging.getLogger(__name__)

POST_PUBLISH = [
    "services.ogcapi.config:write_config",     # pygeoapi-config.yml (+ staff config, OpenAPI)
    "services.wms.mapfile:write_mapfile",      # MapServer mapfile via mappyfile
    "metadata.records:write_records",          # ISO 19139 records for datasets and services
    "services.csw.load:load_records",          # (re)load the records into pycsw
]


def run_post_publish(settings) -> None:
    for path in POST_PUBLISH:
        fn = load_optional(path)
        if fn is None:
            LOGGER.debug("post-publish hook %s not available", path)
            continue
        fn(settings)
