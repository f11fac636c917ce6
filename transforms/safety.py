"""Guards applied before any parser sees a source file: size limits, hostile XML, hostile zips."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import IO

from core import xmlguard
from core.errors import SourceError


def check_size(path: Path, limit: int) -> int:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SourceError(f"cannot open file: {exc.strerror}", file=str(path)) from exc
    if size > limit:
        raise SourceError(f"file is {size:,} bytes, larger than the configured limit of {limit:,} bytes",
                          file=str(path))
    if size == 0:
        raise SourceError("file is empty (0 bytes)", file=str(path))
    return size


def check_xml_bytes(head: bytes, name: str) -> None:
    """Reject DTDs outright: entity expansion (billion laughs) and external entities (XXE) need them,
    and no GML, CityGML or XPlanGML file legitimately carries one. The check is core's one hardened XML
    path (:mod:`core.xmlguard`: the whole prolog, in the document's own encoding, UTF-16 included)."""
    xmlguard.check_bytes(head, name)


def check_xml_stream(fh: IO[bytes], name: str) -> None:
    """The same check on an open file or archive member, read up to its root element whatever the length."""
    xmlguard.check_prolog(fh, name)


def check_xml_file(path: Path) -> None:
    xmlguard.check_file(path)


def check_zip(path: Path, *, max_ratio: int, max_total: int) -> list[str]:
    """Refuse path traversal, absolute names and zip bombs; return the member names."""
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise SourceError(f"not a valid zip archive ({exc})", file=str(path)) from exc
    with zf:
        total = 0
        names = []
        for info in zf.infolist():
            n = info.filename
            if n.startswith(("/", "\\")) or ".." in Path(n).parts or re.match(r"^[A-Za-z]:", n):
                raise SourceError("zip member escapes the archive (path traversal)", file=str(path),
                                  field="member", value=n)
            total += info.file_size
            if info.compress_size and info.file_size / max(info.compress_size, 1) > max_ratio:
                raise SourceError(f"zip member expands {info.file_size / max(info.compress_size, 1):.0f}x "
                                  f"(limit {max_ratio}x): refused as a zip bomb", file=str(path),
                                  field="member", value=n)
            if total > max_total:
                raise SourceError(f"zip expands to more than {max_total:,} bytes: refused as a zip bomb",
                                  file=str(path))
            names.append(n)
        return names
