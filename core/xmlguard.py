"""The one hardened path for XML input: every XML file, archive member and request body goes through here.

No GML, CityGML, XPlanGML, NAS, ISO 19139 or SLD document legitimately carries a DTD, and entity expansion
(billion laughs) and external entities (XXE) need one. So a document is refused when its prolog — everything
before the root element, where alone a ``<!DOCTYPE`` may stand — holds a DOCTYPE (or any other ``<!`` markup
declaration). The prolog is read to its end whatever its length (a DOCTYPE behind megabytes of comments is
found), in the document's own encoding (UTF-8, UTF-16 and UTF-32 with or without byte-order mark, and the
ASCII-compatible single-byte encodings), up to :data:`MAX_PROLOG` bytes; a longer prolog is refused too.

After the check, documents are parsed by lxml with entities off, no network, no DTD loading (:func:`parser`,
:func:`iterparse`, :func:`fromstring`), and in-memory bodies additionally by ``defusedxml`` (expat with
``forbid_dtd``/``forbid_entities``, :func:`check_body`) — two independent parsers must both accept a body.
"""
from __future__ import annotations

import codecs
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from lxml import etree

from .errors import SourceError

MAX_PROLOG = 16 << 20   # 16 MiB of XML declaration, comments and processing instructions before the root
_CHUNK = 64 << 10
_REFUSED = "DTDs and entities are refused (entity expansion / external entity attack)"

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_NO_BOM = ((b"\x3c\x00\x00\x00", "utf-32-le"), (b"\x00\x00\x00\x3c", "utf-32-be"),
           (b"\x3c\x00", "utf-16-le"), (b"\x00\x3c", "utf-16-be"))


def sniff_encoding(head: bytes) -> tuple[str, int]:
    """(codec used to scan the markup, length of the byte-order mark) from the first bytes (XML 1.0 App. F).
    ASCII-compatible documents are scanned as latin-1: the markup characters are ASCII, offsets stay bytes."""
    for bom, enc in _BOMS:
        if head.startswith(bom):
            return ("latin-1" if enc == "utf-8" else enc), len(bom)
    for start, enc in _NO_BOM:
        if head.startswith(start):
            return enc, 0
    return "latin-1", 0


def _width(enc: str) -> int:
    return 4 if "32" in enc else 2 if "16" in enc else 1


def check_prolog(fh: IO[bytes], name: str, *, max_prolog: int = MAX_PROLOG) -> None:
    """Read ``fh`` up to the root element; raise a SourceError naming ``name`` and the byte offset when the
    prolog holds ``<!DOCTYPE``/``<!ENTITY`` (any ``<!`` declaration) or is longer than ``max_prolog``."""
    head = fh.read(_CHUNK)
    enc, bom = sniff_encoding(head)
    width = _width(enc)
    decoder = codecs.getincrementaldecoder(enc)(errors="replace")
    text = decoder.decode(head[bom:])
    consumed = len(head)
    pos = 0
    eof = False
    while True:
        while pos < len(text) and text[pos] in " \t\r\n\ufeff":
            pos += 1
        if pos < len(text) and text[pos] != "<":
            return  # text before the root: not well-formed; the parser will say so
        found = _classify(text, pos, eof)
        if found is None:  # need more data
            if eof:
                return  # end of data inside the prolog: the parser reports the truncation
            chunk = fh.read(_CHUNK)
            consumed += len(chunk)
            if not chunk:
                eof = True
                continue
            if consumed > max_prolog + _CHUNK:
                raise SourceError(f"XML prolog (before the root element) is longer than {max_prolog:,} bytes; "
                                  "refused", file=name)
            bom += pos * width
            text = text[pos:] + decoder.decode(chunk)
            pos = 0
            continue
        kind, nxt = found
        if kind == "root":
            return
        if kind == "decl":
            word = text[pos:pos + 9].split()[0].upper() if text[pos:pos + 9].split() else "<!"
            raise SourceError(f"XML contains a {word} declaration at byte {bom + pos * width}; {_REFUSED}",
                              file=name)
        pos = nxt


def _classify(text: str, pos: int, eof: bool) -> tuple[str, int] | None:
    """What starts at ``pos`` of the prolog: ('skip', end) for a PI or comment, ('decl', pos) for ``<!``
    markup, ('root', pos) for the root element; None when more text is needed."""
    if len(text) - pos < 10 and not eof:
        return None
    if pos >= len(text):
        return None
    if text.startswith("<?", pos):
        end = text.find("?>", pos + 2)
        return None if end < 0 else ("skip", end + 2)
    if text.startswith("<!--", pos):
        end = text.find("-->", pos + 4)
        return None if end < 0 else ("skip", end + 3)
    if text.startswith("<!", pos):
        return ("decl", pos)
    return ("root", pos)


def check_file(path: Path | str, name: str | None = None) -> None:
    with open(path, "rb") as fh:
        check_prolog(fh, name or str(path))


def check_bytes(data: bytes, name: str) -> None:
    import io
    check_prolog(io.BytesIO(data), name)


def check_body(data: bytes | str, name: str) -> None:
    """A small in-memory document (a request body): the prolog check, then defusedxml's expat with DTDs and
    entities forbidden. Raises SourceError (a syntax error is the caller's to report)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    check_bytes(raw, name)
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring as defused_fromstring
    try:
        defused_fromstring(raw, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise SourceError(f"XML contains a forbidden construct ({type(exc).__name__}); {_REFUSED}",
                          file=name) from None
    except Exception:  # noqa: BLE001 - well-formedness is reported by the caller's own parser
        pass


def parser(*, huge_tree: bool = False, **kw: Any) -> etree.XMLParser:
    """An lxml parser that never resolves entities, loads a DTD or touches the network."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=huge_tree, **kw)


def fromstring(data: bytes | str, name: str, **kw: Any) -> Any:
    """Check, then parse an in-memory document with :func:`parser`."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    check_bytes(raw, name)
    return etree.fromstring(raw, parser(**kw))


def iterparse(source: str | Path | IO[bytes], name: str | None = None, **kw: Any) -> Iterator[Any]:
    """Check the prolog, then stream with lxml ``iterparse`` (entities off, no network, no DTD). A file object
    must be seekable (it is rewound after the check)."""
    if isinstance(source, (str, Path)):
        check_file(source, name)
        src: Any = str(source)
    else:
        check_prolog(source, name or str(getattr(source, "name", "document")))
        source.seek(0)
        src = source
    opts = {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False, **kw}
    return etree.iterparse(src, **opts)  # type: ignore[no-any-return]
