"""Checks for the INSPIRE metadata ETS assertions (ets-repository ``metadata/2.0/*-bsxets.xml``) that the
first rule table did not cover: C.2, C.13–C.16, C.20, C.22 (common), 1.2, 1.9 (data sets), 3.2, 3.8 (services).

Each function follows the XQuery of its assertion (paths, the [1] on identificationInfo, the accepted code
list values); ``metadata.rules`` wraps them as ``Rule`` entries. A check returns ``None`` or a message.
"""
from __future__ import annotations

import datetime as dt
import re

from lxml import etree

from .xml import NS, xpath

FIRST_IDENT = "gmd:identificationInfo[1]/*"
CONF_RESULT = "gmd:dataQualityInfo/gmd:DQ_DataQuality/gmd:report/gmd:DQ_DomainConsistency/gmd:result/" \
              "gmd:DQ_ConformanceResult"
TEXT = "*[self::gco:CharacterString or self::gmx:Anchor]"
# ISO 8601 as the ETS date regex accepts it: year, year-month, date, date-time (+ zone); basic or extended
_ISO = re.compile(r"^(\d{4})(?:-?(\d{2})(?:-?(\d{2})(?:T\d{2}:?\d{2}(?::?\d{2}(?:[.,]\d+)?)?"
                  r"(?:Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$")


def _texts(el: etree._Element, expr: str) -> list[str]:
    return [(t.text or "").strip() for t in xpath(el, expr)]


def _code(el: etree._Element, expr: str) -> list[str]:
    return [e.get("codeListValue") or "" for e in xpath(el, expr)]


def _level(md: etree._Element) -> str:
    vals = _code(md, "gmd:hierarchyLevel/gmd:MD_ScopeCode")
    return vals[0] if vals else "dataset"


def root_element(md: etree._Element) -> str | None:
    """C.2 Root Element: the record is a gmd:MD_Metadata."""
    return None if md.tag == f"{{{NS['gmd']}}}MD_Metadata" else f"root element {md.tag} is not gmd:MD_Metadata"


def one_revision_date(md: etree._Element) -> str | None:
    """C.13 Not More than one Date of Last Revision (citation of the first identificationInfo)."""
    n = _code(md, f"{FIRST_IDENT}/gmd:citation/gmd:CI_Citation/gmd:date/gmd:CI_Date/gmd:dateType/*").count("revision")
    return None if n <= 1 else f"{n} revision dates, at most one allowed"


def _iso_date(value: str) -> bool:
    m = _ISO.match(value)
    if not m:
        return False
    try:  # a real calendar day (the ETS regex knows month lengths and leap years)
        dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        return False
    return True


def _position(el: etree._Element, allowed: tuple[str, ...], what: str) -> str | None:
    ind = el.get("indeterminatePosition")
    if ind is not None:
        return None if ind in allowed else f"{what} indeterminatePosition {ind!r} not one of {', '.join(allowed)}"
    return None if _iso_date((el.text or "").strip()) else f"{what} {el.text!r} is not an ISO 8601 date"


def temporal_extent(md: etree._Element) -> str | None:
    """C.14 Temporal Extent: every temporal extent is a TimeInstant or a TimePeriod with ISO 8601 positions
    (or an allowed indeterminatePosition). A record without temporal extent passes, as in the ETS (its
    temporal reference is then the citation dates, C.11)."""
    for ext in xpath(md, f"{FIRST_IDENT}/*[local-name()='extent']/gmd:EX_Extent/gmd:temporalElement/"
                         "gmd:EX_TemporalExtent/gmd:extent"):
        inst = xpath(ext, "*[local-name()='TimeInstant']/*[local-name()='timePosition']")
        period = xpath(ext, "*[local-name()='TimePeriod']")
        if inst:
            msg = _position(inst[0], ("unknown", "now"), "timePosition")
        elif period:
            msg = None
            for name in ("beginPosition", "endPosition"):
                pos = xpath(period[0], f"*[local-name()='{name}']")
                msg = msg or (_position(pos[0], ("unknown", "before", "now", "after"), name) if pos
                              else f"TimePeriod without {name}")
        else:
            msg = "temporal extent is neither a TimeInstant nor a TimePeriod"
        if msg:
            return msg
    return None


def keyword_vocabulary(md: etree._Element) -> str | None:
    """C.15 Keyword Originating CV: every thesaurusName cites a title and its date(s), of type publication
    (the ETS fails a thesaurus date of any other type)."""
    for th in xpath(md, "gmd:identificationInfo/*/gmd:descriptiveKeywords/gmd:MD_Keywords/gmd:thesaurusName/"
                        "gmd:CI_Citation"):
        title = _texts(th, f"gmd:title/{TEXT}")
        if not any(title):
            return "thesaurusName without a (non-empty) title"
        types = _code(th, "gmd:date/gmd:CI_Date/gmd:dateType/gmd:CI_DateTypeCode")
        if not types or any(t != "publication" for t in types):
            return f"thesaurus {title[0]!r}: date types {types}, must be a publication date"
    return None


def keywords_grouped(md: etree._Element) -> str | None:
    """C.16 Group Keywords by CV: one MD_Keywords per cited vocabulary (thesaurus titles are distinct)."""
    titles = ["".join(t.itertext()).strip() for t in
              xpath(md, "gmd:identificationInfo/*/gmd:descriptiveKeywords/gmd:MD_Keywords/gmd:thesaurusName/"
                        "gmd:CI_Citation/gmd:title")]
    dup = sorted({t for t in titles if titles.count(t) > 1})
    return f"keywords of {dup} are split over several MD_Keywords" if dup else None


def conformity_report(md: etree._Element) -> str | None:
    """C.20 Dataset Conformity: a DQ_DomainConsistency report with a DQ_ConformanceResult."""
    return None if xpath(md, CONF_RESULT) else "no DQ_DomainConsistency/DQ_ConformanceResult (degree of conformity)"


def conformity_degree(md: etree._Element) -> str | None:
    """C.22 Conformity Degree: each conformance result's pass is gco:Boolean true/false, or nilReason
    "unknown" when not evaluated. (The ETS looks at the results citing 1089/2010 or 976/2009; ours are only
    those, and every result is held to it.)"""
    results = xpath(md, CONF_RESULT)
    if not results:
        return "no conformity statement"
    for res in results:
        title = " ".join(_texts(res, f"gmd:specification/gmd:CI_Citation/gmd:title/{TEXT}"))[:60]
        passed = xpath(res, "gmd:pass")
        if not passed:
            return f"conformity to {title!r} without gmd:pass"
        vals = _texts(passed[0], "gco:Boolean")
        if vals:
            if vals[0] not in ("true", "false"):
                return f"conformity to {title!r}: pass {vals[0]!r}, must be 'true' or 'false'"
        elif passed[0].get(f"{{{NS['gco']}}}nilReason") != "unknown":
            return f"conformity to {title!r}: no Boolean, so gco:nilReason must be 'unknown'"
    return None


def one_identification(md: etree._Element) -> str | None:
    """1.2 Only One Data Identification / 3.2 Service Identification Element: the first identificationInfo
    holds exactly one MD_DataIdentification (data set, series) or SV_ServiceIdentification (service)."""
    want = "srv:SV_ServiceIdentification" if _level(md) == "service" else "gmd:MD_DataIdentification"
    n = len(xpath(md, f"gmd:identificationInfo[1]/{want}"))
    return None if n == 1 else f"first gmd:identificationInfo holds {n} {want}, exactly one required"


def one_data_quality(md: etree._Element) -> str | None:
    """1.9 Data Quality Info Section / 3.8 Only One Data Quality Element: exactly one DQ_DataQuality,
    scoped dataset/series for data, service (+ a non-empty levelDescription) for services."""
    dq = xpath(md, "gmd:dataQualityInfo/gmd:DQ_DataQuality")
    if len(dq) != 1:
        return f"{len(dq)} DQ_DataQuality elements, exactly one required"
    scope = _code(md, "gmd:dataQualityInfo[1]/gmd:DQ_DataQuality/gmd:scope/gmd:DQ_Scope/gmd:level/gmd:MD_ScopeCode")
    if _level(md) != "service":
        return None if scope[:1] in (["dataset"], ["series"]) else f"DQ_Scope level {scope[:1]}, not dataset/series"
    if scope[:1] != ["service"]:
        return f"DQ_Scope level {scope[:1]} of a service record, not service"
    desc = _texts(md, "gmd:dataQualityInfo[1]/gmd:DQ_DataQuality/gmd:scope/gmd:DQ_Scope/gmd:levelDescription/"
                      f"gmd:MD_ScopeDescription/gmd:other/{TEXT}")
    return None if any(desc) else "service DQ_Scope needs a non-empty levelDescription/MD_ScopeDescription/other"
