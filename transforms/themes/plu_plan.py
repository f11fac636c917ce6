"""Plan-level helpers of the PLU mappers (split out of ``plu.py`` to keep it one concern): the procedure
dates that become ``ordinance``, checked plan dates, and the choice of the plan document."""
from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path
from typing import Any

from core.errors import MappingError

# Verfahrensdaten -> ordinance (XLeitstelle: the procedure's dated steps)
ORDINANCE_DATES = (("aufstellungsbeschlussDatum", "Aufstellungsbeschluss"),
                   ("auslegungsStartDatum", "Öffentliche Auslegung (Beginn)"),
                   ("auslegungsEndDatum", "Öffentliche Auslegung (Ende)"),
                   ("satzungsbeschlussDatum", "Satzungsbeschluss"),
                   ("rechtsverordnungsDatum", "Rechtsverordnung"),
                   ("ausfertigungsDatum", "Ausfertigung"),
                   ("planbeschlussDatum", "Planbeschluss"),
                   ("wirksamkeitsDatum", "Wirksamkeit"),
                   ("inkrafttretensDatum", "Inkrafttreten"))


def _code(v: Any) -> str | None:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    if isinstance(v, list):
        v = v[0] if v else None
        return _code(v)
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v)


def _date(v: Any) -> str | None:
    s = _code(v)
    if not s or s.startswith("9999"):
        return None
    return s[:10]


_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]*(?:Z|[+-]\d{2}:?\d{2})?)?$")


def checked_date(v: Any, *, file: str, record: str, field: str) -> str | None:
    """A plan date as ``YYYY-MM-DD``; a value that is no real date (``2021-13-45``, ``30.06.2021``) is a
    MappingError naming the source file, the plan, the XPlanung field and the value (it would otherwise
    surface only as an XSD error on the INSPIRE element)."""
    s = _code(v)
    if not s or s.startswith("9999"):
        return None
    m = _ISO_DATE.match(s.strip())
    try:
        if not m:
            raise ValueError(s)
        dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise MappingError(f"field '{field}' value {s!r} is not a date (xs:date, YYYY-MM-DD); fix the plan",
                           file=file, record=record, field=field, value=s) from None
    return s.strip()[:10]


# XP_ExterneReferenzTyp codes in the order they qualify as *the* plan document (maxOccurs 1 in PLU):
# Rechtsplan, Satzung, Verordnung, Karte, Plangrundlage; then any other with a URL
DOCUMENT_TYPES = ("1030", "1060", "1065", "1070", "1040")
CI_DATE_CODES = "http://standards.iso.org/iso/19139/resources/gmxCodelists.xml#CI_DateTypeCode"


def plan_document(refs: list[dict[str, str]]) -> dict[str, str] | None:
    """The externeReferenz that becomes OfficialDocumentation.planDocument, or None."""
    def rank(r: dict[str, str]) -> tuple[int, int]:
        t = r.get("typ", "")
        return (DOCUMENT_TYPES.index(t) if t in DOCUMENT_TYPES else len(DOCUMENT_TYPES),
                0 if r.get("referenzURL") else 1)
    if not refs:
        return None
    best = min(refs, key=rank)
    url = best.get("referenzURL", "")
    name = best.get("referenzName") or best.get("beschreibung") or Path(url).name or "Plandokument"
    date = _date(best.get("datum"))
    return {"name": name, "url": url, "date": date or ""}
