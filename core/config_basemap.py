"""Base-map settings (``basemap:`` in gdi.yml): the offline base map drawn from a GeoPackage and external
base layers (WMTS, WMS, XYZ) with their attribution, for the viewer and the participation maps."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class BaseLayer(_Model):
    """An external base layer for the viewer and the participation maps (basemap.de, LGLN DOP20, …):
    a WMTS in REST form, a WMS 1.3.0, or a URL template of XYZ tiles (Web Mercator)."""
    id: str = Field(pattern=r"^[a-z0-9_-]{1,40}$", description="short id (layer switch, share links)")
    title: str = Field(min_length=1, description="name in the layer list (German)")
    kind: Literal["wmts", "wms", "xyz"] = Field(description="wmts: REST URL template with {TileMatrix}, "
                                                "{TileRow}, {TileCol}; wms: GetMap endpoint; xyz: {z}/{x}/{y}")
    url: str = Field(pattern=r"^(https?://[^\s'\";]+|/[^\s'\";]*)$",
                     description="http(s) URL (its origin is added to the pages' Content-Security-Policy) or a "
                     "path on this server")
    layer: str | None = Field(default=None, description="WMTS layer or WMS LAYERS")
    style: str = Field(default="default", description="WMTS style (WMS: STYLES is empty)")
    tile_matrix_set: str | None = Field(default=None, description="WMTS TileMatrixSet (Web Mercator: its levels "
                                        "are the zoom levels, e.g. GLOBAL_WEBMERCATOR, WEBMERCATOR)")
    format: str = Field(default="image/png", description="image format")
    attribution: str = Field(min_length=1, description="source note shown on the map as text (no link), e.g. "
                             "\"© GeoBasis-DE / BKG (2026) CC BY 4.0\"")
    maximum_level: int = Field(default=19, ge=0, le=24, description="deepest zoom level the source has")

    @model_validator(mode="after")
    def _complete(self) -> BaseLayer:
        if self.kind == "wmts":
            missing = [k for k in ("{TileMatrix}", "{TileRow}", "{TileCol}") if k not in self.url]
            missing += [k for k in ("layer", "tile_matrix_set") if not getattr(self, k)]
            if missing:
                raise ValueError(f"base layer {self.id!r} (wmts) needs layer, tile_matrix_set and a REST url with "
                                 f"{{TileMatrix}}, {{TileRow}}, {{TileCol}} (missing: {', '.join(missing)})")
        elif self.kind == "wms" and not self.layer:
            raise ValueError(f"base layer {self.id!r} (wms) needs layer (the WMS LAYERS)")
        elif self.kind == "xyz" and not all(k in self.url for k in ("{z}", "{x}", "{y}")):
            raise ValueError(f"base layer {self.id!r} (xyz) needs a url with {{z}}, {{x}} and {{y}}: {self.url!r}")
        return self

    def client(self) -> dict[str, object]:
        """What the pages' scripts read (viewer, plan maps): every field."""
        return self.model_dump()

    def origin(self) -> str | None:
        """scheme://host[:port] of an external URL (for the CSP); None for a path on this server."""
        m = re.match(r"^(https?://[^/?#]+)", self.url)
        return m.group(1) if m else None


class BasemapSettings(_Model):
    """The offline base map beneath the published layers in ``/basemap/{z}/{x}/{y}.png`` (docs/wms.md), and
    external base layers (``external``) offered beside it."""
    source: Path | None = Field(default=None, description="GeoPackage with the layers strassen, bloecke, "
                                "gewaesser, gruen (schema of datasets/stadtplan/SOURCE.md); default: "
                                "<datasets_dir>/stadtplan/stadtplan_hildesheim_beispiel.gpkg when it exists")
    enabled: bool = Field(default=True, description="draw the base map at all; environment GDI_BASEMAP=off "
                          "turns it off")
    external: list[BaseLayer] = Field(default_factory=list, description="external base layers (WMTS, WMS, XYZ) "
                                      "with attribution, in the viewer and the participation maps; the first one "
                                      "is shown at start instead of the offline base map")

    @field_validator("external")
    @classmethod
    def _unique_ids(cls, v: list[BaseLayer]) -> list[BaseLayer]:
        ids = [b.id for b in v]
        dup = sorted({i for i in ids if ids.count(i) > 1})
        if dup:
            raise ValueError(f"base layer ids must be unique: {', '.join(dup)}")
        return v

    def origins(self) -> list[str]:
        """The external base layers' origins (for img-src/connect-src)."""
        return sorted({o for b in self.external if (o := b.origin())})

    def path(self, datasets_dir: Path) -> Path | None:
        """The base-map file in use, or None (off, or no file)."""
        if not self.enabled:
            return None
        p = self.source or datasets_dir / "stadtplan" / "stadtplan_hildesheim_beispiel.gpkg"
        p = p if p.is_absolute() else PROJECT_ROOT / p
        return p if p.is_file() else None
