"""``gdi citymodel terrain``: the DGM as Cesium terrain (quantized-mesh tiles + ``layer.json`` under
``<var>/terrain/``, served at ``/terrain/``), and the demo step that builds it for the demo DGM.

Registered as a sub-command of ``gdi citymodel`` (gdi/commands/citymodel.py)."""
from __future__ import annotations

import json
from pathlib import Path

import click

from core.config import load_settings
from core.errors import GdiError


def _dgm_default(var: Path) -> Path | None:
    import os
    env = os.environ.get("GDI_PLAN_DGM")        # the DGM the plan heights use in production
    if env:
        return Path(env)
    demo = var / "citymodel" / "dgm_demo.tif"
    return demo if demo.exists() else None


@click.command("terrain")
@click.option("--dgm", type=click.Path(exists=True, dir_okay=True, path_type=Path),
              help="DGM (EPSG:25832, DHHN heights): a GeoTIFF, a .vrt, an XYZ grid or a folder of DGM1 tiles. "
                   "Default: GDI_PLAN_DGM, else the demo DGM of the var dir.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path),
              help="Terrain folder (default: <var>/terrain, served at /terrain/).")
@click.option("--max-zoom", type=click.IntRange(0, 20),
              help="Finest level (default: where the tiles reach the DGM's resolution).")
@click.option("--max-error", type=click.FloatRange(0, min_open=True), default=0.2, show_default=True,
              help="Metres the mesh may deviate from the DGM at the finest level (doubles per level up).")
@click.option("--geoid-undulation", type=float, default=43.6, show_default=True,
              help="Added to the DHHN heights (as the buildings' --vertical absolute).")
@click.option("--normals/--no-normals", default=True, show_default=True, help="octvertexnormals (lit slopes).")
@click.option("--workers", type=click.IntRange(1), default=2, show_default=True)
@click.option("--force", is_flag=True, help="Rebuild even if the DGM did not change.")
@click.option("--check", is_flag=True, help="Afterwards decode every tile and compare the mesh with the DGM; "
                                            "exit 1 on problems.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def terrain_cmd(dgm, out, max_zoom, max_error, geoid_undulation, normals, workers, force, check, as_json) -> None:
    """Build the Cesium terrain (quantized-mesh) from the DGM; rebuilt only when the DGM changes."""
    from citymodel.terrain_tiles import TerrainOptions, build_terrain, check_terrain
    settings = load_settings()
    var = Path(settings.var_dir)
    dgm = dgm or _dgm_default(var)
    if dgm is None:
        raise click.UsageError("no --dgm and no demo DGM in the var dir (run 'gdi demo' or give --dgm)")
    out = out or var / "terrain"
    opts = TerrainOptions(max_zoom=max_zoom, max_error_m=max_error, geoid_undulation_m=geoid_undulation,
                          normals=normals, workers=workers)
    try:
        rep = build_terrain(dgm, out, opts, force=force)
        chk = check_terrain(out, dgm) if check else None
    except GdiError as exc:
        click.secho(f"FAILED: {exc}", fg="red", err=True)
        raise SystemExit(1) from None
    if as_json:
        click.echo(json.dumps({**rep, "check": chk}, indent=1))
    else:
        what = "unchanged, kept" if rep["kept"] else f"built in {rep['seconds']} s"
        click.echo(f"terrain {rep['key']}: {rep['tiles']} tiles, levels 0-{rep['max_zoom']}, "
                   f"{rep['bytes'] / 1e6:.2f} MB ({what}) -> {out}/layer.json")
        if chk is not None:
            click.echo(f"check: {chk['tiles']} tiles decoded; mesh - DGM at {chk['samples']} points: "
                       f"max {chk['max_abs_m']:.2f} m, 99 % within {chk['p99_abs_m']:.2f} m")
    if chk is not None:
        for p in chk["problems"]:
            click.secho(f"check: {p}", fg="red", err=True)
        if chk["problems"]:
            raise SystemExit(1)


def demo_step(settings) -> dict | None:
    """Demo step (``gdi.commands.terrain:demo_step``, after ``gdi.citymodel_demo:build_demo_tiles``): the demo
    DGM as Cesium terrain under ``<var>/terrain/``. The ETL's plan-variant hook ran before the demo DGM
    existed; it is run again here so planned buildings stand on the same terrain (it rebuilds only what
    changed). With ``GDI_TERRAIN=off`` the served ``layer.json`` is removed: the viewer falls back to the
    ellipsoid, as the tilesets (then built relative) expect."""
    from citymodel.terrain_tiles import TerrainOptions, build_terrain, terrain_on
    from gdi.citymodel_demo import demo_dgm
    var = Path(settings.var_dir)
    if not terrain_on():
        (var / "terrain" / "layer.json").unlink(missing_ok=True)
        click.echo("terrain: off (GDI_TERRAIN=off), the viewer uses the ellipsoid")
        return None
    rep = build_terrain(demo_dgm(var), var / "terrain", TerrainOptions())
    what = "unchanged" if rep["kept"] else f"built in {rep['seconds']} s"
    click.echo(f"terrain: {rep['tiles']} tiles, levels 0-{rep['max_zoom']}, {rep['bytes'] / 1e6:.2f} MB ({what})")
    from citymodel.plan_variants import write_variants
    variants = write_variants(settings)
    if any(v == "built" for v in variants.values()):
        click.echo(f"terrain: plan variants rebuilt on the DGM: {variants}")
    return rep


commands: list[click.Command] = []   # a sub-command of ``gdi citymodel`` (see gdi/commands/citymodel.py)
