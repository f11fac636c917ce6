"""Demo step (``gdi.demo.DEMO_STEPS``): 3D Tiles of the demo city model.

* ``3dtiles/buildings/``: the demo town's buildings (``transforms.generate.town``: the first
  ``GDI_DEMO_BUILDINGS`` of its 110,504, default 100,000, from the old town outwards; the tests use 3,000,
  the old town) on a generated DGM, the same buildings the base map's blocks and streets surround;
* ``3dtiles/<id>/`` for every published BU dataset (its source view layer ``<id>_source``);
* no generic planned volumes: the planned buildings of the viewer and the kiosk are the variants of the demo
  Bebauungsplan on the town's free field (``gdi.plans_demo``, ``3dtiles/planned/planned_<plan>_<variant>/``);
  a ``3dtiles/planned/demo/`` left by an older demo would stand in them and is removed.

Re-running is cheap: unchanged tiles are kept (incremental build).
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

import click

from citymodel.build import CityModelOptions, build_tileset
from core.area import HILDESHEIM_BBOX_25832
from core.errors import GdiError

LOGGER = logging.getLogger(__name__)


def demo_dgm(var_dir: Path) -> Path:
    from citymodel.terrain import make_demo_dgm
    path = Path(var_dir) / "citymodel" / "dgm_demo.tif"
    if not path.exists():
        # 10 m cells: the buildings' base (lowest DGM cell under the outline) and the Cesium terrain (a surface
        # through the cells) then differ by < 0.3 m on the demo's steepest slopes (20 m cells: up to 0.5 m)
        make_demo_dgm(path, HILDESHEIM_BBOX_25832, res=10.0)
    return path


def published_bu_sources(settings) -> dict[str, tuple[Path, str]]:
    """Published building datasets -> (GeoPackage, source view layer)."""
    from core.store import get_store
    store = get_store(settings)
    out = {}
    for ds_id, man in store.published().items():
        if "building" not in str(man.get("feature_type", "")).lower():
            continue
        layer = next((c["layer"] for c in man.get("collections", []) if c.get("view") == "source"),
                     f"{ds_id}_source")
        # the version's GeoPackage download file exists in every store (PostGIS keeps the files too)
        folder = store.current_dir(ds_id)
        gpkg = folder / f"{ds_id}.gpkg" if folder else None
        if gpkg is not None and gpkg.exists():
            out[ds_id] = (gpkg, layer)
    return out


def demo_buildings(var_dir: Path, *, write: bool = True) -> Path:
    """The demo city model's footprints (``var/citymodel/town_<n>.gpkg``, layer ``gebaeude``), written once
    (``write=False``: only the path)."""
    from transforms.generate.town import generate_town
    n = int(os.environ.get("GDI_DEMO_BUILDINGS", "100000"))
    src = Path(var_dir) / "citymodel" / f"town_{n}.gpkg"
    if write and not src.exists():
        tmp = src.with_name(f".tmp_{src.name}")
        generate_town(n, tmp, seed=1)   # a GdiError beyond the town's size
        tmp.replace(src)
    return src


def build_demo_tiles(settings) -> None:
    from citymodel.terrain_tiles import terrain_vertical
    var = Path(settings.var_dir)
    dgm = demo_dgm(var)
    src = demo_buildings(var)
    rep = build_tileset(src, var / "3dtiles" / "buildings", CityModelOptions(
        dgm=dgm, name="Gebäude Hildesheim", layer="gebaeude", vertical=terrain_vertical()))
    click.echo(f"citymodel buildings: {rep['buildings']} buildings, {len(rep['rebuilt_tiles'])} tiles rebuilt, "
               f"{rep['kept_tiles']} kept, {rep['seconds']} s")
    from core.publication import current_manifest
    for ds_id, (gpkg, layer) in published_bu_sources(settings).items():
        b = (current_manifest(settings.publish_dir, ds_id) or {}).get("bbox_25832") or [0, 0, 0, 0]
        h = HILDESHEIM_BBOX_25832
        inside = h[0] <= b[0] and h[1] <= b[1] and b[2] <= h[2] and b[3] <= h[3]
        try:
            rep = build_tileset(gpkg, var / "3dtiles" / ds_id,
                                CityModelOptions(dgm=dgm if inside else None, layer=layer, name=ds_id, workers=1,
                                                 # outside the DGM the terrain is the ellipsoid
                                                 vertical=terrain_vertical() if inside else "relative"))
            click.echo(f"citymodel {ds_id}: {rep['buildings']} buildings, {rep['tiles']} tiles")
        except (GdiError, ValueError, OSError) as exc:  # one broken dataset must not stop the demo
            LOGGER.warning("city model of %s failed: %s", ds_id, exc)
            click.echo(f"citymodel {ds_id}: FAILED {exc}", err=True)
    stale = var / "3dtiles" / "planned" / "demo"
    if stale.is_dir():   # generic volumes of older demos, on the field the demo plan now covers
        import shutil
        shutil.rmtree(stale)
        click.echo(f"citymodel: removed the generic planned volumes of an older demo ({stale})")

