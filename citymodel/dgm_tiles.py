"""DGM1 tiles as one raster: the forms a DGM comes in, turned into a path rasterio can open.

State surveys deliver the DGM1 (1 m grid) as many 1 km tiles, in Lower Saxony as GeoTIFF (COG, float32,
nodata -9999) and as XYZ ASCII grids (``x y z`` a line, cell centres on .5 m positions, about 1,000,000
lines / 28 MB a tile). :func:`open_source` accepts a GeoTIFF, a ``.vrt``, an ``.xyz`` (or ``.xyz.gz``)
file, a folder of tiles, a glob pattern or a list of any of these (XYZ and GeoTIFF mixed) and returns
one raster: the file itself when it is a single raster, else a GDAL VRT mosaic (``osgeo.gdal.BuildVRT``)
written to the cache folder.

XYZ tiles are converted once into a cached GeoTIFF (keyed by path, size and mtime): GDAL's XYZ driver
reads a tile in ~0.55 s on every open and makes LGLN's tiles (sorted by ascending northing) a south-up
raster, which ``BuildVRT`` skips ("does not support positive NS resolution"). Parsing with pandas and
writing the GeoTIFF takes ~0.5 s once; later runs open the GeoTIFF in milliseconds.

CRS: XYZ files carry none and are taken as EPSG:25832; a tile that declares another CRS is refused.
Nodata (-9999 in XYZ, the tile's nodata in GeoTIFF) and gaps between tiles read as NaN.
"""
from __future__ import annotations

import glob
import hashlib
import logging
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from core.errors import SourceError

LOGGER = logging.getLogger(__name__)
CRS_EPSG = 25832
TILE_SUFFIXES = (".tif", ".tiff", ".xyz", ".xyz.gz")
XYZ_NODATA = -9999.0      # an XYZ height at or below this is "no terrain"
_CACHE_VERSION = "1"      # bump when the conversion changes: old cache entries are then ignored

DgmSpec = str | Path | Sequence[str | Path]


def is_xyz(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(".xyz") or name.endswith(".xyz.gz")


def _is_tile(path: Path) -> bool:
    return path.is_file() and path.name.lower().endswith(TILE_SUFFIXES)


def tile_files(spec: DgmSpec) -> list[Path]:
    """The raster files a DGM spec names: a file, a folder (its .tif/.tiff/.xyz/.xyz.gz files, also in
    sub-folders), a glob pattern, or a list of these. Raises :class:`SourceError` when nothing is found."""
    if isinstance(spec, (str, Path)):
        items: list[str | Path] = [spec]
    else:
        items = list(spec)
        if not items:
            raise SourceError("no DGM files given", file="(empty list)")
    out: list[Path] = []
    for item in items:
        p = Path(item)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if _is_tile(f))
            if not found:
                raise SourceError("DGM folder holds no tiles (*.tif, *.tiff, *.xyz, *.xyz.gz)", file=str(p),
                                  value=str(p))
            out += found
        elif p.exists():
            out.append(p)
        elif any(c in str(item) for c in "*?["):
            found = sorted(Path(f) for f in glob.glob(str(item), recursive=True) if _is_tile(Path(f)))
            if not found:
                raise SourceError("no DGM tiles match the pattern", file=str(item), value=str(item))
            out += found
        else:
            raise SourceError("DGM file not found", file=str(p), value=str(p))
    unique: dict[Path, Path] = {}
    for f in out:
        unique.setdefault(f.resolve(), f)
    return list(unique.values())


def signature(spec: DgmSpec) -> list[Any]:
    """What identifies a DGM's content cheaply (for change detection): ``[size, mtime]`` of a single
    file (as before), else ``[count, total size, hash of every tile's path, size and mtime]`` (a tile
    replaced by an older one, as unzip does, counts too)."""
    files = tile_files(spec)
    if len(files) == 1 and isinstance(spec, (str, Path)) and Path(spec).is_file():
        st = files[0].stat()
        return [st.st_size, int(st.st_mtime)]
    stats = [(str(f.resolve()), f.stat().st_size, f.stat().st_mtime_ns) for f in files]
    return [len(stats), sum(s[1] for s in stats), _key(*stats)]


def default_cache_dir() -> Path:
    """``<var>/cache/dgm`` of the settings (converted XYZ tiles, mosaic VRTs); a temp folder without."""
    try:
        from core.config import load_settings
        return Path(load_settings().var_dir) / "cache" / "dgm"
    except Exception as exc:  # noqa: BLE001 - a broken gdi.yml must not stop reading a DGM
        LOGGER.warning("no settings for the DGM cache (%s); using the temp folder", exc)
        return Path(tempfile.gettempdir()) / "gdi-dgm-cache"


def _key(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:20]


# -- XYZ -----------------------------------------------------------------------------------------------
def _bad_line(path: Path, why: str) -> SourceError:
    """Find the first line that is not three numbers (the slow path, only after the fast parse failed)."""
    import gzip
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rt", encoding="latin-1", errors="replace") as fh:
        for n, line in enumerate(fh, 1):
            parts = _fields(line)
            if not parts:
                continue
            try:
                ok = len(parts) == 3 and all(np.isfinite(float(v)) for v in parts)
            except ValueError:
                ok = False
            if not ok and not (n == 1 and _is_header(line)):
                return SourceError("XYZ line is not three numbers 'x y z'", file=str(path), record=f"line {n}",
                                   value=line.rstrip("\r\n"))
    return SourceError(f"cannot read XYZ grid: {why}", file=str(path))


def _sep_of(line: str) -> str:
    for sep in (";", ","):
        if sep in line:
            return sep
    return " "


def _fields(line: str) -> list[str]:
    return line.replace(",", " ").replace(";", " ").split()


def _is_header(line: str) -> bool:
    """A first line like ``x y z`` / ``X;Y;Z;`` (names, no numbers) is a header."""
    parts = _fields(line)
    return 2 <= len(parts) <= 4 and all(p[:1].isalpha() and p.lower() not in ("nan", "inf") for p in parts)


def read_xyz(path: Path) -> tuple[np.ndarray, Any]:
    """An XYZ ASCII grid as (float32 array with NaN for nodata/missing points, rasterio Affine).

    Any line order; separators space, tab, ``,`` or ``;``; an optional header line of names. The x and y
    values must lie on a regular grid (spacing constant, gaps of whole cells allowed)."""
    import gzip

    import pandas as pd
    from affine import Affine
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rt", encoding="latin-1", errors="replace") as fh:
        first = fh.readline()
    if not first.strip():
        raise SourceError("XYZ file is empty", file=str(path), record="line 1", value=first.rstrip("\r\n"))
    sep = _sep_of(first)
    skip = 1 if _is_header(first) else 0
    # one blank between the values (LGLN) parses twice as fast as any whitespace; retry with that
    tries = ([" "] if sep == " " and len(first.strip("\r\n").split(" ")) == 3 else []) + [
        r"\s+" if sep == " " else sep]
    df, why = None, ""
    for s in tries:
        try:
            df = pd.read_csv(path, sep=s, header=None, engine="c", skiprows=skip, dtype=np.float64,
                             skip_blank_lines=True)
        except (ValueError, pd.errors.ParserError) as exc:
            why = str(exc)
            continue
        if sep != " " and df.shape[1] == 4 and df[3].isna().all():
            df = df.iloc[:, :3]   # "x;y;z;" – a trailing separator
        if df.shape[1] == 3 and not df.isna().to_numpy().any():
            break
        why, df = f"{df.shape[1]} columns or empty values", None
    if df is None:
        raise _bad_line(path, why)
    x, y, z = (df[c].to_numpy() for c in df.columns)
    z = np.where(z <= XYZ_NODATA, np.nan, z)
    first_line = skip + 1
    dx = _spacing(path, x, "x", first_line)
    dy = _spacing(path, y, "y", first_line)
    dx, dy = (dx or dy), (dy or dx)
    if dx is None or dy is None:
        raise SourceError("XYZ grid has a single point: no grid spacing", file=str(path), value=len(x))
    x0, ytop = float(x.min()), float(y.max())
    col = np.rint((x - x0) / dx).astype(np.int64)
    row = np.rint((ytop - y) / dy).astype(np.int64)
    w, h = int(col.max()) + 1, int(row.max()) + 1
    if w * h > 4 * len(x) + 1_000_000:  # a stray far-away point would make a huge, empty grid
        raise SourceError(f"XYZ points span {w} x {h} cells for {len(x)} points (a point far off the tile?)",
                          file=str(path), value=(float(x.min()), float(y.min()), float(x.max()), float(y.max())))
    grid = np.full((h, w), np.nan, dtype=np.float32)
    grid[row, col] = z
    return grid, Affine(dx, 0.0, x0 - dx / 2, 0.0, -dy, ytop + dy / 2)


def _spacing(path: Path, v: np.ndarray, axis: str, first_line: int) -> float | None:
    """The grid spacing of the values ``v`` (the most common step between distinct values; gaps of whole
    steps allowed), else SourceError naming the first value off the grid and its line."""
    u = np.unique(v)
    if len(u) < 2:
        return None
    steps, counts = np.unique(np.round(np.diff(u), 6), return_counts=True)
    step = float(steps[counts.argmax()])
    k = (u - u[0]) / step
    off = np.abs(k - np.rint(k)) > 1e-3
    if off.any():
        bad = float(u[int(np.argmax(off))])
        line = int(np.argmax(v == bad)) + first_line
        raise SourceError(f"XYZ points are not a regular grid: {axis} spacing {step:g}, but {axis}={bad:.3f} is "
                          f"off the grid", file=str(path), record=f"line {line}", field=axis, value=bad)
    return step


def xyz_to_geotiff(path: Path, cache_dir: Path) -> Path:
    """The cached GeoTIFF (float32, deflate, EPSG:25832, nodata NaN) of one XYZ tile; converted on first use."""
    import rasterio
    st = path.stat()
    key = _key(path.resolve(), st.st_size, st.st_mtime_ns, _CACHE_VERSION)
    out = cache_dir / f"{path.name.split('.')[0]}-{key}.tif"
    if out.exists():
        return out
    grid, transform = read_xyz(path)
    cache_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(suffix=".tif", dir=cache_dir)
    os.close(fd)
    try:
        with rasterio.open(tmp, "w", driver="GTiff", width=grid.shape[1], height=grid.shape[0], count=1,
                           dtype="float32", crs=f"EPSG:{CRS_EPSG}", transform=transform, nodata=float("nan"),
                           compress="deflate", predictor=3, tiled=True, blockxsize=256, blockysize=256) as ds:
            ds.write(grid, 1)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the cache is shared
        os.replace(tmp, out)
    finally:
        Path(tmp).unlink(missing_ok=True)
    LOGGER.info("DGM: converted %s -> %s", path, out)
    return out


# -- mosaic --------------------------------------------------------------------------------------------
def check_tile(path: Path) -> tuple[bool, Any]:
    """(declares a CRS?, its data type) of a raster tile; SourceError for another CRS, a rotated or
    south-up grid, or an unreadable file."""
    import rasterio
    try:
        with rasterio.open(path) as ds:
            crs, t, dtype = ds.crs, ds.transform, ds.dtypes[0]
    except Exception as exc:  # rasterio raises RasterioIOError etc.
        raise SourceError(f"cannot read DGM: {exc}", file=str(path)) from exc
    if crs is not None and crs.to_epsg() not in (CRS_EPSG, None):
        raise SourceError(f"DGM must be in EPSG:{CRS_EPSG}, is {crs}", file=str(path), field="crs",
                          value=str(crs))
    if t.b != 0 or t.d != 0 or t.e >= 0:
        raise SourceError("DGM raster is rotated or south-up (expected a north-up grid)", file=str(path),
                          field="geotransform", value=tuple(t)[:6])
    return crs is not None, dtype


def open_source(spec: DgmSpec, cache_dir: Path | None = None) -> Path:
    """One raster rasterio can open for the DGM ``spec``: a single GeoTIFF or .vrt as it is, else a VRT
    mosaic of the tiles (XYZ tiles converted to cached GeoTIFFs) in ``cache_dir``."""
    files = tile_files(spec)
    single = len(files) == 1 and isinstance(spec, (str, Path)) and Path(spec).is_file()
    if single and not is_xyz(files[0]):
        check_tile(files[0])
        return files[0]
    cache = cache_dir or default_cache_dir()
    rasters = [xyz_to_geotiff(f, cache) if is_xyz(f) else f for f in files]
    if len(rasters) == 1:
        return rasters[0]
    for f, r in zip(files, rasters, strict=True):
        if r is f:
            check_tile(f)
    stats = [(str(r.resolve()), r.stat().st_size, r.stat().st_mtime_ns) for r in rasters]
    vrt = cache / f"mosaic-{_key(_CACHE_VERSION, *stats)}.vrt"
    if not vrt.exists():
        _build_vrt(vrt, rasters)
    return vrt


def _build_vrt(vrt: Path, rasters: list[Path]) -> None:
    from osgeo import gdal
    vrt.parent.mkdir(parents=True, exist_ok=True)
    tmp = vrt.with_name(f".{vrt.name}.{os.getpid()}.tmp.vrt")
    opts = gdal.BuildVRTOptions(resolution="highest", VRTNodata="nan", outputSRS=f"EPSG:{CRS_EPSG}",
                                allowProjectionDifference=True)   # CRS checked per tile above
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        ds = gdal.BuildVRT(str(tmp), [str(r) for r in rasters], options=opts)
        if ds is None:
            raise SourceError(f"cannot build the DGM mosaic: {gdal.GetLastErrorMsg()}", file=str(vrt))
        ds = None  # writes the file
    finally:
        gdal.PopErrorHandler()
    used = tmp.read_text(encoding="utf-8").count("<SourceFilename") if tmp.exists() else 0
    if used < len(rasters):
        tmp.unlink(missing_ok=True)
        raise SourceError(f"DGM mosaic takes {used} of {len(rasters)} tiles: {gdal.GetLastErrorMsg()}",
                          file=str(vrt), value=[str(r) for r in rasters][:5])
    os.replace(tmp, vrt)
    LOGGER.info("DGM: mosaic of %d tiles -> %s", len(rasters), vrt)
