"""The dataset registry: every ``datasets/*/dataset.yml``, loaded entry by entry.

An invalid entry is reported (file, field, value) and skipped, every valid entry loads; an invalid entry
whose dataset has a publication is served from the entry stored with that publication (flagged). ``strict``
(``gdi config validate``) raises every error at once. Collection ids, WMS layer names and dataset
identifiers are made unique here (``unique_names``: the primary dataset of each INSPIRE feature type).
"""
from __future__ import annotations

import logging
import re
from pathlib import Path

import yaml
from pydantic import ValidationError

from .config import ConfigErrors, Dataset, load_dataset
from .errors import ConfigError

LOGGER = logging.getLogger(__name__)

_LOGGED: set[str] = set()


class Registry(dict[str, Dataset]):
    """The valid entries by id, and what was skipped: ``invalid`` maps an entry's id (the ``id`` it names,
    else its folder) to its messages; ``fallback`` maps the ids of invalid entries that are served from the
    registry entry stored with their current publication to that version (flagged, see docs/operations.md)."""

    def __init__(self) -> None:
        super().__init__()
        self.invalid: dict[str, list[str]] = {}
        self.fallback: dict[str, str] = {}


def load_registry(datasets_dir: Path, *, check_plugins: bool = True, strict: bool = False,
                  publish_dir: Path | None = None) -> Registry:
    """Load every ``datasets/*/dataset.yml``, entry by entry.

    ``strict`` (``gdi config validate``): every error of every entry at once as :class:`ConfigErrors`.
    Otherwise an invalid entry is logged with the same messages and skipped, the valid ones load (one typo
    never takes the other datasets down). With ``publish_dir`` an invalid entry whose dataset has a current
    publication is served from the registry entry stored in that publication's manifest (``fallback``)."""
    errors: list[str] = []
    reg = Registry()
    for yml in sorted(Path(datasets_dir).glob("*/dataset.yml")):
        msgs, ds = _load_entry(yml, reg, check_plugins)
        if ds is not None and not msgs:
            reg[ds.id] = ds
            continue
        errors.extend(msgs)
        key = ds.id if ds is not None else _entry_id(yml)
        if key in reg:  # a duplicate id: the first entry stays
            key = f"{key} ({yml.parent.name})"
        reg.invalid[key] = msgs
    clashes = unique_names(reg)
    errors.extend(m for _, m, _ in clashes)
    if strict and errors:
        raise ConfigErrors(errors)
    own_invalid = set(reg.invalid)  # invalid in themselves (not merely clashing): candidates for a fallback
    for ds_id, msg, drop in clashes:
        if drop and ds_id in reg:  # the later of two datasets with one name is skipped, never silently hidden
            del reg[ds_id]
            reg.invalid.setdefault(ds_id, []).append(msg)
        elif not drop:
            LOGGER.error("registry: %s", msg)
    for key, msgs in reg.invalid.items():
        for m in msgs:
            if m not in _LOGGED:  # the loaders of every service read the registry: say it once per process
                _LOGGED.add(m)
                LOGGER.error("registry entry %s skipped: %s", key, m)
        if publish_dir is not None and key not in reg and key in own_invalid:
            old = _published_entry(Path(publish_dir), key, datasets_dir)
            if old is not None:
                reg[key], reg.fallback[key] = old
    if reg.fallback:  # the entries kept from publications take part in the naming rule like any other
        for ds_id, _msg, drop in unique_names(reg):
            if drop and ds_id in reg.fallback:
                del reg[ds_id], reg.fallback[ds_id]
        for key, version in reg.fallback.items():
            LOGGER.warning("registry entry %s is invalid: serving its current publication %s", key, version)
    return reg


def unique_names(reg: dict[str, Dataset]) -> list[tuple[str, str, bool]]:
    """Resolve collection ids and WMS layer names by the primary-dataset rule; report collisions as
    ``(dataset id, message, drop)`` (``drop``: the dataset cannot be served beside the other one).

    Per INSPIRE feature type, the primary dataset (``inspire.primary: true``, or the only one of the type
    not marked ``false``) keeps the harmonised collection id ``<featuretype>`` and ``layer_name``; every
    other one gets ``<featuretype>_<id>`` and ``<layer_name>.<id>`` (an explicit ``collection`` wins).
    Collection ids (INSPIRE and source views), WMS layer names and dataset identifier URIs must then be
    unique: a collision would hide one dataset in /ogc, /wms or the catalogue."""
    out: list[tuple[str, str, bool]] = []
    by_type: dict[str, list[Dataset]] = {}
    for ds in reg.values():
        by_type.setdefault(ds.inspire.feature_type, []).append(ds)
    for ftype, group in sorted(by_type.items()):
        marked = [d for d in group if d.inspire.primary]
        cands = marked or [d for d in group if d.inspire.primary is not False]
        if len(cands) > 1:  # ambiguous: reported; meanwhile every dataset of the type is suffixed
            ids = ", ".join(d.id for d in cands)
            state = "each is marked primary" if marked else "none is marked primary"
            for d in cands if marked else cands[:1]:
                out.append((d.id, f"{d.yml_path}: field 'inspire.primary': datasets {ids} share the INSPIRE "
                            f"feature type {ftype!r} and {state}; mark exactly one `primary: true` "
                            f"(value {d.inspire.primary!r})", False))
        primary = cands[0] if len(cands) == 1 else None
        for d in group:
            if d is primary:
                d.wms_layer = d.inspire.layer_name
                continue
            if d.collection is None:
                d.collection = f"{ftype.lower()}_{d.id}"
            d.wms_layer = f"{d.inspire.layer_name}.{d.id}"
    seen: dict[tuple[str, str], Dataset] = {}
    # primary datasets first: of two that clash, the non-primary one is reported (and skipped when serving)
    for ds in sorted(reg.values(), key=lambda d: (d.wms_layer != d.inspire.layer_name, d.id)):
        names = [("collection", ds.collection_id, "collection"), ("collection", f"{ds.id}_source", "id"),
                 ("WMS layer", ds.wms_layer_name, "inspire.layer_name"),
                 ("dataset identifier", ds.inspire.namespace, "inspire.namespace")]
        for kind, name, fld in names:
            other = seen.get((kind, name))
            if other is not None and other is not ds:
                out.append((ds.id, f"{ds.yml_path}: field '{fld}': {kind} {name!r} is also dataset {other.id!r}'s "
                            f"({other.yml_path}); every dataset needs its own (value {name!r})", True))
            else:
                seen[(kind, name)] = ds
    return out


def _load_entry(yml: Path, reg: Registry, check_plugins: bool) -> tuple[list[str], Dataset | None]:
    try:
        ds = load_dataset(yml)
    except ConfigErrors as exc:
        return exc.messages, None
    except ConfigError as exc:
        return [str(exc)], None
    if ds.id in reg:
        return [f"{yml}: field 'id': duplicate dataset id (value {ds.id!r})"], None
    errors = _check_plugins(ds, yml) if check_plugins else []
    for i, src in enumerate(ds.sources):
        if not ds.source_path(src).exists():
            errors.append(f"{yml}: field 'sources.{i}.path': file not found (value {src.path!r})")
    return errors, ds


def _entry_id(yml: Path) -> str:
    """The id an invalid entry names (when it names a well-formed one), else its folder's name."""
    try:
        data = yaml.safe_load(yml.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        data = None
    ident = data.get("id") if isinstance(data, dict) else None
    return ident if isinstance(ident, str) and re.fullmatch(r"[a-z][a-z0-9_-]{1,40}", ident) else yml.parent.name


def _published_entry(publish_dir: Path, ds_id: str, datasets_dir: Path) -> tuple[Dataset, str] | None:
    """The registry entry a dataset's current publication was made with (``registry_entry`` of its manifest)."""
    import json
    manifest_path = publish_dir / ds_id / "current" / "manifest.json"
    try:
        manifest = json.loads(manifest_path.read_text())
        entry = manifest.get("registry_entry")
        if not isinstance(entry, dict):
            return None
        ds = Dataset(**entry)
    except (OSError, ValueError, ValidationError):
        return None
    if ds.id != ds_id:
        return None
    ds.folder = Path(datasets_dir) / ds_id
    return ds, str(manifest.get("version", ""))


def _check_plugins(ds: Dataset, yml: Path) -> list[str]:
    """Every reader and the mapper must exist, load, and accept their options."""
    from .errors import PluginError
    from .plugins import MAPPERS, READERS, Mapper, Reader
    errs: list[str] = []
    if ds.mapper not in MAPPERS:
        errs.append(f"{yml}: field 'mapper': unknown mapper (value {ds.mapper!r}); "
                    f"valid: {', '.join(sorted(MAPPERS.names()))}")
    else:
        try:
            cls = MAPPERS.get(ds.mapper)
            if not (isinstance(cls, type) and issubclass(cls, Mapper)):
                raise PluginError(f"mapper {ds.mapper!r} is not a core.plugins.Mapper subclass")
            cls.options_for(ds)
        except ConfigErrors as exc:
            errs.extend(exc.messages)
        except PluginError as exc:
            errs.append(f"{yml}: field 'mapper': {exc}")
    for i, src in enumerate(ds.sources):
        if src.reader not in READERS:
            errs.append(f"{yml}: field 'sources.{i}.reader': unknown reader (value {src.reader!r}); "
                        f"valid: {', '.join(sorted(READERS.names()))}")
            continue
        try:
            reader = READERS.get(src.reader)
            if not isinstance(reader, Reader):
                raise PluginError(f"reader {src.reader!r} is not a core.plugins.Reader instance")
            reader.options_for(src, ds)
        except ConfigErrors as exc:
            errs.extend(exc.messages)
        except PluginError as exc:
            errs.append(f"{yml}: field 'sources.{i}.reader': {exc}")
    return errs
