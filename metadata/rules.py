"""The table of INSPIRE TG Metadata 2.0 and GDI-DE convention rules our records must meet.

XSD validity says a record is well-formed ISO 19139; it does not say that GDI-NI will accept it or
that GovData will take it as open data. Each rule here is one such requirement, checked by XPath, so a
broken record says *which* rule it breaks (``tests/test_metadata_rules.py`` runs one test per rule).
A rule's check returns ``None`` when the record passes, else a message.
"""
from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from . import gdide, rules_ets
from .xml import xpath

Check = Callable[[etree._Element], "str | None"]
IDENT = "gmd:identificationInfo/*"
ANCHOR_OR_CHAR = "*[self::gco:CharacterString or self::gmx:Anchor]"


@dataclass(frozen=True)
class Rule:
    id: str
    source: str      # where the rule comes from
    applies: str     # "dataset" | "service" | "all"
    text: str
    check: Check


def _texts(el: etree._Element, expr: str) -> list[str]:
    return [(t.text or "").strip() for t in xpath(el, expr)]


def level(md: etree._Element) -> str:
    vals = [e.get("codeListValue") for e in xpath(md, "gmd:hierarchyLevel/gmd:MD_ScopeCode")]
    return vals[0] if vals else "dataset"


def _nonempty(expr: str, what: str) -> Check:
    def check(md):
        return None if any(_texts(md, expr)) else f"{what} missing or empty"
    return check


def _file_identifier(md):
    vals = _texts(md, "gmd:fileIdentifier/gco:CharacterString")
    if len(vals) != 1:
        return "exactly one gmd:fileIdentifier required"
    try:
        uuid.UUID(vals[0])
    except ValueError:
        return f"fileIdentifier {vals[0]!r} is not a UUID"
    return None


def _language(expr: str) -> Check:
    def check(md):
        vals = [e.get("codeListValue") for e in xpath(md, expr)]
        if not vals:
            return f"{expr} missing"
        return None if vals[0] == "ger" else f"language {vals[0]!r}, expected ISO 639-2/B 'ger'"
    return check


def _hierarchy(md):
    v = level(md)
    return None if v in ("dataset", "series", "service") else f"hierarchyLevel {v!r} not dataset/series/service"


def _contact(expr: str, what: str) -> Check:
    def check(md):
        for rp in xpath(md, f"{expr}/gmd:CI_ResponsibleParty"):
            org = _texts(rp, "gmd:organisationName/*")
            mail = _texts(rp, ".//gmd:electronicMailAddress/*")
            role = [e.get("codeListValue") for e in xpath(rp, "gmd:role/gmd:CI_RoleCode")]
            if any(org) and any(mail) and role and (expr != "gmd:contact" or role[0] == "pointOfContact"):
                return None
        return f"{what}: needs organisationName, electronicMailAddress and role" + \
            (" pointOfContact" if expr == "gmd:contact" else "")
    return check


def _datestamp(md):
    vals = _texts(md, "gmd:dateStamp/gco:Date") + _texts(md, "gmd:dateStamp/gco:DateTime")
    return None if vals and re.match(r"\d{4}-\d{2}-\d{2}", vals[0]) else "gmd:dateStamp missing or not a date"


def _reference_dates(md):
    types = [e.get("codeListValue") for e in
             xpath(md, f"{IDENT}/gmd:citation/gmd:CI_Citation/gmd:date/gmd:CI_Date/gmd:dateType/gmd:CI_DateTypeCode")]
    if not any(t in ("creation", "publication", "revision") for t in types):
        return "no creation/publication/revision date of the resource"
    if types.count("creation") > 1:
        return "more than one creation date"
    return None


def _resource_identifier(md):
    """The identifier as a URI: a gmx:Anchor's xlink:href, else codeSpace + "/" + code, else the code (an
    MD_Identifier code must then be the URI itself; md datasets-and-series 1.3 reads href or text)."""
    ids = xpath(md, f"{IDENT}/gmd:citation/gmd:CI_Citation/gmd:identifier/*")
    if not ids:
        return "unique resource identifier (citation/identifier/code) missing"
    el = xpath(ids[0], f"gmd:code/{ANCHOR_OR_CHAR}")
    code = (el[0].text or "").strip() if el else ""
    href = el[0].get("{http://www.w3.org/1999/xlink}href", "") if el else ""
    space = _texts(ids[0], f"gmd:codeSpace/{ANCHOR_OR_CHAR}")
    if not code and not href:
        return "unique resource identifier (citation/identifier/code) missing"
    uri = href or (f"{space[0].rstrip('/')}/{code}" if space and space[0] else code)
    if not re.match(r"https?://\S+/\S+", uri):
        return f"resource identifier {uri!r} is not a URI"
    if href and space and space[0] and href != f"{space[0].rstrip('/')}/{code}":
        return f"resource identifier: code {code!r} in codeSpace {space[0]!r} is not its href {href!r}"
    return None


def _inspire_theme(md):
    for kw in xpath(md, f"{IDENT}/gmd:descriptiveKeywords/gmd:MD_Keywords"):
        title = _texts(kw, "gmd:thesaurusName/gmd:CI_Citation/gmd:title/*")
        if title and title[0] == gdide.GEMET_THESAURUS:
            dates = _texts(kw, "gmd:thesaurusName/gmd:CI_Citation/gmd:date/gmd:CI_Date/gmd:date/gco:Date")
            if dates[:1] != [gdide.GEMET_THESAURUS_DATE]:
                return f"GEMET thesaurus date must be {gdide.GEMET_THESAURUS_DATE}"
            anchors = xpath(kw, "gmd:keyword/gmx:Anchor")
            if not anchors:
                return "INSPIRE theme keyword must be a gmx:Anchor"
            for a in anchors:
                href = a.get("{http://www.w3.org/1999/xlink}href", "")
                key = href.rsplit("/", 1)[-1]
                if not href.startswith(gdide.THEME_REGISTER + "/") or gdide.THEMES_DE.get(key) != (a.text or ""):
                    return f"theme keyword {a.text!r} / {href!r} is not a German GEMET INSPIRE theme label+URI"
            return None
    return f"no keyword from thesaurus {gdide.GEMET_THESAURUS!r}"


def _keyword(word: str) -> Check:
    def check(md):
        words = _texts(md, f"{IDENT}/gmd:descriptiveKeywords/gmd:MD_Keywords/gmd:keyword/{ANCHOR_OR_CHAR}")
        return None if word in words else f"keyword {word!r} missing"
    return check


def _service_category(md):
    hrefs = [a.get("{http://www.w3.org/1999/xlink}href", "") for a in
             xpath(md, f"{IDENT}/gmd:descriptiveKeywords/gmd:MD_Keywords/gmd:keyword/gmx:Anchor")]
    cats = set(gdide.SERVICE_CATEGORIES.values())
    ok = [h for h in hrefs if h.startswith(gdide.SERVICE_CATEGORY_REGISTER + "/") and h.rsplit("/", 1)[-1] in cats]
    return None if ok else "no spatial data service category keyword (Reg. 1205/2008 Part D.4)"


def _legal(md) -> list[etree._Element]:
    return xpath(md, f"{IDENT}/gmd:resourceConstraints/gmd:MD_LegalConstraints")


def _access_constraints(md):
    blocks = [b for b in _legal(md) if xpath(b, "gmd:accessConstraints")]
    if len(blocks) != 1:
        return f"expected exactly one MD_LegalConstraints with accessConstraints, found {len(blocks)}"
    b = blocks[0]
    if xpath(b, "gmd:useConstraints"):
        return "access and use constraints must be in separate MD_LegalConstraints"
    hrefs = [a.get("{http://www.w3.org/1999/xlink}href", "") for a in xpath(b, "gmd:otherConstraints/gmx:Anchor")]
    if not any(h.startswith(gdide.ACCESS_REGISTER + "/") for h in hrefs):
        return "access otherConstraints must be a gmx:Anchor into LimitationsOnPublicAccess"
    return None


def _use_constraints(md):
    blocks = [b for b in _legal(md) if xpath(b, "gmd:useConstraints")]
    if len(blocks) != 1:
        return f"expected exactly one MD_LegalConstraints with useConstraints, found {len(blocks)}"
    if xpath(blocks[0], "gmd:accessConstraints"):
        return "access and use constraints must be in separate MD_LegalConstraints"
    return None if any(_texts(blocks[0], f"gmd:otherConstraints/{ANCHOR_OR_CHAR}")) else \
        "use constraints need an otherConstraints text"


def _is_open(md) -> bool:
    words = _texts(md, f"{IDENT}/gmd:descriptiveKeywords/gmd:MD_Keywords/gmd:keyword/{ANCHOR_OR_CHAR}")
    return gdide.KEYWORD_OPENDATA in words


def _licence_json(md):
    texts = [t for b in _legal(md) if xpath(b, "gmd:useConstraints")
             for t in _texts(b, "gmd:otherConstraints/gco:CharacterString")]
    objs = []
    for t in texts:
        if t.startswith("{"):
            try:
                objs.append(json.loads(t))
            except ValueError:
                return f"licence statement is not valid JSON: {t[:80]!r}"
    if not _is_open(md):
        return None  # only open data needs the JSON; a JSON that does not parse is still wrong
    if len(objs) != 1:
        return "open data (keyword 'opendata') needs exactly one JSON licence statement in otherConstraints"
    o = objs[0]
    missing = [k for k in ("id", "name", "url") if not o.get(k)]
    if missing:
        return f"JSON licence statement lacks {', '.join(missing)}"
    if "by" in o["id"] and not o.get("quelle"):
        return "attribution licence needs 'quelle' in the JSON licence statement"
    return None


def _opendata_consistent(md):
    open_kw = _is_open(md)
    access = [a.get("{http://www.w3.org/1999/xlink}href", "") for a in
              xpath(md, f"{IDENT}/gmd:resourceConstraints/gmd:MD_LegalConstraints/gmd:otherConstraints/gmx:Anchor")]
    public = any(h.endswith("/noLimitations") for h in access)
    if open_kw and not public:
        return "keyword 'opendata' on a resource with limitations on public access"
    return None


def _topic(md):
    vals = _texts(md, f"{IDENT}/gmd:topicCategory/gmd:MD_TopicCategoryCode")
    return None if vals and vals[0] in TOPICS else f"topic category {vals[:1]} not an ISO 19115 MD_TopicCategoryCode"


TOPICS = {"farming", "biota", "boundaries", "climatologyMeteorologyAtmosphere", "economy", "elevation",
          "environment", "geoscientificInformation", "health", "imageryBaseMapsEarthCover",
          "intelligenceMilitary", "inlandWaters", "location", "oceans", "planningCadastre", "society",
          "structure", "transportation", "utilitiesCommunication"}


def _bbox(md):
    boxes = xpath(md, f"{IDENT}/*[local-name()='extent']/gmd:EX_Extent/gmd:geographicElement"
                      "/gmd:EX_GeographicBoundingBox")
    if not boxes:
        return "no EX_GeographicBoundingBox"
    for b in boxes:
        try:
            w, e, s, n = (float(_texts(b, f"gmd:{k}/gco:Decimal")[0]) for k in
                          ("westBoundLongitude", "eastBoundLongitude", "southBoundLatitude", "northBoundLatitude"))
        except (IndexError, ValueError):
            return "bounding box values missing or not decimals"
        if not (-180 <= w <= e <= 180 and -90 <= s <= n <= 90):
            return f"bounding box {w},{s},{e},{n} out of range or inverted"
    return None


def _conformity(spec_href: str, evaluated: bool) -> Check:
    def check(md):
        for res in xpath(md, rules_ets.CONF_RESULT):
            hrefs = [a.get("{http://www.w3.org/1999/xlink}href") for a in
                     xpath(res, "gmd:specification/gmd:CI_Citation/gmd:title/gmx:Anchor")]
            if spec_href not in hrefs:
                continue
            if not _texts(res, "gmd:specification/gmd:CI_Citation/gmd:date/gmd:CI_Date/gmd:date/gco:Date"):
                return "conformity specification needs its publication date"
            passed = _texts(res, "gmd:pass/gco:Boolean")
            if evaluated and passed[:1] not in (["true"], ["false"]):
                return "conformity degree must be true/false (our own validation result)"
            if not passed and not xpath(res, "gmd:pass[@gco:nilReason]"):
                return "conformity pass needs a Boolean or gco:nilReason"
            return None
        return f"no conformity statement for {spec_href}"
    return check


def _crs(md):
    hrefs = [a.get("{http://www.w3.org/1999/xlink}href", "") for a in
             xpath(md, "gmd:referenceSystemInfo/gmd:MD_ReferenceSystem/gmd:referenceSystemIdentifier/"
                       "gmd:RS_Identifier/gmd:code/gmx:Anchor")]
    return None if any(h.startswith("http://www.opengis.net/def/crs/") for h in hrefs) else \
        "reference system must be a gmx:Anchor to http://www.opengis.net/def/crs/..."


def _encoding(md):
    fmts = xpath(md, "gmd:distributionInfo/gmd:MD_Distribution/gmd:distributionFormat/gmd:MD_Format")
    if not fmts:
        return "no distributionFormat"
    for f in fmts:
        if not any(_texts(f, f"gmd:name/{ANCHOR_OR_CHAR}")) or not any(_texts(f, f"gmd:version/{ANCHOR_OR_CHAR}")):
            return "distributionFormat needs name and version"
    return None


def _locator(md):
    urls = _texts(md, "gmd:distributionInfo/gmd:MD_Distribution/gmd:transferOptions/gmd:MD_DigitalTransferOptions/"
                      "gmd:onLine/gmd:CI_OnlineResource/gmd:linkage/gmd:URL")
    return None if urls and all(re.match(r"https?://", u) for u in urls) else "no http(s) resource locator"


def _resolution(md):
    ok = xpath(md, f"{IDENT}/gmd:spatialResolution/gmd:MD_Resolution"
                   "/*[self::gmd:distance or self::gmd:equivalentScale]")
    return None if ok else "spatial resolution (distance or equivalentScale) missing"


def _service_type(md):
    vals = _texts(md, f"{IDENT}/srv:serviceType/gco:LocalName")
    ok = {"discovery", "view", "download", "transformation", "invoke", "other"}
    return None if vals and vals[0] in ok else f"srv:serviceType {vals[:1]} not an INSPIRE SpatialDataServiceType"


def _operates_on(md):
    stype = _texts(md, f"{IDENT}/srv:serviceType/gco:LocalName")[:1]
    ops = xpath(md, f"{IDENT}/srv:operatesOn")
    if stype in (["view"], ["download"]) and not ops:
        return "view/download service without coupled resource (srv:operatesOn)"
    for o in ops:
        ref, href = o.get("uuidref"), o.get("{http://www.w3.org/1999/xlink}href", "")
        if not ref or not href:
            return "srv:operatesOn needs uuidref and xlink:href"
        if ref not in href or "GetRecordById" not in href:
            return f"operatesOn xlink:href {href!r} must be the GetRecordById URL of {ref}"
    return None


def _connect_point(md):
    urls = _texts(md, f"{IDENT}/srv:containsOperations/srv:SV_OperationMetadata/srv:connectPoint/"
                      "gmd:CI_OnlineResource/gmd:linkage/gmd:URL")
    return None if urls and all(re.match(r"https?://", u) for u in urls) else "no http(s) srv:connectPoint"


def _coupling(md):
    vals = [e.get("codeListValue") for e in xpath(md, f"{IDENT}/srv:couplingType/srv:SV_CouplingType")]
    return None if vals and vals[0] in ("tight", "loose", "mixed") else "srv:couplingType missing"


def _scope_description(md):
    lv = _texts(md, "gmd:hierarchyLevelName/gco:CharacterString")
    desc = _texts(md, "gmd:dataQualityInfo/gmd:DQ_DataQuality/gmd:scope/gmd:DQ_Scope/gmd:levelDescription/"
                      "gmd:MD_ScopeDescription/gmd:other/gco:CharacterString")
    return None if any(lv) and any(desc) else "service needs hierarchyLevelName and DQ_Scope levelDescription"


RULES: tuple[Rule, ...] = (
    Rule("iso-file-identifier", "ISO 19115 + GDI-DE", "all", "one fileIdentifier, a UUID", _file_identifier),
    Rule("tg-md-language", "INSPIRE TG MD 2.0", "all", "metadata language ger",
         _language("gmd:language/gmd:LanguageCode")),
    Rule("tg-hierarchy-level", "INSPIRE TG MD 2.0", "all", "hierarchyLevel dataset/series/service", _hierarchy),
    Rule("tg-md-contact", "INSPIRE TG MD 2.0", "all", "metadata point of contact with e-mail",
         _contact("gmd:contact", "metadata contact")),
    Rule("tg-md-date", "INSPIRE TG MD 2.0", "all", "dateStamp", _datestamp),
    Rule("tg-title", "INSPIRE TG MD 2.0", "all", "resource title",
         _nonempty(f"{IDENT}/gmd:citation/gmd:CI_Citation/gmd:title/*", "title")),
    Rule("tg-abstract", "INSPIRE TG MD 2.0", "all", "resource abstract",
         _nonempty(f"{IDENT}/gmd:abstract/*", "abstract")),
    Rule("tg-responsible-party", "INSPIRE TG MD 2.0", "all", "responsible organisation with e-mail",
         _contact(f"{IDENT}/gmd:pointOfContact", "resource point of contact")),
    Rule("tg-reference-date", "INSPIRE TG MD 2.0", "all", "creation/publication/revision date, ≤1 creation",
         _reference_dates),
    Rule("tg-bbox", "INSPIRE TG MD 2.0", "all", "geographic bounding box in range", _bbox),
    Rule("tg-access-constraints", "INSPIRE TG MD 2.0 + GDI-DE", "all",
         "own MD_LegalConstraints with accessConstraints + LimitationsOnPublicAccess anchor", _access_constraints),
    Rule("tg-use-constraints", "INSPIRE TG MD 2.0 + GDI-DE", "all",
         "own MD_LegalConstraints with useConstraints + otherConstraints", _use_constraints),
    Rule("tg-resource-locator", "INSPIRE TG MD 2.0", "all", "http(s) resource locator", _locator),
    Rule("gdide-inspireidentifiziert", "GDI-DE Konventionen", "all", "keyword inspireidentifiziert",
         _keyword(gdide.KEYWORD_INSPIRE)),
    Rule("gdide-licence-json", "GDI-DE Konventionen (GovData)", "all",
         "open data: JSON licence statement with id, name, url (+quelle)", _licence_json),
    Rule("gdide-opendata-public", "GDI-DE Konventionen", "all", "keyword opendata only without access limits",
         _opendata_consistent),
    Rule("tg-resource-identifier", "INSPIRE TG MD 2.0 + GDI-DE", "dataset", "unique resource identifier URI",
         _resource_identifier),
    Rule("tg-resource-language", "INSPIRE TG MD 2.0", "dataset", "resource language ger",
         _language(f"{IDENT}/gmd:language/gmd:LanguageCode")),
    Rule("tg-inspire-theme", "INSPIRE TG MD 2.0 + GDI-DE", "dataset",
         "INSPIRE theme keyword (German GEMET label, gmx:Anchor, thesaurus 2008-06-01)", _inspire_theme),
    Rule("tg-topic-category", "INSPIRE TG MD 2.0", "dataset", "ISO topic category", _topic),
    Rule("tg-spatial-resolution", "INSPIRE TG MD 2.0", "dataset", "spatial resolution", _resolution),
    Rule("tg-crs", "INSPIRE TG MD 2.0", "dataset", "CRS as gmx:Anchor to the OGC CRS register", _crs),
    Rule("tg-encoding", "INSPIRE TG MD 2.0", "dataset", "encoding (distributionFormat name+version)", _encoding),
    Rule("tg-lineage", "INSPIRE TG MD 2.0", "dataset", "lineage statement",
         _nonempty("gmd:dataQualityInfo/gmd:DQ_DataQuality/gmd:lineage/gmd:LI_Lineage/gmd:statement/*", "lineage")),
    Rule("tg-conformity-1089", "INSPIRE TG MD 2.0", "dataset",
         "conformity to Reg. 1089/2010 with our validation result", _conformity(gdide.REG_1089[1], True)),
    Rule("tg-service-type", "INSPIRE TG MD 2.0", "service", "spatial data service type", _service_type),
    Rule("tg-service-category", "INSPIRE TG MD 2.0", "service", "service category keyword", _service_category),
    Rule("tg-coupled-resource", "INSPIRE TG MD 2.0 + GDI-DE", "service",
         "operatesOn with uuidref + xlink:href to GetRecordById", _operates_on),
    Rule("tg-connect-point", "INSPIRE TG MD 2.0", "service", "srv:connectPoint URL", _connect_point),
    Rule("iso-coupling-type", "ISO 19119", "service", "srv:couplingType", _coupling),
    Rule("iso-service-scope", "ISO 19115 (level ≠ dataset)", "service",
         "hierarchyLevelName and DQ_Scope levelDescription", _scope_description),
    Rule("tg-conformity-976", "INSPIRE TG MD 2.0", "service", "conformity statement for Reg. 976/2009",
         _conformity(gdide.REG_976[1], False)),
    # the remaining ETS assertions (metadata/rules_ets.py; C.x common, 1.x data sets, 3.x services)
    Rule("tg-root-element", "INSPIRE TG MD 2.0 (ETS C.2)", "all", "root element gmd:MD_Metadata",
         rules_ets.root_element),
    Rule("tg-one-revision-date", "INSPIRE TG MD 2.0 (ETS C.13)", "all", "at most one revision date",
         rules_ets.one_revision_date),
    Rule("tg-temporal-extent", "INSPIRE TG MD 2.0 (ETS C.14)", "all",
         "temporal extents as TimeInstant/TimePeriod with ISO 8601 positions", rules_ets.temporal_extent),
    Rule("tg-keyword-vocabulary", "INSPIRE TG MD 2.0 (ETS C.15)", "all",
         "thesaurus cited with title and publication date", rules_ets.keyword_vocabulary),
    Rule("tg-keywords-grouped", "INSPIRE TG MD 2.0 (ETS C.16)", "all", "one MD_Keywords per vocabulary",
         rules_ets.keywords_grouped),
    Rule("tg-conformity-report", "INSPIRE TG MD 2.0 (ETS C.20)", "all",
         "DQ_DomainConsistency report with DQ_ConformanceResult", rules_ets.conformity_report),
    Rule("tg-conformity-degree", "INSPIRE TG MD 2.0 (ETS C.22)", "all",
         "conformity pass true/false or nilReason unknown", rules_ets.conformity_degree),
    Rule("tg-one-identification", "INSPIRE TG MD 2.0 (ETS 1.2, 3.2)", "all",
         "first identificationInfo: one MD_DataIdentification / SV_ServiceIdentification",
         rules_ets.one_identification),
    Rule("tg-one-data-quality", "INSPIRE TG MD 2.0 (ETS 1.9, 3.8)", "all",
         "one DQ_DataQuality scoped dataset/series, or service with levelDescription", rules_ets.one_data_quality),
)
BY_ID = {r.id: r for r in RULES}


def applies(rule: Rule, md: etree._Element) -> bool:
    lv = level(md)
    return rule.applies == "all" or (rule.applies == "service") == (lv == "service")


def check(md: etree._Element) -> list[str]:
    """All failures of one record as 'rule-id (source): message'."""
    out = []
    for rule in RULES:
        if applies(rule, md):
            msg = rule.check(md)
            if msg:
                out.append(f"{rule.id} ({rule.source}): {msg}")
    return out
