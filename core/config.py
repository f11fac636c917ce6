"""Configuration: YAML with ``${VAR:-default}`` substitution, parsed into pydantic models.

Two kinds of files:
* ``gdi.yml`` (project settings: paths, service URL, limits) — optional, defaults work for the demo;
* ``datasets/<id>/dataset.yml`` (one per dataset) — the registry that drives ETL, services and metadata.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .errors import ConfigError

_VAR = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}")
PROJECT_ROOT = Path(__file__).resolve().parent.parent


def substitute_env(text: str) -> str:
    """Replace ``${VAR}`` and ``${VAR:-default}`` with environment values."""
    def repl(m: re.Match) -> str:
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
    de: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang.startswith("en") else self.de


class ReaderOptions(_Model):
    encoding: str = "utf-8"
    delimiter: str = ","
    decimal: Literal[".", ","] = "."
    wkt_column: str | None = None
    x_column: str | None = None
    y_column: str | None = None
    layer: str | None = None
    key_column: str | None = None
    max_bytes: int | None = Field(default=None, description="per-file size limit; default from settings")


class Source(_Model):
    path: str
    reader: str = "vector"
    crs: str | None = Field(default=None, description="declared CRS; overrides/fills what the file says")
    options: ReaderOptions = ReaderOptions()
    fields: dict[str, str] = Field(default_factory=dict, description="canonical field -> source column")
    role: str = "main"

    @field_validator("crs")
    @classmethod
    def _crs_ok(cls, v: str | None) -> str | None:
        if v is None:
            return v
        from pyproj import CRS
        from pyproj.exceptions import CRSError
        try:
            CRS.from_user_input(v)
        except CRSError as exc:
            raise ValueError(f"unknown CRS {v!r}") from exc
        return v


class Licence(_Model):
    id: str
    name: str
    url: str
    attribution: str
    open: bool = True


class Contact(_Model):
    organisation: str
    email: str
    phone: str | None = None
    url: str | None = None
    address: str | None = None
    city: str | None = "Hildesheim"
    postcode: str | None = None
    country: str = "Deutschland"


class Inspire(_Model):
    theme: str = Field(description="INSPIRE theme short name, e.g. sd, lu, am, bu, plu")
    feature_type: str
    namespace: str
    layer_name: str = Field(description="INSPIRE layer name for WMS, e.g. SD.SpeciesDistribution")


class Dataset(_Model):
    id: str
    title: I18n
    abstract: I18n
    mapper: str
    inspire: Inspire
    sources: list[Source]
    licence: Licence
    contact: Contact
    access: Literal["public", "restricted"] = "public"
    keywords: list[str] = Field(default_factory=list)
    topic_category: str = "environment"
    spatial_resolution_m: float | None = None
    options: dict[str, Any] = Field(default_factory=dict, description="mapper-specific options")
    folder: Path | None = Field(default=None, exclude=True)

    @field_validator("id")
    @classmethod
    def _id_ok(cls, v: str) -> str:
        if not re.fullmatch(r"[a-z][a-z0-9_-]{1,40}", v):
            raise ValueError("must be lowercase letters, digits, '_' or '-' (2-41 chars)")
        return v

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


class Settings(_Model):
    var_dir: Path = PROJECT_ROOT / "var"
    datasets_dir: Path = PROJECT_ROOT / "datasets"
    schema_dir: Path = Field(default_factory=lambda: Path(os.environ.get(
        "GDI_SCHEMAS", str(PROJECT_ROOT.parent / "shared" / "inspire" / "schemas"))))
    keep_versions: int = 3
    store: str = Field(default="gpkg", description="where publications live: 'gpkg' (embedded default) "
                       "or a postgresql:// URL (PostGIS); environment GDI_STORE overrides")
    service: ServiceSettings = ServiceSettings()
    limits: Limits = Limits()
    auth_file: Path | None = None

    @property
    def publish_dir(self) -> Path:
        return self.var_dir / "publish"

    @model_validator(mode="after")
    def _abs(self) -> Settings:
        for name in ("var_dir", "datasets_dir", "schema_dir"):
            p = getattr(self, name)
            if not p.is_absolute():
                setattr(self, name, (PROJECT_ROOT / p).resolve())
        return self


def _format_pydantic(exc: ValidationError, file: Path) -> list[str]:
    out = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err["loc"])
        val = err.get("input")
        sval = "" if isinstance(val, dict) else f" (value {val!r})"
        out.append(f"{file}: field '{loc}': {err['msg']}{sval}")
    return out


class ConfigErrors(ConfigError):
    """Several configuration errors at once, so ``gdi config validate`` reports them all."""

    def __init__(self, messages: list[str]):
        self.messages = messages
        super().__init__("\n".join(messages))


def load_settings(path: Path | None = None) -> Settings:
    path = path or Path(os.environ.get("GDI_SETTINGS", PROJECT_ROOT / "gdi.yml"))
    if not path.exists():
        data: dict = {}
    else:
        data = load_yaml(path) or {}
    if "GDI_VAR" in os.environ:
        data["var_dir"] = os.environ["GDI_VAR"]
    if "GDI_DATASETS" in os.environ:
        data["datasets_dir"] = os.environ["GDI_DATASETS"]
    if "GDI_STORE" in os.environ:
        data["store"] = os.environ["GDI_STORE"]
    if "GDI_PORT" in os.environ:
        port = int(os.environ["GDI_PORT"])
        svc = dict(data.get("service") or {})
        svc["port"] = port
        svc["public_url"] = f"http://127.0.0.1:{port}"
        data["service"] = svc
    try:
        return Settings(**data)
    except ValidationError as exc:
        raise ConfigErrors(_format_pydantic(exc, path)) from None


def load_dataset(path: Path) -> Dataset:
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise ConfigError("must be a mapping of fields", file=str(path))
    try:
        ds = Dataset(**data)
    except ValidationError as exc:
        raise ConfigErrors(_format_pydantic(exc, path)) from None
    ds.folder = path.parent
    return ds


def load_registry(datasets_dir: Path, *, check_plugins: bool = True) -> dict[str, Dataset]:
    """Load every ``datasets/*/dataset.yml``; collect all errors before raising."""
    errors: list[str] = []
    out: dict[str, Dataset] = {}
    for yml in sorted(Path(datasets_dir).glob("*/dataset.yml")):
        try:
            ds = load_dataset(yml)
        except ConfigErrors as exc:
            errors.extend(exc.messages)
            continue
        except ConfigError as exc:
            errors.append(str(exc))
            continue
        if ds.id in out:
            errors.append(f"{yml}: field 'id': duplicate dataset id (value {ds.id!r})")
            continue
        if check_plugins:
            errors.extend(_check_plugins(ds, yml))
        for i, src in enumerate(ds.sources):
            if not ds.source_path(src).exists():
                errors.append(f"{yml}: field 'sources.{i}.path': file not found (value {src.path!r})")
        out[ds.id] = ds
    if errors:
        raise ConfigErrors(errors)
    return out


def _check_plugins(ds: Dataset, yml: Path) -> list[str]:
    from .plugins import MAPPERS, READERS
    errs = []
    if ds.mapper not in MAPPERS:
        errs.append(f"{yml}: field 'mapper': unknown mapper (value {ds.mapper!r}); "
                    f"valid: {', '.join(sorted(MAPPERS.names()))}")
    for i, src in enumerate(ds.sources):
        if src.reader not in READERS:
            errs.append(f"{yml}: field 'sources.{i}.reader': unknown reader (value {src.reader!r}); "
                        f"valid: {', '.join(sorted(READERS.names()))}")
    return errs
