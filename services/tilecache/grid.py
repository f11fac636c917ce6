"""The tile grid: the AdV scale set for EPSG:25832 (``DE_EPSG_25832_ADV``, the tile matrix set of basemap.de and
of the German state survey offices' WMTS), 256-pixel tiles, origin top left.

Level 0 is 1:17,471,320.75; each level halves the scale denominator down to level 14 (1:1,066.36). Using
the states' own matrix set lets a client that already shows basemap.de put our layers on it tile for tile.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np

NAME = "DE_EPSG_25832_ADV"
SRS = "EPSG:25832"
TILE = 256
ORIGIN = (-46133.17, 6301219.54)  # top-left corner of level 0
RES0 = 4891.96981025128           # metres per pixel at level 0 (scale denominator x 0.00028)
LEVELS = 15
RESOLUTIONS = [RES0 / 2 ** z for z in range(LEVELS)]
BBOX = (ORIGIN[0], ORIGIN[1] - TILE * RES0, ORIGIN[0] + TILE * RES0, ORIGIN[1])


def scale_denominator(level: int) -> float:
    return RESOLUTIONS[level] / 0.00028


def level_of(resolution: float) -> int:
    """The level whose resolution is nearest (logarithmically) to ``resolution`` (metres per pixel)."""
    if resolution <= 0:
        return LEVELS - 1
    return int(np.clip(round(float(np.log2(RES0 / resolution))), 0, LEVELS - 1))


def mapproxy_grid() -> dict[str, object]:
    """The grid as MapProxy's ``grids:`` entry."""
    return {"srs": SRS, "bbox": list(BBOX), "bbox_srs": SRS, "origin": "nw", "res": RESOLUTIONS,
            "tile_size": [TILE, TILE]}


def tiles_touching(bounds: np.ndarray, level: int, margin_px: float) -> set[tuple[int, int]]:
    """Tile (x, y) indices of ``level`` (y counted from the top) that any box of ``bounds`` (n x 4:
    minx, miny, maxx, maxy in EPSG:25832), grown by ``margin_px`` pixels, touches."""
    if len(bounds) == 0:
        return set()
    span = TILE * RESOLUTIONS[level]
    m = margin_px * RESOLUTIONS[level]
    n = 2 ** level
    x0 = np.clip(np.floor((bounds[:, 0] - m - ORIGIN[0]) / span), 0, n - 1).astype(np.int64)
    x1 = np.clip(np.floor((bounds[:, 2] + m - ORIGIN[0]) / span), 0, n - 1).astype(np.int64)
    y0 = np.clip(np.floor((ORIGIN[1] - (bounds[:, 3] + m)) / span), 0, n - 1).astype(np.int64)
    y1 = np.clip(np.floor((ORIGIN[1] - (bounds[:, 1] - m)) / span), 0, n - 1).astype(np.int64)
    out: set[tuple[int, int]] = set()
    single = (x0 == x1) & (y0 == y1)
    out.update(zip(x0[single].tolist(), y0[single].tolist(), strict=True))
    for a, b, c, d in zip(x0[~single].tolist(), x1[~single].tolist(), y0[~single].tolist(),
                          y1[~single].tolist(), strict=True):
        out.update((x, y) for x in range(a, b + 1) for y in range(c, d + 1))
    return out


def tile_path(cache_dir: Path, level: int, x: int, y: int, ext: str = "png") -> Path:
    """Where MapProxy's file cache (``directory_layout: tms``) keeps a tile of this grid."""
    return cache_dir / str(level) / str(x) / f"{y}.{ext}"


def existing_levels(cache_dir: Path) -> Iterator[int]:
    for p in cache_dir.iterdir() if cache_dir.is_dir() else ():
        if p.is_dir() and p.name.isdigit() and int(p.name) < LEVELS:
            yield int(p.name)


def remove_tiles(cache_dir: Path, bounds: np.ndarray, margin_px: float, meta_size: int = 1,
                 levels: Iterable[int] | None = None) -> int:
    """Delete the cached tiles that the boxes touch (at every level present), each with its whole meta tile
    (``meta_size`` x ``meta_size`` tiles aligned to the grid, as MapProxy groups them: its seeder looks only
    at a meta tile's first tile to decide whether to render it); returns how many were there."""
    gone = 0
    m = max(1, meta_size)
    for level in sorted(existing_levels(cache_dir) if levels is None else levels):
        blocks = {(x // m * m, y // m * m) for x, y in tiles_touching(bounds, level, margin_px)}
        for bx, by in blocks:
            for x in range(bx, bx + m):
                for y in range(by, by + m):
                    try:
                        tile_path(cache_dir, level, x, y).unlink()
                        gone += 1
                    except FileNotFoundError:
                        pass
    return gone
