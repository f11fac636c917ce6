"""Offline XSD validation of GML and ISO 19139 metadata against a configurable schema folder.

The folder mirrors the official hosts (``inspire.ec.europa.eu/...``, ``schemas.opengis.net/...``);
remote schemaLocations are resolved into it, nothing is fetched from the network. A user with internet
fills the folder from the official URLs. Large GML files are validated in chunks of members, so every
feature is checked while memory stays bounded.
"""
from __future__ import annotations

import copy
import logging
import re
from concurrent.futures import Future
from functools import lru_cache
from pathlib import Path
from typing import Any

from lxml import etree

from . import xmlguard
from .errors import ConfigError, SourceError, ValidationError

LOGGER = logging.getLogger(__name__)
ALIASES = {"http://standards.iso.org/ittf/PubliclyAvailableStandards/ISO_19139_Schemas/":
           "http://schemas.opengis.net/iso/19139/20070417/"}
XSI = "http://www.w3.org/2001/XMLSchema-instance"
APISO_INSPIRE = "http://inspire.ec.europa.eu/draft-schemas/inspire-md-schemas-temp/apiso-inspire/apiso-inspire.xsd"


def url_to_local(schema_dir: Path, url: str) -> Path | None:
    url = re.sub(r"^https://", "http://", url)
    for src, dst in ALIASES.items():
        if url.startswith(src):
            url = dst + url[len(src):]
    m = re.match(r"^https?://([^/]+)/(.*)$", url)
    if not m:
        return None
    p = schema_dir / m.group(1) / m.group(2)
    return p if p.is_file() else None


class _Resolver(etree.Resolver):
    def __init__(self, schema_dir: Path):
        super().__init__()
        self.schema_dir = schema_dir

    def resolve(self, url: str | None, pubid: str | None, context: Any) -> Any:
        if url and url.startswith(("http://", "https://")):
            local = url_to_local(self.schema_dir, url)
            if local is None:
                raise ConfigError(f"schema {url} is not in the schema folder {self.schema_dir}")
            # keep the canonical http URL as base: schemas reached by a URL and by a relative include
            # must have ONE identity, or libxml2 sees e.g. gmlcov twice ("already exists", ELU/lunom)
            return self.resolve_string(local.read_bytes(), context, base_url=re.sub(r"^https://", "http://", url))
        return None


@lru_cache(maxsize=16)
def load_schema(schema_dir: Path, locations: tuple[tuple[str, str], ...]) -> etree.XMLSchema:
    """Compile one schema that imports every (namespace, location) pair."""
    if not schema_dir.is_dir():
        raise ConfigError(f"schema folder {schema_dir} does not exist (setting schema_dir / GDI_SCHEMAS)")
    imports = "".join(f'<xs:import namespace="{ns}" schemaLocation="{loc}"/>' for ns, loc in locations)
    wrapper = f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">{imports}</xs:schema>'
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    parser.resolvers.add(_Resolver(schema_dir))
    doc = etree.fromstring(wrapper.encode(), parser, base_url=str(schema_dir) + "/")
    return etree.XMLSchema(doc)


def _schema_locations(root: etree._Element) -> tuple[tuple[str, str], ...]:
    raw = root.get(f"{{{XSI}}}schemaLocation", "").split()
    pairs = tuple(zip(raw[0::2], raw[1::2], strict=False))
    if not pairs and root.tag.startswith("{http://www.isotc211.org/2005/gmd}"):
        pairs = (("http://www.isotc211.org/2005/gmd", APISO_INSPIRE),)
    return pairs


def _errors(schema: etree.XMLSchema, limit: int = 20) -> list[str]:
    return [f"line {e.line}: {e.message}" for e in list(schema.error_log)[:limit]]


def validate_xml_bytes(data: bytes, schema_dir: Path, name: str = "document") -> list[str]:
    try:
        xmlguard.check_bytes(data, name)
    except SourceError as exc:
        return [exc.bare_message]
    try:
        root = etree.fromstring(data, xmlguard.parser())
    except etree.XMLSyntaxError as exc:
        return [f"not well-formed XML: {exc}"]
    schema = load_schema(schema_dir, _schema_locations(root))
    return [] if schema.validate(root) else _errors(schema)


def validate_gml_file(path: Path, schema_dir: Path, chunk: int = 20_000) -> list[str]:
    """Validate a wfs:FeatureCollection member-chunk by member-chunk; return error lines (empty = valid)."""
    errors: list[str] = []
    root_copy: etree._Element | None = None
    schema: etree.XMLSchema | None = None
    members: list[etree._Element] = []
    first_line = 1

    def flush() -> None:
        nonlocal members, first_line
        if not members:
            return
        if root_copy is None or schema is None:  # members are only collected below the root element
            raise RuntimeError("GML members before the root element")
        doc = copy.copy(root_copy)
        for m in members:
            doc.append(m)
        if not schema.validate(doc):
            for e in list(schema.error_log)[:20]:
                errors.append(f"{path.name}: near line {first_line + e.line - 1}: {e.message}")
        members = []

    try:
        xmlguard.check_file(path)
    except SourceError as exc:
        return [f"{path.name}: {exc.bare_message}"]
    ctx = etree.iterparse(str(path), events=("start", "end"), resolve_entities=False, no_network=True,
                          load_dtd=False, huge_tree=True, remove_blank_text=True)
    depth = 0
    try:
        for ev, el in ctx:
            if ev == "start":
                depth += 1
                if depth == 1:
                    root_copy = etree.Element(el.tag, attrib=dict(el.attrib), nsmap=el.nsmap)
                    schema = load_schema(schema_dir, _schema_locations(el))
                continue
            depth -= 1
            if depth == 1:
                if not members:
                    first_line = el.sourceline or first_line
                el_copy = copy.deepcopy(el)
                members.append(el_copy)
                el.clear()
                while el.getprevious() is not None:
                    del el.getparent()[0]
                if len(members) >= chunk:
                    flush()
                    if len(errors) >= 50:
                        break
        flush()
    except etree.XMLSyntaxError as exc:
        errors.append(f"{path.name}: not well-formed XML: {exc}")
    return errors


def require_valid_gml(path: Path, schema_dir: Path) -> None:
    errs = validate_gml_file(path, schema_dir)
    if errs:
        raise ValidationError("GML does not validate against the INSPIRE XSDs: " + "; ".join(errs[:5]),
                              file=str(path))


# --- validation while writing ------------------------------------------------------------------
# The GML encoder hands each slice of members to a worker process, which validates it against the
# schema while the main process goes on mapping and writing: every feature is validated, and on two
# cores the validation mostly hides behind the writing.

_WORKER_SCHEMA: dict[str, Any] = {}


def _worker_validate(schema_dir: str, locations: tuple[tuple[str, str], ...], envelope: str, body: str,
                     first_index: int) -> list[str]:
    schema = load_schema(Path(schema_dir), locations)
    doc = (envelope + body + "</wfs:FeatureCollection>").encode("utf-8")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        root = etree.fromstring(doc, parser)
    except etree.XMLSyntaxError as exc:
        return [f"members from #{first_index}: not well-formed XML: {exc}"]
    if schema.validate(root):
        return []
    out = []
    for e in list(schema.error_log)[:10]:
        member = root[max(0, min(len(root) - 1, _member_index(root, e.line)))]
        gid = member[0].get("{http://www.opengis.net/gml/3.2}id") if len(member) else None
        out.append(f"feature {gid or '#' + str(first_index)}: {e.message}")
    return out


def _member_index(root: etree._Element, line: int) -> int:
    for i, m in enumerate(root):
        if (m.sourceline or 0) > line:
            return i - 1
    return len(root) - 1


class StreamValidator:
    """Validate GML member slices in a background process; ``result()`` waits and returns errors."""

    def __init__(self, schema_dir: Path, envelope: str, locations: tuple[tuple[str, str], ...],
                 max_pending: int = 4):
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor
        load_schema(schema_dir, locations)  # fail early (missing schema folder) in the caller
        self.schema_dir, self.envelope, self.locations = str(schema_dir), envelope, locations
        self.pool = ProcessPoolExecutor(max_workers=1, mp_context=mp.get_context("fork"))
        self.pending: list[Future[list[str]]] = []
        self.errors: list[str] = []
        self.max_pending = max_pending
        self.count = 0

    def submit(self, body: str, n: int) -> None:
        if len(self.errors) >= 50:
            return
        self.pending.append(self.pool.submit(_worker_validate, self.schema_dir, self.locations,
                                             self.envelope, body, self.count))
        self.count += n
        while len(self.pending) > self.max_pending:
            self.errors.extend(self.pending.pop(0).result())

    def result(self) -> list[str]:
        for f in self.pending:
            self.errors.extend(f.result())
        self.pending = []
        self.pool.shutdown()
        return self.errors

    def cancel(self) -> None:
        # wait for the slice under way: shutdown(wait=False) leaves the pool's manager thread closing its
        # wake-up pipe while the interpreter's exit hook writes to it (an "OSError: Bad file descriptor"
        # traceback on stderr after a clean error message)
        self.pool.shutdown(wait=True, cancel_futures=True)
