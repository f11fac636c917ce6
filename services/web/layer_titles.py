"""Display names of the viewer's 3D layers (the entries of ``/3dtiles/index.json``).

The tiles index only knows folder ids and the name a build wrote into ``tileset.json``
(``planned_bplan2070_grz``, ``gebaeude``): ids, not names for citizens. Here each tileset gets a title
in the UI language from what the city already maintains: the dataset registry's titles (a BU dataset's
tileset, the plan of a plan variant) and the UI text table (variant names, the demo layers). A label
never repeats a word of its prefix ("Gebäude (3D): Gebäude …" becomes "Gebäude (…) – 3D").
"""
from __future__ import annotations

import json
import logging
import re
import threading
import time
from pathlib import Path

from .i18n import texts
from .search import registry_titles

LOGGER = logging.getLogger(__name__)

RECHECK_SECONDS = 5.0
KNOWN = {"pointcloud/demo": "layer_pointcloud_demo",
         "pointcloud/innenstadt": "layer_pointcloud_centre"}
PREFIX = {"buildings": "layer_buildings", "planned": "layer_planned", "pointcloud": "layer_pointcloud"}


def _words(s: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"\w+", s) if len(w) > 1}


def compose(prefix: str, name: str) -> str:
    """``prefix: name``, or the name alone marked as 3D when it already says what the prefix says."""
    if not (_words(prefix) & _words(name)):
        return f"{prefix}: {name}"
    if "3d" in _words(name):
        return name
    return f"{name} – 3D" if name.rstrip().endswith(")") else f"{name} (3D)"


def _looks_like_id(name: str, tileset_id: str) -> bool:
    return not name or name == tileset_id or name == tileset_id.rsplit("/", 1)[-1] or bool(
        re.fullmatch(r"[a-z0-9_./-]+", name))


def _plan_title(plan_id: str, titles: dict[str, dict[str, str]], lang: str, plans_dir: Path) -> str | None:
    t = titles.get(plan_id, {}).get(lang) or titles.get(plan_id, {}).get("de")
    if t:
        return t.split(" – ")[0].strip()   # "Bebauungsplan 2070 – Flächenschlussobjekte (…)" names the plan first
    try:
        summary = json.loads((plans_dir / f"{plan_id}.json").read_text(encoding="utf-8"))
        return str(summary.get("title") or "") or None
    except (OSError, ValueError):
        return None


def title_for(entry: dict, titles: dict[str, dict[str, str]], lang: str, plans_dir: Path, n: int) -> str:
    """The display name of one index entry (``n`` numbers tilesets nothing is known about)."""
    T = texts(lang)
    tid, kind, name = str(entry.get("id", "")), str(entry.get("kind", "buildings")), str(entry.get("name") or "")
    if tid == "buildings":
        return T["layer_buildings"]
    if tid in KNOWN:
        return T[KNOWN[tid]]
    prefix = T[PREFIX.get(kind, "layer_buildings")]
    leaf = tid.rsplit("/", 1)[-1]
    if kind == "planned":
        m = re.fullmatch(r"planned_(.+)_([a-z]+)", leaf)
        if m and f"variant_{m.group(2)}" in T:
            plan = _plan_title(m.group(1), titles, lang, plans_dir)
            variant = T[f"variant_{m.group(2)}"]
            return T["layer_plan_variant"].format(plan=plan, variant=variant) if plan else compose(prefix, variant)
    ds = titles.get(leaf) or titles.get(tid)
    if ds:
        return compose(prefix, ds.get(lang) or ds.get("de") or "")
    if not _looks_like_id(name, tid):
        return compose(prefix, name)
    return T["layer_other_3d"].format(n=n)


class TilesetTitles:
    """Titles of the current tilesets per language, rebuilt at most every few seconds (the registry
    takes ~0.2 s to load; the page is rendered far more often than datasets change)."""

    def __init__(self, tiles_dir: Path, datasets_dir: Path | None, plans_dir: Path):
        self.tiles_dir, self.datasets_dir, self.plans_dir = Path(tiles_dir), datasets_dir, Path(plans_dir)
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[float, dict[str, str]]] = {}

    def get(self, lang: str) -> dict[str, str]:
        with self._lock:
            hit = self._cache.get(lang)
            if hit is not None and time.monotonic() - hit[0] < RECHECK_SECONDS:
                return hit[1]
            out = self._build(lang)
            self._cache[lang] = (time.monotonic(), out)
            return out

    def _build(self, lang: str) -> dict[str, str]:
        from services.tiles.app import list_tilesets
        entries = list_tilesets(self.tiles_dir) if self.tiles_dir.is_dir() else []
        titles = registry_titles(self.datasets_dir) if entries else {}
        out: dict[str, str] = {}
        unknown = 0
        for e in entries:
            label = title_for(e, titles, lang, self.plans_dir, unknown + 1)
            if label == texts(lang)["layer_other_3d"].format(n=unknown + 1):
                unknown += 1
            out[str(e["id"])] = label
        LOGGER.debug("viewer layer titles (%s): %s", lang, out)
        return out
