"""Small helpers for tests that build throw-away datasets from the real trees definition."""
from __future__ import annotations

import copy
from pathlib import Path

import yaml

from core.config import Dataset, load_dataset

ROOT = Path(__file__).resolve().parent.parent
TREES_YML = ROOT / "datasets" / "trees" / "dataset.yml"


OPTION_KEYS = ("encoding", "delimiter", "decimal", "wkt_column", "x_column", "y_column", "layer", "max_bytes")


def trees_dataset(tmp: Path, source_file: Path | None = None, **source_overrides) -> Dataset:
    """The real trees dataset.yml, re-pointed at ``source_file`` (copied into ``tmp``) with overrides.
    Reader options (``encoding=...``) go under ``sources[0].options`` (None removes one); another
    ``reader`` starts from no options, since the csv reader's options are unknown keys to it."""
    raw = yaml.safe_load(TREES_YML.read_text())
    raw = copy.deepcopy(raw)
    raw["inspire"]["namespace"] = "https://registry.gdi-de.org/id/de.ni.hildesheim/trees"
    src = raw["sources"][0]
    raw["sources"] = [src]   # the Münster extract alone (the demo's generated Hildesheim trees are a 2nd source)
    if source_file is not None:
        src["path"] = str(source_file)
    if source_overrides.get("reader", src.get("reader")) != src.get("reader"):
        src.pop("options", None)
    for k, v in source_overrides.items():
        if k in OPTION_KEYS:
            opts = src.setdefault("options", {})
            if v is None:
                opts.pop(k, None)
            else:
                opts[k] = v
        else:
            src[k] = v
    folder = tmp / "ds"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dataset.yml").write_text(yaml.safe_dump(raw, allow_unicode=True))
    ds = load_dataset(folder / "dataset.yml")
    if source_file is None:
        ds.folder = TREES_YML.parent
    return ds
