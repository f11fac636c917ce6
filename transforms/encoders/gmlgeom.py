"""GML 3.2 geometry encoding (EPSG:25832 by default, millimetre precision)."""
from __future__ import annotations

import numpy as np
import shapely

SRS_25832 = "http://www.opengis.net/def/crs/EPSG/0/25832"


def _poslist(coords: np.ndarray) -> str:
    return " ".join(f"{x:.3f} {y:.3f}" for x, y in coords[:, :2])


def _polygon(p, gid: str, n: list[int]) -> str:
    n[0] += 1
    ext = (f"<gml:exterior><gml:LinearRing><gml:posList>{_poslist(np.asarray(p.exterior.coords))}"
           "</gml:posList></gml:LinearRing></gml:exterior>")
    ints = "".join(f"<gml:interior><gml:LinearRing><gml:posList>{_poslist(np.asarray(r.coords))}"
                   "</gml:posList></gml:LinearRing></gml:interior>"
                   for r in p.interiors)
    return f'<gml:Polygon gml:id="{gid}-p{n[0]}">{ext}{ints}</gml:Polygon>'


def geometry_gml(geom, gid: str, srs: str = SRS_25832, *, multi_surface: bool = False) -> str:
    """One geometry as GML 3.2. ``multi_surface`` forces polygons into a gml:MultiSurface."""
    t = geom.geom_type
    if t == "Point":
        return f'<gml:Point gml:id="{gid}-g" srsName="{srs}"><gml:pos>{geom.x:.3f} {geom.y:.3f}</gml:pos></gml:Point>'
    if t == "LineString":
        return (f'<gml:LineString gml:id="{gid}-g" srsName="{srs}"><gml:posList>'
                f"{_poslist(np.asarray(geom.coords))}</gml:posList></gml:LineString>")
    n = [0]
    if t == "Polygon" and not multi_surface:
        return _polygon(geom, gid, n).replace(f'gml:id="{gid}-p1"', f'gml:id="{gid}-g" srsName="{srs}"', 1)
    polys = [geom] if t == "Polygon" else list(geom.geoms)
    members = "".join(f"<gml:surfaceMember>{_polygon(p, gid, n)}</gml:surfaceMember>" for p in polys)
    return f'<gml:MultiSurface gml:id="{gid}-g" srsName="{srs}">{members}</gml:MultiSurface>'


def points_gml(xs: np.ndarray, ys: np.ndarray, gids: list[str], srs: str = SRS_25832) -> list[str]:
    """Fast path for point layers (a million trees)."""
    return [f'<gml:Point gml:id="{g}-g" srsName="{srs}"><gml:pos>{x:.3f} {y:.3f}</gml:pos></gml:Point>'
            for g, x, y in zip(gids, xs.tolist(), ys.tolist(), strict=True)]


def is_point_array(geoms: np.ndarray) -> bool:
    return bool(len(geoms)) and bool(np.all(shapely.get_type_id(geoms) == 0))
