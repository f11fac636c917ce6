"""``gdi pointcloud``: laser scans (LAS/LAZ) -> 3D Tiles 1.1 under /3dtiles/, tree metrics, demo scan.

* ``gdi pointcloud convert FILE...``   tileset (py3dtiles engine, validator-clean glb, incremental, atomic)
* ``gdi pointcloud trees --las ...``    height / crown / match quality per cadastre tree + deviation report
* ``gdi pointcloud generate OUT.las``   a synthetic scan (terrain, blocks, crowns at the cadastre's trees)
* ``gdi pointcloud demo``               all three on the bundled tree cadastre (docs/pointcloud.md)
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import click
import numpy as np

from core.config import load_settings
from core.errors import GdiError

DEMO_BBOX = (404_500.0, 5_755_000.0, 405_000.0, 5_755_500.0)   # 500 m × 500 m of the bundled cadastre
DEMO_DENSITY = 8.0
CENTRE_SIDE = 300.0   # the second demo scan: 300 m × 300 m of Hildesheim's centre, over the demo city model


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9_-]+", "-", name.lower()).strip("-") or "pointcloud"


def load_trees(path: Path, id_field: str, height_field: str, crown_field: str, layer: str | None = None):
    """The cadastre trees: the bundled CSV schema, or any vector file (e.g. the published download
    GeoPackage: its source view layer ``<dataset>_source`` is taken unless ``layer`` names another)."""
    from pointcloud.generate import Trees, read_tree_csv
    if path.suffix.lower() == ".csv":
        return read_tree_csv(path)
    import geopandas as gpd
    import pyogrio
    if layer is None:
        names = [n for n, _ in pyogrio.list_layers(path)]
        layer = next((n for n in names if n.endswith("_source")), names[0] if names else None)
    g = gpd.read_file(path, layer=layer).to_crs(25832)
    g = g[g.geometry.notna() & ~g.geometry.is_empty]
    pts = g.geometry.representative_point()

    def col(name: str) -> np.ndarray:
        return (g[name].astype(float).to_numpy() if name in g.columns else np.full(len(g), np.nan))
    return Trees(g[id_field].astype(str).to_numpy() if id_field in g.columns else g.index.astype(str).to_numpy(),
                 pts.x.to_numpy(), pts.y.to_numpy(), col(height_field), col(crown_field))


@click.group("pointcloud")
def pointcloud() -> None:
    """Laser point clouds (LAS/LAZ): 3D Tiles for the viewer and measured tree heights and crowns."""


@pointcloud.command("convert")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--name", default="Punktwolke", show_default=True, help="Tileset name (shown in the viewer).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path),
              help="Tileset folder (default: <var>/3dtiles/pointcloud/<name>).")
@click.option("--crs", "crs_in", help="CRS of the files when they declare none (e.g. EPSG:25832).")
@click.option("--force-crs", is_flag=True, help="Use --crs even where a file declares another CRS.")
@click.option("--vertical", type=click.Choice(["relative", "absolute", "ellipsoidal"]), default="relative",
              show_default=True, help="relative: z minus --z-reference (like the city model, globe without "
                                      "terrain); absolute: + geoid undulation; ellipsoidal: z as it is.")
@click.option("--z-reference", type=float, help="relative: metres subtracted (default: the buildings tileset's "
                                                "ground reference if there is one, else the lowest point).")
@click.option("--jobs", type=int, default=2, show_default=True)
@click.option("--check/--no-check", default=True, show_default=True, help="Check the written tileset.")
def convert_cmd(inputs, name, out, crs_in, force_crs, vertical, z_reference, jobs, check) -> None:
    """Convert LAS/LAZ tiles into one 3D Tiles 1.1 tileset; a rerun converts only changed input tiles."""
    from pointcloud.check import check_pointcloud_tileset
    from pointcloud.convert import ConvertOptions, convert_tiles
    settings = load_settings()
    out = out or Path(settings.var_dir) / "3dtiles" / "pointcloud" / _slug(name)
    if vertical == "relative" and z_reference is None:
        b = Path(settings.var_dir) / "3dtiles" / "buildings" / "tileset.json"
        if b.exists():
            extras = json.loads(b.read_text()).get("asset", {}).get("extras", {})
            z_reference = extras.get("ground_reference_m")
            if extras.get("vertical") == "absolute":   # buildings on the Cesium terrain: the points too
                vertical, z_reference = "absolute", None
    opts = ConvertOptions(name=name, crs_in=crs_in, force_crs=force_crs, vertical=vertical,
                          z_reference=z_reference, jobs=jobs)
    try:
        rep = convert_tiles(list(inputs), out, opts)
    except GdiError as exc:
        click.secho(f"FAILED: {exc}", fg="red", err=True)
        raise SystemExit(1) from None
    click.echo(f"pointcloud {name}: {rep['points']:,} points from {rep['inputs']} file(s), converted "
               f"{len(rep['converted'])}, kept {len(rep['kept'])}, {rep['seconds']} s -> {rep['tileset']}")
    if check:
        res = check_pointcloud_tileset(out / "tileset.json")
        click.echo(f"check: {res.contents} glb, {res.refined_points:,} points at full refinement "
                   f"(+{res.points - res.refined_points:,} in coarser REPLACE copies), classes "
                   f"{dict(sorted(res.classes.items()))}, {'ok' if res.ok else 'FAILED'}")
        for e in res.errors[:20]:
            click.echo(f"  {e}", err=True)
        if not res.ok:
            raise SystemExit(1)


@pointcloud.command("trees")
@click.option("--las", "las", multiple=True, required=True, type=click.Path(exists=True, dir_okay=False,
                                                                            path_type=Path))
@click.option("--dgm", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=True,
              help="DGM GeoTIFF (EPSG:25832); heights are measured above it.")
@click.option("--trees", "trees_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=True,
              help="Tree cadastre: the bundled CSV schema or a vector file (e.g. the published source view).")
@click.option("--trees-layer", help="Layer of --trees (default: a '<dataset>_source' layer, else the first).")
@click.option("--id-field", default="key", show_default=True)
@click.option("--height-field", default="height_m", show_default=True)
@click.option("--crown-field", default="crown_diameter_m", show_default=True)
@click.option("--tolerance", type=float, default=3.0, show_default=True,
              help="Report trees whose recorded height differs by more (metres).")
@click.option("--scan-date", help="Date of the flight (ISO), stored with the measured values as `measured_on` "
                                 "(default: the earliest creation date in the LAS headers).")
@click.option("--source", help="Source named with the measured values (`measurement_source`; default: "
                               "'Laserscan <file names>').")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path),
              help="Report folder (default: <var>/pointcloud/trees).")
def trees_cmd(las, dgm, trees_path, trees_layer, id_field, height_field, crown_field, tolerance, scan_date, source,
              out) -> None:
    """Measure height and crown of every cadastre tree; list far-off and vanished trees."""
    from pointcloud.trees import MetricOptions, measure
    settings = load_settings()
    out = out or Path(settings.var_dir) / "pointcloud" / "trees"
    rec = load_trees(trees_path, id_field, height_field, crown_field, trees_layer)
    scan_date = scan_date or header_date(list(las))
    source = source or scan_name(list(las))
    _df, rep = measure(rec, list(las), dgm, out, MetricOptions(tolerance_m=tolerance, scan_date=scan_date,
                                                               source=source))
    _summary(rep, out)
    click.echo(f"measured_on {rep.get('measured_on')}, source {source!r}; publish with the trees dataset's "
               f"option measurements: {out / 'tree_metrics.gpkg'} (docs/pointcloud.md)")


def header_date(las: list[Path]) -> str | None:
    """The earliest creation date in the LAS headers (a survey writes its tiles soon after the flight; give
    ``--scan-date`` when the flight date is known), None when no header has one."""
    import laspy
    days = []
    for p in las:
        with laspy.open(p) as f:
            if f.header.creation_date is not None:
                days.append(f.header.creation_date)
    return min(days).isoformat() if days else None


def scan_name(las: list[Path]) -> str:
    """'Laserscan 32_560_5778.laz, 32_561_5778.laz' (three names at most, then '+ n more')."""
    names = [p.name for p in las]
    more = f" + {len(names) - 3} more" if len(names) > 3 else ""
    return "Laserscan " + ", ".join(names[:3]) + more


def _summary(rep: dict, out: Path) -> None:
    click.echo(f"trees: {rep['trees']} ({', '.join(f'{k} {v}' for k, v in sorted(rep['quality'].items()))}); "
               f"{len(rep['height_deviations'])} differ by more than {rep['tolerance_m']} m "
               f"(+{len(rep['uncertain_deviations'])} uncertain matches), "
               f"{len(rep['no_vegetation_returns'])} without vegetation returns; "
               f"{rep['seconds_metrics']} s -> {out / 'tree_report.json'}")


@pointcloud.command("generate")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--bbox", default=",".join(str(v) for v in DEMO_BBOX), show_default=True,
              help="minx,miny,maxx,maxy in EPSG:25832.")
@click.option("--trees", "trees_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Tree cadastre (default: the bundled datasets/trees CSV).")
@click.option("--dgm", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="DGM GeoTIFF (default: the demo DGM generator over --bbox, written beside OUT).")
@click.option("--density", type=float, default=DEMO_DENSITY, show_default=True, help="Pulses per m².")
@click.option("--blocks", type=int, default=40, show_default=True, help="Building blocks between the trees.")
@click.option("--seed", type=int, default=1, show_default=True)
def generate_cmd(out, bbox, trees_path, dgm, density, blocks, seed) -> None:
    """Write a synthetic classified scan (ground 2, vegetation 5, buildings 6) of the cadastre's trees."""
    box = tuple(float(v) for v in bbox.split(","))
    rep = demo_scan(out, box, trees_path, dgm, density, blocks, seed)  # type: ignore[arg-type]
    click.echo(json.dumps(rep, ensure_ascii=False))


def demo_scan(out: Path, bbox: tuple[float, float, float, float], trees_path: Path | None = None,
              dgm: Path | None = None, density: float = DEMO_DENSITY, blocks: int = 40, seed: int = 1) -> dict:
    """The demo scan: the cadastre's trees in ``bbox`` as they stand (a few grown, one felled), blocks
    between them, terrain from the demo DGM generator."""
    from citymodel.terrain import make_demo_dgm
    from pointcloud.dgm import Dgm
    from pointcloud.generate import Scene, blocks_between, generate_las, read_tree_csv, standing_trees
    trees_path = trees_path or Path(__file__).resolve().parents[2] / "datasets" / "trees" / \
        "baumkataster_muenster.csv"
    rec = read_tree_csv(trees_path)
    rec = rec.subset((rec.x > bbox[0]) & (rec.x < bbox[2]) & (rec.y > bbox[1]) & (rec.y < bbox[3]))
    if dgm is None:
        dgm = make_demo_dgm(Path(out).with_name("dgm.tif"), bbox, res=5.0)
    stand, grown, gone = standing_trees(rec, seed=seed)
    geoms, heights = blocks_between(stand, bbox, blocks, seed=seed)
    rep = generate_las(Path(out), Scene(bbox, stand, geoms, heights), Dgm(dgm), density=density, seed=seed)
    return {**rep, "dgm": str(dgm), "trees": len(rec), "trees_grown": grown, "trees_removed": gone,
            "blocks": len(geoms)}


def demo_measure_step(settings) -> dict:
    """The demo scan (generated once) and the measured trees: ``<var>/pointcloud/demo/tree_metrics.gpkg``.
    A demo step of its own so that it can run *before* the ETL: the trees dataset's option
    ``measurements: "{var}/pointcloud/demo/tree_metrics.gpkg"`` then publishes the measured values with the
    cadastre (docs/pointcloud.md). ``demo_step`` calls it too (a second call only measures again, ~1 s)."""
    from pointcloud.generate import read_tree_csv
    from pointcloud.trees import MetricOptions, measure
    work = Path(settings.var_dir) / "pointcloud" / "demo"
    las = work / "scan_demo.las"
    if not las.exists():
        gen = demo_scan(las, DEMO_BBOX)
        (work / "scan_demo.json").write_text(json.dumps(gen, ensure_ascii=False, indent=1))
    rec = read_tree_csv(Path(__file__).resolve().parents[2] / "datasets" / "trees" / "baumkataster_muenster.csv")
    b = DEMO_BBOX
    rec = rec.subset((rec.x > b[0]) & (rec.x < b[2]) & (rec.y > b[1]) & (rec.y < b[3]))
    _df, trep = measure(rec, [las], work / "dgm.tif", work,
                        MetricOptions(source="Laserscan (Demo, generiert)", scan_date=header_date([las])))
    _summary(trep, work)
    return trep


def demo_step(settings) -> dict:
    """Demo step (add ``"gdi.commands.pointcloud:demo_step"`` to ``gdi.demo.DEMO_STEPS``): the demo scan,
    its tileset under /3dtiles/pointcloud/demo/ and the tree report under <var>/pointcloud/demo/."""
    from pointcloud.check import check_pointcloud_tileset
    from pointcloud.convert import ConvertOptions, convert_tiles
    var = Path(settings.var_dir)
    trep = demo_measure_step(settings)
    las = var / "pointcloud" / "demo" / "scan_demo.las"
    rep = convert_tiles([las], var / "3dtiles" / "pointcloud" / "demo",
                        ConvertOptions(name="Laserscan (Demo)", jobs=2))
    res = check_pointcloud_tileset(var / "3dtiles" / "pointcloud" / "demo" / "tileset.json")
    if not res.ok:
        raise GdiError(f"demo point cloud tileset failed its check: {res.errors[:3]}")
    click.echo(f"pointcloud demo: {rep['points']:,} points, {len(rep['converted'])} converted, {rep['seconds']} s")
    centre = centre_scan(settings)
    return {"tiles": rep, "trees": trep, "centre": centre}


def centre_scan(settings) -> dict | None:
    """The second demo scan: Hildesheim's centre with the demo city model's footprints as roofs and street
    trees between them, on the city model's DGM, converted to ``/3dtiles/pointcloud/innenstadt/`` with the
    buildings tileset's ground reference, so in the viewer the points stand where the buildings stand.
    None (and a note) when the demo city model was not built."""
    from core.area import MARKT_25832
    from gdi.citymodel_demo import demo_buildings
    from pointcloud.check import check_pointcloud_tileset
    from pointcloud.convert import ConvertOptions, convert_tiles
    from pointcloud.generate import scan_over_buildings
    var = Path(settings.var_dir)
    gpkg, dgm = demo_buildings(var, write=False), var / "citymodel" / "dgm_demo.tif"
    buildings_ts = var / "3dtiles" / "buildings" / "tileset.json"
    if not (gpkg.exists() and dgm.exists() and buildings_ts.exists()):
        click.echo("pointcloud centre: no demo city model, no scan of the centre")
        return None
    work = var / "pointcloud" / "innenstadt"
    las = work / "scan_innenstadt.las"
    if not las.exists():
        half = CENTRE_SIDE / 2
        bbox = (MARKT_25832[0] - half, MARKT_25832[1] - half, MARKT_25832[0] + half, MARKT_25832[1] + half)
        work.mkdir(parents=True, exist_ok=True)
        gen = scan_over_buildings(las, gpkg, dgm, bbox, density=DEMO_DENSITY)
        (work / "scan_innenstadt.json").write_text(json.dumps(gen, indent=1))
    extras = json.loads(buildings_ts.read_text()).get("asset", {}).get("extras", {})
    # as the buildings: relative to their ground reference, or absolute (DHHN + geoid) on the Cesium terrain
    absolute = extras.get("vertical") == "absolute"
    out = var / "3dtiles" / "pointcloud" / "innenstadt"
    rep = convert_tiles([las], out, ConvertOptions(name="Laserscan Innenstadt (Demo)", jobs=2,
                                                   vertical="absolute" if absolute else "relative",
                                                   z_reference=None if absolute else extras.get("ground_reference_m")))
    res = check_pointcloud_tileset(out / "tileset.json")
    if not res.ok:
        raise GdiError(f"centre point cloud tileset failed its check: {res.errors[:3]}")
    click.echo(f"pointcloud centre: {rep['points']:,} points over the demo buildings, {rep['seconds']} s")
    return rep


@pointcloud.command("demo")
def demo_cmd() -> None:
    """Demo scan of the bundled tree cadastre, its tileset and the tree report."""
    demo_step(load_settings())


commands = [pointcloud]
