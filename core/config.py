"""Configuration: YAML with ``${VAR:-default}`` substitution, parsed into pydantic models.

Two kinds of files:
* ``gdi.yml`` (project settings: paths, service URL, limits) — optional, defaults work for the demo;
* ``datasets/<id>/dataset.yml`` (one per dataset) — the registry that drives ETL, services and metadata.
"""
from __future__ import annotations

import logging
import os
import re
import types
from difflib import get_close_matches
from pathlib import Path
from typing import Any, Literal, TypeVar, Union, get_args, get_origin

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator, model_validator

from .config_basemap import BaseLayer as BaseLayer  # re-exported
from .config_basemap import BasemapSettings as BasemapSettings
from .errors import ConfigError
from .notify import NotifySettings

_VAR = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}")
# a dataset identifier URI: http(s)://host/path.../<code>, the code in INSPIRE's localId character set
IDENTIFIER_URI = re.compile(r"https?://[^\s/?#]+(?:/[^\s/?#]+)*/([A-Za-z0-9_.\-]+)")
PROJECT_ROOT = Path(__file__).resolve().parent.parent
LOGGER = logging.getLogger(__name__)


def substitute_env(text: str) -> str:
    """Replace ``${VAR}`` and ``${VAR:-default}`` with environment values."""
    def repl(m: re.Match[str]) -> str:
        name, default = m.group(1), m.group(2)
        if name in os.environ:
            return os.environ[name]
        if default is not None:
            return default
        raise ConfigError(f"environment variable ${{{name}}} is not set and has no default")
    return _VAR.sub(repl, text)


def load_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc.strerror}", file=str(path)) from exc
    try:
        return yaml.safe_load(substitute_env(text))
    except ConfigError as exc:
        raise ConfigError(exc.bare_message, file=str(path)) from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"not valid YAML: {exc}", file=str(path)) from exc


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class I18n(_Model):
    """A text in German (required, the service language) and English."""
    de: str = Field(description="German text (the service language)")
    en: str = Field(description="English text")

    def get(self, lang: str) -> str:
        return self.en if lang.startswith("en") else self.de


class Source(_Model):
    """One source file of a dataset and the reader that reads it."""
    path: str = Field(description="file to read, relative to the dataset folder (or absolute; `~` expands)")
    reader: str = Field(default="vector", description="reader name (see *Readers* below)")
    crs: str | None = Field(default=None, description="declared CRS; overrides/fills what the file says. "
                            "EPSG in any spelling or an AdV URN (`urn:adv:crs:ETRS89_UTM32`, `…_UTM33`, "
                            "`urn:adv:crs:DE_DHDN_3GK3`, `…*DE_DHHN2016_NH`); stored as `EPSG:<code>`")
    options: dict[str, Any] = Field(default_factory=dict,
                                    description="options of the reader; the keys depend on the reader (see "
                                    "*Readers* below); unknown keys are an error")
    fields: dict[str, str] = Field(default_factory=dict, description="canonical field -> source column")
    role: str = Field(default="main", description="role of the source within the dataset")

    @field_validator("crs")
    @classmethod
    def _crs_ok(cls, v: str | None) -> str | None:
        if v is None:
            return v
        from .crs import CrsNameError, crs_code  # EPSG in every spelling, AdV URNs (urn:adv:crs:…), compounds
        try:
            return crs_code(v)
        except CrsNameError as exc:
            raise ValueError(str(exc)) from exc


class Licence(_Model):
    """The licence the data are published under."""
    id: str = Field(description="licence id, e.g. `dl-de/by-2-0`, `cc-by-4.0`, `odbl-1.0`")
    name: str = Field(description="full licence name")
    url: str = Field(description="licence text URL")
    attribution: str = Field(description="source note users must give (Quellenvermerk)")
    open: bool = Field(default=True, description="open data licence (GDI-DE open-data keyword)")


class Contact(_Model):
    """The responsible organisation (metadata point of contact)."""
    organisation: str = Field(description="organisation name")
    email: str = Field(description="contact e-mail address")
    phone: str | None = Field(default=None, description="phone number")
    url: str | None = Field(default=None, description="web site")
    address: str | None = Field(default=None, description="street address")
    city: str | None = Field(default="Hildesheim", description="city")
    postcode: str | None = Field(default=None, description="postcode (quote it in YAML)")
    country: str = Field(default="Deutschland", description="country")


class Inspire(_Model):
    """The INSPIRE target of the dataset."""
    theme: str = Field(description="INSPIRE theme short name, e.g. sd, lu, am, bu, plu")
    feature_type: str = Field(description="INSPIRE feature type, e.g. SpeciesDistributionUnit")
    namespace: str = Field(description="the dataset's identifier URI: `<identifier namespace>/<identifier code>`, "
                           "e.g. `https://registry.gdi-de.org/id/de.ni.hildesheim/trees`. It is the spatial "
                           "dataset identifier (code = last path segment, namespace = the rest) in the metadata "
                           "record, the Atom feeds and the OGC API collection, and the `inspireId` namespace of "
                           "every object in the GML (a `localId` is appended). Unique in the registry")
    layer_name: str = Field(description="INSPIRE layer name for WMS, e.g. SD.SpeciesDistribution")
    primary: bool | None = Field(
        default=None, description="this dataset is the primary one of its INSPIRE feature type: it gets the "
        "harmonised collection id (`<featuretype>`, lower case) and the WMS layer name `layer_name`; the "
        "others of the type get `<featuretype>_<id>` and `<layer_name>.<id>`. Required (on exactly one) when "
        "several datasets share a feature type; the only dataset of its type is primary by default")

    @field_validator("namespace")
    @classmethod
    def _identifier_uri(cls, v: str) -> str:
        v = v.rstrip("/")
        m = IDENTIFIER_URI.fullmatch(v)
        if not m:
            raise ValueError("must be an http(s) URI whose last path segment (the identifier code) has only "
                             "the characters INSPIRE allows (A-Z a-z 0-9 _ . -)")
        return v

    @property
    def identifier_code(self) -> str:
        """Spatial dataset identifier code (TG Metadata 2.0, TG Download Services 3.1)."""
        return self.namespace.rsplit("/", 1)[1]

    @property
    def identifier_namespace(self) -> str:
        """Spatial dataset identifier namespace: the identifier URI without its last segment."""
        return self.namespace.rsplit("/", 1)[0]


# INSPIRE code list LimitationsOnPublicAccess: the grounds of Art. 13(1) a-h of the INSPIRE Directive
AccessLimitation = Literal[
    "INSPIRE_Directive_Article13_1a", "INSPIRE_Directive_Article13_1b", "INSPIRE_Directive_Article13_1c",
    "INSPIRE_Directive_Article13_1d", "INSPIRE_Directive_Article13_1e", "INSPIRE_Directive_Article13_1f",
    "INSPIRE_Directive_Article13_1g", "INSPIRE_Directive_Article13_1h"]


class Dataset(_Model):
    """One ``datasets/<id>/dataset.yml``: what the sources are, how they map, how they are served."""
    id: str = Field(description="dataset id: lowercase letters, digits, `_` or `-` (2-41 characters)")
    title: I18n = Field(description="title in German and English")
    abstract: I18n = Field(description="abstract in German and English")
    mapper: str = Field(description="INSPIRE mapper name (see *Mappers* below)")
    inspire: Inspire = Field(description="INSPIRE theme, feature type, namespace and layer name")
    sources: list[Source] = Field(description="the source files, read in order")
    licence: Licence = Field(description="licence of the published data")
    contact: Contact = Field(description="responsible organisation")
    access: Literal["public", "restricted"] = Field(
        default="public", description="`restricted`: served to authenticated staff only, in every service")
    keywords: list[str] = Field(default_factory=list, description="free keywords for the metadata record")
    topic_category: str = Field(default="environment", description="ISO 19115 topic category")
    spatial_resolution_m: float | None = Field(default=None, description="spatial resolution in metres")
    collection: str | None = Field(
        default=None, pattern=r"^[a-z][a-z0-9_-]{1,62}$",
        description="id of the INSPIRE-view collection (OGC API collection, GeoPackage layer); default: the "
        "mapper's, e.g. `building`. Give distinct ids when several datasets use the same mapper")
    access_limitation: AccessLimitation | None = Field(
        default=None, description="limitation on public access written to the metadata of a restricted "
        "dataset (INSPIRE code list LimitationsOnPublicAccess); default "
        "`INSPIRE_Directive_Article13_1f` (personal data). Only for `access: restricted`")
    wms_inspire_view_only: bool = Field(
        default=False, description="WMS draws and queries the INSPIRE view only, never the source view "
        "(which it otherwise uses when the theme's style needs attributes only the source view has)")
    options: dict[str, Any] = Field(default_factory=dict,
                                    description="options of the mapper; the keys depend on the mapper (see "
                                    "*Mappers* below); unknown keys are an error")
    folder: Path | None = Field(default=None, exclude=True)
    # set by load_registry (unique_names): the WMS layer name after the primary-dataset rule
    wms_layer: str | None = Field(default=None, exclude=True)

    @field_validator("id")
    @classmethod
    def _id_ok(cls, v: str) -> str:
        if not re.fullmatch(r"[a-z][a-z0-9_-]{1,40}", v):
            raise ValueError("must be lowercase letters, digits, '_' or '-' (2-41 chars)")
        return v

    @field_validator("access_limitation")
    @classmethod
    def _limitation_needs_restricted(cls, v: str | None, info: ValidationInfo) -> str | None:
        if v is not None and info.data.get("access", "public") != "restricted":
            raise ValueError("applies to 'access: restricted' datasets only")
        return v

    @property
    def collection_id(self) -> str:
        """Id of the INSPIRE-view collection (OGC API collection, GeoPackage layer): ``collection`` as
        given or resolved by :func:`load_registry`, else the harmonised ``<featuretype>``."""
        return self.collection or self.inspire.feature_type.lower()

    @property
    def wms_layer_name(self) -> str:
        """The WMS layer name after the primary-dataset rule (``layer_name`` for the primary dataset)."""
        return self.wms_layer or self.inspire.layer_name

    @property
    def yml_path(self) -> Path:
        """The dataset.yml this dataset was loaded from (error messages name it)."""
        return (self.folder or Path(".")) / "dataset.yml"

    def source_path(self, src: Source) -> Path:
        p = Path(os.path.expanduser(src.path))
        return p if p.is_absolute() else (self.folder or Path(".")) / p


class ServiceSettings(_Model):
    host: str = "127.0.0.1"
    port: int = 5000
    public_url: str = "http://127.0.0.1:5000"
    workers: int = 2
    threads: int = 4


class Limits(_Model):
    max_source_bytes: int = 2 * 1024**3
    max_xml_bytes: int = 512 * 1024**2
    max_zip_ratio: int = 100
    max_zip_bytes: int = 1024**3


class ProxySettings(_Model):
    """The reverse proxies in front of ``gdi serve`` (nginx): only a request whose connecting address is one
    of ``trusted`` has its ``X-Forwarded-For``/``-Proto`` read; the client is the first address, from the
    right, that is not a trusted proxy (at most ``hops`` entries back when ``hops`` is set)."""
    trusted: list[str] = Field(default_factory=list, description="addresses or networks (CIDR) of the "
                               "reverse proxies whose X-Forwarded-For is believed, e.g. `127.0.0.1`, `10.0.0.0/24`")
    hops: int = Field(default=0, ge=0, le=10, description="number of proxies in the chain (0: walk back over "
                      "every trusted address)")

    @field_validator("trusted")
    @classmethod
    def _networks(cls, v: list[str]) -> list[str]:
        import ipaddress
        for item in v:
            try:
                ipaddress.ip_network(item, strict=False)
            except ValueError:
                raise ValueError(f"'{item}' is not an IP address or network") from None
        return v


class MetricsSettings(_Model):
    """``/metrics`` (Prometheus) and the JSON access log (``services/metrics.py``, docs/operations.md)."""
    allow: list[str] = Field(default_factory=lambda: ["127.0.0.1/32", "::1/128"], description="client "
                             "addresses or networks (CIDR) that may read /metrics, checked against the client "
                             "address behind trusted proxies; staff keys may always; environment GDI_METRICS_ALLOW")
    access_log: str | None = Field(default="-", description="JSON access log: `-` standard error, a file path, "
                                   "or null for none; environment GDI_ACCESS_LOG (`off` for none)")

    @field_validator("allow")
    @classmethod
    def _allow_networks(cls, v: list[str]) -> list[str]:
        return ProxySettings._networks(v)


class TileCacheSettings(_Model):
    """The view service's tile cache (``services/tilecache``, docs/wms.md "Tile cache")."""
    enabled: bool = Field(default=True, description="serve WMS GetMap and WMTS from cached tiles; environment "
                          "GDI_TILECACHE=off turns it off (every GetMap is then rendered)")
    seed_to_level: int = Field(default=11, ge=0, le=14, description="levels of the AdV scale set seeded after "
                               "every publication (11: 1:8,530); finer levels are cached when first asked for")
    meta_size: int = Field(default=4, ge=1, le=8, description="tiles rendered together per side (a 4x4 meta tile "
                           "draws labels and symbols across tile edges once)")
    use_above_ms: float = Field(default=150.0, ge=0, description="a WMS GetMap is answered from tiles when its "
                                "layers took at least this long (milliseconds, median of one meta tile) to render at "
                                "that scale while seeding; below, rendering is cheaper than composing tiles. 0: "
                                "always; WMTS always uses the cache. Environment GDI_TILECACHE=always sets 0")


class WmsSettings(_Model):
    """The view service's drawing rules (``services/wms``, docs/wms.md "Overview at small scales")."""
    overview_min_features: int = Field(default=50_000, ge=0, description="a point dataset with at least this "
                                       "many features is drawn as a density grid (features per hectare, 100 m "
                                       "cells) beyond its point style's scale (trees: 1:30,000) instead of as "
                                       "points; 0: never")


class Settings(_Model):
    var_dir: Path = PROJECT_ROOT / "var"
    datasets_dir: Path = PROJECT_ROOT / "datasets"
    schema_dir: Path = Field(default_factory=lambda: Path(os.environ.get(
        "GDI_SCHEMAS", str(PROJECT_ROOT.parent / "shared" / "inspire" / "schemas"))))
    keep_versions: int = 3
    run_dir: Path | None = Field(default=None, description="this web node's runtime state (default <var>/run); "
                                 "environment GDI_RUN_DIR")
    store: str = Field(default="gpkg", description="where publications live: 'gpkg' (embedded default) "
                       "or a postgresql:// URL (PostGIS); environment GDI_STORE overrides")
    service: ServiceSettings = ServiceSettings()
    limits: Limits = Limits()
    auth_file: Path | None = None
    proxy: ProxySettings = Field(default_factory=ProxySettings, description="trusted reverse proxies "
                                 "(real client address for rate limits and logs)")
    metrics: MetricsSettings = Field(default_factory=MetricsSettings, description="who may read /metrics, "
                                     "where the JSON access log goes")
    notify: NotifySettings = Field(default_factory=NotifySettings, description="webhook and/or mail when a "
                                   "gdi etl run fails (core/notify.py)")
    wms: WmsSettings = Field(default_factory=WmsSettings, description="drawing rules of the view service "
                             "(density overview of large point datasets)")
    tile_cache: TileCacheSettings = Field(default_factory=TileCacheSettings, description="tile cache of the "
                                          "view service (WMS GetMap and WMTS)")
    basemap: BasemapSettings = Field(default_factory=BasemapSettings, description="offline base map (streets, "
                                     "blocks, water, green) beneath the published layers in /basemap tiles")

    @property
    def publish_dir(self) -> Path:
        return self.var_dir / "publish"

    @property
    def node_dir(self) -> Path:
        """This web node's own runtime state (sidecar ports and tokens): ``GDI_RUN_DIR``, default
        ``<var>/run``. With several nodes sharing one var dir (shared storage) each node sets its own."""
        return self.run_dir or self.var_dir / "run"

    @model_validator(mode="after")
    def _abs(self) -> Settings:
        for name in ("var_dir", "datasets_dir", "schema_dir"):
            p = getattr(self, name)
            if not p.is_absolute():
                setattr(self, name, (PROJECT_ROOT / p).resolve())
        return self


def _unwrap(t: Any) -> Any:
    """``X | None`` -> ``X`` (the first member that is a model, list or dict)."""
    if get_origin(t) in (Union, types.UnionType):
        members = [a for a in get_args(t) if a is not type(None)]
        return next((a for a in members if _is_model(a) or get_origin(a) in (list, dict)), members[0])
    return t


def _is_model(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, BaseModel)


def _model_at(model: type[BaseModel], loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    """The model class that the error location ``loc`` points into (None when it is not a model)."""
    t: Any = model
    for part in loc:
        t = _unwrap(t)
        if _is_model(t):
            f = t.model_fields.get(str(part))
            if f is None:
                return None
            t = f.annotation
        elif get_origin(t) is list:
            t = get_args(t)[0]
        elif get_origin(t) is dict:
            t = get_args(t)[1]
        else:
            return None
    t = _unwrap(t)
    return t if _is_model(t) else None


def field_names(model: type[BaseModel]) -> list[str]:
    return [n for n, f in model.model_fields.items() if not f.exclude]


def _unknown_key(key: str, valid: list[str], what: str) -> str:
    """'unknown ...; did you mean ...?' with the closest valid name (or the valid names)."""
    close = get_close_matches(key, valid, n=1, cutoff=0.6)
    if close:
        return f"{what}; did you mean {close[0]!r}?"
    if not valid:
        return f"{what} (it takes none)"
    return f"{what}; valid: {', '.join(valid)}"


def _format_pydantic(exc: ValidationError, file: Path | str, model: type[BaseModel] | None = None, *,
                     prefix: tuple[int | str, ...] = (), owner: str | None = None) -> list[str]:
    """One line per error: ``<file>: field '<loc>': <message> (value ...)``. An unknown key names the
    closest valid key; ``owner`` (e.g. ``mapper 'sd_trees'``) says whose options ``prefix`` holds."""
    out = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in prefix + tuple(err["loc"]))
        if err["type"] == "extra_forbidden" and model is not None and err["loc"]:
            parent = _model_at(model, tuple(err["loc"][:-1]))
            valid = field_names(parent) if parent is not None else []
            key = str(err["loc"][-1])
            what = f"unknown option of {owner}" if owner else "unknown field"
            if owner and owner.startswith("mapper") and len(err["loc"]) == 1 and key in Dataset.model_fields:
                what += f" ({key!r} is a top-level field of dataset.yml)"
            out.append(f"{file}: field '{loc}': {_unknown_key(key, valid, what)}")
            continue
        val = err.get("input")
        sval = "" if isinstance(val, dict) else f" (value {val!r})"
        out.append(f"{file}: field '{loc}': {err['msg']}{sval}")
    return out


M = TypeVar("M", bound=BaseModel)


def validate_options(model: type[M], data: Any, *, file: Path | str, prefix: tuple[int | str, ...],
                     owner: str, context: dict[str, Any] | None = None) -> M:
    """Build a plugin's options model from the raw YAML mapping; every error at once as
    :class:`ConfigErrors` naming file, field (``prefix`` + key) and value."""
    try:
        return model.model_validate({} if data is None else data, context=context)
    except ValidationError as exc:
        raise ConfigErrors(_format_pydantic(exc, file, model, prefix=prefix, owner=owner)) from None


class ConfigErrors(ConfigError):
    """Several configuration errors at once, so ``gdi config validate`` reports them all."""

    def __init__(self, messages: list[str]):
        self.messages = messages
        super().__init__("\n".join(messages))


def load_settings(path: Path | None = None) -> Settings:
    path = path or Path(os.environ.get("GDI_SETTINGS", PROJECT_ROOT / "gdi.yml"))
    if not path.exists():
        data: dict[str, Any] = {}
    else:
        data = load_yaml(path) or {}
    if "GDI_VAR" in os.environ:
        data["var_dir"] = os.environ["GDI_VAR"]
    if "GDI_DATASETS" in os.environ:
        data["datasets_dir"] = os.environ["GDI_DATASETS"]
    if "GDI_RUN_DIR" in os.environ:
        data["run_dir"] = os.environ["GDI_RUN_DIR"]
    if os.environ.get("GDI_BASEMAP", "").lower() in ("off", "0", "false", "no"):
        data.setdefault("basemap", {})["enabled"] = False
    if "GDI_STORE" in os.environ:
        data["store"] = os.environ["GDI_STORE"]
    if "GDI_PORT" in os.environ:
        port = int(os.environ["GDI_PORT"])
        svc = dict(data.get("service") or {})
        svc["port"] = port
        svc["public_url"] = f"http://127.0.0.1:{port}"
        data["service"] = svc
    if "GDI_TRUSTED_PROXIES" in os.environ:  # "127.0.0.1,10.0.0.0/24" (the proxy: section of gdi.yml)
        proxies = [p.strip() for p in os.environ["GDI_TRUSTED_PROXIES"].split(",") if p.strip()]
        data["proxy"] = {**dict(data.get("proxy") or {}), "trusted": proxies}
    if "GDI_METRICS_ALLOW" in os.environ:  # "127.0.0.1/32,10.0.0.0/8" (metrics.allow in gdi.yml)
        allow = [a.strip() for a in os.environ["GDI_METRICS_ALLOW"].split(",") if a.strip()]
        data["metrics"] = {**dict(data.get("metrics") or {}), "allow": allow}
    if "GDI_ACCESS_LOG" in os.environ:  # "-", a file, or "off"
        log = os.environ["GDI_ACCESS_LOG"]
        data["metrics"] = {**dict(data.get("metrics") or {}), "access_log": None if log == "off" else log}
    if "GDI_TILECACHE" in os.environ:  # "off" (tests and benchmarks of the renderer itself)
        mode = os.environ["GDI_TILECACHE"].lower()
        tc = {**dict(data.get("tile_cache") or {}), "enabled": mode not in ("off", "0", "false", "no")}
        if mode == "always":
            tc["use_above_ms"] = 0
        data["tile_cache"] = tc
    if "GDI_PUBLIC_URL" in os.environ:  # the URL citizens use (a load balancer in front of several nodes)
        data["service"] = {**dict(data.get("service") or {}), "public_url": os.environ["GDI_PUBLIC_URL"]}
    try:
        return Settings(**data)
    except ValidationError as exc:
        raise ConfigErrors(_format_pydantic(exc, path, Settings)) from None


def load_dataset(path: Path) -> Dataset:
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise ConfigError("must be a mapping of fields", file=str(path))
    try:
        ds = Dataset(**data)
    except ValidationError as exc:
        raise ConfigErrors(_format_pydantic(exc, path, Dataset)) from None
    ds.folder = path.parent
    return ds


# the registry of every dataset.yml (per entry, fault-isolated): core/registry.py
from .registry import Registry, load_registry, unique_names  # noqa: E402

__all__ = ["Registry", "load_registry", "unique_names"]
