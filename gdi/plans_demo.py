"""Planned-building variants without a whole demo run.

The variants are built by the post-publish step ``citymodel.plan_variants:write_variants`` after every
``gdi etl`` (``gdi demo`` relies on it). This module keeps two entry points for callers that have no
publication yet:

* :func:`import_demo_plans` publishes the plan datasets (``plu_zoning``/``plu_supplementary``) that are not
  published yet, then runs the same step — used by tests that start a participation server on a fresh var dir;
* :func:`planned_volumes` computes one dataset's volumes straight from its XPlanGML (reader output has the
  source-view columns), with the same rules as the step — for inspecting a plan before publishing it.
"""
from __future__ import annotations

import json
import logging
from typing import Any

import geopandas as gpd

from citymodel.plan_variants import PLAN_MAPPERS, VARIANTS, find_dgm, plan_volumes, write_variants
from core.config import Dataset, Settings, load_registry
from core.publication import current_manifest

LOGGER = logging.getLogger(__name__)
__all__ = ["VARIANTS", "import_demo_plans", "planned_volumes"]


def planned_volumes(ds: Dataset, settings: Settings) -> tuple[dict[str, gpd.GeoDataFrame], dict[str, int]]:
    """Volumes per variant (EPSG:25832) and the rule counts of one plan dataset, read from its XPlanGML."""
    from citymodel.terrain import Terrain
    from transforms.readers.xplan import plan_info, read_xplan
    src = ds.sources[0]
    path = ds.source_path(src)
    gdf = gpd.GeoDataFrame(next(iter(read_xplan(path, src, ds, settings))))
    dgm = find_dgm(settings)
    return plan_volumes(gdf, f"Bebauungsplan {ds.id}", bezugshoehe=plan_info(path, settings).get("bezugshoehe"),
                        terrain=Terrain(dgm) if dgm is not None and dgm.exists() else None)


def import_demo_plans(settings: Settings) -> dict[str, Any]:
    """Publish the plan datasets not yet published, then build every plan's variants (the post-publish
    step). Returns {plan id: summary as written to ``var/plans/<id>.json``}."""
    from transforms.pipeline import run_dataset
    reg = load_registry(settings.datasets_dir, check_plugins=False)
    for ds in reg.values():
        if ds.mapper in PLAN_MAPPERS and current_manifest(settings.publish_dir, ds.id) is None:
            res = run_dataset(ds, settings)
            LOGGER.info("plan dataset %s: %s", ds.id, res.status)
    built = write_variants(settings)
    return {pid: json.loads((settings.var_dir / "plans" / f"{pid}.json").read_text(encoding="utf-8"))
            for pid in built}
