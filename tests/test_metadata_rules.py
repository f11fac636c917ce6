"""Issue 6 item 3: the TG 2.0 / GDI-DE rule table, one test per rule, on every record of the demo.

A second table breaks a real record in one place and asserts that exactly the rule meant for that
defect fires (so each rule can fail, and a failure names the rule)."""
from __future__ import annotations

import copy
import json

import pytest
from lxml import etree

from metadata import rules
from metadata.records import parse, read_index
from metadata.xml import NS, xpath

from .conftest import SHARED

XLINK = "{http://www.w3.org/1999/xlink}href"


@pytest.fixture(scope="module")
def records(demo_settings) -> dict[str, etree._Element]:
    """All records the demo wrote (public and restricted), by dataset/service name."""
    base = demo_settings.var_dir / "metadata"
    out = {e["name"]: parse(base / e["file"]) for e in read_index(demo_settings)}
    assert out, "the demo wrote no metadata records"
    return out


@pytest.mark.parametrize("rule", rules.RULES, ids=[r.id for r in rules.RULES])
def test_rule(rule, records):
    applicable = {n: md for n, md in records.items() if rules.applies(rule, md)}
    assert applicable, f"rule {rule.id} applies to no record of the demo"
    failures = {n: rule.check(md) for n, md in applicable.items()}
    failures = {n: m for n, m in failures.items() if m}
    assert not failures, f"{rule.id} ({rule.source}: {rule.text}) broken by: {failures}"


# --- each rule fires on the defect it is meant for -----------------------------------------------------------

def _remove(expr):
    def f(md):
        els = xpath(md, expr)
        assert els, f"mutation target {expr} not in record"
        for e in els:
            e.getparent().remove(e)
    return f


def _set_text(expr, text):
    def f(md):
        els = xpath(md, expr)
        assert els, f"mutation target {expr} not in record"
        for e in els:
            e.text = text
    return f


def _set_attr(expr, attr, value):
    def f(md):
        els = xpath(md, expr)
        assert els, f"mutation target {expr} not in record"
        for e in els:
            e.set(attr, value)
    return f


def _merge_constraints(md):
    """Put the use constraint into the access constraints block (one MD_LegalConstraints for both)."""
    blocks = xpath(md, "gmd:identificationInfo/*/gmd:resourceConstraints/gmd:MD_LegalConstraints")
    acc, use = blocks[0], blocks[1]
    acc.insert(1, copy.deepcopy(xpath(use, "gmd:useConstraints")[0]))
    use.getparent().getparent().remove(use.getparent())


def _licence_without_quelle(md):
    for e in xpath(md, "//gmd:otherConstraints/gco:CharacterString"):
        if e.text.startswith("{"):
            obj = json.loads(e.text)
            obj.pop("quelle")
            e.text = json.dumps(obj)


def _opendata_on_restricted(md):
    _set_attr("//gmd:otherConstraints/gmx:Anchor[contains(@xlink:href,'LimitationsOnPublicAccess')]", XLINK,
              "http://inspire.ec.europa.eu/metadata-codelist/LimitationsOnPublicAccess/INSPIRE_Directive_Article13_1f")(md)


def _rename(expr, tag):
    def f(md):
        els = xpath(md, expr)
        assert els, f"mutation target {expr} not in record"
        for e in els:
            e.tag = tag
    return f


def _duplicate(expr):
    """Insert a copy of the (first) element right after it."""
    def f(md):
        els = xpath(md, expr)
        assert els, f"mutation target {expr} not in record"
        els[0].addnext(copy.deepcopy(els[0]))
    return f


def _two_revision_dates(md):
    cit = xpath(md, "gmd:identificationInfo[1]/*/gmd:citation/gmd:CI_Citation")[0]
    for day in ("2031-01-01", "2032-01-01"):
        d = copy.deepcopy(xpath(cit, "gmd:date")[-1])
        xpath(d, ".//gco:Date")[0].text = day
        xpath(d, ".//gmd:CI_DateTypeCode")[0].set("codeListValue", "revision")
        xpath(cit, "gmd:date")[-1].addnext(d)


def _temporal_extent(instant=None, begin=None, end=None):
    """Add a gml:TimeInstant (``instant``) or gml:TimePeriod (``begin``, ``end``) temporal extent to the
    dataset's EX_Extent; a position is a date text or ("indeterminatePosition", value)."""
    def pos(parent, name, value):
        el = etree.SubElement(parent, f"{{{NS['gml']}}}{name}")
        if isinstance(value, tuple):
            el.set(*value)
        else:
            el.text = value

    def f(md):
        ex = xpath(md, "gmd:identificationInfo[1]/*/gmd:extent/gmd:EX_Extent")[0]
        ext = etree.SubElement(etree.SubElement(etree.SubElement(ex, f"{{{NS['gmd']}}}temporalElement"),
                                                f"{{{NS['gmd']}}}EX_TemporalExtent"), f"{{{NS['gmd']}}}extent")
        if instant is not None:
            pos(etree.SubElement(ext, f"{{{NS['gml']}}}TimeInstant"), "timePosition", instant)
        else:
            period = etree.SubElement(ext, f"{{{NS['gml']}}}TimePeriod")
            pos(period, "beginPosition", begin)
            pos(period, "endPosition", end)
    return f


ID = "gmd:identificationInfo/*"
GCO_NIL = f"{{{NS['gco']}}}nilReason"
MUTATIONS = [
    # (record, mutation, rule that must fire)
    ("trees", _set_text("gmd:fileIdentifier/gco:CharacterString", "baum-1"), "iso-file-identifier"),
    ("trees", _set_attr("gmd:language/gmd:LanguageCode", "codeListValue", "deu"), "tg-md-language"),
    ("trees", _set_attr("gmd:hierarchyLevel/gmd:MD_ScopeCode", "codeListValue", "featureType"),
     "tg-hierarchy-level"),
    ("trees", _remove("gmd:contact//gmd:electronicMailAddress"), "tg-md-contact"),
    ("trees", _remove("gmd:dateStamp"), "tg-md-date"),
    ("trees", _set_text(f"{ID}/gmd:citation/*/gmd:title/gco:CharacterString", " "), "tg-title"),
    ("trees", _remove(f"{ID}/gmd:abstract"), "tg-abstract"),
    ("trees", _remove(f"{ID}/gmd:pointOfContact"), "tg-responsible-party"),
    ("trees", _remove(f"{ID}/gmd:citation/*/gmd:date"), "tg-reference-date"),
    ("trees", _set_text(f"{ID}//gmd:westBoundLongitude/gco:Decimal", "200"), "tg-bbox"),
    ("trees", _remove(f"{ID}//gmd:accessConstraints/../gmd:otherConstraints"), "tg-access-constraints"),
    ("trees", _merge_constraints, "tg-access-constraints"),
    ("trees", _remove(f"{ID}//gmd:useConstraints/.."), "tg-use-constraints"),
    ("trees", _remove("//gmd:onLine"), "tg-resource-locator"),
    ("trees", _set_text("//gmd:keyword/gco:CharacterString[.='inspireidentifiziert']", "INSPIRE"),
     "gdide-inspireidentifiziert"),
    ("trees", _licence_without_quelle, "gdide-licence-json"),
    ("trees", _set_text("//gmd:otherConstraints/gco:CharacterString[starts-with(.,'{')]", "{id: dl-by-de/2.0"),
     "gdide-licence-json"),
    ("trees", _opendata_on_restricted, "gdide-opendata-public"),
    ("trees", _set_attr(f"{ID}/gmd:citation/*/gmd:identifier/*/gmd:code/gmx:Anchor",
                        "{http://www.w3.org/1999/xlink}href", "trees"), "tg-resource-identifier"),
    ("trees", _set_text(f"{ID}/gmd:citation/*/gmd:identifier/*/gmd:code/gmx:Anchor", "baeume"),
     "tg-resource-identifier"),  # code + codeSpace no longer name the href
    ("trees", _set_attr(f"{ID}/gmd:language/gmd:LanguageCode", "codeListValue", "eng"), "tg-resource-language"),
    ("trees", _set_text("//gmd:keyword/gmx:Anchor[contains(@xlink:href,'/theme/')]", "Species distribution"),
     "tg-inspire-theme"),
    ("trees", _set_text("//gmd:thesaurusName//gco:Date", "2008-06-02"), "tg-inspire-theme"),
    ("trees", _set_text(f"{ID}/gmd:topicCategory/gmd:MD_TopicCategoryCode", "trees"), "tg-topic-category"),
    ("trees", _remove(f"{ID}/gmd:spatialResolution"), "tg-spatial-resolution"),
    ("trees", _set_attr("gmd:referenceSystemInfo//gmx:Anchor", XLINK, "EPSG:25832"), "tg-crs"),
    ("trees", _remove("//gmd:distributionFormat/*/gmd:version"), "tg-encoding"),
    ("trees", _remove("gmd:dataQualityInfo/*/gmd:lineage"), "tg-lineage"),
    ("trees", _remove("//gmd:DQ_ConformanceResult/gmd:pass/gco:Boolean"), "tg-conformity-1089"),
    ("wms", _set_text(f"{ID}/srv:serviceType/gco:LocalName", "WMS"), "tg-service-type"),
    ("wms", _remove("//gmd:keyword/gmx:Anchor[contains(@xlink:href,'SpatialDataServiceCategory')]/.."),
     "tg-service-category"),
    ("wms", _remove(f"{ID}/srv:operatesOn"), "tg-coupled-resource"),
    ("ogcapi", _set_attr(f"{ID}/srv:operatesOn", XLINK, "http://example.org/x"), "tg-coupled-resource"),
    ("csw", _set_text("//srv:connectPoint//gmd:URL", "ftp://x"), "tg-connect-point"),
    ("download", _remove(f"{ID}/srv:couplingType"), "iso-coupling-type"),
    ("download", _remove("gmd:hierarchyLevelName"), "iso-service-scope"),
    ("csw", _remove("gmd:dataQualityInfo/*/gmd:report"), "tg-conformity-976"),
    # ETS assertions of metadata/rules_ets.py
    ("trees", _rename(".", "{http://www.isotc211.org/2005/gmi}MI_Metadata"), "tg-root-element"),
    ("trees", _two_revision_dates, "tg-one-revision-date"),
    ("trees", _temporal_extent(begin="2024-02-30", end=("indeterminatePosition", "now")), "tg-temporal-extent"),
    ("trees", _temporal_extent(instant=("indeterminatePosition", "before")), "tg-temporal-extent"),
    ("trees", _temporal_extent(begin="2019", end="im Frühjahr"), "tg-temporal-extent"),
    ("trees", _set_attr("//gmd:thesaurusName//gmd:CI_DateTypeCode", "codeListValue", "revision"),
     "tg-keyword-vocabulary"),
    ("trees", _remove("//gmd:thesaurusName/*/gmd:title"), "tg-keyword-vocabulary"),
    ("trees", _duplicate(f"{ID}/gmd:descriptiveKeywords[gmd:MD_Keywords/gmd:thesaurusName]"), "tg-keywords-grouped"),
    ("trees", _rename("//gmd:DQ_DomainConsistency", "{http://www.isotc211.org/2005/gmd}DQ_CompletenessOmission"),
     "tg-conformity-report"),
    ("csw", _set_attr("//gmd:DQ_ConformanceResult/gmd:pass", GCO_NIL, "missing"), "tg-conformity-degree"),
    ("trees", _set_text("//gmd:DQ_ConformanceResult/gmd:pass/gco:Boolean", "1"), "tg-conformity-degree"),
    ("trees", _rename("gmd:identificationInfo/gmd:MD_DataIdentification",
                      "{http://www.isotc211.org/2005/srv}SV_ServiceIdentification"), "tg-one-identification"),
    ("wms", _rename("gmd:identificationInfo/srv:SV_ServiceIdentification",
                    "{http://www.isotc211.org/2005/gmd}MD_DataIdentification"), "tg-one-identification"),
    ("trees", _duplicate("gmd:dataQualityInfo"), "tg-one-data-quality"),
    ("trees", _set_attr("gmd:dataQualityInfo/*/gmd:scope/*/gmd:level/gmd:MD_ScopeCode", "codeListValue", "service"),
     "tg-one-data-quality"),
    ("download", _duplicate("gmd:dataQualityInfo"), "tg-one-data-quality"),
    ("wms", _set_text("gmd:dataQualityInfo/*/gmd:scope//gmd:other/gco:CharacterString", " "), "tg-one-data-quality"),
]


def test_every_rule_has_a_mutation():
    covered = {m[2] for m in MUTATIONS}
    assert covered == set(rules.BY_ID), f"rules without a breaking example: {set(rules.BY_ID) - covered}"


@pytest.mark.parametrize("name,mutate,rule_id", MUTATIONS, ids=[f"{m[2]}-{i}" for i, m in enumerate(MUTATIONS)])
def test_broken_record_names_its_rule(records, name, mutate, rule_id):
    md = copy.deepcopy(records[name])
    assert not rules.check(md), "the unbroken record must pass every rule"
    mutate(md)
    fired = [f.split(" ", 1)[0] for f in rules.check(md)]
    assert rule_id in fired, f"breaking for {rule_id} made {fired or 'no rule'} fire"


@pytest.mark.parametrize("extent", [
    _temporal_extent(begin="2019-04-01", end=("indeterminatePosition", "now")),
    _temporal_extent(begin="2019", end="2024-02-29T12:00:00Z"),
    _temporal_extent(instant="2024-06-30T08:15:00+02:00"),
], ids=["period-until-now", "year-to-datetime", "instant"])
def test_temporal_extent_accepts_iso_8601(records, extent):
    """md common req C.14: our records carry no temporal extent (C.11 is met by the citation dates), so the
    demo records pass vacuously; a well-formed extent must pass too, not only the broken ones fail."""
    md = copy.deepcopy(records["trees"])
    extent(md)
    assert rules.BY_ID["tg-temporal-extent"].check(md) is None


def test_rules_reject_shared_invalid_sample():
    """The TG 2.0 sample without dateStamp (shared/inspire/samples) fails our date rule too."""
    sample = SHARED / "inspire" / "samples" / "metadata"
    md = etree.parse(str(sample / "md_dataset_baumkataster_invalid.xml")).getroot()
    assert any(f.startswith("tg-md-date ") for f in rules.check(md))
    ok = etree.parse(str(sample / "md_dataset_baumkataster.xml")).getroot()
    assert rules.BY_ID["tg-md-date"].check(ok) is None
    assert rules.BY_ID["tg-inspire-theme"].check(ok) is None
    assert NS["gmd"] == ok.nsmap["gmd"]


# --- the INSPIRE ETS assertions (metadata TG 2.0 conformance classes) our rules implement ---------------------
# Labels as in inspire-eu-validation/ets-repository metadata/2.0/{common,datasets-and-series,sds}/*-bsxets.xml
# (Common Requirements; Conformance Class 1 data sets baseline; CC 3 spatial data service baseline; CC 4 network
# services). Each runs the rules that implement it over every record it applies to; the README lists the rest.
ETS = [
    ("md common req C.5 Language Code", ["tg-md-language"]),
    ("md common req C.6 Metadata Point of Contact", ["tg-md-contact"]),
    ("md common req C.7 Metadata Date", ["tg-md-date"]),
    ("md common req C.8 Resource Title", ["tg-title"]),
    ("md common req C.9 Resource Abstract", ["tg-abstract"]),
    ("md common req C.10 Responsible Organization", ["tg-responsible-party"]),
    ("md common req C.11 Temporal Reference", ["tg-reference-date"]),
    ("md common req C.12 Max One Date of Creation", ["tg-reference-date"]),
    ("md common req C.17 Limitations on Public Access", ["tg-access-constraints"]),
    ("md common req C.18 Conditions for Access and Use", ["tg-use-constraints"]),
    ("md common req C.19 Geographical Bounding Box", ["tg-bbox"]),
    ("md common req C.2 Root Element", ["tg-root-element"]),
    ("md common req C.13 Not More than one Date of Last Revision", ["tg-one-revision-date"]),
    ("md common req C.14 Temporal Extent", ["tg-temporal-extent"]),
    ("md common req C.15 Keyword Originating CV", ["tg-keyword-vocabulary"]),
    ("md common req C.16 Group Keywords by CV", ["tg-keywords-grouped"]),
    ("md common req C.20 Dataset Conformity", ["tg-conformity-report"]),
    ("md common req C.21 Dataset Conformity Specifications", ["tg-conformity-1089", "tg-conformity-976"]),
    ("md common req C.22 Conformity Degree", ["tg-conformity-degree"]),
    ("md datasets-and-series 1.1 Resource Type", ["tg-hierarchy-level"]),
    ("md datasets-and-series 1.2 Only One Data Identification", ["tg-one-identification"]),
    ("md datasets-and-series 1.3 Dataset UID", ["tg-resource-identifier"]),
    ("md datasets-and-series 1.4 INSPIRE Theme Keyword", ["tg-inspire-theme"]),
    ("md datasets-and-series 1.5 Spatial Resolution", ["tg-spatial-resolution"]),
    ("md datasets-and-series 1.6 Resource Language", ["tg-resource-language"]),
    ("md datasets-and-series 1.7 Topic Category", ["tg-topic-category"]),
    ("md datasets-and-series 1.8 Resource Locator", ["tg-resource-locator"]),
    ("md datasets-and-series 1.9 Data Quality Info Section", ["tg-one-data-quality"]),
    ("md datasets-and-series 1.10 Dataset Conformity", ["tg-conformity-1089"]),
    ("md datasets-and-series 1.11 Lineage", ["tg-lineage"]),
    ("md sds 3.1 Resource Type", ["tg-hierarchy-level", "iso-service-scope"]),
    ("md sds 3.2 Service Identification Element", ["tg-one-identification"]),
    ("md sds 3.4 Spatial Data Service Category", ["tg-service-category"]),
    ("md sds 3.5 Spatial Data Service Type", ["tg-service-type"]),
    ("md sds 3.6 Coupled Resource", ["tg-coupled-resource"]),
    ("md sds 3.7 Resource Locator", ["tg-resource-locator"]),
    ("md sds 3.8 Only One Data Quality Element", ["tg-one-data-quality"]),
    ("md ns 4.1 Spatial Data Service Type", ["tg-service-type"]),
]


@pytest.mark.parametrize("assertion, rule_ids", ETS, ids=[a for a, _ in ETS])
def test_ets_assertion(assertion, rule_ids, records):
    by_id = {r.id: r for r in rules.RULES}
    kind = ("dataset" if "datasets-and-series" in assertion else "service" if " sds " in assertion
            or " ns " in assertion else None)
    checked = 0
    for rid in rule_ids:
        rule = by_id[rid]
        for name, md in records.items():
            if not rules.applies(rule, md) or (kind and rules.level(md) != kind):
                continue
            checked += 1
            assert rule.check(md) is None, f"{assertion}: {name} breaks {rid}: {rule.check(md)}"
    assert checked, f"{assertion}: applies to no record of the demo"


def test_ets_dataset_uid_unique_across_records(records):
    """md datasets-and-series 1.3 Dataset UID, second half: no two dataset records share an identifier."""
    seen: dict[str, str] = {}
    for name, md in records.items():
        if rules.level(md) != "dataset":
            continue
        codes = xpath(md, "gmd:identificationInfo/*/gmd:citation/*/gmd:identifier/*/gmd:code/*")
        ident = codes[0].get(XLINK) or codes[0].text
        assert ident not in seen, f"{name} and {seen.get(ident)} share the identifier {ident}"
        seen[ident] = name
    assert len(seen) >= 2


def test_view_service_abstract_states_the_scale_limit_of_every_theme_style() -> None:
    """md sds 3.3 (spatial resolution of a service, free text in the abstract): the WMS record states the
    scales down to which layers draw, exactly those the mapfile generator's theme styles use."""
    import re

    from metadata.service import SERVICES
    from services.wms.styles import fallback_style, theme_style
    wms = next(s for s in SERVICES if s.key == "wms")
    limits = {fallback_style("Polygon").maxscale, fallback_style("Point").maxscale,
              *(theme_style(t, g, set()).maxscale for t in ("sd", "bu", "lu", "am", "plu")
                for g in ("Point", "Polygon"))}
    stated = {float(m.replace(" ", "")) for m in re.findall(r"1:(\d{1,3}(?: \d{3})*)", wms.abstract)}
    assert "Räumliche Auflösung" in wms.abstract
    assert stated == limits
