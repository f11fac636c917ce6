"""``gdi citymodel``: footprints -> LoD1/LoD2 3D Tiles 1.1 (incremental; progress bar and report)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

import click
from tqdm import tqdm

from core.config import load_settings
from core.errors import GdiError

from ._dask import connect
from .terrain import terrain_cmd

_LOD: dict[str, Literal[1, 2]] = {"1": 1, "2": 2}  # the --lod choices


@click.group("citymodel", invoke_without_command=True)
@click.option("--input", "input_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Footprints (GeoPackage etc.): BU source view or ALKIS-style export. Default: the "
                   "published 'gebaeude' dataset's source view.")
@click.option("--layer", help="Layer in the input (default: *_source, else the first).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path),
              help="Tileset folder (default: <var>/3dtiles/buildings).")
@click.option("--lod", type=click.Choice(["1", "2"]), default="2", show_default=True,
              help="LoD1 = flat blocks, LoD2 = roof shapes from ALKIS dachform.")
@click.option("--dgm", type=click.Path(exists=True, dir_okay=True, path_type=Path),
              help="DGM for base heights (EPSG:25832): a GeoTIFF, a .vrt, an XYZ grid, or a folder of DGM1 "
                   "tiles (.tif/.xyz, mixed; read as one mosaic). Without it base height 0 (warned).")
@click.option("--quantize/--no-quantize", default=True, show_default=True, help="KHR_mesh_quantization.")
@click.option("--meshopt", is_flag=True, help="EXT_meshopt_compression of vertex and index data.")
@click.option("--coarse/--no-coarse", default=True, show_default=True,
              help="Generalised blocks in the parent tiles (fast city-wide views).")
@click.option("--storey-height", type=float, default=3.0, show_default=True)
@click.option("--default-height", type=float, default=6.0, show_default=True)
@click.option("--vertical", type=click.Choice(["relative", "absolute"]), default="relative", show_default=True,
              help="relative: above the lowest terrain point (globe without terrain); absolute: NHN + geoid.")
@click.option("--max-features", type=int, default=2000, show_default=True, help="Buildings per tile at most.")
@click.option("--workers", type=int, default=2, show_default=True)
@click.option("--scheduler", metavar="tcp://HOST:PORT",
              help="Build the tiles on a dask.distributed cluster (`dask scheduler` + `dask worker` processes, "
                   "on one or several machines that see the input and the output folder at the same paths).")
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
@click.option("--check", is_flag=True, help="Afterwards check the tileset (volumes, geometric error, placement, "
                                            "feature count); exit 1 on problems.")
@click.pass_context
def citymodel(ctx, input_path, layer, out, lod, dgm, quantize, meshopt, coarse, storey_height, default_height,
              vertical, max_features, workers, scheduler, as_json, check) -> None:
    """Build or update the 3D city model tileset; a rerun rebuilds only tiles whose buildings changed.
    ``gdi citymodel terrain`` builds the DGM as Cesium terrain."""
    if ctx.invoked_subcommand is not None:
        return
    from citymodel.build import CityModelOptions, build_tileset
    from gdi.citymodel_demo import published_bu_sources
    settings = load_settings()
    if input_path is None:
        pubs = published_bu_sources(settings)
        if not pubs:
            raise click.UsageError("no --input and no published building dataset; e.g. "
                                   "'gdi generate buildings 100000 buildings.gpkg' then --input buildings.gpkg")
        ds_id = "gebaeude" if "gebaeude" in pubs else min(pubs)
        input_path, layer = pubs[ds_id][0], layer or pubs[ds_id][1]
    out = out or Path(settings.var_dir) / "3dtiles" / "buildings"
    opts = CityModelOptions(lod=_LOD[lod], dgm=dgm, quantize=quantize, meshopt=meshopt, coarse=coarse,
                            storey_height=storey_height,
                            default_height=default_height, vertical=vertical, max_features=max_features,
                            workers=workers, layer=layer)
    source: Any = Path(input_path).resolve()
    read_warnings: list[str] = []
    try:
        if source.suffix.lower() in (".gml", ".xml"):  # CityGML: LoD2 surfaces as they are (docs/citymodel.md)
            from transforms.readers.citygml_lod2 import read_lod2
            source = read_lod2(source, warnings=read_warnings)
            total = len(source)
        else:
            import pyogrio

            from citymodel.source import list_layer
            total = pyogrio.read_info(input_path, layer=list_layer(input_path, layer))["features"]
    except GdiError as exc:
        click.secho(f"FAILED: {exc}", fg="red", err=True)
        raise SystemExit(1) from None
    for w in read_warnings:
        click.secho(f"warning: {w}", fg="yellow", err=True)
    client = connect(scheduler) if scheduler else None
    try:
        with tqdm(total=total, desc="citymodel", unit=" bldg", dynamic_ncols=True) as bar:
            rep = build_tileset(source, out.resolve(), opts, progress=bar.update, client=client)
    except GdiError as exc:
        click.secho(f"FAILED: {exc}", fg="red", err=True)
        raise SystemExit(1) from None
    finally:
        if client is not None:
            client.close()
    if check:
        _check(out, rep)
    if as_json:
        click.echo(json.dumps(rep, indent=1, ensure_ascii=False))
        return
    for w in rep["warnings"]:
        click.secho(f"warning: {w}", fg="yellow", err=True)
    rebuilt = rep["rebuilt_tiles"]
    click.echo(f"{rep['buildings']} buildings in {rep['tiles']} tiles -> {out}/tileset.json")
    click.echo(f"rebuilt {len(rebuilt)} tile(s)" + (f": {', '.join(rebuilt[:20])}" + (" …" if len(rebuilt) > 20
                                                                                      else "") if rebuilt else "")
               + f"; kept {rep['kept_tiles']}; removed {len(rep['removed_tiles'])}"
               + (f": {', '.join(rep['removed_tiles'])}" if rep["removed_tiles"] else ""))
    if rep.get("coarse_tiles"):
        rp = rep.get("rebuilt_parent_tiles", [])
        click.echo(f"generalised blocks in {rep['coarse_tiles']} parent tile(s), {rep['parent_bytes'] / 1e6:.1f} MB; "
                   f"rebuilt {len(rp)}" + (f": {', '.join(rp[:20])}" + (" …" if len(rp) > 20 else "") if rp else ""))
    hs = rep["height_sources"]
    click.echo(f"heights: measured {hs['measured']}, ridge/eaves {hs['ridge_eaves']}, storeys x "
               f"{storey_height} m {hs['storeys']}, default {default_height} m {hs['default']}")
    click.echo("roofs: " + ", ".join(f"{k} {v}" for k, v in sorted(rep["roofs"].items()))
               + f"; unknown dachform -> flat {rep['roof_unknown_as_flat']}; skeleton failures -> flat "
                 f"{rep['roof_skeleton_fallbacks']}")
    click.echo(f"{rep['bytes'] / 1e6:.1f} MB in {rep['seconds']} s "
               f"({rep['buildings_per_s']} buildings/s); report: {out}/report.json")


def _check(out: Path, rep: dict) -> None:
    from pyproj import Transformer

    from citymodel.check import check_tileset
    b = rep.get("bbox_25832") or json.loads((out / "tileset.json").read_text())["asset"]["extras"]["bbox_25832"]
    lon, lat = Transformer.from_crs(25832, 4326, always_xy=True).transform([b[0], b[2], b[0], b[2]],
                                                                          [b[1], b[1], b[3], b[3]])
    res = check_tileset(out / "tileset.json", (min(lon), min(lat), max(lon), max(lat)))
    if res.features != rep["buildings"]:
        res.problems.append(f"{res.features} features in the tiles, {rep['buildings']} buildings in the source")
    for p in res.problems:
        click.secho(f"check: {p}", fg="red", err=True)
    if res.problems:
        raise SystemExit(1)
    click.echo(f"check: ok ({res.tiles} tiles, {res.features} features, {res.coarse_tiles} block tiles, "
               f"lon {res.lon_range[0]:.5f}..{res.lon_range[1]:.5f},"
               f" lat {res.lat_range[0]:.5f}..{res.lat_range[1]:.5f})")


citymodel.add_command(terrain_cmd)
commands = [citymodel]
