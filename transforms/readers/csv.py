"""CSV reader for municipal exports: any encoding, any delimiter, decimal commas, broken WKT.

Real exports break WKT with German decimal commas: ``POINT (405022,4774) (5756025,874)``. Such
values are repaired to ``POINT (405022.4774 5756025.874)`` and the repair is reported per record.
"""
from __future__ import annotations

import codecs
import csv as _csv
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pydantic import Field, PositiveInt, field_validator, model_validator

from core.config import Dataset, Settings, Source
from core.errors import SourceError
from core.plugins import Options, Reader

from ..safety import check_size

NULL = np.array(None, dtype=object)  # np.where's missing value (numpy's stubs take no bare None)
CHUNK_ROWS = 50_000

# POINT (405022,4774) (5756025,874)  and  POINT (405022,4774 5756025,874)
_BROKEN_POINT_PARENS = re.compile(r"^\s*POINT\s*\(\s*(-?\d+),(\d+)\s*\)\s*\(\s*(-?\d+),(\d+)\s*\)\s*$", re.IGNORECASE)
_COMMA_POINT = re.compile(r"^\s*POINT\s*\(\s*(-?\d+),(\d+)\s+(-?\d+),(\d+)\s*\)\s*$", re.IGNORECASE)


def _check_encoding(path: Path, encoding: str) -> None:
    """Decode the whole file once (streamed) so a wrong encoding is reported with its line."""
    dec = codecs.getincrementaldecoder(encoding)(errors="strict")
    line = 1
    with open(path, "rb") as fh:
        head = fh.read(4)
        if head.startswith(codecs.BOM_UTF8) and encoding.lower().replace("_", "-") not in ("utf-8-sig",):
            if encoding.lower().replace("_", "-") in ("utf-8", "utf8"):
                pass  # BOM is stripped below; harmless
            else:
                raise SourceError(f"file starts with a UTF-8 byte-order mark but the dataset declares "
                                  f"encoding {encoding!r}; declare 'utf-8'", file=str(path),
                                  field="options.encoding", value=encoding)
        fh.seek(0)
        looks_utf8 = encoding.lower().replace("_", "-") in ("latin-1", "latin1", "iso-8859-1", "cp1252")
        utf8_hits = 0
        while True:
            block = fh.read(1 << 20)
            if not block:
                break
            if looks_utf8:
                utf8_hits += len(re.findall(rb"\xc3[\x80-\xbf]", block))
            try:
                text = dec.decode(block)
            except UnicodeDecodeError as exc:
                # find the line of the offending byte
                bad_line = line + block[: exc.start].count(b"\n")
                raise SourceError(
                    f"cannot decode as {encoding} ({exc.reason}, byte 0x{block[exc.start]:02x}); "
                    "is the declared encoding right?", file=str(path), record=f"line {bad_line}",
                    field="options.encoding", value=encoding) from None
            line += text.count("\n")
        if looks_utf8 and utf8_hits >= 3:
            # latin-1 decodes every byte, so a UTF-8 file would silently become mojibake ("Ã¤")
            try:
                path.read_bytes().decode("utf-8")
            except UnicodeDecodeError:
                return
            raise SourceError(f"file is UTF-8 (found {utf8_hits} UTF-8 umlaut sequences) but the dataset "
                              f"declares encoding {encoding!r}", file=str(path),
                              field="options.encoding", value=encoding)


def repair_wkt(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Return (fixed WKT, mask of repaired rows)."""
    s = values.fillna("").astype(str)
    # both patterns need a comma: the regexes (Python's, per value) run only on the few values with one
    comma = s.str.contains(",", regex=False).to_numpy(dtype=bool)
    if not comma.any():
        return s, pd.Series(False, index=s.index)
    part = s[comma]
    part = part.str.replace(_BROKEN_POINT_PARENS, r"POINT (\1.\2 \3.\4)", regex=True)
    part = part.str.replace(_COMMA_POINT, r"POINT (\1.\2 \3.\4)", regex=True)
    fixed = s.copy()
    fixed[comma] = part
    return fixed, fixed.ne(s)


class CsvOptions(Options):
    """Options of the ``csv`` reader."""

    encoding: str = Field(default="utf-8", examples=["latin-1"],
                          description="character encoding of the file (any Python codec name: utf-8, latin-1, "
                          "cp1252 ...); a wrong one is reported with the line")
    delimiter: str = Field(default=",", min_length=1, max_length=1, examples=[";"],
                           description="field delimiter, one character")
    decimal: Literal[".", ","] = Field(default=".", examples=[","],
                                       description="decimal separator of numbers written as text (coordinates "
                                       "in `x_column`/`y_column` and the numeric fields the mapper reads)")
    wkt_column: str | None = Field(default=None, examples=["flaeche_wkt"],
                                   description="column holding the geometry as WKT (decimal-comma WKT is "
                                   "repaired); give this or `x_column` and `y_column`")
    x_column: str | None = Field(default=None, description="column of the x (easting/longitude) coordinate "
                                 "of point data")
    y_column: str | None = Field(default=None, description="column of the y (northing/latitude) coordinate "
                                 "of point data")
    max_bytes: PositiveInt | None = Field(default=None, description="size limit of this file in bytes; "
                                          "default: `limits.max_source_bytes` of gdi.yml")

    @field_validator("encoding")
    @classmethod
    def _known_codec(cls, v: str) -> str:
        try:
            codecs.lookup(v)
        except LookupError:
            raise ValueError(f"unknown encoding {v!r} (e.g. utf-8, latin-1, cp1252)") from None
        return v

    @model_validator(mode="after")
    def _geometry_columns(self) -> CsvOptions:
        if self.wkt_column and (self.x_column or self.y_column):
            raise ValueError("give either wkt_column or x_column and y_column, not both")
        if not self.wkt_column and not (self.x_column and self.y_column):
            raise ValueError("the geometry is missing: set wkt_column, or x_column and y_column")
        return self


class CsvReader(Reader):
    """Delimited text exports: any encoding and delimiter, decimal commas, geometry as WKT or x/y columns."""

    Options = CsvOptions

    def read(self, path: Path, source: Source, dataset: Dataset, settings: Settings,
             options: CsvOptions) -> Iterator[gpd.GeoDataFrame]:
        return _read(path, source, settings, options)


CSV_READER = CsvReader()
read_csv = CSV_READER  # the callable form: read_csv(path, source, dataset, settings)


def _read(path: Path, source: Source, settings: Settings, opts: CsvOptions) -> Iterator[gpd.GeoDataFrame]:
    check_size(path, opts.max_bytes or settings.limits.max_source_bytes)
    _check_encoding(path, opts.encoding)
    enc = "utf-8-sig" if opts.encoding.lower().replace("_", "-") in ("utf-8", "utf8") else opts.encoding
    with open(path, encoding=enc, newline="") as fh:
        header_line = fh.readline()
        if not header_line.strip():
            raise SourceError("first line is empty: no header", file=str(path), record="line 1")
        header = next(_csv.reader([header_line], delimiter=opts.delimiter))
        if len(header) < 2:
            raise SourceError(f"header has a single column; is the delimiter {opts.delimiter!r} right?",
                              file=str(path), record="line 1", field="options.delimiter", value=opts.delimiter)
        rest_probe = fh.read(1)
        if not rest_probe.strip():
            raise SourceError("file has a header but no data rows", file=str(path))
    required = list(source.fields.values())
    required += [c for c in (opts.wkt_column, opts.x_column, opts.y_column) if c]
    missing = [c for c in dict.fromkeys(required) if c not in header]
    if missing:
        raise SourceError(f"required column(s) missing: {', '.join(missing)}; the header has: "
                          f"{', '.join(header)}", file=str(path), record="line 1")
    dupes = [c for c in header if header.count(c) > 1]
    if dupes:
        raise SourceError(f"duplicate column name(s) in header: {', '.join(sorted(set(dupes)))}",
                          file=str(path), record="line 1")

    try:
        reader = pd.read_csv(path, sep=opts.delimiter, encoding=enc, dtype=str, keep_default_na=False,
                             na_values=[], chunksize=CHUNK_ROWS, engine="c", on_bad_lines="error")
        next_row = 2
        for chunk in reader:
            n = len(chunk)
            chunk.index = pd.RangeIndex(next_row, next_row + n)
            rows = np.arange(next_row, next_row + n)
            next_row += n
            yield _to_frame(chunk, rows, source, opts, path)
    except pd.errors.ParserError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise SourceError(f"malformed CSV ({exc}); the file may be truncated or use another delimiter",
                          file=str(path), record=f"line {m.group(1)}" if m else None) from None


def _to_frame(chunk: pd.DataFrame, rows: np.ndarray, source: Source, opts: CsvOptions,
              path: Path) -> gpd.GeoDataFrame:
    issues: list[list[str]] = [[] for _ in range(len(chunk))]
    if opts.wkt_column:
        raw = chunk[opts.wkt_column]
        fixed, repaired = repair_wkt(raw)
        wkt = np.where(fixed.str.strip().eq("").to_numpy(), NULL, fixed.to_numpy(dtype=object))
        geoms = shapely.from_wkt(wkt, on_invalid="ignore")
        bad = pd.isna(geoms) & raw.str.strip().ne("").to_numpy()
        for i in np.flatnonzero(repaired.to_numpy() & ~bad):
            issues[i].append(f"repaired: {opts.wkt_column} {raw.iat[i]!r} had decimal commas, read as "
                             f"{fixed.iat[i]!r}")
        for i in np.flatnonzero(bad):
            issues[i].append(f"rejected: {opts.wkt_column} is not valid WKT: {raw.iat[i]!r}")
        empty = raw.str.strip().eq("").to_numpy()
        for i in np.flatnonzero(empty):
            issues[i].append(f"rejected: {opts.wkt_column} is empty (no location)")
    else:
        xs = _numbers(chunk[opts.x_column], opts.decimal)
        ys = _numbers(chunk[opts.y_column], opts.decimal)
        geoms = shapely.points(xs, ys)
        for i in np.flatnonzero(np.isnan(xs) | np.isnan(ys)):
            issues[i].append(f"rejected: {opts.x_column}/{opts.y_column} "
                             f"{chunk[opts.x_column].iat[i]!r}/{chunk[opts.y_column].iat[i]!r} is not a coordinate")
            geoms[i] = None
    gdf = gpd.GeoDataFrame(chunk.reset_index(drop=True), geometry=gpd.GeoSeries(geoms), crs=source.crs)
    gdf["_row"] = [f"line {r}" for r in rows]
    gdf["_issues"] = issues
    gdf["_file"] = path.name
    return gdf


def _numbers(s: pd.Series, decimal: str) -> np.ndarray:
    t = s.str.strip()
    if decimal == ",":
        t = t.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    return pd.to_numeric(t, errors="coerce").to_numpy(dtype=float)


def parse_numbers(s: pd.Series, decimal: str) -> tuple[np.ndarray, np.ndarray]:
    """Parse a text column as numbers; return (values with NaN for empty/bad, mask of bad non-empty)."""
    t = s.fillna("").astype(str).str.strip()
    t2 = t.str.replace(",", ".", regex=False) if decimal == "," else t
    vals = pd.to_numeric(t2, errors="coerce").to_numpy(dtype=float, copy=True)
    nonempty = t.ne("").to_numpy()
    bad = nonempty & (np.isnan(vals) | np.isinf(vals) | t.str.lower().isin(["nan", "inf", "-inf"]).to_numpy())
    vals[bad] = np.nan
    return vals, bad


__all__ = ["CSV_READER", "CsvOptions", "CsvReader", "parse_numbers", "read_csv", "repair_wkt"]
