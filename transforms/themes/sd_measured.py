"""Measured tree heights and crowns (a laser scan, ``gdi pointcloud trees``) in the trees' source view.

The ``sd_trees`` mapper's option ``measurements`` names the table(s) ``gdi pointcloud trees`` writes
(``tree_metrics.gpkg``; its ``tree_metrics.csv`` twin reads too): a path or a glob, relative to the dataset
folder, absolute, ``~``, or below the var dir with ``{var}`` (``{var}/pointcloud/*/tree_metrics.gpkg``).
They are read once per run, at the first chunk, inside the publication: the measured values are part of the
same atomic version as the cadastre's, a rerun with an unchanged cadastre publishes them again, and a
changed measurement is a changed feature for the lifecycle (new ``beginLifespanVersion``).

Rows are joined by the table's ``id`` (the cadastre key ``gdi pointcloud trees`` was given) to the
source's ``key``. A tree gets values only where the table has a measured height; every other tree keeps
NULLs (not zeros) in all five columns, so "not measured" is never confused with a measurement. With several
tables, the newest ``measured_on`` wins per tree (then the higher match score).

A missing, unreadable or malformed table fails the run with a :class:`~core.errors.SourceError` naming the
file, the column and, where one is at fault, the record and value; the previous publication stays current.
A single implausible value (a negative or over 150 m height, say) is left empty and noted on the tree.
"""
from __future__ import annotations

import glob
import logging
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from core.errors import SourceError

# the columns added to the source view, in this order after the cadastre's crown diameter
MEASURED_COLUMNS = ("height_measured_m", "crown_measured_m", "measured_on", "measurement_source",
                    "measurement_quality")
# columns a measurements table must have (the names ``gdi pointcloud trees`` writes)
REQUIRED = ("id", "height_measured_m", "crown_measured_m", "measured_on", "source")
OPTION = "options.measurements"
LAYER = "tree_metrics"
PLAUSIBLE = {"height_measured_m": (0.0, 150.0), "crown_measured_m": (0.0, 60.0)}

LOGGER = logging.getLogger(__name__)


def resolve(pattern: str, folder: Path, var_dir: Path) -> tuple[Path, list[Path]]:
    """(the pattern as a path, the files it names): a glob gives its matches (sorted), a plain path itself
    (whether it exists or not: the reader says it is missing)."""
    text = os.path.expanduser(pattern.replace("{var}", str(var_dir)))
    p = Path(text)
    p = p if p.is_absolute() else folder / p
    if glob.has_magic(str(p)):
        return p, sorted(Path(m) for m in glob.glob(str(p), recursive=True) if Path(m).is_file())
    return p, [p]


@dataclass
class Measurements:
    """The joined table (index: tree key) and what the report says about it."""

    table: pd.DataFrame
    files: list[str]
    rows: int
    notes: dict[str, list[str]] = field(default_factory=dict)   # key -> notes for that tree's record
    matched: int = 0

    def join(self, keys: pd.Series) -> pd.DataFrame:
        """The five measured columns for ``keys`` (NULL where a tree has no measured height)."""
        sub = self.table.reindex(keys.astype(str).to_numpy())
        out = pd.DataFrame(index=keys.index)
        for c in ("height_measured_m", "crown_measured_m"):
            out[c] = sub[c].to_numpy(dtype=float)
        for c in ("measured_on", "measurement_source", "measurement_quality"):
            out[c] = sub[c].astype(object).where(sub[c].notna(), None).to_numpy()
        self.matched += int(sub["height_measured_m"].notna().sum())
        return out

    def report(self) -> dict[str, object]:
        return {"files": self.files, "rows": self.rows, "measured_trees": len(self.table),
                "joined": self.matched}


def load(pattern: str, folder: Path, var_dir: Path) -> Measurements:
    """Read and check every table ``pattern`` names; one row per measured tree."""
    where, files = resolve(pattern, folder, var_dir)
    if not files:
        # a glob names the scans there are: none yet (a fresh installation, before the first scan) publishes
        # the cadastre with empty measured columns; a plain path must exist (``_read`` says it is missing)
        LOGGER.warning("no measurements table matches %r yet: measured columns stay empty", str(where))
        empty = pd.DataFrame(columns=["height_measured_m", "crown_measured_m", "measured_on",
                                      "measurement_source", "measurement_quality"]).rename_axis("id")
        return Measurements(empty, [], 0, {})
    parts: list[pd.DataFrame] = []
    rows = 0
    notes: dict[str, list[str]] = {}
    for i, f in enumerate(files):
        df = _read(f)
        rows += len(df)
        parts.append(_check(df, f, notes).assign(_file=i))
    allrows = pd.concat(parts, ignore_index=True)
    measured = allrows[allrows["height_measured_m"].notna()]
    # several scans of one tree: the newest wins (then the better match, then the later file)
    measured = measured.sort_values(["measured_on", "_score", "_file"], kind="stable")
    table = measured.drop_duplicates("id", keep="last").set_index("id")
    table = table[["height_measured_m", "crown_measured_m", "measured_on", "measurement_source",
                   "measurement_quality"]]
    return Measurements(table, [str(f) for f in files], rows, notes)


def _read(path: Path) -> pd.DataFrame:
    import pyogrio
    if not path.is_file():
        raise SourceError("measurements table not found (run `gdi pointcloud trees` first, or correct the "
                          "path)", file=str(path), field=OPTION)
    try:
        layers = [name for name, _ in pyogrio.list_layers(path)]
        layer = LAYER if LAYER in layers else (layers[0] if len(layers) == 1 else None)
        if layer is None:
            raise SourceError(f"no layer {LAYER!r} among {layers} in the measurements table", file=str(path),
                              field=OPTION)
        return pyogrio.read_dataframe(path, layer=layer, read_geometry=False)
    except SourceError:
        raise
    except Exception as exc:  # GDAL's words for a damaged or foreign file
        raise SourceError(f"cannot read the measurements table: {exc}", file=str(path), field=OPTION) from exc


def _check(df: pd.DataFrame, path: Path, notes: dict[str, list[str]]) -> pd.DataFrame:
    """The table's columns as the join needs them; a malformed column raises, naming file, field, record."""
    missing = [c for c in REQUIRED if c not in df.columns]
    if missing:
        raise SourceError(f"column missing in the measurements table (expected {', '.join(REQUIRED)}, as "
                          "`gdi pointcloud trees` writes them)", file=str(path), field=missing[0])
    ids = df["id"].astype(object).where(df["id"].notna(), "").astype(str).str.strip()
    empty = np.flatnonzero(ids.to_numpy() == "")
    if len(empty):
        raise SourceError("tree id empty", file=str(path), record=int(empty[0]) + 1, field="id")
    out = pd.DataFrame({"id": ids})
    for c in ("height_measured_m", "crown_measured_m"):
        raw = df[c]
        num = pd.to_numeric(raw, errors="coerce").astype(float)
        text = raw.astype(object).where(raw.notna(), "").astype(str).str.strip()
        bad = np.flatnonzero(num.isna().to_numpy() & (text != "").to_numpy() & (text.str.lower() != "nan").to_numpy())
        if len(bad):
            j = int(bad[0])
            raise SourceError("not a number", file=str(path), record=ids.iat[j], field=c, value=raw.iat[j])
        lo, hi = PLAUSIBLE[c]
        off = np.flatnonzero(((num < lo) | (num > hi)).to_numpy())
        for j in off:
            notes.setdefault(ids.iat[j], []).append(
                f"repaired: measured value '{c}' {num.iat[j]!r} in {path.name} is implausible (outside "
                f"{lo:g}..{hi:g}); left empty")
        num.iloc[off] = np.nan
        out[c] = num.to_numpy()
    day = df["measured_on"].astype(object).where(df["measured_on"].notna(), "").astype(str).str.strip()
    for j, v in zip(range(len(day)), day.tolist(), strict=True):
        try:
            day.iat[j] = date.fromisoformat(v[:10]).isoformat() if v else ""
        except ValueError:
            raise SourceError("not an ISO date (YYYY-MM-DD)", file=str(path), record=ids.iat[j], field="measured_on",
                              value=df["measured_on"].iat[j]) from None
    has = ~np.isnan(out["height_measured_m"].to_numpy())
    undated = np.flatnonzero(has & (day.to_numpy() == ""))
    if len(undated):
        j = int(undated[0])
        raise SourceError("measured tree without a date", file=str(path), record=ids.iat[j], field="measured_on")
    out["measured_on"] = day.to_numpy()
    src = df["source"].astype(object).where(df["source"].notna(), "").astype(str).str.strip()
    out["measurement_source"] = src.where(src != "", path.name).to_numpy()
    q = df["quality"].astype(object) if "quality" in df.columns else pd.Series([None] * len(df), dtype=object)
    out["measurement_quality"] = q.where(q.notna(), None).to_numpy()
    out["_score"] = (pd.to_numeric(df["score"], errors="coerce").fillna(0.0).to_numpy()
                     if "score" in df.columns else 0.0)
    return out
